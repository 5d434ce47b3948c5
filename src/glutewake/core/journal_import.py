"""What an import adds to the journal, and what it refuses. Pure: the store reads every month
and writes what `plan_import` says, after `refuse_conflicts` found nothing to refuse.

An export carries the records as they are now (a session with its edited pains, none of
the edits themselves) and `deleted`, the deletions without the records they removed. So
a deletion is kept even when its record is not here (it may come later, from an older
backup), and a record here that is a later state of the imported one is no conflict."""

from __future__ import annotations

import datetime as dt

from glutewake.core.frozen import replace
from glutewake.core.journal import (
    ImportConflict,
    ImportCounts,
    Month,
    add_counts,
    find_record,
    journal_difference,
    merge,
    month_of,
    months_of,
    only_month,
    record_month,
)
from glutewake.core.records import RECORD_KINDS, Deletion, Journal, Session

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

_KINDS = (
    ("sessions", "session"),
    ("rest_days", "rest day"),
    ("activities", "activity"),
    ("symptom_checks", "symptom check"),
    ("morning_checks", "morning-after answer"),
)


def plan_import(
    current: Mapping[Month, Journal], incoming: Journal
) -> tuple[dict[Month, Journal], ImportCounts]:
    """What each month's file gains from `incoming`, and the counts: `current` is every month
    here, each as its files read together (deletions and edits applied within the month).

    A record that a deletion removes, here (in any month) or in `incoming`, is not added:
    a deletion moved here by an earlier import may sit in another month than the record.
    Months that gain nothing are left out, so importing the same records twice writes nothing."""
    everything = merge(current.values())
    gone = {(d.kind, d.id) for d in (*everything.deletions, *incoming.deletions)}
    kept: dict[str, Any] = {
        kind: tuple(r for r in getattr(incoming, kind) if (kind, r.id) not in gone) for kind in RECORD_KINDS
    }
    records = Journal(**kept)
    removals: dict[Month, list[Deletion]] = {}
    for month, deletion in deletions_to_add(everything, incoming):
        removals.setdefault(month, []).append(deletion)
    plan: dict[Month, Journal] = {}
    counts = ImportCounts()
    for month in sorted(months_of(records) | set(removals)):
        here = current.get(month, Journal())
        result, added = merge_new(here, only_month(records, month))
        new = journal_difference(result, here)
        gone_here = removals.get(month, [])
        if gone_here:
            new = replace(new, deletions=tuple(gone_here))
            added = replace(added, deletions=len(gone_here))
        if added.total:
            plan[month] = new
            counts = add_counts(counts, added)
    return plan, counts


def deletions_to_add(current: Journal, incoming: Journal) -> list[tuple[Month, Deletion]]:
    """The deletions of `incoming` that say something `current` (every month here) does not,
    each with the month file it belongs in.

    One is left out when `current` holds a deletion of the same record at the same time or
    later, or (a session) an edit newer than it: either way it would change nothing. Its
    month is that of the record it removes, found here or else in `incoming`; when neither
    has the record (it was deleted where the export was made) the month of the deletion's
    own time, where `plan_import` still finds it should the record come in later."""
    newest: dict[tuple[str, str], Deletion] = {}
    for deletion in incoming.deletions:
        key = (deletion.kind, deletion.id)
        if key not in newest or deletion.at > newest[key].at:
            newest[key] = deletion
    found = []
    for (kind, record_id), deletion in newest.items():
        if any(d.kind == kind and d.id == record_id and d.at >= deletion.at for d in current.deletions):
            continue
        if kind == "sessions" and any(e.id == record_id and e.at > deletion.at for e in current.edits):
            continue
        records = [
            r for k, r in (*find_record(current, record_id), *find_record(incoming, record_id)) if k == kind
        ]
        found.append((record_month(kind, records[0]) if records else month_of(deletion.at), deletion))
    return found


def refuse_conflicts(current: Journal, incoming: Journal) -> None:
    """ImportConflict for the first record of `incoming` whose id `current` holds, in the
    same kind, with other content; records equal to ours are fine (importing twice), and so
    is a session of which ours is a later state (`later_state`)."""
    edited = {edit.id for edit in current.edits}
    for section, kind in _KINDS:
        ours = {record.id: record for record in getattr(current, section)}
        for record in getattr(incoming, section):
            here = ours.get(record.id)
            if here is None or _told(here, record) == record:
                continue
            if isinstance(here, Session) and later_state(here, record, edited=here.id in edited):
                continue
            raise ImportConflict(kind, record.id)


