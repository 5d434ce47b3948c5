"""Reading the journal for the history screen: the recent months at once, every month from
a worker thread (stopping when asked), the streak from the store's summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from glutewake.core.journal import merge, months_between
from glutewake.core.records import Journal
from glutewake.core.streaks import Streak, compute_streak
from glutewake.store import Store
from glutewake.store.errors import StoreError


def read_recent(store: Store, first: dt.date, last: dt.date) -> Journal:
    """The records of the months from `first` to `last`; a month that cannot be read is left
    out (the read-only banner on home names it)."""
    journals = []
    for month in months_between(first, last):
        try:
            journals.append(store.read_month(month))
        except StoreError:
            continue
    return merge(journals)


def read_everything(store: Store, stop: Callable[[], bool] = lambda: False) -> Journal | None:
    """Every month that can be read, merged; None as soon as `stop()` says the screen has
    gone (so a thread left behind by a closed screen stops between two months)."""
    journals = []
    try:
        months = store.months()
    except StoreError:
        return Journal()
    for month in months:
        if stop():
            return None
        try:
            journals.append(store.read_month(month))
        except StoreError:
            continue
    return merge(journals)


def read_streak(store: Store, today: dt.date) -> Streak | None:
    """The streak from the store's per-month summary (cheap once cached), or None when a
    month cannot be read."""
    from glutewake.store.summary import journal_days

    try:
        days = journal_days(store)
    except StoreError:
        return None
    return compute_streak(days.done, days.rest, today)
