"""The stream the audio device plays: silence, with each planned sound dropped in on time.

The device asks for the next block of samples every few milliseconds (on its own thread).
`Mixer.block(frames)` reads the session clock at that moment and places each planned
sound whose time falls inside the block at its exact sample, so a sound starts on the
session clock however late the screen's redraw was. Between cues the block is silence,
so the device keeps streaming (a Bluetooth headset stays awake and no cue loses its start).

Cheap on purpose: the sounds are rendered once (`ToneBank`), a block is slices of them and
of a cached silence; only where a new sound cuts one still playing are a few milliseconds
mixed sample by sample, so the cut is a short fade rather than a click.
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Callable, Iterable

from glutewake.core.sound_schedule import Planned
from glutewake.core.tones import Sound, ToneBank

# A sound cut short (by the next cue, a pause or mute) fades out over this long.
FADE_SECONDS = 0.005
# Where a block starts on the session clock: the device asks at a steady pace, so each block
# follows the last one; the clock reading at the request only nudges that (tracking the
# device's own clock), unless it is this far off (a stream that stalled or just started).
# A request delayed by a busy interpreter then still places its sounds where they belong.
RESYNC = 0.02
TRACK = 0.2
# A sound the device could not take in time (a stream still starting) is dropped once this
# late: heard later than that, it would mark the wrong moment.
TOO_LATE = 0.5
BYTES_PER_FRAME = 2


class Voice:
    """A sound being played: its samples and how far into them the stream is."""

    __slots__ = ("sound", "samples", "at")

    def __init__(self, sound: Sound | None, samples: array[int], at: int = 0) -> None:
        self.sound = sound
        self.samples = samples
        self.at = at

    @property
    def left(self) -> int:
        return len(self.samples) - self.at


class Mixer:
    """Planned sounds in, blocks of 16-bit mono samples out; safe across two threads."""

    def __init__(self, bank: ToneBank, clock: Callable[[], float]) -> None:
        self.bank = bank
        self.clock = clock
        self.rate = bank.rate
        self.fade = max(1, round(FADE_SECONDS * self.rate))
        self._ramp = [1 - (n + 1) / (self.fade + 1) for n in range(self.fade)]
        self._lock = threading.Lock()
        self._pending: list[Planned] = []
        self._started: set[tuple[int, int]] = set()
        self._voice: Voice | None = None
        self._silence: dict[int, bytes] = {}
        self.started: list[tuple[float, Sound]] = []
        """When each sound was placed in the stream (clock time of its first sample)."""
        self.last_block: float | None = None
        self._next: float | None = None

    # -- the player's side ------------------------------------------------------------

    def plan(self, planned: Iterable[Planned]) -> None:
        """What should play from now on: replaces the sounds still pending (a sound already
        started is never started twice)."""
        with self._lock:
            self._pending = sorted((p for p in planned if p.key not in self._started), key=_at)

    def hush(self) -> None:
        """Drop everything pending and fade out the sound playing (pause, mute, the end)."""
        with self._lock:
            self._pending = []
            voice = self._voice
            if voice is not None and voice.left > 0:
                self._voice = Voice(None, self._fade_out(voice))

    @property
    def busy(self) -> bool:
        """Still something to play: a sound pending or under way."""
        with self._lock:
            return bool(self._pending) or (self._voice is not None and self._voice.left > 0)

    def queued(self, now: float) -> float:
        """How far past `now` the stream already handed to the device reaches (its buffer):
        a sound planned for sooner than that can only start late."""
        upcoming = self._next
        return 0.0 if upcoming is None else max(0.0, upcoming - now)

    def seconds_left(self, now: float) -> float:
        """How long until everything planned has played to its end."""
        with self._lock:
            ends = [p.at - now + len(self._tone(p.sound)) / self.rate for p in self._pending]
            if self._voice is not None:
                ends.append(self._voice.left / self.rate)
        return max([0.0, *ends])

    # -- the device's side ------------------------------------------------------------

    def block(self, frames: int) -> bytes:
        """The next `frames` samples, as the device asked for them now.

        `started` records where each sound landed in the stream, on the session clock."""
        now = self.clock()
        self.last_block = now
        expected = self._next
        start = (
            now if expected is None or abs(now - expected) > RESYNC else expected + (now - expected) * TRACK
        )
        end = self._next = start + frames / self.rate
        with self._lock:
            starting: list[Planned] = []
            while self._pending and self._pending[0].at < end:
                planned = self._pending.pop(0)
                if planned.at >= start - TOO_LATE:
                    starting.append(planned)
            voice = self._voice
            if voice is None and not starting:
                return self._quiet(frames)
            chunks: list[bytes] = []
            cursor = 0
            for planned in starting:
                offset = max(cursor, min(frames - 1, round((planned.at - start) * self.rate)))
                voice = self._play(voice, offset - cursor, chunks)
                cursor = offset
                self._started.add(planned.key)
                self.started.append((start + offset / self.rate, planned.sound))
                voice = self._cut_in(voice, planned.sound)
            voice = self._play(voice, frames - cursor, chunks)
            self._voice = voice
        return b"".join(chunks)

    def _play(self, voice: Voice | None, frames: int, chunks: list[bytes]) -> Voice | None:
        """Append `frames` of `voice` (then silence) to `chunks`; the voice left, if any."""
        if frames <= 0:
            return voice
        played = 0
        if voice is not None:
            played = min(frames, voice.left)
            chunks.append(voice.samples[voice.at : voice.at + played].tobytes())
            voice.at += played
            if voice.left <= 0:
                voice = None
        if played < frames:
            chunks.append(self._quiet(frames - played))
        return voice

    def _cut_in(self, voice: Voice | None, sound: Sound) -> Voice:
        """`sound` starting now; one still playing fades out over its first few samples."""
        samples = self._tone(sound)
        if voice is None or voice.left <= 0:
            return Voice(sound, samples)
        tail = self._fade_out(voice)
        head = array("h", samples[: len(tail)])
        head.extend([0] * (len(tail) - len(head)))
        for n, value in enumerate(tail):
            head[n] = max(-32767, min(32767, head[n] + value))
        return Voice(sound, head + samples[len(head) :])

    def _fade_out(self, voice: Voice) -> array[int]:
        part = voice.samples[voice.at : voice.at + self.fade]
        return array("h", (int(value * level) for value, level in zip(part, self._ramp, strict=False)))

    def _tone(self, sound: Sound) -> array[int]:
        return self.bank.samples(sound)

    def _quiet(self, frames: int) -> bytes:
        silence = self._silence.get(frames)
        if silence is None:
            silence = self._silence[frames] = bytes(frames * BYTES_PER_FRAME)
        return silence


def _at(planned: Planned) -> float:
    return planned.at
