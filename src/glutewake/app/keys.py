"""Every key of the app, declared once: bindings, the help screen and the palette read it.

Each `Key` becomes a Textual `Binding` (with description, tooltip and id) for the
screens of its `scope`; `HelpScreen` lists them all and `CoachCommands` offers the
ones with a `command` title in the command palette, so the three cannot drift.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from textual.binding import Binding

# Scopes in the order the help screen shows them, with their headings.
SCOPES = {
    "everywhere": "Everywhere",
    "home": "Home",
    "player": "During a session",
    "history": "History",
    "settings": "Settings",
    "screen": "Other screens",
}


@dataclass(frozen=True)
class Key:
    """One key: what it does, where, and (when `command` is set) its palette entry."""

    key: str
    action: str
    description: str
    tooltip: str
    id: str
    scope: str
    display: str = ""
    command: str = ""
    show: bool = True
    priority: bool = False

    @property
    def shown_key(self) -> str:
        """The key as the user types it: `,` rather than `comma`."""
        return self.display or self.key

    def binding(self) -> Binding:
        return Binding(
            self.key,
            self.action,
            self.description,
            show=self.show,
            priority=self.priority,
            key_display=self.display or None,
            tooltip=self.tooltip,
            id=self.id,
        )


KEYS: tuple[Key, ...] = (
    Key(
        "question_mark",
        "app.help",
        "help",
        "Every key and what it does",
        "glutewake.help",
        "everywhere",
        display="?",
        command="Help: every key",
    ),
    Key(
        "ctrl+p",
        "app.command_palette",
        "palette",
        "Find any action by name",
        "glutewake.palette",
        "everywhere",
        display="ctrl+p",
        show=False,
        priority=True,
    ),
    Key(
        "s",
        "app.start_session",
        "start",
        "Start today's session",
        "glutewake.start",
        "home",
        command="Start today's session",
    ),
    Key("r", "app.resume_session", "resume", "Go on after an interruption", "glutewake.resume", "home"),
    Key(
        "c",
        "app.symptom_check",
        "symptom check",
        "Record how your hip feels",
        "glutewake.check",
        "home",
        command="Symptom check",
    ),
    Key(
        "h",
        "app.history",
        "history",
        "Streaks, calendar, sessions",
        "glutewake.history",
        "home",
        command="History",
    ),
    Key(
        "p",
        "app.switch_phase",
        "phase",
        "Beginner ↔ advanced phase",
        "glutewake.phase",
        "home",
        command="Switch phase (beginner / advanced)",
    ),
    Key(
        "comma",
        "app.settings",
        "settings",
        "Pacing, sound and theme",
        "glutewake.settings",
        "home",
        display=",",
        command="Settings",
    ),
    Key("q", "app.quit", "quit", "Leave (all is already saved)", "glutewake.quit", "home", command="Quit"),
    Key("space", "pause", "pause", "Pause or go on", "glutewake.player.pause", "player"),
    Key("n", "next_set", "next set", "Next side or exercise", "glutewake.player.next", "player"),
    Key("b", "back_set", "back", "Back to the start of this set", "glutewake.player.back", "player"),
    Key("m", "mute", "mute", "All sound off or on", "glutewake.player.mute", "player"),
    Key(
        "escape",
        "end_session",
        "end",
        "End early, keep what you did",
        "glutewake.player.end",
        "player",
        display="esc",
    ),
    Key(
        "l",
        "log_activity",
        "log activity",
        "Log swimming, cycling, …",
        "glutewake.history.activity",
        "history",
    ),
    Key("R", "rest_day", "rest day", "Mark a rest day", "glutewake.history.rest", "history"),
    Key("r", "refresh", "refresh", "Read the journal again", "glutewake.history.refresh", "history"),
    Key("s", "sort_next", "sort", "Sort the sessions another way", "glutewake.history.sort", "history"),
    Key("ctrl+s", "save", "save", "Save (enter in a field too)", "glutewake.settings.save", "settings"),
    Key(
        "escape",
        "cancel",
        "back without saving",
        "Leave without saving",
        "glutewake.settings.cancel",
        "settings",
        display="esc",
    ),
    Key(
        "ctrl+t",
        "test_voice",
        "test voice",
        "Speak a sample cue aloud",
        "glutewake.settings.voice",
        "settings",
    ),
    Key(
        "ctrl+o",
        "hear_cues",
        "hear cues",
        "Play each cue's sound in turn",
        "glutewake.settings.sounds",
        "settings",
    ),
    Key(
        "tab", "app.focus_next", "next field", "Next field", "glutewake.settings.next", "settings", show=False
    ),
    Key(
        "escape", "app.back", "back", "Back to the previous screen", "glutewake.back", "screen", display="esc"
    ),
)

# Palette entries that are not keys of their own.
THEME_COMMAND = Key(
    "",
    "app.change_theme",
    "theme",
    "Pick a colour theme",
    "glutewake.theme",
    "palette",
    command="Theme: change colours",
)


def keys_for(scope: str) -> tuple[Key, ...]:
    """The keys declared for one scope, in declaration order."""
    return tuple(key for key in KEYS if key.scope == scope)


def bindings_for(scope: str) -> list[Binding]:
    """The Textual bindings of one scope, ready for a `BINDINGS` class attribute."""
    return [key.binding() for key in keys_for(scope)]


def palette_keys() -> Iterator[Key]:
    """Every action the command palette offers, in the order it lists them."""
    yield from (key for key in KEYS if key.command and key.scope == "home")
    yield THEME_COMMAND
    yield from (key for key in KEYS if key.command and key.scope == "everywhere")
