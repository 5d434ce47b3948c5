from __future__ import annotations

import pytest

from glutewake.app.playback.cue_sounds import CueSounds
from glutewake.core.cue_names import Cue
from glutewake.core.cues import RING_GAP
from glutewake.core.engine import Engine
from glutewake.core.settings import Settings
from glutewake.core.sound_schedule import Planned
from glutewake.core.timeline import compile_timeline
from glutewake.core.tones import LONGEST_SOUND, Sound
from glutewake.programmes import load_programme
from tests.fake_tones import FakeTones, no_sound_output
from tests.helpers import FakeClock

STEPS = compile_timeline(load_programme("beginner"), Settings()).steps


def step(cue: str):
    return next(s for s in STEPS if s.cue == cue)


def sounds(**settings: object) -> tuple[CueSounds, list[float], list[float]]:
    now = [0.0]
    rang: list[float] = []
    cue_sounds = CueSounds(Settings(**settings), {}, lambda: rang.append(now[0]))  # type: ignore[arg-type]
    return cue_sounds, rang, now


def test_the_later_rings_of_a_pattern_fall_due_on_the_clock() -> None:
    cue_sounds, rang, now = sounds(sound="bell")
    cue_sounds.cue(step(Cue.SWITCH), 5.0, now[0])
    assert rang == [0.0]
    for t in (0.1, 0.2, 0.3, 0.4):
        now[0] = t
        cue_sounds.tick(t)
    assert rang == [0.0, 0.2, 0.4]
    assert rang[1] - rang[0] >= RING_GAP


def test_a_new_cue_drops_the_rings_still_to_come() -> None:
    cue_sounds, rang, now = sounds(sound="bell")
    cue_sounds.cue(step(Cue.SWITCH), 5.0, 0.0)
    cue_sounds.cue(step(Cue.INHALE), 2.0, 0.05)
    cue_sounds.tick(1.0)
    assert len(rang) == 2


def test_mute_silences_now_and_later_and_sound_off_rings_nothing() -> None:
    cue_sounds, rang, _ = sounds(sound="bell")
    cue_sounds.cue(step(Cue.EXHALE), 2.0, 0.0)
    cue_sounds.toggle_mute()
    cue_sounds.tick(5.0)
    cue_sounds.cue(step(Cue.INHALE), 2.0, 5.0)
    assert rang == [0.0]
    assert cue_sounds.state == "muted"
    quiet, rang_quiet, _ = sounds(sound="off")
    quiet.cue(step(Cue.SWITCH), 5.0, 0.0)
    quiet.tick(9.0)
    assert rang_quiet == []


def test_a_fast_count_speed_rings_once_rather_than_smearing() -> None:
    cue_sounds, rang, _ = sounds(sound="bell")
    cue_sounds.cue(step(Cue.SWITCH), 0.1, 0.0)
    cue_sounds.tick(10.0)
    assert rang == [0.0]


# -- tones ------------------------------------------------------------------------------


def toned(fake: FakeTones | None = None, **settings: object) -> tuple[CueSounds, FakeTones, list[float]]:
    fake = fake or FakeTones()
    rang: list[float] = []
    cue_sounds = CueSounds.open(
        Settings(**settings),  # type: ignore[arg-type]
        {},
        lambda: rang.append(1.0),
        fake.open,
        lambda: 0.0,
    )
    return cue_sounds, fake, rang


def test_tones_are_opened_once_at_the_volume_and_planned_ahead_on_the_clock() -> None:
    clock = FakeClock()
    timeline = compile_timeline(load_programme("beginner"), Settings())
    cue_sounds, fake, rang = toned(volume=35)
    assert fake.volume == 35 and cue_sounds.state == "tones on"
    engine = Engine(timeline, clock)
    assert cue_sounds.follow(engine, clock.now) is None
    assert fake.pending[0] == Planned(clock.now, Sound.PREPARE, (0, 0))
    cue_sounds.cue(timeline.steps[0], 5.0, clock.now)
    assert rang == [], "no bell alongside the tones"
    clock.advance(timeline.step_start_seconds(1) - 0.5)
    cue_sounds.follow(engine, clock.now)
    assert fake.pending[0].sound is Sound.BREATHE_IN and fake.pending[0].at == clock.now + 0.5


def test_pause_and_mute_hush_the_tones_once_and_plan_nothing() -> None:
    clock = FakeClock()
    timeline = compile_timeline(load_programme("beginner"), Settings())
    cue_sounds, fake, _ = toned()
    engine = Engine(timeline, clock)
    cue_sounds.follow(engine, clock.now)
    engine.pause()
    for _ in range(3):
        cue_sounds.follow(engine, clock.now)
    assert fake.hushed == 1 and fake.pending == []
    engine.resume()
    cue_sounds.follow(engine, clock.now)
    assert fake.pending and fake.pending[0].at == clock.now
    cue_sounds.toggle_mute()
    cue_sounds.follow(engine, clock.now)
    assert fake.pending == [] and cue_sounds.state == "muted"


def test_tones_that_stop_working_fall_back_to_the_bell_once_and_say_so() -> None:
    clock = FakeClock()
    timeline = compile_timeline(load_programme("beginner"), Settings())
    cue_sounds, fake, rang = toned()
    engine = Engine(timeline, clock)
    cue_sounds.follow(engine, clock.now)
    fake.broken = "the sound device stopped asking for sound"
    note = cue_sounds.follow(engine, clock.now)
    assert note == (
        "The sound device stopped asking for sound: terminal bell only — your terminal may be "
        "silent. The session goes on."
    )
    assert fake.closed and cue_sounds.tones is None
    assert cue_sounds.follow(engine, clock.now) is None, "said once"
    assert cue_sounds.state == "terminal bell only — your terminal may be silent"
    cue_sounds.cue(timeline.steps[1], 2.0, clock.now)
    assert rang == [1.0]


def test_no_sound_output_means_the_bell_said_plainly() -> None:
    cue_sounds = CueSounds.open(Settings(), {}, lambda: None, no_sound_output, lambda: 0.0)
    assert cue_sounds.tones is None and cue_sounds.bell_on
    assert cue_sounds.state == "terminal bell only — your terminal may be silent"
    assert "PulseAudio or ALSA" in cue_sounds.tones_problem
    chosen = CueSounds.open(Settings(sound="bell"), {}, lambda: None, no_sound_output, lambda: 0.0)
    assert chosen.state == "bell on" and chosen.tones_problem == ""


def test_the_bell_and_off_never_open_the_sound_output() -> None:
    for sound in ("bell", "off"):
        fake = FakeTones()
        CueSounds.open(Settings(sound=sound), {}, lambda: None, fake.open, lambda: 0.0)
        assert fake.volume is None


def test_a_finished_session_lingers_until_its_chord_has_played() -> None:
    clock = FakeClock()
    timeline = compile_timeline(load_programme("beginner"), Settings(count_seconds=0.05))
    cue_sounds, fake, _ = toned()
    engine = Engine(timeline, clock)
    clock.advance(timeline.total_seconds - 0.2)
    cue_sounds.follow(engine, clock.now)
    assert fake.pending[-1].sound is Sound.FINISH
    assert cue_sounds.linger(clock.now) == pytest.approx(0.2 + LONGEST_SOUND)
    cue_sounds.close()
    assert fake.closed
