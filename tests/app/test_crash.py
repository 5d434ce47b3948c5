"""An unexpected error in the app: one line naming a crash log, no traceback, nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from glutewake.app.screens.history import HistoryScreen
from glutewake.app.screens.player import PlayerScreen
from glutewake.store import Store

from .helpers import make_app
from .player_helpers import rig

# Beginner at 1 s a count: prepare 5, then 6 s a repetition.
THREE_REPS = 10.0 + 3 * 6.0 + 1  # prepare 10 s, then reps of 6 counts at 1 s


class Boom(RuntimeError):
    """The bug a test plants."""


def explode(*args: object) -> None:
    raise Boom("planted by the test")


def crash_logs(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "logs").glob("crash-*.log"))


async def test_an_error_in_a_screen_shows_one_line_and_logs_the_traceback(
    data_dir: Path, store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(HistoryScreen, "on_mount", explode)
    app = make_app(data_dir)
    with pytest.raises(Boom):  # run_test hands the first error on, as Textual does
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("h")
            await pilot.pause()
    assert app.return_code == 1
    [log] = crash_logs(data_dir)
    assert "Traceback" in log.read_text() and "planted by the test" in log.read_text()
    assert app.crash_report == (f"glutewake hit an unexpected problem; your data is safe.\ndetails in {log}")
    shown = capsys.readouterr()
    said = shown.out + shown.err
    assert "Traceback" not in said and "planted" not in said


async def test_a_crash_mid_session_keeps_the_reps_done(
    data_dir: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    r = rig(data_dir, store)
    with pytest.raises(Boom):
        async with r.app.run_test(size=(80, 24)) as pilot:
            await pilot.press("s")
            r.advance(THREE_REPS)
            monkeypatch.setattr(PlayerScreen, "action_pause", explode)
            await pilot.press("space")
            await pilot.pause()
    assert r.app.return_code == 1
    [session] = store.read_journal().sessions
    assert session.status == "partial"
    assert session.sets[0].reps == 3
    assert crash_logs(data_dir)


async def test_glutewake_debug_lets_the_traceback_through(
    data_dir: Path, store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(HistoryScreen, "on_mount", explode)
    app = make_app(data_dir, environ={"GLUTEWAKE_DEBUG": "1"})
    with pytest.raises(Boom):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("h")
            await pilot.pause()
    assert "Traceback" in capsys.readouterr().err
    assert not crash_logs(data_dir)
