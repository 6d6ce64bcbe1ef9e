"""The oracle: every checked question of every deck, run by the runner its deck names.

One `DeckOracle` per deck file (decks.deck_paths()), each with one TestCase class: one test per
question with a check or a proof; `prove.prove()` does the work (see its module doc for how
each kind of question is proven, and under which handlers). Each passing question's receipt
entries are kept in the deck's `receipts`, which run.py compares with the committed
`decks/<deck>.receipts.json` (or writes it, with `--write-receipts`).
"""

import os
import unittest

import decks
import prove

REQUIREMENTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "requirements.txt")


class DeckTests(unittest.TestCase):
    """What every deck is tested for; `oracle` is the DeckOracle, set per deck."""

    maxDiff = None
    oracle = None

    @classmethod
    def setUpClass(cls):
        cls.oracle.runner.setup()

    def test_every_question_has_one_kind_of_evidence(self):
        for question in self.oracle.deck["question"]:
            self.assertEqual(
                ("check" in question) + ("source" in question), 1, question["id"]
            )


class DjangoDeckTests(DeckTests):
    def test_pinned_django_is_the_one_installed(self):
        import django

        with open(REQUIREMENTS) as requirements:
            pins = dict(
                line.split("#")[0].strip().split("==")
                for line in requirements
                if "==" in line.split("#")[0]
            )
        self.assertEqual(django.get_version(), pins["Django"])


TESTS_BY_RUNNER = {"django": DjangoDeckTests, "python": DeckTests}


class DeckOracle:
    """One deck: its file, its runner, its tests, and what a run of them proved."""

    def __init__(self, path):
        self.path = path
        self.receipts_path = decks.receipts_path(path)
        self.deck = decks.load_deck(path)
        self.id = self.deck["deck"]["id"]
        self.runner = decks.runner_of(self.deck)
        self.receipts = {}  # question id -> receipt entries, for the questions that were proven
        # handlers: how many proven questions' checks ran under each set of handlers.
        self.stats = {"proven": 0, "runs": 0, "proofs": 0, "handlers": {}}
        self.tests = type(
            "".join(part.title() for part in self.id.split("-")) + "Oracle",
            (TESTS_BY_RUNNER[self.runner.NAME],),
            {"oracle": self},
        )
        for question in self.deck["question"]:
            if "check" in question or "proof" in question:
                name = "test_" + question["id"].replace("-", "_")
                setattr(self.tests, name, self.make_test(question))

    def checked(self):
        return sum(1 for q in self.deck["question"] if "check" in q or "proof" in q)

    def sources(self):
        return sum(1 for q in self.deck["question"] if "source" in q)

    def make_test(self, question):
        oracle = self

        def test(self):
            entries, failures = prove.prove(question, oracle.runner)
            if failures:
                self.fail("\n".join(failures))
            oracle.receipts[question["id"]] = entries
            stats = oracle.stats
            stats["proven"] += 1
            stats["runs"] += sum(len(e["handlers"]) for e in entries)
            stats["proofs"] += len(question.get("proof", []))
            if "check" in question:
                handlers = tuple(prove.handlers_of(question["check"], oracle.runner))
                stats["handlers"][handlers] = stats["handlers"].get(handlers, 0) + 1

        return test


ORACLES = [DeckOracle(path) for path in decks.deck_paths()]
