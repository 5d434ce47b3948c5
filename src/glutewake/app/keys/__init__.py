"""Every key of the app, declared once: bindings, the help screen and the palette read it.

Each `Key` becomes a Textual `Binding` (with description, tooltip and id) for the
screens of its `scope`; `HelpScreen` lists them all and `CoachCommands` offers the
ones with a `command` title in the command palette, so the three cannot drift.

`key` holds the `Key` itself; `main_keys` and `question_keys` declare them, in the order help
lists them; this module gathers them and answers which keys a scope has.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from textual.binding import Binding, BindingType

from glutewake.app.keys.key import Key, typed_digit
from glutewake.app.keys.main_keys import MAIN_KEYS
from glutewake.app.keys.question_keys import QUESTION_KEYS

__all__ = [
    "KEYS",
    "SCOPES",
    "THEME_COMMAND",
    "Key",
    "bindings_for",
    "key_with_id",
    "keys_for",
    "palette_help",
    "palette_keys",
    "palette_title",
    "screen_keys",
    "typed_digit",
]


# Scopes (one a screen, or a widget of one) with the heading help lists them under.
SCOPES = {
    "everywhere": "Everywhere",
    "home": "Home",
    "first run": "Before you start",
    "player": "During a session",
    "hurts": "During a session",
    "finished": "After a session",
    "check": "Symptom check",
    "check answer": "Symptom check",
    "check pain": "Symptom check",
    "check yes no": "Symptom check",
    "history": "History",
    "log form": "History",
    "morning": "Morning question",
    "settings": "Settings",
    "screen": "Other screens",
    "confirm": "Other screens",
}

KEYS: tuple[Key, ...] = (*MAIN_KEYS, *QUESTION_KEYS)

# Palette entries that are not keys of their own.
THEME_COMMAND = Key(
    "",
    "app.change_theme",
    "theme",
    "Kept for the next start, as in settings",
    "glutewake.theme",
    "palette",
    command="Theme: change colours",
)


_BY_ID = {key.id: key for key in KEYS}


def keys_for(scope: str) -> tuple[Key, ...]:
    """The keys declared for one scope, in declaration order."""
    return tuple(key for key in KEYS if key.scope == scope)


def bindings_for(scope: str) -> list[BindingType]:
    """The Textual bindings of one scope, ready for a `BINDINGS` class attribute."""
    return [key.binding() for key in keys_for(scope) if key.bound]


def key_with_id(id: str) -> Key:
    """The registry's key with this `id` (a KeyError names a key that was never declared)."""
    return _BY_ID[id]


def screen_keys(bindings: Iterable[BindingType]) -> Iterator[Key]:
    """The keys of a screen's own `BINDINGS` the palette can run there by name (not the app's
    own actions, which it offers anyway, nor the keys that move between fields)."""
    for binding in bindings:
        if isinstance(binding, Binding) and binding.id in _BY_ID:
            key = _BY_ID[binding.id]
            if not key.action.startswith("app."):
                yield key


def palette_title(key: Key) -> str:
    """The palette's words for a key: its command, else where it works and what it does."""
    return key.command or f"{SCOPES[key.scope]}: {key.tooltip}"


def palette_help(key: Key) -> str:
    """The palette's line under a title: what the title does not already say, and the key
    that does the same (`Record how your hip feels · key c on home`), never the title again."""
    title = palette_title(key).lower()
    parts = [key.tooltip] if key.tooltip.lower() not in title else []
    if key.bound and key.key:
        # Home's keys do something else elsewhere (s sorts history): say where they work.
        parts.append(f"key {key.shown_key}" + (" on home" if key.scope == "home" else ""))
    return " · ".join(parts)


def palette_keys() -> Iterator[Key]:
    """Every action the command palette offers, in the order it lists them."""
    yield from (key for key in KEYS if key.command and key.scope == "home")
    yield THEME_COMMAND
    yield from (key for key in KEYS if key.command and key.scope == "everywhere")
