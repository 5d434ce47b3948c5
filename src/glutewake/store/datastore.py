"""The Store: the user's data folder, read and written only through here."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from glutewake.core.days import DEFAULT_DAY_START
from glutewake.core.frozen import frozen, replace
from glutewake.core.journal import (
    ImportCounts,
    Month,
    add_counts,
    deletions_to_add,
    find_record,
    merge,
    merge_new,
    month_of,
    months_of,
    only_month,
    record_month,
    refuse_conflicts,
    repeated_id,
)
from glutewake.core.records import (
    KIND_WORDS,
    MAX_ACTIVITY_MINUTES,
    Activity,
    Deletion,
    Journal,
    MorningCheck,
    PainEdit,
    RestDay,
    Session,
    SymptomCheck,
    new_id,
)
from glutewake.core.settings import Profile
from glutewake.errors import UserError
from glutewake.store import codec, settings_codec
from glutewake.store.errors import MalformedFile, RepeatedId, StoreError, Unwritable
from glutewake.store.files import (
    atomic_write,
    ensure_dir,
    locked,
    os_reason,
    read_bytes,
    remove_stale_temporaries,
    tighten,
)
from glutewake.store.parsed import ParsedToml

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from typing import Any

    from glutewake.core.records import Compared

MONTH_FILE = re.compile(r"^(\d{4})-(\d{2})\.toml$")


def _parsed_name(month: Month) -> str:
    """The month file's entry in the parsed-TOML cache."""
    return f"journal-{month[0]:04d}-{month[1]:02d}.toml"


def _aware(moment: dt.datetime) -> dt.datetime:
    # Stored as local time with its offset, so the file reads naturally and days stay local.
    return moment if moment.tzinfo is not None else moment.astimezone()


def _note_on_stderr(text: str) -> None:
    import sys

    print(f"glutewake: {text}", file=sys.stderr)


@frozen
class Moved:
    """A broken file `repair` moved aside."""

    original: Path
    moved_to: Path


