"""The oracle: every checked question of the deck, run against real Django.

For a question whose check runs one piece of code (the prompt's ```python block, or the check's
`code`), each choice's `expect` is what that choice claims happens: the right choices' claims
must hold and the wrong ones' must not. For a question whose choices are code (the check has a
`claim`), each choice's code is run: it must do what its `expect` says, and it must satisfy the
`claim` exactly when the answer key marks it right.
"""

import os
import re
import time
import tomllib
import unittest

import harness

ROOT = os.path.abspath(os.path.join(harness.ORACLE_DIR, "..", ".."))
# ORACLE_DECK: another deck file, e.g. to see the oracle catch a wrong answer key.
DECK_FILE = os.environ.get("ORACLE_DECK") or os.path.join(ROOT, "decks", "django-async.toml")
REQUIREMENTS = os.path.join(harness.ORACLE_DIR, "requirements.txt")
PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.S)

with open(DECK_FILE, "rb") as deck_file:
    DECK = tomllib.load(deck_file)

STATS = {"proven": 0, "options": 0, "runs": 0, "sources": 0, "started": time.monotonic()}


def python_block(markdown, where):
    blocks = PYTHON_BLOCK.findall(markdown)
    if len(blocks) != 1:
        raise AssertionError(f"{where}: expected one ```python block, found {len(blocks)}")
    return blocks[0]


def answer_ids(question):
    answer = question["answer"]
    return {answer} if isinstance(answer, str) else set(answer)


def show(outcome):
    return ", ".join(f"{key}={value!r}" for key, value in outcome.items()) or "nothing"


def observed_for(expected, observed):
    """The observation, cut down to the keys the deck talks about (plus the exception)."""
    keys = list(expected) + [k for k in ("status", "exception", "compile_error") if k in observed]
    return {key: observed[key] for key in dict.fromkeys(keys) if key in observed}


def run_check(question):
    check = question["check"]
    qid = question["id"]
    right = answer_ids(question)
    setup = check.get("setup", "")
    env = check.get("env")
    failures = []
    if "claim" not in check:
        code = check.get("code") or python_block(question["prompt"], f"{qid}: prompt")
        observed = harness.run(check["run"], code, setup, env)
        STATS["runs"] += 1
        for choice in question["choice"]:
            STATS["options"] += 1
            expect = choice["expect"]
            wrong_keys = harness.matches(expect, observed)
            is_right = choice["id"] in right
            if is_right and wrong_keys:
                failures.append(
                    f"question {qid!r}, option {choice['id']!r} (marked right): expected "
                    f"{show(expect)}; observed {show(observed_for(expect, observed))}"
                )
            elif not is_right and not wrong_keys:
                failures.append(
                    f"question {qid!r}, option {choice['id']!r} (marked wrong): it claims "
                    f"{show(expect)}, and that is exactly what Django did"
                )
    else:
        claim = check["claim"]
        for choice in question["choice"]:
            STATS["options"] += 1
            STATS["runs"] += 1
            where = f"question {qid!r}, option {choice['id']!r}"
            code = choice.get("code") or python_block(choice["text"], where)
            observed = harness.run(check["run"], code, setup, env)
            expect = choice["expect"]
            if harness.matches(expect, observed):
                failures.append(
                    f"{where}: expected {show(expect)}; observed "
                    f"{show(observed_for(expect, observed))}"
                )
                continue
            satisfies = not harness.matches(claim, observed)
            is_right = choice["id"] in right
            if is_right != satisfies:
                failures.append(
                    f"{where} (marked {'right' if is_right else 'wrong'}): the question's claim "
                    f"{show(claim)} {'does not hold' if is_right else 'holds'}; observed "
                    f"{show(observed_for(claim, observed))}"
                )
    return failures


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
        failures = run_check(question)
        if failures:
            self.fail("\n".join(failures))
        STATS["proven"] += 1

    return test


for _question in DECK["question"]:
    if "source" in _question:
        STATS["sources"] += 1
    if "check" in _question:
        _name = "test_" + _question["id"].replace("-", "_")
        setattr(DeckOracle, _name, make_test(_question))


def setUpModule():
    harness.setup_database()
