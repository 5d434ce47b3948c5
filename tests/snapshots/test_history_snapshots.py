"""SVG snapshots of the history screen at 80×24 and 160×45, with time frozen (25 Nov 2026).

Update after a deliberate change with `pytest tests/snapshots --snapshot-update`, then
check the SVGs by eye before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.helpers import acknowledge, make_app
from tests.app.history_helpers import settle, write_history
from tests.snapshots.sizes import SIZES, SMALLEST


async def settled(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the background read has landed, so every run draws the same screen."""
    await settle(pilot)


@pytest.fixture
def history_dir(data_dir: Path) -> Path:
    write_history(acknowledge(data_dir))
    return data_dir


@pytest.mark.parametrize("size", SIZES)
def test_history(snap_compare, history_dir: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(history_dir), terminal_size=size, run_before=_after_open)


@pytest.mark.parametrize("size", SIZES)
def test_history_empty(snap_compare, data_dir: Path, size: tuple[int, int]) -> None:
    acknowledge(data_dir)
    assert snap_compare(make_app(data_dir), terminal_size=size, run_before=_after_open)


def test_log_activity_form(snap_compare, history_dir: Path) -> None:
    async def open_form(pilot) -> None:  # type: ignore[no-untyped-def]
        await _after_open(pilot)
        await pilot.press("l", *"swim")
        await pilot.pause()

    assert snap_compare(make_app(history_dir), terminal_size=SMALLEST, run_before=open_form)


def test_log_rest_day_form(snap_compare, history_dir: Path) -> None:
    async def open_form(pilot) -> None:  # type: ignore[no-untyped-def]
        await _after_open(pilot)
        await pilot.press("R")
        await pilot.pause()

    assert snap_compare(make_app(history_dir), terminal_size=SMALLEST, run_before=open_form)


async def _after_open(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    if pilot.app.screen.__class__.__name__ != "HistoryScreen":
        await pilot.press("h")
    await settled(pilot)
