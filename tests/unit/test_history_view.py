"""The history screen's words: its pain trends come from the core, and each session row
carries the morning-after answer that follows it."""

from __future__ import annotations

import datetime as dt

from glutewake.app.views.history import PainSeries, mornings_after, pain_series, session_cells
from glutewake.core.records import Journal, MorningCheck, Session, SetRecord, SymptomCheck

TZ = dt.timezone(dt.timedelta(hours=1))


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
    assert str(session_cells(session, mornings.get(session.day))[-1]) == "worse 6"
    assert str(session_cells(session)[-1]) == "–"
    assert mornings[dt.date(2026, 11, 22)].compared == "better"


def test_reps_count_every_set_so_eight_columns_fit_80_columns() -> None:
    started = dt.datetime(2026, 11, 23, 7, 30, tzinfo=TZ)
    sets = (
        SetRecord("side-lying-hip-abduction", "left", 10, 10),
        SetRecord("side-lying-hip-abduction", "right", 4, 10),
        SetRecord("kneeling-hip-flexor-stretch", "left", 1, 1),
    )
    session = Session("s", "beginner", "beginner", started, "partial", "app", sets)
    cells = [str(cell) for cell in session_cells(session)]
    assert cells[4:6] == ["14/20", "1/1"]
