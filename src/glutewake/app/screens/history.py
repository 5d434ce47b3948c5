"""History: streaks, twelve weeks of days, variety week by week, pain trends, every entry.

The screen opens on the last twelve weeks' month files alone (a handful, however long the
history); the streak and the full journal follow from a worker thread, so ten years of
journal never hold up the first paint. The thread only posts messages: a screen that has
closed in the meantime drops them, and the rows it adds a chunk at a time stop there too.

On a short window the calendar, the weeks and the pain trends take turns in one panel
(`v`); a tall one shows them all, and a tall, wide one draws pain as a chart.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Digits, Static
from textual.widgets.data_table import ColumnKey
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
    DETAILS_MIN,
    EVERYTHING,
    NEWEST_FIRST,
    NO_PAIN,
    WIDTHS,
    Cell,
    Details,
    Entry,
    Filter,
    SortOrder,
    activities_words,
    calendar_start,
    day_words,
    entries_newest_first,
    pain_series,
    variety_nudge,
    weekly_pain,
)
from glutewake.app.widgets.calendar import DayLine, StreakCalendar, weeks_that_fit
from glutewake.app.widgets.key_line import KeyLine
from glutewake.app.widgets.pain_chart import PainChart
from glutewake.app.widgets.pain_trend import PainTrend
from glutewake.app.widgets.title_bar import TitleBar
from glutewake.app.widgets.variety_weeks import VarietyWeeks
from glutewake.core.history import calendar_weeks, day_activities, entry_words, weeks_variety
from glutewake.core.journal import merge, months_between
from glutewake.core.records import Journal, Session
from glutewake.core.streaks import Streak, compute_streak, done_days, rest_days
from glutewake.core.wording import counted, noun
from glutewake.errors import UserError
from glutewake.store.errors import StoreError


def narrow_cells(entry: Entry) -> tuple[Cell, ...]:
    """An entry's date, what it is, and its details with the pain and the morning after them."""
    date, what, details, pain, morning = entry.cells
    extra = []
    if str(pain) != NO_PAIN:
        extra.append(f"pain after {str(pain).strip()}")
    if str(morning) != "–":
        extra.append(f"morning {morning}")
    assert isinstance(details, Details)
    parts = (*details.parts[:2], *extra, *details.parts[2:])
    return (date, what, Details(details.order, " · ".join(parts), parts))


if TYPE_CHECKING:
    from glutewake.app.services.coach import Coach
    from glutewake.store import Store

STREAK_RULE = (
    "A day counts when it holds a completed session. Rest days keep the run going; "
    "a day with neither ends it."
)
SHORT_RULE = "a day counts when it holds a completed session; rest days keep the run going"
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


CHUNK = 400  # rows added between two looks at the keyboard, so scrolling never stalls
PANES = ("calendar", "weeks", "pain")  # what takes turns in the panel of a short window
VARIETY_WEEKS = 12
NARROW_TABLE = 70  # below this many columns the pain and morning go into the details


class JournalRead(Message):
    """Posted by the reading thread: the streak (from the store's summary) first, then every
    record with the journal's rows made ready off the event loop."""

    bubble = False

    def __init__(
        self,
        reading: int,
        today: dt.date,
        streak: Streak | None,
        journal: Journal | None = None,
        entries: tuple[Entry, ...] = (),
    ) -> None:
        super().__init__()
        self.reading = reading
        """Which `reload` started the read: a message from an earlier one is dropped."""
        self.today = today
        self.streak = streak
        self.journal = journal
        self.entries = entries


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


