from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glutewake.core.cue_names import Cue
from glutewake.core.engine import CueChanged, Engine, RepCompleted, SessionFinished
from glutewake.core.programme import parse_programme
from glutewake.core.settings import Settings
from glutewake.core.timeline import compile_timeline
from glutewake.programmes import load_programme
from tests.helpers import FakeClock


def beginner(clock: FakeClock, **settings: object) -> Engine:
    programme = load_programme("beginner")
    return Engine(compile_timeline(programme, Settings(**settings)), clock)  # type: ignore[arg-type]


# The beginner at 1 s a count and default settings: prepare 10 s, then reps of
# inhale 2 / exhale 2 / return 2 counts; a 10 s switch; a 10 s rest; before each
# stretch (30 s) and between its sides a 5 s change of position.
PREPARE = 10.0
REP = 6.0
SET_ONE_END = PREPARE + 10 * REP  # 70: the switch begins
SET_TWO_BODY = SET_ONE_END + 10.0  # 80
REST = SET_TWO_BODY + 10 * REP  # 140
FIRST_TRANSITION = REST + 10.0  # 150
FIRST_STRETCH = FIRST_TRANSITION + 5.0  # 155
SECOND_TRANSITION = FIRST_STRETCH + 30.0  # 185


def test_position_at_arbitrary_times(fake_clock: FakeClock) -> None:
    engine = beginner(fake_clock)
    start = fake_clock.now
    expectations = {
        0.0: (Cue.PREPARE, None, 1),
        10.0: (Cue.INHALE, 1, 1),
        12.5: (Cue.EXHALE, 1, 1),
        14.0: (Cue.RETURN, 1, 1),
        16.0: (Cue.INHALE, 2, 1),
        69.9: (Cue.RETURN, 10, 1),
        70.0: (Cue.SWITCH, None, 2),
        80.0: (Cue.INHALE, 1, 2),
        140.0: (Cue.REST, None, 3),
        150.0: (Cue.TRANSITION, None, 3),
        155.0: (Cue.STRETCH, None, 3),
        185.0: (Cue.TRANSITION, None, 4),
    }
    for offset, (cue, rep, set_number) in expectations.items():
        position = engine.at(start + offset)
        assert (position.step.cue, position.rep, position.set.number) == (cue, rep, set_number), offset
    assert engine.at(start + 80).side == "right"
    assert engine.at(start + 11).fraction == pytest.approx(0.5)


def test_breath_bar_fills_on_inhale_and_empties_on_exhale(fake_clock: FakeClock) -> None:
    engine = beginner(fake_clock)
    start = fake_clock.now + PREPARE
    assert engine.at(start + 0.0).breath == pytest.approx(0.0)
    assert engine.at(start + 1.0).breath == pytest.approx(0.5)
    assert engine.at(start + 2.5).breath == pytest.approx(0.75)
    assert engine.at(start + 3.5).breath == pytest.approx(0.25)
    assert engine.at(start + 5.0).breath == 0.0


def test_pause_freezes_the_position_and_resume_goes_on(fake_clock: FakeClock) -> None:
    engine = beginner(fake_clock)
    fake_clock.advance(12.3)
    engine.pause()
    frozen = engine.position()
    fake_clock.advance(600)
    later = engine.position()
    assert later.paused
    assert (later.elapsed, later.step_index, later.remaining) == (
        frozen.elapsed,
        frozen.step_index,
        frozen.remaining,
    )
    engine.resume()
    fake_clock.advance(1.0)
    assert engine.position().elapsed == pytest.approx(13.3)
    assert not engine.position().paused
    assert engine.played_seconds() == pytest.approx(13.3)


def test_next_set_jumps_to_the_switch_and_back_returns_to_set_start(fake_clock: FakeClock) -> None:
    engine = beginner(fake_clock)
    fake_clock.advance(30)
    engine.next_set()
    assert engine.position().step.cue == Cue.SWITCH
    assert engine.position().set.number == 2
    fake_clock.advance(20)
    assert engine.position().set.number == 2
    engine.back_to_set_start()
    assert engine.position().step.cue == Cue.SWITCH
    assert engine.position().elapsed == pytest.approx(SET_ONE_END)


