"""The oracle's own tests: small in-memory questions that the oracle must refuse or fail.

They run real Django, or a fresh Python, as the decks do, so each case shows that a mistake an author can make
is caught, with a message naming the question, the choice, the handler, what was expected and
what was observed. run.py runs them before the deck.
"""

import json
import os
import subprocess
import sys
import tempfile
import unittest
from unittest import mock

import decks
import django_runner
import prove
import python_runner

VIEW_200 = '''
async def my_view(request):
    return JsonResponse({"id": 1})
'''


def run_oracle(deck_file, *args):
    """run.py on that one deck file, in a process of its own."""
    return subprocess.run(
        [sys.executable, os.path.join(django_runner.ORACLE_DIR, "run.py"), *args],
        env={**os.environ, "ORACLE_DECK": deck_file},
        capture_output=True, text=True, timeout=120,
    )


def question(**fields):
    """A checked single-choice question: `a` right (status 200), `b` wrong (status 500)."""
    base = {
        "id": "fake",
        "prompt": "What does this view return?",
        "hint": "Think.",
        "explanation": "It returns 200.",
        "answer": "a",
        "check": {"run": "view", "code": VIEW_200},
        "choice": [
            {"id": "a", "text": "200", "expect": {"status": 200, "json": {"id": 1}}},
            {"id": "b", "text": "500", "why": "No.", "expect": {"status": 500}},
        ],
    }
    base.update(fields)
    return base


