"""The journal's own rules: which month file holds a record, merging journals, and what an
import adds. Pure: the store reads and writes the files, these say what goes in them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from glutewake.core.records import Activity, Journal, MorningCheck, RestDay, Session, SymptomCheck

Month = tuple[int, int]
"""(year, month): one journal file, `journal/YYYY-MM.toml`."""


def month_of(moment: dt.date) -> Month:
    """The (year, month) whose journal file holds a record of this day or moment."""
    return (moment.year, moment.month)


def merge(journals: Iterable[Journal]) -> Journal:
    """Several journals as one, each list sorted oldest first (a repeated id keeps the last)."""
    sessions: dict[str, Session] = {}
    rest_days: dict[str, RestDay] = {}
    activities: dict[str, Activity] = {}
    checks: dict[str, SymptomCheck] = {}
    mornings: dict[str, MorningCheck] = {}
    for journal in journals:
        sessions.update((s.id, s) for s in journal.sessions)
        rest_days.update((r.id, r) for r in journal.rest_days)
        activities.update((a.id, a) for a in journal.activities)
        checks.update((c.id, c) for c in journal.symptom_checks)
        mornings.update((m.id, m) for m in journal.morning_checks)
    return Journal(
        sessions=tuple(sorted(sessions.values(), key=lambda s: s.started_at)),
        rest_days=tuple(sorted(rest_days.values(), key=lambda r: r.day)),
        activities=tuple(sorted(activities.values(), key=lambda a: a.day)),
        symptom_checks=tuple(sorted(checks.values(), key=lambda c: c.at)),
        morning_checks=tuple(sorted(mornings.values(), key=lambda m: m.day)),
    )


def months_between(first: dt.date, last: dt.date) -> list[Month]:
    """Every (year, month) from `first`'s to `last`'s, oldest first."""
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


class ImportCounts(NamedTuple):
    """How many records an import added (zero each when everything was already there)."""

    sessions: int = 0
    rest_days: int = 0
    activities: int = 0
    symptom_checks: int = 0
    morning_checks: int = 0

    @property
    def total(self) -> int:
        return sum(self)


def months_of(journal: Journal) -> set[Month]:
    """The months holding at least one of `journal`'s records."""
    return (
        {month_of(s.started_at) for s in journal.sessions}
        | {month_of(r.day) for r in journal.rest_days}
        | {month_of(a.day) for a in journal.activities}
        | {month_of(c.at) for c in journal.symptom_checks}
        | {month_of(m.day) for m in journal.morning_checks}
    )


def only_month(journal: Journal, month: Month) -> Journal:
    """The records of `journal` that belong in `month`'s file."""
    return Journal(
        sessions=tuple(s for s in journal.sessions if month_of(s.started_at) == month),
        rest_days=tuple(r for r in journal.rest_days if month_of(r.day) == month),
        activities=tuple(a for a in journal.activities if month_of(a.day) == month),
        symptom_checks=tuple(c for c in journal.symptom_checks if month_of(c.at) == month),
        morning_checks=tuple(m for m in journal.morning_checks if month_of(m.day) == month),
    )


def merge_new(current: Journal, incoming: Journal) -> tuple[Journal, ImportCounts]:
    """The records of `incoming` that `current` lacks: a record whose id is already here is
    skipped, and so is one equal in what it says (an export of schema 1 carried no ids for
    rest days, activities and checks; a day holds one rest day and one morning answer)."""
    session_ids = {s.id for s in current.sessions}
    sessions = [s for s in incoming.sessions if s.id not in session_ids]
    rest_seen = {r.day for r in current.rest_days} | {r.id for r in current.rest_days}
    rest_days = []
    for rest in incoming.rest_days:
        if rest.day not in rest_seen and rest.id not in rest_seen:
            rest_seen |= {rest.day, rest.id}
            rest_days.append(rest)
    # Add only as many equal activities as are missing.
    activity_ids = {a.id for a in current.activities}
    have: dict[tuple[dt.date, str, int], int] = {}
    for a in current.activities:
        have[(a.day, a.kind, a.minutes)] = have.get((a.day, a.kind, a.minutes), 0) + 1
    activities = []
    for a in incoming.activities:
        key = (a.day, a.kind, a.minutes)
        if a.id in activity_ids:
            continue
        if have.get(key, 0) > 0:
            have[key] -= 1
        else:
            activities.append(a)
    check_seen = {c.at for c in current.symptom_checks} | {c.id for c in current.symptom_checks}
    checks = [c for c in incoming.symptom_checks if c.at not in check_seen and c.id not in check_seen]
    morning_seen = {m.day for m in current.morning_checks} | {m.id for m in current.morning_checks}
    mornings = []
    for morning in incoming.morning_checks:
        if morning.day not in morning_seen and morning.id not in morning_seen:
            morning_seen |= {morning.day, morning.id}
            mornings.append(morning)
    result = Journal(
        sessions=(*current.sessions, *sessions),
        rest_days=(*current.rest_days, *rest_days),
        activities=(*current.activities, *activities),
        symptom_checks=(*current.symptom_checks, *checks),
        morning_checks=(*current.morning_checks, *mornings),
    )
    return result, ImportCounts(len(sessions), len(rest_days), len(activities), len(checks), len(mornings))


def add_counts(a: ImportCounts, b: ImportCounts) -> ImportCounts:
    """Two imports' counts added up."""
    return ImportCounts(*(x + y for x, y in zip(a, b, strict=True)))
