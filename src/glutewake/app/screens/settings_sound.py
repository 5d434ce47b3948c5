"""What the settings screen does about sound: the line saying which output the chosen sound
uses (found out off the event loop), ctrl+o playing every cue's sound in turn, and ctrl+t
speaking a sample cue. `SettingsScreen` is built on it and composes the widgets it names
(`#sound`, `#volume`, `#sound-note`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual import on
from textual.timer import Timer
from textual.widgets import Input, Select, Static

from glutewake.app.screens.coach_screen import CoachScreen
from glutewake.app.views.settings import VOLUME
from glutewake.core.settings import SettingOutOfRange, Settings

if TYPE_CHECKING:
    from glutewake.app.playback.demo import DemoItem
    from glutewake.core.sound_schedule import Tones


class SoundSettings(CoachScreen[None]):
    """The sound and voice half of the settings screen."""

    saved: Settings
    """The settings as saved when the screen opened."""

    tones_output: str | None = None
    """What opening the sound output gave: its description, or why there is none."""
    probing = False
    """A probe is under way (one at a time: a thread worker cannot be cancelled, only left)."""
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
            # The Select posts a Changed as it mounts, so this runs twice on opening: one probe.
            if not self.probing:
                self.probing = True
                self.run_worker(self._probe_tones, thread=True, group="sound-probe")
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
        self.probing = False
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
        # ctrl+o pressed again while the output opened: this one replaces the other, closed.
        self._stop_demo(refresh=False)
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
