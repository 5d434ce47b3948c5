"""`cache/status.txt`: the status computed today, and exactly which files it was computed from.

A shell prompt runs `glutewake status` before every command. The ordinary way to compute it
(`cli/status.py`) loads the store, the summary cache and the advice rule; when everything
was readable and every file had settled, it writes this snapshot: the answer, the day it
holds for (from that day's start, `day_starts_at` o'clock local time, to the next day's), the
time zone, the glutewake version, and the identity (inode, size, mtime and ctime) of
`settings.toml` and of every entry of `journal/` (so a change of `day_starts_at` ends it).
The quick way (`cli/quick.py`) prints the snapshot's answer only while all of that is still
so; any difference (a file added, written, touched, moved or chmod-ed, another day or zone,
another version, a damaged snapshot) sends it the ordinary way, which reads what changed.

Reading imports nothing beyond `os` and `time`; writing goes through the store's lock and
atomic write, and never creates the data folder.
"""

from __future__ import annotations

import os
import time

from glutewake import __version__

TYPE_CHECKING = False  # `typing` costs every command's start
if TYPE_CHECKING:
    from glutewake.store.datastore import Store

FORMAT = "glutewake status snapshot 1"
NAME = os.path.join("cache", "status.txt")
# A file changed this soon before it was looked at could change again within the same mtime
# tick (2 s on FAT) without its identity changing: no snapshot is written from it.
SETTLE_NS = 2_000_000_000

Stamp = tuple[int, int, int, int]  # inode, size, mtime_ns, ctime_ns
Key = dict[str, "Stamp | None"]  # "settings.toml" and "journal/NAME" (None: not there)
Values = tuple[str, int, int, bool, "str | None", str]  # phase, streak, longest, today, advice, reason


def current_key(data_dir: str) -> Key | None:
    """The identity of every file the status is computed from, as it is now; None when
    the journal folder cannot be listed or an entry cannot be looked at."""
    try:
        key: Key = {"settings.toml": _stamp(os.path.join(data_dir, "settings.toml"))}
        journal = os.path.join(data_dir, "journal")
        try:
            entries = os.scandir(journal)
        except FileNotFoundError:
            return {**key, "journal/": None}
        with entries:
            for entry in entries:
                info = entry.stat()
                key[f"journal/{entry.name}"] = (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    except OSError:
        return None
    return key


def read(data_dir: str) -> Values | None:
    """The snapshot's answer when it still holds now, else None."""
    try:
        with open(os.path.join(data_dir, NAME), encoding="utf-8") as file:
            lines = file.read().split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    if len(lines) < 11 or lines[0] != FORMAT or lines[-1] != "end":
        return None
    fields = dict(line.partition(" ")[::2] for line in lines[1:10])
    try:
        valid_from, valid_until = (int(part) for part in fields["valid"].split(" "))
        values: Values = (
            fields["phase"],
            int(fields["streak"]),
            int(fields["longest"]),
            {"yes": True, "no": False}[fields["today"]],
            None if fields["advice"] == "-" else fields["advice"],
            fields["reason"],
        )
        stored = dict(_stamp_line(line) for line in lines[10:-1])
    except (KeyError, ValueError):
        return None
    if fields["version"] != __version__ or fields["zone"] != _zone():
        return None
    if not valid_from <= time.time() < valid_until:
        return None
    if stored != current_key(data_dir):
        return None
    return values


def write(
    store: Store, key: Key | None, looked_at_ns: int, valid: tuple[float, float], values: Values
) -> None:
    """Save the answer computed from the files as `key` found them at `looked_at_ns`, for the
    local day `valid` (from, until); nothing when a file had not settled, a name cannot be
    written down, or the data folder is missing, read-only or busy."""
    if key is None or not os.path.isdir(store.data_folder):
        return
    settled = looked_at_ns - SETTLE_NS
    if any(stamp is not None and max(stamp[2], stamp[3]) >= settled for stamp in key.values()):
        return
    if any(not name.isprintable() for name in key) or not all(str(part).isprintable() for part in values):
        return
    phase, streak, longest, today_done, advice, reason = values
    lines = [
        FORMAT,
        f"version {__version__}",
        f"zone {_zone()}",
        f"valid {int(valid[0])} {int(valid[1])}",
        f"phase {phase}",
        f"streak {streak}",
        f"longest {longest}",
        f"today {'yes' if today_done else 'no'}",
        f"advice {advice or '-'}",
        f"reason {reason}",
        *(f"{name} {'-' if stamp is None else ' '.join(map(str, stamp))}" for name, stamp in key.items()),
        "end",
    ]
    from glutewake.store.errors import StoreError
    from glutewake.store.files import atomic_write, ensure_dir, try_locked

    path = os.path.join(store.data_folder, NAME)
    try:
        ensure_dir(store.data_folder)
        with try_locked(store.lock_file) as held:
            if held:
                ensure_dir(os.path.dirname(path))
                atomic_write(path, "\n".join(lines).encode(), durable=False)
    except StoreError:
        pass  # read-only: the ordinary way keeps answering


def _stamp(path: str) -> Stamp | None:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _stamp_line(line: str) -> tuple[str, Stamp | None]:
    """`NAME INODE SIZE MTIME_NS CTIME_NS`, or `NAME -` for a file that was not there."""
    if line.endswith(" -"):
        return line[:-2], None
    name, *numbers = line.rsplit(" ", 4)
    inode, size, mtime, ctime = (int(number) for number in numbers)
    return name, (inode, size, mtime, ctime)


def _zone() -> str:
    return f"{os.environ.get('TZ', '-')!r} {time.tzname!r} {time.timezone} {time.altzone}"
