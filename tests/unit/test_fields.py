"""The one record reader: every file's fields checked the same way, faults named by path."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from glutewake.core.fields import FieldError, Fields, day_from_text, dotted

SESSION = {
    "id": "s1",
    "pain": 3,
    "done": True,
    "at": dt.datetime(2026, 11, 24, 7, 30, tzinfo=dt.UTC),
    "day": dt.date(2026, 11, 24),
    "sets": [{"reps": 8}, {"reps": 9}],
}


def refusal(read: Callable[..., object], *args: object, **kwargs: object) -> FieldError:
    with pytest.raises(FieldError) as raised:
        read(*args, **kwargs)
    return raised.value


def test_a_path_is_written_the_way_an_export_names_its_places() -> None:
    assert dotted(("sessions", 0, "sets", 2)) == "sessions[0].sets[2]"
    assert dotted(()) == ""


def test_a_nested_table_carries_its_path_into_the_fault() -> None:
    second = Fields(SESSION, ("sessions", 4)).tables("sets")[1]
    fault = refusal(second.number, "reps", 0, 5)
    assert fault.path == ("sessions", 4, "sets", 1) and fault.key == "reps"
    assert fault.reason == "expected `reps` to be a whole number 0-5, found 9"
    assert str(fault).startswith("sessions[4].sets[1]: ")


def test_true_is_not_a_number_and_a_date_and_time_is_not_a_date() -> None:
    record = Fields({**SESSION, "pain": True, "day": dt.datetime(2026, 11, 24, 7, 0)})
    assert "found True" in refusal(record.number, "pain", 0, 10).reason
    assert "a date like 2026-11-24" in refusal(record.day, "day").reason


def test_a_missing_field_names_the_table_it_is_missing_from() -> None:
    fault = refusal(Fields({}, ("morning_checks", 0)).text, "id")
    assert fault.reason == "a record in `morning_checks` has no `id`" and fault.key is None
    assert Fields({"pain": None}).number("pain", 0, 10, optional=True) is None


def test_text_is_checked_for_choices_emptiness_length_and_control_characters() -> None:
    record = Fields({"side": "up", "name": " ", "long": "x" * 65, "odd": "a\u2028b", "tab": "a\tb"})
    assert "one of left, right" in refusal(record.text, "side", choices=("left", "right")).reason
    assert "non-empty" in refusal(record.text, "name").reason
    assert "at most 64 characters, found 65" in refusal(record.text, "long", longest=64).reason
    for key in ("odd", "tab"):
        assert "printable" in refusal(record.text, key, printable=True).reason
    assert record.text("tab") == "a\tb", "printable is asked for, not assumed"


def test_unknown_keys_are_refused_by_name() -> None:
    fault = refusal(Fields({"id": "x", "felt": "bad"}).only, ("id",))
    assert fault.key == "felt" and fault.reason == "unknown key `felt` (expected one of id)"


def test_a_toml_time_without_offset_takes_the_local_one_but_text_must_carry_one() -> None:
    naive = dt.datetime(2026, 11, 24, 7, 30)
    assert Fields({"at": naive}).moment("at") == naive.astimezone()
    as_text = Fields({"at": "2026-11-24T07:30:00"}, dates_as_text=True)
    assert "with an offset" in refusal(as_text.moment, "at").reason
    moment = Fields({"at": "2026-11-24T07:30:00+01:00"}, dates_as_text=True).moment("at")
    assert moment.utcoffset() == dt.timedelta(hours=1)


def test_a_text_date_must_be_written_in_full() -> None:
    assert Fields({"date": "2026-11-24"}, dates_as_text=True).day("date") == dt.date(2026, 11, 24)
    for written in ("2026-1-24", "20261124", 20261124):
        with pytest.raises(FieldError, match="a date like 2026-11-24"):
            day_from_text(written, ("rest_days", 0))


def test_lists_of_tables_and_of_choices_are_bounded() -> None:
    record = Fields({"sets": [{}] * 3, "spread": ["knees", "elbows"], "bad": [1]})
    assert "at most 2 in `sets`, found 3" in refusal(record.tables, "sets", most=2).reason
    assert "found 'elbows'" in refusal(record.choices, "spread", ("knees",)).reason
    assert refusal(record.tables, "bad").path == ("bad", 0)
    assert record.tables("absent") == []
    assert refusal(record.tables, "absent", optional=False).reason.endswith("has no `absent`")


def test_a_whole_number_is_not_enough_when_a_number_may_have_a_fraction() -> None:
    record = Fields({"seconds": 12.5, "count": 2.0})
    assert record.number("seconds", 0, 60, whole=False) == 12.5
    assert "a whole number" in refusal(record.number, "count", 0, 10).reason
