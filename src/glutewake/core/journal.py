"""The journal's own rules: which month file holds a record and merging journals (what an
import adds is `core/journal_import.py`). Pure: the store reads and writes the files, these
say what goes in them."""

from __future__ import annotations

import datetime as dt

from glutewake.core.days import DEFAULT_DAY_START
from glutewake.core.frozen import field_names, frozen, replace
from glutewake.core.records import (
    RECORD_KINDS,
    Activity,
    Deletion,
    Journal,
    MorningCheck,
    PainEdit,
    RestDay,
    Session,
    SymptomCheck,
)
from glutewake.errors import UserError

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping
    from typing import Any

Month = tuple[int, int]
"""(year, month): one journal file, `journal/YYYY-MM.toml`."""


def month_of(moment: dt.date) -> Month:
    """The (year, month) whose journal file holds a record of this day or moment."""
    return (moment.year, moment.month)


def merge(journals: Iterable[Journal]) -> Journal:
    """Several journals as one, each list sorted oldest first (a repeated id keeps the last),
    with the deletions and edits applied: the newest change of an id wins (a deletion wins
    a tie), a deleted record is left out, an edited session carries its edited pains. The
    day start is the journals' own (the store reads them all with the same one)."""
    day_starts_at = DEFAULT_DAY_START
    sessions: dict[str, Session] = {}
    rest_days: dict[str, RestDay] = {}
    activities: dict[str, Activity] = {}
    checks: dict[str, SymptomCheck] = {}
    mornings: dict[str, MorningCheck] = {}
    deletions: dict[tuple[str, str], Deletion] = {}
    edits: dict[str, PainEdit] = {}
    for journal in journals:
        day_starts_at = journal.day_starts_at
        sessions.update((s.id, s) for s in journal.sessions)
        rest_days.update((r.id, r) for r in journal.rest_days)
        activities.update((a.id, a) for a in journal.activities)
        checks.update((c.id, c) for c in journal.symptom_checks)
        mornings.update((m.id, m) for m in journal.morning_checks)
        for deletion in journal.deletions:
            earlier = deletions.get((deletion.kind, deletion.id))
            if earlier is None or deletion.at > earlier.at:
                deletions[(deletion.kind, deletion.id)] = deletion
        for edit in journal.edits:
            before = edits.get(edit.id)
            if before is None or _edit_order(edit) > _edit_order(before):
                edits[edit.id] = edit
    by_kind: dict[str, dict[str, Any]] = {
        "sessions": sessions,
        "rest_days": rest_days,
        "activities": activities,
        "symptom_checks": checks,
        "morning_checks": mornings,
    }
    for (kind, record_id), deletion in deletions.items():
        later = edits.get(record_id) if kind == "sessions" else None
        if later is not None and later.at > deletion.at:
            continue  # edited after it was deleted (on another machine): the edit is newer
        by_kind[kind].pop(record_id, None)
    for record_id, edit in edits.items():
        session = sessions.get(record_id)
        if session is not None:
            sessions[record_id] = replace(session, pain_after=edit.pain_after, pain_during=edit.pain_during)
    return Journal(
        sessions=tuple(sorted(sessions.values(), key=lambda s: s.started_at)),
        rest_days=tuple(sorted(rest_days.values(), key=lambda r: r.day)),
        activities=tuple(sorted(activities.values(), key=lambda a: a.day)),
        symptom_checks=tuple(sorted(checks.values(), key=lambda c: c.at)),
        morning_checks=tuple(sorted(mornings.values(), key=lambda m: m.day)),
        deletions=tuple(sorted(deletions.values(), key=lambda d: (d.at, d.kind, d.id))),
        edits=tuple(sorted(edits.values(), key=lambda e: (e.at, e.id))),
        day_starts_at=day_starts_at,
    )


def merge_copies(journals: Iterable[Journal]) -> Journal:
    """The files of one month (every device's, the single-file layout's, conflict copies) as
    one journal, in their reading order. A record found in several of them counts once: a
    session keeps its furthest version (completed over partial, then more repetitions, then
    the longer playing time and the later end), so an older copy of a session in progress
    never undoes its later saves; another record keeps the version read last."""
    journals = list(journals)
    furthest: dict[str, Session] = {}
    for journal in journals:
        for session in journal.sessions:
            known = furthest.get(session.id)
            if known is None or _session_order(session) >= _session_order(known):
                furthest[session.id] = session
    return merge([*journals, Journal(sessions=tuple(furthest.values()))])


