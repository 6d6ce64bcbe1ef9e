"""What the oracle observes when a deck's code runs, whichever runner runs it.

Plain Python only (no Django): the Django runner (django_runner.py) runs this in its own
process, the Python runner (python_runner.py) in a fresh `python3` per run (script_child.py).
An observation is a dict with some of these keys, the same keys a choice's `expect` may use:

- compile_error: the exception class name when the code does not compile (`SyntaxError`);
- status, json, body: the HTTP response (Django runner only);
- exception, message: the uncaught exception (class name and text), in `main` or while the
  module itself runs;
- returns: what `main()` returned, as JSON (`run = "script"`);
- events: the module-level `events` list the code appended to.
"""

import asyncio
import json
import re
import sys
import threading
import types

# The imports every runner's code takes for granted (the Django runner adds Django's).
PRELUDE = "import asyncio, json, os, threading, time\n"

# What a `script` run can observe, under any runner.
SCRIPT_OBSERVABLE = {"returns", "exception", "message", "events", "compile_error"}


def python_version():
    """Major.minor only ("3.11"): a patch release must not make receipts stale."""
    return "{}.{}".format(*sys.version_info[:2])


def load(code, prelude, setup=""):
    """The module `case` made from prelude + setup + code, or the compile error's class name."""
    try:
        compile(code, "<case>", "exec")
    except SyntaxError as error:
        return None, type(error).__name__
    module = types.ModuleType("case")
    module.events = []
    sys.modules["case"] = module
    try:
        exec(compile(prelude + setup + "\n" + code, "<case>", "exec"), module.__dict__)
    except Exception as error:  # raised while the module runs, e.g. in a class body
        module.load_error = error
    return module, None


def run_in_thread(function):
    """Runs `function` in a fresh thread (so no event loop or async context leaks between runs)."""
    result = {}

    def target():
        try:
            result["value"] = function()
        except BaseException as error:  # reported to the caller
            result["error"] = error

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(60)
    if thread.is_alive():
        raise TimeoutError("the case did not finish within 60 s")
    if "error" in result:
        raise result["error"]
    return result["value"]


def run_script(module, async_in_thread):
    """Calls the module's `main()`, awaited in a fresh event loop when it is `async def` (in a
    fresh thread when `async_in_thread`: a process that runs many cases must not share a
    thread's loop or context between them); returns what it returned or raised."""
    main = module.main
    try:
        if asyncio.iscoroutinefunction(main):
            if async_in_thread:
                value = run_in_thread(lambda: asyncio.run(main()))
            else:
                value = asyncio.run(main())
        else:
            value = main()
    # CancelledError is a BaseException (since 3.8), yet a cancelled main is an outcome too.
    except (Exception, asyncio.CancelledError) as error:
        return {"exception": type(error).__name__, "message": str(error)}
    return {"returns": json.loads(json.dumps(value, default=repr))}


def observe_script(code, prelude, setup=""):
    """Runs a `script` case in this process, its async main in this thread: the whole
    observation (scrubbed)."""
    module, compile_error = load(code, prelude, setup)
    if compile_error:
        return {"compile_error": compile_error, "events": []}
    if hasattr(module, "load_error"):
        error = module.load_error
        observed = {"exception": type(error).__name__, "message": str(error)}
    else:
        observed = run_script(module, async_in_thread=False)
    observed["events"] = list(module.events)
    return scrub(observed)


ADDRESS = re.compile(r"0x[0-9a-fA-F]{4,}")
PORT = re.compile(r"(127\.0\.0\.1|localhost):\d+")


def scrub(value):
    """The value with memory addresses and ports replaced, so runs compare and record alike."""
    if isinstance(value, str):
        return PORT.sub(r"\1:PORT", ADDRESS.sub("0x…", value))
    if isinstance(value, list):
        return [scrub(item) for item in value]
    if isinstance(value, dict):
        return {key: scrub(item) for key, item in value.items()}
    return value


def matches(expected, observed):
    """Which keys of `expected` the observation contradicts (empty: it matches)."""
    wrong = []
    for key, want in expected.items():
        if key not in observed:
            wrong.append(key)
        elif key == "message":
            if want not in observed[key]:
                wrong.append(key)
        elif key == "exception":
            if observed[key] != want.rsplit(".", 1)[-1]:
                wrong.append(key)
        elif observed[key] != want:
            wrong.append(key)
    return wrong
