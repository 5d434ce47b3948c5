"""Opening and leaving history quickly with ten years of journal: the reading thread's
results reach a screen that may have closed, and must be dropped there, never crash."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import DataTable

from glutewake.app.screens.history import HistoryScreen
from glutewake.app.screens.home import HomeScreen
from glutewake.core.records import Activity, Journal, new_id
from glutewake.store import Store

from .helpers import TODAY, make_app, session, symptom_check
from .history_helpers import settle, workers_done


@pytest.fixture
def ten_years(store: Store) -> Store:
    """A session a day for ten years, a swim every week, a symptom check every month."""
    days = [TODAY - dt.timedelta(days=n) for n in range(3650, 0, -1)]
    store.import_journal(
        Journal(
            sessions=tuple(session(day, pain_after=day.day % 6) for day in days),
            activities=tuple(Activity(new_id(), day, "swimming", 40) for day in days[::7]),
            symptom_checks=tuple(symptom_check("beginner", day=day) for day in days[::30]),
        )
    )
    return store


async def test_opening_and_leaving_history_50_times_quickly_raises_nothing(
    data_dir: Path, ten_years: Store
) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for round in range(50):
            # Faster than a person types: the screen goes while its thread still reads, or
            # while its rows are still going in, a chunk at a time.
            await app.run_action("history")
            for _ in range(round % 7):
                await asyncio.sleep(0.01 * (round % 3))
            screen = app.screen
            assert isinstance(screen, HistoryScreen)
            if round % 5 == 1:
                await screen.run_action(("filter_next", "sort_next", "next_pane")[round % 3])
            await app.run_action("back")
            assert isinstance(app.screen, HomeScreen)
        await workers_done(app)
        await pilot.pause()
        assert app.return_code is None and app._exception is None  # noqa: SLF001
        # And it still opens and fills in.
        await pilot.press("h")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 3650 + 522 + 122
        assert str(table.border_title).startswith("Journal · 4294 entries · newest first")