def test_skipped_reps_do_not_count_and_replayed_reps_count_once(fake_clock: FakeClock) -> None:
    engine = beginner(fake_clock)
    fake_clock.advance(PREPARE + REP * 4)  # four reps of the left leg
    assert engine.position().reps_completed[0] == 4
    engine.back_to_set_start()
    fake_clock.advance(PREPARE + REP * 3)
    assert engine.position().reps_completed[0] == 4
    fake_clock.advance(REP * 3)
    assert engine.position().reps_completed[0] == 6
    engine.next_set()
    fake_clock.advance(1)
    assert engine.position().reps_completed[:2] == (6, 0)


def test_pressing_n_all_the_way_finishes_having_done_nothing(fake_clock: FakeClock) -> None:
    engine = beginner(fake_clock)
    presses = 0
    while not engine.position().finished:
        engine.next_set()
        presses += 1
        assert presses < 100
    assert engine.position().remaining == 0
    assert sum(engine.position().reps_completed) == 0
    # Each set takes two presses: its countdown, then the set itself (from a set, `n`
    # lands on the next set's countdown, after the rest between them).
    assert presses == 2 * len(engine.timeline.sets)


def test_paused_skip_stays_paused(fake_clock: FakeClock) -> None:
    engine = beginner(fake_clock)
    fake_clock.advance(PREPARE + 3)
    engine.pause()
    engine.next_set()
    fake_clock.advance(50)
    position = engine.position()
    assert position.paused and position.step.cue == Cue.SWITCH and position.fraction == 0


def test_poll_reports_cues_reps_and_the_end_once(fake_clock: FakeClock) -> None:
    engine = beginner(fake_clock)
    first = engine.poll()
    assert [type(n) for n in first] == [CueChanged]
    assert engine.poll() == []
    fake_clock.advance(PREPARE)
    assert [n.position.step.cue for n in engine.poll() if isinstance(n, CueChanged)] == [Cue.INHALE]
    fake_clock.advance(REP)
    notices = engine.poll()
    assert RepCompleted(1, 1) in notices
    fake_clock.advance(10_000)
    notices = engine.poll()
    assert any(isinstance(n, SessionFinished) for n in notices)
    assert engine.poll() == []


def test_poll_gives_a_new_cue_after_back_within_the_same_step(fake_clock: FakeClock) -> None:
    engine = beginner(fake_clock)
    engine.poll()
    fake_clock.advance(1)
    engine.back_to_set_start()
    assert [type(n) for n in engine.poll()] == [CueChanged]


def test_start_set_begins_a_resumed_session_at_that_set(fake_clock: FakeClock) -> None:
    timeline = compile_timeline(load_programme("beginner"), Settings())
    engine = Engine(timeline, fake_clock, start_set=2)
    assert engine.position().set.number == 2
    assert engine.position().step.cue == Cue.SWITCH


def test_a_resumed_session_counts_the_reps_already_saved_once(fake_clock: FakeClock) -> None:
    timeline = compile_timeline(load_programme("beginner"), Settings())
    resumed, start = timeline.resume_at(2, 4)
    engine = Engine(resumed, fake_clock, start_step=start, already=(10, 3) + (0,) * 8)
    assert engine.poll()[0] == CueChanged(engine.position())
    assert engine.position().step.text == "Get ready to go on: rep 4 of 10"
    assert engine.position().reps_completed[:2] == (10, 3)
    fake_clock.advance(5.0)
    assert (engine.position().rep, engine.position().step.cue) == (4, Cue.INHALE)
    fake_clock.advance(REP)
    assert engine.position().reps_completed[:2] == (10, 4)
    assert [n for n in engine.poll() if isinstance(n, RepCompleted)] == [RepCompleted(2, 4)]
    # Back to the set's start and through reps 1-3 again: each counts once.
    engine.back_to_set_start()
    assert engine.position().step.cue == Cue.SWITCH
    fake_clock.advance(10.0 + 3 * REP)
    assert engine.position().reps_completed[:2] == (10, 4)
    fake_clock.advance(REP * 2)  # rep 4 again, then the get-ready, replayed
    assert engine.position().reps_completed[:2] == (10, 4)


# -- n and b from every kind of step ------------------------------------------------------

