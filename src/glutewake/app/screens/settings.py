"""Settings: pacing, bell, spoken cues and theme; validated, saved through the store, theme previewed live."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Checkbox, Input, Label, Select, Static

from glutewake.app.keys import bindings_for, keys_for
from glutewake.app.widgets.key_line import KeyLine
from glutewake.app.widgets.title_bar import TitleBar
from glutewake.core.settings import RANGES, SettingOutOfRange, Settings, check_in_range

if TYPE_CHECKING:
    from glutewake.app.app import GlutewakeApp


@dataclass(frozen=True)
class NumberField:
    """One numeric setting as the form shows it."""

    name: str
    label: str
    whole: bool

    def parse(self, text: str) -> float | int:
        """The typed value, checked against the setting's range."""
        try:
            value: float | int = int(text) if self.whole else float(text)
        except ValueError:
            kind = "a whole number" if self.whole else "a number"
            raise SettingOutOfRange(f"{self.label} must be {kind}, got {text!r}") from None
        check_in_range(self.label, value, RANGES[self.name])
        return value

    @property
    def hint(self) -> str:
        bounds = RANGES[self.name]
        return f"{bounds.low:g}–{bounds.high:g}"


NUMBER_FIELDS = (
    NumberField("count_seconds", "seconds per count", whole=False),
    NumberField("counts_per_breath", "counts per breath in or out", whole=True),
    NumberField("stretch_hold_counts", "stretch hold, in counts", whole=True),
    NumberField("rest_between_sides_counts", "rest between sides, in counts", whole=True),
)


def on_off(value: bool) -> str:
    return "on" if value else "off"


class SettingsScreen(Screen[None]):
    """A form; nothing is saved until ctrl+s or enter, and only if every value is valid."""

    BINDINGS: ClassVar = bindings_for("settings")

    app: GlutewakeApp  # type: ignore[assignment]

    saved: Settings
    """The settings as saved when the screen opened."""

    def compose(self) -> ComposeResult:
        self.saved = self.app.coach.profile().settings
        self.theme_at_open = self.app.theme
        yield TitleBar("settings")
        with VerticalScroll(id="settings-form"):
            for field in NUMBER_FIELDS:
                with Horizontal(classes="setting-row"):
                    yield Label(field.label.capitalize(), classes="setting-label")
                    yield Input(
                        f"{getattr(self.saved, field.name):g}",
                        type="integer" if field.whole else "number",
                        id=field.name,
                        compact=True,
                        classes="setting-input",
                    )
                    yield Static(field.hint, classes="setting-hint", markup=False)
            with Horizontal(classes="setting-row"):
                yield Label("Bell at each cue", classes="setting-label")
                yield Checkbox(on_off(self.saved.bell), self.saved.bell, id="bell", compact=True)
            with Horizontal(classes="setting-row -with-note"):
                yield Label("Spoken cues", classes="setting-label")
                yield Checkbox(
                    on_off(self.saved.spoken_cues), self.saved.spoken_cues, id="spoken_cues", compact=True
                )
            yield Static(f"voice: {self._voice_note()}", id="voice-note", markup=False)
            with Horizontal(classes="setting-row"):
                yield Label("Theme", classes="setting-label")
                yield Select(
                    [(name, name) for name in sorted(self.app.available_themes)],
                    value=self._current_theme(),
                    allow_blank=False,
                    id="theme",
                    compact=True,
                )
                yield Static("previewed live", classes="setting-hint", markup=False)
            yield Static(self._override_note(), id="settings-note", markup=False)
            yield Static("", id="settings-problem", markup=False)
        yield KeyLine((key for key in keys_for("settings") if key.show), id="keys")

    def _current_theme(self) -> str:
        theme = self.saved.theme
        return theme if theme in self.app.available_themes else self.app.theme

    def _override_note(self) -> str:
        override = self.app.coach.count_seconds
        if override is None:
            return "Saved settings apply to your next session and to home's session length."
        return (
            f"This run uses {override:g} s per count (--count-seconds); the seconds per count "
            "saved here apply when you start glutewake without it."
        )

    def _voice_note(self) -> str:
        from glutewake.app.playback.voice import choose_voice

        return choose_voice(self.saved, self.app.coach.environ).note

    def action_test_voice(self) -> None:
        """Speak a sample cue now, so the user hears what spoken cues sound like."""
        from glutewake.app.playback.voice import Voice, choose_voice

        choice = choose_voice(self.saved.with_changes(spoken_cues=True), self.app.coach.environ)
        if not choice.argv:
            self.app.notify(choice.note.capitalize() + ".", title="No voice", severity="warning")
            return
        voice = Voice(choice.argv)
        if voice.say("glutewake voice test: three, breathe in"):
            self.app.notify(
                f"Speaking through {choice.program}. If you heard nothing, check "
                "the volume or pick another program.",
                title="Voice test",
            )
        else:
            self.app.notify(f"{voice.failure}.", title="Voice test", severity="error")

    @on(Checkbox.Changed)
    def _on_off_word(self, event: Checkbox.Changed) -> None:
        event.checkbox.label = on_off(event.value)

    @on(Select.Changed, "#theme")
    def _preview_theme(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.app.theme = event.value

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def read_form(self) -> dict[str, object]:
        """Every value on the form, validated; SettingOutOfRange names the first bad one."""
        changes: dict[str, object] = {
            field.name: field.parse(self.query_one(f"#{field.name}", Input).value.strip())
            for field in NUMBER_FIELDS
        }
        changes["bell"] = self.query_one("#bell", Checkbox).value
        changes["spoken_cues"] = self.query_one("#spoken_cues", Checkbox).value
        changes["theme"] = str(self.query_one("#theme", Select).value)
        return changes

    def action_save(self) -> None:
        problem = self.query_one("#settings-problem", Static)
        try:
            changes = self.read_form()
        except SettingOutOfRange as error:
            problem.update(f"Not saved: {error}.")
            self.app.notify(f"{error}.", title="Not saved", severity="error")
            return
        problem.update("")
        if self.app.save(lambda: self.app.coach.change_settings(**changes)) is None:
            return
        self.app.notify("The next session uses them.", title="Settings saved")
        self.dismiss()

    def action_cancel(self) -> None:
        self.app.theme = self.theme_at_open
        self.dismiss()
