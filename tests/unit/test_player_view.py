"""The player's words without a terminal: cue lines, countdowns, block letters."""

from __future__ import annotations

from glutewake.app.views.player import clock_time, countdown, hold_words, player_view
from glutewake.app.widgets import big_font
from glutewake.app.widgets.cue_line import block_rows, letter_spaced, split_hint
from glutewake.core.engine import Engine
from glutewake.core.programme import Cue
from glutewake.core.settings import Settings
from glutewake.core.timeline import compile_timeline
from glutewake.programmes import load_programme
from tests.conftest import FakeClock


def test_clock_time_and_countdown_round_up() -> None:
    assert clock_time(372.2) == "6:13"
    assert clock_time(0) == "0:00"
    assert countdown(4.01) == "5"
    assert countdown(65) == "1:05"


def test_hold_counts_grow_one_number_each_count() -> None:
    timeline = compile_timeline(load_programme("advanced"), Settings())
    hold = next(step for step in timeline.steps if step.cue is Cue.HOLD)
    assert hold_words(hold, 0.0) == "HOLD  1 …"
    assert hold_words(hold, 0.5) == "HOLD  1 … 2"
    assert hold_words(hold, 1.0) == "HOLD  1 … 2"


def test_stretches_show_the_stretch_and_a_countdown_not_a_leg() -> None:
    clock = FakeClock()
    timeline = compile_timeline(load_programme("stretches"), Settings())
    engine = Engine(timeline, clock)
    clock.advance(timeline.total_seconds - 10)
    view = player_view(engine.position(), timeline, sound="bell off", title="STRETCHES")
    assert view.cue.startswith("STRETCH · ")
    assert view.big_number == "10" and view.big_label == "seconds to go"
    assert "RIGHT side" in view.working
    assert view.breath is None
    assert view.bell == "bell off"
    assert view.next == "the end of the session"


def test_letter_spacing_spaces_capitals_only() -> None:
    assert letter_spaced("BREATHE IN") == "B R E A T H E   I N"
    assert letter_spaced("PAUSED — space to go on") == "P A U S E D   —   space to go on"


def test_a_hint_after_the_capitals_is_split_off() -> None:
    assert split_hint("PAUSED — space to go on") == ("PAUSED", "space to go on")
    assert split_hint("HOLD  1 … 2") == ("HOLD 1 … 2", "")


def test_block_letters_wrap_to_two_lines_or_give_way() -> None:
    assert big_font.fits("BREATHE OUT · RAISE THE LEG")
    assert not big_font.fits("lower")
    rows = block_rows("BREATHE OUT · RAISE THE LEG", 100)
    assert rows is not None and len(rows) == 7  # two lines of three rows, a gap between
    assert all(len(row) <= 100 for row in rows)
    assert block_rows("BREATHE OUT · RAISE THE LEG", 30) is None
    assert len(block_rows("PAUSED — space to go on", 80) or []) == 5
