from __future__ import annotations

from glutewake.core.cue_names import Cue
from glutewake.core.cues import FINISH_RINGS, RING_GAP, phrase_for, ring_times, rings_for
from glutewake.core.settings import Settings
from glutewake.core.timeline import compile_timeline
from glutewake.programmes import load_programme


def steps(name: str):
    return compile_timeline(load_programme(name), Settings()).steps


def test_each_cue_kind_has_its_own_number_of_rings() -> None:
    by_cue = {step.cue: rings_for(step) for step in steps("beginner") + steps("advanced")}
    assert by_cue[Cue.INHALE] == 1
    assert by_cue[Cue.EXHALE] == 2
    assert by_cue[Cue.SWITCH] == 3 == FINISH_RINGS
    assert by_cue[Cue.TRANSITION] == 3


def test_rings_fit_inside_the_step_at_any_speed() -> None:
    assert ring_times(3, 5.0) == (0.0, RING_GAP, 2 * RING_GAP)
    for seconds in (0.1, 0.2, 0.5, 1.0, 2.0):
        times = ring_times(3, seconds)
        assert times[0] == 0.0
        assert len(times) >= 1
        assert times[-1] <= seconds * 0.6


def test_phrases_say_the_rep_number_then_the_cue() -> None:
    left = [s for s in steps("beginner") if s.side == "left" and s.rep == 3]
    assert [phrase_for(s) for s in left] == [
        "three, breathe in",
        "breathe out, raise the leg",
        "lower slowly",
    ]


def test_hold_is_counted_out_and_switch_is_named() -> None:
    hold = next(s for s in steps("advanced") if s.cue == Cue.HOLD)
    assert phrase_for(hold) == "hold one, two"
    switch = next(s for s in steps("beginner") if s.cue == Cue.SWITCH)
    assert phrase_for(switch) == "switch sides"


def test_stretch_phrase_names_the_stretch_and_side() -> None:
    getting_ready, first = steps("stretches")[:2]
    assert phrase_for(getting_ready) == "get into position, kneeling hip flexor stretch, left side"
    assert phrase_for(first) == "stretch, kneeling hip flexor stretch, left"
