"""The paths a user types are named in messages as pathlib would print them (`a//./b/` as
`a/b`), as they were before the store kept its paths as plain strings."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

import pytest

from glutewake.store.errors import tidy_path
from tests.helpers import RunCli

TYPED = ["a//b", "./c/", "./b//.", "/", "//", "///x", "//x/y", ".", "", "a/../b", "~/x", "/t//d/", "..", "./"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX paths")
@pytest.mark.parametrize("typed", TYPED)
def test_a_path_is_tidied_as_pathlib_prints_it(typed: str) -> None:
    assert tidy_path(typed) == str(PurePosixPath(typed))


@pytest.mark.skipif(os.name != "posix", reason="POSIX paths")
def test_messages_name_the_data_dir_and_the_output_without_doubled_separators(
    tmp_path: Path, run_cli: RunCli
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.toml").write_text("x = [\n", encoding="utf-8")
    result = run_cli("--data-dir", f"{tmp_path}//data/./", "status", data=None)
    assert result.returncode == 2
    assert result.stderr.startswith(f"glutewake: {data / 'settings.toml'}, line 1: not valid TOML")

    fine = tmp_path / "fine"
    result = run_cli("report", "--format", "md", "--output", "./out//report.md", data=fine, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "glutewake: cannot write out/report.md: the folder out does not exist (the old file is unchanged)\n"
    )
    result = run_cli("import", ".//backup.json", data=fine, cwd=tmp_path)
    assert result.stderr == "glutewake: backup.json: no such file (nothing was imported)\n"
    result = run_cli("plan", "./mine//plan.toml", data=fine, cwd=tmp_path)
    assert result.stderr == "glutewake: mine/plan.toml: no such programme file\n"
