"""The default data folder worked out by hand is the one platformdirs gives."""

from __future__ import annotations

import os
import sys

import platformdirs
import pytest
from platformdirs.macos import MacOS
from platformdirs.unix import Unix

from glutewake.cli.default_dir import by_hand, default_data_dir

ENVIRONMENTS = [
    {"HOME": "/home/ada"},
    {"HOME": "/home/ada/"},
    {"HOME": "/"},
    {"HOME": "/home/ada", "XDG_DATA_HOME": ""},
    {"HOME": "/home/ada", "XDG_DATA_HOME": "/data/xdg"},
    {"HOME": "/home/ada", "XDG_DATA_HOME": "/data/xdg/"},
    {"HOME": "/home/ada", "XDG_DATA_HOME": "relative/xdg"},
    {"HOME": "/home/ada", "XDG_DATA_HOME": " /padded"},
    {"HOME": "relative"},
    {},
]


@pytest.fixture(params=ENVIRONMENTS, ids=lambda env: ",".join(f"{k}={v!r}" for k, v in env.items()) or "none")
def environ(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    for name in ("HOME", "XDG_DATA_HOME", "ANDROID_DATA", "ANDROID_ROOT"):
        monkeypatch.delenv(name, raising=False)
    for name, value in request.param.items():
        monkeypatch.setenv(name, value)
    return dict(request.param)


@pytest.mark.parametrize(("platform", "kind"), [("linux", Unix), ("freebsd14", Unix), ("darwin", MacOS)])
def test_by_hand_matches_platformdirs_or_leaves_it_to_platformdirs(
    environ: dict[str, str], platform: str, kind: type[Unix] | type[MacOS]
) -> None:
    found = by_hand(environ, platform)
    if found is None:
        return  # platformdirs answers these itself
    assert found == kind("glutewake", appauthor=False).user_data_dir


def test_the_common_cases_are_worked_out_by_hand() -> None:
    assert by_hand({"HOME": "/home/ada"}, "linux") == "/home/ada/.local/share/glutewake"
    assert by_hand({"HOME": "/h", "XDG_DATA_HOME": "/x"}, "linux") == "/x/glutewake"
    assert by_hand({"HOME": "/Users/ada"}, "darwin") == "/Users/ada/Library/Application Support/glutewake"
    assert by_hand({"HOME": "/h"}, "win32") is None


def test_the_answer_on_this_platform_is_platformdirs_answer(environ: dict[str, str]) -> None:
    try:
        expected = platformdirs.user_data_dir("glutewake", appauthor=False)
    except RuntimeError:  # platformdirs finds no home directory either
        return
    assert default_data_dir() == expected


def test_this_platform_is_worked_out_by_hand_in_a_plain_environment() -> None:
    if sys.platform not in ("linux", "darwin") or not os.environ.get("HOME", "").startswith("/"):
        pytest.skip("a plain Linux or macOS environment is needed")
    plain = {"HOME": os.environ["HOME"]}
    assert by_hand(plain, sys.platform) is not None


@pytest.mark.parametrize(("platform", "kind"), [("linux", Unix), ("freebsd14", Unix), ("darwin", MacOS)])
@pytest.mark.parametrize(
    "state_env",
    [
        {},
        {"XDG_STATE_HOME": "/state/xdg"},
        {"XDG_STATE_HOME": ""},
        {"XDG_STATE_HOME": "rel"},
        {"XDG_DATA_HOME": "/d"},
    ],
)
def test_the_state_folder_by_hand_matches_platformdirs(
    environ: dict[str, str],
    platform: str,
    kind: type[Unix] | type[MacOS],
    state_env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from glutewake.store.device import by_hand as state_by_hand

    monkeypatch.delenv("XDG_STATE_HOME", raising=False)
    for name, value in state_env.items():
        monkeypatch.setenv(name, value)
    found = state_by_hand({**environ, **state_env}, platform)
    if found is None:
        return  # platformdirs answers these itself
    assert found == kind("glutewake", appauthor=False).user_state_dir


def test_the_device_id_lives_in_the_state_folder_never_the_data_folder(
    tmp_path: os.PathLike[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt
    from pathlib import Path

    from glutewake.store import Store
    from glutewake.store.device import device_id

    state, data = Path(tmp_path) / "state", Path(tmp_path) / "data"
    monkeypatch.setenv("GLUTEWAKE_STATE_DIR", str(state))
    store = Store(data)
    store.add_rest_day(dt.date(2026, 11, 20))
    made = (state / "device-id").read_text().strip()
    assert made == device_id() == store.device and len(made) == 16
    assert [p.name for p in (data / "journal").iterdir()] == [f"2026-11.{made}.toml"]
    assert not any("device" in p.name for p in data.rglob("*"))
    (state / "device-id").write_text("not an id\n")
    with pytest.raises(Exception, match="device-id, line 1: expected this machine's device id"):
        device_id()
