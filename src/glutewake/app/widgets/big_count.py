"""The rep number (or a countdown) in block digits, with `/ 10` and the side beside it.

The number is drawn at the largest scale allowed that leaves room for its label; the
label (`/ 10`, `LEFT`) is drawn in the largest block letters that fit beside it:
stacked, on one line, only the side big, or else in plain words. Quiet words
(`seconds to go`) are always plain. Drawings are cached per text, scale and width.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from glutewake.app.widgets import big_font

# Plain label lines need at least this many columns beside the number.
PLAIN_LABEL = 14


@dataclass(frozen=True)
class Label:
    """The column beside the number: which lines are big (at `scale`), which plain."""

    big: tuple[str, ...]
    plain: tuple[str, ...]
    scale: int
    one_line: bool = False

    def rows(self) -> list[tuple[str, bool]]:
        """(text, drawn big) for every row of the column, top to bottom."""
        out: list[tuple[str, bool]] = [(line, False) for line in self.plain]
        if self.one_line:
            out += [(row, True) for row in big_font.render("  ".join(self.big), self.scale)]
            return out
        for number, line in enumerate(self.big):
            if number:
                out.append(("", False))
            out += [(row, True) for row in big_font.render(line, self.scale)]
        return out

    @property
    def width(self) -> int:
        return max((len(text) for text, _ in self.rows()), default=0)


def label_choices(loud: tuple[str, ...], quiet: tuple[str, ...], scale: int) -> list[Label]:
    """Every way to draw the label beside a number at `scale`, the largest glyphs first."""
    loud = tuple(line for line in loud if line)
    choices: list[Label] = []
    if loud and all(big_font.fits(line) for line in loud):
        # At most half the number's scale, so the number stays the block that catches the eye.
        sizes = range(max(1, scale // 2), 0, -1)
        for size in sizes:
            choices.append(Label(loud, quiet, size))
            if len(loud) > 1:
                choices.append(Label(loud, quiet, size, one_line=True))
        if len(loud) > 1:
            # Only the last line (the side) big, the rest in plain words above it.
            choices += [Label(loud[-1:], (*loud[:-1], *quiet), size) for size in sizes]
    choices.append(Label((), (*loud, *quiet), 0))
    return choices


@lru_cache(maxsize=64)
def count_rows(
    number: str, loud: tuple[str, ...], quiet: tuple[str, ...], scale: int, width: int
) -> tuple[tuple[str, ...], tuple[tuple[int, int, bool], ...], int]:
    """(rows, spans, number scale): the number and its label within `width`.

    Every row is `big_font.rows(scale)` tall; `spans` say where each row's label starts
    and ends and whether it is block letters, for styling.
    """
    tall = big_font.rows(scale)
    if not number or not big_font.fits(number):
        return tuple([""] * tall), tuple((0, 0, False) for _ in range(tall)), 0
    for size in range(scale, 0, -1):
        drawn = big_font.render(number, size)
        gap = 2 * size
        room = width - big_font.width(number, size) - gap
        for label in label_choices(loud, quiet, size):
            column = label.rows()
            fits_width = label.width <= room if label.scale else room >= min(PLAIN_LABEL, label.width)
            if len(column) <= tall and fits_width:
                return _compose(drawn, column, gap, tall, size, width)
    drawn = big_font.render(number, 1)
    plain = [(line, False) for line in (*loud, *quiet)][: big_font.rows(1)]
    return _compose(drawn, plain, 2, tall, 1, width)


def _compose(
    drawn: tuple[str, ...], column: list[tuple[str, bool]], gap: int, tall: int, size: int, width: int
) -> tuple[tuple[str, ...], tuple[tuple[int, int, bool], ...], int]:
    # The number and its label on the same middle row, the pair centred in `width`.
    top = (tall - len(drawn)) // 2
    label_top = (tall - len(column)) // 2
    number_width = len(drawn[0])
    label_width = max((len(text) for text, _ in column), default=0)
    left = max(0, (width - number_width - gap - label_width) // 2)
    rows, spans = [], []
    for row in range(tall):
        digits = drawn[row - top] if 0 <= row - top < len(drawn) else ""
        text, big = column[row - label_top] if 0 <= row - label_top < len(column) else ("", False)
        start = left + number_width + gap
        rows.append((" " * left + digits).ljust(start) + text if text else " " * left + digits)
        spans.append((start, start + len(text), big))
    return tuple(rows), tuple(spans), size


class BigCount(Widget):
    """`10 / 10 LEFT` with the number as the largest block on the screen."""

    DEFAULT_CSS = """
    BigCount { height: auto; width: 1fr; }
    BigCount > .big-count--number { text-style: bold; }
    BigCount > .big-count--label { text-style: bold; }
    BigCount > .big-count--plain { text-style: bold; }
    """
    COMPONENT_CLASSES = {"big-count--number", "big-count--label", "big-count--plain"}

    number: reactive[str] = reactive("", layout=True)
    """The rep number or the seconds left, e.g. `7` or `1:05`."""
    loud: reactive[tuple[str, ...]] = reactive((), layout=True)
    """Label lines in capitals, drawn big when they fit: (`/ 10`, `LEFT`)."""
    quiet: reactive[tuple[str, ...]] = reactive((), layout=True)
    """Label lines always in plain words: (`seconds to go`,)."""
    scale: reactive[int] = reactive(2, layout=True)
    """The largest scale for the number; the height is `big_font.rows(scale)`."""

    def drawing(self, width: int) -> tuple[tuple[str, ...], tuple[tuple[int, int, bool], ...], int]:
        return count_rows(self.number, self.loud, self.quiet, self.scale, max(1, width))

    @property
    def number_scale(self) -> int:
        """The scale the number is drawn at now (0 when there is none)."""
        return self.drawing(self.content_size.width)[2]

    def render(self) -> Text:
        rows, spans, _ = self.drawing(self.content_size.width)
        style = self.get_component_rich_style
        number, label, plain = (
            style(f"big-count--{part}", partial=True) for part in ("number", "label", "plain")
        )
        lines = []
        for row, (start, end, big) in zip(rows, spans, strict=True):
            line = Text(row, no_wrap=True)
            line.stylize(number, 0, min(start, len(row)))
            if end > start:
                line.stylize(label if big else plain, start, end)
            lines.append(line)
        return Text("\n", no_wrap=True).join(lines)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return big_font.rows(self.scale)
