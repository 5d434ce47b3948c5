"""A stand-in for the sound output in Pilot tests: it records what it was asked to play."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from glutewake.app.playback.tone_output import AudioUnavailable
from glutewake.core.sound_schedule import Planned
from glutewake.core.tones import LONGEST_SOUND


class FakeTones:
    """Every sound ever planned (by key), what is pending now, hushes and closing."""

    description = "tones through a test output: default output"

    def __init__(self) -> None:
        self.planned: dict[tuple[int, int], Planned] = {}
        self.pending: list[Planned] = []
        self.hushed = 0
        self.closed = False
        self.closed_at: float | None = None  # time.monotonic() when closed
        self.broken: str | None = None
        self.volume: int | None = None

    def open(self, volume: int, clock: Callable[[], float]) -> FakeTones:
        self.volume = volume
        return self

    def plan(self, planned: Iterable[Planned]) -> None:
        self.pending = list(planned)
        for item in self.pending:
            self.planned.setdefault(item.key, item)

    def hush(self) -> None:
        self.hushed += 1
        self.pending = []

    def failure(self, now: float) -> str | None:
        return self.broken

    def seconds_left(self, now: float) -> float:
        return max([0.0, *(p.at - now + LONGEST_SOUND for p in self.pending)])

    def queued(self, now: float) -> float:
        return 0.0

    def close(self) -> None:
        self.closed = True
        self.closed_at = time.monotonic()

    def sounds(self) -> list[tuple[float, str]]:
        """(clock time, sound) of everything planned, in time order."""
        return sorted((p.at, str(p.sound)) for p in self.planned.values())


def no_sound_output(volume: int, clock: Callable[[], float]) -> FakeTones:
    raise AudioUnavailable("no sound device could be opened through PulseAudio or ALSA")
