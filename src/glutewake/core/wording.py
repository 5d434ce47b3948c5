"""Counts in words, the one way the app and the command line write "1 day" and "3 days"."""

from __future__ import annotations


def noun(number: int, one: str, many: str | None = None) -> str:
    """`one` for exactly 1, else `many` (by default `one` + "s"): `noun(2, "activity", "activities")`."""
    return one if number == 1 else many or one + "s"


def counted(number: int, one: str, many: str | None = None) -> str:
    """The number with its noun: `1 day`, `3 days`, `0 activities`."""
    return f"{number} {noun(number, one, many)}"
