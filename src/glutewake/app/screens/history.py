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
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Digits, Static
from textual.worker import get_current_worker

from glutewake.app.keys import Key, bindings_for, keys_for
from glutewake.app.messages import SavedDataChanged
from glutewake.app.screens.journal_editing import JournalEditing
from glutewake.app.services.journal_reading import read_everything, read_recent, read_streak
from glutewake.app.views.history import (
    CALENDAR_WEEKS,
    EMPTY_STATE,
    READ_ONLY_NOTE,
    STREAK_RULE,
    activities_words,
    calendar_start,
    journal_counts,
    pain_series,
    streak_line,
    variety_nudge,
    weekly_pain,
)
from glutewake.app.views.journal import (
    EVERYTHING,
    NEWEST_FIRST,
    Entry,
    Filter,
    SortOrder,
    entries_newest_first,
)
from glutewake.app.widgets.calendar import DayLine, StreakCalendar, weeks_that_fit
from glutewake.app.widgets.journal_table import JournalTable
from glutewake.app.widgets.key_line import KeyLine
from glutewake.app.widgets.pain_chart import PainChart
from glutewake.app.widgets.pain_trend import PainTrend
from glutewake.app.widgets.title_bar import TitleBar
from glutewake.app.widgets.variety_weeks import VarietyWeeks
from glutewake.core.history import calendar_weeks, day_activities, weeks_variety
from glutewake.core.records import Journal
from glutewake.core.streaks import Streak, compute_streak, done_days, rest_days
from glutewake.core.wording import noun

if TYPE_CHECKING:
    from glutewake.app.services.coach import Coach

CHUNK = 400  # rows added between two looks at the keyboard, so scrolling never stalls
PANES = ("calendar", "weeks", "pain")  # what takes turns in the panel of a short window
VARIETY_WEEKS = 12


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


class HistoryScreen(JournalEditing):
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
            yield JournalTable(id="history-journal")
        yield KeyLine(self._keys(), id="keys")

    def _keys(self) -> tuple[Key, ...]:
        # The panel's own line names `v` on a short window, where it does something.
        history = tuple(key for key in keys_for("history") if key.action != "next_pane")
        return (*history, *keys_for("screen"), keys_for("everywhere")[0])

    def on_mount(self) -> None:
        if not self._in_stack():  # closed again before it was up, its widgets going
            return
        self._live = True
        self._show_pane()
        self._lay_out_table(self.app.size.width)
        self.reload()

    def on_resize(self, event: events.Resize) -> None:
        if not self.live:
            return
        self._lay_out_table(event.size.width)
        self._fit_calendar()

    def _lay_out_table(self, width: int) -> None:
        """The journal's columns for the window's width (the rows again when they change)."""
        table = self.query_one(JournalTable)
        if table.make_columns(width) and self.entries:
            self._refill()
        table.fit_details(width)

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

    def action_refresh(self) -> None:
        if not self.live:
            return
        self.announce_refresh = True
        self.reload()

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
        table = self.query_one(JournalTable)
        table.clear()
        self._add_rows(tuple(self.entries.values()), finished=self.complete)

    @work(exclusive=True, group="history-rows")
    async def _add_rows(self, entries: tuple[Entry, ...], finished: bool) -> None:
        """Add the entries the table lacks that pass the filter, a chunk at a time; stop when
        the screen has closed."""
        table = self.query_one(JournalTable)
        worker = get_current_worker()
        kinds = self.entry_filter.kinds
        narrow = bool(table.narrow)
        missing = [e for e in entries if e.kind in kinds and e.id not in table.rows]
        for start in range(0, len(missing), CHUNK):
            if worker.is_cancelled or not self.live:
                return
            for entry in missing[start : start + CHUNK]:
                table.add_entry(entry, narrow=narrow)
            if len(missing) > CHUNK:
                await asyncio.sleep(0)
        if worker.is_cancelled or not self.live:
            return
        self.complete = finished
        self._sort()
        if finished and self.announce_refresh:
            self.announce_refresh = False
            self.notify(f"Read again: {journal_counts(self.journal)}.", title="History")

    # -- showing -------------------------------------------------------------------------
    def _show_streak(self, streak: Streak) -> None:
        self._streak_shown = True
        self.query_one("#history-current", Digits).update(str(streak.current))
        self.query_one("#history-longest", Digits).update(str(streak.longest))
        self.query_one("#history-current-label", Static).update(f"{noun(streak.current, 'day')} in\na row")
        self.query_one("#history-streak-line", Static).update(streak_line(streak))

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
        table = self.query_one(JournalTable)
        table.show_order(self.session_order, self.entry_filter, complete=self.complete)

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
