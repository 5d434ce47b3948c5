"""Which day a moment counts for: the one rule behind streaks, the calendar, "today done",
the morning-after question, the report and every record's day.

A day starts at the hour `day_starts_at` (0-6) of the local wall clock: with 4, a session at
00:30 counts for the day before, one at 04:00 for its own calendar day. The hour is read
from the moment's own wall clock (its stored offset), so a daylight-saving change, which
moves the clock and not the hour a person calls "4 in the morning", changes nothing.
"""

from __future__ import annotations

import datetime as dt

DEFAULT_DAY_START = 0
EARLIEST_DAY_START = 0
LATEST_DAY_START = 6
"""The latest hour a day may start at: later, a morning session would count for the day before."""

ONE_DAY = dt.timedelta(days=1)


def day_of(moment: dt.datetime, day_starts_at: int) -> dt.date:
    """The day `moment` (local wall-clock time, aware or naive) counts for when days start at
    `day_starts_at` o'clock: its calendar day, or the one before when it is earlier than that hour."""
    day = moment.date()
    return day - ONE_DAY if moment.hour < day_starts_at else day


def day_start(day: dt.date, day_starts_at: int) -> dt.datetime:
    """The naive local wall-clock moment at which `day` begins."""
    return dt.datetime.combine(day, dt.time(day_starts_at))
