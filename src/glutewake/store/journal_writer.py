"""Writing the journal: sessions, rest days, activities, checks, morning answers, edits and
deletions, each into this machine's file of its month, under the lock."""

from __future__ import annotations

import datetime as dt
import os

from glutewake.core.frozen import replace
from glutewake.core.journal import Month, find_record, merge, merge_copies, month_of, record_month
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
from glutewake.errors import UserError
from glutewake.store import journal_codec
from glutewake.store.errors import Unwritable
from glutewake.store.files import (
    atomic_write,
    ensure_dir,
    fsync_dir,
    os_reason,
    read_bytes,
    remove_stale_temporaries,
)
from glutewake.store.journal_reader import JournalReader, _parsed_name
from glutewake.store.layout import month_name
from glutewake.store.profile_files import _aware

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from collections.abc import Callable

    from glutewake.core.records import Compared


class JournalWriter(JournalReader):
    """Every change to the journal's records, in this machine's own files."""

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

    # -- internals ---------------------------------------------------------------------
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
        text, document = journal_codec.journal_text_and_document(month, merge([journal]))
        atomic_write(self._month_file(month), text.encode())
        self.parsed.remember(_parsed_name(month_name(month, self.device)), text, document)