class OracleTests(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        django_runner.setup()

    def failures(self, q):
        entries, failures = prove.prove(q, django_runner)
        return entries, "\n".join(failures)

    def test_a_right_question_is_proven_under_both_default_handlers(self):
        entries, failures = self.failures(question())
        self.assertEqual(failures, "")
        self.assertEqual(
            [(e["choice"], e["handlers"]) for e in entries], [(None, ["asgi", "async-client"])]
        )
        self.assertEqual(entries[0]["summary"], 'responded 200 with JSON {"id": 1}')

    def test_wsgi_runs_a_view_through_the_test_client_and_a_server_through_wsgiref(self):
        q = question()
        q["check"]["handlers"] = ["wsgi"]
        entries, failures = self.failures(q)
        self.assertEqual(failures, "")
        self.assertEqual(entries[0]["handlers"], ["wsgi"])
        q = question(check={"run": "server", "handlers": ["wsgi"], "code": VIEW_200})
        q["choice"][0]["expect"] = {"status": [200, 200]}
        q["choice"][1]["expect"] = {"status": [500, 500]}
        entries, failures = self.failures(q)
        self.assertEqual(failures, "")
        self.assertEqual(entries[0]["summary"], 'request 1: responded 200 with JSON {"id": 1}; request 2: responded 200 with JSON {"id": 1}')

    def test_a_wrong_expect_fails_naming_question_choice_handler_expected_and_observed(self):
        q = question()
        q["choice"][0]["expect"] = {"status": 200, "json": {"id": 2}}
        _, failures = self.failures(q)
        self.assertIn("question 'fake', choice 'a' (marked right), handler asgi, async-client", failures)
        self.assertIn("expected status=200, json={'id': 2}", failures)
        self.assertIn("observed status=200, json={'id': 1}", failures)

    def test_a_wrong_choice_whose_claim_holds_fails(self):
        q = question()
        q["choice"][1]["expect"] = {"json": {"id": 1}, "status": 200, "events": []}
        _, failures = self.failures(q)
        self.assertIn("choice 'b' (marked wrong)", failures)
        self.assertIn(f"exactly what {django_runner.describe()} did", failures)

    def test_a_per_choice_check_fails_when_its_code_does_not_do_what_it_expects(self):
        q = question(check={"run": "view", "claim": {"status": 200}})
        q["choice"][0]["code"] = VIEW_200
        q["choice"][1]["code"] = VIEW_200
        _, failures = self.failures(q)
        self.assertIn("question 'fake', choice 'b', handler asgi, async-client: expected status=500; observed status=200", failures)

    def test_a_claim_of_asgi_that_ran_only_under_async_client_is_refused(self):
        q = question(explanation="Under ASGI, it returns 200.")
        q["check"]["handlers"] = ["async-client"]
        _, failures = self.failures(q)
        self.assertIn("question 'fake', explanation: says 'Under ASGI'", failures)
        self.assertIn("nothing in the question ran under asgi", failures)

    def test_a_claim_of_asgi_is_accepted_when_a_proof_ran_under_asgi(self):
        q = question(explanation="Under ASGI, it returns 200.")
        q["check"]["handlers"] = ["async-client"]
        q["proof"] = [{"says": "under ASGI it returns 200", "run": "view", "handlers": ["asgi"],
                       "code": VIEW_200, "expect": {"status": 200}}]
        entries, failures = self.failures(q)
        self.assertEqual(failures, "")
        self.assertEqual(entries[-1]["proof"], 0)
        self.assertEqual(entries[-1]["handlers"], ["asgi"])

    def test_a_claim_of_wsgi_needs_a_run_under_wsgi(self):
        q = question()
        q["choice"][1]["why"] = "Under `runserver` this would be different."
        _, failures = self.failures(q)
        self.assertIn("choice 'b' why: says 'runserver'", failures)
        q["check"]["handlers"] = ["asgi", "wsgi"]
        self.assertEqual(self.failures(q)[1], "")

    def test_a_failing_proof_fails(self):
        q = question(proof=[{"says": "it raises", "run": "script", "code": "def main():\n    return 1\n",
                             "expect": {"exception": "ValueError"}}])
        _, failures = self.failures(q)
        self.assertIn("question 'fake', proof 0 ('it raises'), handler script: expected exception='ValueError'; observed nothing", failures)

    def test_an_expect_the_run_cannot_observe_is_refused(self):
        q = question()
        q["choice"][1]["expect"] = {"returns": 500}
        _, failures = self.failures(q)
        self.assertIn("choice 'b' expect: returns cannot be observed by a run 'view'", failures)
        q = question(check={"run": "script", "code": "def main():\n    return 1\n"})
        q["choice"][0]["expect"] = {"status": 200}
        q["choice"][1]["expect"] = {"returns": 2}
        _, failures = self.failures(q)
        self.assertIn("choice 'a' expect: status cannot be observed by a run 'script'", failures)

    def test_a_vacuous_expect_is_refused(self):
        q = question()
        q["choice"][1]["expect"] = {}
        self.assertIn("choice 'b' expect: must name what is observed", self.failures(q)[1])
        q["choice"][1]["expect"] = {"status": 200}  # implied by the right choice's expect
        self.assertIn("choice 'b' expect: status=200 is implied by a right choice's expect", self.failures(q)[1])
        q["choice"][1]["expect"] = {"message": "x"}
        self.assertIn("a message needs a non-empty text and the exception", self.failures(q)[1])

    def test_handlers_may_only_narrow(self):
        q = question()
        q["check"]["handlers"] = ["script"]
        self.assertIn("handlers ['script'] are not a non-empty subset", self.failures(q)[1])

    def test_asgi_and_async_client_disagreeing_fails(self):
        # The host is the one thing that differs: uvicorn's address, or AsyncClient's
        # "testserver".
        q = question(check={"run": "view", "code": '''
async def my_view(request):
    return JsonResponse({"host": request.get_host()})
'''})
        q["choice"][0]["expect"] = {"status": 200}
        q["choice"][1]["expect"] = {"status": 500}
        _, failures = self.failures(q)
        self.assertIn("question 'fake', check: the handlers disagree: asgi observed", failures)
        self.assertIn("json={'host': '127.0.0.1:PORT'}", failures)
        self.assertIn("async-client observed status=200, json={'host': 'testserver'}", failures)

    def test_order_questions_compare_events_with_the_choices_in_file_order(self):
        code = '''
async def main():
    events.append("one")
    await asyncio.sleep(0)
    events.append("two")
    events.append("three")
'''
        q = {
            "id": "fake-order", "kind": "order", "prompt": "Order?", "hint": "Think.",
            "explanation": "In order.", "check": {"run": "script", "code": code},
            "choice": [{"id": c, "text": c, "event": e} for c, e in (("a", "one"), ("b", "two"), ("c", "three"))],
        }
        entries, failures = self.failures(q)
        self.assertEqual(failures, "")
        self.assertEqual(entries[0]["summary"], "events in order: one, two, three")
        q["choice"][0], q["choice"][1] = q["choice"][1], q["choice"][0]
        _, failures = self.failures(q)
        self.assertIn("question 'fake-order', handler script: expected the events ['two', 'one', 'three']; observed ['one', 'two', 'three']", failures)
        q["answer"] = "a"
        self.assertIn("an order question has no answer", self.failures(q)[1])
        del q["answer"]
        q["choice"][0]["event"] = q["choice"][1]["event"]
        self.assertIn("every order choice needs its own non-empty event", self.failures(q)[1])
        q["choice"] = q["choice"][:2]
        self.assertIn("an order question has 3 to 6 choices", self.failures(q)[1])

    def test_garbage_and_warnings_of_one_run_do_not_leak_into_the_next(self):
        # A coroutine never awaited, kept alive by a reference cycle: only the garbage
        # collector finalizes it, and its "never awaited" warning comes whenever that runs.
        leaky = '''
async def my_view(request):
    holder = {"coroutine": MyModel.objects.afirst()}
    holder["self"] = holder
    return JsonResponse({"id": 1})
'''
        # A later run that records every warning; its own gc.collect() stands for a
        # collection that happens to come while it runs.
        recording = '''
import gc
import warnings

warnings.simplefilter("always")
warnings.showwarning = lambda message, *args, **kwargs: events.append(str(message))

def main():
    gc.collect()
    warnings.warn("mine", UserWarning)
    return len(events)
'''
        import gc

        gc.disable()
        try:
            django_runner.run("view", leaky, handler="async-client")
            observed = django_runner.run("script", recording)
        finally:
            gc.enable()
        self.assertEqual(observed, {"returns": 1, "events": ["mine"]})
        # A warning shown once ("default" action) is shown again in a later run.
        once = '''
import warnings

def main():
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("default")
        warnings.warn("again", UserWarning)
    return [str(w.message) for w in seen]
'''
        self.assertEqual(django_runner.run("script", once)["returns"], ["again"])
        self.assertEqual(django_runner.run("script", once)["returns"], ["again"])

    def test_an_exception_escaping_django_s_handler_is_observed_under_the_test_clients(self):
        # Django calls an unmarked async-only middleware through its sync conversion wrapper,
        # so the exception raised when its coroutine is awaited escapes the handler.
        code = '''
from django.core.exceptions import PermissionDenied

class BlockMiddleware:
    async_capable = True
    sync_capable = False

    def __init__(self, get_response):
        self.get_response = get_response

    async def __call__(self, request):
        raise PermissionDenied("blocked")

MIDDLEWARE = ["case.BlockMiddleware"]

async def my_view(request):
    return HttpResponse("ok")
'''
        for handler in ("async-client", "wsgi"):
            with self.subTest(handler=handler):
                self.assertEqual(
                    django_runner.run("view", code, handler=handler),
                    {"exception": "PermissionDenied", "message": "blocked", "events": []},
                )
        self.assertEqual(
            prove.summary({"exception": "PermissionDenied", "message": "blocked", "events": []}),
            "raised PermissionDenied: blocked",
        )

    def test_database_settings_apply_from_startup_for_one_run_only(self):
        # Set before the handler is made (ASGIHandler, the test clients' handlers, the server's
        # application), so a check observes the project started with them; restored after.
        code = '''
from django.db import connections

DATABASE_SETTINGS = {"ATOMIC_REQUESTS": True}

def my_view(request):
    return JsonResponse({"atomic": transaction.get_connection().in_atomic_block})
'''
        for handler in ("asgi", "async-client", "wsgi"):
            with self.subTest(handler=handler):
                self.assertEqual(
                    django_runner.run("view", code, handler=handler),
                    {"status": 200, "json": {"atomic": True}, "events": []},
                )
        self.assertFalse(django_runner.connections.settings["default"]["ATOMIC_REQUESTS"])
        plain = code.replace('DATABASE_SETTINGS = {"ATOMIC_REQUESTS": True}', "")
        self.assertEqual(
            django_runner.run("view", plain, handler="asgi"),
            {"status": 200, "json": {"atomic": False}, "events": []},
        )

    def test_a_project_that_cannot_start_is_observed_under_every_handler(self):
        code = '''
from django.core.exceptions import ImproperlyConfigured

def broken(get_response):
    raise ImproperlyConfigured("cannot start")

MIDDLEWARE = ["case.broken"]

async def my_view(request):
    return HttpResponse("ok")
'''
        for kind, handler in (("view", "asgi"), ("view", "async-client"), ("view", "wsgi"),
                              ("server", "asgi"), ("server", "wsgi")):
            with self.subTest(kind=kind, handler=handler):
                self.assertEqual(
                    django_runner.run(kind, code, handler=handler),
                    {"exception": "ImproperlyConfigured", "message": "cannot start", "events": []},
                )

    def test_a_stale_receipt_fails_with_a_diff(self):
        entries, _ = self.failures(question())
        committed = prove.receipts_text("fake", django_runner.versions(), {"fake": entries})
        self.assertEqual(prove.stale_diff(committed, committed, "fake.receipts.json"), "")
        changed = json.loads(committed)
        changed["questions"]["fake"][0]["summary"] = "responded 500"
        stale = json.dumps(changed, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        diff = prove.stale_diff(stale, committed, "fake.receipts.json")
        self.assertIn("--- fake.receipts.json (committed)", diff)
        removed = [line for line in diff.splitlines() if line.startswith("-") and "summary" in line]
        added = [line for line in diff.splitlines() if line.startswith("+") and "summary" in line]
        self.assertEqual([line.split(": ", 1)[1] for line in removed], ['"responded 500"'])
        self.assertEqual([line.split(": ", 1)[1] for line in added], ['"responded 200 with JSON {\\"id\\": 1}"'])

    def test_receipts_are_deterministic(self):
        q = question(check={"run": "view", "code": '''
async def my_view(request):
    return HttpResponse(repr(object()) + " " + request.get_host())
'''})
        q["choice"][0]["expect"] = {"status": 200}
        q["choice"][1]["expect"] = {"status": 500}
        q["check"]["handlers"] = ["asgi"]
        first = prove.receipts_text("fake", django_runner.versions(), {"fake": self.failures(q)[0]})
        second = prove.receipts_text("fake", django_runner.versions(), {"fake": self.failures(q)[0]})
        self.assertEqual(first, second)
        self.assertIn("0x…", first)
        self.assertIn("127.0.0.1:PORT", first)

    def test_run_py_fails_on_a_stale_receipts_file_with_a_diff_and_writes_it_on_request(self):
        deck = """
[deck]
id = "fake"
title = "Fake"
description = "Fake."

[deck.oracle]
runner = "django"
docs = ["https://docs.djangoproject.com/en/5.2/"]

[[topic]]
id = "t"
title = "T"

[[question]]
id = "fake-view"
topic = "t"
prompt = "What does it return?"
hint = "Think."
answer = "a"
explanation = "It returns 200."

[question.check]
run = "view"
code = '''
async def my_view(request):
    return JsonResponse({"id": 1})
'''

[[question.choice]]
id = "a"
text = "200"
expect = { status = 200 }

[[question.choice]]
id = "b"
text = "500"
why = "No."
expect = { status = 500 }
"""
        with tempfile.TemporaryDirectory() as folder:
            deck_file = os.path.join(folder, "fake.toml")
            receipts_file = os.path.join(folder, "fake.receipts.json")
            with open(deck_file, "w") as out:
                out.write(deck)

            def oracle(*args):
                return run_oracle(deck_file, "-k", "fake-view", *args)

            missing = oracle()
            self.assertEqual(missing.returncode, 1, missing.stdout)
            self.assertIn("stale receipt", missing.stdout)
            self.assertEqual(oracle("--write-receipts").returncode, 2)  # only for the whole deck
            entries, _ = prove.prove(decks.load_deck(deck_file)["question"][0], django_runner)
            with open(receipts_file, "w") as out:
                out.write(prove.receipts_text("fake", django_runner.versions(), {"fake-view": entries}).replace("responded 200", "responded 201"))
            stale = oracle()
            self.assertEqual(stale.returncode, 1, stale.stdout)
            self.assertIn('-        "summary": "responded 201 with JSON {\\"id\\": 1}"', stale.stdout)
            self.assertIn('+        "summary": "responded 200 with JSON {\\"id\\": 1}"', stale.stdout)
            self.assertIn("stale receipt: ", stale.stdout)
            self.assertIn("scripts/oracle --write-receipts", stale.stdout)
            with open(receipts_file, "w") as out:
                out.write(prove.receipts_text("fake", django_runner.versions(), {"fake-view": entries}))
            fresh = oracle()
            self.assertEqual(fresh.returncode, 0, fresh.stdout)
            self.assertIn("up to date", fresh.stdout)


TASK_RETURNING_2 = '''
async def main():
    task = asyncio.create_task(asyncio.sleep(0, result=2))
    print("what the script prints")
    os.write(1, b"is not its observation")
    events.append("created")
    return await task
'''


def script_question(**fields):
    """A checked single-choice question for the Python runner: `a` right (returns 2), `b`
    wrong (raises)."""
    base = {
        "id": "fake-script",
        "prompt": "What does `main()` return?",
        "hint": "Think.",
        "explanation": "It returns 2.",
        "answer": "a",
        "check": {"run": "script", "code": TASK_RETURNING_2},
        "choice": [
            {"id": "a", "text": "2", "expect": {"returns": 2, "events": ["created"]}},
            {"id": "b", "text": "It raises.", "why": "No.", "expect": {"exception": "TypeError"}},
        ],
    }
    base.update(fields)
    return base


class PythonRunnerTests(unittest.TestCase):
    maxDiff = None

    def failures(self, q):
        entries, failures = prove.prove(q, python_runner)
        return entries, "\n".join(failures)

    def test_a_right_choice_is_proven_in_a_fresh_python_without_django(self):
        entries, failures = self.failures(script_question())
        self.assertEqual(failures, "")
        self.assertEqual([(e["choice"], e["handlers"]) for e in entries], [(None, ["script"])])
        self.assertEqual(entries[0]["summary"], "returned 2; events in order: created")
        self.assertEqual(python_runner.versions(), {"python": "3.11"})
        self.assertEqual(
            python_runner.run("script", "def main():\n    import django\n"),
            {
                "exception": "ModuleNotFoundError",
                "message": "No module named 'django'",
                "events": [],
            },
        )

    def test_a_cancelled_main_is_observed(self):
        cancelled = '''
async def main():
    asyncio.current_task().cancel()
    await asyncio.sleep(1)
'''
        self.assertEqual(
            python_runner.run("script", cancelled),
            {"exception": "CancelledError", "message": "", "events": []},
        )

    def test_a_wrong_expect_fails_naming_question_choice_expected_and_observed(self):
        q = script_question()
        q["choice"][0]["expect"] = {"returns": 3}
        _, failures = self.failures(q)
        self.assertIn(
            "question 'fake-script', choice 'a' (marked right), handler script: expected "
            "returns=3; observed returns=2",
            failures,
        )

    def test_what_the_python_runner_cannot_observe_or_run_is_refused(self):
        q = script_question()
        q["choice"][1]["expect"] = {"status": 500}
        _, failures = self.failures(q)
        self.assertIn("choice 'b' expect: status cannot be observed by a run 'script'", failures)
        q = script_question(check={"run": "view", "code": VIEW_200})
        _, failures = self.failures(q)
        self.assertIn(
            "check: run must be one of script under the python runner, not 'view'", failures
        )
        q = script_question(check={"run": "script", "handlers": ["asgi"], "code": TASK_RETURNING_2})
        _, failures = self.failures(q)
        self.assertIn("handlers ['asgi'] are not a non-empty subset of ['script']", failures)

    def test_a_script_that_hangs_is_killed_and_fails_its_question(self):
        q = script_question(check={"run": "script", "code": "def main():\n    time.sleep(30)\n"})
        with mock.patch.object(python_runner, "TIMEOUT", 0.5):
            entries, failures = self.failures(q)
        self.assertEqual(entries, [])
        self.assertEqual(
            failures,
            "question 'fake-script', check, handler script: the script did not finish within 0.5 s",
        )

    def test_run_py_proves_a_deck_with_the_runner_it_names_and_records_only_python(self):
        deck = """
[deck]
id = "fake-python"
title = "Fake"
description = "Fake."

[deck.oracle]
runner = "python"
docs = ["https://docs.python.org/3.11/"]

[[topic]]
id = "t"
title = "T"

[[question]]
id = "fake-script"
topic = "t"
prompt = "What does it return?"
hint = "Think."
answer = "a"
explanation = "It returns 2."

[question.check]
run = "script"
code = '''
def main():
    return 2
'''

[[question.choice]]
id = "a"
text = "2"
expect = { returns = 2 }

[[question.choice]]
id = "b"
text = "3"
why = "No."
expect = { returns = 3 }
"""
        with tempfile.TemporaryDirectory() as folder:
            deck_file = os.path.join(folder, "fake-python.toml")
            with open(deck_file, "w") as out:
                out.write(deck)
            missing = run_oracle(deck_file, "-k", "fake-script")
            self.assertEqual(missing.returncode, 1, missing.stdout)
            self.assertIn("oracle: deck fake-python (python runner)", missing.stdout)
            self.assertIn("fake-python.receipts.json is missing", missing.stdout)
            self.assertIn('+  "versions": {\n+    "python": "3.11"\n+  }', missing.stdout)
            self.assertIn("time per runner: python ", missing.stdout)
