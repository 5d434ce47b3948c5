"""The history screen's keys that change the journal: log an activity or a rest day, delete
the chosen entry, correct a session's pains, and write the report.

`JournalEditing` is the base of `HistoryScreen`: it holds what those keys do, the screen
holds what it shows. Each change goes through `save`, so the screen reads its months again
when the app says the data changed.
"""

from __future__ import annotations

from textual import work

from glutewake.app.screens.coach_screen import CoachScreen
from glutewake.app.screens.confirm import ConfirmScreen
from glutewake.app.screens.log_forms import (
    ActivityEntry,
    EditPainForm,
    LogActivityForm,
    LogRestDayForm,
    PainEntry,
    RestEntry,
)
from glutewake.app.views.history import day_words
from glutewake.app.views.journal import Entry
from glutewake.app.widgets.journal_table import JournalTable
from glutewake.core.history import entry_words
from glutewake.core.records import Journal, Session
from glutewake.errors import UserError


class JournalEditing(CoachScreen[None]):
    """What history's `l`, `R`, `d`, `e` and `x` do; `journal` and `entries` are the screen's."""

    journal: Journal
    entries: dict[str, Entry]
    """Every entry read so far by its row key (the record's id)."""
    _live: bool = False

    @property
    def live(self) -> bool:
        """Whether the screen is up: composed and not yet closing. A key, a resize or a
        message that comes before or after that finds nothing to change, and is dropped."""
        return self._live and self.is_attached and self._in_stack()

    def _in_stack(self) -> bool:
        return any(screen is self for screen in self.app.screen_stack)

    def on_unmount(self) -> None:
        self._live = False

    # -- the report ----------------------------------------------------------------------
    def action_write_report(self) -> None:
        if not self.live:
            return
        self.notify("Writing the report of the last six weeks…", title="Report", timeout=3)
        self._write_report()

    @work(thread=True, exclusive=True, group="history-report")
    def _write_report(self) -> None:
        """Read every month and write the file off the event loop, then say where."""
        try:
            path = self.coach.write_report()
        except UserError as error:
            self.app.call_from_thread(
                self.notify,
                f"No report was written: {error}",
                title="Report",
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        self.app.call_from_thread(
            self.notify,
            f"Written to {path}. Open it in a browser to read, print or save it as a PDF.",
            title="Report",
            timeout=10,
            markup=False,
        )

    # -- recording -----------------------------------------------------------------------
    def action_log_activity(self) -> None:
        if not self.live:
            return
        if self._refuse_when_read_only():
            return
        kinds = sorted({a.kind for a in self.journal.activities})
        self.app.push_screen(LogActivityForm(self.coach.today(), kinds), self._save)

    def action_rest_day(self) -> None:
        if not self.live:
            return
        if self._refuse_when_read_only():
            return
        self.app.push_screen(LogRestDayForm(self.coach.today(), self.journal.sessions), self._save)

    def _selected_entry(self) -> Entry | None:
        """The entry under the journal's cursor, or None (and a notice) when there is none."""
        chosen = self.query_one(JournalTable).chosen_id()
        if chosen is None:
            self.notify("There is no entry to choose yet.", title="Nothing selected", timeout=4)
            return None
        return self.entries.get(chosen)

    def action_delete_entry(self) -> None:
        if not self.live or self._refuse_when_read_only():
            return
        entry = self._selected_entry()
        if entry is None:
            return
        words = entry_words(entry.kind, entry.record)

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            if self.save(lambda: self.coach.delete_entry(entry.id)) is not None:
                self.notify(f"Deleted {words}.", title="Deleted", markup=False)

        self.app.push_screen(
            ConfirmScreen(
                "Delete this entry?",
                f"{words[0].upper()}{words[1:]} goes from your history, streaks and exports, "
                "on every machine that shares this journal.",
                yes="delete it",
                no="keep it",
            ),
            answered,
        )

    def action_edit_pain(self) -> None:
        if not self.live or self._refuse_when_read_only():
            return
        entry = self._selected_entry()
        if entry is None:
            return
        session = entry.record
        if not isinstance(session, Session):
            self.notify(
                "Only a rehab session has pains to correct: choose one in the journal.",
                title="Not a session",
                timeout=5,
            )
            return
        words = entry_words(entry.kind, session)

        def edited(entry: PainEntry | None) -> None:
            if entry is None:
                return
            if (
                self.save(lambda: self.coach.edit_pain(session, entry.pain_after, entry.pain_during))
                is not None
            ):
                self.notify(f"Corrected the pains of {words}.", title="Saved", markup=False)

        form = EditPainForm(self.coach.today(), words, session.pain_after, session.pain_during)
        self.app.push_screen(form, edited)

    def _refuse_when_read_only(self) -> bool:
        if self.coach.read_only:
            self.notify(
                "Nothing can be logged: a data file is damaged, so this run is "
                "read-only. Home names the file and how to fix it.",
                title="Read-only",
                severity="error",
                timeout=8,
            )
        return self.coach.read_only

    def _save(self, entry: ActivityEntry | RestEntry | None) -> None:
        coach = self.coach
        if isinstance(entry, ActivityEntry):
            saved = self.save(lambda: coach.log_activity(entry.day, entry.kind, entry.minutes))
            if saved is not None:
                self.notify(
                    f"Logged {saved.minutes} min of {saved.kind} on {day_words(saved.day)}.",
                    title="Saved",
                    markup=False,
                )
        elif isinstance(entry, RestEntry):
            before = {r.day for r in self.journal.rest_days}
            rest = self.save(lambda: coach.log_rest_day(entry.day))
            if rest is not None:
                already = rest.day in before
                self.notify(
                    f"{day_words(rest.day)} {'was already' if already else 'is now'} a rest day.",
                    title="Saved",
                    markup=False,
                )