class Store:
    """settings.toml and journal/YYYY-MM.toml in one data folder.

    Every change takes the store's lock, re-reads the one file it touches and replaces it
    atomically, so concurrent writers never lose each other's records and a crash leaves
    the old or the new file. A file that does not parse is never overwritten.
    """

    def __init__(self, data_dir: Path, *, notify: Callable[[str], None] | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.settings_path = self.data_dir / "settings.toml"
        self.journal_dir = self.data_dir / "journal"
        self.lock_path = self.data_dir / "glutewake.lock"
        self.notify = notify if notify is not None else _note_on_stderr
        """Where a note for the user goes (the command line prints it on stderr)."""
        self._tightened = False
        self.parsed = ParsedToml(self.data_dir)
        """The parsed-TOML cache every file of this folder is read through."""

    # -- paths -------------------------------------------------------------------------
    def month_path(self, month: Month) -> Path:
        """The journal file of (year, month)."""
        year, number = month
        return self.journal_dir / f"{year:04d}-{number:02d}.toml"

    def months(self) -> list[Month]:
        """Every month that has a journal file, oldest first."""
        try:
            names = os.listdir(self.journal_dir)
        except FileNotFoundError:
            return []
        except OSError as error:
            raise StoreError(
                self.journal_dir, f"cannot read {self.journal_dir}: {os_reason(error)}"
            ) from None
        found = (MONTH_FILE.match(name) for name in names)
        return sorted((int(m.group(1)), int(m.group(2))) for m in found if m)

    # -- profile -----------------------------------------------------------------------
    def read_profile(self) -> Profile:
        """settings.toml; defaults when it does not exist yet."""
        data = read_bytes(self.settings_path)
        if data is None:
            return Profile()
        loads = self._loads("settings.toml")
        document, text = codec.parse_document(self.settings_path, data, "settings", loads)
        return settings_codec.profile_from_document(self.settings_path, text, document)

    def update_profile(self, change: Callable[[Profile], Profile]) -> Profile:
        """Apply `change` to the profile as it is on disk now, under the lock; save it."""
        with self._writing():
            current = self.read_profile()
            changed = change(current)
            if changed != current or read_bytes(self.settings_path) is None:
                atomic_write(self.settings_path, settings_codec.profile_to_text(changed).encode())
            return changed

    def day_starts_at(self) -> int:
        """The hour the user's days start (the `day_starts_at` setting): the one place every
        reader of days asks. A settings.toml that cannot be read gives the default here;
        whoever reads the profile names the problem."""
        try:
            return self.read_profile().settings.day_starts_at
        except StoreError:
            return DEFAULT_DAY_START

    # -- journal: reading --------------------------------------------------------------
    def read_month(self, month: Month, *, day_starts_at: int | None = None) -> Journal:
        """One month's records (empty when it has no file), with its deletions and edits
        applied and the user's day start (or `day_starts_at`, when the caller read it already)."""
        if day_starts_at is None:
            day_starts_at = self.day_starts_at()
        return replace(self._merged_month(month), day_starts_at=day_starts_at)

    def _raw_month(self, month: Month) -> Journal:
        path = self.month_path(month)
        data = read_bytes(path)
        if data is None:
            return Journal()
        document, text = codec.parse_document(path, data, "journal", self._loads(_parsed_name(month)))
        return codec.journal_from_document(path, text, document)

    def read_months(self, months: Iterable[Month]) -> Journal:
        """Only these months' records, merged and sorted oldest first."""
        merged = merge(self._merged_month(month) for month in sorted(set(months)))
        return replace(merged, day_starts_at=self.day_starts_at())

    def _merged_month(self, month: Month) -> Journal:
        return merge([self._raw_month(month)])

    def read_journal(self, *, skip_problems: bool = False) -> Journal:
        """Every month's records; with `skip_problems`, months that cannot be read are left out
        (call `problems()` to name them). An id kept in two month files is an error, never
        one record hiding the other."""
        journals: dict[Month, Journal] = {}
        for month in self.months():
            try:
                journals[month] = self._merged_month(month)
            except StoreError:
                if not skip_problems:
                    raise
        repeated = self._repeated(journals)
        if repeated is not None and not skip_problems:
            raise repeated
        return replace(merge(journals.values()), day_starts_at=self.day_starts_at())

    def _repeated(self, journals: dict[Month, Journal]) -> RepeatedId | None:
        found = repeated_id(journals)
        if found is None:
            return None
        section, record_id, first, second = found
        places = []
        for month in (first, second):
            path = self.month_path(month)
            data = read_bytes(path) or b""
            lines = codec.Where(data.decode("utf-8", "replace")).id_lines(record_id)
            places.append((path, lines[0] if lines else None))
        return RepeatedId(section, record_id, places[0], places[1])

    def problems(self) -> list[StoreError]:
        """Every file that cannot be read: malformed, from a newer version, or refused by the OS."""
        found: list[StoreError] = []
        try:
            self.read_profile()
        except StoreError as error:
            found.append(error)
        try:
            months = self.months()
        except StoreError as error:
            return [*found, error]
        journals: dict[Month, Journal] = {}
        for month in months:
            try:
                journals[month] = self._merged_month(month)
            except StoreError as error:
                found.append(error)
        repeated = self._repeated(journals)
        if repeated is not None:
            found.append(repeated)
        return found

    # -- journal: writing --------------------------------------------------------------
    def save_session(self, session: Session) -> None:
        """Insert or replace (by id) a session in the month it started."""
        session = replace(
            session,
            started_at=_aware(session.started_at),
            ended_at=_aware(session.ended_at) if session.ended_at else None,
        )

        def put(journal: Journal) -> Journal:
            kept = tuple(s for s in journal.sessions if s.id != session.id)
            return replace(journal, sessions=(*kept, session))

        self._update_month(month_of(session.started_at), put)

    def add_rest_day(self, day: dt.date) -> RestDay:
        """Mark `day` as a rest day; a second call for the same day returns the first record.
        A day that holds a completed session is refused (UserError), nothing written."""
        from glutewake.core.log_entry import check_rest_day

        added: list[RestDay] = []
        day_starts_at = self.day_starts_at()
        next_month = month_of(day + dt.timedelta(days=1))

        def put(journal: Journal) -> Journal:
            merged = merge([journal])
            # Under the lock, so a session logged meanwhile counts; with a day start, one done
            # just after midnight on the 1st counts for this day and is in the next month's file.
            around = merged if next_month == month_of(day) else merge([journal, self._raw_month(next_month)])
            check_rest_day(day, replace(around, day_starts_at=day_starts_at))
            existing = next((r for r in merged.rest_days if r.day == day), None)
            if existing is not None:
                added.append(existing)
                return journal
            added.append(RestDay(new_id(), day))
            return replace(journal, rest_days=(*journal.rest_days, added[0]))

        self._update_month(month_of(day), put)
        return added[0]

    def add_activity(self, day: dt.date, kind: str, minutes: int) -> Activity:
        """Record another activity (swimming, cycling, …) of `minutes` on `day`."""
        kind = kind.strip()
        if not kind:
            raise UserError("an activity needs a kind, such as swimming")
        if not 1 <= minutes <= MAX_ACTIVITY_MINUTES:
            raise UserError(f"minutes must be 1-{MAX_ACTIVITY_MINUTES}, got {minutes}")
        activity = Activity(new_id(), day, kind, minutes)
        self._update_month(month_of(day), lambda j: replace(j, activities=(*j.activities, activity)))
        return activity

    def add_symptom_check(self, check: SymptomCheck) -> None:
        """Record a symptom check in the month it was taken (replacing one with the same id)."""
        check = replace(check, at=_aware(check.at))

        def put(journal: Journal) -> Journal:
            kept = tuple(c for c in journal.symptom_checks if c.id != check.id)
            return replace(journal, symptom_checks=(*kept, check))

        self._update_month(month_of(check.at), put)

    def add_morning_check(self, day: dt.date, compared: Compared, pain: int | None = None) -> MorningCheck:
        """Record the morning-after answer of `day`. A day holds one answer: a second one
        replaces the first's words and keeps its id."""
        if pain is not None and not 0 <= pain <= 10:
            raise UserError(f"the morning pain must be 0-10, got {pain}")
        written: list[MorningCheck] = []

        def put(journal: Journal) -> Journal:
            earlier = next((m for m in merge([journal]).morning_checks if m.day == day), None)
            answer = MorningCheck(earlier.id if earlier else new_id(), day, compared, pain)
            written.append(answer)
            kept = tuple(m for m in journal.morning_checks if m.day != day)
            return replace(journal, morning_checks=(*kept, answer))

        self._update_month(month_of(day), put)
        return written[0]

    def delete(self, record_id: str, at: dt.datetime) -> tuple[str, object]:
        """Delete the record with this id, whatever its kind: a deletion record (with its time)
        goes into the month file of the record. Returns (kind, the record deleted); a
        UserError when no record, or more than one kind of record, has the id."""
        with self._writing():
            found = find_record(self.read_journal(), record_id)
            if not found:
                raise UserError(
                    f"no entry has the id {record_id!r} (`glutewake history --json` shows every id)"
                )
            if len(found) > 1:
                kinds = " and a ".join(KIND_WORDS[kind] for kind, _ in found)
                raise UserError(f"the id {record_id} belongs to a {kinds}; remove one of them by hand")
            kind, record = found[0]
            deletion = Deletion(record_id, kind, _aware(at))  # type: ignore[arg-type]

            def put(journal: Journal) -> Journal:
                kept = tuple(d for d in journal.deletions if (d.kind, d.id) != (kind, record_id))
                return replace(journal, deletions=(*kept, deletion))

            self._change_month(record_month(kind, record), put)
            return kind, record

    def edit_pain(
        self, session: Session, pain_after: int | None, pain_during: int | None, at: dt.datetime
    ) -> PainEdit:
        """Correct a session's pains ("pain now" and the highest during it): an edit record with
        its time in the session's month file; a newer edit of the session replaces it."""
        for name, pain in (("pain now", pain_after), ("pain during", pain_during)):
            if pain is not None and not 0 <= pain <= 10:
                raise UserError(f"{name} must be 0-10, got {pain}")
        edit = PainEdit(session.id, _aware(at), pain_after, pain_during)
        month = month_of(session.started_at)
        with self._writing():
            if not any(s.id == session.id for s in self.read_month(month).sessions):
                raise UserError(f"no session has the id {session.id!r} any more")

            def put(journal: Journal) -> Journal:
                kept = tuple(e for e in journal.edits if e.id != session.id)
                return replace(journal, edits=(*kept, edit))

            self._change_month(month, put)
        return edit

    def import_journal(self, journal: Journal) -> ImportCounts:
        """Merge records into the store: sessions by id, rest days by day, activities and
        symptom checks by their content. Every month is read (and must be readable) before
        any is written; importing the same records twice writes nothing the second time.
        A record whose id is here with other content refuses the whole import (ImportConflict)."""
        by_month: dict[Month, Journal] = {}
        for month in months_of(journal):
            by_month[month] = only_month(journal, month)
        with self._writing():
            # Every month is read: an id may be here in another month than the import's.
            everything = self.read_journal()
            refuse_conflicts(everything, journal)
            removals: dict[Month, list[Deletion]] = {}
            for month, deletion in deletions_to_add(everything, journal):
                removals.setdefault(month, []).append(deletion)
            months = set(by_month) | set(removals)
            current = {month: self._raw_month(month) for month in months}
            counts = ImportCounts()
            for month in sorted(months):
                result, added = merge_new(current[month], by_month.get(month, Journal()))
                gone = removals.get(month, [])
                if gone:
                    result = replace(result, deletions=(*result.deletions, *gone))
                    added = replace(added, deletions=len(gone))
                if added.total:
                    self._write_month(month, result)
                    counts = add_counts(counts, added)
            return counts

    def repair(self, now: dt.datetime) -> list[Moved]:
        """Move every malformed file aside with a dated name, keeping its bytes; the store
        then starts that file afresh. Files from a newer version are left alone."""
        moved: list[Moved] = []
        stamp = now.strftime("%Y%m%dT%H%M%S")
        with self._writing():
            for problem in self.problems():
                if not isinstance(problem, MalformedFile):
                    continue
                path = problem.path
                target = path.with_name(f"{path.stem}.broken-{stamp}{path.suffix}")
                suffix = 1
                while target.exists():
                    suffix += 1
                    target = path.with_name(f"{path.stem}.broken-{stamp}-{suffix}{path.suffix}")
                try:
                    os.rename(path, target)
                except OSError as error:
                    raise Unwritable(path, os_reason(error)) from None
                moved.append(Moved(path, target))
        return moved

    # -- internals ---------------------------------------------------------------------
    def _loads(self, name: str) -> Callable[[str], dict[str, Any]]:
        return lambda text: self.parsed.loads(name, text)

    @contextmanager
    def _writing(self) -> Iterator[None]:
        ensure_dir(self.data_dir)
        if not self._tightened:
            was = tighten(self.data_dir)
            self._tightened = True
            if was is not None:
                self.notify(
                    f"note: {self.data_dir} could be read by others (mode {was:o}); "
                    "it is now yours alone (700)"
                )
        with locked(self.lock_path):
            yield

    def _update_month(self, month: Month, change: Callable[[Journal], Journal]) -> None:
        with self._writing():
            self._change_month(month, change)

    def _change_month(self, month: Month, change: Callable[[Journal], Journal]) -> None:
        # Call with the lock held: the month as it is on disk now, changed, written if different.
        current = self._raw_month(month)
        changed = change(current)
        if changed != current:
            self._write_month(month, changed)

    def _write_month(self, month: Month, journal: Journal) -> None:
        ensure_dir(self.journal_dir)
        remove_stale_temporaries(self.journal_dir)
        text, document = codec.journal_text_and_document(month, merge([journal]))
        atomic_write(self.month_path(month), text.encode())
        self.parsed.remember(_parsed_name(month), text, document)
