"""Every key of the app, declared once: bindings, the help screen and the palette read it.

Each `Key` becomes a Textual `Binding` (with description, tooltip and id) for the
screens of its `scope`; `HelpScreen` lists them all and `CoachCommands` offers the
ones with a `command` title in the command palette, so the three cannot drift.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from textual.binding import Binding, BindingType

# Scopes (one a screen, or a widget of one) with the heading help lists them under.
SCOPES = {
    "everywhere": "Everywhere",
    "home": "Home",
    "first run": "Before you start",
    "player": "During a session",
    "finished": "After a session",
    "check": "Symptom check",
    "check answer": "Symptom check",
    "history": "History",
    "log form": "History",
    "morning": "Morning question",
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
    bound: bool = True
    """False for a key only shown (typed digits, or enter again once the advice is shown)."""

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
        command="Help",
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
        "Streaks, calendar, journal",
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
        command="Switch phase",
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
    Key("h", "it_hurts", "it hurts", "It hurts: pause, say how much", "glutewake.player.hurts", "player"),
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
    Key(
        "f",
        "filter_next",
        "filter",
        "Filter the journal's entries",
        "glutewake.history.filter",
        "history",
    ),
    Key("s", "sort_next", "sort", "Sort the journal another way", "glutewake.history.sort", "history"),
    Key(
        "v",
        "next_pane",
        "next panel",
        "Calendar, weeks or pain panel",
        "glutewake.history.pane",
        "history",
    ),
    Key("d", "delete_entry", "delete", "Delete the chosen entry", "glutewake.history.delete", "history"),
    Key(
        "e",
        "edit_pain",
        "edit pain",
        "Correct a session's pains",
        "glutewake.history.edit",
        "history",
    ),
    Key(
        "x",
        "write_report",
        "report",
        "Report for your therapist",
        "glutewake.history.report",
        "history",
    ),
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
    # Before you start (the safety note of the very first run).
    Key(
        "enter",
        "acknowledge",
        "I understand, go on",
        "Store today's date, go home",
        "glutewake.first_run.ok",
        "first run",
    ),
    Key("q", "app.quit", "quit", "Leave glutewake", "glutewake.first_run.quit", "first run"),
    # After a session: the "pain now" number. The digits are read by the screen's on_key.
    Key(
        "",
        "",
        "pain now",
        "Type 0 to 10",
        "glutewake.finished.digits",
        "finished",
        display="0–10",
        bound=False,
    ),
    Key("enter", "save_pain", "save", "Store it, go home", "glutewake.finished.save", "finished"),
    Key(
        "escape",
        "skip_pain",
        "skip",
        "Go home without a number",
        "glutewake.finished.skip",
        "finished",
        display="esc",
    ),
    Key(
        "backspace",
        "clear_pain",
        "clear",
        "Start the number again",
        "glutewake.finished.clear",
        "finished",
        display="bksp",
        show=False,
    ),
    # The morning-after question over home. The digits are read by the screen's on_key.
    Key("b", "answer('better')", "better", "Hip better than before", "glutewake.morning.better", "morning"),
    Key("s", "answer('same')", "same", "About the same as before", "glutewake.morning.same", "morning"),
    Key("w", "answer('worse')", "worse", "Hip worse than before", "glutewake.morning.worse", "morning"),
    Key(
        "",
        "",
        "pain",
        "Pain this morning, if any",
        "glutewake.morning.digits",
        "morning",
        display="0–10",
        bound=False,
    ),
    Key(
        "backspace",
        "clear_pain",
        "clear",
        "Start the number again",
        "glutewake.morning.clear",
        "morning",
        display="bksp",
        show=False,
    ),
    Key("enter", "save", "save", "Save the answer", "glutewake.morning.save", "morning"),
    Key(
        "escape",
        "skip",
        "not today",
        "Not today: ask tomorrow",
        "glutewake.morning.skip",
        "morning",
        display="esc",
    ),
    # The symptom check. The keys that move between questions are priority bindings: the app
    # runs them the moment they arrive, so an answer typed straight after (in the same burst
    # from the terminal) goes to the question they moved to, not the one above.
    Key(
        "down",
        "app.focus_next",
        "move",
        "Next question (tab too)",
        "glutewake.check.next",
        "check",
        display="↑↓",
        priority=True,
    ),
    Key(
        "up",
        "app.focus_previous",
        "previous",
        "Previous question",
        "glutewake.check.previous",
        "check",
        display="↑",
        show=False,
        priority=True,
    ),
    Key(
        "tab",
        "app.focus_next",
        "next",
        "Next question",
        "glutewake.check.tab",
        "check",
        show=False,
        priority=True,
    ),
    Key(
        "shift+tab",
        "app.focus_previous",
        "previous",
        "Previous question",
        "glutewake.check.shift-tab",
        "check",
        display="s-tab",
        show=False,
        priority=True,
    ),
    Key("enter", "save", "save", "Save, see the advice", "glutewake.check.save", "check"),
    Key(
        "escape",
        "cancel",
        "back without saving",
        "Leave; nothing is saved",
        "glutewake.check.cancel",
        "check",
        display="esc",
    ),
    # Once the advice is shown, enter (still bound as save) leads home.
    Key(
        "enter",
        "save",
        "back to home",
        "After the advice: home",
        "glutewake.check.done",
        "check",
        bound=False,
    ),
    # Bound on every answer of the symptom check. Priority bindings, like the keys that move
    # between questions: each acts on the question focused when it arrives.
    Key(
        "left",
        "choose(-1)",
        "answer",
        "Pain down, or answer left",
        "glutewake.check.left",
        "check answer",
        display="←→ 0–9",
        priority=True,
    ),
    Key(
        "right",
        "choose(1)",
        "change",
        "Pain up, or answer right",
        "glutewake.check.right",
        "check answer",
        display="→",
        show=False,
        priority=True,
    ),
    Key(
        "space",
        "toggle_answer",
        "tick",
        "Yes ↔ no, or tick a place",
        "glutewake.check.toggle",
        "check answer",
        priority=True,
    ),
    # The forms over history (log an activity, a rest day). Enter is the fields' own submit.
    Key("enter", "", "save", "Save the entry", "glutewake.history.form.save", "log form", bound=False),
    Key(
        "tab",
        "app.focus_next",
        "next field",
        "Next field",
        "glutewake.history.form.next",
        "log form",
        bound=False,
    ),
    Key(
        "escape",
        "cancel",
        "cancel",
        "Leave without saving",
        "glutewake.history.form.cancel",
        "log form",
        display="esc",
    ),
)

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
