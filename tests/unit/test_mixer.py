"""The stream handed to the audio device, block by block, on a fake clock."""

from __future__ import annotations

from array import array

import pytest

from glutewake.app.playback.mixer import TOO_LATE, TRACK, Mixer
from glutewake.core.sound_schedule import Planned
from glutewake.core.tones import Sound, ToneBank
from tests.helpers import FakeClock

RATE = 24000
BLOCK = 240  # 10 ms


def mixer() -> tuple[Mixer, FakeClock, ToneBank]:
    clock = FakeClock()
    bank = ToneBank(RATE, 80)
    return Mixer(bank, clock), clock, bank


def stream(mix: Mixer, clock: FakeClock, blocks: int, frames: int = BLOCK) -> array[int]:
    """`blocks` blocks as the device would ask for them, one every `frames` of time."""
    out = array("h")
    for _ in range(blocks):
        out.frombytes(mix.block(frames))
        clock.advance(frames / RATE)
    return out


def test_between_cues_the_stream_is_silence_of_the_size_asked_for() -> None:
    mix, clock, _ = mixer()
    data = mix.block(BLOCK)
    assert data == bytes(BLOCK * 2)
    assert mix.last_block == clock.now
    assert mix.block(BLOCK) is data, "the same silence every time: nothing to build"


def test_a_planned_sound_starts_at_its_exact_sample_and_plays_whole_across_blocks() -> None:
    mix, clock, bank = mixer()
    start = clock.now
    mix.plan([Planned(start + 0.025, Sound.SWITCH, (0, 1))])  # 25 ms: 600 samples in
    out = stream(mix, clock, 60)
    tone = bank.samples(Sound.SWITCH)
    assert max(map(abs, out[:600])) == 0
    assert out[600 : 600 + len(tone)] == tone
    assert max(map(abs, out[600 + len(tone) :])) == 0
    assert mix.started == [(pytest.approx(start + 0.025), Sound.SWITCH)]


def test_the_same_planned_sound_is_never_played_twice() -> None:
    mix, clock, _ = mixer()
    planned = Planned(clock.now + 0.005, Sound.HOLD_TICK, (0, 7))
    mix.plan([planned])
    stream(mix, clock, 5)
    mix.plan([planned, Planned(clock.now + 0.005, Sound.HOLD_TICK, (0, 8))])
    stream(mix, clock, 5)
    assert [sound for _, sound in mix.started] == [Sound.HOLD_TICK, Sound.HOLD_TICK]


def test_a_new_sound_cuts_the_one_playing_with_a_short_fade_not_a_click() -> None:
    mix, clock, bank = mixer()
    glide = bank.samples(Sound.BREATHE_IN)
    tick = bank.samples(Sound.HOLD_TICK)
    # Cut the glide where it is at its loudest in a period: a hard cut would jump the most.
    cut = max(range(2400, 2460), key=lambda n: abs(glide[n - 1]))
    start = clock.now
    mix.plan([Planned(start, Sound.BREATHE_IN, (0, 0)), Planned(start + cut / RATE, Sound.HOLD_TICK, (0, 1))])
    out = stream(mix, clock, 40)
    assert out[:cut] == glide[:cut]
    assert abs(out[cut] - out[cut - 1]) < 0.4 * abs(glide[cut - 1])
    # Past the fade the tick plays alone; the glide does not resume.
    fade = round(0.005 * RATE)
    assert out[cut + fade : cut + len(tick)] == tick[fade:]
    assert max(map(abs, out[cut + len(tick) :])) == 0


def test_hush_drops_what_is_pending_and_fades_out_what_plays() -> None:
    mix, clock, bank = mixer()
    start = clock.now
    mix.plan([Planned(start, Sound.EFFORT, (0, 0)), Planned(start + 0.3, Sound.SWITCH, (0, 1))])
    stream(mix, clock, 5)
    assert mix.busy
    mix.hush()
    out = stream(mix, clock, 50)
    fade = round(0.005 * RATE)
    assert max(map(abs, out[fade:])) == 0
    assert abs(out[fade - 1]) < 0.25 * max(map(abs, bank.samples(Sound.EFFORT)))
    assert not mix.busy and [s for _, s in mix.started] == [Sound.EFFORT]


def test_a_sound_the_device_could_not_take_in_time_plays_at_once_or_not_at_all() -> None:
    mix, clock, _ = mixer()
    now = clock.now
    mix.plan(
        [
            Planned(now - TOO_LATE * 2, Sound.REST, (0, 0)),
            Planned(now - 0.05, Sound.LOWER, (0, 1)),
        ]
    )
    mix.block(BLOCK)
    assert mix.started == [(now, Sound.LOWER)]


def test_seconds_left_counts_pending_and_playing_sounds() -> None:
    mix, clock, bank = mixer()
    assert mix.seconds_left(clock.now) == 0.0
    mix.plan([Planned(clock.now + 1.0, Sound.FINISH, (0, 0))])
    length = len(bank.samples(Sound.FINISH)) / RATE
    assert mix.seconds_left(clock.now) == pytest.approx(1.0 + length)


def test_a_request_delayed_by_a_busy_interpreter_still_places_sounds_on_the_stream() -> None:
    mix, clock, bank = mixer()
    start = clock.now
    out = array("h")
    out.frombytes(mix.block(BLOCK))
    mix.plan([Planned(start + 0.015, Sound.HOLD_TICK, (0, 0))])
    clock.advance(BLOCK / RATE + 0.008)  # the next request comes 8 ms late
    out.frombytes(mix.block(BLOCK))
    clock.advance(BLOCK / RATE - 0.008)
    out.frombytes(mix.block(BLOCK))
    first = next(n for n, value in enumerate(out) if value)
    # Near where the stream is, not where the late request alone would put it (8 ms = 192
    # samples on): one late request moves the stream's clock by a fifth of its lateness.
    assert abs(first - round(0.015 * RATE)) <= 192 * TRACK + 1
    assert mix.started[0][0] == pytest.approx(start + 0.015, abs=0.008 * TRACK + 0.0001)


def test_a_stream_that_stalled_starts_again_from_the_clock() -> None:
    mix, clock, _ = mixer()
    mix.block(BLOCK)
    clock.advance(2.0)  # the device asked for nothing for two seconds
    mix.plan([Planned(clock.now, Sound.REST, (0, 0))])
    mix.block(BLOCK)
    assert mix.started == [(clock.now, Sound.REST)]
