"""`day_starts_at`: the one rule of which day a moment counts for, and every reader of days
that uses it (streaks, calendar, today done, the morning question, advice, history --json,
the report, the summary cache)."""

from __future__ import annotations

import datetime as dt
import marshal
import os
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from glutewake.core.advice import standing_advice
from glutewake.core.days import LATEST_DAY_START, day_of, day_start
from glutewake.core.frozen import replace
from glutewake.core.history import DayMark, calendar_weeks, csv_rows, history_document, summarise
from glutewake.core.morning import question_due
from glutewake.core.records import Journal, MorningCheck, Session, SymptomCheck
from glutewake.core.report import build_report
from glutewake.core.settings import RANGES, SettingOutOfRange, Settings, parse_setting
from glutewake.core.streaks import Streak, streak_of
from glutewake.store import Store
from glutewake.store.summary import journal_days, months_for_today, scan_journal

BERLIN = ZoneInfo("Europe/Berlin")
TZ = dt.timezone(dt.timedelta(hours=1))


def at(day: dt.date, hour: int, minute: int = 0, tz: dt.tzinfo = TZ) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tz)


def session(moment: dt.datetime, status: str = "completed", **pains: int) -> Session:
    return Session(f"s{moment.isoformat()}", "beginner", "beginner", moment, status, "app", **pains)


def check(moment: dt.datetime) -> SymptomCheck:
    return SymptomCheck(f"c{moment.isoformat()}", moment, 2, 2, False, False, (), True, False, "beginner")


# -- the rule ------------------------------------------------------------------------------

MON = dt.date(2026, 11, 23)
TUE = MON + dt.timedelta(days=1)
SUN = MON - dt.timedelta(days=1)


def test_before_the_day_start_is_the_day_before() -> None:
    assert day_of(at(TUE, 0, 30), 4) == MON
    assert day_of(at(TUE, 3, 59), 4) == MON


def test_from_the_day_start_on_it_is_the_same_day() -> None:
    assert day_of(at(TUE, 4, 0), 4) == TUE
    assert day_of(at(TUE, 23, 59), 4) == TUE


def test_midnight_start_is_the_calendar_day() -> None:
    assert day_of(at(TUE, 0, 0), 0) == TUE
    assert day_of(at(MON, 23, 59), 0) == MON
    assert day_of(at(TUE, 0, 30), 0) == TUE


def test_a_naive_wall_clock_moment_follows_the_same_rule() -> None:
    assert day_of(dt.datetime(2026, 11, 24, 1, 0), 4) == MON
    assert day_of(dt.datetime(2026, 11, 24, 6, 0), 6) == TUE


def test_the_limits_are_named_once_and_are_the_settings_range() -> None:
    assert (RANGES["day_starts_at"].low, RANGES["day_starts_at"].high) == (0, LATEST_DAY_START) == (0, 6)
    assert Settings().day_starts_at == 0
    assert parse_setting("day_starts_at", "4") == 4
    for bad in ("7", "-1", "2.5", "four"):
        with pytest.raises(SettingOutOfRange):
            parse_setting("day_starts_at", bad)
    with pytest.raises(SettingOutOfRange, match="whole number"):
        Settings(day_starts_at=2.5)


# Europe/Berlin: clocks go 02:00 -> 03:00 on 29 March 2026, 03:00 -> 02:00 on 25 October 2026.
SPRING = dt.date(2026, 3, 29)
AUTUMN = dt.date(2026, 10, 25)


def test_the_spring_change_moves_the_clock_not_the_day_start() -> None:
    before = dt.datetime(2026, 3, 29, 1, 59, tzinfo=BERLIN)
    after = (before.astimezone(dt.UTC) + dt.timedelta(minutes=1)).astimezone(BERLIN)
    assert after.strftime("%H:%M %z") == "03:00 +0200"  # one real minute later
    assert day_of(before, 3) == SPRING - dt.timedelta(days=1)
    assert day_of(after, 3) == SPRING
    assert day_of(before, 2) == SPRING - dt.timedelta(days=1)  # 02:xx never happens that night
    assert day_of(after, 2) == SPRING


def test_the_autumn_change_counts_both_02_30s_for_the_day_before_with_3() -> None:
    first = dt.datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN, fold=0)
    second = dt.datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN, fold=1)
    assert first.utcoffset() != second.utcoffset()
    for moment in (first, second):
        assert day_of(moment, 3) == AUTUMN - dt.timedelta(days=1)
        assert day_of(moment, 2) == AUTUMN
    # As stored (ISO with its offset) and read back, the day does not change.
    for moment in (first, second):
        assert day_of(dt.datetime.fromisoformat(moment.isoformat()), 3) == AUTUMN - dt.timedelta(days=1)


