"""This machine's device id: made once, kept in the platform's per-machine state folder.

The id names the journal files this machine writes (`journal/YYYY-MM.DEVICE.toml`), so two
machines that share a synced data folder never write the same file. It lives outside the data
folder on purpose: a copy or a sync of the data folder never carries it, so each machine keeps
its own. The folder is platformdirs' `user_state_dir("glutewake")` (on Linux
`~/.local/state/glutewake`), or `$GLUTEWAKE_STATE_DIR` when that is set (tests set it, so
they never touch the real one). The file is `device-id`: one line of 16 hex digits. On macOS
platformdirs gives the same folder for state and data (`~/Library/Application Support/
glutewake`): a sync of that whole folder must leave `device-id` out (the README's ignore lines
do). The same holds on Windows (`%LOCALAPPDATA%\\glutewake`).
"""

from __future__ import annotations

import os
import sys

from glutewake.store.errors import StoreError, Unreadable, Unwritable
from glutewake.store.files import FILE_MODE, ensure_dir, fsync_dir, os_reason
from glutewake.store.layout import is_device

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

    from glutewake.store.errors import StrPath

APP = "glutewake"
STATE_DIR_VARIABLE = "GLUTEWAKE_STATE_DIR"
FILE_NAME = "device-id"


def state_dir() -> str:
    """The per-machine state folder: $GLUTEWAKE_STATE_DIR, else platformdirs' user_state_dir."""
    chosen = os.environ.get(STATE_DIR_VARIABLE)
    if chosen:
        return chosen
    found = by_hand(os.environ, sys.platform)
    if found is not None:
        return found
    import platformdirs  # the unusual cases; importing it costs every `log` several ms

    return str(platformdirs.user_state_dir(APP, appauthor=False))


def by_hand(environ: Mapping[str, str], platform: str) -> str | None:
    """platformdirs' `user_state_dir` for `platform` in this environment where it is a plain
    rule (XDG systems, macOS), or None to ask platformdirs (a test checks both agree)."""
    if platform in ("win32", "ios", "android") or hasattr(sys, "getandroidapilevel"):
        return None
    if environ.get("ANDROID_DATA") == "/data" and environ.get("ANDROID_ROOT") == "/system":
        return None
    home = environ.get("HOME", "")
    if not home.startswith("/"):
        return None
    home = home.rstrip("/") or "/"
    if platform == "darwin":
        if environ.get("XDG_DATA_HOME") or environ.get("XDG_STATE_HOME"):
            return None
        return os.path.join(home, "Library/Application Support", APP)
    xdg = environ.get("XDG_STATE_HOME")
    if xdg is None or xdg == "":
        return os.path.join(home, ".local/state", APP)
    if xdg.startswith("/") and xdg == xdg.strip():
        return os.path.join(xdg, APP)
    return None


def device_id(folder: StrPath | None = None) -> str:
    """This machine's id, made (and kept) the first time it is asked for.

    Two processes asking at once get the same id: the id is written to a temporary file that
    is linked into place only if no id is there yet, and whoever loses reads the winner's."""
    folder = state_dir() if folder is None else folder
    path = os.path.join(folder, FILE_NAME)
    found = _read(path)
    if found is not None:
        return found
    ensure_dir(folder)
    made = os.urandom(8).hex()
    temp = os.path.join(folder, f".{FILE_NAME}.{os.getpid()}.{made}")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        try:
            os.write(fd, f"{made}\n".encode())
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(temp, path)
        except FileExistsError:  # another process made it first: its id is the one
            pass
        fsync_dir(folder)
    except OSError as error:
        raise Unwritable(path, os_reason(error)) from None
    finally:
        try:
            os.unlink(temp)
        except OSError:
            pass
    found = _read(path)
    if found is None:  # pragma: no cover - linked above, so it is there
        raise Unreadable(path, "the device id just made is missing")
    return found


def _read(path: str) -> str | None:
    try:
        with open(path, "rb") as file:
            data = file.read()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise Unreadable(path, os_reason(error)) from None
    text = data.decode("ascii", "replace").strip()
    if not is_device(text):
        raise StoreError(
            path,
            f"{path}, line 1: expected this machine's device id (16 hex digits), found "
            f"{text[:40]!r}; delete the file and glutewake makes a new one",
        )
    return text
