"""Runs the oracle: its own tests, then every deck; exits non-zero when anything fails.

`python run.py [-k PATTERN] [-v] [--write-receipts]`
- Every decks/*.toml is proven by the runner its `[deck.oracle] runner` names (decks.py);
  ORACLE_DECK=path proves only that file.
- PATTERN selects deck questions by id (as unittest -k does); the oracle's own tests are
  skipped then, and only the selected questions' receipts are compared.
- Normally (what scripts/test runs) a fresh run's receipts are compared with each deck's
  committed `decks/<deck>.receipts.json`; any difference fails as a stale receipt, with a
  unified diff.
- `--write-receipts` writes those files instead (each only when every question of its deck was
  proven).
The time each runner took is printed at the end.
"""

import argparse
import json
import os
import sys
import time
import unittest

import decks
import prove
import test_deck
import test_oracle

parser = argparse.ArgumentParser()
parser.add_argument("-k", dest="patterns", action="append", default=[])
parser.add_argument("-v", dest="verbosity", action="store_const", const=2, default=1)
parser.add_argument("--write-receipts", action="store_true")
args = parser.parse_args()
if args.write_receipts and args.patterns:
    print("oracle: --write-receipts needs whole decks (no -k)")
    sys.exit(2)

runner = unittest.TextTestRunner(verbosity=args.verbosity, stream=sys.stdout)
loader = unittest.TestLoader()
ok = True
if args.patterns:
    loader.testNamePatterns = [f"*{p.replace('-', '_')}*" for p in args.patterns]
else:
    print("oracle: its own tests (test_oracle.py)")
    ok = runner.run(loader.loadTestsFromModule(test_oracle)).wasSuccessful()


def compare_or_write(oracle):
    """Compares (or writes) the deck's receipts; returns (ok, note)."""
    name = os.path.relpath(oracle.receipts_path, decks.ROOT)
    fresh_questions = dict(oracle.receipts)
    if args.write_receipts:
        fresh = receipts_text(oracle, fresh_questions)
        with open(oracle.receipts_path, "w", encoding="utf-8") as receipts_file:
            receipts_file.write(fresh)
        return True, f"wrote {name}"
    committed = ""
    if os.path.exists(oracle.receipts_path):
        with open(oracle.receipts_path, encoding="utf-8") as receipts_file:
            committed = receipts_file.read()
    if args.patterns and committed:  # only the selected questions are compared
        fresh_questions = {**json.loads(committed).get("questions", {}), **fresh_questions}
    diff = prove.stale_diff(committed, receipts_text(oracle, fresh_questions), name)
    if not diff:
        return True, f"{name} up to date"
    print(diff, end="")
    print(
        f"oracle: stale receipt: {name} does not say what {oracle.runner.describe()} did in "
        f"this run (diff above); if the change is intended, run `scripts/oracle "
        f"--write-receipts` and commit it"
        if committed
        else f"oracle: stale receipt: {name} is missing; run `scripts/oracle --write-receipts`"
    )
    return False, ""


def receipts_text(oracle, questions):
    return prove.receipts_text(oracle.id, oracle.runner.versions(), questions)


seconds_by_runner = {}
for oracle in test_deck.ORACLES:
    print(f"oracle: deck {oracle.id} ({oracle.runner.NAME} runner)")
    started = time.monotonic()
    result = runner.run(loader.loadTestsFromTestCase(oracle.tests))
    seconds = time.monotonic() - started
    seconds_by_runner[oracle.runner.NAME] = seconds_by_runner.get(oracle.runner.NAME, 0) + seconds
    if result.wasSuccessful():
        receipts_ok, receipts_note = compare_or_write(oracle)
    else:
        receipts_ok = False
        receipts_note = (
            f"{os.path.relpath(oracle.receipts_path, decks.ROOT)} not compared (questions failed)"
        )
    ok = ok and receipts_ok
    stats = oracle.stats
    checked = oracle.checked()
    by_handlers = ", ".join(
        f"{count} under {' + '.join(handlers)}"
        for handlers, count in sorted(stats["handlers"].items())
    )
    print(
        f"oracle: {oracle.id}: {oracle.runner.describe()}, {stats['proven']} questions proven "
        f"(checks: {by_handlers or 'none'}; {stats['proofs']} proofs; {stats['runs']} runs), "
        f"{oracle.sources()} cite a source, {seconds:.1f} s"
        + ("" if stats["proven"] == checked or args.patterns
           else f" ({checked - stats['proven']} of {checked} checked questions FAILED)")
        + (f"; {receipts_note}" if receipts_note else "")
    )
print("oracle: time per runner: " + ", ".join(
    f"{name} {seconds:.1f} s" for name, seconds in sorted(seconds_by_runner.items())
))
sys.exit(0 if ok else 1)
