"""Proves one deck question with its deck's runner and says what the code did.

`prove(question, runner)` returns `(entries, failures)`: the question's receipt entries (see
`entry()`) and one readable line per failure. `refusals(question, runner)` is the static part:
the rules a question must meet before anything runs (handlers, observable and non-vacuous
`expect`s, order questions, runtime wording). Both work on the question as `decks.load_deck`
reads it, so the oracle's own tests (test_oracle.py) feed them small in-memory questions. The
runner is a module (django_runner, python_runner) with `HANDLERS`, `DEFAULT_HANDLERS`,
`HANDLER_ORDER`, `OBSERVABLE`, `run()` and `versions()`.

How a question is proven:
- a check without `claim` runs one piece of code (the check's `code`, else the prompt's single
  ```python block) once per handler; each choice's `expect` is what that choice claims happens:
  the right choices' claims must hold under every handler, the wrong ones' under none;
- a check with `claim` runs each choice's code (its `code`, else the ```python block in its
  `text`) once per handler: it must do what its own `expect` says, and satisfy `claim` exactly
  when the answer key marks it right;
- an order question (`kind = "order"`) runs the check's code once per handler, and the
  observed `events` must be exactly the choices' `event`s in file order;
- every `[[question.proof]]` runs its code once per handler and must match its `expect`.
Handlers: a check's or proof's `handlers`, else the runner's defaults for the run (Django:
view under asgi and async-client, server under asgi, script under script; Python: script).
When the handlers are the defaults, they must observe the same outcome for every run, else the
run fails naming both outcomes; a question that names its handlers explicitly may see them
differ (one receipt entry each), but every `expect` is still judged under each handler.
"""

import json
import re

import observe

PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.S)

# Wording that states a runtime condition; a checked question that uses it must have run there
# (in its check or in one of its proofs). See decks/README.md, "Handlers".
RUNTIME_WORDING = {
    "asgi": re.compile(
        r"under (?:an? )?ASGI|ASGI server|ASGIHandler|ASGI handler|uvicorn|daphne|hypercorn",
        re.I,
    ),
    "wsgi": re.compile(
        r"under (?:an? )?WSGI|WSGI server|WSGIHandler|WSGI handler|runserver|gunicorn|mod_wsgi",
        re.I,
    ),
}
HANDLER_NAMES = {
    "asgi": "uvicorn (ASGIHandler)",
    "async-client": "AsyncClient",
    "wsgi": "the test Client (WSGI)",
    "script": "a script",
}


def python_block(markdown, where):
    blocks = PYTHON_BLOCK.findall(markdown)
    if len(blocks) != 1:
        raise AssertionError(f"{where}: expected one ```python block, found {len(blocks)}")
    return blocks[0]


def answer_ids(question):
    answer = question.get("answer", [])
    return {answer} if isinstance(answer, str) else set(answer)


def show(outcome):
    return ", ".join(f"{key}={value!r}" for key, value in outcome.items()) or "nothing"


def observed_for(expected, observed):
    """The observation, cut down to the keys the deck talks about (plus the exception)."""
    keys = list(expected) + [k for k in ("status", "exception", "compile_error") if k in observed]
    return {key: observed[key] for key in dict.fromkeys(keys) if key in observed}


def handlers_of(runnable, runner):
    """The handlers a check or proof runs under, in the runner's canonical order."""
    names = runnable.get("handlers") or runner.DEFAULT_HANDLERS.get(runnable.get("run"), [])
    return sorted(names, key=runner.HANDLER_ORDER.index)


def is_order(question):
    return question.get("kind") == "order"


def runnables(question):
    """(where, table) for the check and each proof."""
    found = []
    if "check" in question:
        found.append(("check", question["check"]))
    for index, proof in enumerate(question.get("proof", [])):
        found.append((f"proof {index}", proof))
    return found


def texts(question):
    """(where, text) for every text a learner sees."""
    found = [(field, question[field]) for field in ("prompt", "hint", "explanation") if field in question]
    for choice in question.get("choice", []):
        for field in ("text", "why"):
            if field in choice:
                found.append((f"choice {choice['id']!r} {field}", choice[field]))
    return found


