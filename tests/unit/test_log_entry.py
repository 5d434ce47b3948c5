"""The shared checks behind `glutewake log` and the history screen's forms."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from glutewake.core.log_entry import (
    ID_PATTERN,
    KIND_PATTERN,
    activity_kind,
    check_id,
    parse_day,
    parse_minutes,
)
from glutewake.errors import UserError

TODAY = dt.date(2026, 11, 25)


def test_no_date_means_today() -> None:
    assert parse_day(None, TODAY) == TODAY


def test_a_past_day_is_accepted() -> None:
    assert parse_day("2026-11-20", TODAY) == dt.date(2026, 11, 20)


@pytest.mark.parametrize("text", ["2026-11-26", "2027-01-01"])
def test_a_future_day_is_refused(text: str) -> None:
    with pytest.raises(UserError, match="in the future"):
        parse_day(text, TODAY)


@pytest.mark.parametrize("text", ["yesterday", "2026-11-5", "2026-13-01", ""])
def test_a_day_that_is_not_a_date_is_refused_naming_the_field(text: str) -> None:
    with pytest.raises(UserError, match="^--date must be a day like"):
        parse_day(text, TODAY, name="--date")


def test_a_day_before_1900_is_refused() -> None:
    with pytest.raises(UserError, match="too long ago"):
        parse_day("1899-12-31", TODAY)


@pytest.mark.parametrize(("text", "minutes"), [("1", 1), (" 30 ", 30), ("1440", 1440)])
def test_minutes_from_one_to_a_whole_day_are_accepted(text: str, minutes: int) -> None:
    assert parse_minutes(text) == minutes


@pytest.mark.parametrize("text", ["0", "1441", "-5", "half an hour", "2.5", ""])
def test_minutes_outside_one_to_1440_or_not_whole_are_refused(text: str) -> None:
    with pytest.raises(UserError, match="minutes must be"):
        parse_minutes(text)


def test_activity_kind_is_tidied_to_lower_case() -> None:
    assert activity_kind("  Deep   Water-Running ") == "deep water-running"


@pytest.mark.parametrize("text", ["", "   ", "_swim", "swim_ming", "x" * 41, "!!"])
def test_activity_kind_that_is_not_a_word_or_two_is_refused(text: str) -> None:
    with pytest.raises(UserError, match="the activity must be a word or two"):
        activity_kind(text)


KIND_TEXT = st.text(st.sampled_from("aZ9_' -\t\n.éßİ٣²ⅷ\u0301\u200b日"), max_size=45) | st.text(max_size=45)


def accepts(check: Callable[[str], str], text: str) -> bool:
    """Whether `check` takes `text` (what it gives back is then `text` tidied)."""
    try:
        check(text)
    except UserError:
        return False
    return True


@settings(max_examples=400)
@given(KIND_TEXT)
@example("a" * 40)
@example("a" * 41)
@example("-swim")
def test_activity_kind_accepts_exactly_what_its_pattern_allows(text: str) -> None:
    """The check uses str methods (no `re` at start-up); it must agree with KIND_PATTERN."""
    tidy = " ".join(text.split()).lower()
    allowed = re.fullmatch(KIND_PATTERN, tidy) is not None and "_" not in tidy
    assert accepts(activity_kind, text) == allowed, tidy
    if allowed:
        assert activity_kind(text) == tidy


@settings(max_examples=400)
@given(st.text(st.sampled_from("09azAZ_-.é /\n"), max_size=70) | st.text(max_size=70))
@example("a" * 64)
@example("a" * 65)
@example("")
def test_record_id_accepts_exactly_what_its_pattern_allows(text: str) -> None:
    assert accepts(check_id, text) == (re.fullmatch(ID_PATTERN, text) is not None), text
