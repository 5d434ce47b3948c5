"""Errors a user can act on: each becomes one stderr line (exit 2) or a notification."""

from __future__ import annotations


class UserError(Exception):
    """Bad input or a data problem the user can fix; `str()` is the one line to show."""


class ProgrammeError(UserError):
    """A programme name or file that cannot be used."""
