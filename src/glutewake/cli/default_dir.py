"""Where the data lives when neither --data-dir nor $GLUTEWAKE_DATA_DIR says: platformdirs'
`user_data_dir("glutewake", appauthor=False)`, worked out by hand where that is plain.

Importing platformdirs costs a prompt's `glutewake status` several milliseconds (it loads
`pathlib`, `typing` and its platform module). On Linux and the other XDG systems and on macOS
its answer is a simple rule of the environment, so it is computed here; anything unusual (no
or a relative HOME, an XDG variable that is not an absolute path, XDG on macOS, where older
platformdirs ignore it), Windows (a shell folder lookup through ctypes), Android and iOS are
left to platformdirs itself. A test checks that both give the same answers.
"""

from __future__ import annotations

import os
import sys

APP = "glutewake"

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping


def default_data_dir() -> str:
    """The platform's user data folder for glutewake (not created)."""
    found = by_hand(os.environ, sys.platform)
    if found is not None:
        return found
    import platformdirs

    return platformdirs.user_data_dir(APP, appauthor=False)


def by_hand(environ: Mapping[str, str], platform: str) -> str | None:
    """platformdirs' answer for `platform` in this environment, or None to ask platformdirs."""
    if platform in ("win32", "ios", "android") or hasattr(sys, "getandroidapilevel"):
        return None
    if environ.get("ANDROID_DATA") == "/data" and environ.get("ANDROID_ROOT") == "/system":
        return None  # maybe an Android app: platformdirs looks further
    home = environ.get("HOME", "")
    if not home.startswith("/"):
        return None  # platformdirs asks the password database
    home = home.rstrip("/") or "/"
    xdg = environ.get("XDG_DATA_HOME")
    if platform == "darwin":
        if xdg:
            return None
        return os.path.join(home, "Library/Application Support", APP)
    if xdg is None or xdg == "":
        return os.path.join(home, ".local/share", APP)
    if xdg.startswith("/") and xdg == xdg.strip():
        return os.path.join(xdg, APP)
    return None  # relative or padded: platformdirs versions disagree about it
