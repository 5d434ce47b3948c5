"""The report's charts as inline SVG, drawn from its numbers (no script, no font, no link).

Each function returns one `<svg>` element that scales to its container. Every chart has a
table of the same numbers beside it on the page, so nothing is only in a picture.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from glutewake.core.records import COMPARED
from glutewake.core.report_words import short_day

TYPE_CHECKING = False  # `typing` costs every command's start
if TYPE_CHECKING:
    from glutewake.core.report_model import Week

WIDTH = 420
HEIGHT = 190
LEFT = 28  # room for the y axis labels
RIGHT = 10
TOP = 14
BOTTOM = 40  # room for the week labels
PLOT_W = WIDTH - LEFT - RIGHT
PLOT_H = HEIGHT - TOP - BOTTOM
LEGEND_ROW = 14  # the height of each legend row after the first
CHAR_WIDTH = 5.6  # about the width of a character of the 11 px legend text

COLOURS = {
    "done": "#2a7f62",
    "rest": "#9cc9b8",
    "counted": "#e4e8ec",
    "left": "#1f5fa8",
    "right": "#d9822b",
    "both": "#6a4c93",
    "target": "#222222",
    "during": "#b23a48",
    "after": "#1f5fa8",
    "session": "#6a4c93",
    "hurts": "#d9822b",
    "better": "#2a7f62",
    "same": "#9aa5b1",
    "worse": "#b23a48",
    "grid": "#d0d5da",
    "phase": "#6a4c93",
    "text": "#333333",
}


def _svg(title: str, body: str, legend: Sequence[tuple[str, str, str]] = ()) -> str:
    """The chart's frame: a title for screen readers, the body, then the legend (each entry a
    colour, a marker shape and the words), in as many rows under the plot as it needs: the
    chart grows by a row's height for each row after the first."""
    items = []
    x: float = LEFT
    row = 0
    for colour, shape, words in legend:
        width = 24 + CHAR_WIDTH * len(words)
        if x > LEFT and x + width - 10 > WIDTH - RIGHT:
            x, row = LEFT, row + 1
        y = HEIGHT + row * LEGEND_ROW
        items.append(_marker(shape, x + 5, y - 8, colour) + _text(x + 14, y - 4, words, anchor="start"))
        x += width
    height = HEIGHT + row * LEGEND_ROW
    return (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'preserveAspectRatio="xMidYMid meet"><title>{escape(title)}</title>'
        f"{body}{''.join(items)}</svg>"
    )


def _text(x: float, y: float, words: str, *, anchor: str = "middle", size: int = 11, cls: str = "") -> str:
    extra = f' class="{cls}"' if cls else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{COLOURS["text"]}"{extra}>{escape(words)}</text>'
    )


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'
    if shape == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if shape == "diamond":
        return (
            f'<path d="M{x:.1f} {y - 5:.1f} L{x + 5:.1f} {y:.1f} L{x:.1f} {y + 5:.1f} '
            f'L{x - 5:.1f} {y:.1f} Z" fill="{colour}"/>'
        )
    if shape == "triangle":
        return (
            f'<path d="M{x:.1f} {y - 5:.1f} L{x + 5:.1f} {y + 4:.1f} L{x - 5:.1f} {y + 4:.1f} Z" '
            f'fill="{colour}"/>'
        )
    if shape == "dashed":
        return (
            f'<line x1="{x:.1f}" y1="{y - 6:.1f}" x2="{x:.1f}" y2="{y + 6:.1f}" '
            f'stroke="{colour}" stroke-width="2" stroke-dasharray="3 2"/>'
        )
    if shape == "line":
        return (
            f'<line x1="{x - 6:.1f}" y1="{y:.1f}" x2="{x + 6:.1f}" y2="{y:.1f}" '
            f'stroke="{colour}" stroke-width="2.5"/>'
        )
    return f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="{colour}"/>'


def _y_axis(top_value: int, step: int, *, unit: str = "") -> str:
    parts = []
    for value in range(0, top_value + 1, step):
        y = TOP + PLOT_H - PLOT_H * value / top_value
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
            f'stroke="{COLOURS["grid"]}" stroke-width="1"/>'
        )
        parts.append(_text(LEFT - 6, y + 4, f"{value}{unit}", anchor="end", size=10))
    return "".join(parts)


def _week_labels(weeks: Sequence[Week]) -> str:
    slot = PLOT_W / len(weeks)
    every = max(1, round(len(weeks) / 12))  # at most about twelve labels
    return "".join(
        _text(LEFT + slot * (n + 0.5), TOP + PLOT_H + 15, short_day(week.monday), size=10)
        for n, week in enumerate(weeks)
        if n % every == 0
    )


