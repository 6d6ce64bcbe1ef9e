"""The Python runner: a deck's `script` runs as a plain Python 3.11 program, no Django.

Each run is a fresh interpreter, `python3 -I -S -B script_child.py` (the oracle's own Python,
isolated from the environment, without site-packages and writing no bytecode: the standard
library only, so a deck cannot lean on Django or anything else the oracle's venv holds). The
child runs the case as observe.py does for every runner: the module `case`, after
observe.PRELUDE and the check's `setup`; `main()` is called, and awaited with `asyncio.run` in
the child's main thread when it is `async def`. A run that does not finish within TIMEOUT
seconds is killed, and fails its question rather than being observed: no `expect` can claim a
hang.
"""

import json
import os
import subprocess
import sys

import observe

NAME = "python"  # what a deck's `[deck.oracle] runner` calls this runner
CHILD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "script_child.py")
TIMEOUT = 10  # seconds; the deck's cases take well under one

HANDLERS = {"script": ("script",)}
DEFAULT_HANDLERS = {"script": ["script"]}
HANDLER_ORDER = ["script"]
OBSERVABLE = {"script": observe.SCRIPT_OBSERVABLE}


def setup():
    """Nothing to prepare: every run starts its own interpreter."""


def describe():
    return f"Python {observe.python_version()}"


def versions():
    return {"python": observe.python_version()}


def run(kind, code, setup="", env=None, handler=None):
    """Runs `code` in a fresh interpreter; returns the observed outcome (see observe.py)."""
    if kind not in HANDLERS or handler not in (None, *HANDLERS[kind]):
        raise ValueError(f"the Python runner cannot run {kind!r} under handler {handler!r}")
    try:
        child = subprocess.run(
            [sys.executable, "-I", "-S", "-B", CHILD],
            input=json.dumps({"code": code, "setup": setup}),
            env={**os.environ, **(env or {})},
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        raise TimeoutError(f"the script did not finish within {TIMEOUT} s") from None
    if child.returncode != 0 or not child.stdout:
        raise RuntimeError(
            f"the script's interpreter exited with {child.returncode}:\n{child.stderr}"
        )
    return json.loads(child.stdout)
