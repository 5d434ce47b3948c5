"""settings.toml as text: the profile (settings and state) to and from a TOML document."""

from __future__ import annotations

import datetime as dt

from glutewake.core.settings import PHASES, Profile, Settings, setting_names
from glutewake.errors import UserError
from glutewake.store.decoding import Where
from glutewake.store.errors import MalformedFile
from glutewake.store.schema import CURRENT, Document

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from typing import Any

    from glutewake.store.errors import StrPath

_SETTING_TYPES = {name: type(getattr(Settings(), name)) for name in setting_names()}
# Settings of earlier versions that migration turns into others; left over, they are named.
_RETIRED = {"bell": 'use `sound` = "tones", "bell" or "off" instead of `bell`'}


def profile_from_document(path: StrPath, text: str, document: Document) -> Profile:
    """The profile in settings.toml; missing keys take their defaults. Every problem found is
    named with its line, in the order of the file (MalformedFile)."""
    where = Where(text)
    problems: list[tuple[int | None, str]] = []

    def fail(key: str, reason: str) -> None:
        problems.append((where.key_line(key), reason))

    for key in document:
        if key not in ("schema", "phase", "acknowledged_on", "morning_asked_on", "settings"):
            fail(key, f"unknown key `{key}` (expected phase, acknowledged_on, morning_asked_on, [settings])")
    raw = document.get("settings", {})
    if not isinstance(raw, dict):
        fail("settings", "expected a [settings] table")
        raw = {}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        problem = _setting_problem(key, value)
        if problem is None:
            values[key] = float(value) if _SETTING_TYPES[key] is float else value
        else:
            fail(key, problem)
    phase = document.get("phase", "beginner")
    if phase not in PHASES:
        fail("phase", f"expected `phase` to be one of {', '.join(PHASES)}, found {phase!r}")
        phase = "beginner"
    acknowledged, asked = (document.get(key) for key in ("acknowledged_on", "morning_asked_on"))
    for key, day in (("acknowledged_on", acknowledged), ("morning_asked_on", asked)):
        if day is not None and (type(day) is not dt.date):
            fail(key, f"expected `{key}` to be a date like 2026-11-24, found {day!r}")
    if problems:
        problems.sort(key=lambda problem: problem[0] or 0)
        (line, reason), *more = problems
        raise MalformedFile(path, line, reason, tuple(more))
    try:
        settings = Settings(**values)
    except UserError as error:  # a rule across settings; each one alone was checked above
        name = next((k for k in values if k in str(error)), "settings")
        raise MalformedFile(path, where.key_line(name), str(error)) from None
    return Profile(settings=settings, phase=phase, acknowledged_on=acknowledged, morning_asked_on=asked)


def _setting_problem(key: str, value: object) -> str | None:
    """What is wrong with one `[settings]` entry, or None."""
    expected = _SETTING_TYPES.get(key)
    if key in _RETIRED:
        return f"`{key}` is no longer a setting: {_RETIRED[key]}"
    if expected is None:
        return f"unknown setting `{key}` (expected one of {', '.join(_SETTING_TYPES)})"
    ok = (
        (isinstance(value, int | float) and not isinstance(value, bool))
        if expected is float
        else type(value) is expected
    )
    if not ok:
        what = {float: "a number", int: "a whole number", bool: "true or false", str: "text"}[expected]
        return f"expected `{key}` to be {what}, found {value!r}"
    try:
        Settings(**{key: float(value) if expected is float else value})  # type: ignore[arg-type]
    except UserError as error:
        return str(error)
    return None


# Settings every machine shares: kept as journal records, not in settings.toml.
SHARED_SETTINGS = frozenset({"day_starts_at"})


def profile_to_text(profile: Profile) -> str:
    """settings.toml as pleasant TOML: this machine's settings and the day it last asked the
    morning question. The phase, the first-run acknowledgement and the day start are journal
    records now (they follow the user to every machine); an earlier glutewake's `phase`,
    `acknowledged_on` and `day_starts_at` are still read, and written as records by the first
    save."""
    document: dict[str, Any] = {"schema": CURRENT["settings"]}
    if profile.morning_asked_on is not None:
        document["morning_asked_on"] = profile.morning_asked_on
    document["settings"] = {
        name: getattr(profile.settings, name) for name in setting_names() if name not in SHARED_SETTINGS
    }
    import tomli_w

    return (
        '# glutewake settings of this machine. Hand-editing is fine; see "Your data" in the README.\n'
        + tomli_w.dumps(document)
    )
