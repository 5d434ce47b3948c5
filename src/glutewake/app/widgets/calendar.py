"""The streak calendar: twelve weeks as columns, a glyph and a colour for each day, a legend.

Every kind of day has its own glyph, so the calendar reads the same without colour; today
sits in brackets.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from glutewake.core.history import DayMark

Weeks = tuple[tuple[tuple[dt.date, DayMark], ...], ...]

GLYPHS: dict[DayMark, str] = {
    DayMark.DONE: "●",
    DayMark.PARTIAL: "◐",
    DayMark.REST: "R",
    DayMark.ACTIVE: "~",
    DayMark.MISSED: "·",
    DayMark.OPEN: "◉",
    DayMark.FUTURE: " ",
    DayMark.BEFORE: " ",
}
LEGEND: tuple[tuple[DayMark, str], ...] = (
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


def _component(mark: DayMark) -> str:
    return f"calendar--{mark.value}"


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
        *(_component(mark) for mark in DayMark),
        "calendar--today",
        "calendar--label",
    }

    weeks: reactive[Weeks] = reactive((), layout=True)
    """The calendar's weeks, oldest first, each Monday to Sunday."""
    today: reactive[dt.date | None] = reactive(None)
    """The day drawn in brackets."""

    def mark_of(self, day: dt.date) -> DayMark | None:
        """What the calendar shows for `day`, or None when the day is not on it."""
        for week in self.weeks:
            for shown, mark in week:
                if shown == day:
                    return mark
        return None

    def render(self) -> Text:
        label_style = self.get_component_rich_style("calendar--label", partial=True)
        today_style = self.get_component_rich_style("calendar--today", partial=True)
        styles = {mark: self.get_component_rich_style(_component(mark), partial=True) for mark in DayMark}
        grid_width = 4 + CELL * len(self.weeks)
        months = Text(f"    {self._month_line()}", style=label_style)
        lines = [months]
        for weekday, name in enumerate(WEEKDAYS):
            line = Text(f"{name} ", style=label_style)
            for week in self.weeks:
                day, mark = week[weekday]
                is_today = day == self.today
                line.append("[" if is_today else " ", today_style)
                line.append(GLYPHS[mark], styles[mark])
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
        cells = [" " * CELL for _ in self.weeks]
        for column, week in enumerate(self.weeks):
            first_of_month = next((day for day, _ in week if day.day == 1), None)
            if first_of_month is not None:
                cells[column] = f"{first_of_month:%b}"
        if self.weeks and cells[0].isspace() and (len(cells) < 2 or cells[1].isspace()):
            cells[0] = f"{self.weeks[0][0][0]:%b}"
        return "".join(cells).rstrip()