def refusals(question, runner):
    """What is wrong with the question before anything runs (empty: it may run)."""
    qid = question["id"]
    problems = []
    ran_under = set()
    for where, table in runnables(question):
        kind = table.get("run")
        if kind not in runner.HANDLERS:
            problems.append(
                f"question {qid!r}, {where}: run must be one of {', '.join(runner.HANDLERS)} "
                f"under the {runner.NAME} runner, not {kind!r}"
            )
            continue
        handlers = table.get("handlers")
        if handlers is not None:
            allowed = runner.HANDLERS[kind]
            if not handlers or len(set(handlers)) != len(handlers) or not set(handlers) <= set(allowed):
                problems.append(
                    f"question {qid!r}, {where}: handlers {handlers!r} are not a non-empty "
                    f"subset of {list(allowed)!r} for run {kind!r}"
                )
                continue  # nothing to run it under
            if kind == "server" and len(handlers) != 1:
                problems.append(f"question {qid!r}, {where}: run 'server' takes one handler, asgi or wsgi")
        ran_under.update(handlers_of(table, runner))
        observable = runner.OBSERVABLE[kind]
        expects = []
        if where != "check":
            if "expect" not in table:
                problems.append(f"question {qid!r}, {where}: a proof needs an expect")
            else:
                expects.append((where, table["expect"]))
            if not table.get("code"):
                problems.append(f"question {qid!r}, {where}: a proof needs code")
        else:
            if "claim" in table:
                expects.append(("check claim", table["claim"]))
            if not is_order(question):
                for choice in question.get("choice", []):
                    expects.append((f"choice {choice['id']!r} expect", choice.get("expect")))
        for label, expect in expects:
            if not expect:
                problems.append(f"question {qid!r}, {label}: must name what is observed (it is empty or missing)")
                continue
            unobservable = sorted(set(expect) - observable)
            if unobservable:
                problems.append(
                    f"question {qid!r}, {label}: {', '.join(unobservable)} cannot be observed "
                    f"by a run {kind!r} (it observes {', '.join(sorted(observable))})"
                )
            if "message" in expect and (not expect["message"] or "exception" not in expect):
                problems.append(
                    f"question {qid!r}, {label}: a message needs a non-empty text and the "
                    f"exception it belongs to"
                )
    if is_order(question):
        check = question.get("check")
        choices = question.get("choice", [])
        if check is None:
            problems.append(f"question {qid!r}: an order question needs a check")
        elif "claim" in check:
            problems.append(f"question {qid!r}: an order question has no claim")
        events = [choice.get("event") for choice in choices]
        if not 3 <= len(choices) <= 6:
            problems.append(f"question {qid!r}: an order question has 3 to 6 choices")
        if not all(events) or len(set(events)) != len(events):
            problems.append(f"question {qid!r}: every order choice needs its own non-empty event")
        if "answer" in question or any("expect" in choice for choice in choices):
            problems.append(f"question {qid!r}: an order question has no answer and no expects")
    elif "check" in question:
        if any("event" in choice for choice in question.get("choice", [])):
            problems.append(f"question {qid!r}: only order questions have choice events")
        if "claim" not in question["check"]:
            # A wrong choice's claim that a right choice's claim implies can never be refuted.
            right = [c["expect"] for c in question["choice"] if c["id"] in answer_ids(question) and c.get("expect")]
            for choice in question["choice"]:
                expect = choice.get("expect")
                if choice["id"] in answer_ids(question) or not expect:
                    continue
                if any(all(key in r and r[key] == value for key, value in expect.items()) for r in right):
                    problems.append(
                        f"question {qid!r}, choice {choice['id']!r} expect: {show(expect)} is "
                        f"implied by a right choice's expect, so it proves nothing"
                    )
    if runnables(question):
        for handler, wording in RUNTIME_WORDING.items():
            if handler in ran_under:
                continue
            for where, text in texts(question):
                found = wording.search(text)
                if found:
                    problems.append(
                        f"question {qid!r}, {where}: says {found.group(0)!r}, but nothing in the "
                        f"question ran under {handler} (add {handler!r} to the check's handlers "
                        f"or a [[question.proof]] with handlers = [{handler!r}], or reword)"
                    )
                    break
    return problems


def summary(observed):
    """One plain-text sentence fragment a learner can read: what the code did."""
    if "compile_error" in observed:
        return f"raised {observed['compile_error']} (the code does not compile)"
    parts = []
    status = observed.get("status")
    if isinstance(status, list):
        responses = []
        for index, code in enumerate(status):
            one = {key: observed[key][index] for key in ("status", "json", "body") if isinstance(observed.get(key), list)}
            responses.append(f"request {index + 1}: {describe_one(one)}")
        parts.append("; ".join(responses))
    elif status is not None:
        parts.append(describe_one(observed))
    if "exception" in observed:
        raised = f"raised {observed['exception']}"
        if observed.get("message"):
            raised += f": {observed['message']}"
        if isinstance(status, int) and status >= 500:  # the exception behind the 500
            parts[-1:] = [f"{raised} (the client got HTTP {status})"]
        else:
            parts.append(raised)
    if "returns" in observed and (observed["returns"] is not None or not observed.get("events")):
        parts.append(f"returned {json.dumps(observed['returns'], ensure_ascii=False)}")
    if observed.get("events"):
        parts.append("events in order: " + ", ".join(str(event) for event in observed["events"]))
    return "; ".join(parts) if parts else "ran without output"


def describe_one(response):
    status = response.get("status")
    if status is None:
        return response.get("body") or "no response"
    text = f"responded {status}"
    if response.get("json") is not None:
        text += " with JSON " + json.dumps(response["json"], ensure_ascii=False, sort_keys=True)
    elif status < 400 and response.get("body") is not None:
        text += f" with the body {json.dumps(response['body'], ensure_ascii=False)}"
    return text


