from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glutewake.core.engine import CueChanged, Engine, RepCompleted, SessionFinished
from glutewake.core.programme import Cue, parse_programme
from glutewake.core.settings import Settings
from glutewake.core.timeline import compile_timeline
from glutewake.programmes import load_programme
from tests.helpers import FakeClock


def beginner(clock: FakeClock, **settings: object) -> Engine:
    programme = load_programme("beginner")
    return Engine(compile_timeline(programme, Settings(**settings)), clock)  # type: ignore[arg-type]


def test_position_at_arbitrary_times(fake_clock: FakeClock) -> None:
    engine = beginner(fake_clock)
    start = fake_clock.now
    # prepare 5 counts, then reps of inhale 2 / exhale 2 / return 2 at 1 s a count.
    expectations = {
        0.0: (Cue.PREPARE, None, 1),
        5.0: (Cue.INHALE, 1, 1),
        7.5: (Cue.EXHALE, 1, 1),
        9.0: (Cue.RETURN, 1, 1),
        11.0: (Cue.INHALE, 2, 1),
        64.9: (Cue.RETURN, 10, 1),
        65.0: (Cue.SWITCH, None, 2),
        70.0: (Cue.INHALE, 1, 2),
    }
    for offset, (cue, rep, set_number) in expectations.items():
        position = engine.at(start + offset)
        assert (position.step.cue, position.rep, position.set.number) == (cue, rep, set_number)
    assert engine.at(start + 70).side == "right"
    assert engine.at(start + 6).fraction == pytest.approx(0.5)


def test_breath_bar_fills_on_inhale_and_empties_on_exhale(fake_clock: FakeClock) -> None:
    engine = beginner(fake_clock)
    start = fake_clock.now
    assert engine.at(start + 5.0).breath == pytest.approx(0.0)
    assert engine.at(start + 6.0).breath == pytest.approx(0.5)
    assert engine.at(start + 7.5).breath == pytest.approx(0.75)
    assert engine.at(start + 8.5).breath == pytest.approx(0.25)
    assert engine.at(start + 10.0).breath == 0.0


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


def test_next_set_jumps_to_the_switch_and_back_returns_to_set_start(fake_clock: FakeClock) -> None:
    engine = beginner(fake_clock)
    fake_clock.advance(30)
    engine.next_set()
    assert engine.position().step.cue is Cue.SWITCH
    assert engine.position().set.number == 2
    fake_clock.advance(20)
    assert engine.position().set.number == 2
    engine.back_to_set_start()
    assert engine.position().step.cue is Cue.SWITCH
    assert engine.position().elapsed == pytest.approx(65.0)


def test_skipped_reps_do_not_count_and_replayed_reps_count_once(fake_clock: FakeClock) -> None:
    engine = beginner(fake_clock)
    fake_clock.advance(5 + 6 * 4)  # four reps of the left leg
    assert engine.position().reps_completed[0] == 4
    engine.back_to_set_start()
    fake_clock.advance(5 + 6 * 3)
    assert engine.position().reps_completed[0] == 4
    fake_clock.advance(6 * 3)
    assert engine.position().reps_completed[0] == 6
    engine.next_set()
    fake_clock.advance(1)
    assert engine.position().reps_completed[:2] == (6, 0)


def test_next_set_past_the_last_finishes(fake_clock: FakeClock) -> None:
    engine = beginner(fake_clock)
    for _ in range(len(engine.timeline.sets)):
        engine.next_set()
    assert engine.position().finished
    assert engine.position().remaining == 0


def test_paused_skip_stays_paused(fake_clock: FakeClock) -> None:
    engine = beginner(fake_clock)
    fake_clock.advance(3)
    engine.pause()
    engine.next_set()
    fake_clock.advance(50)
    position = engine.position()
    assert position.paused and position.step.cue is Cue.SWITCH and position.fraction == 0


def test_poll_reports_cues_reps_and_the_end_once(fake_clock: FakeClock) -> None:
    engine = beginner(fake_clock)
    first = engine.poll()
    assert [type(n) for n in first] == [CueChanged]
    assert engine.poll() == []
    fake_clock.advance(5)
    assert [n.position.step.cue for n in engine.poll() if isinstance(n, CueChanged)] == [Cue.INHALE]
    fake_clock.advance(6)
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
    assert engine.position().step.cue is Cue.SWITCH


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
    engine = Engine(compile_timeline(programme, Settings(count_seconds=count_seconds)), clock)
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
