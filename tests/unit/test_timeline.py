from __future__ import annotations

import pytest

from glutewake.core.cue_names import Cue
from glutewake.core.settings import Settings
from glutewake.core.timeline import compile_timeline
from glutewake.programmes import BUILTIN_NAMES, load_programme


def timeline(name: str, **settings: object):
    return compile_timeline(load_programme(name), Settings(**settings))  # type: ignore[arg-type]


def test_beginner_does_ten_left_reps_then_switch_then_ten_right() -> None:
    steps = timeline("beginner").steps
    cues = [s.cue for s in steps]
    switch = cues.index(Cue.SWITCH)
    before = [s for s in steps[:switch] if s.is_rep]
    after = [s for s in steps[switch + 1 :] if s.is_rep]
    assert {s.side for s in before} == {"left"}
    assert {s.side for s in after} == {"right"}
    assert sorted({s.rep for s in before}) == list(range(1, 11))
    assert sorted({s.rep for s in after}) == list(range(1, 11))
    assert steps[switch].side == "right"
    assert "left side" in steps[switch].text
    assert cues.count(Cue.SWITCH) == 1


def test_beginner_order_is_prepare_reps_switch_reps_rest_stretches() -> None:
    kinds = []
    for step in timeline("beginner").steps:
        kind = "rep" if step.is_rep else str(step.cue)
        if not kinds or kinds[-1] != kind:
            kinds.append(kind)
    assert kinds[:6] == ["prepare", "rep", "switch", "rep", "rest", "transition"]
    assert kinds[6:] == ["stretch", "transition"] * 7 + ["stretch"]


def test_a_change_of_position_comes_before_each_stretch_and_between_its_sides() -> None:
    steps = timeline("beginner", transition_seconds=7).steps
    transitions = [s for s in steps if s.cue == Cue.TRANSITION]
    stretches = [s for s in steps if s.cue == Cue.STRETCH]
    assert len(transitions) == len(stretches) == 8
    assert {s.seconds for s in transitions} == {7.0}
    for index, step in enumerate(steps):
        if step.cue == Cue.STRETCH:
            before = steps[index - 1]
            assert before.cue == Cue.TRANSITION
            assert (before.set, before.name, before.side) == (step.set, step.name, step.side)
    first, second = transitions[:2]
    assert first.text == "Get into position: kneeling hip flexor stretch"
    assert first.position.startswith("Kneel on a mat")
    assert second.text == "Change sides: kneeling hip flexor stretch"
    assert second.position.startswith("Swap legs")
    hamstring = [t for t in transitions if t.name == "lying hamstring stretch"]
    assert "towel" in hamstring[0].position


def test_no_change_of_position_when_its_time_is_zero() -> None:
    assert Cue.TRANSITION not in {s.cue for s in timeline("beginner", transition_seconds=0).steps}


def test_holds_rests_and_changes_of_position_are_seconds_whatever_the_count_pace() -> None:
    for pace in (0.5, 1.0, 1.5):
        t = timeline("beginner", count_seconds=pace, stretch_hold_seconds=30, rest_seconds=10)
        timed = {s.cue: s.seconds for s in t.steps if not s.is_rep}
        assert timed == {
            Cue.PREPARE: 10.0,
            Cue.SWITCH: 10.0,
            Cue.REST: 10.0,
            Cue.TRANSITION: 5.0,
            Cue.STRETCH: 30.0,
        }
        assert all(s.counts is None for s in t.steps if not s.is_rep)
        assert {s.seconds for s in t.steps if s.is_rep} == {2 * pace}


def test_the_abduction_form_points_show_on_both_sides_during_the_reps() -> None:
    reps = [s for s in timeline("beginner").steps if s.is_rep]
    for side in ("left", "right"):
        positions = {s.position for s in reps if s.side == side}
        assert len(positions) == 1
        (position,) = positions
        assert "head and neck resting on your arm" in position
        assert "spine in line" in position
        assert "legs straight" in position


def test_the_squat_set_up_shows_during_the_reps_and_it_slides_down_slowly() -> None:
    reps = [s for s in timeline("advanced").steps if s.is_rep]
    assert {s.position for s in reps} == {"back against the wall, feet about 60 cm out in front of you"}
    assert {s.text for s in reps if s.cue == Cue.EXHALE} == {"Breathe out · slide down slowly"}


def test_abduction_rep_is_inhale_exhale_return_of_breath_counts() -> None:
    rep = [s for s in timeline("beginner", counts_per_breath=3).steps if s.rep == 1 and s.side == "left"]
    assert [s.cue for s in rep] == [Cue.INHALE, Cue.EXHALE, Cue.RETURN]
    assert [s.counts for s in rep] == [3, 3, 3]
    assert "raise" in rep[1].text.lower()


def test_squat_holds_for_two_counts_whatever_the_breath_setting() -> None:
    for breath in (1, 2, 5):
        steps = timeline("advanced", counts_per_breath=breath).steps
        holds = [s for s in steps if s.cue == Cue.HOLD]
        assert len(holds) == 10
        assert {s.counts for s in holds} == {2}
        rep = [s.cue for s in steps if s.rep == 1]
        assert rep == [Cue.INHALE, Cue.EXHALE, Cue.HOLD, Cue.RETURN]


