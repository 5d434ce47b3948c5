"""Typed errors of the store: each is a line the CLI prints and the app shows in a banner (a
malformed file with several problems: a line for each)."""

from __future__ import annotations

import os

from glutewake.errors import UserError

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from pathlib import Path

StrPath = str | os.PathLike[str]
"""A path as the store passes it around: a plain string inside (pathlib costs every command's
start), a Path from callers; an error holds a Path."""


def tidy_path(text: str) -> str:
    """`text` written as a Path would print it, without loading pathlib: doubled separators
    and `.` parts dropped, no separator at the end (`a//./b/` is `a/b`, `` is `.`). `..` is
    kept, as pathlib keeps it (a link may stand before it). Elsewhere than POSIX, unchanged."""
    if os.name != "posix" or not text:
        return text or "."
    root = "//" if text.startswith("//") and not text.startswith("///") else "/" if text[0] == "/" else ""
    return root + "/".join(part for part in text.split("/") if part not in ("", ".")) or "."


def as_path(path: StrPath) -> Path:
    """`path` as a Path (pathlib is loaded only when an error or a caller needs one)."""
    from pathlib import Path

    return Path(path)


class StoreError(UserError):
    """A data file that cannot be read or written; `path` names it."""

    def __init__(self, path: StrPath, message: str) -> None:
        self.path = as_path(path)
        super().__init__(message)


class MalformedFile(StoreError):
    """A file that does not parse or holds values of the wrong kind; never overwritten.

    `line` and `reason` are the first problem; `problems` holds every one found, in the
    order of the file (a settings file with three wrong values names all three)."""

    def __init__(
        self, path: StrPath, line: int | None, reason: str, more: tuple[tuple[int | None, str], ...] = ()
    ) -> None:
        self.line = line
        self.reason = reason
        self.problems = ((line, reason), *more)
        places = [f"{_where(path, at)}: {why}" for at, why in self.problems]
        if not more:
            message = (
                f"{places[0]} (nothing was changed; fix it by hand, "
                "or run `glutewake repair` to move it aside)"
            )
        else:
            # One line per problem, then what to do: the CLI prints each line as its own.
            message = "\n".join(
                [
                    *places,
                    f"nothing was changed; fix these {len(places)} problems by hand, "
                    f"or run `glutewake repair` to move {os.path.basename(path)} aside",
                ]
            )
        super().__init__(path, message)


def _where(path: StrPath, line: int | None) -> str:
    return f"{path}, line {line}" if line else str(path)


class FutureSchema(StoreError):
    """A file written by a newer glutewake than this one; read by neither, rewritten by neither."""

    def __init__(self, path: StrPath, found: int, known: int) -> None:
        self.found = found
        self.known = known
        super().__init__(
            path,
            f"{path}: written by a newer glutewake (schema {found}; this version knows up to "
            f"{known}); upgrade glutewake to use it (the file was not changed)",
        )


class Unwritable(StoreError):
    """The OS refused a write (read-only, permission, disk full, failing fsync or rename)."""

    def __init__(self, path: StrPath, reason: str) -> None:
        self.reason = reason
        super().__init__(path, f"cannot write {path}: {reason} (the old file is unchanged)")


class Unreadable(StoreError):
    """The OS refused a read (permission denied, I/O error)."""

    def __init__(self, path: StrPath, reason: str) -> None:
        self.reason = reason
        super().__init__(path, f"cannot read {path}: {reason}")


class RepeatedId(StoreError):
    """One id kept by two records of a kind in two journal files: neither may hide the other."""

    def __init__(
        self,
        section: str,
        record_id: str,
        first: tuple[StrPath, int | None],
        second: tuple[StrPath, int | None],
    ) -> None:
        self.section = section
        self.record_id = record_id
        self.places = ((as_path(first[0]), first[1]), (as_path(second[0]), second[1]))
        where = " and ".join(f"{path}, line {line}" if line else str(path) for path, line in self.places)
        super().__init__(
            first[0],
            f"{where}: the id {record_id!r} is used in `{section}` of both files; every record "
            "needs its own id (nothing was changed; keep one of them by hand)",
        )
