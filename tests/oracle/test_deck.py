"""The oracle: every checked question of the deck, run against real Django.

One test per question with a check or a proof; `prove.prove()` does the work (see its module
doc for how each kind of question is proven, and under which handlers). Each passing question's
receipt entries are kept in RECEIPTS, which run.py compares with the committed
`decks/<deck>.receipts.json` (or writes it, with `--write-receipts`).
"""

import os
import time
import tomllib
import unittest

import harness
import prove

ROOT = os.path.abspath(os.path.join(harness.ORACLE_DIR, "..", ".."))
# ORACLE_DECK: another deck file, e.g. to see the oracle catch a wrong answer key.
DECK_FILE = os.environ.get("ORACLE_DECK") or os.path.join(ROOT, "decks", "django-async.toml")
RECEIPTS_FILE = os.path.splitext(DECK_FILE)[0] + ".receipts.json"
REQUIREMENTS = os.path.join(harness.ORACLE_DIR, "requirements.txt")

with open(DECK_FILE, "rb") as deck_file:
    DECK = tomllib.load(deck_file)

# handlers: how many proven questions' checks ran under each set of handlers.
STATS = {"proven": 0, "runs": 0, "proofs": 0, "sources": 0, "started": time.monotonic(), "handlers": {}}
RECEIPTS = {}  # question id -> receipt entries, for the questions that were proven


class DeckOracle(unittest.TestCase):
    maxDiff = None

    def test_pinned_django_is_the_one_installed(self):
        import django

        with open(REQUIREMENTS) as requirements:
            pins = dict(
                line.split("#")[0].strip().split("==")
                for line in requirements
                if "==" in line.split("#")[0]
            )
        self.assertEqual(django.get_version(), pins["Django"])

    def test_every_question_has_one_kind_of_evidence(self):
        for question in DECK["question"]:
            self.assertEqual(
                ("check" in question) + ("source" in question), 1, question["id"]
            )


def make_test(question):
    def test(self):
        entries, failures = prove.prove(question)
        if failures:
            self.fail("\n".join(failures))
        RECEIPTS[question["id"]] = entries
        STATS["proven"] += 1
        STATS["runs"] += sum(len(e["handlers"]) for e in entries)
        STATS["proofs"] += len(question.get("proof", []))
        if "check" in question:
            handlers = tuple(prove.handlers_of(question["check"]))
            STATS["handlers"][handlers] = STATS["handlers"].get(handlers, 0) + 1

    return test


for _question in DECK["question"]:
    if "source" in _question:
        STATS["sources"] += 1
    if "check" in _question or "proof" in _question:
        _name = "test_" + _question["id"].replace("-", "_")
        setattr(DeckOracle, _name, make_test(_question))


def setUpModule():
    harness.setup_database()