def read_everything(store: Store, stop: Callable[[], bool] = lambda: False) -> Journal | None:
    """Every month that can be read, merged; None as soon as `stop()` says the screen has
    gone (so a thread left behind by a closed screen stops between two months)."""
    journals = []
    try:
        months = store.months()
    except StoreError:
        return Journal()
    for month in months:
        if stop():
            return None
        try:
            journals.append(store.read_month(month))
        except StoreError:
            continue
    return merge(journals)


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
    """Streaks, the calendar, variety, pain, every entry; `l` / `R` log, `f` filters, `r` reads again."""

    CSS_PATH = "../styles/history.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings_for("history"), *bindings_for("screen")]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]

    def __init__(self, coach: Coach) -> None:
        super().__init__(coach)
        self.session_order: SortOrder = NEWEST_FIRST
        self.entry_filter: Filter = EVERYTHING
        self.pane = PANES[0]
        self.journal = Journal()
        self.entries: dict[str, Entry] = {}
        """Every entry read so far by its row key (the record's id)."""
        self.complete = False  # whether the journal holds every entry or only recent ones
        self.announce_refresh = False
        self.reading = 0
        self.selected_day: dt.date | None = None
        self._streak_shown = False
        self._shown_rows: set[str] = set()
        self._narrow_table: bool | None = None
        self._live = False

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
            yield Static("streak –", id="history-streak-line", markup=False)
            yield Static(EMPTY_STATE, id="history-empty", markup=False)
            yield Static(id="history-panes", markup=False)
            with Horizontal(id="history-middle"):
                with Vertical(id="history-calendar-pane"):
                    yield StreakCalendar(id="history-calendar")
                    yield DayLine(id="history-day")
                with Vertical(id="history-weeks-pane"):
                    yield VarietyWeeks(id="history-weeks")
                    yield Static(id="history-nudge", markup=False)
            with Vertical(id="history-pain"):
                for name in ("during", "after", "sessions"):
                    yield PainTrend(id=f"history-pain-{name}")
                yield PainChart(id="history-chart")
            yield DataTable(id="history-journal", cursor_type="row", zebra_stripes=True)
        yield KeyLine(self._keys(), id="keys")

    def _keys(self) -> tuple[Key, ...]:
        # The panel's own line names `v` on a short window, where it does something.
        history = tuple(key for key in keys_for("history") if key.action != "next_pane")
        return (*history, *keys_for("screen"), keys_for("everywhere")[0])

    @property
    def live(self) -> bool:
        """Whether the screen is up: composed and not yet closing. A key, a resize or a
        message that comes before or after that finds nothing to change, and is dropped."""
        return self._live and self.is_attached and self._in_stack()

    def _in_stack(self) -> bool:
        return any(screen is self for screen in self.app.screen_stack)

    def on_mount(self) -> None:
        if not self._in_stack():  # closed again before it was up, its widgets going
            return
        self._live = True
        self._show_pane()
        self._lay_out_table(self.app.size.width)
        self.reload()

    def on_unmount(self) -> None:
        self._live = False

    def on_resize(self, event: events.Resize) -> None:
        if not self.live:
            return
        self._lay_out_table(event.size.width)
        self._fit_calendar()

    def _lay_out_table(self, width: int) -> None:
        """Five columns, the details taking what the window leaves; below `NARROW_TABLE`
        columns three, the pain and the morning joining the details."""
        table = self.query_one("#history-journal", DataTable)
        narrow = width < NARROW_TABLE
        # The body's padding, the table's border and scrollbar, each column's padding.
        inside = width - 2 - 2 - 2
        if narrow != self._narrow_table:
            self._narrow_table = narrow
            table.clear(columns=True)
            self._shown_rows = set()
            for key, label in COLUMNS[:3] if narrow else COLUMNS:
                table.add_column(label, key=key, width=WIDTHS.get(key, DETAILS_MIN))
            if self.entries:
                self._refill()
        used = sum(WIDTHS[key] + 2 for key, _ in COLUMNS if key in table.columns and key != "details")
        details = table.columns.get(ColumnKey("details"))
        if details is not None:
            details.width = max(DETAILS_MIN, inside - used - 2)
            table.refresh(layout=True)
            table._require_update_dimensions = True  # noqa: SLF001  (no public way to re-measure a column)

    def _fit_calendar(self) -> None:
        calendar = self.query_one(StreakCalendar)
        pane = self.query_one("#history-calendar-pane")
        width = pane.content_region.width or self.app.size.width - 2
        calendar.shown_weeks = weeks_that_fit(width, CALENDAR_WEEKS)

    def on_saved_data_changed(self, message: SavedDataChanged) -> None:
        if self.live:
            self.reload()

    # -- reading -------------------------------------------------------------------------
    @property
    def reading_older(self) -> bool:
        """Whether older months are still being read or added to the table."""
        return not self.complete

    def reload(self) -> None:
        """Show the last twelve weeks at once, then read the streak and every entry."""
        self.workers.cancel_group(self, "history-rows")
        coach = self.coach
        today = coach.today()
        recent = read_recent(coach.store, calendar_start(today), today)
        self.complete = False
        self.reading += 1
        self._show(recent, today)
        self.entries = {entry.id: entry for entry in entries_newest_first(recent)}
        self._refill()
        # Started after the first paint, so the reading thread never delays it.
        self.call_after_refresh(self._read_in_background, self.reading, today)

    @work(thread=True, exclusive=True, group="history-read")
    def _read_in_background(self, reading: int, today: dt.date) -> None:
        store = self.coach.store
        worker = get_current_worker()
        streak = read_streak(store, today)
        if worker.is_cancelled:
            return
        # post_message is thread-safe: the screen handles each message on the event loop,
        # and a screen that has closed meanwhile never handles it.
        self.post_message(JournalRead(reading, today, streak))
        journal = read_everything(store, lambda: worker.is_cancelled)
        if journal is None:
            return
        entries = entries_newest_first(journal)
        if not worker.is_cancelled:
            self.post_message(JournalRead(reading, today, None, journal, entries))

    def on_journal_read(self, loaded: JournalRead) -> None:
        if loaded.reading != self.reading or not self.live:
            return
        today = loaded.today
        if loaded.streak is not None:
            self._show_streak(loaded.streak)
        if loaded.journal is not None:
            journal = loaded.journal
            if not self._streak_shown:  # a month the summary could not read
                self._show_streak(compute_streak(done_days(journal), rest_days(journal), today))
            self._show(journal, today, complete=True)
            self.entries = {entry.id: entry for entry in loaded.entries}
            self._add_rows(loaded.entries, finished=True)

    def _refill(self) -> None:
        """Show the entries read so far that pass the filter, from an empty table."""
        table = self.query_one("#history-journal", DataTable)
        table.clear()
        self._shown_rows = set()
        self._add_rows(tuple(self.entries.values()), finished=self.complete)

    @work(exclusive=True, group="history-rows")
    async def _add_rows(self, entries: tuple[Entry, ...], finished: bool) -> None:
        """Add the entries the table lacks that pass the filter, a chunk at a time; stop when
        the screen has closed."""
        table = self.query_one("#history-journal", DataTable)
        worker = get_current_worker()
        kinds = self.entry_filter.kinds
        narrow = bool(self._narrow_table)
        missing = [e for e in entries if e.kind in kinds and e.id not in self._shown_rows]
        for start in range(0, len(missing), CHUNK):
            if worker.is_cancelled or not self.live:
                return
            for entry in missing[start : start + CHUNK]:
                table.add_row(*(narrow_cells(entry) if narrow else entry.cells), key=entry.id)
                self._shown_rows.add(entry.id)
            if len(missing) > CHUNK:
                await asyncio.sleep(0)
        if worker.is_cancelled or not self.live:
            return
        self.complete = finished
        self._sort()
        if finished and self.announce_refresh:
            self.announce_refresh = False
            self.notify(f"Read again: {self._counts(self.journal)}.", title="History")

    # -- showing -------------------------------------------------------------------------
    def _show_streak(self, streak: Streak) -> None:
        self._streak_shown = True
        self.query_one("#history-current", Digits).update(str(streak.current))
        self.query_one("#history-longest", Digits).update(str(streak.longest))
        self.query_one("#history-current-label", Static).update(f"{noun(streak.current, 'day')} in\na row")
        self.query_one("#history-streak-line", Static).update(
            f"streak {counted(streak.current, 'day')} · longest {counted(streak.longest, 'day')} · "
            f"{SHORT_RULE}"
        )

    def _show(self, journal: Journal, today: dt.date, *, complete: bool = False) -> None:
        """Everything but the streak and the table: calendar, variety, pain, empty state."""
        self.journal = journal
        empty = not (
            journal.sessions
            or journal.rest_days
            or journal.activities
            or journal.symptom_checks
            or journal.morning_checks
        )
        # An empty recent window is not an empty history until every month has been read.
        self.set_class(empty and complete, "-empty")
        calendar = self.query_one(StreakCalendar)
        calendar.today = today
        calendar.weeks = tuple(tuple(week) for week in calendar_weeks(journal, today, CALENDAR_WEEKS))
        self._fit_calendar()
        weeks = weeks_variety(journal, today, VARIETY_WEEKS)
        self.query_one(VarietyWeeks).show(weeks, today)
        nudge = variety_nudge(weeks[0])
        self.query_one("#history-nudge", Static).update(nudge)
        self.query_one("#history-nudge").set_class(not nudge, "-blank")
        for name, series in zip(("during", "after", "sessions"), pain_series(journal), strict=True):
            self.query_one(f"#history-pain-{name}", PainTrend).series = series
        self.query_one(PainChart).weeks = weekly_pain(journal, today)
        self._show_day(self.selected_day or today)

    def _show_day(self, day: dt.date) -> None:
        """The selected day on the calendar, and the activities it holds in words."""
        self.selected_day = day
        self.query_one(StreakCalendar).selected = day
        self.query_one(DayLine).text = activities_words(day, day_activities(self.journal, day))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # A row highlighted just before the table was cleared arrives without its key.
        key = getattr(event.row_key, "value", None)
        entry = self.entries.get(str(key)) if key is not None else None
        if entry is not None and self.live:
            self._show_day(entry.day)

    def _sort(self) -> None:
        table = self.query_one("#history-journal", DataTable)
        if self.session_order.column in table.columns:
            table.sort(self.session_order.column, reverse=self.session_order.descending)
        count = counted(table.row_count, *self.entry_filter.noun)
        reading = "" if self.complete else " · reading older months…"
        shown = "" if self.entry_filter is EVERYTHING else f" · only {self.entry_filter.name}"
        table.border_title = f"Journal · {count}{shown} · {self.session_order.words}{reading}"
        table.border_subtitle = (
            "pain 0 to 10 · morning: the day after"
            if self._narrow_table
            else "pain: after the session, 0 to 10 · morning: the day after"
        )

    @staticmethod
    def _counts(journal: Journal) -> str:
        return ", ".join(
            (
                counted(len(journal.sessions), "session"),
                counted(len(journal.rest_days), "rest day"),
                counted(len(journal.activities), "activity", "activities"),
                counted(len(journal.symptom_checks), "symptom check"),
            )
        )

    # -- panes, filters and sorting ------------------------------------------------------
    def action_next_pane(self) -> None:
        if not self.live:
            return
        self.pane = PANES[(PANES.index(self.pane) + 1) % len(PANES)]
        self._show_pane()

    def _show_pane(self) -> None:
        for pane in PANES:
            self.set_class(pane == self.pane, f"-pane-{pane}")
        names = "   ".join(f"[{pane}]" if pane == self.pane else pane for pane in PANES)
        self.query_one("#history-panes", Static).update(f"v  {names}")

    def action_filter_next(self) -> None:
        if not self.live:
            return
        self.entry_filter = self.entry_filter.next()
        self._refill()
        self.notify(f"Showing {self.entry_filter.name}.", title="Journal", timeout=2)

    def action_sort_next(self) -> None:
        if not self.live:
            return
        self.session_order = self.session_order.next()
        self._sort()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        if not self.live:
            return
        self.session_order = self.session_order.clicked(str(event.column_key.value))
        self._sort()

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
    def action_refresh(self) -> None:
        if not self.live:
            return
        self.announce_refresh = True
        self.reload()

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
        table = self.query_one("#history-journal", DataTable)
        if table.row_count == 0:
            self.notify("There is no entry to choose yet.", title="Nothing selected", timeout=4)
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.entries.get(str(key))

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
