"""Cues you can hear: synthesised tones (or the terminal bell) and, when on, the cue spoken.

The `sound` setting picks the output: `tones` plays a sound per cue kind through the
system's sound output (see `tone_output`), `bell` rings the terminal bell patterns, `off`
neither. Tones that cannot be had (no library, no device) or that stop working fall back
to the bell, once, and the screen says so plainly.

The player calls `follow(engine, now)` at every redraw: it hands the tones just ahead to
the output at their clock times (see `core.sound_schedule`), so each starts on time even
when a redraw is late. `cue(step, seconds, now)` at every new step speaks the cue and rings
the bell; `tick(now)` rings the later rings of a bell pattern when they fall due on the
same clock. Speech runs as its own process (see `glutewake.app.playback.voice`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from glutewake.app.playback.voice import Voice, choose_voice
from glutewake.core.cues import (
    FINISH_RINGS,
    FINISHED_PHRASE,
    PARTIAL_PHRASE,
    phrase_for,
    ring_times,
    rings_for,
)
from glutewake.core.engine import Engine
from glutewake.core.settings import Settings
from glutewake.core.sound_schedule import Score, ToneOpener, Tones
from glutewake.core.timeline import Step

BELL_ONLY = "terminal bell only — your terminal may be silent"
# A session starts this much after the sound the device already holds, so its first cue is
# handed over before the device asks for the block it falls in; never more than MAX_LEAD.
LEAD_MARGIN = 0.01
MAX_LEAD = 0.1
# After the last cue, how long speech may go on before the session's sounds are closed.
SPEECH_LINGER = 3.0


def open_system_tones(volume: int, clock: Callable[[], float]) -> Tones:
    """The real sound output (the audio library is imported only now)."""
    from glutewake.app.playback.tone_output import open_tones

    return open_tones(volume, clock)


def try_tones(opener: ToneOpener | None, volume: int, clock: Callable[[], float]) -> tuple[Tones | None, str]:
    """The output (`opener`'s, or the system's when None), or None and why not."""
    from glutewake.app.playback.tone_output import AudioUnavailable

    try:
        return (opener or open_system_tones)(volume, clock), ""
    except AudioUnavailable as error:
        return None, str(error)


class CueSounds:
    """The tones or bell, and the voice, of one session; `muted` (the m key) silences all."""

    def __init__(
        self,
        settings: Settings,
        environ: Mapping[str, str],
        bell: Callable[[], None],
        voice: Voice | None = None,
        *,
        tones: Tones | None = None,
        tones_problem: str = "",
    ) -> None:
        self.bell = bell
        self.tones = tones if settings.sound == "tones" else None
        self.tones_problem = tones_problem
        """Why tones are not playing though the setting asks for them ("" when they are)."""
        self.bell_only = settings.sound == "tones" and self.tones is None
        self.bell_on = settings.sound == "bell" or self.bell_only
        self.choice = choose_voice(settings, environ)
        self.voice = voice or (Voice(self.choice.argv) if self.choice.enabled else None)
        self.muted = False
        self.failure_told = False
        self._due: list[float] = []
        self._score: Score | None = None
        self._quiet = False

    @classmethod
    def open(
        cls,
        settings: Settings,
        environ: Mapping[str, str],
        bell: Callable[[], None],
        opener: ToneOpener | None,
        clock: Callable[[], float],
    ) -> CueSounds:
        """The sounds of a session starting now: the sound output is opened here, once."""
        tones, problem = None, ""
        if settings.sound == "tones":
            tones, problem = try_tones(opener, settings.volume, clock)
        return cls(settings, environ, bell, tones=tones, tones_problem=problem)

    @property
    def speaking(self) -> bool:
        return self.voice is not None and self.voice.working

    @property
    def state(self) -> str:
        """A few words for the screen: what the user will hear."""
        if self.muted:
            return "muted"
        if self.tones is not None:
            heard = "tones on"
        elif self.bell_only:
            heard = BELL_ONLY
        elif self.bell_on:
            heard = "bell on"
        else:
            heard = ""
        if self.speaking:
            return " · ".join(part for part in ("voice on", heard) if part)
        return heard or "sound off"

    # -- the beat ----------------------------------------------------------------------

    def follow(self, engine: Engine, now: float) -> str | None:
        """Hand the tones just ahead to the output; a note if it has just stopped working."""
        if self.tones is None:
            return None
        failure = self.tones.failure(now)
        if failure is not None:
            return self._fall_back(failure)
        quiet = self.muted or engine.paused
        if quiet:
            if not self._quiet:
                self.tones.hush()
            self._quiet = True
            return None
        self._quiet = False
        if self._score is None or self._score.timeline is not engine.timeline:
            self._score = Score(engine.timeline)
        self.tones.plan(self._score.due(engine, now))
        return None

    def cue(self, step: Step, step_seconds: float, now: float) -> str | None:
        """Sound the start of `step`; returns a note the first time speech fails."""
        return self._sound(rings_for(step), step_seconds, phrase_for(step), now)

    def finished(self, now: float, *, completed: bool = True) -> str | None:
        """The end of the timeline: well done when completed, plainly over when partial."""
        return self._sound(FINISH_RINGS, 2.0, FINISHED_PHRASE if completed else PARTIAL_PHRASE, now)

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

    def lead(self, now: float) -> float:
        """How long after `now` a session should start so its first tone is on time: past the
        sound the device already holds (a few milliseconds of silence), with a margin."""
        queued = self.tones.queued(now) if self.tones is not None else 0.0
        return min(MAX_LEAD, queued + LEAD_MARGIN) if queued > 0 else 0.0

    def linger(self, now: float) -> float:
        """How long the sounds of a finished session still need before `close`."""
        tones = self.tones.seconds_left(now) if self.tones is not None else 0.0
        speech = SPEECH_LINGER if self.speaking else 0.0
        return max(tones, speech)

    def toggle_mute(self) -> None:
        self.muted = not self.muted
        if self.muted:
            self.silence()

    def silence(self) -> None:
        """Stop pending rings and tones, the tone playing and the phrase still speaking."""
        self._due.clear()
        if self.tones is not None:
            self.tones.hush()
        if self.voice is not None:
            self.voice.cut()

    def close(self) -> None:
        self.silence()
        if self.voice is not None:
            self.voice.close()
        if self.tones is not None:
            self.tones.close()

    # -- helpers -----------------------------------------------------------------------

    def _fall_back(self, failure: str) -> str:
        """The tones stopped working: the bell from now on, said once."""
        tones, self.tones = self.tones, None
        if tones is not None:
            tones.close()
        self.tones_problem = failure
        self.bell_only = self.bell_on = True
        return f"{failure[0].upper()}{failure[1:]}: {BELL_ONLY}. The session goes on."

    def _sound(self, rings: int, seconds: float, phrase: str, now: float) -> str | None:
        self._due.clear()
        if self.voice is not None:
            self.voice.cut()
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
        heard = self.tones is not None or self.bell_on
        fallback = "" if heard else " (sound is off in settings, so cues are silent)"
        return f"{self.voice.failure}{fallback}"
