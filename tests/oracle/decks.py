"""The decks the oracle proves, and the runner each one names.

Every deck is read through `load_deck`: the deck compiler's JSON export (`scripts/deck export`),
in the TOML document's own shape (`deck`, `topic`, `question` with its `choice`, `check`,
`proof`, ...).
"""

import glob
import importlib
import json
import os
import subprocess

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
# The module of each runner a deck's `[deck.oracle] runner` may name.
RUNNERS = {"django": "django_runner", "python": "python_runner"}


def load_deck(path):
    """The deck as the deck compiler validated and exported it (it parses deck files; nothing
    else does). A deck that breaks a rule fails here, with the compiler's own messages."""
    exported = subprocess.run(
        ["cargo", "run", "-q", "--locked", "-p", "deck-compiler", "--bin", "deck", "--", "export", path],
        cwd=ROOT, capture_output=True, text=True,
    )
    if exported.returncode != 0:
        raise ValueError(f"{path} does not compile:\n{exported.stderr}")
    return json.loads(exported.stdout)


def deck_paths():
    """Every decks/*.toml, or only the file ORACLE_DECK names (e.g. a deck with a wrong answer
    key, to see the oracle catch it)."""
    if os.environ.get("ORACLE_DECK"):
        return [os.environ["ORACLE_DECK"]]
    return sorted(glob.glob(os.path.join(ROOT, "decks", "*.toml")))


def receipts_path(deck_path):
    return os.path.splitext(deck_path)[0] + ".receipts.json"


def runner_of(deck):
    """The runner module the deck names (the compiler requires `[deck.oracle]`)."""
    name = deck["deck"]["oracle"]["runner"]
    if name not in RUNNERS:
        raise ValueError(f"deck {deck['deck']['id']!r}: unknown oracle runner {name!r} "
                         f"(known: {', '.join(RUNNERS)})")
    # Imported only when a deck needs it: importing the Django runner configures Django.
    return importlib.import_module(RUNNERS[name])
