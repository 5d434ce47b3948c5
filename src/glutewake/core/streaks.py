"""The streak rule of DESIGN.md, on plain sets of days.

A day is done when it holds a completed session. A rest day neither breaks nor extends a
run. The current streak counts the done days of the unbroken run ending today, or yesterday
while today is still open; the longest is the best such run ever. Any other day breaks a run.
"""

from __future__ import annotations

import datetime as dt

from glutewake.core.frozen import frozen
from glutewake.core.records import Journal

ONE_DAY = dt.timedelta(days=1)


@frozen
class Streak:
    """Done days in the current run and in the best run ever."""

    current: int
    longest: int


def compute_streak(done_days: set[dt.date], rest_days: set[dt.date], today: dt.date) -> Streak:
    """The current and longest streak as of `today` (days after today are ignored)."""
    done = {day for day in done_days if day <= today}
    kept = done | rest_days  # a rest day adds nothing, so one after today changes no count
    current = 0
    day = today if today in kept else today - ONE_DAY  # an open today breaks nothing yet
    while day in kept:
        current += day in done
        day -= ONE_DAY
    longest = run = 0
    previous: dt.date | None = None
    for day in sorted(kept):
        if previous is not None and day - previous != ONE_DAY:
            run = 0
        run += day in done
        longest = max(longest, run)
        previous = day
    return Streak(current=current, longest=max(longest, current))


def done_days(journal: Journal) -> set[dt.date]:
    """Days (starting at the journal's day start) holding at least one completed session
    (from the app or logged)."""
    return {journal.session_day(s) for s in journal.sessions if s.status == "completed"}


def rest_days(journal: Journal) -> set[dt.date]:
    """Days the user marked as rest."""
    return {r.day for r in journal.rest_days}


def streak_of(journal: Journal, today: dt.date) -> Streak:
    """The streak the journal's records give as of `today`."""
    return compute_streak(done_days(journal), rest_days(journal), today)