ALL_KINDS = """
schema = 2
name = "all-kinds"

[[blocks]]
type = "prepare"
seconds = 4
text = "Get ready"

[[blocks]]
type = "exercise"
exercise = "squat"
name = "squat"
sides = ["left", "right"]
reps = 2

[[blocks.pattern]]
cue = "inhale"
counts = 1
text = "Breathe in"

[[blocks.pattern]]
cue = "hold"
counts = 2
text = "Hold"

[[blocks]]
type = "rest"
seconds = 6
text = "Rest"

[[blocks]]
type = "stretch"
exercise = "reach"
name = "reach"
group = "hamstrings"
sides = ["left", "right"]
seconds = 10
"""
# At 1 s a count, transition 3 s, rest between sides (switch) 5 s:
#   set 1: prepare 0-4, rep 1 4-7 (inhale 4-5, hold 5-7), rep 2 7-10
#   set 2: switch 10-15, reps 15-21
#   rest 21-27 (leads into set 3)
#   set 3: transition 27-30, stretch 30-40
#   set 4: transition 40-43, stretch 43-53 (the end)
KIND_AT = {
    "prepare": 1.0,
    "rep": 4.5,
    "hold": 5.5,
    "switch": 12.0,
    "rest": 22.0,
    "transition": 28.0,
    "stretch": 35.0,
}


def all_kinds(clock: FakeClock) -> Engine:
    programme = parse_programme(ALL_KINDS, "all-kinds.toml")
    return Engine(compile_timeline(programme, Settings(transition_seconds=3, rest_seconds=5)), clock)


def test_the_all_kinds_programme_is_laid_out_as_the_test_expects(fake_clock: FakeClock) -> None:
    engine = all_kinds(fake_clock)
    cue = {"rep": Cue.INHALE, "hold": Cue.HOLD}
    for kind, offset in KIND_AT.items():
        assert engine.at(fake_clock.now + offset).step.cue == cue.get(kind, kind), kind
    assert engine.total == 53.0


@pytest.mark.parametrize(
    ("kind", "lands", "cue"),
    [
        ("prepare", 4.0, Cue.INHALE),  # a countdown: on to what it leads into, set 1 itself
        ("rep", 10.0, Cue.SWITCH),  # in a set: the next set's start, its switch countdown
        ("hold", 10.0, Cue.SWITCH),
        ("switch", 15.0, Cue.INHALE),  # the switch: on to set 2's first rep, never past it
        ("rest", 27.0, Cue.TRANSITION),  # a rest: the start of the set after it, never past it
        ("transition", 30.0, Cue.STRETCH),
        ("stretch", 40.0, Cue.TRANSITION),
    ],
)
def test_n_from_every_kind_of_step(fake_clock: FakeClock, kind: str, lands: float, cue: str) -> None:
    engine = all_kinds(fake_clock)
    fake_clock.advance(KIND_AT[kind])
    engine.next_set()
    position = engine.position()
    assert position.elapsed == pytest.approx(lands)
    assert position.step.cue == cue


def test_n_in_the_last_set_goes_to_the_end(fake_clock: FakeClock) -> None:
    engine = all_kinds(fake_clock)
    fake_clock.advance(45.0)
    engine.next_set()
    assert engine.position().finished


@pytest.mark.parametrize(
    ("kind", "lands", "again"),
    [
        ("prepare", 0.0, 0.0),  # the first set: nowhere further back
        ("rep", 0.0, 0.0),
        ("hold", 0.0, 0.0),
        ("switch", 10.0, 0.0),  # the switch is set 2's start; again: set 1's
        ("rest", 10.0, 0.0),  # a rest: the set just done; again: the one before
        ("transition", 27.0, 10.0),  # again from set 3: set 2, not the rest in between
        ("stretch", 27.0, 10.0),
    ],
)
def test_b_from_every_kind_of_step_and_again_within_two_seconds(
    fake_clock: FakeClock, kind: str, lands: float, again: float
) -> None:
    engine = all_kinds(fake_clock)
    fake_clock.advance(KIND_AT[kind])
    engine.back_to_set_start()
    assert engine.position().elapsed == pytest.approx(lands)
    fake_clock.advance(1.9)
    engine.back_to_set_start()
    assert engine.position().elapsed == pytest.approx(again)


def test_b_again_after_two_seconds_starts_the_same_set_over(fake_clock: FakeClock) -> None:
    engine = all_kinds(fake_clock)
    fake_clock.advance(KIND_AT["stretch"])
    engine.back_to_set_start()
    fake_clock.advance(2.1)
    engine.back_to_set_start()
    assert engine.position().elapsed == pytest.approx(27.0)
    fake_clock.advance(0.5)
    engine.back_to_set_start()
    assert engine.position().elapsed == pytest.approx(10.0)
    fake_clock.advance(0.5)
    engine.back_to_set_start()
    assert engine.position().elapsed == pytest.approx(0.0)


