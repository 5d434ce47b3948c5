"""History's `x`: the report for a physical therapist, written to the documents folder."""

from __future__ import annotations

from pathlib import Path

from glutewake.store import Store
from glutewake.store.report_file import report_folder
from tests.report_helpers import seed, seed_phase, six_weeks

from .helpers import TODAY, make_app
from .history_helpers import open_history, settle


def messages(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [notification.message for notification in app._notifications]


async def test_x_writes_a_dated_report_and_says_where(data_dir: Path, store: Store, tmp_path: Path) -> None:
    seed(store, six_weeks(TODAY))
    seed_phase(store, TODAY)
    documents = tmp_path / "Documents"
    documents.mkdir()
    app = make_app(data_dir, documents_dir=documents)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        await pilot.press("x")
        await settle(pilot)
        first = documents / "glutewake-report-2026-11-25.html"
        assert first.is_file()
        page = first.read_text(encoding="utf-8")
        assert "26 completed" in page and "25 of 34" in page
        assert "Phase: advanced since Mon 23 Nov 2026 (beginner before)." in page  # the state's switch
        assert any(f"Written to {first}." in message for message in messages(app))
        await pilot.press("x")  # a second report the same day never replaces the first
        await settle(pilot)
        assert (documents / "glutewake-report-2026-11-25-2.html").is_file()
        assert first.read_text(encoding="utf-8") == page


async def test_x_with_a_damaged_month_writes_nothing_and_says_why(
    data_dir: Path, store: Store, tmp_path: Path
) -> None:
    seed(store, six_weeks(TODAY))
    month = sorted(store.journal_dir.glob("*.toml"))[0]
    month.write_text("schema = 3\n[[sessions]\n", encoding="utf-8")
    documents = tmp_path / "Documents"
    documents.mkdir()
    app = make_app(data_dir, documents_dir=documents)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert list(documents.iterdir()) == []
        assert any(m.startswith("No report was written:") and month.name in m for m in messages(app))


def test_the_report_folder_is_documents_when_it_exists_else_home(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    assert report_folder() == tmp_path
    (tmp_path / "Documents").mkdir()
    assert report_folder() == tmp_path / "Documents"
