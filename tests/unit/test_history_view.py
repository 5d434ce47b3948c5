"""The history screen's words: its pain trends come from the core, and each session row
carries the morning-after answer that follows it."""

from __future__ import annotations

import datetime as dt

from glutewake.app.views.history import PainSeries, pain_series, series_values, weekly_pain
from glutewake.app.views.journal import (
    EVERYTHING,
    FILTERS,
    Details,
    entries_newest_first,
    fitted,
    mornings_after,
    session_entry,
)
from glutewake.core.records import Activity, Journal, MorningCheck, RestDay, Session, SetRecord, SymptomCheck

TZ = dt.timezone(dt.timedelta(hours=1))


def at(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, tzinfo=TZ)


def check(n: int, during: int) -> SymptomCheck:
    at = dt.datetime(2026, 11, 1 + n, 8, tzinfo=TZ)
    return SymptomCheck(f"k{n}", at, during, 2, False, False, (), True, False, "beginner")


def test_a_jump_then_easing_reads_up_and_down_not_rising() -> None:
    journal = Journal(symptom_checks=tuple(check(n, p) for n, p in enumerate((0, 8, 5, 5, 4))))
    during, after, _ = pain_series(journal)
    assert during.values == (0, 8, 5, 5, 4)
    assert during.trend == "up and down"
    assert after.trend == "steady"
    assert PainSeries("x", (7, 6, 4, 3), "").trend == "falling"


def test_a_session_row_ends_with_the_morning_after() -> None:
    started = dt.datetime(2026, 11, 23, 7, 30, tzinfo=TZ)
    session = Session("s", "beginner", "beginner", started, "completed", "app", pain_after=2)
    answers = (
        MorningCheck("a", dt.date(2026, 11, 24), "worse", 6),
        MorningCheck("b", dt.date(2026, 11, 23), "better", None),
    )
    mornings = mornings_after(Journal(morning_checks=answers))
    assert str(session_entry(session, mornings.get(session.day)).cells[-1]) == "worse 6"
    assert str(session_entry(session).cells[-1]) == "–"
    assert mornings[dt.date(2026, 11, 22)].compared == "better"


def test_reps_count_every_set_and_stretches_count_stretches() -> None:
    started = dt.datetime(2026, 11, 23, 7, 30, tzinfo=TZ)
    sets = (
        SetRecord("side-lying-hip-abduction", "left", 10, 10),
        SetRecord("side-lying-hip-abduction", "right", 4, 10),
        SetRecord("kneeling-hip-flexor-stretch", "left", 1, 1),
        SetRecord("kneeling-hip-flexor-stretch", "right", 0, 1),
    )
    session = Session("s", "beginner", "beginner", started, "partial", "log", sets, pain_during=3)
    details = session_entry(session).cells[2]
    assert isinstance(details, Details)
    assert details.parts == (
        "beginner",
        "partial",
        "reps 14/20",
        "it hurt 3",
        "stretches 1/2",
        "logged from the command line",
    )


def journal_of_every_kind() -> Journal:
    day = dt.date(2026, 11, 23)
    return Journal(
        sessions=(
            Session(
                "s", "beginner", "beginner", dt.datetime(2026, 11, 23, 18, tzinfo=TZ), "completed", "app"
            ),
        ),
        rest_days=(RestDay("r", dt.date(2026, 11, 22)),),
        activities=(Activity("a", day, "swimming", 40),),
        symptom_checks=(
            SymptomCheck(
                "c",
                dt.datetime(2026, 11, 23, 8, tzinfo=TZ),
                4,
                5,
                True,
                False,
                ("knees",),
                True,
                False,
                "beginner",
            ),
        ),
        morning_checks=(MorningCheck("m", dt.date(2026, 11, 24), "same", 2),),
    )


def test_the_journal_holds_every_kind_of_entry_newest_first_each_saying_what_it_is() -> None:
    entries = entries_newest_first(journal_of_every_kind())
    rows = [(str(e.cells[0]), str(e.cells[1]), str(e.cells[2])) for e in entries]
    assert rows == [
        ("2026-11-24", "morning after", "the same as before the last session · pain 2"),
        ("2026-11-23", "rehab session", "beginner · completed"),
        ("2026-11-23", "swimming", "40 min"),
        (
            "2026-11-23",
            "symptom check",
            "advice: beginner · running pain 4 during, 5 after · wobbly gait · spread to knees",
        ),
        ("2026-11-22", "rest day", "a day off · keeps the streak going"),
    ]
    assert [e.kind for e in entries] == ["morning", "session", "activity", "check", "rest"]


def test_each_filter_keeps_its_kinds_and_all_of_them_cover_every_kind() -> None:
    names = [f.name for f in FILTERS]
    assert names == [
        "every entry",
        "rehab sessions",
        "activities and rest days",
        "checks and morning answers",
    ]
    assert EVERYTHING.next().next().next().next() is EVERYTHING
    assert set().union(*(f.kinds for f in FILTERS[1:])) == EVERYTHING.kinds


def test_details_drop_whole_parts_to_fit_never_half_a_word() -> None:
    parts = ("beginner", "completed", "reps 20/20", "stretches 8/8")
    assert fitted(parts, 80) == "beginner · completed · reps 20/20 · stretches 8/8"
    assert fitted(parts, 33) == "beginner · completed · reps 20/20"
    assert fitted(parts, 32) == "beginner · completed"
    assert fitted(parts, 3) == "beginner"  # the first part always shows


def test_weekly_pain_keeps_each_weeks_highest_of_each_kind() -> None:
    journal = Journal(
        sessions=(
            Session("a", "b", "b", dt.datetime(2026, 11, 16, 8, tzinfo=TZ), "completed", "app", pain_after=3),
            Session(
                "b",
                "b",
                "b",
                dt.datetime(2026, 11, 18, 8, tzinfo=TZ),
                "partial",
                "app",
                pain_after=5,
                pain_during=6,
            ),
        ),
        symptom_checks=(check(20, 7),),  # Sat 21 Nov: during 7, after 2
    )
    weeks = weekly_pain(journal, dt.date(2026, 11, 25), weeks=3)
    assert [w.monday for w in weeks] == [dt.date(2026, 11, 9), dt.date(2026, 11, 16), dt.date(2026, 11, 23)]
    assert weeks[0].highest == (None, None, None, None)
    assert weeks[1].highest == (7, 2, 5, 6)
    assert series_values(weeks, 2) == (5,)
