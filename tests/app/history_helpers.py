"""Helpers for the history tests: a two-week journal, opening history and waiting for it."""

from __future__ import annotations

import datetime as dt

from glutewake.app.screens.history import HistoryScreen
from glutewake.app.widgets.calendar import CELL, StreakCalendar
from glutewake.store import Store
from tests.app.helpers import TODAY, session, symptom_check

DAY = dt.timedelta(days=1)


def day(offset: int) -> dt.date:
    """`offset` days before today (Wednesday 25 November 2026)."""
    return TODAY - offset * DAY


def write_history(store: Store) -> None:
    """Two weeks with every kind of day, written through the store."""
    store.save_session(session(day(9), pain_after=4))  # Mon 16: done
    store.save_session(session(day(8), pain_after=4))  # Tue 17: done
    # Wed 18: missed
    store.add_activity(day(6), "cycling", 45)  # Thu 19: another activity only
    store.save_session(session(day(5), "partial"))  # Fri 20: partial only
    store.save_session(session(day(4), pain_after=3))  # Sat 21: done
    store.add_rest_day(day(3))  # Sun 22: rest
    store.save_session(session(day(2), pain_after=2))  # Mon 23: done
    store.save_session(session(day(1), pain_after=1))  # Tue 24: done
    store.add_activity(day(1), "swimming", 30)  #         and a swim
    store.add_symptom_check(symptom_check("beginner", during=6, after=7, day=day(14)))
    store.add_symptom_check(symptom_check("beginner", during=4, after=5, day=day(5)))


async def open_history(pilot) -> HistoryScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("h")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, HistoryScreen)
    return screen


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Let the background read finish and every row land on screen."""
    await pilot.pause()
    for _ in range(500):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = pilot.app.screen
        if not (isinstance(screen, HistoryScreen) and screen.reading_older):
            return
    raise AssertionError("the history screen never finished reading")


def glyph(calendar: StreakCalendar, shown: dt.date) -> str:
    """The characters the calendar draws for `shown` (glyph with its brackets or spaces)."""
    lines = calendar.render().plain.splitlines()
    column = next(i for i, week in enumerate(calendar.weeks) if week[0][0] <= shown <= week[6][0])
    start = 4 + CELL * column
    return lines[1 + shown.weekday()][start : start + CELL]
