"""Home with ten years of history: drawn from the summary cache and a few months, yet a damaged
file anywhere still names itself in the read-only banner."""

from __future__ import annotations

import datetime as dt
import marshal
import os
import time
from pathlib import Path

import pytest

from glutewake.app.screens.home import HomeScreen
from glutewake.core.history import summarise
from glutewake.core.records import Journal
from glutewake.store import Store

from .helpers import TODAY, flat, make_app, screen_text, session, symptom_check


@pytest.fixture
def ten_years(store: Store) -> Store:
    """A session every other day for ten years, a 40-day run up to yesterday, a recent check."""
    days = [TODAY - dt.timedelta(days=n) for n in range(3650, 60, -2)]
    days += [TODAY - dt.timedelta(days=n) for n in range(40, 0, -1)]
    store.import_journal(
        Journal(
            sessions=tuple(session(day, pain_after=2) for day in days),
            symptom_checks=(symptom_check("beginner", day=TODAY - dt.timedelta(days=3)),),
        )
    )
    an_hour_ago = time.time() - 3600  # files written moments ago are never taken from the cache
    for path in store.journal_dir.glob("*.toml"):
        os.utime(path, (an_hour_ago, an_hour_ago))
    return store


def reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    read: list[tuple[int, int]] = []
    real = Store.read_month
    monkeypatch.setattr(
        Store, "read_month", lambda self, m, *a, **kw: read.append(m) or real(self, m, *a, **kw)
    )
    return read


async def home_text(data_dir: Path) -> str:
    app = make_app(data_dir)
    async with app.run_test(size=(220, 40)) as pilot:  # room for the long tmp paths
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        return flat(screen_text(app))


async def test_home_shows_the_streak_of_ten_years_reading_only_a_few_months(
    data_dir: Path, ten_years: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    await home_text(data_dir)  # builds the cache
    expected = summarise(ten_years.read_journal(), TODAY)
    assert (expected.streak.current, expected.streak.longest) == (40, 40)
    read = reads(monkeypatch)
    text = await home_text(data_dir)
    assert "streak 40 days longest 40 days" in text and "today not done yet" in text
    assert "Last check 21 Nov · BEGINNER You are cleared for exercise, but not yet" in text
    assert "READ-ONLY" not in text
    assert set(read) <= {(2026, 10), (2026, 11)}


async def test_a_malformed_month_ten_years_old_still_shows_the_banner(
    data_dir: Path, ten_years: Store
) -> None:
    assert "READ-ONLY" not in await home_text(data_dir)
    assert (data_dir / "cache" / "days.marshal").is_file()
    oldest = ten_years.month_path((2016, 12))
    oldest.write_text("schema = 2\n[[sessions]\nid = 'x'\n")
    cache = (data_dir / "cache" / "days.marshal").read_bytes()
    text = await home_text(data_dir)
    assert "READ-ONLY" in text and f"{oldest}, line 2" in text
    assert (data_dir / "cache" / "days.marshal").read_bytes() == cache  # read-only: not rewritten


async def test_a_month_changed_after_caching_is_checked_again(data_dir: Path, ten_years: Store) -> None:
    await home_text(data_dir)
    month = ten_years.month_path((2020, 2))
    month.write_text(month.read_text().replace("schema = 3", "schema = 99", 1))
    text = await home_text(data_dir)
    assert "READ-ONLY" in text and f"2020-02.{ten_years.device}.toml: written by a newer glutewake" in text


async def test_a_corrupt_cache_is_ignored_and_rebuilt(data_dir: Path, ten_years: Store) -> None:
    await home_text(data_dir)
    cache = data_dir / "cache" / "days.marshal"
    *header, _ = marshal.loads(cache.read_bytes())  # the right tag, version, Python and day start
    cache.write_bytes(marshal.dumps((*header, {"2026-11": "everything is fine"})))
    text = await home_text(data_dir)
    assert "streak 40 days longest 40 days" in text and "READ-ONLY" not in text
    assert "2016-11" in marshal.loads(cache.read_bytes())[-1]


async def test_coming_back_to_home_parses_no_unchanged_month(
    data_dir: Path, ten_years: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        read = reads(monkeypatch)
        await pilot.press("question_mark")
        await pilot.pause()
        assert not isinstance(app.screen, HomeScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "streak 40 days" in flat(screen_text(app))
    assert read == []
