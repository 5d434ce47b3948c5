"""A checkbox whose state reads without colour: `▐X▌ on` when ticked, `▐ ▌ off` when not."""

from __future__ import annotations

from textual.widgets import Checkbox

from glutewake.app.views.settings import on_off

MARK = "X"


class OnOffBox(Checkbox):
    """Textual's compact checkbox, with the mark only when on and the word `on` / `off` beside
    it (Textual's own draws the same `X` either way and tells them apart by colour alone)."""

    def __init__(self, value: bool, *, id: str) -> None:
        super().__init__(on_off(value), value, id=id, compact=True)
        self._show(value)

    def watch_value(self) -> None:
        super().watch_value()
        self._show(self.value)

    def _show(self, value: bool) -> None:
        self.BUTTON_INNER = MARK if value else " "
        self.label = on_off(value)
