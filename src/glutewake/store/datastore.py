"""The Store: the user's data folder, read and written only through here."""

from __future__ import annotations

import datetime as dt
import os
import re

from glutewake.core.days import DEFAULT_DAY_START
from glutewake.core.frozen import frozen, replace
from glutewake.core.journal import (
    ImportCounts,
    Month,
    find_record,
    merge,
    merge_copies,
    month_of,
    record_month,
    repeated_id,
    repeated_ids,
)
from glutewake.core.journal_import import plan_import, refuse_conflicts, with_added
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
from glutewake.core.state import (
    STATE_KINDS,
    Acknowledgement,
    DayStart,
    PhaseChange,
    State,
    merge_states,
    state_to_add,
)
from glutewake.errors import UserError
from glutewake.store import codec, settings_codec
from glutewake.store.errors import MalformedFile, RepeatedId, StoreError, Unwritable, as_path
from glutewake.store.files import (
    atomic_write,
    ensure_dir,
    fsync_dir,
    locked,
    os_reason,
    read_bytes,
    remove_stale_temporaries,
    tighten,
)
from glutewake.store.layout import JournalName, month_name, parse_name, reading_order, state_name
from glutewake.store.parsed import ParsedToml

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from pathlib import Path
    from typing import Any

    from glutewake.core.records import Compared
    from glutewake.store.errors import StrPath
    from glutewake.store.files import _Lock

MONTH_FILE = re.compile(r"^(\d{4})-(\d{2})\.toml$")
"""The single-file layout's month files (`journal/YYYY-MM.toml`)."""

Listing = dict["Month | None", list[JournalName]]
"""The journal's files by month (None: the state files), as one listing of `journal/` found them."""


def _parsed_name(name: str) -> str:
    """A journal file's entry in the parsed-TOML cache (by its name: every device's file of a
    month, and each conflict copy, has its own)."""
    return f"journal-{name}"


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


