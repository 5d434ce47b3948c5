"""The built-in programmes, shipped as programme files in the format users write."""

from __future__ import annotations

import os

from glutewake.core.programme import Programme, parse_programme
from glutewake.errors import ProgrammeError

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from glutewake.store.errors import StrPath
    from glutewake.store.parsed import ParsedToml

BUILTIN_NAMES = ("beginner", "advanced", "stretches")


def builtin_text(name: str) -> str:
    """The TOML text of a built-in programme (`programme show`: a built-in, never a file)."""
    if name not in BUILTIN_NAMES:
        known = ", ".join(BUILTIN_NAMES)
        raise ProgrammeError(f"no built-in programme is called {name!r}: the built-ins are {known}")
    # Beside this module in every install (a plain path: importlib.resources costs ~5 ms of start-up).
    with open(os.path.join(os.path.dirname(__file__), f"{name}.toml"), encoding="utf-8") as file:
        return file.read()


def read_programme_file(path: StrPath) -> str:
    """The text of a user's programme file, or a ProgrammeError naming it."""
    try:
        with open(path, encoding="utf-8") as file:
            return file.read()
    except FileNotFoundError:
        raise ProgrammeError(f"{path}: no such programme file") from None
    except UnicodeDecodeError as error:
        raise ProgrammeError(f"{path}: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise ProgrammeError(f"{path}: cannot read programme file: {error.strerror}") from None


def is_file_reference(name_or_path: str) -> bool:
    """A name with a path separator or a .toml suffix means a file, not a built-in."""
    return name_or_path.endswith(".toml") or "/" in name_or_path or "\\" in name_or_path


def load_programme(name_or_path: StrPath, parsed: ParsedToml | None = None) -> Programme:
    """A built-in by name, or a user's programme file by path (a name with a separator or a
    .toml suffix, or any path object); read through the data folder's parsed-TOML cache
    when one is given."""
    if not isinstance(name_or_path, str) or is_file_reference(name_or_path):
        from glutewake.store.errors import tidy_path

        path = tidy_path(os.fspath(name_or_path))  # named as a Path would print it
        return parse_programme(read_programme_file(path), path, cached(parsed, None))
    if name_or_path not in BUILTIN_NAMES:
        known = ", ".join(BUILTIN_NAMES)
        raise ProgrammeError(f"unknown programme {name_or_path!r}: expected one of {known}, or a .toml file")
    text = builtin_text(name_or_path)
    return parse_programme(text, f"built-in programme {name_or_path}", cached(parsed, name_or_path))


def cached(parsed: ParsedToml | None, builtin: str | None) -> Callable[[str], dict[str, Any]] | None:
    """The TOML reader for a built-in (by name) or a user's file (None), through `parsed`."""
    if parsed is None:
        return None
    # A user's file has one entry, whichever file it is (an entry holds the whole text it
    # was made from and stands for nothing else), so checking many files leaves one entry.
    name = "programme-file.toml" if builtin is None else f"programme-{builtin}.toml"
    return lambda text: parsed.loads(name, text)
