"""The sounds of the cues, synthesised in code: no sound files to ship or licence.

Each kind of cue has its own short sound (a rising glide to breathe in, a falling one on
the effort, a tick per count of a hold, a three-note phrase to switch sides, a chord at
the end, ...). A sound is a few notes, each a soft sine-like tone with a short raised-cosine
attack and release, so it starts and ends at silence (no clicks). Every note is brought to
the same loudness (RMS), and every sound is shorter than one count at 0.5 s per count.

Rendering is pure: `render(sound, rate, volume)` returns 16-bit mono samples. A session
renders each sound once (see `ToneBank`) and hands the same samples out at every cue.
"""

from __future__ import annotations

import math
import operator
from array import array
from dataclasses import dataclass
from enum import StrEnum

# Tones reach 4 kHz at most, so 24 kHz holds them whole (and divides 48 kHz evenly).
SAMPLE_RATE = 24000
# Each sound ends before the next count at the fastest pace the recording test uses.
LONGEST_SOUND = 0.45
ATTACK = 0.008
RELEASE = 0.03
# The RMS of every note at volume 100, as a share of full scale (about -15 dBFS), which
# leaves room for a three-note chord's peaks without clipping.
NOTE_RMS = 0.16
FULL_SCALE = 32767
# A warm timbre: the fundamental with a little of the 2nd and 3rd harmonics. They are small
# enough that the waveform crosses zero only twice per period of the fundamental.
HARMONICS = ((1, 1.0), (2, 0.22), (3, 0.06))
VOLUMES = range(0, 101)


class Sound(StrEnum):
    """One distinct sound per kind of cue."""

    PREPARE = "prepare"
    BREATHE_IN = "breathe-in"
    EFFORT = "effort"
    LOWER = "lower"
    HOLD_TICK = "hold-tick"
    SWITCH = "switch"
    REST = "rest"
    STRETCH_START = "stretch-start"
    STRETCH_END = "stretch-end"
    TRANSITION = "transition"
    FINISH = "finish"


@dataclass(frozen=True)
class Note:
    """A tone from `start` (seconds into the sound) for `length`, gliding `low`→`high` Hz.

    `decay` is the time constant of a gentle exponential fade over the note (0: none).
    """

    start: float
    length: float
    begin_hz: float
    end_hz: float
    decay: float = 0.0

    @property
    def end(self) -> float:
        return self.start + self.length


@dataclass(frozen=True)
class Voicing:
    """What a sound is made of, and how to say it: `name` for lists, `what` for ears."""

    name: str
    what: str
    notes: tuple[Note, ...]
    chord: bool = False

    @property
    def length(self) -> float:
        return max(note.end for note in self.notes)


# Pitches (Hz) of the notes used below: a pentatonic palette, so any two sounds fit together.
C4, E4, G4, A4, C5, D5, E5, G5, A5, C6, E6 = (
    261.63,
    329.63,
    392.00,
    440.00,
    523.25,
    587.33,
    659.26,
    783.99,
    880.00,
    1046.50,
    1318.51,
)

VOICINGS: dict[Sound, Voicing] = {
    Sound.PREPARE: Voicing(
        "get ready", "two soft high notes", (Note(0.0, 0.10, G5, G5, 0.12), Note(0.14, 0.10, G5, G5, 0.12))
    ),
    Sound.BREATHE_IN: Voicing("breathe in", "a tone rising", (Note(0.0, 0.34, G4, D5),)),
    Sound.EFFORT: Voicing("breathe out with the effort", "a tone falling", (Note(0.0, 0.34, D5, G4),)),
    Sound.LOWER: Voicing("lower slowly / back up", "one low note", (Note(0.0, 0.24, E4, E4, 0.2),)),
    Sound.HOLD_TICK: Voicing("hold (each count)", "a soft tick", (Note(0.0, 0.06, E6, E6, 0.03),)),
    Sound.SWITCH: Voicing(
        "switch sides",
        "three notes going up",
        (Note(0.0, 0.11, C5, C5, 0.15), Note(0.13, 0.11, E5, E5, 0.15), Note(0.26, 0.13, G5, G5, 0.15)),
    ),
    Sound.REST: Voicing(
        "rest", "two notes going down", (Note(0.0, 0.15, G4, G4, 0.2), Note(0.19, 0.2, C4, C4, 0.2))
    ),
    Sound.STRETCH_START: Voicing(
        "stretch: start holding",
        "two notes going up a fifth",
        (Note(0.0, 0.14, A4, A4, 0.2), Note(0.18, 0.18, E5, E5, 0.2)),
    ),
    Sound.STRETCH_END: Voicing(
        "stretch: let go",
        "two notes going down a fifth",
        (Note(0.0, 0.14, E5, E5, 0.2), Note(0.18, 0.18, A4, A4, 0.2)),
    ),
    Sound.TRANSITION: Voicing("change position", "a quick upward blip", (Note(0.0, 0.14, E5, A5, 0.2),)),
    Sound.FINISH: Voicing(
        "session complete",
        "a chord",
        (
            Note(0.0, 0.44, C5, C5, 0.5),
            Note(0.0, 0.44, E5, E5, 0.5),
            Note(0.0, 0.44, G5, G5, 0.5),
            Note(0.0, 0.44, C6, C6, 0.5),
        ),
        chord=True,
    ),
}

