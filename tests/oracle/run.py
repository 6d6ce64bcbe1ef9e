"""Runs the oracle and prints one summary line; exits non-zero when any check fails.

`python run.py [-k PATTERN]`: PATTERN selects questions by id (as unittest -k does).
"""

import argparse
import sys
import time
import unittest

import django

import test_deck

parser = argparse.ArgumentParser()
parser.add_argument("-k", dest="patterns", action="append", default=[])
parser.add_argument("-v", dest="verbosity", action="store_const", const=2, default=1)
args = parser.parse_args()

loader = unittest.TestLoader()
if args.patterns:
    loader.testNamePatterns = [f"*{p.replace('-', '_')}*" for p in args.patterns]
suite = loader.loadTestsFromModule(test_deck)
result = unittest.TextTestRunner(verbosity=args.verbosity, stream=sys.stdout).run(suite)

stats = test_deck.STATS
checked = sum(1 for q in test_deck.DECK["question"] if "check" in q)
elapsed = time.monotonic() - stats["started"]
print(
    f"oracle: Django {django.get_version()}, {stats['proven']} questions proven "
    f"({stats['options']} options run), {stats['sources']} cite a source, {elapsed:.1f} s"
    + ("" if stats["proven"] == checked or args.patterns else f" ({checked - stats['proven']} of {checked} checked questions FAILED)")
)
sys.exit(0 if result.wasSuccessful() else 1)
