"""The read-only banner: which file is damaged, where, and how to put it right."""

from __future__ import annotations

from textual.widgets import Static

from glutewake.store.errors import FutureSchema, MalformedFile, StoreError


def problem_line(error: StoreError) -> str:
    """`/path/settings.toml, line 3: expected a number` for a malformed file, else the error."""
    if isinstance(error, MalformedFile):
        return "\n".join(
            f"{error.path}, line {line}: {reason}" if line else f"{error.path}: {reason}"
            for line, reason in error.problems
        )
    return str(error)


def fix_line(problems: list[StoreError]) -> str:
    """How to put it right: `repair` only moves malformed files; a newer one needs an upgrade."""
    if any(isinstance(problem, MalformedFile) for problem in problems):
        return (
            "To fix it: correct the file by hand, or quit and run `glutewake repair`, which "
            "moves it aside under a dated name. Then start glutewake again."
        )
    if any(isinstance(problem, FutureSchema) for problem in problems):
        return (
            "To use it: upgrade glutewake (`glutewake repair` leaves a newer version's file "
            "alone). Then start glutewake again."
        )
    return "To fix it: make the file readable to you, then start glutewake again."


class ReadOnlyBanner(Static):
    """Shown on home while any data file cannot be read; the app then writes nothing."""

    def __init__(self, problems: list[StoreError]) -> None:
        lines = [
            "READ-ONLY — a data file could not be read, so nothing will be saved this run.",
            *(f"  {line}" for problem in problems for line in problem_line(problem).splitlines()),
            fix_line(problems),
        ]
        super().__init__("\n".join(lines), markup=False, id="read-only")
