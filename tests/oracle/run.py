"""Runs the oracle: its own tests, then the deck; exits non-zero when anything fails.

`python run.py [-k PATTERN] [-v] [--write-receipts]`
- PATTERN selects deck questions by id (as unittest -k does); the oracle's own tests are
  skipped then, and only the selected questions' receipts are compared.
- Normally (what scripts/test runs) a fresh run's receipts are compared with the committed
  `decks/<deck>.receipts.json`; any difference fails as a stale receipt, with a unified diff.
- `--write-receipts` writes that file instead (only when every question was proven).
"""

import argparse
import json
import os
import sys
import time
import unittest

import django

import harness  # noqa: F401  (configures Django before the tests import it)
import prove
import test_deck
import test_oracle

parser = argparse.ArgumentParser()
parser.add_argument("-k", dest="patterns", action="append", default=[])
parser.add_argument("-v", dest="verbosity", action="store_const", const=2, default=1)
parser.add_argument("--write-receipts", action="store_true")
args = parser.parse_args()

runner = unittest.TextTestRunner(verbosity=args.verbosity, stream=sys.stdout)
loader = unittest.TestLoader()
ok = True
if not args.patterns:
    print("oracle: its own tests (test_oracle.py)")
    ok = runner.run(loader.loadTestsFromModule(test_oracle)).wasSuccessful()
    print("oracle: the deck")
if args.patterns:
    loader.testNamePatterns = [f"*{p.replace('-', '_')}*" for p in args.patterns]
deck_result = runner.run(loader.loadTestsFromModule(test_deck))
ok = deck_result.wasSuccessful() and ok

deck = test_deck.DECK
name = os.path.relpath(test_deck.RECEIPTS_FILE, test_deck.ROOT)
committed = ""
if os.path.exists(test_deck.RECEIPTS_FILE):
    with open(test_deck.RECEIPTS_FILE, encoding="utf-8") as receipts_file:
        committed = receipts_file.read()
receipts_note = ""
if not deck_result.wasSuccessful():
    receipts_note = f"{name} not compared (questions failed)"
elif args.write_receipts:
    if args.patterns:
        print("oracle: --write-receipts needs the whole deck (no -k)")
        sys.exit(2)
    fresh = prove.receipts_text(deck["deck"]["id"], test_deck.RECEIPTS)
    with open(test_deck.RECEIPTS_FILE, "w", encoding="utf-8") as receipts_file:
        receipts_file.write(fresh)
    receipts_note = f"wrote {name}"
else:
    questions = dict(test_deck.RECEIPTS)
    if args.patterns and committed:  # only the selected questions are compared
        questions = {**json.loads(committed).get("questions", {}), **questions}
    fresh = prove.receipts_text(deck["deck"]["id"], questions)
    diff = prove.stale_diff(committed, fresh, name)
    if diff:
        ok = False
        print(diff, end="")
        print(
            f"oracle: stale receipt: {name} does not say what Django did in this run (diff "
            f"above); if the change is intended, run `scripts/oracle --write-receipts` and commit it"
            if committed
            else f"oracle: stale receipt: {name} is missing; run `scripts/oracle --write-receipts`"
        )
    else:
        receipts_note = f"{name} up to date"

stats = test_deck.STATS
checked = sum(1 for q in deck["question"] if "check" in q or "proof" in q)
elapsed = time.monotonic() - stats["started"]
by_handlers = ", ".join(
    f"{count} under {' + '.join(handlers)}" for handlers, count in sorted(stats["handlers"].items())
)
print(
    f"oracle: Django {django.get_version()}, {stats['proven']} questions proven (checks: "
    f"{by_handlers}; {stats['proofs']} proofs; {stats['runs']} runs), {stats['sources']} cite a "
    f"source, {elapsed:.1f} s"
    + ("" if stats["proven"] == checked or args.patterns else f" ({checked - stats['proven']} of {checked} checked questions FAILED)")
    + (f"; {receipts_note}" if receipts_note else "")
)
sys.exit(0 if ok else 1)