# The order `glutewake sound` and the settings screen play them in: a session's order.
PLAY_ORDER = (
    Sound.PREPARE,
    Sound.BREATHE_IN,
    Sound.EFFORT,
    Sound.HOLD_TICK,
    Sound.LOWER,
    Sound.SWITCH,
    Sound.REST,
    Sound.TRANSITION,
    Sound.STRETCH_START,
    Sound.STRETCH_END,
    Sound.FINISH,
)


def volume_gain(volume: int) -> float:
    """The `volume` setting (0–100) as a gain: a square law, so each step sounds alike."""
    if not 0 <= volume <= 100:
        raise ValueError(f"volume must be between 0 and 100, got {volume}")
    return (volume / 100) ** 2


def render(sound: Sound, rate: int = SAMPLE_RATE, volume: int = 100) -> array[int]:
    """The samples of `sound`: signed 16-bit mono at `rate`, scaled for `volume`."""
    voicing = VOICINGS[sound]
    out = [0.0] * round(voicing.length * rate)
    gain = volume_gain(volume) * NOTE_RMS * FULL_SCALE
    # A chord's notes share one loudness budget, so a chord is as loud as a single note.
    share = 1 / math.sqrt(len(voicing.notes)) if voicing.chord else 1.0
    for note in voicing.notes:
        samples = _note(note, rate)
        scale = gain * share / _rms(samples)
        first = round(note.start * rate)
        last = min(len(out), first + len(samples))
        out[first:last] = [
            mixed + value * scale for mixed, value in zip(out[first:last], samples, strict=False)
        ]
    peak = max(map(abs, out))
    if peak > FULL_SCALE:  # never at these levels (a test checks), but a clip would crackle
        out = [value * FULL_SCALE / peak for value in out]
    return array("h", map(int, out))


def _note(note: Note, rate: int) -> list[float]:
    """One note at unit scale: phase-continuous glide, raised-cosine attack and release."""
    count = round(note.length * rate)
    attack = max(1, round(ATTACK * rate))
    release = max(1, round(min(RELEASE, note.length / 3) * rate))
    table = _wavetable()
    size = len(table)
    # Phase in table steps per sample, multiplied by `glide` each sample: an even glide in pitch.
    increment = note.begin_hz * size / rate
    glide = (note.end_hz / note.begin_hz) ** (1 / count)
    fade = math.exp(-1 / (note.decay * rate)) if note.decay else 1.0
    level = 1.0
    phase = 0.0
    samples = [0.0] * count
    for n in range(count):
        samples[n] = table[int(phase) % size] * level
        phase += increment
        increment *= glide
        level *= fade
    for n in range(attack):
        samples[n] *= math.sin(0.5 * math.pi * n / attack) ** 2
    for n in range(release):
        samples[count - 1 - n] *= math.sin(0.5 * math.pi * n / release) ** 2
    return samples


_TABLE: list[float] = []


def _wavetable() -> list[float]:
    """One period of the timbre, finely enough sampled that stepping through it is clean."""
    if not _TABLE:
        size = 4096
        _TABLE.extend(
            sum(level * math.sin(2 * math.pi * multiple * n / size) for multiple, level in HARMONICS)
            for n in range(size)
        )
    return _TABLE


def _rms(samples: list[float]) -> float:
    return math.sqrt(sum(map(operator.mul, samples, samples)) / len(samples))


class ToneBank:
    """Every sound rendered once, at one rate and volume, ready for the device."""

    def __init__(self, rate: int = SAMPLE_RATE, volume: int = 100) -> None:
        self.rate = rate
        self.volume = volume
        self._rendered: dict[Sound, array[int]] = {}

    def samples(self, sound: Sound) -> array[int]:
        """The sound's samples (16-bit, native byte order), rendered the first time asked."""
        rendered = self._rendered.get(sound)
        if rendered is None:
            rendered = self._rendered[sound] = render(sound, self.rate, self.volume)
        return rendered

    def render_all(self) -> None:
        for sound in Sound:
            self.samples(sound)