def _session_order(session: Session) -> tuple[bool, int, float, dt.datetime, bool]:
    return (
        session.status == "completed",
        sum(s.reps for s in session.sets),
        session.played_seconds or 0.0,
        session.ended_at or session.started_at,
        session.pain_after is not None or session.pain_during is not None,
    )


def journal_difference(journal: Journal, known: Journal) -> Journal:
    """The records of `journal` that `known` does not hold as they are (by kind and id, and
    equal content): what a file adds to the others."""

    def new(kind: str) -> tuple[object, ...]:
        have = set(getattr(known, kind))
        return tuple(r for r in getattr(journal, kind) if r not in have)

    return Journal(**{kind: new(kind) for kind in (*RECORD_KINDS, "deletions", "edits")})  # type: ignore[arg-type]


def _edit_order(edit: PainEdit) -> tuple[dt.datetime, int, int]:
    # The newest wins; two edits of the same moment are ordered by what they say, so every
    # machine picks the same one whatever order it read them in.
    after = -1 if edit.pain_after is None else edit.pain_after
    during = -1 if edit.pain_during is None else edit.pain_during
    return (edit.at, after, during)


def deleted(journal: Journal, kind: str, record_id: str) -> bool:
    """Whether `journal` holds a deletion of this record that no newer edit overrides."""
    for deletion in journal.deletions:
        if deletion.kind == kind and deletion.id == record_id:
            edit = next((e for e in journal.edits if e.id == record_id and kind == "sessions"), None)
            return edit is None or edit.at <= deletion.at
    return False


def find_record(journal: Journal, record_id: str) -> list[tuple[str, object]]:
    """Every record of `journal` with this id, as (kind, record): ids are unique per kind."""
    return [
        (kind, record) for kind in RECORD_KINDS for record in getattr(journal, kind) if record.id == record_id
    ]


def record_month(kind: str, record: object) -> Month:
    """The month file that holds a record of `kind` (and so its deletions and edits)."""
    moment = getattr(
        record, "started_at" if kind == "sessions" else "at" if kind == "symptom_checks" else "day"
    )
    return month_of(moment)


def repeated_id(journals: Mapping[Month, Journal]) -> tuple[str, str, Month, Month] | None:
    """The first id that two of `journals` (keyed by their file) both hold in one kind of
    record: (kind, id, first month, second month), or None when every id is in one file only."""
    return next(repeated_ids(journals), None)


def repeated_ids(journals: Mapping[Month, Journal]) -> Iterator[tuple[str, str, Month, Month]]:
    """Every id that two of `journals` both hold in one kind of record, as `repeated_id` gives it."""
    for section in ("sessions", "rest_days", "activities", "symptom_checks", "morning_checks"):
        owner: dict[str, Month] = {}
        for key, journal in journals.items():
            for record in getattr(journal, section):
                earlier = owner.setdefault(record.id, key)
                if earlier != key:
                    yield section, record.id, earlier, key


def months_between(first: dt.date, last: dt.date) -> list[Month]:
    """Every (year, month) from `first`'s to `last`'s, oldest first."""
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


@frozen
class ImportCounts:
    """How many records an import added (zero each when everything was already there)."""

    sessions: int = 0
    rest_days: int = 0
    activities: int = 0
    symptom_checks: int = 0
    morning_checks: int = 0
    deletions: int = 0
    phase_changes: int = 0
    day_starts: int = 0
    acknowledgements: int = 0

    def counts(self) -> tuple[int, ...]:
        """Every count, in the order of the fields."""
        return tuple(getattr(self, name) for name in field_names(ImportCounts))

    @property
    def total(self) -> int:
        return sum(self.counts())


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


class ImportConflict(UserError):
    """An imported record whose id is already here with other content."""

    def __init__(self, kind: str, record_id: str, remedy: str | None = None) -> None:
        self.kind = kind
        self.record_id = record_id
        remedy = remedy or f"delete it here with `glutewake delete {record_id}` to take the imported one"
        super().__init__(
            f"the {kind} {record_id} is already here with other content; nothing was imported ({remedy})"
        )


def add_counts(a: ImportCounts, b: ImportCounts) -> ImportCounts:
    """Two imports' counts added up."""
    return ImportCounts(*(x + y for x, y in zip(a.counts(), b.counts(), strict=True)))
