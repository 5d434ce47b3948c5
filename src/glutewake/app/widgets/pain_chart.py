"""Pain over the weeks as a chart: the highest pain of each kind per week on a fixed 0-10
scale, one letter per kind (so it reads without colour), with the core's direction word.

Drawn here rather than with a plotting library: plotext tells its lines apart by colour,
scales the axis to the data and pins an older plotext than the current one; a 0-10 grid of
letters is what this chart needs.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from glutewake.app.views.history import CHART_SERIES, PainWeek, series_values
from glutewake.core.trend import direction

TITLE = "Pain, the highest each week (0 to 10)"
AXIS = 4  # `10 ┤`
CELL = 3  # columns per week
LEGEND = 40
SEVERAL = "*"


class PainChart(Widget):
    """Weeks left to right (the latest on the right), pain 0 to 10 bottom to top."""

    DEFAULT_CSS = """
    PainChart { height: 13; width: 1fr; }
    PainChart > .pain-chart--title { text-style: bold; }
    PainChart > .pain-chart--axis { color: $text-muted; }
    PainChart > .pain-chart--mark { color: $accent; text-style: bold; }
    """
    COMPONENT_CLASSES = {"pain-chart--title", "pain-chart--axis", "pain-chart--mark"}

    weeks: reactive[tuple[PainWeek, ...]] = reactive(())
    """The weeks, oldest first."""

    def render(self) -> Text:
        style = self.get_component_rich_style
        axis = style("pain-chart--axis", partial=True)
        mark = style("pain-chart--mark", partial=True)
        width = self.content_size.width or 120
        rows = max(3, (self.content_size.height or 13) - 2)  # the title and the week labels
        count = max(1, min(len(self.weeks), (width - AXIS - LEGEND - 2) // CELL))
        weeks = self.weeks[-count:]
        grid = [[" "] * len(weeks) for _ in range(rows)]
        for column, week in enumerate(weeks):
            for letter_index, pain in enumerate(week.highest):
                if pain is None:
                    continue
                row = rows - 1 - round(pain * (rows - 1) / 10)
                here = grid[row][column]
                grid[row][column] = CHART_SERIES[letter_index][0] if here == " " else SEVERAL
        legend = self._legend()
        lines = [Text(TITLE, style=style("pain-chart--title"))]
        for row in range(rows):
            value = round((rows - 1 - row) * 10 / (rows - 1))
            labelled = row in (0, rows - 1) or (rows >= 5 and row == (rows - 1) // 2)
            line = Text(f"{value:>2} ┤" if labelled else "   │", style=axis)
            for cell in grid[row]:
                line.append(f" {cell} ", mark if cell != " " else axis)
            line.pad_right(AXIS + CELL * len(weeks) + 2 - line.cell_len)
            if row < len(legend):
                line.append_text(legend[row])
            lines.append(line)
        labels = Text("    ", style=axis)
        for column, week in enumerate(weeks):
            if column % 4 == 0:
                labels.append(f"{week.monday.day} {week.monday:%b}"[: CELL * 4].ljust(CELL * 4), axis)
        lines.append(labels)
        return Text("\n").join(lines)

    def _legend(self) -> list[Text]:
        entries = []
        for index, (letter, name) in enumerate(CHART_SERIES):
            values = series_values(self.weeks, index)
            if values:
                figures = f"{values[0]} → {values[-1]}" if len(values) > 1 else str(values[0])
                words = f"  {figures}  {direction(values)}".rstrip()
            else:
                words = "  none given"
            entries.append(Text.assemble((letter, "bold"), f" {name:<20}{words}"))
        entries.append(Text(f"{SEVERAL} two or more at one point"))
        return entries
