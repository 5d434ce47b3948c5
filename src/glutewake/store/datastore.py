"""The Store: the user's data folder, read and written only through here.

`Store` is built in layers, one module each, every layer using only those below it:
`folder` (paths, the journal's listing, the lock), `profile_files` (settings.toml and the
state files), `journal_reader`, `journal_writer` (the records' changes), and here what
works across the whole journal: import, repair and fold.
"""

from __future__ import annotations

import datetime as dt
import os

from glutewake.core.days import DEFAULT_DAY_START
from glutewake.core.frozen import frozen, replace
from glutewake.core.journal import (
    ImportCounts,
    merge,
    merge_copies,
    record_month,
    repeated_ids,
)
from glutewake.core.records import Journal, new_id
from glutewake.core.state import STATE_KINDS, State, merge_states, state_to_add
from glutewake.store import state_codec
from glutewake.store.errors import MalformedFile, RepeatedId, Unwritable, as_path
from glutewake.store.files import atomic_write, ensure_dir, os_reason, read_bytes
from glutewake.store.folder import Listing as Listing  # summary.py reads it from here
from glutewake.store.journal_writer import JournalWriter

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


@frozen
class Moved:
    """A broken file `repair` moved aside."""

    original: Path
    moved_to: Path


@frozen
class Folded:
    """What `repair` moved into this machine's own files: conflict copies and files of the
    single-file layout (each removed once its records were safely in the own file), and
    records that shared an id with another month's."""

    removed: tuple[Path, ...] = ()
    into: tuple[Path, ...] = ()
    renumbered: tuple[str, ...] = ()
    """Ids given afresh to a record that shared its id with another (different) record."""
    left: tuple[RepeatedId, ...] = ()
    """Repeated ids in files another machine writes: that machine's `repair` fixes them."""


