"""History: streaks, twelve weeks of days, this week's variety, pain trends, every session.

The screen opens on the last twelve weeks' month files alone (a handful, however long the
history); the streak and the full sessions table follow from a worker thread, so ten years
of journal never hold up the first paint.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Digits, Static
from textual.worker import get_current_worker

from glutewake.app.keys import Key, bindings_for, keys_for
from glutewake.app.messages import SavedDataChanged
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
from glutewake.app.views.history import (
    CALENDAR_WEEKS,
    COLUMNS,
    NEWEST_FIRST,
    Cell,
    SortOrder,
    calendar_start,
    day_words,
    mornings_after,
    pain_series,
    session_cells,
    variety_line,
    variety_nudge,
)
from glutewake.app.widgets.calendar import StreakCalendar
from glutewake.app.widgets.key_line import KeyLine
from glutewake.app.widgets.pain_trend import PainTrend
from glutewake.app.widgets.title_bar import TitleBar
from glutewake.core.history import calendar_weeks, entry_words, week_variety
from glutewake.core.journal import merge, months_between
from glutewake.core.records import Journal, Session
from glutewake.core.streaks import Streak, compute_streak, done_days, rest_days
from glutewake.core.wording import counted, noun
from glutewake.errors import UserError
from glutewake.store.errors import StoreError

if TYPE_CHECKING:
    from glutewake.app.services.coach import Coach
    from glutewake.store import Store

STREAK_RULE = (
    "A day counts when it holds a completed session. Rest days keep the run going; "
    "a day with neither ends it."
)
EMPTY_STATE = (
    "Nothing recorded yet — this is where your streak will grow.\n\n"
    "Each completed session lights up a day on the calendar. Press escape and then s on the "
    "home screen to start today's. Did you swim, cycle or rest instead? Press l to log an "
    "activity, or R for a rest day."
)
READ_ONLY_NOTE = (
    "READ-ONLY: a data file could not be read, so nothing can be logged this run. "
    "Home says which file and how to fix it."
)


Row = tuple[str, tuple[Cell, ...]]  # a session's id and its table cells
CHUNK = 400  # rows added between two looks at the keyboard, so scrolling never stalls


class JournalRead(Message):
    """Posted by the reading thread: the streak (from the store's summary) first, then every
    record with the table rows made ready off the event loop."""

    bubble = False

    def __init__(
        self,
        reading: int,
        today: dt.date,
        streak: Streak | None,
        journal: Journal | None = None,
        rows: tuple[Row, ...] = (),
    ) -> None:
        super().__init__()
        self.reading = reading
        """Which `reload` started the read: a message from an earlier one is dropped."""
        self.today = today
        self.streak = streak
        self.journal = journal
        self.rows = rows


def rows_newest_first(journal: Journal) -> tuple[Row, ...]:
    ordered = sorted(journal.sessions, key=lambda s: s.started_at, reverse=True)
    mornings = mornings_after(journal)
    return tuple((s.id, session_cells(s, mornings.get(s.day))) for s in ordered)


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


def read_everything(store: Store) -> Journal:
    try:
        return store.read_journal(skip_problems=True)
    except StoreError:
        return Journal()


def read_streak(store: Store, today: dt.date) -> Streak | None:
    """The streak from the store's per-month summary (cheap once cached), or None when a
    month cannot be read."""
    from glutewake.store.summary import journal_days

    try:
        days = journal_days(store)
    except StoreError:
        return None
    return compute_streak(days.done, days.rest, today)


class HistoryScreen(CoachScreen[None]):
    """Streaks, the calendar, variety, pain, sessions; `l` / `R` log, `r` reads again."""

    CSS_PATH = "../styles/history.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings_for("history"), *bindings_for("screen")]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]

    def __init__(self, coach: Coach) -> None:
        super().__init__(coach)
        self.session_order: SortOrder = NEWEST_FIRST
        self.journal = Journal()
        self.complete = False  # whether the table holds every session or only recent ones
        self.announce_refresh = False
        self.reading = 0
        self._streak_shown = False
        self._shown_rows: set[str] = set()

    # -- layout --------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield TitleBar("History", today=self.coach.today())
        if self.coach.read_only:
            yield Static(READ_ONLY_NOTE, id="history-read-only", markup=False)
        with Vertical(id="history-body"):
            with Horizontal(id="history-streaks"):
                yield Digits("-", id="history-current")
                yield Static("days in\na row", id="history-current-label", classes="history-streak-label")
                yield Digits("-", id="history-longest")
                yield Static("longest\nrun", id="history-longest-label", classes="history-streak-label")
                yield Static(STREAK_RULE, id="history-rule", markup=False)
            yield Static(EMPTY_STATE, id="history-empty", markup=False)
            with Horizontal(id="history-middle"):
                yield StreakCalendar(id="history-calendar")
                with Vertical(id="history-side"):
                    yield Static(id="history-variety", markup=False)
                    yield Static(id="history-nudge", markup=False)
                    with Vertical(id="history-pain"):
                        for name in ("during", "after", "sessions"):
                            yield PainTrend(id=f"history-pain-{name}")
            yield DataTable(id="history-sessions", cursor_type="row", zebra_stripes=True)
        yield KeyLine(self._keys(), id="keys")

    def _keys(self) -> tuple[Key, ...]:
        return (*keys_for("history"), *keys_for("screen"), keys_for("everywhere")[0])

    def on_mount(self) -> None:
        table = self.query_one("#history-sessions", DataTable)
        # Eight columns in the 74 cells an 80-column window gives the table.
        widths = {"date": 10, "programme": 9, "status": 9, "source": 4, "reps": 7, "stretches": 7}
        widths |= {"pain": 4, "morning": 8}
        for key, label in COLUMNS:
            table.add_column("pain" if key == "pain" else label, key=key, width=widths[key])
        self.reload()

    def on_saved_data_changed(self, message: SavedDataChanged) -> None:
        self.reload()

    # -- reading -------------------------------------------------------------------------
    @property
    def reading_older(self) -> bool:
        """Whether older months are still being read or added to the table."""
        return not self.complete

    def reload(self) -> None:
        """Show the last twelve weeks at once, then read the streak and every session."""
        self.workers.cancel_group(self, "history-rows")
        coach = self.coach
        today = coach.today()
        recent = read_recent(coach.store, calendar_start(today), today)
        self.complete = False
        self.reading += 1
        self._show(recent, today)
        self._fill_table(rows_newest_first(recent))
        # Started after the first paint, so the reading thread never delays it.
        self.call_after_refresh(self._read_in_background, self.reading, today)

    @work(thread=True, exclusive=True, group="history-read")
    def _read_in_background(self, reading: int, today: dt.date) -> None:
        store = self.coach.store
        worker = get_current_worker()
        streak = read_streak(store, today)
        if worker.is_cancelled:
            return
        # post_message is thread-safe: the screen handles each message on the event loop.
        self.post_message(JournalRead(reading, today, streak))
        journal = read_everything(store)
        rows = rows_newest_first(journal)
        if not worker.is_cancelled:
            self.post_message(JournalRead(reading, today, None, journal, rows))

    def on_journal_read(self, loaded: JournalRead) -> None:
        if loaded.reading != self.reading:
            return
        today = loaded.today
        if loaded.streak is not None:
            self._show_streak(loaded.streak)
        if loaded.journal is not None:
            journal = loaded.journal
            if not self._streak_shown:  # a month the summary could not read
                self._show_streak(compute_streak(done_days(journal), rest_days(journal), today))
            self._show(journal, today, complete=True)
            self._add_older_rows(loaded.rows, journal)

    @work(exclusive=True, group="history-rows")
    async def _add_older_rows(self, rows: tuple[Row, ...], journal: Journal) -> None:
        """Add the sessions the recent months did not hold, a chunk at a time."""
        table = self.query_one("#history-sessions", DataTable)
        missing = [(key, cells) for key, cells in rows if key not in self._shown_rows]
        for start in range(0, len(missing), CHUNK):
            for key, cells in missing[start : start + CHUNK]:
                table.add_row(*cells, key=key)
                self._shown_rows.add(key)
            await asyncio.sleep(0)
        self.complete = True
        self._sort()
        if self.announce_refresh:
            self.announce_refresh = False
            self.notify(f"Read again: {self._counts(journal)}.", title="History")

    # -- showing -------------------------------------------------------------------------
    def _show_streak(self, streak: Streak) -> None:
        self._streak_shown = True
        self.query_one("#history-current", Digits).update(str(streak.current))
        self.query_one("#history-longest", Digits).update(str(streak.longest))
        self.query_one("#history-current-label", Static).update(f"{noun(streak.current, 'day')} in\na row")

    def _show(self, journal: Journal, today: dt.date, *, complete: bool = False) -> None:
        """Everything but the streak and the table: calendar, variety, pain, empty state."""
        self.journal = journal
        empty = not (journal.sessions or journal.rest_days or journal.activities or journal.symptom_checks)
        # An empty recent window is not an empty history until every month has been read.
        self.set_class(empty and complete, "-empty")
        calendar = self.query_one(StreakCalendar)
        calendar.today = today
        calendar.weeks = tuple(tuple(week) for week in calendar_weeks(journal, today, CALENDAR_WEEKS))
        week = week_variety(journal, today)
        self.query_one("#history-variety", Static).update(f"This week  {variety_line(week)}")
        nudge = variety_nudge(week)
        self.query_one("#history-nudge", Static).update(nudge)
        self.query_one("#history-nudge").set_class(not nudge, "-blank")
        for name, series in zip(("during", "after", "sessions"), pain_series(journal), strict=True):
            self.query_one(f"#history-pain-{name}", PainTrend).series = series

    def _fill_table(self, rows: tuple[Row, ...]) -> None:
        table = self.query_one("#history-sessions", DataTable)
        table.clear()
        self._shown_rows = set()
        for key, cells in rows:
            table.add_row(*cells, key=key)
            self._shown_rows.add(key)
        self._sort()

    def _sort(self) -> None:
        table = self.query_one("#history-sessions", DataTable)
        table.sort(self.session_order.column, reverse=self.session_order.descending)
        count = counted(table.row_count, "session")
        reading = "" if self.complete else " · reading older months…"
        table.border_title = f"Sessions · {count} · {self.session_order.words}{reading}"
        table.border_subtitle = "pain: after the session, 0 to 10 · morning: the day after"

    @staticmethod
    def _counts(journal: Journal) -> str:
        return ", ".join(
            (
                counted(len(journal.sessions), "session"),
                counted(len(journal.rest_days), "rest day"),
                counted(len(journal.activities), "activity", "activities"),
            )
        )

    # -- sorting -------------------------------------------------------------------------
    def action_sort_next(self) -> None:
        self.session_order = self.session_order.next()
        self._sort()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        self.session_order = self.session_order.clicked(str(event.column_key.value))
        self._sort()

    # -- the report ----------------------------------------------------------------------
    def action_write_report(self) -> None:
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
    def action_refresh(self) -> None:
        self.announce_refresh = True
        self.reload()

    def action_log_activity(self) -> None:
        if self._refuse_when_read_only():
            return
        kinds = sorted({a.kind for a in self.journal.activities})
        self.app.push_screen(LogActivityForm(self.coach.today(), kinds), self._save)

    def action_rest_day(self) -> None:
        if self._refuse_when_read_only():
            return
        self.app.push_screen(LogRestDayForm(self.coach.today()), self._save)

    def _selected_session(self) -> Session | None:
        table = self.query_one("#history-sessions", DataTable)
        if table.row_count == 0:
            self.notify("There is no session to choose yet.", title="Nothing selected", timeout=4)
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((s for s in self.journal.sessions if s.id == key), None)

    def action_delete_entry(self) -> None:
        if self._refuse_when_read_only():
            return
        session = self._selected_session()
        if session is None:
            return
        words = entry_words("sessions", session)

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            if self.save(lambda: self.coach.delete_entry(session.id)) is not None:
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
        if self._refuse_when_read_only():
            return
        session = self._selected_session()
        if session is None:
            return
        words = entry_words("sessions", session)

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