def run_everywhere(question, runner, table, code, where, failures):
    """Runs `code` under each handler of `table`; returns [(handlers, observed)] grouped by
    outcome, after checking that default handlers agree. A run that does not finish is a
    failure, never an outcome: no `expect` can claim it."""
    kind = table["run"]
    groups = []
    for handler in handlers_of(table, runner):
        try:
            observed = runner.run(kind, code, table.get("setup", ""), table.get("env"), handler)
        except TimeoutError as error:
            failures.append(f"question {question['id']!r}, {where}, handler {handler}: {error}")
            continue
        for handlers, seen in groups:
            if seen == observed:
                handlers.append(handler)
                break
        else:
            groups.append(([handler], observed))
    if len(groups) > 1 and not table.get("handlers"):
        failures.append(
            f"question {question['id']!r}, {where}: the handlers disagree: "
            + "; ".join(f"{', '.join(h)} observed {show(o)}" for h, o in groups)
        )
    return groups


def entry(key, value, handlers, observed):
    return {key: value, "handlers": handlers, "summary": summary(observed), "observed": observed}


def prove(question, runner):
    """Runs the question's check and proofs; returns (receipt entries, failures)."""
    qid = question["id"]
    failures = refusals(question, runner)
    if failures:
        return [], failures
    entries = []
    right = answer_ids(question)
    check = question.get("check")
    if check is not None and is_order(question):
        code = check.get("code") or python_block(question["prompt"], f"{qid}: prompt")
        want = [choice["event"] for choice in question["choice"]]
        for handlers, observed in run_everywhere(question, runner, check, code, "check", failures):
            entries.append(entry("choice", None, handlers, observed))
            # An exception may be part of the story (a timed-out request); not compiling is not.
            trouble = {k: observed[k] for k in ("compile_error",) if k in observed}
            if observed.get("events") != want or trouble:
                failures.append(
                    f"question {qid!r}, handler {', '.join(handlers)}: expected the events "
                    f"{want!r}; observed {observed.get('events')!r}"
                    + (f" ({show(trouble)})" if trouble else "")
                )
    elif check is not None and "claim" not in check:
        code = check.get("code") or python_block(question["prompt"], f"{qid}: prompt")
        for handlers, observed in run_everywhere(question, runner, check, code, "check", failures):
            entries.append(entry("choice", None, handlers, observed))
            for choice in question["choice"]:
                expect = choice["expect"]
                wrong_keys = observe.matches(expect, observed)
                where = f"question {qid!r}, choice {choice['id']!r}"
                if choice["id"] in right and wrong_keys:
                    failures.append(
                        f"{where} (marked right), handler {', '.join(handlers)}: expected "
                        f"{show(expect)}; observed {show(observed_for(expect, observed))}"
                    )
                elif choice["id"] not in right and not wrong_keys:
                    failures.append(
                        f"{where} (marked wrong), handler {', '.join(handlers)}: it claims "
                        f"{show(expect)}, and that is exactly what {runner.describe()} did"
                    )
    elif check is not None:
        claim = check["claim"]
        for choice in question["choice"]:
            where = f"question {qid!r}, choice {choice['id']!r}"
            code = choice.get("code") or python_block(choice["text"], where)
            runs = run_everywhere(question, runner, check, code, f"choice {choice['id']!r}", failures)
            for handlers, observed in runs:
                entries.append(entry("choice", choice["id"], handlers, observed))
                expect = choice["expect"]
                here = f"{where}, handler {', '.join(handlers)}"
                if observe.matches(expect, observed):
                    failures.append(
                        f"{here}: expected {show(expect)}; observed "
                        f"{show(observed_for(expect, observed))}"
                    )
                    continue
                satisfies = not observe.matches(claim, observed)
                is_right = choice["id"] in right
                if is_right != satisfies:
                    failures.append(
                        f"{here} (marked {'right' if is_right else 'wrong'}): the question's "
                        f"claim {show(claim)} {'does not hold' if is_right else 'holds'}; "
                        f"observed {show(observed_for(claim, observed))}"
                    )
    for index, proof in enumerate(question.get("proof", [])):
        where = f"proof {index} ({proof.get('says', '')!r})"
        runs = run_everywhere(question, runner, proof, proof["code"], where, failures)
        for handlers, observed in runs:
            entries.append(entry("proof", index, handlers, observed))
            if observe.matches(proof["expect"], observed):
                failures.append(
                    f"question {qid!r}, {where}, handler {', '.join(handlers)}: expected "
                    f"{show(proof['expect'])}; observed {show(observed_for(proof['expect'], observed))}"
                )
    return entries, failures


def receipts_text(deck_id, versions, questions):
    """The receipts file's text: `versions` is the runner's, `questions` maps question ids to
    their entries."""
    document = {"deck": deck_id, "versions": versions, "questions": questions}
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def stale_diff(committed, fresh, name):
    """A unified diff from the committed receipts to a fresh run's ('' when equal)."""
    import difflib

    if committed == fresh:
        return ""
    return "".join(
        difflib.unified_diff(
            committed.splitlines(keepends=True),
            fresh.splitlines(keepends=True),
            f"{name} (committed)",
            f"{name} (this run)",
        )
    )