def test_n_from_a_rest_never_skips_the_stretch_after_it_and_b_brings_it_back(fake_clock: FakeClock) -> None:
    engine = beginner(fake_clock)
    fake_clock.advance(REST + 2)
    engine.next_set()
    position = engine.position()
    assert (position.step.cue, position.set.number) == (Cue.TRANSITION, 3)
    engine.next_set()
    assert (engine.position().step.cue, engine.position().set.number) == (Cue.STRETCH, 3)
    fake_clock.advance(3)
    engine.back_to_set_start()
    assert engine.position().elapsed == pytest.approx(FIRST_TRANSITION)


def test_played_seconds_leave_out_pauses_and_follow_jumps(fake_clock: FakeClock) -> None:
    engine = beginner(fake_clock)
    fake_clock.advance(5)
    engine.pause()
    fake_clock.advance(100)
    engine.resume()
    fake_clock.advance(3)
    engine.next_set()
    fake_clock.advance(2)
    assert engine.played_seconds() == pytest.approx(10.0)


def test_played_seconds_stop_at_the_end(fake_clock: FakeClock) -> None:
    engine = beginner(fake_clock)
    fake_clock.advance(engine.total + 60)
    assert engine.played_seconds() == pytest.approx(engine.total)


BLOCK = """
[[blocks]]
type = "stretch"
exercise = "long-hold"
name = "long hold"
group = "hamstrings"
counts = {counts}
"""


def programme_of(total_counts: int) -> str:
    """A programme of stretch blocks (at most 600 counts each) adding up to `total_counts`."""
    chunks = [600] * (total_counts // 600) + ([total_counts % 600] if total_counts % 600 else [])
    # Schema 1, as glutewake 1.0 wrote it: a stretch given in counts follows the count pace.
    return 'schema = 1\nname = "long"\n' + "".join(BLOCK.format(counts=c) for c in chunks)


@settings(max_examples=60, deadline=None)
@given(
    count_seconds=st.sampled_from([0.05, 0.1, 0.25, 0.5, 1.0, 1.5, 3.0, 7.5, 10.0]),
    pauses=st.lists(st.tuples(st.floats(0, 1799), st.floats(0, 300)), max_size=5),
)
def test_a_thirty_minute_session_ends_exactly_on_time(
    count_seconds: float, pauses: list[tuple[float, float]]
) -> None:
    counts = round(1800 / count_seconds)
    programme = parse_programme(programme_of(counts), "long.toml")
    clock = FakeClock(5000.0)
    settings = Settings(count_seconds=count_seconds, transition_seconds=0)
    engine = Engine(compile_timeline(programme, settings), clock)
    assert engine.total == pytest.approx(1800)
    paused_total = 0.0
    played = 0.0
    for at, length in sorted(pauses):
        if at <= played:
            continue
        clock.advance(at - played)
        played = at
        engine.pause()
        clock.advance(length)
        paused_total += length
        engine.resume()
    start = 5000.0 + paused_total
    end = start + engine.total
    assert not engine.at(end - 0.01).finished
    assert engine.at(end).finished
    assert engine.at(end).remaining == 0
    assert engine.at(end - 0.01).remaining == pytest.approx(0.01, abs=1e-6)


@settings(max_examples=40, deadline=None)
@given(times=st.lists(st.floats(0, 400), min_size=2, max_size=20))
def test_position_never_goes_backwards_without_a_back_event(times: list[float]) -> None:
    clock = FakeClock()
    engine = beginner(clock)
    start = clock.now
    previous = -1.0
    for t in sorted(times):
        position = engine.at(start + t)
        assert position.elapsed >= previous
        assert 0.0 <= position.fraction <= 1.0 and 0.0 <= position.breath <= 1.0
        assert position.progress == pytest.approx(position.elapsed / engine.total)
        previous = position.elapsed


def test_a_session_can_start_a_moment_from_now_and_waits_at_its_first_step(fake_clock: FakeClock) -> None:
    timeline = compile_timeline(load_programme("beginner"), Settings())
    engine = Engine(timeline, fake_clock, starts_at=fake_clock.now + 0.03)
    assert engine.position().elapsed == 0.0
    fake_clock.advance(0.02)
    assert engine.position().elapsed == 0.0 and engine.position().step_index == 0
    fake_clock.advance(0.03)
    assert engine.position().elapsed == pytest.approx(0.02)
