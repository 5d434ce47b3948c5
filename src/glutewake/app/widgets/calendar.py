"""The streak calendar: twelve weeks as columns, a glyph and a colour for each day, a legend.

Every kind of day has its own glyph, so the calendar reads the same without colour; today
sits in brackets.
"""

from __future__ import annotations

import datetime as dt

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from glutewake.core.history import DAY_MARKS, DayMark

TYPE_CHECKING = False
if TYPE_CHECKING:
    from glutewake.core.history import DayMarkWord

Weeks = tuple[tuple[tuple[dt.date, "DayMarkWord"], ...], ...]

GLYPHS: dict[DayMarkWord, str] = {
    DayMark.DONE: "●",
    DayMark.PARTIAL: "◐",
    DayMark.REST: "R",
    DayMark.ACTIVE: "~",
    DayMark.MISSED: "·",
    DayMark.OPEN: "◉",
    DayMark.FUTURE: " ",
    DayMark.BEFORE: " ",
}
LEGEND: tuple[tuple[DayMarkWord, str], ...] = (
    (DayMark.DONE, "done: a session completed"),
    (DayMark.PARTIAL, "partial only"),
    (DayMark.REST, "rest day"),
    (DayMark.ACTIVE, "other activity only"),
    (DayMark.MISSED, "missed"),
    (DayMark.OPEN, "today, still open"),
)
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
CELL = 3  # columns per day: the glyph with a space, or a bracket, either side
LEGEND_GAP = 3


LEGEND_WIDTH = max(len(words) for _, words in LEGEND) + 2


def weeks_that_fit(width: int, most: int) -> int:
    """How many weeks the calendar draws with its legend in `width` columns (at least four)."""
    return max(4, min(most, (width - 4 - LEGEND_GAP - LEGEND_WIDTH) // CELL))


def _component(mark: DayMarkWord) -> str:
    return f"calendar--{mark}"


class StreakCalendar(Widget):
    """Weeks as columns (oldest on the left), Monday at the top, month names above, the
    legend to the right."""

    DEFAULT_CSS = """
    StreakCalendar { width: auto; height: auto; }
    StreakCalendar > .calendar--done { color: $success; text-style: bold; }
    StreakCalendar > .calendar--partial { color: $warning; }
    StreakCalendar > .calendar--rest { color: $primary; text-style: bold; }
    StreakCalendar > .calendar--active { color: $secondary; text-style: bold; }
    StreakCalendar > .calendar--missed { color: $text-muted; }
    StreakCalendar > .calendar--open { color: $accent; text-style: bold; }
    StreakCalendar > .calendar--future { color: $text-muted; }
    StreakCalendar > .calendar--before { color: $text-muted; }
    StreakCalendar > .calendar--today { color: $accent; text-style: bold; }
    StreakCalendar > .calendar--label { color: $text-muted; }
    """
    COMPONENT_CLASSES = {
        *(_component(mark) for mark in DAY_MARKS),
        "calendar--today",
        "calendar--label",
    }

    weeks: reactive[Weeks] = reactive((), layout=True)
    """The calendar's weeks, oldest first, each Monday to Sunday."""
    today: reactive[dt.date | None] = reactive(None)
    """The day drawn in brackets."""
    selected: reactive[dt.date | None] = reactive(None)
    """The day of the entry picked in the journal, drawn in reverse."""
    shown_weeks: reactive[int] = reactive(12, layout=True)
    """How many of the latest weeks to draw (as many as the window has room for)."""

    @property
    def shown(self) -> Weeks:
        return self.weeks[-self.shown_weeks :] if self.shown_weeks else ()

    def mark_of(self, day: dt.date) -> DayMarkWord | None:
        """What the calendar shows for `day`, or None when the day is not on it."""
        for week in self.weeks:
            for shown, mark in week:
                if shown == day:
                    return mark
        return None

    def render(self) -> Text:
        label_style = self.get_component_rich_style("calendar--label", partial=True)
        today_style = self.get_component_rich_style("calendar--today", partial=True)
        styles = {mark: self.get_component_rich_style(_component(mark), partial=True) for mark in DAY_MARKS}
        shown = self.shown
        grid_width = 4 + CELL * len(shown)
        months = Text(f"    {self._month_line()}", style=label_style)
        lines = [months]
        for weekday, name in enumerate(WEEKDAYS):
            line = Text(f"{name} ", style=label_style)
            for week in shown:
                day, mark = week[weekday]
                is_today = day == self.today
                style = styles[mark] + Style(reverse=True) if day == self.selected else styles[mark]
                line.append("[" if is_today else " ", today_style)
                line.append(GLYPHS[mark], style)
                line.append("]" if is_today else " ", today_style)
            lines.append(line)
        legend = [Text.assemble((GLYPHS[mark], styles[mark]), f" {words}") for mark, words in LEGEND]
        legend.append(Text.assemble(("[ ]", today_style), " today"))
        for row, entry in enumerate(legend, start=1):
            lines[row].pad_right(grid_width - lines[row].cell_len + LEGEND_GAP)
            lines[row].append_text(entry)
        return Text("\n").join(lines)

    def _month_line(self) -> str:
        """Month names over the week holding each month's first day (and the first week)."""
        shown = self.shown
        cells = [" " * CELL for _ in shown]
        for column, week in enumerate(shown):
            first_of_month = next((day for day, _ in week if day.day == 1), None)
            if first_of_month is not None:
                cells[column] = f"{first_of_month:%b}"
        if shown and cells[0].isspace() and (len(cells) < 2 or cells[1].isspace()):
            cells[0] = f"{shown[0][0][0]:%b}"
        return "".join(cells).rstrip()


class DayLine(Widget):
    """One line under the calendar: the selected day and what it held. Its height never
    changes, so a new day repaints this line alone, without laying the screen out again."""

    DEFAULT_CSS = "DayLine { height: 1; width: 1fr; color: $text-muted; }"

    text: reactive[str] = reactive("")

    def render(self) -> Text:
        return Text(self.text, no_wrap=True, overflow="ellipsis")
