"""Settings: pacing, sound, spoken cues and theme; validated, saved through the store, theme previewed
live. The sound row says which output is in use, and ctrl+o plays every cue's sound in turn
(`settings_sound.py`); the fields and their words are in `views/settings.py`."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Select, Static

from glutewake.app.keys import bindings_for, keys_for
from glutewake.app.messages import SavedDataChanged
from glutewake.app.screens.settings_sound import SoundSettings
from glutewake.app.views.settings import NUMBER_FIELDS, SOUND_OPTIONS, VOLUME, override_note
from glutewake.app.widgets.key_line import KeyLine
from glutewake.app.widgets.on_off_box import OnOffBox
from glutewake.app.widgets.title_bar import TitleBar
from glutewake.core.settings import SOUND_CHOICES, SettingOutOfRange


class SettingsScreen(SoundSettings):
    """A form; nothing is saved until ctrl+s or enter, and only if every value is valid."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("settings")
    # Below 80 columns the volume takes a line of its own under the sound.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]

    def compose(self) -> ComposeResult:
        self.saved = self.coach.profile().settings
        self.theme_at_open = self.app.theme
        yield TitleBar("settings", today=self.coach.today())
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
            with Horizontal(classes="setting-row -with-note", id="sound-row"):
                yield Label("Sound at each cue", classes="setting-label")
                yield Select(
                    [(SOUND_OPTIONS[choice], choice) for choice in SOUND_CHOICES],
                    value=self.saved.sound,
                    allow_blank=False,
                    id="sound",
                    compact=True,
                )
                yield Label(VOLUME.label, id="volume-label", classes="setting-inline-label")
                with Horizontal(id="volume-field"):
                    yield Input(
                        str(self.saved.volume),
                        type="integer",
                        id="volume",
                        compact=True,
                        classes="setting-input",
                    )
                    yield Static(VOLUME.hint, id="volume-hint", classes="setting-hint", markup=False)
            yield Static("", id="sound-note", markup=False)
            with Horizontal(classes="setting-row -with-note"):
                yield Label("Spoken cues", classes="setting-label")
                yield OnOffBox(self.saved.spoken_cues, id="spoken_cues")
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
                yield Static("previewed live", id="theme-hint", classes="setting-hint", markup=False)
            yield Static(override_note(self.coach.count_seconds), id="settings-note", markup=False)
            yield Static("", id="settings-problem", markup=False)
        yield KeyLine((key for key in keys_for("settings") if key.show), id="keys")

    def _current_theme(self) -> str:
        theme = self.saved.theme
        return theme if theme in self.app.available_themes else self.app.theme

    @on(Select.Changed, "#theme")
    def _preview_theme(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.app.theme = event.value

    @on(SavedDataChanged)
    def _theme_saved_elsewhere(self) -> None:
        """A theme picked in the palette over this screen is saved at once: the form shows it,
        and leaving without saving keeps it."""
        saved = self.coach.profile().settings.theme
        if saved in self.app.available_themes and saved != self.saved.theme:
            self.saved = self.saved.with_changes(theme=saved)
            self.theme_at_open = saved
            self.query_one("#theme", Select).value = saved

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def read_form(self) -> dict[str, object]:
        """Every value on the form, validated; SettingOutOfRange names the first bad one."""
        changes: dict[str, object] = {
            field.name: field.parse(self.query_one(f"#{field.name}", Input).value.strip())
            for field in NUMBER_FIELDS
        }
        changes["sound"] = self._chosen_sound()
        changes["volume"] = VOLUME.parse(self.query_one("#volume", Input).value.strip())
        changes["spoken_cues"] = self.query_one("#spoken_cues", OnOffBox).value
        changes["theme"] = str(self.query_one("#theme", Select).value)
        return changes

    def action_save(self) -> None:
        problem = self.query_one("#settings-problem", Static)
        try:
            changes = self.read_form()
        except SettingOutOfRange as error:
            problem.update(f"Not saved: {error}.")
            problem.scroll_visible(animate=False)
            self.app.notify(f"{error}.", title="Not saved", severity="error")
            return
        problem.update("")
        if self.save(lambda: self.coach.change_settings(**changes)) is None:
            return
        self.app.notify("The next session uses them.", title="Settings saved")
        self.dismiss()

    def action_cancel(self) -> None:
        self.app.theme = self.theme_at_open
        self.dismiss()
