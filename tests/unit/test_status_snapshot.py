"""The status snapshot holds only while every file it was computed from is as it was."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from glutewake.cli.quick import parse
from glutewake.store import Store, snapshot

VALUES = ("beginner", 3, 12, True, "beginner", "You are cleared for exercise.")
HOUR_AGO = time.time() - 3600


def day_now() -> tuple[float, float]:
    now = time.time()
    return (now - 60, now + 3600)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    (tmp_path / "journal").mkdir()
    for name in ("2026-10.toml", "2026-11.toml"):
        (tmp_path / "journal" / name).write_text("schema = 3\n")
    (tmp_path / "settings.toml").write_text("schema = 2\n")
    return tmp_path


def written(data: Path, valid: tuple[float, float] | None = None) -> None:
    """A snapshot of VALUES, as if every file was looked at an hour after it was written."""
    key = snapshot.current_key(str(data))
    assert key is not None
    latest = max(max(s[2], s[3]) for s in key.values() if s is not None)
    snapshot.write(Store(data), key, latest + 3_000_000_000, valid or day_now(), VALUES)


def copied_in(path: Path) -> None:
    path.write_text("schema = 3\n")
    os.utime(path, (HOUR_AGO - 86_400, HOUR_AGO - 86_400))


def test_it_answers_while_nothing_changed(data: Path) -> None:
    written(data)
    assert snapshot.read(str(data)) == VALUES
    assert snapshot.read(str(data)) == VALUES


@pytest.mark.parametrize(
    "change",
    [
        lambda d: (d / "journal" / "2026-11.toml").write_text("schema = 3\n# more\n"),
        lambda d: os.utime(d / "journal" / "2026-11.toml", (HOUR_AGO, HOUR_AGO)),
        lambda d: os.chmod(d / "journal" / "2026-10.toml", 0o600),
        lambda d: (d / "journal" / "2026-12.toml").write_text(""),
        lambda d: (d / "journal" / "2026-10.toml").unlink(),
        lambda d: (d / "settings.toml").unlink(),
        lambda d: (d / "settings.toml").write_text("schema = 2\nphase = 'advanced'\n"),
        lambda d: os.replace(d / "journal" / "2026-10.toml", d / "journal" / "2026-09.toml"),
        # Another machine's files, as a sync tool brings them (its mtime kept, long ago):
        lambda d: copied_in(d / "journal" / f"2026-11.{'6f' * 8}.toml"),
        lambda d: copied_in(d / "journal" / f"state.{'6f' * 8}.toml"),
        lambda d: copied_in(d / "journal" / "2026-11.sync-conflict-20261102-080000-ABCDEFG.toml"),
    ],
    ids=[
        "written",
        "touched",
        "chmod",
        "added",
        "removed",
        "settings gone",
        "settings written",
        "renamed",
        "another machine's month",
        "another machine's state",
        "a conflict copy",
    ],
)
def test_any_change_to_a_file_it_was_computed_from_ends_it(data: Path, change) -> None:  # type: ignore[no-untyped-def]
    written(data)
    change(data)
    assert snapshot.read(str(data)) is None


def test_it_holds_for_its_day_only(data: Path) -> None:
    now = time.time()
    written(data, (now - 7200, now - 3600))
    assert snapshot.read(str(data)) is None
    written(data, (now + 60, now + 3600))
    assert snapshot.read(str(data)) is None


def test_another_time_zone_or_version_ends_it(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    written(data)
    monkeypatch.setenv("TZ", "Pacific/Auckland")
    assert snapshot.read(str(data)) is None
    monkeypatch.delenv("TZ")
    path = data / snapshot.NAME
    path.write_text(path.read_text().replace(f"version {snapshot.__version__}", "version 0.1"))
    assert snapshot.read(str(data)) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[:-4],
        lambda text: text.replace("streak 3", "streak three"),
        lambda text: text.replace("today yes", "today maybe"),
        lambda text: text.replace("phase beginner\n", ""),
        lambda text: "\xff" + text,
        lambda text: "",
    ],
    ids=["cut short", "not a number", "not yes or no", "line missing", "not text", "empty"],
)
def test_a_damaged_snapshot_is_no_answer(data: Path, damage) -> None:  # type: ignore[no-untyped-def]
    written(data)
    path = data / snapshot.NAME
    path.write_bytes(damage(path.read_text()).encode("utf-8", "surrogateescape"))
    assert snapshot.read(str(data)) is None


def test_nothing_is_written_from_files_that_had_not_settled(data: Path) -> None:
    key = snapshot.current_key(str(data))
    snapshot.write(Store(data), key, time.time_ns(), day_now(), VALUES)
    assert not (data / snapshot.NAME).exists()


def test_nothing_is_written_without_a_data_folder(tmp_path: Path) -> None:
    missing = tmp_path / "missing"
    snapshot.write(Store(missing), snapshot.current_key(str(missing)), time.time_ns(), day_now(), VALUES)
    assert not missing.exists()


def test_names_with_spaces_are_kept(data: Path) -> None:
    (data / "journal" / "a copy (conflicted).toml").write_text("")
    written(data)
    assert snapshot.read(str(data)) == VALUES


@pytest.mark.parametrize(
    ("words", "options"),
    [
        (["status"], {}),
        (["status", "--json"], {"--json": ""}),
        (
            ["--data-dir", "/d", "status", "--format", "{streak}"],
            {"--data-dir": "/d", "--format": "{streak}"},
        ),
        (["--data-dir=/d", "status", "--format={x}"], {"--data-dir": "/d", "--format": "{x}"}),
        (["status", "--data-dir", "/d"], {"--data-dir": "/d"}),
        (["--data-dir", "status", "status"], {"--data-dir": "status"}),
        (["status", "--json", "--format", "x"], None),  # argparse says they exclude each other
        (["status", "--json", "--json"], None),
        (["status", "--format"], None),
        (["status", "--format", "-x"], None),
        (["status", "--help"], None),
        (["--count-seconds", "2", "status"], None),
        (["--format", "x", "status"], None),
        (["status", "--js"], None),  # argparse accepts abbreviations
        (["log", "--activity", "status"], None),
        (["status", "extra"], None),
        (["--data-dir", "", "status"], None),
    ],
)
def test_only_a_plain_status_command_line_is_read_by_hand(
    words: list[str], options: dict[str, str] | None
) -> None:
    assert parse(words) == options
