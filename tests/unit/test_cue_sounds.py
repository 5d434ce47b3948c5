from __future__ import annotations

from glutewake.app.playback.cue_sounds import CueSounds
from glutewake.core.cues import RING_GAP
from glutewake.core.programme import Cue
from glutewake.core.settings import Settings
from glutewake.core.timeline import compile_timeline
from glutewake.programmes import load_programme

STEPS = compile_timeline(load_programme("beginner"), Settings()).steps


def step(cue: Cue):
    return next(s for s in STEPS if s.cue is cue)


def sounds(**settings: object) -> tuple[CueSounds, list[float], list[float]]:
    now = [0.0]
    rang: list[float] = []
    cue_sounds = CueSounds(Settings(**settings), {}, lambda: rang.append(now[0]))  # type: ignore[arg-type]
    return cue_sounds, rang, now


def test_the_later_rings_of_a_pattern_fall_due_on_the_clock() -> None:
    cue_sounds, rang, now = sounds()
    cue_sounds.cue(step(Cue.SWITCH), 5.0, now[0])
    assert rang == [0.0]
    for t in (0.1, 0.2, 0.3, 0.4):
        now[0] = t
        cue_sounds.tick(t)
    assert rang == [0.0, 0.2, 0.4]
    assert rang[1] - rang[0] >= RING_GAP


def test_a_new_cue_drops_the_rings_still_to_come() -> None:
    cue_sounds, rang, now = sounds()
    cue_sounds.cue(step(Cue.SWITCH), 5.0, 0.0)
    cue_sounds.cue(step(Cue.INHALE), 2.0, 0.05)
    cue_sounds.tick(1.0)
    assert len(rang) == 2


def test_mute_silences_now_and_later_and_the_bell_setting_off_rings_nothing() -> None:
    cue_sounds, rang, _ = sounds()
    cue_sounds.cue(step(Cue.EXHALE), 2.0, 0.0)
    cue_sounds.toggle_mute()
    cue_sounds.tick(5.0)
    cue_sounds.cue(step(Cue.INHALE), 2.0, 5.0)
    assert rang == [0.0]
    assert cue_sounds.state == "bell off"
    quiet, rang_quiet, _ = sounds(bell=False)
    quiet.cue(step(Cue.SWITCH), 5.0, 0.0)
    quiet.tick(9.0)
    assert rang_quiet == []


def test_a_fast_count_speed_rings_once_rather_than_smearing() -> None:
    cue_sounds, rang, _ = sounds()
    cue_sounds.cue(step(Cue.SWITCH), 0.1, 0.0)
    cue_sounds.tick(10.0)
    assert rang == [0.0]
