"""Which sound plays when, on the session clock (a fake one here)."""

from __future__ import annotations

import pytest

from glutewake.core.cue_names import CUES, Cue
from glutewake.core.engine import Engine
from glutewake.core.settings import Settings
from glutewake.core.sound_schedule import (
    CUE_SOUNDS,
    HORIZON,
    LATE,
    STRETCH_END_LEAD,
    Planned,
    Score,
    score,
)
from glutewake.core.timeline import Timeline, compile_timeline
from glutewake.core.tones import Sound
from glutewake.programmes import load_programme
from tests.helpers import FakeClock


def timeline(name: str = "advanced", count_seconds: float = 0.5) -> Timeline:
    return compile_timeline(load_programme(name), Settings(count_seconds=count_seconds))


def test_every_cue_of_the_plan_contract_has_a_sound() -> None:
    assert set(CUE_SOUNDS) >= set(CUES)
    assert len(set(CUE_SOUNDS.values())) == len(CUE_SOUNDS), "one distinct sound per cue"


def test_the_score_sounds_at_every_step_start_ticks_each_hold_count_and_ends_with_a_chord() -> None:
    plan = timeline()
    cued = score(plan)
    starts = {plan.step_start_seconds(i) for i in range(len(plan.steps))}
    assert starts <= {c.offset for c in cued}
    assert [c.offset for c in cued] == sorted(c.offset for c in cued)
    hold = next(i for i, s in enumerate(plan.steps) if s.cue == Cue.HOLD)
    ticks = [c for c in cued if c.step == hold]
    assert [c.sound for c in ticks] == [Sound.HOLD_TICK, Sound.HOLD_TICK]
    assert ticks[1].offset - ticks[0].offset == pytest.approx(plan.count_seconds)
    assert cued[-1].sound is Sound.FINISH and cued[-1].offset == plan.total_seconds
    inhale = next(i for i, s in enumerate(plan.steps) if s.cue == Cue.INHALE)
    assert [c.sound for c in cued if c.step == inhale] == [Sound.BREATHE_IN]
    assert {c.sound for c in cued} >= {
        Sound.PREPARE,
        Sound.EFFORT,
        Sound.LOWER,
        Sound.REST,
        Sound.STRETCH_START,
        Sound.STRETCH_END,
    }


def test_a_stretch_says_let_go_just_before_it_ends() -> None:
    plan = timeline("stretches")
    cued = score(plan)
    first = next(i for i, s in enumerate(plan.steps) if s.cue == Cue.STRETCH)
    sounds = [c for c in cued if c.step == first]
    end = plan.step_start_seconds(first + 1)
    assert [c.sound for c in sounds] == [Sound.STRETCH_START, Sound.STRETCH_END]
    assert sounds[1].offset == pytest.approx(end - STRETCH_END_LEAD)


def test_sounds_are_handed_over_ahead_at_their_clock_times() -> None:
    clock = FakeClock()
    plan = timeline()
    engine = Engine(plan, clock)
    sounds = Score(plan)
    start = clock.now
    due = sounds.due(engine, clock.now)
    assert due[0] == Planned(start, Sound.PREPARE, (0, 0))
    assert all(start <= p.at <= start + HORIZON for p in due)
    # The first breath is due right at the end of the get-ready countdown.
    breath = plan.step_start_seconds(1)
    clock.advance(breath - 0.3)
    due = sounds.due(engine, clock.now)
    assert due[0] == Planned(start + breath, Sound.BREATHE_IN, (0, 1))
    # Asked again a moment later, the same sound has the same key: nothing is doubled.
    clock.advance(0.05)
    assert sounds.due(engine, clock.now)[0] == due[0]


def test_a_late_look_still_catches_a_sound_that_just_fell_due_but_not_older_ones() -> None:
    clock = FakeClock()
    plan = timeline()
    engine = Engine(plan, clock)
    sounds = Score(plan)
    clock.advance(plan.step_start_seconds(1) + LATE / 2)
    assert sounds.due(engine, clock.now)[0].sound is Sound.BREATHE_IN
    clock.advance(LATE)
    assert sounds.due(engine, clock.now)[0].sound is not Sound.BREATHE_IN


def test_nothing_is_due_while_paused_and_resuming_mid_step_sounds_the_cue_at_once() -> None:
    clock = FakeClock()
    plan = timeline()
    engine = Engine(plan, clock)
    sounds = Score(plan)
    clock.advance(plan.step_start_seconds(1) + 0.3)  # into the first breath in
    engine.pause()
    assert sounds.due(engine, clock.now) == ()
    clock.advance(30)
    assert sounds.due(engine, clock.now) == ()
    engine.resume()
    due = sounds.due(engine, clock.now)
    assert due[0] == Planned(clock.now, Sound.BREATHE_IN, (1, -1))
    # The rest of the breath in is 0.7 s: the effort follows it on the new segment's clock.
    assert due[1] == Planned(clock.now + 0.7, Sound.EFFORT, (1, 2))


def test_skip_and_back_drop_what_was_pending_and_start_from_the_set() -> None:
    clock = FakeClock()
    plan = timeline()
    engine = Engine(plan, clock)
    sounds = Score(plan)
    clock.advance(plan.step_start_seconds(1) + 1.0)  # into the first set's reps
    before = sounds.due(engine, clock.now)
    engine.next_set()
    after = sounds.due(engine, clock.now)
    assert not {p.key for p in before} & {p.key for p in after}
    set_two = plan.steps[plan.sets[1].first_step]
    assert after[0].at == clock.now
    assert after[0].sound is CUE_SOUNDS[str(set_two.cue)]
    clock.advance(1.0)
    engine.back_to_set_start()
    again = sounds.due(engine, clock.now)
    assert again[0].at == clock.now and again[0].sound is after[0].sound
    assert again[0].key != after[0].key


def test_the_chord_is_due_at_the_end_and_only_just_after() -> None:
    clock = FakeClock()
    plan = timeline()
    engine = Engine(plan, clock)
    sounds = Score(plan)
    clock.advance(plan.total_seconds - 0.5)
    due = sounds.due(engine, clock.now)
    assert due[-1].sound is Sound.FINISH
    assert due[-1].at == pytest.approx(clock.now + 0.5)
    clock.advance(0.5 + LATE * 2)
    assert sounds.due(engine, clock.now) == ()


def test_skipping_past_the_last_set_plays_the_chord_at_once() -> None:
    clock = FakeClock()
    plan = timeline()
    engine = Engine(plan, clock)
    sounds = Score(plan)
    last = max(i for i, step in enumerate(plan.steps) if step.cue == Cue.STRETCH)
    clock.advance(plan.step_start_seconds(last) + 0.1)  # holding the last stretch
    engine.next_set()
    due = sounds.due(engine, clock.now)
    assert [(p.at, p.sound) for p in due] == [(clock.now, Sound.FINISH)]
