"""The Store: the user's data folder, read and written only through here."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from glutewake.core.journal import (
    ImportCounts,
    Month,
    add_counts,
    merge,
    merge_new,
    month_of,
    months_of,
    only_month,
)
from glutewake.core.records import (
    MAX_ACTIVITY_MINUTES,
    Activity,
    Compared,
    Journal,
    MorningCheck,
    RestDay,
    Session,
    SymptomCheck,
    new_id,
)
from glutewake.core.settings import Profile
from glutewake.errors import UserError
from glutewake.store import codec, settings_codec
from glutewake.store.errors import MalformedFile, StoreError, Unwritable
from glutewake.store.files import (
    atomic_write,
    ensure_dir,
    locked,
    os_reason,
    read_bytes,
    remove_stale_temporaries,
)

MONTH_FILE = re.compile(r"^(\d{4})-(\d{2})\.toml$")


def _aware(moment: dt.datetime) -> dt.datetime:
    # Stored as local time with its offset, so the file reads naturally and days stay local.
    return moment if moment.tzinfo is not None else moment.astimezone()


class Moved(NamedTuple):
    """A broken file `repair` moved aside."""

    original: Path
    moved_to: Path


class Store:
    """settings.toml and journal/YYYY-MM.toml in one data folder.

    Every change takes the store's lock, re-reads the one file it touches and replaces it
    atomically, so concurrent writers never lose each other's records and a crash leaves
    the old or the new file. A file that does not parse is never overwritten.
    """

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.settings_path = self.data_dir / "settings.toml"
        self.journal_dir = self.data_dir / "journal"
        self.lock_path = self.data_dir / "glutewake.lock"

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
        document, text = codec.parse_document(self.settings_path, data, "settings")
        return settings_codec.profile_from_document(self.settings_path, text, document)

    def update_profile(self, change: Callable[[Profile], Profile]) -> Profile:
        """Apply `change` to the profile as it is on disk now, under the lock; save it."""
        with self._writing():
            current = self.read_profile()
            changed = change(current)
            if changed != current or read_bytes(self.settings_path) is None:
                atomic_write(self.settings_path, settings_codec.profile_to_text(changed).encode())
            return changed

    # -- journal: reading --------------------------------------------------------------
    def read_month(self, month: Month) -> Journal:
        """One month's records (empty when it has no file)."""
        path = self.month_path(month)
        data = read_bytes(path)
        if data is None:
            return Journal()
        document, text = codec.parse_document(path, data, "journal")
        return codec.journal_from_document(path, text, document)

    def read_months(self, months: Iterable[Month]) -> Journal:
        """Only these months' records, merged and sorted oldest first."""
        return merge(self.read_month(month) for month in sorted(set(months)))

    def read_journal(self, *, skip_problems: bool = False) -> Journal:
        """Every month's records; with `skip_problems`, months that cannot be read are left out
        (call `problems()` to name them)."""
        journals = []
        for month in self.months():
            try:
                journals.append(self.read_month(month))
            except StoreError:
                if not skip_problems:
                    raise
        return merge(journals)

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
        for month in months:
            try:
                self.read_month(month)
            except StoreError as error:
                found.append(error)
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
        """Mark `day` as a rest day; a second call for the same day returns the first record."""
        added: list[RestDay] = []

        def put(journal: Journal) -> Journal:
            existing = next((r for r in journal.rest_days if r.day == day), None)
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
            earlier = next((m for m in journal.morning_checks if m.day == day), None)
            answer = MorningCheck(earlier.id if earlier else new_id(), day, compared, pain)
            written.append(answer)
            kept = tuple(m for m in journal.morning_checks if m.day != day)
            return replace(journal, morning_checks=(*kept, answer))

        self._update_month(month_of(day), put)
        return written[0]

    def import_journal(self, journal: Journal) -> ImportCounts:
        """Merge records into the store: sessions by id, rest days by day, activities and
        symptom checks by their content. Every month is read (and must be readable) before
        any is written; importing the same records twice writes nothing the second time."""
        by_month: dict[Month, Journal] = {}
        for month in months_of(journal):
            by_month[month] = only_month(journal, month)
        with self._writing():
            current = {month: self.read_month(month) for month in by_month}
            merged = {month: merge_new(current[month], by_month[month]) for month in by_month}
            counts = ImportCounts()
            for month, (result, added) in sorted(merged.items()):
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
    @contextmanager
    def _writing(self) -> Iterator[None]:
        ensure_dir(self.data_dir)
        with locked(self.lock_path):
            yield

    def _update_month(self, month: Month, change: Callable[[Journal], Journal]) -> None:
        with self._writing():
            current = self.read_month(month)
            changed = change(current)
            if changed != current:
                self._write_month(month, changed)

    def _write_month(self, month: Month, journal: Journal) -> None:
        ensure_dir(self.journal_dir)
        remove_stale_temporaries(self.journal_dir)
        text = codec.journal_to_text(month, merge([journal]))
        atomic_write(self.month_path(month), text.encode())