def test_a_day_start_is_wall_clock_so_the_changeover_days_are_23_and_25_hours(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        # The day that holds the night of the change runs from 04:00 to 04:00 by the clock.
        for night, hours in ((SPRING, 23), (AUTUMN, 25), (MON, 24)):
            day = night - dt.timedelta(days=1)
            length = day_start(night, 4).timestamp() - day_start(day, 4).timestamp()
            assert length == hours * 3600
            assert day_start(day, 4).hour == 4 == day_start(night, 4).hour
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


# -- streaks, calendar, today done ----------------------------------------------------------


def test_a_streak_that_crosses_midnight() -> None:
    # Late sessions: Sunday 23:30, then Monday's at 00:40 on Tuesday, then Tuesday's at 01:10
    # on Wednesday. With days starting at 4 that is three days in a row; at midnight, Monday
    # has nothing and Tuesday two.
    wed = TUE + dt.timedelta(days=1)
    sessions = (session(at(SUN, 23, 30)), session(at(TUE, 0, 40)), session(at(wed, 1, 10)))
    late = Journal(sessions=sessions, day_starts_at=4)
    assert streak_of(late, TUE) == Streak(3, 3)
    midnight = replace(late, day_starts_at=0)
    assert streak_of(midnight, wed) == Streak(2, 2)


def test_today_done_at_one_in_the_morning() -> None:
    # At 01:00 on Tuesday with days starting at 4 it is still Monday, and Monday's session
    # (at 23:00) makes it done; at midnight Tuesday has just begun and is open.
    now = at(TUE, 1, 0)
    journal = Journal(sessions=(session(at(MON, 23, 0)),), day_starts_at=4)
    today = journal.day_of(now)
    assert today == MON and summarise(journal, today).today_done
    midnight = replace(journal, day_starts_at=0)
    assert not summarise(midnight, midnight.day_of(now)).today_done


def test_the_calendar_marks_the_day_a_session_counts_for() -> None:
    journal = Journal(sessions=(session(at(TUE, 2, 0)),), day_starts_at=4)
    marks = dict(day for week in calendar_weeks(journal, TUE, 1) for day in week)
    assert marks[MON] == DayMark.DONE and marks[TUE] == DayMark.OPEN
    marks = dict(day for week in calendar_weeks(replace(journal, day_starts_at=0), TUE, 1) for day in week)
    assert marks[TUE] == DayMark.DONE


# -- the morning-after question -------------------------------------------------------------


def test_last_nights_session_is_the_one_of_the_day_before_by_the_day_start() -> None:
    wed = TUE + dt.timedelta(days=1)
    after_midnight = Journal(sessions=(session(at(TUE, 0, 30)),), day_starts_at=4)
    # Tuesday morning at 07:00: the 00:30 session was last night's (Monday's).
    assert question_due(after_midnight, after_midnight.day_of(at(TUE, 7)), None)
    # At midnight it would be today's, and nothing is asked.
    midnight = replace(after_midnight, day_starts_at=0)
    assert not question_due(midnight, midnight.day_of(at(TUE, 7)), None)
    # A session at 23:30 and a start at 02:00: still the same day, nothing to ask yet.
    evening = Journal(sessions=(session(at(TUE, 23, 30)),), day_starts_at=4)
    assert not question_due(evening, evening.day_of(at(wed, 2)), None)
    assert question_due(evening, evening.day_of(at(wed, 4)), None)


# -- advice, history --json, CSV, the report ----------------------------------------------------


def test_the_advice_names_the_day_a_painful_session_counts_for() -> None:
    journal = Journal(sessions=(session(at(TUE, 0, 30), pain_after=8),), day_starts_at=4)
    advice = standing_advice(journal, MON)
    assert advice.level == "rest"
    assert advice.facts[0].days == (MON,)
    assert standing_advice(replace(journal, day_starts_at=0), TUE).facts[0].days == (TUE,)


def test_history_json_and_csv_give_every_record_the_day_it_counts_for() -> None:
    journal = Journal(
        sessions=(session(at(TUE, 0, 30)),),
        symptom_checks=(check(at(TUE, 3, 0)),),
        day_starts_at=4,
    )
    document = history_document(journal, "beginner", MON)
    assert document["day_starts_at"] == 4
    assert document["sessions"][0]["date"] == "2026-11-23"
    assert document["sessions"][0]["started_at"] == "2026-11-24T00:30:00+01:00"
    assert document["symptom_checks"][0]["date"] == "2026-11-23"
    assert document["streak"] == {"current": 1, "longest": 1}
    assert csv_rows(journal)[0][0] == "2026-11-23"
    midnight = history_document(replace(journal, day_starts_at=0), "beginner", TUE)
    assert midnight["sessions"][0]["date"] == "2026-11-24"


def test_the_report_counts_a_late_session_for_the_day_before() -> None:
    journal = Journal(sessions=(session(at(TUE, 0, 30)),), day_starts_at=4)
    week = build_report(journal, "beginner", TUE, weeks=1).weeks[0]
    assert (week.done, week.days) == (1, 1)  # Monday done (Tuesday still open is not counted)
    week = build_report(replace(journal, day_starts_at=0), "beginner", TUE, weeks=1).weeks[0]
    assert (week.done, week.days) == (1, 1)  # Tuesday done, and counted as it is done


def test_the_report_dates_a_check_by_the_day_it_counts_for() -> None:
    journal = Journal(symptom_checks=(check(at(TUE, 1, 0)),), day_starts_at=4)
    assert [row.day for row in build_report(journal, "beginner", TUE, weeks=1).checks] == [MON]


# -- the store and the summary cache --------------------------------------------------------------


def settled(store: Store) -> None:
    an_hour_ago = time.time() - 3600
    for path in store.journal_dir.glob("*.toml"):
        os.utime(path, (an_hour_ago, an_hour_ago))


def test_the_store_reads_days_with_the_setting(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    store.save_session(session(at(TUE, 0, 30)))
    assert store.read_journal().day_starts_at == 0
    store.update_profile(lambda p: replace(p, settings=p.settings.with_changes(day_starts_at=4)))
    assert store.day_starts_at() == 4
    for journal in (store.read_journal(), store.read_month((2026, 11)), store.read_months([(2026, 11)])):
        assert journal.day_starts_at == 4
        assert journal.session_day(journal.sessions[0]) == MON


def test_a_damaged_settings_file_gives_the_default_day_start(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    store.data_dir.mkdir()
    store.settings_path.write_text("schema = 3\n[settings]\nday_starts_at = 9\n")
    assert store.day_starts_at() == 0


def test_the_summary_cache_counts_again_when_the_day_start_changes(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    store.save_session(session(at(TUE, 0, 30)))
    settled(store)
    first = scan_journal(store)
    assert first.days.done == {TUE}
    cache = store.data_dir / "cache" / "days.marshal"
    assert marshal.loads(cache.read_bytes())[3] == 0
    store.update_profile(lambda p: replace(p, settings=p.settings.with_changes(day_starts_at=4)))
    assert journal_days(store).done == {MON}  # from the cache file, counted again
    assert marshal.loads(cache.read_bytes())[3] == 4
    again = scan_journal(store, first)  # and from a scan this process kept
    assert again.days.done == {MON} and again.days.basis.day_starts_at == 4


def test_todays_months_include_the_next_days_file(tmp_path: Path) -> None:
    # At 01:00 on 1 December with 4 it is still 30 November, whose late sessions are in
    # December's file.
    store = Store(tmp_path / "data")
    scan = scan_journal(store)
    assert (2026, 12) in months_for_today(scan, dt.date(2026, 11, 30))
    assert months_for_today(scan, dt.date(2026, 11, 15)) == [(2026, 11)]


def test_a_morning_answer_after_midnight_counts_for_the_day_before_too() -> None:
    # The app dates the answer by the day start: at 03:00 with 4 it is still the day before.
    journal = Journal(
        sessions=(session(at(SUN, 18)),),
        morning_checks=(MorningCheck("m", MON, "same"),),
        day_starts_at=4,
    )
    assert not question_due(journal, journal.day_of(at(TUE, 3)), None)  # Monday: answered
    assert not question_due(journal, journal.day_of(at(TUE, 5)), None)  # Tuesday: no Monday session


def test_the_timeline_dates_each_entry_by_the_day_it_counts_for() -> None:
    from glutewake.app.views.journal import entries_newest_first

    journal = Journal(
        sessions=(session(at(TUE, 0, 30)),),
        symptom_checks=(check(at(TUE, 2, 0)),),
        morning_checks=(MorningCheck("m", TUE, "better"),),
        day_starts_at=4,
    )
    dated = {entry.kind: (entry.day, str(entry.cells[0])) for entry in entries_newest_first(journal)}
    assert dated["session"] == (MON, "2026-11-23") and dated["check"] == (MON, "2026-11-23")
    session_row = next(e for e in entries_newest_first(journal) if e.kind == "session")
    assert str(session_row.cells[-1]) == "better"  # Tuesday's answer is the morning after it
    midnight = {e.kind: e.day for e in entries_newest_first(replace(journal, day_starts_at=0))}
    assert midnight["session"] == TUE


def test_a_rest_day_is_refused_on_a_day_a_late_session_counts_for(tmp_path: Path) -> None:
    # 00:30 on 1 December, with days starting at 4, is 30 November's session: that day is a
    # training day (the session sits in December's file), and 1 December is still free.
    from glutewake.errors import UserError

    store = Store(tmp_path / "data")
    store.save_session(session(at(dt.date(2026, 12, 1), 0, 30)))
    set_at_4 = replace(store.read_profile(), settings=Settings(day_starts_at=4))
    store.update_profile(lambda p: set_at_4)
    with pytest.raises(UserError, match="2026-11-30 already holds a completed session"):
        store.add_rest_day(dt.date(2026, 11, 30))
    assert store.add_rest_day(dt.date(2026, 12, 1)).day == dt.date(2026, 12, 1)
    store.update_profile(lambda p: replace(p, settings=Settings()))
    assert store.add_rest_day(dt.date(2026, 11, 30)).day == dt.date(2026, 11, 30)
