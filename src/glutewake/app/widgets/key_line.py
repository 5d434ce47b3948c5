"""The keys of a screen as one or more lines of words, wrapped between keys, never inside one."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from glutewake.app.keys import Key

GAP = "   "


class KeyLine(Widget):
    """`s start   c symptom check   …`, generated from the key registry."""

    DEFAULT_CSS = """
    KeyLine { height: auto; width: 1fr; }
    KeyLine > .key-line--key { text-style: bold; color: $accent; }
    """
    COMPONENT_CLASSES = {"key-line--key"}

    keys: reactive[tuple[Key, ...]] = reactive((), layout=True)
    """The keys to show, in order."""

    def __init__(self, keys: Iterable[Key], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(KeyLine.keys, tuple(keys))

    def _lines(self, width: int) -> list[Text]:
        key_style = self.get_component_rich_style("key-line--key", partial=True)
        lines: list[Text] = [Text()]
        for key in self.keys:
            entry = Text.assemble((key.shown_key, key_style), " ", key.description)
            line = lines[-1]
            if line.cell_len and line.cell_len + len(GAP) + entry.cell_len > width:
                lines.append(Text())
                line = lines[-1]
            if line.cell_len:
                line.append(GAP)
            line.append_text(entry)
        return lines

    def render(self) -> Text:
        return Text("\n").join(self._lines(self.content_size.width or 80))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))
