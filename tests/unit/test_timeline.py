from __future__ import annotations

import pytest

from glutewake.core.programme import Cue
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
    assert kinds == ["prepare", "rep", "switch", "rep", "rest", "stretch"]


def test_abduction_rep_is_inhale_exhale_return_of_breath_counts() -> None:
    rep = [s for s in timeline("beginner", counts_per_breath=3).steps if s.rep == 1 and s.side == "left"]
    assert [s.cue for s in rep] == [Cue.INHALE, Cue.EXHALE, Cue.RETURN]
    assert [s.counts for s in rep] == [3, 3, 3]
    assert "raise" in rep[1].text.lower()


def test_squat_holds_for_two_counts_whatever_the_breath_setting() -> None:
    for breath in (1, 2, 5):
        steps = timeline("advanced", counts_per_breath=breath).steps
        holds = [s for s in steps if s.cue is Cue.HOLD]
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
    t = timeline("stretches", stretch_hold_counts=20)
    assert {s.cue for s in t.steps} == {Cue.STRETCH}
    groups = {s.reminder for s in t.steps}
    assert groups == {"hip flexors", "quadriceps", "lateral hips", "hamstrings"}
    assert {s.counts for s in t.steps} == {20}
    for group in groups:
        assert sorted(s.side for s in t.steps if s.reminder == group) == ["left", "right"]
    assert all(len(s.detail) > 40 for s in t.steps)


def test_rest_between_sides_sets_switch_length() -> None:
    switch = next(s for s in timeline("beginner", rest_between_sides_counts=9).steps if s.cue is Cue.SWITCH)
    assert switch.counts == 9


@pytest.mark.parametrize("name", BUILTIN_NAMES)
def test_count_seconds_scales_every_step_and_the_total(name: str) -> None:
    slow, fast = timeline(name, count_seconds=1.0), timeline(name, count_seconds=0.25)
    assert fast.total_seconds == pytest.approx(slow.total_seconds / 4)
    assert fast.total_counts == slow.total_counts
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
    cues = {"prepare", "inhale", "exhale", "hold", "return", "switch", "rest", "stretch"}
    assert {s["cue"] for s in doc["steps"]} <= cues
    assert all(s["rep"] is None for s in doc["steps"] if s["cue"] in {"prepare", "switch", "rest", "stretch"})
    assert all(s["side"] in {"left", "right", None} for s in doc["steps"])


def test_sets_number_from_one_and_lead_ins_belong_to_the_next_set() -> None:
    t = timeline("beginner")
    assert [s.number for s in t.sets] == list(range(1, len(t.sets) + 1))
    assert t.steps[t.sets[1].first_step].cue is Cue.SWITCH
    assert t.steps[0].cue is Cue.PREPARE and t.steps[0].set == 1
