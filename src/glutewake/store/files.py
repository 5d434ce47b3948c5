"""The one way glutewake touches files: locked, atomic writes and careful reads."""

from __future__ import annotations

import errno
import os
import stat
import sys
import time

from glutewake.store.errors import Unreadable, Unwritable

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from glutewake.store.errors import StrPath

DIR_MODE = 0o700
FILE_MODE = 0o600
TEMP_PREFIX = ".glutewake-write."
"""Our temporary files: a name no sync tool uses (Syncthing's are `.syncthing.*.tmp` and
`~syncthing~*.tmp`, Dropbox's `.dropbox*` and `.~*`), so only ours are ever swept."""
_OLD_TEMP = r"^\.(?!syncthing\.)[^/]+\.toml\.\d+\.\d+\.tmp$|^\.[^/]+\.json\.\d+\.\d+\.tmp$"
"""The name older glutewake versions gave their temporary files (`.2026-11.toml.PID.NS.tmp`)."""
STALE_SECONDS = 600.0
"""A temporary file this old is a killed writer's: a write takes milliseconds. Younger ones
may be another process's (or, in a synced folder, another machine's) write in progress."""
LOCK_TIMEOUT_SECONDS = 15.0

_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EIO: "an input/output error from the disk",
}


def os_reason(error: OSError) -> str:
    """A plain-words reason for an OS error."""
    return _REASONS.get(error.errno or 0, error.strerror or str(error))


def ensure_dir(path: StrPath) -> None:
    """Create `path` and every missing parent with owner-only access (0700); refuse a
    folder marked read-only."""
    try:
        if not os.path.isdir(path):
            missing: list[str] = []
            folder = os.fspath(path)
            while not os.path.exists(folder) and folder != os.path.dirname(folder):
                missing.append(folder)
                folder = os.path.dirname(folder)
            for folder in reversed(missing):
                try:
                    os.mkdir(folder, DIR_MODE)
                except FileExistsError:
                    if not os.path.isdir(folder):
                        raise
                    continue
                os.chmod(folder, DIR_MODE)  # mkdir's mode is narrowed by the umask only
    except OSError as error:
        raise Unwritable(path, os_reason(error)) from None
    _refuse_read_only(path)


def tighten(path: StrPath) -> int | None:
    """Make an existing folder owner-only (0700); the mode it had when it was wider, else None."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        if not mode & 0o077:
            return None
        os.chmod(path, DIR_MODE)
    except OSError as error:
        raise Unwritable(path, os_reason(error)) from None
    return mode


def _refuse_read_only(path: StrPath) -> None:
    # The owner-write bit is checked too, so a read-only file or folder is honoured even for root.
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise Unwritable(path, os_reason(error)) from None
    if not mode & stat.S_IWUSR:
        kind = "folder" if stat.S_ISDIR(mode) else "file"
        raise Unwritable(path, f"the {kind} is read-only")


def read_bytes(path: StrPath) -> bytes | None:
    """The file's bytes, or None when it does not exist."""
    try:
        with open(path, "rb") as file:
            return file.read()
    except FileNotFoundError:
        if os.path.lexists(path):  # a link whose target is gone: never an empty file
            raise Unreadable(path, f"it is a link to {os.readlink(path)}, which does not exist") from None
        return None
    except IsADirectoryError:
        raise Unreadable(path, "it is a folder, not a file") from None
    except OSError as error:
        raise Unreadable(path, os_reason(error)) from None


def atomic_write(path: StrPath, data: bytes, *, durable: bool = True) -> None:
    """Replace `path` with `data` so a crash leaves the old or the new file, never a mix.

    Temporary file in the same folder, write, fsync, os.replace, fsync of the folder.
    Call it with the store's lock held. On any failure the temporary file is removed
    and Unwritable is raised; the old file is untouched. Derived files (the summary cache)
    pass `durable=False` and skip both fsyncs: readers see the old or the new file all the
    same, and one damaged by a power cut is noticed and rebuilt.
    """
    folder, name = os.path.split(os.fspath(path))
    folder = folder or os.curdir
    _refuse_read_only(folder)
    _refuse_read_only(path)
    temp = os.path.join(folder, f"{TEMP_PREFIX}{name}.{os.getpid()}.{time.monotonic_ns()}")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, FILE_MODE)
    except OSError as error:
        raise Unwritable(path, os_reason(error)) from None
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except OSError as error:
        _remove_quietly(temp)
        raise Unwritable(path, os_reason(error)) from None
    except BaseException:
        _remove_quietly(temp)
        raise
    if not durable:
        return
    try:
        fsync_dir(folder)
    except OSError as error:
        # The new file is in place; only its durability across a power cut is in doubt.
        raise Unwritable(path, f"saved, but could not be flushed to disk: {os_reason(error)}") from None


