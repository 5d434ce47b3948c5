"""A labelled bar that reads without colour: filled `█`, empty `░`, and a word after it."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

FILLED = "█"
EMPTY = "░"


class Meter(Widget):
    """`breath  ██████████░░░░░░░░  in` — the bar takes whatever width is left."""

    DEFAULT_CSS = """
    Meter { height: 1; width: 1fr; }
    Meter > .meter--label { text-style: bold; }
    Meter > .meter--filled { color: $accent; }
    Meter > .meter--empty { color: $foreground 35%; }
    Meter > .meter--word { text-style: bold; }
    """
    COMPONENT_CLASSES = {"meter--label", "meter--filled", "meter--empty", "meter--word"}

    fraction: reactive[float] = reactive(0.0)
    """How full the bar is, 0 to 1."""
    word: reactive[str] = reactive("")
    """The state in a word after the bar (`in`, `out`, `28%`)."""

    def __init__(
        self, label: str, *, label_width: int = 9, word_width: int = 6, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.label = label
        self.label_width = label_width
        self.word_width = word_width

    def render(self) -> Text:
        """The bar on every row (thicker when the widget is taller); words on the middle row."""
        width = self.content_size.width
        height = max(1, self.content_size.height)
        bar_width = max(4, width - self.label_width - self.word_width - 2)
        filled = round(max(0.0, min(1.0, self.fraction)) * bar_width)
        style = self.get_component_rich_style
        bar = Text.assemble(
            (FILLED * filled, style("meter--filled", partial=True)),
            (EMPTY * (bar_width - filled), style("meter--empty", partial=True)),
        )
        rows = []
        for row in range(height):
            middle = row == height // 2
            label = self.label if middle else ""
            word = self.word if middle else ""
            rows.append(
                Text.assemble(
                    (label.ljust(self.label_width), style("meter--label", partial=True)),
                    bar,
                    "  ",
                    (word.ljust(self.word_width), style("meter--word", partial=True)),
                )
            )
        return Text("\n").join(rows)