class Store:
    """settings.toml and the journal (`journal/YYYY-MM.DEVICE.toml`, see `store/layout.py`)
    in one data folder.

    This machine writes only the files that carry its device id; reading a month merges
    every device's file of that month (and conflict copies, and the single-file layout's
    file) by record id. Every change takes the store's lock, re-reads the one file it
    touches and replaces it atomically, so concurrent writers never lose each other's
    records and a crash leaves the old or the new file. A file that does not parse is
    never overwritten.
    """

    def __init__(
        self,
        data_dir: StrPath,
        *,
        notify: Callable[[str], None] | None = None,
        device: str | None = None,
    ) -> None:
        # The paths as plain strings (pathlib costs every command's start); as Paths below.
        self.data_folder = os.fspath(data_dir)
        self._device = device
        self.settings_file = os.path.join(self.data_folder, "settings.toml")
        self.journal_folder = os.path.join(self.data_folder, "journal")
        self.lock_file = os.path.join(self.data_folder, "glutewake.lock")
        self.notify = notify if notify is not None else _note_on_stderr
        """Where a note for the user goes (the command line prints it on stderr)."""
        self._tightened = False
        self.parsed = ParsedToml(self.data_folder)
        """The parsed-TOML cache every file of this folder is read through."""

    # -- paths -------------------------------------------------------------------------
    @property
    def data_dir(self) -> Path:
        """The data folder."""
        return as_path(self.data_folder)

    @property
    def settings_path(self) -> Path:
        """This machine's settings.toml."""
        return as_path(self.settings_file)

    @property
    def journal_dir(self) -> Path:
        """The folder of every device's journal files."""
        return as_path(self.journal_folder)

    @property
    def lock_path(self) -> Path:
        """The lock file every writer holds."""
        return as_path(self.lock_file)

    @property
    def device(self) -> str:
        """This machine's device id (made the first time a write needs it)."""
        if self._device is None:
            from glutewake.store.device import device_id

            self._device = device_id()
        return self._device

    def month_path(self, month: Month) -> Path:
        """The journal file of (year, month) that this machine writes."""
        return as_path(self._month_file(month))

    def state_path(self) -> Path:
        """The state file this machine writes (phase switches, acknowledgement, day start)."""
        return as_path(self._state_file())

    def _month_file(self, month: Month) -> str:
        return os.path.join(self.journal_folder, month_name(month, self.device))

    def _state_file(self) -> str:
        return os.path.join(self.journal_folder, state_name(self.device))

    def _in_journal(self, name: str) -> str:
        return os.path.join(self.journal_folder, name)

    def listing(self) -> Listing:
        """The journal's files, by month (None: the state files), as they are now."""
        try:
            names = os.listdir(self.journal_folder)
        except FileNotFoundError:
            return {}
        except OSError as error:
            folder = self.journal_folder
            raise StoreError(folder, f"cannot read {folder}: {os_reason(error)}") from None
        parsed = [parse_name(name) for name in names]
        primaries = set(names)
        files: Listing = {}
        for found in parsed:
            if found is None:
                continue
            if found.name.endswith(".orig") and found.primary not in primaries:
                continue  # `X.toml.orig` is a copy of ours only beside our `X.toml`
            files.setdefault(found.month, []).append(found)
        return {key: reading_order(value) for key, value in files.items()}

    def months(self, listing: Listing | None = None) -> list[Month]:
        """Every month that has a journal file (any device's), oldest first."""
        files = self.listing() if listing is None else listing
        return sorted(month for month in files if month is not None)

    # -- profile -----------------------------------------------------------------------
    def read_profile(self) -> Profile:
        """The settings of this machine (settings.toml; defaults when it does not exist yet)
        with the state every machine shares: the phase and the first-run acknowledgement
        come from the journal's state records; a settings.toml of an earlier glutewake that
        still holds them gives them until a record says otherwise."""
        return _shared(self._machine_profile(), self.read_state())

    def _machine_profile(self) -> Profile:
        data = read_bytes(self.settings_file)
        if data is None:
            return Profile()
        loads = self._loads("settings.toml")
        document, text = codec.parse_document(self.settings_file, data, "settings", loads)
        return settings_codec.profile_from_document(self.settings_file, text, document)

    def read_state(self, listing: Listing | None = None) -> State:
        """Every machine's state records (phase switches, acknowledgements, day starts), merged."""
        files = self.listing() if listing is None else listing
        return merge_states(self._read_state_file(self._in_journal(f.name)) for f in files.get(None, []))

    def _read_state_file(self, path: str) -> State:
        data = read_bytes(path)
        if data is None:
            return State()  # gone since the listing (a sync tool's rename)
        document, text = codec.parse_document(path, data, "state")
        return codec.state_from_document(path, text, document)

    def update_profile(
        self, change: Callable[[Profile], Profile], *, at: dt.datetime | None = None
    ) -> Profile:
        """Apply `change` to the profile as it is on disk now, under the lock; save it. A new
        phase or acknowledgement becomes a state record (with its time, `at` or now) in this
        machine's state file, so it reaches every machine; the settings go to settings.toml."""
        moment = (_aware(at) if at is not None else dt.datetime.now().astimezone()).replace(microsecond=0)
        with self._writing():
            machine = self._machine_profile()
            state = self.read_state()
            current = _shared(machine, state)
            changed = change(current)
            records = self._carried_over(machine, state, before=moment)
            if changed.phase != current.phase:
                records.append(PhaseChange(new_id(), _after(moment, state.phase_changes), changed.phase))
            if changed.settings.day_starts_at != current.settings.day_starts_at:
                hour = changed.settings.day_starts_at
                records.append(DayStart(new_id(), _after(moment, state.day_starts), hour))
            if (
                changed.acknowledged_on is not None
                and state.acknowledged_on is None
                and not any(isinstance(r, Acknowledgement) for r in records)
            ):
                day = changed.acknowledged_on
                at = moment if moment.date() == day else dt.datetime.combine(day, dt.time(12)).astimezone()
                records.append(Acknowledgement(new_id(), at))
            if records:
                self._add_state(records)
            # settings.toml keeps only this machine's own: the phase, acknowledgement and day
            # start live in the journal from now on.
            kept = _machine_only(changed)
            if kept != machine or read_bytes(self.settings_file) is None:
                atomic_write(self.settings_file, settings_codec.profile_to_text(kept).encode())
            return changed

    def day_starts_at(self) -> int:
        """The hour the user's days start: the newest `day_starts` record of any machine (so
        every machine counts days alike), else a `day_starts_at` an earlier glutewake kept in
        settings.toml, else midnight. The one place every reader of days asks. A file that
        cannot be read gives the default here; whoever reads the profile names the problem."""
        try:
            return self.read_profile().settings.day_starts_at
        except StoreError:
            return DEFAULT_DAY_START

    def set_day_starts_at(self, hour: int, at: dt.datetime) -> DayStart:
        """Record that days start at `hour` (0-6) from `at` on, for every machine."""
        if not 0 <= hour <= 6:
            raise UserError(f"day_starts_at must be 0-6, got {hour}")
        with self._writing():
            record = DayStart(new_id(), _after(_aware(at), self.read_state().day_starts), hour)
            self._add_state([record])
        return record

    def _carried_over(
        self, machine: Profile, state: State, before: dt.datetime | None = None
    ) -> list[object]:
        """A settings.toml of an earlier glutewake keeps the phase and acknowledgement; the
        first save after the upgrade turns them into state records (timed by the file's last
        change), unless the journal already holds some, so they follow the user too."""
        try:
            changed = os.stat(self.settings_file).st_mtime
        except OSError:
            return []
        at = dt.datetime.fromtimestamp(changed).astimezone().replace(microsecond=0)
        if before is not None:  # older than the change being saved with it
            at = min(at, before - dt.timedelta(seconds=1))
        records: list[object] = []
        if not state.phase_changes and machine.phase != "beginner":
            records.append(PhaseChange(new_id(), at, machine.phase))
        if not state.acknowledgements and machine.acknowledged_on is not None:
            moment = dt.datetime.combine(machine.acknowledged_on, dt.time(12)).astimezone()
            records.append(Acknowledgement(new_id(), moment))
        if not state.day_starts and machine.settings.day_starts_at != DEFAULT_DAY_START:
            records.append(DayStart(new_id(), at, machine.settings.day_starts_at))
        return records

    def _carry_settings_over(self) -> None:
        # Call with the lock held: an earlier glutewake's phase and acknowledgement in
        # settings.toml become state records, and settings.toml keeps only its own.
        if read_bytes(self.settings_file) is None:
            return
        machine = self._machine_profile()
        records = self._carried_over(machine, self.read_state())
        if records:
            self._add_state(records)
        kept = _machine_only(machine)
        if kept != machine:
            atomic_write(self.settings_file, settings_codec.profile_to_text(kept).encode())

    def _add_state(self, records: list[object]) -> None:
        # Call with the lock held: this machine's state file, read again, with the records added.
        path = self._state_file()
        own = self._read_state_file(path)
        changed = State(
            phase_changes=(*own.phase_changes, *(r for r in records if isinstance(r, PhaseChange))),
            acknowledgements=(*own.acknowledgements, *(r for r in records if isinstance(r, Acknowledgement))),
            day_starts=(*own.day_starts, *(r for r in records if isinstance(r, DayStart))),
        )
        ensure_dir(self.journal_folder)
        remove_stale_temporaries(self.journal_folder)
        atomic_write(path, codec.state_to_text(merge_states([changed])).encode())

    # -- journal: reading --------------------------------------------------------------
    def read_month(
        self, month: Month, listing: Listing | None = None, *, day_starts_at: int | None = None
    ) -> Journal:
        """One month's records from every file of that month (empty when it has none), with
        its deletions and edits applied and the user's day start (or `day_starts_at`, when the
        caller read it already)."""
        if day_starts_at is None:
            day_starts_at = self.day_starts_at()
        return replace(merge([self._raw_month(month, listing)]), day_starts_at=day_starts_at)

    def _merged_month(self, month: Month, listing: Listing | None = None) -> Journal:
        return merge([self._raw_month(month, listing)])

    def _raw_month(self, month: Month, listing: Listing | None = None) -> Journal:
        files = (self.listing() if listing is None else listing).get(month, [])
        return merge_copies(self._read_file(self._in_journal(f.name)) for f in files)

    def _read_file(self, path: str) -> Journal:
        data = read_bytes(path)
        if data is None:
            return Journal()
        loads = self._loads(_parsed_name(os.path.basename(path)))
        document, text = codec.parse_document(path, data, "journal", loads)
        return codec.journal_from_document(path, text, document)

    def read_months(self, months: Iterable[Month]) -> Journal:
        """Only these months' records, merged and sorted oldest first."""
        listing = self.listing()
        day_starts_at = self.day_starts_at()
        return merge(
            self.read_month(month, listing, day_starts_at=day_starts_at) for month in sorted(set(months))
        )

    def read_journal(self, *, skip_problems: bool = False) -> Journal:
        """Every month's records; with `skip_problems`, months that cannot be read are left out
        (call `problems()` to name them). An id kept in two months' files is an error, never
        one record hiding the other."""
        listing = self.listing()
        journals: dict[Month, Journal] = {}
        for month in self.months(listing):
            try:
                journals[month] = self._merged_month(month, listing)
            except StoreError:
                if not skip_problems:
                    raise
        repeated = self._repeated(journals, listing)
        if repeated is not None and not skip_problems:
            raise repeated
        return replace(merge(journals.values()), day_starts_at=self.day_starts_at())

    def _repeated(self, journals: dict[Month, Journal], listing: Listing) -> RepeatedId | None:
        found = repeated_id(journals)
        if found is None:
            return None
        section, record_id, first, second = found
        return RepeatedId(
            section,
            record_id,
            self._place(first, record_id, listing),
            self._place(second, record_id, listing),
        )

    def _place(self, month: Month, record_id: str, listing: Listing) -> tuple[str, int | None]:
        """The file of `month` (and the line) that holds `record_id`."""
        files = listing.get(month, [])
        for found in reversed(files):
            path = self._in_journal(found.name)
            try:
                data = read_bytes(path) or b""
            except StoreError:
                continue
            lines = codec.Where(data.decode("utf-8", "replace")).id_lines(record_id)
            if lines:
                return path, lines[0]
        return (self._in_journal(files[-1].name) if files else self.journal_folder), None

    def problems(self) -> list[StoreError]:
        """Every file that cannot be read: malformed, from a newer version, or refused by the OS
        (each file once), and ids kept in two months' files."""
        found: list[StoreError] = []
        try:
            self._machine_profile()
        except StoreError as error:
            found.append(error)
        try:
            listing = self.listing()
        except StoreError as error:
            return [*found, error]
        for state_file in listing.get(None, []):
            try:
                self._read_state_file(self._in_journal(state_file.name))
            except StoreError as error:
                found.append(error)
        journals: dict[Month, Journal] = {}
        for month in self.months(listing):
            parts = []
            broken = False
            for name in listing[month]:
                try:
                    parts.append(self._read_file(self._in_journal(name.name)))
                except StoreError as error:
                    found.append(error)
                    broken = True
            if not broken:
                journals[month] = merge([merge_copies(parts)])
        repeated = self._repeated(journals, listing)
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
        """Mark `day` as a rest day; a second call for the same day (on any machine) returns
        the first record. A day that holds a completed session (on any machine) is refused
        (UserError), nothing written."""
        from glutewake.core.log_entry import check_rest_day

        month = month_of(day)
        next_month = month_of(day + dt.timedelta(days=1))
        day_starts_at = self.day_starts_at()
        with self._writing():
            merged = self.read_month(month, day_starts_at=day_starts_at)
            # Under the lock, so a session logged meanwhile counts; with a day start, one done
            # just after midnight on the 1st counts for this day and is in the next month's files.
            around = merged
            if next_month != month:
                around = merge([merged, self.read_month(next_month, day_starts_at=day_starts_at)])
            check_rest_day(day, replace(around, day_starts_at=day_starts_at))
            existing = next((r for r in merged.rest_days if r.day == day), None)
            if existing is not None:
                return existing
            rest = RestDay(new_id(), day)
            self._change_month(month, lambda j: replace(j, rest_days=(*j.rest_days, rest)))
            return rest

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
        replaces the first's words and keeps its id (an answer another machine wrote is
        deleted, with a deletion record, and this one takes its place)."""
        if pain is not None and not 0 <= pain <= 10:
            raise UserError(f"the morning pain must be 0-10, got {pain}")
        month = month_of(day)
        with self._writing():
            earlier = next((m for m in self.read_month(month).morning_checks if m.day == day), None)
            own = {m.id for m in self._read_file(self._month_file(month)).morning_checks}
            mine = earlier is not None and earlier.id in own
            answer = MorningCheck(earlier.id if earlier and mine else new_id(), day, compared, pain)

            def put(journal: Journal) -> Journal:
                kept = tuple(m for m in journal.morning_checks if m.day != day)
                changed = replace(journal, morning_checks=(*kept, answer))
                if earlier is not None and not mine:
                    gone = Deletion(earlier.id, "morning_checks", dt.datetime.now().astimezone())
                    changed = replace(changed, deletions=(*changed.deletions, gone))
                return changed

            self._change_month(month, put)
        return answer

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

    def import_journal(self, journal: Journal, state: State | None = None) -> ImportCounts:
        """Merge records into the store: sessions by id, rest days by day, activities and
        symptom checks by their content, state records (`state_to_add`) by id. Every month
        and state file is read (and must be readable) before any is written; importing the
        same records twice writes nothing the second time. A record whose id is here with
        other content refuses the whole import (ImportConflict), unless ours is a later
        state of it (`core/journal_import.py` says what each import adds and refuses).
        What is new goes into this machine's own files."""
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
                    counts, phase_changes=len(new_state.phase_changes), day_starts=len(new_state.day_starts)
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
                        atomic_write(self._state_file(), codec.state_to_text(state).encode())
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

    # -- internals ---------------------------------------------------------------------
    def _loads(self, name: str) -> Callable[[str], dict[str, Any]]:
        return lambda text: self.parsed.loads(name, text)

    def _writing(self) -> _Lock:
        # `with self._writing():` the folder made (owner-only) and the store's lock held.
        ensure_dir(self.data_folder)
        if not self._tightened:
            was = tighten(self.data_folder)
            self._tightened = True
            if was is not None:
                self.notify(
                    f"note: {self.data_folder} could be read by others (mode {was:o}); "
                    "it is now yours alone (700)"
                )
        return locked(self.lock_file)

    def _update_month(self, month: Month, change: Callable[[Journal], Journal]) -> None:
        with self._writing():
            self._change_month(month, change)

    def _change_month(self, month: Month, change: Callable[[Journal], Journal]) -> None:
        # Call with the lock held: this machine's file of the month as it is on disk now,
        # changed, written if different. The month's file of the single-file layout, if
        # there is one, moves into it in the same step: its records are written into this
        # machine's file first and the old file is removed after (a crash in between leaves
        # both, read as one).
        own = self._read_file(self._month_file(month))
        legacy_path = self._in_journal(month_name(month, None))
        legacy_bytes = read_bytes(legacy_path)
        current = own
        if legacy_bytes is not None:
            current = merge_copies([self._read_file(legacy_path), own])
        changed = change(current)
        if changed != own or legacy_bytes is not None:
            self._write_month(month, changed)
        if legacy_bytes is not None:
            self._retire(legacy_path, legacy_bytes)

    def _retire(self, path: str, moved: bytes) -> bool:
        """Remove a file whose records are now in this machine's own file, unless it changed
        since they were read (a sync tool brought a newer copy: it stays, read and merged)."""
        try:
            if read_bytes(path) != moved:
                return False
            os.unlink(path)
            fsync_dir(os.path.dirname(path))
        except OSError as error:
            raise Unwritable(path, os_reason(error)) from None
        return True

    def _write_month(self, month: Month, journal: Journal) -> None:
        ensure_dir(self.journal_folder)
        remove_stale_temporaries(self.journal_folder)
        text, document = codec.journal_text_and_document(month, merge([journal]))
        atomic_write(self._month_file(month), text.encode())
        self.parsed.remember(_parsed_name(month_name(month, self.device)), text, document)


