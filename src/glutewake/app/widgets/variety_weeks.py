"""Variety week by week: for each recent week (as many as fit), the rehab days, the other
activities by kind with their minutes, and a plain-word verdict."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from glutewake.app.views.history import week_done, week_label
from glutewake.app.views.journal import fitted
from glutewake.core.history import WeekVariety

TITLE = "Variety, week by week"
LABEL = 11  # `this week`, `last week`, `9 Nov`
VERDICT = 15  # `nothing logged`, `swimming only`


class VarietyWeeks(Widget):
    """`this week  varied          rehab 2 days · swimming 30 min`, newest week first."""

    DEFAULT_CSS = """
    VarietyWeeks { height: 1fr; width: 1fr; }
    VarietyWeeks > .variety-weeks--title { text-style: bold; }
    VarietyWeeks > .variety-weeks--label { color: $text-muted; }
    VarietyWeeks > .variety-weeks--varied { color: $success; }
    VarietyWeeks > .variety-weeks--one { color: $warning; }
    VarietyWeeks > .variety-weeks--none { color: $text-muted; }
    """
    COMPONENT_CLASSES = {
        "variety-weeks--title",
        "variety-weeks--label",
        "variety-weeks--varied",
        "variety-weeks--one",
        "variety-weeks--none",
    }

    weeks: reactive[tuple[WeekVariety, ...]] = reactive(())
    """The weeks, this week first."""
    today: reactive[dt.date | None] = reactive(None)

    def show(self, weeks: list[WeekVariety], today: dt.date) -> None:
        self.today = today
        self.weeks = tuple(weeks)

    def render(self) -> Text:
        style = self.get_component_rich_style
        lines = [Text(TITLE, style=style("variety-weeks--title"))]
        width = self.content_size.width or 80
        room = max(0, (self.content_size.height or len(self.weeks) + 1) - 1)
        today = self.today
        if today is None:
            return lines[0]
        for week in self.weeks[:room]:
            verdict = week.verdict
            kind = "varied" if verdict == "varied" else "none" if verdict == "nothing logged" else "one"
            line = Text(f"{week_label(week, today):<{LABEL}}", style=style("variety-weeks--label"))
            line.append(f"{verdict:<{VERDICT}}", style(f"variety-weeks--{kind}", partial=True))
            done = week_done(week)
            if done:
                line.append(fitted(tuple(done.split(" · ")), width - LABEL - VERDICT))
            lines.append(line)
        return Text("\n").join(lines)
