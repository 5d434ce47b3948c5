"""Settings: pacing, the hour a day starts, sound, spoken cues and theme; validated, saved
through the store, theme previewed live. The sound row says which output is in use, and
ctrl+o plays every cue's sound in turn."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widgets import Checkbox, Input, Label, Select, Static

from glutewake.app.keys import bindings_for, keys_for
from glutewake.app.screens.coach_screen import CoachScreen
from glutewake.app.widgets.key_line import KeyLine
from glutewake.app.widgets.title_bar import TitleBar
from glutewake.core.settings import RANGES, SOUND_CHOICES, SettingOutOfRange, Settings, parse_setting

if TYPE_CHECKING:
    from glutewake.app.playback.demo import DemoItem
    from glutewake.core.sound_schedule import Tones


@dataclass(frozen=True)
class NumberField:
    """One numeric setting as the form shows it."""

    name: str
    label: str
    whole: bool
    note: str = ""
    """Words after the allowed range, when the range alone does not say what the number does."""

    def parse(self, text: str) -> object:
        """The typed value, checked as `glutewake settings KEY VALUE` checks it."""
        return parse_setting(self.name, text, self.label)

    @property
    def hint(self) -> str:
        bounds = RANGES[self.name]
        return f"{bounds.low:g}–{bounds.high:g}{self.note}"


NUMBER_FIELDS = (
    NumberField("count_seconds", "seconds per count", whole=False),
    NumberField("counts_per_breath", "counts per breath in or out", whole=True),
    NumberField("stretch_hold_seconds", "stretch hold, in seconds", whole=True),
    NumberField("rest_seconds", "rest, in seconds", whole=True),
    NumberField("transition_seconds", "change of position, in seconds", whole=True),
    NumberField("day_starts_at", "a day starts at (hour)", whole=True, note="; earlier is the day before"),
)


VOLUME = NumberField("volume", "volume", whole=True)
SOUND_OPTIONS = {
    "tones": "tones (own sounds)",
    "bell": "terminal bell",
    "off": "off",
}


def on_off(value: bool) -> str:
    return "on" if value else "off"


class SettingsScreen(CoachScreen[None]):
    """A form; nothing is saved until ctrl+s or enter, and only if every value is valid."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("settings")

    saved: Settings
    """The settings as saved when the screen opened."""

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
            with Horizontal(classes="setting-row -with-note"):
                yield Label("Sound at each cue", classes="setting-label")
                yield Select(
                    [(SOUND_OPTIONS[choice], choice) for choice in SOUND_CHOICES],
                    value=self.saved.sound,
                    allow_blank=False,
                    id="sound",
                    compact=True,
                )
                yield Label(VOLUME.label, classes="setting-inline-label")
                yield Input(
                    str(self.saved.volume), type="integer", id="volume", compact=True, classes="setting-input"
                )
                yield Static(VOLUME.hint, id="volume-hint", classes="setting-hint", markup=False)
            yield Static("", id="sound-note", markup=False)
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
        override = self.coach.count_seconds
        if override is None:
            return "Saved settings apply to your next session and to home's session length."
        # One line, so the whole form fits 80x24.
        return f"This run uses {override:g} s per count (--count-seconds), not the saved one."

    # -- sound -----------------------------------------------------------------------

    tones_output: str | None = None
    """What opening the sound output gave: its description, or why there is none."""
    demo_tones: Tones | None = None
    demo_timers: list[Timer]

    def on_mount(self) -> None:
        self.demo_timers = []
        self._show_sound_note()

    def on_unmount(self) -> None:
        self._stop_demo(refresh=False)

    @on(Select.Changed, "#sound")
    def _sound_changed(self) -> None:
        self._show_sound_note()

    def _chosen_sound(self) -> str:
        value = self.query_one("#sound", Select).value
        return value if isinstance(value, str) else self.saved.sound

    def _show_sound_note(self) -> None:
        """Which output the chosen sound uses; for tones, found out off the event loop."""
        sound = self._chosen_sound()
        if sound == "tones" and self.tones_output is None:
            self._sound_note("looking for the sound output…")
            self.run_worker(self._probe_tones, thread=True, exclusive=True, group="sound-probe")
            return
        self._sound_note(self._output_words(sound))

    def _output_words(self, sound: str) -> str:
        from glutewake.app.playback.cue_sounds import BELL_ONLY

        if sound == "off":
            return "off — cues are silent (spoken cues aside)"
        if sound == "bell":
            return "the terminal bell — your terminal may be silent"
        return self.tones_output or BELL_ONLY

    def _sound_note(self, words: str) -> None:
        self.query_one("#sound-note", Static).update(f"sound: {words}")

    def _probe_tones(self) -> None:
        from glutewake.app.playback.cue_sounds import BELL_ONLY, try_tones

        coach = self.coach
        tones, problem = try_tones(coach.open_tones, self.saved.volume, coach.clock)
        if tones is not None:
            found = tones.description
            tones.close()
        else:
            found = f"{BELL_ONLY} ({problem})"
        self._from_thread(self._probed, found)

    def _probed(self, found: str) -> None:
        self.tones_output = found
        if self.is_mounted and self._chosen_sound() == "tones":
            self._sound_note(found)

    def action_hear_cues(self) -> None:
        """Play every cue's sound in turn, as the form stands (saved or not), naming each."""
        self._stop_demo()
        sound = self._chosen_sound()
        try:
            volume = VOLUME.parse(self.query_one("#volume", Input).value.strip())
            if not isinstance(volume, int):
                raise SettingOutOfRange(f"volume must be a whole number, got {volume!r}")
        except SettingOutOfRange as error:
            self.app.notify(f"{error}.", title="Cannot play the cues", severity="error")
            return
        if sound == "off":
            self.app.notify(
                "Sound is off: choose tones or the terminal bell to hear the cues.",
                title="Sound off",
                severity="warning",
            )
            return
        if sound == "bell":
            self._play_bell_demo()
            return
        self._sound_note("opening the sound output…")
        self.run_worker(lambda: self._open_for_demo(volume), thread=True, exclusive=True, group="sound-demo")

    def _open_for_demo(self, volume: int) -> None:
        from glutewake.app.playback.cue_sounds import try_tones

        coach = self.coach
        tones, problem = try_tones(coach.open_tones, volume, coach.clock)
        if not self._from_thread(self._play_tone_demo, tones, problem) and tones is not None:
            tones.close()  # the app closed meanwhile: nobody will play them

    def _from_thread(self, callback: Callable[..., object], *args: object) -> bool:
        """Run `callback` on the app's loop from a worker thread; False once the app is gone."""
        try:
            self.app.call_from_thread(callback, *args)
        except RuntimeError:
            return False
        return True

    def _play_tone_demo(self, tones: Tones | None, problem: str) -> None:
        from glutewake.app.playback.cue_sounds import BELL_ONLY
        from glutewake.app.playback.demo import tone_demo
        from glutewake.core.sound_schedule import Planned

        if not self.is_mounted:
            if tones is not None:
                tones.close()
            return
        if tones is None:
            self.tones_output = f"{BELL_ONLY} ({problem})"
            self._play_bell_demo()
            return
        self.tones_output = tones.description
        self.demo_tones = tones
        items = tone_demo()
        start = self.coach.clock() + 0.1
        tones.plan(
            Planned(start + item.delay, item.sound, (0, number))
            for number, item in enumerate(items)
            if item.sound is not None
        )
        self._announce(items, lead=0.1)
        last = items[-1].delay + 0.1
        self.demo_timers.append(
            self.set_timer(last + tones.seconds_left(start + last) + 0.3, self._stop_demo)
        )

    def _play_bell_demo(self) -> None:
        from glutewake.app.playback.demo import bell_demo
        from glutewake.core.cues import RING_GAP

        items = bell_demo()
        self._announce(items)
        for item in items:
            for ring in range(item.rings):
                self._later(item.delay + ring * RING_GAP, self.app.bell)
        self._later(items[-1].delay + 1.0, self._stop_demo)

    def _announce(self, items: tuple[DemoItem, ...], lead: float = 0.0) -> None:
        """Name each sound on the sound line as it plays."""
        for number, item in enumerate(items, start=1):
            words = f"playing {number}/{len(items)}: {item.label}"
            self._later(item.delay + lead, partial(self._demo_line, words))

    def _later(self, delay: float, callback: Callable[[], object]) -> None:
        # A timer needs a delay above zero.
        self.demo_timers.append(self.set_timer(max(delay, 0.001), callback))

    def _demo_line(self, words: str) -> None:
        if self.is_mounted:
            self.query_one("#sound-note", Static).update(f"sound: {words}")

    def _stop_demo(self, refresh: bool = True) -> None:
        for timer in self.demo_timers:
            timer.stop()
        self.demo_timers = []
        tones, self.demo_tones = self.demo_tones, None
        if tones is not None:
            tones.close()
        if refresh and self.is_mounted:
            self._show_sound_note()

    def _voice_note(self) -> str:
        from glutewake.app.playback.voice import choose_voice

        return choose_voice(self.saved, self.coach.environ).note

    def action_test_voice(self) -> None:
        """Speak a sample cue now, so the user hears what spoken cues sound like."""
        from glutewake.app.playback.voice import Voice, choose_voice

        choice = choose_voice(self.saved.with_changes(spoken_cues=True), self.coach.environ)
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
        changes["sound"] = self._chosen_sound()
        changes["volume"] = VOLUME.parse(self.query_one("#volume", Input).value.strip())
        changes["spoken_cues"] = self.query_one("#spoken_cues", Checkbox).value
        changes["theme"] = str(self.query_one("#theme", Select).value)
        return changes

    def action_save(self) -> None:
        problem = self.query_one("#settings-problem", Static)
        try:
            changes = self.read_form()
        except SettingOutOfRange as error:
            problem.update(f"Not saved: {error}.")
            problem.add_class("-shown")
            problem.scroll_visible(animate=False)
            self.app.notify(f"{error}.", title="Not saved", severity="error")
            return
        problem.update("")
        problem.remove_class("-shown")
        if self.save(lambda: self.coach.change_settings(**changes)) is None:
            return
        self.app.notify("The next session uses them.", title="Settings saved")
        self.dismiss()

    def action_cancel(self) -> None:
        self.app.theme = self.theme_at_open
        self.dismiss()
