"""The player's words without a terminal: cue lines, countdowns, block letters."""

from __future__ import annotations

from glutewake.app.views.player import clock_time, countdown, hold_words, key_forms, player_view
from glutewake.app.widgets import big_font
from glutewake.app.widgets.big_count import count_rows
from glutewake.app.widgets.cue_line import cue_rows, letter_spaced, split_hint
from glutewake.core.cue_names import Cue
from glutewake.core.engine import Engine
from glutewake.core.settings import Settings
from glutewake.core.timeline import compile_timeline
from glutewake.programmes import load_programme
from tests.helpers import FakeClock


def test_clock_time_and_countdown_round_up() -> None:
    assert clock_time(372.2) == "6:13"
    assert clock_time(0) == "0:00"
    assert countdown(4.01) == "5"
    assert countdown(65) == "1:05"


def test_hold_counts_grow_one_number_each_count() -> None:
    timeline = compile_timeline(load_programme("advanced"), Settings())
    hold = next(step for step in timeline.steps if step.cue == Cue.HOLD)
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


def test_block_letters_scale_by_whole_multiples() -> None:
    assert [big_font.rows(scale) for scale in range(1, 7)] == [3, 5, 8, 10, 13, 15]
    for scale in (1, 2, 3, 6):
        drawn = big_font.render("10 / 5", scale)
        assert len(drawn) == big_font.rows(scale)
        assert {len(row) for row in drawn} == {big_font.width("10 / 5", scale)}
    assert big_font.width("RAISE", 3) == 3 * big_font.width("RAISE")
    assert big_font.fits("BREATHE OUT · RAISE THE LEG / 10")
    assert not big_font.fits("lower") and not big_font.fits("")


def test_a_drawing_is_made_once_per_text_and_scale() -> None:
    assert big_font.render("RAISE", 2) is big_font.render("RAISE", 2)
    assert cue_rows("BREATHE IN", ("BREATHE IN",), 1, 74) is cue_rows("BREATHE IN", ("BREATHE IN",), 1, 74)


def test_the_key_word_is_the_first_word_of_the_action() -> None:
    assert key_forms("BREATHE OUT · RAISE THE LEG") == (
        "BREATHE OUT · RAISE THE LEG",
        "RAISE THE LEG",
        "RAISE",
    )
    assert key_forms("LOWER SLOWLY") == ("LOWER SLOWLY", "LOWER")
    assert key_forms("REST") == ("REST",)


def test_a_cue_too_wide_for_the_window_is_drawn_as_its_key_word_with_the_phrase_under_it() -> None:
    phrase = "BREATHE OUT · RAISE THE LEG"
    rows, tall = cue_rows(phrase, key_forms(phrase), 1, 74)
    assert tall == 3 and rows[3].strip() == phrase
    assert [row.strip() for row in rows[:3]] == [row.strip() for row in big_font.render("RAISE THE LEG")]
    rows, tall = cue_rows(phrase, key_forms(phrase), 1, 54)
    assert [row.strip() for row in rows[:3]] == [row.strip() for row in big_font.render("RAISE")]
    # A smaller scale than allowed keeps the block's height, so nothing under it moves.
    rows, tall = cue_rows(phrase, key_forms(phrase), 3, 110)
    assert tall == 8 and len(rows) == 9
    assert [row.strip() for row in rows if row.strip()][:3] == [
        row.strip() for row in big_font.render("RAISE", 3) if row.strip()
    ][:3]


def test_a_cue_with_no_glyphs_falls_back_to_spaced_capitals() -> None:
    rows, tall = cue_rows("DON'T", ("DON'T",), 2, 80)
    assert tall == 0 and [row.strip() for row in rows] == ["D O N ' T"]


def test_the_label_beside_the_number_is_as_big_as_fits() -> None:
    stacked = count_rows("7", ("/ 10", "LEFT"), (), 3, 74)
    assert stacked[2] == 3 and len(stacked[0]) == 8
    screen = "\n".join(stacked[0])
    assert all(row.strip() in screen for row in big_font.render("LEFT"))
    assert all(row.strip() in screen for row in big_font.render("/ 10"))
    narrow = count_rows("7", ("/ 10", "LEFT"), (), 2, 30)
    assert "/ 10" in "\n".join(narrow[0]) or "LEFT" in "\n".join(narrow[0])
