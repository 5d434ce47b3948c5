"""The history summary, calendar and the `history --json` / CSV documents."""

from __future__ import annotations

import datetime as dt

from glutewake.core.history import (
    CSV_HEADER,
    DayMark,
    calendar_weeks,
    csv_rows,
    history_document,
    morning_after,
    summarise,
    weeks_variety,
)
from glutewake.core.records import (
    Activity,
    Journal,
    MorningCheck,
    RestDay,
    Session,
    SetRecord,
    SymptomCheck,
)

TODAY = dt.date(2026, 11, 25)  # a Wednesday
PLUS_ONE = dt.timezone(dt.timedelta(hours=1))


def at(day: dt.date, hour: int = 7) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, 30)).replace(tzinfo=PLUS_ONE)


def make_journal() -> Journal:
    monday = dt.date(2026, 11, 23)
    return Journal(
        sessions=(
            Session(
                "a",
                "beginner",
                "beginner",
                at(dt.date(2026, 11, 20)),
                "completed",
                "log",
                (SetRecord("side-lying-hip-abduction", "left", 10, 10),),
            ),
            Session(
                "b",
                "beginner",
                "beginner",
                at(monday),
                "completed",
                "app",
                (
                    SetRecord("side-lying-hip-abduction", "left", 10, 10),
                    SetRecord("side-lying-hip-abduction", "right", 4, 10),
                ),
                ended_at=at(monday, 8),
                pain_after=2,
                pain_during=4,
            ),
            Session("c", "advanced", "advanced", at(TODAY), "partial", "app", ()),
        ),
        rest_days=(RestDay("r1", dt.date(2026, 11, 21)), RestDay("r2", dt.date(2026, 11, 22))),
        activities=(
            Activity("x1", dt.date(2026, 11, 22), "swimming", 30),  # last week: not counted
            Activity("x2", monday, "swimming", 20),
            Activity("x3", dt.date(2026, 11, 24), "cycling", 45),
            Activity("x4", dt.date(2026, 11, 24), "swimming", 15),
        ),
        symptom_checks=(
            SymptomCheck(
                "k", at(dt.date(2026, 11, 19)), 3, 4, True, False, ("knees",), True, False, "beginner"
            ),
        ),
        morning_checks=(
            MorningCheck("m1", dt.date(2026, 11, 24), "worse", 5),
            MorningCheck("m2", TODAY, "same"),
        ),
    )


def test_summary_has_streaks_and_this_weeks_variety() -> None:
    summary = summarise(make_journal(), TODAY)
    # The 24th has only other activities: neither done nor rest, so it breaks the run.
    assert (summary.streak.current, summary.streak.longest) == (0, 2)
    assert summary.today_done is False  # only a partial session today
    assert summary.week.days_active == 2  # Monday (session + swim), Tuesday (activities)
    assert summary.week.minutes_by_kind == {"swimming": 35, "cycling": 45}
    assert summary.week.rehab_sessions == 1
    assert summary.last_session is not None and summary.last_session.id == "c"
    assert summary.last_check is not None and summary.last_check.id == "k"


def completed(day: dt.date, hour: int = 7) -> Session:
    return Session(f"s{day}{hour}", "beginner", "beginner", at(day, hour), "completed", "app")


def test_variety_per_week_counts_rehab_days_minutes_by_kind_and_says_a_verdict() -> None:
    monday = dt.date(2026, 11, 23)
    last = monday - dt.timedelta(days=7)
    journal = Journal(
        sessions=(
            completed(last),
            completed(last, 18),  # two on one day: one rehab day
            completed(last + dt.timedelta(days=2)),
            completed(monday),
            Session("p", "beginner", "beginner", at(monday + dt.timedelta(days=1)), "partial", "app"),
        ),
        activities=(
            Activity("a1", monday, "swimming", 30),
            Activity("a2", monday + dt.timedelta(days=1), "cycling", 45),
            Activity("a3", monday + dt.timedelta(days=1), "swimming", 20),
            Activity("a4", last - dt.timedelta(days=7), "elliptical", 20),
            Activity("a5", TODAY + dt.timedelta(days=1), "swimming", 99),  # tomorrow: not yet
        ),
    )
    this, before, two_ago, three_ago = weeks_variety(journal, TODAY, 4)
    assert [w.monday for w in (this, before, two_ago, three_ago)] == [
        monday - dt.timedelta(days=7 * n) for n in range(4)
    ]
    assert list(this.minutes_by_kind.items()) == [("swimming", 50), ("cycling", 45)]
    assert (this.rehab_days, this.rehab_sessions, this.days_active) == (1, 1, 2)
    assert this.verdict == "varied"
    assert (before.rehab_days, before.rehab_sessions, before.verdict) == (2, 3, "rehab only")
    assert two_ago.verdict == "elliptical only"
    assert three_ago.verdict == "nothing logged"
    two_kinds = weeks_variety(Journal(activities=journal.activities[:2]), TODAY, 1)[0]
    assert two_kinds.verdict == "varied"  # swimming and cycling, no rehab: still varied


