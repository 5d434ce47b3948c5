from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glutewake.core.records import SetRecord
from glutewake.core.session_record import (
    exercise_sets_done,
    finish,
    fits,
    record_reps,
    resume_point,
    resume_set,
    start_record,
    tally,
    with_pain,
    with_pain_during,
    with_played,
)
from glutewake.core.settings import Settings
from glutewake.core.timeline import Timeline, compile_timeline
from glutewake.programmes import load_programme

MORNING = dt.datetime(2026, 11, 25, 7, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
LATER = MORNING + dt.timedelta(minutes=4)


def beginner() -> Timeline:
    return compile_timeline(load_programme("beginner"), Settings())


def test_a_new_record_is_partial_from_the_app_with_every_set_at_zero() -> None:
    timeline = beginner()
    session = start_record(timeline, phase="beginner", started_at=MORNING, id="abc")
    assert (session.id, session.status, session.source, session.programme) == (
        "abc",
        "partial",
        "app",
        "beginner",
    )
    assert session.started_at == MORNING
    assert session.ended_at is None
    assert session.sets[:2] == (
        SetRecord("side-lying-hip-abduction", "left", 0, 10),
        SetRecord("side-lying-hip-abduction", "right", 0, 10),
    )
    assert len(session.sets) == len(timeline.sets)


def test_each_record_gets_its_own_id() -> None:
    timeline = beginner()
    first = start_record(timeline, phase="beginner", started_at=MORNING)
    second = start_record(timeline, phase="beginner", started_at=MORNING)
    assert first.id != second.id


def test_recording_reps_raises_counts_and_stamps_the_update_time() -> None:
    session = start_record(beginner(), phase="beginner", started_at=MORNING)
    played = (6,) + (0,) * 9
    updated = record_reps(session, played, LATER)
    assert [r.reps for r in updated.sets] == list(played)
    assert updated.ended_at == LATER
    assert updated.status == "partial"
    assert updated.id == session.id


def test_resumed_reps_merge_by_taking_the_larger_count() -> None:
    session = start_record(beginner(), phase="beginner", started_at=MORNING)
    before = record_reps(session, (10, 4) + (0,) * 8, LATER)
    # After resuming at set 2 the engine has played nothing of set 1.
    after = record_reps(before, (0, 3, 1) + (0,) * 7, LATER)
    assert [r.reps for r in after.sets][:3] == [10, 4, 1]


def test_reps_never_exceed_the_target() -> None:
    session = start_record(beginner(), phase="beginner", started_at=MORNING)
    assert record_reps(session, (12,) + (0,) * 9, LATER).sets[0].reps == 10


def test_a_wrong_number_of_sets_is_refused() -> None:
    session = start_record(beginner(), phase="beginner", started_at=MORNING)
    with pytest.raises(ValueError, match="10 sets"):
        record_reps(session, (1, 2), LATER)


def test_completing_marks_the_status_and_the_end() -> None:
    timeline = beginner()
    session = start_record(timeline, phase="beginner", started_at=MORNING)
    done = finish(session, timeline, (10, 10) + (1,) * 8, LATER)
    assert (done.status, done.ended_at) == ("completed", LATER)
    assert all(r.reps == r.target for r in done.sets)


@pytest.mark.parametrize(
    ("reps", "status"),
    [
        ((10, 10) + (1,) * 8, "completed"),
        ((10, 10) + (0,) * 8, "completed"),  # stretches skipped never block completion
        ((10, 10, 1, 0, 1, 0, 1, 0, 1, 0), "completed"),
        ((0,) * 10, "partial"),  # skipped through: nothing done
        ((10, 0) + (1,) * 8, "partial"),  # a skipped exercise set
        ((10, 9) + (1,) * 8, "partial"),  # a set cut short by one rep
        ((6, 0) + (0,) * 8, "partial"),
    ],
)
def test_completed_only_when_every_exercise_set_reached_its_target(
    reps: tuple[int, ...], status: str
) -> None:
    timeline = beginner()
    ended = finish(start_record(timeline, phase="beginner", started_at=MORNING), timeline, reps, LATER)
    assert ended.status == status
    assert exercise_sets_done(ended, timeline) is (status == "completed")
    assert tally(ended, timeline).completed is (status == "completed")


def test_a_session_stopped_because_it_hurt_is_partial_even_with_every_set_done() -> None:
    timeline = beginner()
    session = start_record(timeline, phase="beginner", started_at=MORNING)
    stopped = finish(session, timeline, (10, 10) + (1,) * 8, LATER, stopped=True)
    assert stopped.status == "partial"


def test_the_advanced_squats_decide_its_completion() -> None:
    timeline = compile_timeline(load_programme("advanced"), Settings())
    session = start_record(timeline, phase="advanced", started_at=MORNING)
    assert finish(session, timeline, (10,) + (0,) * 8, LATER).status == "completed"
    assert finish(session, timeline, (9,) + (1,) * 8, LATER).status == "partial"


def test_a_record_from_another_timeline_is_judged_by_all_its_sets() -> None:
    session = record_reps(
        start_record(beginner(), phase="beginner", started_at=MORNING), (10, 10) + (0,) * 8, LATER
    )
    advanced = compile_timeline(load_programme("advanced"), Settings())
    assert not exercise_sets_done(session, advanced)


def test_pain_during_keeps_the_highest_answer() -> None:
    session = start_record(beginner(), phase="beginner", started_at=MORNING)
    assert session.pain_during is None
    assert with_pain_during(session, 3).pain_during == 3
    assert with_pain_during(with_pain_during(session, 7), 2).pain_during == 7
    with pytest.raises(ValueError):
        with_pain_during(session, 11)


def test_played_time_adds_the_earlier_parts() -> None:
    session = start_record(beginner(), phase="beginner", started_at=MORNING)
    assert with_played(session, 0.0, 61.23).played_seconds == 61.2
    assert with_played(session, 100.0, 20.0).played_seconds == 120.0


def test_pain_is_stored_within_zero_to_ten_or_left_empty() -> None:
    session = start_record(beginner(), phase="beginner", started_at=MORNING)
    assert with_pain(session, 0).pain_after == 0
    assert with_pain(session, 10).pain_after == 10
    assert with_pain(session, None).pain_after is None
    with pytest.raises(ValueError):
        with_pain(session, 11)


@pytest.mark.parametrize(
    ("reps", "expected"),
    [
        ((0,) * 10, 1),
        ((4,) + (0,) * 9, 1),
        ((10,) + (0,) * 9, 2),
        ((10, 7) + (0,) * 8, 2),
        ((10, 10) + (0,) * 8, 3),
        ((10, 0, 1) + (0,) * 7, 4),  # a skipped set is not gone back to
        ((10, 10) + (1,) * 8, 10),  # all done: never past the last set
    ],
)
def test_resume_goes_on_from_the_set_in_progress(reps: tuple[int, ...], expected: int) -> None:
    session = record_reps(start_record(beginner(), phase="beginner", started_at=MORNING), reps, LATER)
    assert resume_set(session) == expected


@pytest.mark.parametrize(
    ("reps", "expected"),
    [
        ((0,) * 10, (1, 1)),
        ((4,) + (0,) * 9, (1, 5)),  # the 5th rep was the one interrupted
        ((10,) + (0,) * 9, (2, 1)),
        ((10, 3) + (0,) * 8, (2, 4)),
        ((10, 10) + (1,) * 7 + (0,), (10, 1)),
        ((10, 10) + (1,) * 8, (10, 1)),  # all done: never past the last set
        ((10, 6) + (1,) * 8, (2, 7)),  # reached the end with a set cut short: back to it
    ],
)
def test_resume_point_is_the_repetition_after_the_last_saved(
    reps: tuple[int, ...], expected: tuple[int, int]
) -> None:
    session = record_reps(start_record(beginner(), phase="beginner", started_at=MORNING), reps, LATER)
    assert resume_point(session) == expected


def test_a_record_fits_only_the_timeline_it_came_from() -> None:
    timeline = beginner()
    session = start_record(timeline, phase="beginner", started_at=MORNING)
    assert fits(session, timeline)
    advanced = compile_timeline(load_programme("advanced"), Settings())
    assert not fits(session, advanced)
    # Pacing settings change the timing, not the sets: still resumable.
    assert fits(session, compile_timeline(load_programme("beginner"), Settings(count_seconds=0.05)))


def test_tally_counts_reps_and_stretches_apart() -> None:
    timeline = beginner()
    session = record_reps(
        start_record(timeline, phase="beginner", started_at=MORNING), (10, 6, 1, 1) + (0,) * 6, LATER
    )
    summary = tally(session, timeline)
    assert (summary.sets_done, summary.sets) == (3, 10)
    assert (summary.reps, summary.target) == (16, 20)
    assert (summary.stretches_done, summary.stretches) == (2, 8)


@given(st.lists(st.tuples(*(st.integers(0, 12) for _ in range(10))), min_size=1, max_size=6))
def test_recorded_reps_never_go_down(updates: list[tuple[int, ...]]) -> None:
    session = start_record(beginner(), phase="beginner", started_at=MORNING)
    for played in updates:
        updated = record_reps(session, played, LATER)
        for before, after in zip(session.sets, updated.sets, strict=True):
            assert before.reps <= after.reps <= after.target
        session = updated
