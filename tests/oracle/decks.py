"""The decks the oracle proves, and the runner each one names.

Every deck is read through `load_deck`, in the TOML document's own shape (`deck`, `topic`,
`question` with its `choice`, `check`, `proof`, ...), which is also the shape of the deck
compiler's JSON export (`scripts/deck export`).
"""

import glob
import importlib
import os
import tomllib

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
# The module of each runner a deck's `[deck.oracle] runner` may name.
RUNNERS = {"django": "django_runner", "python": "python_runner"}


def load_deck(path):
    with open(path, "rb") as deck_file:
        return tomllib.load(deck_file)


def deck_paths():
    """Every decks/*.toml, or only the file ORACLE_DECK names (e.g. a deck with a wrong answer
    key, to see the oracle catch it)."""
    if os.environ.get("ORACLE_DECK"):
        return [os.environ["ORACLE_DECK"]]
    return sorted(glob.glob(os.path.join(ROOT, "decks", "*.toml")))


def receipts_path(deck_path):
    return os.path.splitext(deck_path)[0] + ".receipts.json"


def runner_of(deck):
    """The runner module the deck names. A deck without `[deck.oracle]` is a Django deck, as
    every deck was before decks named their runner."""
    name = deck["deck"].get("oracle", {}).get("runner", "django")
    if name not in RUNNERS:
        raise ValueError(f"deck {deck['deck']['id']!r}: unknown oracle runner {name!r} "
                         f"(known: {', '.join(RUNNERS)})")
    # Imported only when a deck needs it: importing the Django runner configures Django.
    return importlib.import_module(RUNNERS[name])
