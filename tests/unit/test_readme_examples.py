"""The README's data examples are real: a user copying them gets files glutewake reads."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from glutewake.store import Store

README = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")


def toml_blocks() -> list[str]:
    return re.findall(r"```toml\n(.*?)```", README, flags=re.S)


def test_the_settings_example_reads_as_a_profile(tmp_path: Path) -> None:
    [settings] = [b for b in toml_blocks() if b.lstrip().startswith("schema = 3\nmorning_asked_on")]
    (tmp_path / "settings.toml").write_text(settings)
    profile = Store(tmp_path).read_profile()
    assert profile.phase == "beginner" and profile.morning_asked_on is not None
    assert profile.settings.stretch_hold_seconds == 30
    assert (profile.settings.rest_seconds, profile.settings.transition_seconds) == (10, 5)
    assert (profile.settings.sound, profile.settings.volume) == ("tones", 80)


def test_the_journal_example_reads_with_every_kind_of_record(tmp_path: Path) -> None:
    [journal] = [b for b in toml_blocks() if "# glutewake journal for" in b]
    (tmp_path / "journal").mkdir()
    (tmp_path / "journal" / "2026-11.toml").write_text(journal)
    store = Store(tmp_path)
    assert store.problems() == []
    read = store.read_journal()
    assert read.sessions and read.rest_days and read.activities and read.symptom_checks
    assert read.morning_checks and read.sessions[0].pain_during == 4


def test_the_state_example_reads_with_every_kind_of_state_record(tmp_path: Path) -> None:
    [state] = [b for b in toml_blocks() if "# glutewake state" in b]
    (tmp_path / "journal").mkdir()
    (tmp_path / "journal" / f"state.{'1a2b3c4d5e6f7a8b'}.toml").write_text(state)
    store = Store(tmp_path)
    assert store.problems() == []
    read = store.read_state()
    assert (read.phase, read.acknowledged_on, read.day_starts_at) == ("advanced", dt.date(2026, 11, 20), 4)
    assert store.read_profile().phase == "advanced"


def test_the_command_table_lists_every_command_and_nothing_else() -> None:
    import argparse

    from glutewake.cli.parser import build_parser

    [commands] = [
        action.choices for action in build_parser()._actions if isinstance(action, argparse._SubParsersAction)
    ]
    documented = set(re.findall(r"^\| `glutewake (\w+)", README, flags=re.M))
    assert documented == set(commands)
