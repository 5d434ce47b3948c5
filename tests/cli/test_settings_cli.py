"""`glutewake settings [KEY [VALUE]]`: print all, print one, set one with the screen's checks."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from glutewake.core.settings import Settings, setting_names
from glutewake.store import Store
from tests.helpers import RunCli, snapshot_tree


def test_prints_every_setting_as_toml_and_writes_nothing(run_cli: RunCli, data_dir: Path) -> None:
    result = run_cli("settings")
    assert result.returncode == 0, result.stderr
    printed = tomllib.loads(result.stdout)
    assert list(printed) == list(setting_names())
    assert printed["stretch_hold_seconds"] == 30 and printed["transition_seconds"] == 5
    assert printed["theme"] == "textual-dark"
    assert snapshot_tree(data_dir) == {}


def test_prints_one_value_bare(run_cli: RunCli) -> None:
    assert run_cli("settings", "rest_seconds").stdout == "10\n"
    assert run_cli("settings", "theme").stdout == "textual-dark\n"
    assert run_cli("settings", "spoken_cues").stdout == "false\n"


def test_sets_one_and_keeps_the_rest(run_cli: RunCli, data_dir: Path) -> None:
    Store(data_dir).update_profile(lambda p: p.__class__(p.settings.with_changes(theme="nord"), "advanced"))
    result = run_cli("settings", "stretch_hold_seconds", "45")
    assert (result.returncode, result.stdout, result.stderr) == (0, "stretch_hold_seconds = 45\n", "")
    profile = Store(data_dir).read_profile()
    assert profile.settings == Settings(stretch_hold_seconds=45, theme="nord")
    assert profile.phase == "advanced"
    assert run_cli("settings", "spoken_cues", "on").returncode == 0
    assert run_cli("settings", "count_seconds", "1.5").stdout == "count_seconds = 1.5\n"
    settings = Store(data_dir).read_profile().settings
    assert (settings.spoken_cues, settings.count_seconds) == (True, 1.5)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nope",), "unknown setting 'nope'"),
        (("nope", "3"), "unknown setting 'nope'"),
        (("stretch_hold_seconds", "4"), "stretch_hold_seconds must be between 5 and 120, got 4"),
        (("rest_seconds", "121"), "rest_seconds must be between 1 and 120, got 121"),
        (("transition_seconds", "2.5"), "transition_seconds must be a whole number, got '2.5'"),
        (("count_seconds", "fast"), "count_seconds must be a number, got 'fast'"),
        (("count_seconds", "nan"), "count_seconds must be between 0.05 and 10"),
        (("spoken_cues", "maybe"), "spoken_cues must be on or off, got 'maybe'"),
        (("theme", "pink"), "theme must be one of"),
        (("voice_command", "say\x07"), "voice_command must be plain text"),
    ],
)
def test_a_bad_key_or_value_is_one_line_exit_2_and_nothing_written(
    run_cli: RunCli, data_dir: Path, args: tuple[str, ...], message: str
) -> None:
    Store(data_dir).update_profile(lambda p: p)
    run_cli("settings", "rest_seconds", "12")
    before = snapshot_tree(data_dir)
    result = run_cli("settings", *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr, result.stderr
    assert snapshot_tree(data_dir) == before


def test_a_damaged_settings_file_is_named_and_left_alone(run_cli: RunCli, data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "settings.toml").write_text("schema = 2\n[settings]\nrest_seconds = 'x'\n")
    before = snapshot_tree(data_dir)
    result = run_cli("settings", "rest_seconds", "12")
    assert result.returncode == 2 and "settings.toml" in result.stderr
    assert snapshot_tree(data_dir) == before


def test_the_settings_command_does_not_import_textual(tmp_path: Path) -> None:
    code = (
        "import sys, contextlib, io\n"
        "from glutewake.cli import main\n"
        f"for argv in (['settings'], ['settings', 'theme'], ['settings', 'rest_seconds', '12']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        f"        main(['--data-dir', {str(tmp_path)!r}, *argv])\n"
        "assert 'textual' not in sys.modules\n"
        "print('textual-free')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "textual-free"


def test_the_theme_list_is_textuals() -> None:
    from textual.app import App

    from glutewake.core.settings import THEMES

    assert set(THEMES) == set(App().available_themes)
