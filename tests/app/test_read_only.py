"""A damaged data file: a banner naming it, how to fix it, and nothing ever written."""

from __future__ import annotations

from pathlib import Path

import pytest

from glutewake.app.screens.home import HomeScreen
from glutewake.store import Store
from glutewake.store.errors import Unwritable

from .helpers import flat, make_app, screen_text


@pytest.fixture
def damaged(data_dir: Path, store: Store) -> Path:
    """A journal month whose third line does not parse."""
    month = data_dir / "journal" / "2026-11.toml"
    month.parent.mkdir(parents=True, exist_ok=True)
    month.write_text("schema = 1\n\n[[sessions]\nid = 'x'\n")
    return month


def tree(root: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


async def test_banner_names_the_file_line_and_the_fix(data_dir: Path, damaged: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = flat(screen_text(app))
        assert "READ-ONLY" in text
        assert f"{damaged}, line 3" in text
        assert "glutewake repair" in text
        assert "correct the file by hand" in text


async def test_a_newer_file_says_upgrade_not_repair(data_dir: Path, store: Store) -> None:
    # `glutewake repair` leaves a newer version's file alone, so the banner must not offer it
    # as the fix.
    month = data_dir / "journal" / "2026-11.toml"
    month.parent.mkdir(parents=True, exist_ok=True)
    month.write_text("schema = 99\n")
    app = make_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = flat(screen_text(app))
        assert "READ-ONLY" in text and "newer glutewake" in text
        assert "upgrade glutewake" in text
        assert "moves it aside" not in text


async def test_nothing_is_written_in_read_only_mode(data_dir: Path, damaged: Path) -> None:
    before = tree(data_dir)
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "y")
        await pilot.pause()
        assert "PHASE  BEGINNER" in screen_text(app)
        await pilot.press("comma")
        app.screen.query_one("#count_seconds").value = "2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("nothing was saved" in n.message for n in app._notifications)
    after = {path: data for path, data in tree(data_dir).items() if not path.endswith(".lock")}
    assert after == {path: data for path, data in before.items() if not path.endswith(".lock")}


async def test_malformed_settings_still_opens_home_on_defaults(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "settings.toml").write_text("schema = 1\nphase = \n")
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the safety note: acknowledged for this run only
        await pilot.pause()
        text = flat(screen_text(app))
        assert "READ-ONLY" in text and "settings.toml, line 2" in text
        assert "PHASE BEGINNER" in text
    assert (data_dir / "settings.toml").read_text() == "schema = 1\nphase = \n"


async def test_a_failed_write_is_a_notification_not_a_traceback(
    data_dir: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(change: object) -> None:
        raise Unwritable(data_dir / "settings.toml", "disk full")

    app = make_app(data_dir)
    monkeypatch.setattr(app.coach.store, "update_profile", refuse)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "y")
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, HomeScreen)
        assert any("disk full" in n.message for n in app._notifications)


async def test_the_banner_names_every_problem_of_a_settings_file(data_dir: Path, store: Store) -> None:
    settings = data_dir / "settings.toml"
    settings.write_text("schema = 2\n[settings]\nvolume = 500\nrest_seconds = 0\n")
    app = make_app(data_dir)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        if not isinstance(app.screen, HomeScreen):  # the first-run note: its date was in the file
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        lines = screen_text(app).splitlines()
        first = next(n for n, line in enumerate(lines) if f"{settings}, line 3:" in line)
        assert "volume must be between 0 and 100" in lines[first]
        assert f"{settings}, line 4: rest_seconds must be between 1 and 120, got 0" in lines[first + 1]
    assert settings.read_text() == "schema = 2\n[settings]\nvolume = 500\nrest_seconds = 0\n"
