"""Reading an export back for `import`: validate every record before anything is written.

Schema 2 exports carry every record's id, which the import keeps; schema 1 exports had ids
for sessions only, so the other records get new ones.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from glutewake.core import log_entry
from glutewake.core.records import (
    ADVICE_LEVELS,
    COMPARED,
    MAX_ACTIVITY_MINUTES,
    RECORD_KINDS,
    SIDES,
    SOURCES,
    SPREAD_PLACES,
    STATUSES,
    Activity,
    Deletion,
    Journal,
    MorningCheck,
    RestDay,
    Session,
    SetRecord,
    SymptomCheck,
    new_id,
)
from glutewake.core.settings import PHASES
from glutewake.errors import UserError
from glutewake.store.files import read_bytes

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from typing import Any, TypeVar

    T = TypeVar("T")


class BadImport(UserError):
    """An import file that cannot be restored; nothing was written."""

    def __init__(self, path: Path, where: str, reason: str) -> None:
        self.path = path
        super().__init__(f"{path}{', ' + where if where else ''}: {reason} (nothing was imported)")


MAX_SETS = 200
"""The most sets one session may hold in an import (the built-ins have a few dozen)."""


def read_export(path: Path, today: dt.date) -> Journal:
    """The records of a `glutewake export --format json` file, each checked as strictly as
    `glutewake log` checks what it writes (no day after `today`, none before 1900, printable
    names of bounded size, well-formed ids)."""
    data = read_bytes(path)
    if data is None:
        raise BadImport(path, "", "no such file")
    if data.lstrip()[:1] != b"{":
        hint = "a CSV export is for spreadsheets; " if b"session_id" in data[:200] else ""
        raise BadImport(path, "line 1", f"{hint}expected a JSON export (glutewake export --format json)")
    try:
        document = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise BadImport(path, f"byte {error.start}", "not valid UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise BadImport(path, f"line {error.lineno}", f"not valid JSON: {error.msg}") from None
    return _Reader(path, today).journal(document)


SCHEMAS = (1, 2)


class _Reader:
    def __init__(self, path: Path, today: dt.date) -> None:
        self.path = path
        self.today = today
        self.schema = 2

    def rule(self, where: str, check: Callable[[], T]) -> T:
        """A check of `core.log_entry`, its refusal named at `where` in the file."""
        try:
            return check()
        except UserError as error:
            raise self.fail(where, str(error)) from None

    def day_ok(self, where: str, day: dt.date) -> dt.date:
        return self.rule(where, lambda: log_entry.check_day(day, self.today, name="the day"))

    def moment_ok(self, where: str, moment: dt.datetime) -> dt.datetime:
        self.rule(where, lambda: log_entry.check_day(moment.astimezone().date(), self.today, name="the day"))
        return moment

    def name_ok(self, where: str, record: Any, key: str) -> str:
        value: str = self.text(where, record, key)
        return self.rule(f"{where}.{key}", lambda: log_entry.check_name(value, name=f"`{key}`"))

    def fail(self, where: str, reason: str) -> BadImport:
        return BadImport(self.path, where, reason)

    def journal(self, document: Any) -> Journal:
        if not isinstance(document, dict):
            raise self.fail("", "expected a JSON object")
        if document.get("schema") not in SCHEMAS:
            raise self.fail("schema", f"expected schema 1 or 2, found {document.get('schema')!r}")
        self.schema = document["schema"]
        sessions = tuple(
            self.session(f"sessions[{i}]", r) for i, r in enumerate(self.items(document, "sessions"))
        )
        rest_days = tuple(
            self.rest_day(f"rest_days[{i}]", r) for i, r in enumerate(self.items(document, "rest_days"))
        )
        activities = tuple(
            self.activity(f"activities[{i}]", r) for i, r in enumerate(self.items(document, "activities"))
        )
        checks = tuple(
            self.check(f"symptom_checks[{i}]", r)
            for i, r in enumerate(self.items(document, "symptom_checks"))
        )
        mornings = tuple(
            self.morning(f"morning_checks[{i}]", r)
            for i, r in enumerate(self.items(document, "morning_checks"))
        )
        deletions = tuple(
            self.deletion(f"deleted[{i}]", r) for i, r in enumerate(self.items(document, "deleted"))
        )
        for key, records in (
            ("sessions", sessions),
            ("rest_days", rest_days),
            ("activities", activities),
            ("symptom_checks", checks),
            ("morning_checks", mornings),
        ):
            ids = [record.id for record in records]
            if len(set(ids)) != len(ids):
                raise self.fail(key, "the same id appears twice")
        return Journal(sessions, rest_days, activities, checks, mornings, deletions)

    def deletion(self, where: str, record: Any) -> Deletion:
        if self.schema == 1:
            raise self.fail(where, "a schema 1 export holds no deletions")
        return Deletion(
            id=self.record_id(where, record),
            kind=self.text(where, record, "kind", RECORD_KINDS),
            at=self.moment_ok(f"{where}.at", self.moment(where, record, "at")),
        )

    def record_id(self, where: str, record: Any) -> str:
        """The record's own id in a schema 2 export; a new one for a schema 1 export."""
        if self.schema == 1:
            return new_id()
        value: str = self.text(where, record, "id")
        return self.rule(f"{where}.id", lambda: log_entry.check_id(value))

    def items(self, document: dict[str, Any], key: str) -> list[Any]:
        value = document.get(key, [])
        if not isinstance(value, list):
            raise self.fail(key, "expected a list")
        return value

    def field(self, where: str, record: Any, key: str, kind: type, what: str, optional: bool = False) -> Any:
        if not isinstance(record, dict):
            raise self.fail(where, "expected an object")
        value = record.get(key)
        if value is None and optional:
            return None
        if isinstance(value, bool) and kind is not bool or not isinstance(value, kind):
            raise self.fail(f"{where}.{key}", f"expected {what}, found {value!r}")
        return value

    def text(
        self, where: str, record: Any, key: str, choices: tuple[str, ...] = (), optional: bool = False
    ) -> Any:
        value = self.field(where, record, key, str, "text", optional)
        if value is not None and (not value.strip() or (choices and value not in choices)):
            expected = f"one of {', '.join(choices)}" if choices else "non-empty text"
            raise self.fail(f"{where}.{key}", f"expected {expected}, found {value!r}")
        return value

    def number(self, where: str, record: Any, key: str, low: int, high: int, optional: bool = False) -> Any:
        value = self.field(where, record, key, int, "a whole number", optional)
        if value is not None and not low <= value <= high:
            raise self.fail(f"{where}.{key}", f"expected {low}-{high}, found {value}")
        return value

    def moment(self, where: str, record: Any, key: str, optional: bool = False) -> Any:
        value = self.field(where, record, key, str, "a date and time", optional)
        if value is None:
            return None
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            raise self.fail(
                f"{where}.{key}",
                f"expected a date and time with an offset like 2026-11-24T07:30:00+01:00, found {value!r}",
            )
        return moment

    def date(self, where: str, value: Any) -> dt.date:
        try:
            if isinstance(value, str) and len(value) == 10:
                return dt.date.fromisoformat(value)
        except ValueError:
            pass
        raise self.fail(where, f"expected a date like 2026-11-24, found {value!r}")

    def session(self, where: str, record: Any) -> Session:
        sets = []
        raw_sets = self.field(where, record, "sets", list, "a list of sets")
        if len(raw_sets) > MAX_SETS:
            raise self.fail(f"{where}.sets", f"expected at most {MAX_SETS} sets, found {len(raw_sets)}")
        for n, raw in enumerate(raw_sets):
            at = f"{where}.sets[{n}]"
            sets.append(
                SetRecord(
                    exercise=self.name_ok(at, raw, "exercise"),
                    side=self.text(at, raw, "side", SIDES, optional=True),
                    reps=self.number(at, raw, "reps", 0, 1000),
                    target=self.number(at, raw, "target", 0, 1000),
                )
            )
        started = self.moment_ok(f"{where}.started_at", self.moment(where, record, "started_at"))
        ended = self.moment(where, record, "ended_at", optional=True)
        if ended is not None:
            self.moment_ok(f"{where}.ended_at", ended)
            if ended < started:
                raise self.fail(f"{where}.ended_at", "a session cannot end before it started")
        session_id = self.text(where, record, "id")
        return Session(
            id=self.rule(f"{where}.id", lambda: log_entry.check_id(session_id)),
            programme=self.name_ok(where, record, "programme"),
            phase=self.text(where, record, "phase", PHASES),
            started_at=started,
            ended_at=ended,
            status=self.text(where, record, "status", STATUSES),
            source=self.text(where, record, "source", SOURCES),
            pain_after=self.number(where, record, "pain_after", 0, 10, optional=True),
            pain_during=self.number(where, record, "pain_during", 0, 10, optional=True),
            sets=tuple(sets),
        )

    def rest_day(self, where: str, record: Any) -> RestDay:
        if self.schema == 1:
            return RestDay(new_id(), self.day_ok(where, self.date(where, record)))
        return RestDay(self.record_id(where, record), self.day_of(where, record))

    def day_of(self, where: str, record: Any) -> dt.date:
        """The record's `date`, checked like a day given to `glutewake log`."""
        at = f"{where}.date"
        return self.day_ok(at, self.date(at, self.field(where, record, "date", str, "a date")))

    def activity(self, where: str, record: Any) -> Activity:
        kind: str = self.text(where, record, "kind")
        return Activity(
            id=self.record_id(where, record),
            day=self.day_of(where, record),
            kind=self.rule(f"{where}.kind", lambda: log_entry.activity_kind(kind, name="the activity")),
            minutes=self.number(where, record, "minutes", 1, MAX_ACTIVITY_MINUTES),
        )

    def check(self, where: str, record: Any) -> SymptomCheck:
        spread = self.field(where, record, "spread", list, "a list of places")
        for place in spread:
            if place not in SPREAD_PLACES:
                raise self.fail(
                    f"{where}.spread", f"expected places among {', '.join(SPREAD_PLACES)}, found {place!r}"
                )
        flags = {
            key: self.field(where, record, key, bool, "true or false")
            for key in ("wobbly_gait", "weight_on_one_hip", "cleared_for_exercise", "cleared_for_advanced")
        }
        return SymptomCheck(
            id=self.record_id(where, record),
            at=self.moment_ok(f"{where}.at", self.moment(where, record, "at")),
            pain_during_run=self.number(where, record, "pain_during_run", 0, 10),
            pain_after_run=self.number(where, record, "pain_after_run", 0, 10),
            spread=tuple(spread),
            advice=self.text(where, record, "advice", ADVICE_LEVELS),
            **flags,
        )

    def morning(self, where: str, record: Any) -> MorningCheck:
        return MorningCheck(
            id=self.record_id(where, record),
            day=self.day_of(where, record),
            compared=self.text(where, record, "compared", COMPARED),
            pain=self.number(where, record, "pain", 0, 10, optional=True),
        )