class Store(JournalWriter):
    """settings.toml and the journal (`journal/YYYY-MM.DEVICE.toml`, see `store/layout.py`)
    in one data folder.

    This machine writes only the files that carry its device id; reading a month merges
    every device's file of that month (and conflict copies, and the single-file layout's
    file) by record id. Every change takes the store's lock, re-reads the one file it
    touches and replaces it atomically, so concurrent writers never lose each other's
    records and a crash leaves the old or the new file. A file that does not parse is
    never overwritten.
    """

    def import_journal(self, journal: Journal, state: State | None = None) -> ImportCounts:
        """Merge records into the store: sessions by id, rest days by day, activities and
        symptom checks by their content, state records (`state_to_add`) by id. Every month
        and state file is read (and must be readable) before any is written; importing the
        same records twice writes nothing the second time. A record whose id is here with
        other content refuses the whole import (ImportConflict), unless ours is a later
        state of it (`core/journal_import.py` says what each import adds and refuses).
        What is new goes into this machine's own files."""
        from glutewake.core.journal_import import plan_import, refuse_conflicts  # import only

        with self._writing():
            # Every month is read: an id may be here in another month than the import's.
            listing = self.listing()
            raw = {month: self._raw_month(month, listing) for month in self.months(listing)}
            repeated = self._repeated({month: merge([j]) for month, j in raw.items()}, listing)
            if repeated is not None:
                raise repeated
            refuse_conflicts(merge(raw.values()), journal)
            here = self.read_state(listing)
            set_here = bool(here.day_starts) or self.day_starts_at() != DEFAULT_DAY_START
            new_state = state_to_add(here, state or State(), day_start_set=set_here)
            plan, counts = plan_import(raw, journal)
            for month, new in sorted(plan.items()):
                self._change_month(month, _extended(new))
            if new_state != State():
                self._add_state([r for kind in STATE_KINDS for r in getattr(new_state, kind)])
                counts = replace(
                    counts,
                    phase_changes=len(new_state.phase_changes),
                    day_starts=len(new_state.day_starts),
                    acknowledgements=len(new_state.acknowledgements),
                )
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

    def fold(self) -> Folded:
        """Move into this machine's own files what only `repair` moves: every file of the
        single-file layout, every conflict copy a sync tool made (of any machine's file), and
        fix ids that two months' files share. Each folded file is removed only once its
        records are safely in the own file (and only if it did not change meanwhile), so an
        interruption at any step leaves every record readable. Files that do not parse are
        left for `repair` to move aside first."""
        removed: list[str] = []
        into: list[str] = []
        with self._writing():
            listing = self.listing()
            for month, files in sorted(
                listing.items(), key=lambda item: (item[0] is None, item[0] or (0, 0))
            ):
                foldable = [f for f in files if f.conflict or f.device is None]
                if not foldable:
                    continue
                paths = [self._in_journal(f.name) for f in foldable]
                found = [(path, read_bytes(path)) for path in paths]
                if month is None:
                    own_state = self._read_state_file(self._state_file())
                    state = merge_states([*(self._read_state_file(p) for p in paths), own_state])
                    if state != own_state:
                        ensure_dir(self.journal_folder)
                        atomic_write(self._state_file(), state_codec.state_to_text(state).encode())
                    target = self._state_file()
                else:
                    own = self._read_file(self._month_file(month))
                    merged = merge_copies([*(self._read_file(p) for p in paths), own])
                    if merged != own:
                        self._write_month(month, merged)
                    target = self._month_file(month)
                for path, data in found:
                    if data is not None and self._retire(path, data):
                        removed.append(path)
                        if target not in into:
                            into.append(target)
            renumbered, left = self._fix_repeated_ids()
            self._carry_settings_over()
        gone, kept = tuple(as_path(p) for p in removed), tuple(as_path(p) for p in into)
        return Folded(gone, kept, tuple(renumbered), tuple(left))

    def _fix_repeated_ids(self) -> tuple[list[str], list[RepeatedId]]:
        # Call with the lock held, after folding: every file left is some machine's own.
        renumbered: list[str] = []
        left: list[RepeatedId] = []
        settled: set[tuple[str, str]] = set()
        for _ in range(10_000):  # each pass fixes one repeated id (or gives it up)
            listing = self.listing()
            journals = {month: self._merged_month(month, listing) for month in self.months(listing)}
            found = next((r for r in repeated_ids(journals) if (r[0], r[1]) not in settled), None)
            if found is None:
                break
            section, record_id, first, second = found
            settled.add((section, record_id))
            records = {
                month: next(r for r in getattr(journals[month], section) if r.id == record_id)
                for month in (first, second)
            }
            own = {month: self._read_file(self._month_file(month)) for month in (first, second)}
            mine = [m for m in (second, first) if any(r.id == record_id for r in getattr(own[m], section))]
            if not mine:
                left.append(
                    RepeatedId(
                        section,
                        record_id,
                        self._place(first, record_id, listing),
                        self._place(second, record_id, listing),
                    )
                )
                continue
            # The copy to change: one of ours, in the month it does not belong to if there is one.
            month = next((m for m in mine if record_month(section, records[m]) != m), mine[0])
            other = second if month == first else first
            if records[month] == records[other]:
                self._change_month(month, _without(section, record_id))
            else:
                fresh = new_id()
                self._change_month(month, _renumbered(section, record_id, fresh))
                renumbered.append(f"{record_id} -> {fresh}")
        return renumbered, left


def _without(section: str, record_id: str) -> Callable[[Journal], Journal]:
    def drop(journal: Journal) -> Journal:
        kept = tuple(r for r in getattr(journal, section) if r.id != record_id)
        return replace(journal, **{section: kept})

    return drop


def _renumbered(section: str, record_id: str, fresh: str) -> Callable[[Journal], Journal]:
    def renumber(journal: Journal) -> Journal:
        changed = tuple(replace(r, id=fresh) if r.id == record_id else r for r in getattr(journal, section))
        return replace(journal, **{section: changed})

    return renumber


def _extended(more: Journal) -> Callable[[Journal], Journal]:
    from glutewake.core.journal_import import with_added

    return lambda journal: with_added(journal, more)
