"""Drive a real command in a real terminal: a private tmux server per test.

    with Tmux() as tmux:
        tmux.start([glutewake_command(), "--data-dir", str(data)], size=(80, 24))
        tmux.wait_for("Before you start")
        tmux.send("Enter")
        tmux.send("q")
        assert tmux.wait_exit() == 0

`tmux_required()` skips when tmux is missing, but fails under CI=true.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

import pytest

TERM = "xterm-256color"


def tmux_required() -> None:
    """Skip the calling test without tmux; in CI a missing tmux is a failure."""
    if shutil.which("tmux"):
        return
    if os.environ.get("CI") == "true":
        pytest.fail("tmux is required for the end-to-end tests in CI but is not installed")
    pytest.skip("tmux is not installed: the end-to-end terminal tests need it")


def glutewake_command() -> str:
    """The installed `glutewake` of this environment (the venv's bin beside the interpreter)."""
    beside = Path(sys.executable).with_name("glutewake")
    if beside.exists():
        return str(beside)
    found = shutil.which("glutewake")
    if found is None:
        pytest.fail("the glutewake command is not installed (pip install -e '.[test]')")
    return found


class Tmux:
    """One private tmux server holding one pane; every call is bounded by a timeout."""

    def __init__(self) -> None:
        self.socket = f"glutewake-test-{uuid.uuid4().hex[:12]}"
        # Under /tmp where there is one: the socket's path must stay under about 104 bytes,
        # which macOS's long $TMPDIR (/var/folders/…) would pass.
        short = "/tmp" if os.path.isdir("/tmp") else None
        self.folder = Path(tempfile.mkdtemp(prefix="glutewake-tmux-", dir=short))
        self.config = self.folder / "tmux.conf"
        self.status_file = self.folder / "exit-status"
        # The pane stays after the command exits, so its last screen can still be read.
        self.config.write_text(f'set -g remain-on-exit on\nset -g default-terminal "{TERM}"\n')
        self.running = False

    def _tmux(
        self, *args: str, check: bool = True, verbose: bool = False
    ) -> subprocess.CompletedProcess[str]:
        # The server's socket lives in the test's own folder (TMUX_TMPDIR), not in the shared
        # /tmp/tmux-UID, and a test run from inside tmux does not talk to the outer server.
        environment = {name: value for name, value in os.environ.items() if name != "TMUX"}
        environment["TMUX_TMPDIR"] = str(self.folder)
        return subprocess.run(
            ["tmux", *(["-vv"] if verbose else []), "-L", self.socket, "-f", str(self.config), *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=check,
            env=environment,
            cwd=self.folder,  # where -vv writes its logs
        )

    def _new_session(self, *args: str) -> None:
        """`tmux new-session`, tried again on a fresh server when the first one dies starting.

        A CI run once met "server exited unexpectedly" from every new server, for a reason tmux
        did not say. A fresh server is tried twice more; when every try fails, the failure shows
        what tmux said, the ptys in use and the end of tmux's own logs, so the cause can be found.
        """
        said: list[str] = []
        for attempt in range(3):
            done = self._tmux("new-session", *args, check=False, verbose=attempt == 2)
            if done.returncode == 0:
                return
            said.append(done.stderr.strip() or f"exit status {done.returncode}")
            if self.running or attempt == 2:
                break  # a running test's server is still wanted: no fresh server for it
            self._tmux("kill-server", check=False)  # should this one have lived on
            self.socket = f"glutewake-test-{uuid.uuid4().hex[:12]}"
            time.sleep(0.2 * (attempt + 1))
        pytest.fail(f"tmux new-session failed ({'; '.join(said)}){self._server_log()}")

    def _server_log(self) -> str:
        logs = sorted(self.folder.glob("tmux-*.log"))
        tails = [
            f"\n--- {log.name} ---\n" + "\n".join(log.read_text(errors="replace").splitlines()[-25:])
            for log in logs
        ]
        ptys = Path("/proc/sys/kernel/pty/nr")
        in_use = f"\nptys in use: {ptys.read_text().strip()}" if ptys.exists() else ""
        return in_use + "".join(tails)

    def display(self, variable: str) -> str:
        """One of tmux's pane variables, e.g. `pane_pid` or `pane_dead`."""
        return self._tmux("display-message", "-p", "-t", "main", f"#{{{variable}}}").stdout.strip()

    def start(
        self, command: Sequence[str], size: tuple[int, int] = (80, 24), env: dict[str, str] | None = None
    ) -> None:
        """Run `command` in a fresh pane of `size` columns × rows, with TERM=xterm-256color."""
        if self.running:
            # Killing the only session makes the server exit, and a new session started at that
            # moment meets a dying server: keep the old one until the new one is up.
            self._tmux("rename-session", "-t", "main", "previous", check=False)
        self.status_file.unlink(missing_ok=True)
        settings = {"TERM": TERM, **(env or {})}
        if "GLUTEWAKE_STATE_DIR" in os.environ:  # the test's own device id, never the real one
            settings.setdefault("GLUTEWAKE_STATE_DIR", os.environ["GLUTEWAKE_STATE_DIR"])
        assignments = [f"{name}={value}" for name, value in settings.items()]
        # The exit status goes to a file: tmux sometimes leaves a finished pane unreaped.
        record = f'"$@"; echo $? > {shlex.quote(str(self.status_file))}'
        width, height = size
        self._new_session(
            "-d",
            "-s",
            "main",
            "-x",
            str(width),
            "-y",
            str(height),
            "env",
            *assignments,
            "sh",
            "-c",
            record,
            "sh",
            *command,
        )
        if self.running:
            self._tmux("kill-session", "-t", "previous", check=False)
        self.running = True

    def send(self, *keys: str) -> None:
        """Keys in tmux's names: `Enter`, `Escape`, `C-p`, or plain characters."""
        for key in keys:
            self._tmux("send-keys", "-t", "main", key)

    def capture(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "main").stdout

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        """Poll the screen until `text` is on it; returns the screen, or fails showing it."""
        return self.wait_until(lambda screen: text in screen, f"{text!r}", timeout)

    def wait_until(self, check: Callable[[str], object], what: str, timeout: float = 15.0) -> str:
        """Poll the screen until `check(screen)` holds; the screen, or a failure showing it."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.capture()
            if check(screen):
                return screen
            time.sleep(0.03)
        pytest.fail(f"{what}: not seen within {timeout:g} s; the screen was:\n{screen}")

    def wait_exit(self, timeout: float = 15.0) -> int:
        """Wait for the command to end; its exit status."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            recorded = self.status_file.read_text() if self.status_file.exists() else ""
            if recorded.endswith("\n"):
                return int(recorded)
            time.sleep(0.05)
        pytest.fail(f"the command did not exit within {timeout:g} s:\n{self.capture()}")

    def kill(self) -> None:
        self._tmux("kill-server", check=False)
        self.running = False
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Tmux:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.kill()