def fsync_dir(folder: StrPath) -> None:
    """Make a rename inside `folder` durable (a no-op where folders cannot be opened)."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_quietly(path: StrPath) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def is_temporary(name: str) -> bool:
    """Whether `name` is one of glutewake's own temporary files (this or an older version's)."""
    if name.startswith(TEMP_PREFIX):
        return True
    if not (name.startswith(".") and name.endswith(".tmp")):
        return False
    import re  # only for a hidden .tmp file: not at every command's start

    return re.match(_OLD_TEMP, name) is not None


def remove_stale_temporaries(folder: StrPath, *, now: float | None = None) -> None:
    """Delete temporary files a killed writer left behind (call with the lock held): only our
    own names, and only those older than STALE_SECONDS. Sync tools' files are left alone."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    limit = (time.time() if now is None else now) - STALE_SECONDS
    for name in names:
        if not is_temporary(name):
            continue
        try:
            if os.lstat(os.path.join(folder, name)).st_mtime < limit:
                _remove_quietly(os.path.join(folder, name))
        except OSError:
            continue


_O_BINARY = getattr(os, "O_BINARY", 0)


def locked(lock_path: StrPath, *, timeout: float = LOCK_TIMEOUT_SECONDS) -> _Lock:
    """Hold the store's inter-process lock (a separate lock file) for the `with` block.

    The OS releases it when the holder dies, so a killed writer never wedges the store.
    """
    return _Lock(lock_path, timeout)


class _LockFile:
    # Classes, not @contextmanager: contextlib costs every command's start.
    def __init__(self, lock_path: StrPath) -> None:
        self.lock_path = lock_path
        self.fd: int | None = None

    def _open(self) -> int:
        return os.open(self.lock_path, os.O_RDWR | os.O_CREAT | _O_BINARY, FILE_MODE)

    def __exit__(self, *exc: object) -> None:
        fd, self.fd = self.fd, None
        if fd is not None:
            try:
                _release(fd)
            finally:
                os.close(fd)


class _Lock(_LockFile):
    def __init__(self, lock_path: StrPath, timeout: float) -> None:
        super().__init__(lock_path)
        self.timeout = timeout

    def __enter__(self) -> None:
        try:
            fd = self._open()
        except OSError as error:
            raise Unwritable(self.lock_path, os_reason(error)) from None
        try:
            _acquire(fd, self.lock_path, self.timeout)
        except BaseException:
            os.close(fd)
            raise
        self.fd = fd


def try_locked(lock_path: StrPath) -> _TryLock:
    """Like `locked`, but gives up at once when another process holds the lock."""
    return _TryLock(lock_path)


class _TryLock(_LockFile):
    def __enter__(self) -> bool:
        try:
            fd = self._open()
        except OSError:
            return False
        try:
            acquired = _try_lock(fd, self.lock_path)
        except Unwritable:
            acquired = False
        if not acquired:
            os.close(fd)
            return False
        self.fd = fd
        return True


def _acquire(fd: int, lock_path: StrPath, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    pause = 0.001
    while not _try_lock(fd, lock_path):
        if time.monotonic() > deadline:
            raise Unwritable(lock_path, "another glutewake kept the data locked; try again")
        time.sleep(pause)
        pause = min(pause * 2, 0.05)


def _try_lock(fd: int, lock_path: StrPath) -> bool:
    try:
        return _try_acquire(fd)
    except OSError as error:  # e.g. a file system without locks
        raise Unwritable(lock_path, f"cannot lock: {os_reason(error)}") from None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_acquire(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _release(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_acquire(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _release(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
