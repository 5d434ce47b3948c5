"""Measuring sound from its samples: pitch, loudness, onsets (no FFT, no extra packages)."""

from __future__ import annotations

import math
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


def zero_crossing_hz(samples: Sequence[int], rate: int) -> float:
    """The dominant frequency: rising zero crossings per second."""
    rising = sum(1 for a, b in zip(samples, samples[1:], strict=False) if a < 0 <= b)
    return rising * rate / max(1, len(samples))


def rms(samples: Sequence[int]) -> float:
    return math.sqrt(sum(value * value for value in samples) / max(1, len(samples)))


def goertzel(samples: Sequence[int], rate: int, hz: float) -> float:
    """The strength of one frequency in `samples` (amplitude, like one bin of a DFT)."""
    coefficient = 2 * math.cos(2 * math.pi * hz / rate)
    before = earlier = 0.0
    for value in samples:
        before, earlier = value + coefficient * before - earlier, before
    power = before * before + earlier * earlier - coefficient * before * earlier
    return 2 * math.sqrt(max(0.0, power)) / max(1, len(samples))


def window_rms(samples: Sequence[int], size: int) -> list[float]:
    """RMS of consecutive windows of `size` samples."""
    return [rms(samples[start : start + size]) for start in range(0, len(samples) - size + 1, size)]


def active(samples: Sequence[int], rate: int, floor: float = 0.1) -> list[int]:
    """The samples of the windows (5 ms) louder than `floor` of the loudest: the notes, not
    the gaps between them."""
    size = max(1, rate // 200)
    levels = window_rms(samples, size)
    top = max(levels, default=0.0)
    kept: list[int] = []
    for index, level in enumerate(levels):
        if top and level >= floor * top:
            kept.extend(samples[index * size : (index + 1) * size])
    return kept


@dataclass(frozen=True)
class Onset:
    """Where a sound starts in a recording, and its dominant frequency just after."""

    seconds: float
    hz: float


def onsets(
    samples: Sequence[int], rate: int, *, threshold: float, quiet: float = 0.04, window: float = 0.002
) -> list[Onset]:
    """Sound starts: a window louder than `threshold` after at least `quiet` s below a tenth
    of it, placed where the sound rose above that tenth. Precise to about a millisecond."""
    size = max(1, round(window * rate))
    levels = window_rms(samples, size)
    need_quiet = max(1, round(quiet / window))
    floor = threshold * 0.1
    found: list[Onset] = []
    quiet_run = need_quiet
    armed = True
    for index, level in enumerate(levels):
        if level < floor:
            quiet_run += 1
            armed = armed or quiet_run >= need_quiet
            continue
        quiet_run = 0
        if level >= threshold and armed:
            armed = False
            # Back to the first window of the rise, then to its first sample above the floor.
            first = index
            while first > 0 and index - first < 10 and levels[first - 1] >= floor:
                first -= 1
            start = next(
                (n for n in range(first * size, index * size + size) if abs(samples[n]) >= floor),
                first * size,
            )
            body = samples[start : start + round(0.04 * rate)]
            found.append(Onset(start / rate, zero_crossing_hz(body, rate)))
    return found


def read_wav(path: Path) -> tuple[list[int], int]:
    """A 16-bit WAV as mono samples (channels averaged) and its rate."""
    with wave.open(str(path), "rb") as recording:
        channels = recording.getnchannels()
        width = recording.getsampwidth()
        rate = recording.getframerate()
        frames = recording.readframes(recording.getnframes())
    if width != 2:
        raise ValueError(f"{path}: expected 16-bit samples, found {width * 8}-bit")
    import array

    values = array.array("h", frames)
    if channels == 1:
        return list(values), rate
    return [sum(values[i : i + channels]) // channels for i in range(0, len(values), channels)], rate