def later_state(here: Session, imported: Session, *, edited: bool) -> bool:
    """Whether the session `here` is `imported` as it went on after that copy was made, so
    an older backup of it is no conflict (and adds nothing: ours, the newer, stays).

    What never changes once a session starts must be equal: the programme, phase, start,
    source and the sets (each exercise, side and target, in order). What only moves one way
    may have moved on here, and only from a `partial` copy (a completed session never goes
    on): each set's reps grew (they are never lowered), `partial` became `completed`, the
    end and the playing time came later, the highest pain during it rose. "Pain now" may
    differ only if the session went on (it is asked again at its new end). The pains may
    differ in any way when a pain edit of the session is here (`edited`): an export carries
    the edited pains, never the edit, so a backup made before an edit tells the pains from
    before it. Anything else is a true conflict."""
    if _frame(here) != _frame(imported):
        return False
    went_on = (
        imported.status != here.status or imported.sets != here.sets or imported.ended_at != here.ended_at
    )
    if went_on and imported.status != "partial":
        return False  # a completed session never goes on
    if any(old.reps > new.reps for old, new in zip(imported.sets, here.sets, strict=True)):
        return False
    if not _not_later(imported.ended_at, here.ended_at) or not _not_later(
        imported.played_seconds, here.played_seconds
    ):
        return False
    if edited:
        return True
    if imported.pain_after not in (None, here.pain_after) and not went_on:
        return False
    return _not_later(imported.pain_during, here.pain_during)


def _frame(session: Session) -> tuple[object, ...]:
    """What a session keeps from its start: programme, phase, start, source, its sets' shape."""
    shape = tuple((s.exercise, s.side, s.target) for s in session.sets)
    return (session.programme, session.phase, session.started_at, session.source, shape)


def _not_later(old: Any, new: Any) -> bool:
    """Whether a value that only grows (or is set once) could have become `new` from `old`."""
    return old is None or (new is not None and old <= new)


def _told(here: Any, imported: Any) -> Any:
    """Our record as an export tells it. An export from before 2.3 does not carry a session's
    playing time (`played_seconds`), so a session imported without one is the same one; and
    one restored here from such an export has none, so a later export's is no conflict (ours
    stays as it is)."""
    if isinstance(here, Session) and None in (imported.played_seconds, here.played_seconds):
        return replace(here, played_seconds=imported.played_seconds)
    return here


def with_added(journal: Journal, more: Journal) -> Journal:
    """`journal` (one file's records) with every record of `more` added; a deletion of
    `more` replaces one of the same record in the file (a file holds one per record)."""
    replaced = {(d.kind, d.id) for d in more.deletions}
    kept = tuple(d for d in journal.deletions if (d.kind, d.id) not in replaced)
    added = {kind: (*getattr(journal, kind), *getattr(more, kind)) for kind in (*RECORD_KINDS, "edits")}
    return replace(journal, deletions=(*kept, *more.deletions), **added)


def merge_new(current: Journal, incoming: Journal) -> tuple[Journal, ImportCounts]:
    """The records of `incoming` that `current` lacks: a record whose id is already here is
    skipped, and so is one equal in what it says (an export of schema 1 carried no ids for
    rest days, activities and checks; a day holds one rest day and one morning answer)."""
    gone = {(d.kind, d.id) for d in current.deletions}
    kept: dict[str, Any] = {
        kind: tuple(r for r in getattr(incoming, kind) if (kind, r.id) not in gone) for kind in RECORD_KINDS
    }
    incoming = Journal(**kept)  # a record deleted here stays deleted
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
    result = replace(
        current,
        sessions=(*current.sessions, *sessions),
        rest_days=(*current.rest_days, *rest_days),
        activities=(*current.activities, *activities),
        symptom_checks=(*current.symptom_checks, *checks),
        morning_checks=(*current.morning_checks, *mornings),
    )
    return result, ImportCounts(len(sessions), len(rest_days), len(activities), len(checks), len(mornings))
