"""The saving thread survives a bug in a save: it is logged, told, and the next save lands."""

from __future__ import annotations

from pathlib import Path

from glutewake.app.services.record_keeper import RecordKeeper
from glutewake.core.records import Session
from glutewake.errors import UserError


def test_an_unexpected_error_is_logged_told_and_saving_goes_on(tmp_path: Path) -> None:
    saved: list[object] = []
    told: list[UserError] = []

    def save(session: Session) -> None:
        if not saved:
            saved.append("boom")
            raise RuntimeError("a bug in the store")
        saved.append(session)

    keeper = RecordKeeper(save, told.append, tmp_path)
    first, second = object(), object()
    keeper.keep(first)  # type: ignore[arg-type]
    assert keeper.flush()
    keeper.keep(second)  # type: ignore[arg-type]
    assert keeper.flush()
    keeper.close()
    assert saved == ["boom", second]
    assert len(told) == 1 and "unexpected problem" in str(told[0])
    [log] = (tmp_path / "logs").glob("crash-*.log")
    assert "a bug in the store" in log.read_text()
