"""Settings' layout: every field's control starts in one column and fits the window from
60×20 to 200×50, and the spoken-cues checkbox reads on or off without colour."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static

from glutewake.app.screens.settings import SettingsScreen
from glutewake.store import Store

from .helpers import make_app, screen_text

SIZES = [(60, 20), (80, 24), (120, 40), (200, 50)]
CONTROLS = (
    "count_seconds",
    "counts_per_breath",
    "stretch_hold_seconds",
    "rest_seconds",
    "transition_seconds",
    "sound",
    "spoken_cues",
    "theme",
)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_the_fields_line_up_and_fit_when_the_screen_opens(
    data_dir: Path, store: Store, size: tuple[int, int]
) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=size) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        form = screen.query_one("#settings-form", VerticalScroll)
        inside = form.scrollable_content_region
        columns: dict[str, int] = {}
        labels: set[int] = set()
        shown: list[Widget] = [
            *(screen.query_one(f"#{name}") for name in CONTROLS),
            screen.query_one("#volume", Input),
            *screen.query(".setting-hint").results(Static),
        ]
        for widget in shown:
            if not widget.display:
                continue
            form.scroll_to_widget(widget, animate=False, immediate=True)
            await pilot.pause()
            region = widget.region
            assert inside.x <= region.x and region.right <= inside.right, (
                f"#{widget.id or widget.classes} at {region} is outside the form {inside} at {size}"
            )
            if widget.id in CONTROLS:
                columns[widget.id] = region.x
        for label in screen.query(".setting-label").results(Label):
            form.scroll_to_widget(label, animate=False, immediate=True)
            await pilot.pause()
            labels.add(label.region.x)
        assert len(set(columns.values())) == 1, f"controls start in different columns at {size}: {columns}"
        assert len(labels) == 1, f"labels start in different columns at {size}: {labels}"
        # The volume is on the sound's line, or under it in the same column as every field.
        volume = screen.query_one("#volume", Input).region
        sound = screen.query_one("#sound", Select).region
        assert volume.y == sound.y or volume.x == sound.x


async def test_on_and_off_look_different_without_colour(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        box = app.screen.query_one("#spoken_cues", Checkbox)
        assert not box.value
        # screen_text renders without colour, as a monochrome terminal or NO_COLOR shows it.
        off = next(line for line in screen_text(app).splitlines() if "Spoken cues" in line)
        box.focus()
        await pilot.press("space")
        await pilot.pause()
        assert box.value
        on = next(line for line in screen_text(app).splitlines() if "Spoken cues" in line)
        assert off.split() == ["Spoken", "cues", "▐", "▌", "off"]
        assert on.split() == ["Spoken", "cues", "▐X▌", "on"]
        await pilot.press("space")
        await pilot.pause()
        assert next(line for line in screen_text(app).splitlines() if "Spoken cues" in line) == off