def _nice_top(value: int) -> tuple[int, int]:
    """An axis top at or above `value` and a step giving four or five grid lines."""
    if value <= 0:
        return 10, 5
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if value / step <= 5:
            return step * -(-value // step), step
    step = 10 ** len(str(value))
    return step, step // 5


def adherence_chart(weeks: Sequence[Week]) -> str:
    """Per week: a pale bar for the days that count, the done days over it, rest days on top."""
    slot = PLOT_W / len(weeks)
    bar = min(44.0, slot * 0.7)
    parts = [_y_axis(7, 1)]
    scale = PLOT_H / 7
    base = TOP + PLOT_H
    for n, week in enumerate(weeks):
        x = LEFT + slot * (n + 0.5) - bar / 2
        parts.append(_bar(x, base, bar, week.days * scale, COLOURS["counted"]))
        parts.append(_bar(x, base, bar, week.done * scale, COLOURS["done"]))
        parts.append(_bar(x, base - week.done * scale, bar, week.rest * scale, COLOURS["rest"]))
        if week.days and len(weeks) <= 12:
            parts.append(
                _text(x + bar / 2, base - week.days * scale - 4, f"{week.done}/{week.days}", size=10)
            )
    parts.append(_week_labels(weeks))
    legend = [
        (COLOURS["done"], "box", "days done"),
        (COLOURS["rest"], "box", "rest days"),
        (COLOURS["counted"], "box", "days counted"),
    ]
    switches = [(n, s) for n, week in enumerate(weeks) for s in week.phase_switches]
    for n, switch in switches:  # a dashed line at the start of the day the phase changed
        x = LEFT + slot * (n + switch.day.weekday() / 7)
        parts.append(
            f'<line x1="{x:.1f}" y1="{TOP:.1f}" x2="{x:.1f}" y2="{base:.1f}" stroke="{COLOURS["phase"]}" '
            f'stroke-width="1.5" stroke-dasharray="3 2"/>'
        )
    if switches:
        last = switches[-1][1]
        words = "phase changed" if len(switches) > 1 else f"{last.phase} from {short_day(last.day)}"
        legend.append((COLOURS["phase"], "dashed", words))
    return _svg("Days done per week, of the days counted", "".join(parts), legend)


def morning_chart(weeks: Sequence[Week]) -> str:
    """Per week: the morning-after answers stacked, better at the bottom, then same, then
    worse, with the week's count on top."""
    slot = PLOT_W / len(weeks)
    bar = min(44.0, slot * 0.7)
    scale = PLOT_H / 7  # one answer a day at most
    base = TOP + PLOT_H
    parts = [_y_axis(7, 1)]
    for n, week in enumerate(weeks):
        x = LEFT + slot * (n + 0.5) - bar / 2
        height = 0.0
        for compared in COMPARED:
            count = week.mornings_said(compared)
            parts.append(_bar(x, base - height, bar, count * scale, COLOURS[compared]))
            height += count * scale
        if week.mornings and len(weeks) <= 12:
            parts.append(_text(x + bar / 2, base - height - 4, str(len(week.mornings)), size=10))
    parts.append(_week_labels(weeks))
    legend = [(COLOURS[compared], "box", compared) for compared in COMPARED]
    return _svg("Morning-after answers per week: better, same or worse", "".join(parts), legend)


def _bar(x: float, base: float, width: float, height: float, colour: str) -> str:
    if height <= 0:
        return ""
    y = base - height
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" fill="{colour}"/>'


def reps_chart(weeks: Sequence[Week]) -> str:
    """Per week: a bar for each working leg (and both legs, when squats were done), each with
    a black line at its target."""
    sides = [("left", "left leg"), ("right", "right leg")]
    if any(week.both.target for week in weeks):
        sides.append(("both", "both legs (squat)"))
    highest = max(
        (max(getattr(week, side).done, getattr(week, side).target) for week in weeks for side, _ in sides),
        default=0,
    )
    top, step = _nice_top(highest)
    scale = PLOT_H / top
    slot = PLOT_W / len(weeks)
    bar = min(22.0, slot * 0.8 / len(sides))
    base = TOP + PLOT_H
    parts = [_y_axis(top, step)]
    for n, week in enumerate(weeks):
        start = LEFT + slot * (n + 0.5) - bar * len(sides) / 2
        for k, (side, _) in enumerate(sides):
            reps = getattr(week, side)
            x = start + k * bar
            parts.append(_bar(x + 1, base, bar - 2, reps.done * scale, COLOURS[side]))
            if reps.target:
                y = base - reps.target * scale
                parts.append(
                    f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x + bar:.1f}" y2="{y:.1f}" '
                    f'stroke="{COLOURS["target"]}" stroke-width="2"/>'
                )
    parts.append(_week_labels(weeks))
    legend = [(COLOURS[side], "box", words) for side, words in sides]
    legend.append((COLOURS["target"], "line", "target"))
    return _svg("Repetitions per working leg per week, with the target", "".join(parts), legend)


def pain_chart(weeks: Sequence[Week], series: Sequence[tuple[str, str, str, Sequence[int | None]]]) -> str:
    """Pain 0-10 by week: one line of markers per series (colour key, shape, words and a value
    or None per week), with a dashed line at 7, the advice rule's rest threshold."""
    slot = PLOT_W / len(weeks)
    base = TOP + PLOT_H
    parts = [_y_axis(10, 2)]
    y7 = base - PLOT_H * 7 / 10
    parts.append(
        f'<line x1="{LEFT}" y1="{y7:.1f}" x2="{WIDTH - RIGHT}" y2="{y7:.1f}" stroke="{COLOURS["during"]}" '
        f'stroke-width="1" stroke-dasharray="4 3"/>'
    )
    parts.append(_text(WIDTH - RIGHT - 2, y7 - 4, "7", anchor="end", size=10))
    parts.append(_week_labels(weeks))
    legend = []
    for number, (colour_key, shape, words, values) in enumerate(series):
        colour = COLOURS[colour_key]
        nudge = (number - (len(series) - 1) / 2) * min(6.0, slot / 8)  # equal values stay apart
        coords = [
            (LEFT + slot * (n + 0.5) + nudge, base - PLOT_H * value / 10)
            for n, value in enumerate(values)
            if value is not None
        ]
        if len(coords) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.5" opacity="0.7"/>'
            )
        parts.extend(_marker(shape, x, y, colour) for x, y in coords)
        legend.append((colour, shape, words))
    return _svg("Highest pain per week, 0 to 10", "".join(parts), legend)