def test_advanced_has_ten_squats_no_sides_then_rest_and_stretches() -> None:
    t = timeline("advanced")
    squats = [s for s in t.sets if s.exercise == "wall-mini-squat"]
    assert len(squats) == 1 and squats[0].target == 10 and squats[0].side is None
    assert Cue.REST in [s.cue for s in t.steps]
    assert Cue.SWITCH not in [s.cue for s in t.steps]


def test_stretches_cover_all_four_groups_each_side_with_the_hold_setting() -> None:
    t = timeline("stretches", stretch_hold_seconds=20)
    assert {s.cue for s in t.steps} == {Cue.STRETCH, Cue.TRANSITION}
    stretches = [s for s in t.steps if s.cue == Cue.STRETCH]
    groups = {s.reminder for s in stretches}
    assert groups == {"hip flexors", "quadriceps", "lateral hips", "hamstrings"}
    assert {s.seconds for s in stretches} == {20.0}
    for group in groups:
        assert sorted(s.side for s in stretches if s.reminder == group) == ["left", "right"]
    assert all(len(s.detail) > 40 for s in stretches)


def test_the_rest_setting_sets_the_switch_and_the_rest() -> None:
    steps = timeline("beginner", rest_seconds=9).steps
    assert {s.seconds for s in steps if s.cue in (Cue.SWITCH, Cue.REST)} == {9.0}


@pytest.mark.parametrize("name", BUILTIN_NAMES)
def test_count_seconds_scales_the_reps_only(name: str) -> None:
    slow, fast = timeline(name, count_seconds=1.0), timeline(name, count_seconds=0.25)
    for a, b in zip(slow.steps, fast.steps, strict=True):
        assert b.seconds == pytest.approx(a.seconds / 4 if a.counts is not None else a.seconds)
    doc = fast.plan_document()
    assert sum(step["seconds"] for step in doc["steps"]) == pytest.approx(doc["total_seconds"])


def test_plan_document_follows_the_contract() -> None:
    doc = timeline("beginner").plan_document()
    assert set(doc) == {"programme", "count_seconds", "total_seconds", "steps"}
    assert doc["programme"] == "beginner"
    first_rep = next(s for s in doc["steps"] if s["rep"] == 1)
    assert first_rep == {
        "exercise": "side-lying-hip-abduction",
        "side": "left",
        "set": 1,
        "rep": 1,
        "cue": "inhale",
        "counts": 2,
        "seconds": 2.0,
        "text": first_rep["text"],
    }
    cues = {"prepare", "inhale", "exhale", "hold", "return", "switch", "rest", "stretch", "transition"}
    assert {s["cue"] for s in doc["steps"]} == cues - {"hold"}
    lead_ins = {"prepare", "switch", "rest", "stretch", "transition"}
    assert all(s["rep"] is None for s in doc["steps"] if s["cue"] in lead_ins)
    # Timed steps have no counts; counted ones say how many.
    assert all(s["counts"] is None for s in doc["steps"] if s["cue"] in lead_ins)
    transition = next(s for s in doc["steps"] if s["cue"] == "transition")
    assert transition["seconds"] == 5.0 and transition["side"] == "left"
    assert all(s["side"] in {"left", "right", None} for s in doc["steps"])


def test_sets_number_from_one_and_lead_ins_belong_to_the_next_set() -> None:
    t = timeline("beginner")
    assert [s.number for s in t.sets] == list(range(1, len(t.sets) + 1))
    assert t.steps[t.sets[1].first_step].cue == Cue.SWITCH
    assert t.steps[t.sets[1].body_step].rep == 1
    assert t.steps[0].cue == Cue.PREPARE and t.steps[0].set == 1
    assert (t.sets[0].first_step, t.sets[0].body_step) == (0, 1)
    # The rest before the stretches leads into set 3 but is not its start: its
    # change-of-position countdown is.
    third = t.sets[2]
    assert t.steps[third.first_step - 1].cue == Cue.REST and t.steps[third.first_step - 1].set == 3
    assert t.steps[third.first_step].cue == Cue.TRANSITION
    assert t.steps[third.body_step].cue == Cue.STRETCH


def test_resuming_mid_set_puts_a_get_ready_countdown_before_the_repetition() -> None:
    t = timeline("beginner")
    resumed, start = t.resume_at(2, 4)
    ready = resumed.steps[start]
    assert ready.cue == Cue.PREPARE and ready.seconds == 5.0 and ready.set == 2
    assert ready.text == "Get ready to go on: rep 4 of 10"
    assert "lying on your left side" in ready.position
    following = resumed.steps[start + 1]
    assert (following.set, following.rep, following.cue) == (2, 4, Cue.INHALE)
    assert [(s.number, s.target) for s in resumed.sets] == [(s.number, s.target) for s in t.sets]
    assert resumed.sets[1].first_step == t.sets[1].first_step
    assert resumed.total_seconds == pytest.approx(t.total_seconds + 5.0)
    # At a set's first repetition its own countdown leads in.
    assert t.resume_at(2, 1) == (t, t.sets[1].first_step)
    assert t.resume_at(3, 1) == (t, t.sets[2].first_step)
