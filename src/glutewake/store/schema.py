"""Schema versions of the data files and the migrations that upgrade older ones on read.

A migration takes the parsed document of version N and returns version N + 1. Files are
migrated in memory only; the upgraded shape reaches the disk the next time that file is saved.
"""

from __future__ import annotations

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeAlias

Document = dict[str, "Any"]  # a string: `Any` is imported for mypy only
if TYPE_CHECKING:
    Migration: TypeAlias = Callable[[Document], Document]

SETTINGS_SCHEMA = 3
JOURNAL_SCHEMA = 3
STATE_SCHEMA = 1

# Stable ids for records that older files kept without one, so every read agrees.
_ID_NAMESPACE = "5f0c2a9e-3b7d-4c1a-9e55-6d8a1b2c3d4e"


def _journal_1_to_2(document: Document) -> Document:
    """Schema 1 kept rest days as bare dates and activities without ids."""
    upgraded = dict(document)
    rest_days = document.get("rest_days", [])
    if isinstance(rest_days, list):
        upgraded["rest_days"] = [
            {"id": _stable_id("rest", day), "date": day} if not isinstance(day, dict) else day
            for day in rest_days
        ]
    activities = document.get("activities", [])
    if isinstance(activities, list):
        upgraded["activities"] = [
            {"id": _stable_id("activity", index, *sorted(item.items())), **item}
            if isinstance(item, dict) and "id" not in item
            else item
            for index, item in enumerate(activities)
        ]
    upgraded["schema"] = 2
    return upgraded


def _journal_2_to_3(document: Document) -> Document:
    """Schema 3 adds what schema 2 did not know (sessions' `pain_during` and `played_seconds`,
    `morning_checks`); a schema 2 file holds none, so only the number changes. The bump makes an older
    glutewake refuse a file with them as too new, instead of calling it damaged."""
    return {**document, "schema": 3}


def _settings_1_to_2(document: Document) -> Document:
    """Schema 1 (glutewake 1.0) measured stretch holds and the rest between sides in counts;
    schema 2 measures them in seconds, so their length stays what it was at the saved pace.
    Schema 1 had `bell = true/false`, schema 2 `sound = "tones" | "bell" | "off"`: the bell
    switched off becomes no sound; left on, it becomes the new default, tones (which fall back
    to that same bell where no sound output can be had). Schema 2 may also hold
    `morning_asked_on`, which schema 1 did not know: the bump makes an older glutewake refuse
    the file as too new instead of calling it damaged."""
    upgraded = dict(document)
    settings = document.get("settings")
    if isinstance(settings, dict):
        settings = dict(settings)
        pace = settings.get("count_seconds", 1.0)
        if isinstance(pace, bool) or not isinstance(pace, int | float):
            pace = 1.0  # reading the new document names the bad value and its line
        for old, new, low, high in (
            ("stretch_hold_counts", "stretch_hold_seconds", 5, 120),
            ("rest_between_sides_counts", "rest_seconds", 1, 120),
        ):
            if old not in settings:
                continue
            counts = settings.pop(old)
            if isinstance(counts, bool) or not isinstance(counts, int | float):
                settings[new] = counts  # kept as found, so the error names it
                continue
            settings[new] = min(high, max(low, round(counts * pace)))
        if "bell" in settings:
            bell = settings.pop("bell")
            if bell is False:
                settings.setdefault("sound", "off")
            elif bell is not True:
                settings["bell"] = bell  # not a boolean: left for the reader to name the problem
        upgraded["settings"] = settings
    upgraded["schema"] = 2
    return upgraded


def _settings_2_to_3(document: Document) -> Document:
    """Schema 3 adds the setting `day_starts_at`; a schema 2 file lacks it and takes the
    default (days start at midnight, as before), so only the number changes. The bump makes
    an older glutewake refuse the file as too new instead of calling it damaged."""
    return {**document, "schema": 3}


def _stable_id(*parts: object) -> str:
    import uuid  # only old files need it

    return uuid.uuid5(uuid.UUID(_ID_NAMESPACE), repr(parts)).hex


MIGRATIONS: dict[str, dict[int, Migration]] = {
    "settings": {1: _settings_1_to_2, 2: _settings_2_to_3},
    "journal": {1: _journal_1_to_2, 2: _journal_2_to_3},
    "state": {},
}
CURRENT: dict[str, int] = {"settings": SETTINGS_SCHEMA, "journal": JOURNAL_SCHEMA, "state": STATE_SCHEMA}


def migrate(kind: str, document: Document, found: int) -> Document:
    """Upgrade `document` of schema `found` to the current schema of `kind`."""
    steps = MIGRATIONS[kind]
    version = found
    while version < CURRENT[kind]:
        document = steps[version](document)
        version += 1
    return document
