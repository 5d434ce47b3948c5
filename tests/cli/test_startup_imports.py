"""What each command loads at start (no timing: benchmarks/cli_startup.py times them).

`status` answered from its snapshot (a shell prompt runs it before every command) loads
none of argparse, the TOML reader, pathlib (with urllib.parse), typing, dataclasses,
platformdirs, json or the store; no command that does not open the full-screen app loads
dataclasses (with inspect and ast), platformdirs (on Linux and macOS), shutil, pathlib,
contextlib, importlib or Textual; none loads the TOML reader or typing to read files it read
before (the parsed-TOML cache), nor argparse, gettext or locale to read a plain command line
(`cli/fastargs.py`), nor `re` or `enum` (about 7 ms together: the installed script of pip 25
and later imports only sys), nor json or csv to write (they load `re`); `log` loads no json
(the summary cache it keeps is in marshal's format).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pytest

from tests.cli.startup_helpers import loaded, run, settle

EVERY_COMMAND = {
    "dataclasses",
    "inspect",
    "ast",
    "shutil",
    "textual",
    # The store keeps paths as strings; pathlib (with urllib.parse and ipaddress), contextlib
    # and importlib would cost each command several milliseconds.
    "pathlib",
    "urllib",
    "contextlib",
    "importlib",
}
QUICK_STATUS = EVERY_COMMAND | {
    "argparse",
    "tomllib",
    "pathlib",
    "typing",
    "platformdirs",
    "urllib",
    "json",
    "glutewake.store.datastore",
    "glutewake.store.folder",
    "glutewake.store.profile_files",
    "glutewake.store.journal_reader",
    "glutewake.store.journal_writer",
    "glutewake.store.summary",
    "glutewake.store.summary_digest",
    "glutewake.store.summary_file",
    "glutewake.core.advice",
}


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A home whose default data folder holds a month of history, settled and summarised."""
    data = tmp_path / ".local" / "share" / "glutewake"
    last_month = dt.date.today().replace(day=1) - dt.timedelta(days=1)
    for args in (("--rest", "--date", last_month.isoformat()), ("--programme", "beginner")):
        assert run(tmp_path, "log", *args)[0] == 0
    hour_ago = dt.datetime.now().timestamp() - 3600
    for path in data.rglob("*"):
        os.utime(path, (hour_ago, hour_ago))
    return tmp_path


@pytest.mark.parametrize("shape", [(), ("--format", "{streak}d {today} {advice}")], ids=["line", "format"])
def test_status_from_its_snapshot_loads_nothing_it_does_not_need(home: Path, shape: tuple[str, ...]) -> None:
    settle(home / ".local" / "share" / "glutewake")
    code, ordinary, modules = run(home, "status", *shape)  # the ordinary way writes the snapshot
    assert code == 0 and "glutewake.store.datastore" in modules
    code, quick, modules = run(home, "status", *shape)
    assert code == 0 and quick == ordinary
    assert loaded(modules, QUICK_STATUS | {"re", "enum", "collections"}) == set()


def test_status_json_from_its_snapshot_loads_no_json_package(home: Path) -> None:
    settle(home / ".local" / "share" / "glutewake")
    ordinary = run(home, "status", "--json")
    code, quick, modules = run(home, "status", "--json")
    assert code == 0 and quick == ordinary[1]
    assert loaded(modules, QUICK_STATUS | {"re", "enum"}) == set()  # json's C quoting, not json


COMMANDS = [
    ("--version",),
    ("--help",),
    ("plan", "beginner", "--json"),
    ("programme", "show", "beginner"),
    ("log", "--rest"),
    ("log", "--activity", "swimming", "--minutes", "20"),
    ("history",),
    ("history", "--json"),
    ("status",),
    ("status", "--json"),
    ("export", "--format", "csv"),
    ("export", "--format", "json"),
    ("repair",),
    ("settings",),
    ("delete", "0" * 32),  # no such id: exit 2
    ("settings", "count_seconds", "1.5"),
    ("report", "--format", "md", "--output", "-"),
    ("log", "--minutes", "0", "--rest"),  # a refusal
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_command_loads_dataclasses_shutil_platformdirs_or_textual(
    home: Path, args: tuple[str, ...]
) -> None:
    code, output, modules = run(home, *args)
    assert code in (0, 2), output
    forbidden = EVERY_COMMAND | ({"platformdirs"} if sys.platform in ("linux", "darwin") else set())
    assert loaded(modules, forbidden) == set()
    assert loaded(modules, {"tomllib", "typing"}) == set()  # the files were read before
    if args != ("--help",):  # a plain command line is read without argparse (which loads re)
        assert loaded(modules, {"argparse", "gettext", "locale"}) == set()
        assert loaded(modules, {"re", "enum", "json", "csv", "functools"}) == set()
    if args[0] == "log":  # the summary cache is marshal's: json would cost log its import
        assert loaded(modules, {"json", "glutewake.store.summary"}) == set()  # nor the scan


def test_the_store_package_loads_its_names_on_first_use() -> None:
    import glutewake.store as store

    assert sorted(store.__all__) == sorted(store._WHERE)
    for name in store.__all__:
        assert getattr(store, name) is not None
    with pytest.raises(AttributeError):
        store.NoSuchName  # type: ignore[attr-defined]  # noqa: B018


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("plan", "--help")], ids=" ".join)
def test_help_and_the_version_load_no_store_no_toml_reader_no_pathlib(
    home: Path, args: tuple[str, ...]
) -> None:
    code, _, modules = run(home, *args)
    assert code == 0
    assert loaded(modules, {"pathlib", "tomllib", "typing", "glutewake.store", "json"}) == set()


JOURNAL_CODE = {
    "glutewake.store.datastore",
    "glutewake.store.journal_reader",
    "glutewake.store.journal_writer",
    "glutewake.store.journal_codec",
    "glutewake.core.journal",
}


@pytest.mark.parametrize(
    "args",
    [
        ("plan", "beginner", "--json"),
        ("settings",),
        ("settings", "count_seconds", "1.5"),
        ("settings", "day_starts_at", "0"),
    ],
    ids=" ".join,
)
def test_commands_that_need_only_the_settings_load_no_journal_code(home: Path, args: tuple[str, ...]) -> None:
    code, output, modules = run(home, *args)
    assert code == 0, output
    assert "glutewake.store.profile_files" in modules
    assert loaded(modules, JOURNAL_CODE) == set()


@pytest.mark.parametrize(
    "args",
    [
        ("log", "--activity", "swimming", "--minutes", "20"),
        ("log", "--rest"),
        ("history",),
        ("history", "--json"),
        ("export", "--format", "csv"),
        ("report", "--format", "md", "--output", "-"),
        ("delete", "0" * 32),
    ],
    ids=" ".join,
)
def test_commands_that_neither_import_nor_repair_load_no_import_or_repair_code(
    home: Path, args: tuple[str, ...]
) -> None:
    code, output, modules = run(home, *args)
    assert code in (0, 2), output
    assert "glutewake.store.journal_reader" in modules
    assert loaded(modules, {"glutewake.store.datastore", "glutewake.core.journal_import"}) == set()