def _after(moment: dt.datetime, earlier: tuple[PhaseChange, ...] | tuple[DayStart, ...]) -> dt.datetime:
    """`moment`, or a second after the newest of `earlier` when that is not before it: two
    switches within one second (times are kept to the second) still keep their order."""
    if earlier and earlier[-1].at >= moment:
        return earlier[-1].at + dt.timedelta(seconds=1)
    return moment


def _shared(machine: Profile, state: State) -> Profile:
    """This machine's settings with what every machine shares, from the journal's state
    records: the phase, the first-run acknowledgement and the hour days start (a value an
    earlier glutewake kept in settings.toml stands until a record says otherwise)."""
    settings = machine.settings
    if state.day_starts_at is not None and state.day_starts_at != settings.day_starts_at:
        settings = settings.with_changes(day_starts_at=state.day_starts_at)
    return replace(
        machine,
        settings=settings,
        phase=state.phase or machine.phase,
        acknowledged_on=state.acknowledged_on or machine.acknowledged_on,
    )


def _machine_only(profile: Profile) -> Profile:
    """What settings.toml keeps: the profile without what the journal's state records hold."""
    settings = profile.settings.with_changes(day_starts_at=DEFAULT_DAY_START)
    return replace(profile, settings=settings, phase="beginner", acknowledged_on=None)


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
    return lambda journal: with_added(journal, more)
