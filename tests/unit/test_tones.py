"""The synthesised cue sounds, measured from their samples."""

from __future__ import annotations

import math
from array import array

import pytest

from glutewake.core.tones import (
    LONGEST_SOUND,
    PLAY_ORDER,
    SAMPLE_RATE,
    VOICINGS,
    Sound,
    ToneBank,
    render,
    volume_gain,
)
from tests.audio import active, goertzel, rms, zero_crossing_hz

RATE = SAMPLE_RATE


def part(samples: array[int], start: float, end: float) -> list[int]:
    """The samples between two moments of a sound, in seconds."""
    return list(samples[round(start * RATE) : round(end * RATE)])


def note_hz(sound: Sound, index: int = 0, where: tuple[float, float] = (0.25, 0.75)) -> float:
    """The measured pitch over the middle of one note of `sound`."""
    note = VOICINGS[sound].notes[index]
    low, high = where
    samples = render(sound)
    return zero_crossing_hz(
        part(samples, note.start + note.length * low, note.start + note.length * high), RATE
    )


@pytest.mark.parametrize("sound", list(Sound))
def test_every_sound_is_shorter_than_a_count_at_the_fastest_pace(sound: Sound) -> None:
    samples = render(sound)
    assert 0.04 < len(samples) / RATE <= LONGEST_SOUND < 0.5


@pytest.mark.parametrize("sound", list(Sound))
def test_every_sound_starts_and_ends_at_silence_without_a_click(sound: Sound) -> None:
    samples = render(sound)
    peak = max(map(abs, samples))
    assert abs(samples[0]) <= 1 and abs(samples[-1]) <= 1
    # The first and last 2 ms rise from and fall to silence.
    edge = round(0.002 * RATE)
    assert max(map(abs, samples[:edge])) < 0.2 * peak
    assert max(map(abs, samples[-edge:])) < 0.2 * peak
    # No jump between two samples larger than the steepest a 4 kHz tone at this level has.
    steepest = 2 * math.pi * 4000 / RATE * peak
    assert max(abs(b - a) for a, b in zip(samples, samples[1:], strict=False)) < steepest


def test_breathing_in_rises_and_the_effort_falls() -> None:
    rising_start = note_hz(Sound.BREATHE_IN, where=(0.05, 0.3))
    rising_end = note_hz(Sound.BREATHE_IN, where=(0.7, 0.95))
    assert rising_start == pytest.approx(420, rel=0.08)
    assert rising_end == pytest.approx(550, rel=0.08)
    falling_start = note_hz(Sound.EFFORT, where=(0.05, 0.3))
    falling_end = note_hz(Sound.EFFORT, where=(0.7, 0.95))
    assert falling_start > falling_end * 1.2
    assert falling_start == pytest.approx(rising_end, rel=0.05)


def test_the_hold_tick_is_short_and_high_and_lowering_is_one_low_note() -> None:
    tick = render(Sound.HOLD_TICK)
    assert len(tick) / RATE <= 0.08
    assert note_hz(Sound.HOLD_TICK) == pytest.approx(1318.5, rel=0.06)
    assert note_hz(Sound.LOWER) == pytest.approx(329.6, rel=0.04)


def test_switch_sides_is_three_notes_going_up() -> None:
    pitches = [note_hz(Sound.SWITCH, index) for index in range(3)]
    assert pitches == pytest.approx([523.3, 659.3, 784.0], rel=0.04)
    samples = render(Sound.SWITCH)
    notes = VOICINGS[Sound.SWITCH].notes
    # Between two notes the sound dips to near silence, so the ear hears three.
    for before, after in zip(notes, notes[1:], strict=False):
        gap = part(samples, before.end, after.start)
        assert gap and max(map(abs, gap)) < 0.05 * max(map(abs, samples))


@pytest.mark.parametrize(
    ("sound", "pitches"),
    [
        (Sound.REST, [392.0, 261.6]),
        (Sound.STRETCH_START, [440.0, 659.3]),
        (Sound.STRETCH_END, [659.3, 440.0]),
        (Sound.PREPARE, [784.0, 784.0]),
    ],
)
def test_two_note_sounds_have_their_own_steps(sound: Sound, pitches: list[float]) -> None:
    measured = [note_hz(sound, index) for index in range(2)]
    assert measured == pytest.approx(pitches, rel=0.04)


def test_the_finish_is_a_chord_of_four_notes_sounding_together() -> None:
    middle = part(render(Sound.FINISH), 0.1, 0.3)
    strengths = {hz: goertzel(middle, RATE, hz) for hz in (523.25, 659.26, 783.99, 1046.5)}
    off_notes = [goertzel(middle, RATE, hz) for hz in (440.0, 587.33, 900.0)]
    assert min(strengths.values()) > 5 * max(off_notes)


def test_every_note_is_equally_loud() -> None:
    levels = {}
    for sound in Sound:
        samples = list(render(sound))
        levels[sound] = 20 * math.log10(rms(active(samples, RATE)))
    loudest, softest = max(levels.values()), min(levels.values())
    assert loudest - softest < 2.0, levels


def test_sounds_are_told_apart_by_their_pitch_or_shape() -> None:
    shapes = {}
    for sound in Sound:
        voicing = VOICINGS[sound]
        shapes[sound] = tuple((round(n.start, 2), round(n.begin_hz), round(n.end_hz)) for n in voicing.notes)
    assert len(set(shapes.values())) == len(Sound)
    assert set(PLAY_ORDER) == set(Sound) and len(PLAY_ORDER) == len(Sound)


def test_volume_scales_loudness_and_never_clips() -> None:
    full = rms(list(render(Sound.BREATHE_IN, volume=100)))
    half = rms(list(render(Sound.BREATHE_IN, volume=50)))
    assert half / full == pytest.approx(volume_gain(50), rel=0.01)
    assert max(map(abs, render(Sound.BREATHE_IN, volume=0))) == 0
    for sound in Sound:
        assert max(map(abs, render(sound, volume=100))) < 32767 * 0.9
    with pytest.raises(ValueError, match="volume"):
        volume_gain(101)


def test_the_bank_renders_each_sound_once() -> None:
    bank = ToneBank(volume=80)
    first = bank.samples(Sound.SWITCH)
    assert bank.samples(Sound.SWITCH) is first
    assert first == render(Sound.SWITCH, volume=80)
