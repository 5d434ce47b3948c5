"""Cues you can hear: a bell pattern per cue kind and, when on, the cue spoken aloud.

The player calls `cue(step, seconds, now)` at every new step and `tick(now)` at every
redraw; later rings of a pattern fall due on the same clock as the session (never
counted in ticks), and speech runs as its own process (see `glutewake.app.playback.voice`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from glutewake.app.playback.voice import Voice, choose_voice
from glutewake.core.cues import FINISH_RINGS, FINISHED_PHRASE, phrase_for, ring_times, rings_for
from glutewake.core.settings import Settings
from glutewake.core.timeline import Step


class CueSounds:
    """The bell and the voice of one session; `muted` (the m key) silences both."""

    def __init__(
        self,
        settings: Settings,
        environ: Mapping[str, str],
        bell: Callable[[], None],
        voice: Voice | None = None,
    ) -> None:
        self.bell = bell
        self.bell_on = settings.bell
        self.choice = choose_voice(settings, environ)
        self.voice = voice or (Voice(self.choice.argv) if self.choice.enabled else None)
        self.muted = False
        self.failure_told = False
        self._due: list[float] = []

    @property
    def speaking(self) -> bool:
        return self.voice is not None and self.voice.working

    @property
    def state(self) -> str:
        """One word for the screen: what the user will hear."""
        if self.muted:
            return "sound off" if self.speaking else "bell off"
        if self.speaking:
            return "voice on" + (" · bell on" if self.bell_on else "")
        return "bell on" if self.bell_on else "bell off"

    def cue(self, step: Step, step_seconds: float, now: float) -> str | None:
        """Sound the start of `step`; returns a note the first time speech fails."""
        return self._sound(rings_for(step), step_seconds, phrase_for(step), now)

    def finished(self, now: float) -> str | None:
        return self._sound(FINISH_RINGS, 2.0, FINISHED_PHRASE, now)

    def tick(self, now: float) -> None:
        """Ring the rings of the current pattern that have fallen due."""
        while self._due and self._due[0] <= now:
            self._due.pop(0)
            if not self.muted:
                self.bell()

    def take_due(self, now: float) -> list[float]:
        """The rings still to come, as delays from `now`, handed over to someone else."""
        delays = [max(0.0, due - now) for due in self._due]
        self._due.clear()
        return delays

    def toggle_mute(self) -> None:
        self.muted = not self.muted
        if self.muted:
            self.silence()

    def silence(self) -> None:
        """Stop pending rings and the phrase still speaking."""
        self._due.clear()
        if self.voice is not None:
            self.voice.cut()

    def close(self) -> None:
        self.silence()
        if self.voice is not None:
            self.voice.close()

    def _sound(self, rings: int, seconds: float, phrase: str, now: float) -> str | None:
        self.silence()
        if self.muted:
            return None
        if self.voice is not None and self.voice.working:
            self.voice.say(phrase)
        note = self._failure_note()
        if self.bell_on:
            first, *later = ring_times(rings, seconds)
            self.bell()
            self._due = [now + delay for delay in later]
        return note

    def _failure_note(self) -> str | None:
        if self.failure_told or self.voice is None or self.voice.failure is None:
            return None
        self.failure_told = True
        fallback = "" if self.bell_on else " (the bell is off in settings, so cues are silent)"
        return f"{self.voice.failure}{fallback}"