def test_calendar_marks_every_kind_of_day() -> None:
    weeks = calendar_weeks(make_journal(), TODAY, weeks=2)
    assert len(weeks) == 2 and all(len(week) == 7 for week in weeks)
    assert weeks[0][0][0] == dt.date(2026, 11, 16)
    marks = {day: mark for week in weeks for day, mark in week}
    assert marks[dt.date(2026, 11, 20)] == DayMark.DONE
    assert marks[dt.date(2026, 11, 21)] == DayMark.REST
    assert marks[dt.date(2026, 11, 24)] == DayMark.ACTIVE
    assert marks[dt.date(2026, 11, 19)] == DayMark.MISSED
    assert marks[TODAY] == DayMark.OPEN
    assert marks[dt.date(2026, 11, 26)] == DayMark.FUTURE


def test_history_document_follows_schema_2_of_the_contract_exactly() -> None:
    document = history_document(make_journal(), "beginner", TODAY)
    assert list(document) == [
        "schema",
        "phase",
        "day_starts_at",
        "streak",
        "advice",
        "sessions",
        "rest_days",
        "activities",
        "symptom_checks",
        "morning_checks",
        "phase_changes",
    ]
    assert document["schema"] == 2
    assert document["day_starts_at"] == 0
    assert document["streak"] == {"current": 0, "longest": 2}
    assert document["advice"] == {
        "level": "beginner",
        "reason": "Your hip was worse the morning after on 24 Nov: ease off and stay with the "
        "beginner phase. You are cleared for exercise, but not yet for the advanced "
        "phase. Problems have spread: have a professional look at your knees.",
    }
    session = document["sessions"][1]
    assert session == {
        "id": "b",
        "date": "2026-11-23",
        "programme": "beginner",
        "phase": "beginner",
        "started_at": "2026-11-23T07:30:00+01:00",
        "ended_at": "2026-11-23T08:30:00+01:00",
        "status": "completed",
        "source": "app",
        "pain_after": 2,
        "pain_during": 4,
        "played_seconds": None,
        "sets": [
            {"exercise": "side-lying-hip-abduction", "side": "left", "reps": 10, "target": 10},
            {"exercise": "side-lying-hip-abduction", "side": "right", "reps": 4, "target": 10},
        ],
    }
    assert document["sessions"][0]["ended_at"] is None
    assert document["sessions"][0]["pain_during"] is None
    assert document["rest_days"] == [{"id": "r1", "date": "2026-11-21"}, {"id": "r2", "date": "2026-11-22"}]
    assert document["activities"][0] == {"id": "x1", "date": "2026-11-22", "kind": "swimming", "minutes": 30}
    assert document["symptom_checks"] == [
        {
            "id": "k",
            "date": "2026-11-19",
            "at": "2026-11-19T07:30:00+01:00",
            "pain_during_run": 3,
            "pain_after_run": 4,
            "wobbly_gait": True,
            "weight_on_one_hip": False,
            "spread": ["knees"],
            "cleared_for_exercise": True,
            "cleared_for_advanced": False,
            "advice": "beginner",
        }
    ]
    assert document["morning_checks"] == [
        {"id": "m1", "date": "2026-11-24", "compared": "worse", "pain": 5},
        {"id": "m2", "date": "2026-11-25", "compared": "same", "pain": None},
    ]


def test_csv_has_one_row_per_set() -> None:
    rows = csv_rows(make_journal())
    assert CSV_HEADER == (
        "date",
        "session_id",
        "programme",
        "status",
        "source",
        "exercise",
        "side",
        "reps",
        "target",
        "pain_after",
        "pain_during",
    )
    assert rows[1] == (
        "2026-11-23",
        "b",
        "beginner",
        "completed",
        "app",
        "side-lying-hip-abduction",
        "left",
        "10",
        "10",
        "2",
        "4",
    )
    assert len(rows) == 1 + 2 + 1  # a session without sets still gets its row
    assert rows[-1] == ("2026-11-25", "c", "advanced", "partial", "app", "", "", "", "", "", "")
    assert rows[0][-2:] == ("", "")


def test_the_morning_after_a_session_is_the_answer_of_the_next_day() -> None:
    journal = make_journal()
    first, monday, today = journal.sessions
    assert morning_after(journal, monday) == journal.morning_checks[0]
    assert morning_after(journal, first) is None  # nothing answered on the 21st
    assert morning_after(journal, today) is None  # tomorrow has not come yet


def test_days_before_the_first_record_are_blank_not_missed() -> None:
    from glutewake.core.records import Journal, RestDay

    journal = Journal(rest_days=(RestDay("r", dt.date(2026, 11, 18)),))
    marks = {day: mark for week in calendar_weeks(journal, TODAY, weeks=2) for day, mark in week}
    assert marks[dt.date(2026, 11, 17)] == DayMark.BEFORE
    assert marks[dt.date(2026, 11, 18)] == DayMark.REST
    assert marks[dt.date(2026, 11, 19)] == DayMark.MISSED
    empty = {mark for week in calendar_weeks(Journal(), TODAY, weeks=2) for _, mark in week}
    assert empty == {DayMark.BEFORE, DayMark.OPEN, DayMark.FUTURE}
