"""A pain trend: recent 0-10 scores as bars on a fixed scale, the first and last number beside
them and a word for the direction, so it reads without colour.

Textual's Sparkline scales bars between the series' own minimum and maximum, which would
draw a fall from 3 to 2 as steeply as one from 9 to 1; pain needs the fixed 0-10 scale.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from glutewake.app.views.history import PainSeries

BARS = "▁▂▃▄▅▆▇█"


def bar(score: int) -> str:
    """The block for a 0-10 score: 0 is the lowest bar, 10 the full one."""
    return BARS[round(max(0, min(10, score)) * (len(BARS) - 1) / 10)]


def level(score: int) -> str:
    """The colour band of a score: low (0-3), middle (4-6) or high (7-10)."""
    return "low" if score <= 3 else "middle" if score <= 6 else "high"


class PainTrend(Widget):
    """`pain after sessions   5 ▆▅▅▃▂ 2  falling` (0 to 10, latest on the right)."""

    DEFAULT_CSS = """
    PainTrend { height: 1; width: 1fr; }
    PainTrend > .pain-trend--label { color: $text-muted; }
    PainTrend > .pain-trend--low { color: $success; }
    PainTrend > .pain-trend--middle { color: $warning; }
    PainTrend > .pain-trend--high { color: $error; }
    PainTrend > .pain-trend--number { text-style: bold; }
    """
    COMPONENT_CLASSES = {
        "pain-trend--label",
        "pain-trend--low",
        "pain-trend--middle",
        "pain-trend--high",
        "pain-trend--number",
    }
    LABEL_WIDTH = 21

    series: reactive[PainSeries | None] = reactive(None)
    """The scores to draw, oldest first."""

    def render(self) -> Text:
        series = self.series
        if series is None:
            return Text()
        style = self.get_component_rich_style
        line = Text(f"{series.label:<{self.LABEL_WIDTH}}", style=style("pain-trend--label"))
        if not series.values:
            line.append(series.empty, style("pain-trend--label"))
            return line
        number = style("pain-trend--number", partial=True)
        first, last = series.values[0], series.values[-1]
        line.append(f"{first:>2} ", number)
        for score in series.values:
            line.append(bar(score), style(f"pain-trend--{level(score)}", partial=True))
        if len(series.values) > 1:
            line.append(f" {last}", number)
        if series.trend:
            line.append(f"  {series.trend}")
        return line
