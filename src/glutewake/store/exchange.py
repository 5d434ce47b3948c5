"""Reading an export back for `import`: validate every record before anything is written.

Schema 2 exports carry every record's id, which the import keeps; schema 1 exports had ids
for sessions only, so the other records get new ones. Besides the journal's records an export
gives state records: its phase switches (`phase_changes`, kept with their ids) and the day
start it was counted with (`day_starts_at`, a record made at the import).
"""

from __future__ import annotations

import datetime as dt

from glutewake.core import log_entry
from glutewake.core.days import DEFAULT_DAY_START, day_of
from glutewake.core.fields import FieldError, Fields, day_from_text, dotted
from glutewake.core.frozen import frozen
from glutewake.core.json_text import loads
from glutewake.core.records import (
    ADVICE_LEVELS,
    COMPARED,
    MAX_ACTIVITY_MINUTES,
    MAX_NAME_LENGTH,
    MAX_PLAYED_SECONDS,
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
from glutewake.core.state import Acknowledgement, DayStart, PhaseChange, State
from glutewake.errors import UserError
from glutewake.store.files import read_bytes

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from glutewake.store.errors import StrPath


class BadImport(UserError):
    """An import file that cannot be restored; nothing was written."""

    def __init__(self, path: StrPath, where: str, reason: str) -> None:
        self.path = path
        super().__init__(f"{path}{', ' + where if where else ''}: {reason} (nothing was imported)")


MAX_SETS = 200
"""The most sets one session may hold in an import (the built-ins have a few dozen)."""


@frozen
class Backup:
    """What an export gives back: its journal records and its state records (the phase
    switches, and the day start it was counted with as a record made at the import)."""

    journal: Journal
    state: State


def read_export(path: StrPath, today: dt.date, day_starts_at: int = DEFAULT_DAY_START) -> Journal:
    """The journal records of a `glutewake export --format json` file (`read_backup` gives
    its state records too), each checked as `read_backup` checks them."""
    return read_backup(path, today, day_starts_at).journal


def read_backup(
    path: StrPath, today: dt.date, day_starts_at: int = DEFAULT_DAY_START, *, now: dt.datetime | None = None
) -> Backup:
    """The records of a `glutewake export --format json` file, each checked as strictly as
    `glutewake log` checks what it writes (no day after `today`, none before 1900, printable
    names of bounded size, well-formed ids); a moment's day is the one it counts for with
    `day_starts_at`, as `today` is. A phase switch must also not be later than `now` (the
    newest switch decides the phase); the export's day start becomes a record made at `now`."""
    data = read_bytes(path)
    if data is None:
        raise BadImport(path, "", "no such file")
    if data.lstrip()[:1] != b"{":
        hint = "a CSV export is for spreadsheets; " if b"session_id" in data[:200] else ""
        raise BadImport(path, "line 1", f"{hint}expected a JSON export (glutewake export --format json)")
    try:
        document = loads(data.decode("utf-8"))  # json.loads, without loading json for a good file
    except UnicodeDecodeError as error:
        raise BadImport(path, f"byte {error.start}", "not valid UTF-8 text") from None
    except RecursionError:
        raise BadImport(path, "", "not an export: its lists and tables nest thousands deep") from None
    except ValueError as error:  # json.JSONDecodeError (json is loaded by then), or too long a number
        import json

        if not isinstance(error, json.JSONDecodeError):  # int() refuses over 4300 digits
            raise BadImport(path, "", "not an export: it holds a number thousands of digits long") from None
        raise BadImport(path, f"line {error.lineno}", f"not valid JSON: {error.msg}") from None
    moment = now if now is not None else dt.datetime.now().astimezone().replace(microsecond=0)
    try:
        reader = _Reader(today, day_starts_at)
        return Backup(reader.journal(document), reader.state(document, moment))
    except FieldError as error:
        raise BadImport(path, dotted(error.path), error.reason) from None


SCHEMAS = (1, 2)


class _Reader:
    """An export's records, each read with `core.fields` and checked by `core.log_entry`."""

    def __init__(self, today: dt.date, day_starts_at: int) -> None:
        self.today = today
        self.day_starts_at = day_starts_at
        self.schema = 2

    def journal(self, document: Any) -> Journal:
        if not isinstance(document, dict):
            raise FieldError((), None, "expected a JSON object")
        top = Fields(document, dates_as_text=True)
        if document.get("schema") not in SCHEMAS:
            raise top.fail("schema", f"expected `schema` to be 1 or 2, found {document.get('schema')!r}")
        self.schema = document["schema"]
        sessions = tuple(self.session(record) for record in top.tables("sessions"))
        if self.schema == 1:
            # Schema 1 listed rest days as bare dates.
            days = top.value("rest_days", list, "a list of dates", optional=True) or []
            rest_days = tuple(
                RestDay(new_id(), self.bare_day(day, ("rest_days", n))) for n, day in enumerate(days)
            )
        else:
            rest_days = tuple(
                RestDay(self.record_id(record), self.day_of(record)) for record in top.tables("rest_days")
            )
        activities = tuple(self.activity(record) for record in top.tables("activities"))
        checks = tuple(self.check(record) for record in top.tables("symptom_checks"))
        mornings = tuple(self.morning(record) for record in top.tables("morning_checks"))
        deletions = tuple(self.deletion(record) for record in top.tables("deleted"))
        for key, records in (
            ("sessions", sessions),
            ("rest_days", rest_days),
            ("activities", activities),
            ("symptom_checks", checks),
            ("morning_checks", mornings),
        ):
            _unique_ids(key, records)
        if len({(d.kind, d.id) for d in deletions}) != len(deletions):
            raise FieldError(("deleted",), None, "the same record is deleted twice")
        return Journal(sessions, rest_days, activities, checks, mornings, deletions)

    def state(self, document: dict[str, Any], now: dt.datetime) -> State:
        """The export's phase switches and acknowledgements (an older export has none) and
        its day start."""
        top = Fields(document, dates_as_text=True)
        changes = tuple(self.phase_change(record, now) for record in top.tables("phase_changes"))
        _unique_ids("phase_changes", changes)
        acknowledged = tuple(self.acknowledgement(record, now) for record in top.tables("acknowledgements"))
        _unique_ids("acknowledgements", acknowledged)
        hour = top.number("day_starts_at", 0, 6, optional=True) if self.schema == 2 else None
        day_starts = () if hour in (None, DEFAULT_DAY_START) else (DayStart(new_id(), now, hour),)
        return State(
            phase_changes=tuple(sorted(changes, key=lambda c: (c.at, c.id))),
            acknowledgements=tuple(sorted(acknowledged, key=lambda a: (a.at, a.id))),
            day_starts=day_starts,
        )

    def acknowledgement(self, record: Fields, now: dt.datetime) -> Acknowledgement:
        at = self.past_moment(record, now, "acknowledgements", "the note is accepted once read")
        return Acknowledgement(id=self.record_id(record), at=at)

    def phase_change(self, record: Fields, now: dt.datetime) -> PhaseChange:
        at = self.past_moment(record, now, "phase changes", "a phase switch is recorded once made")
        return PhaseChange(id=self.record_id(record), at=at, phase=record.text("phase", choices=PHASES))

    def past_moment(self, record: Fields, now: dt.datetime, kind: str, why: str) -> Any:
        """A state record's `at`: a moment already past (`why` says why it must be), in a
        schema 2 export (schema 1 held no `kind`)."""
        if self.schema == 1:
            raise record.fail(None, f"a schema 1 export holds no {kind}")
        at = self.moment_ok(record, "at")
        if at > now:
            raise record.fail("at", f"`at` {at.isoformat()} is in the future; {why}")
        return at

    def day_ok(self, record: Fields, key: str, day: dt.date) -> dt.date:
        """A recorded day as `glutewake log` allows it: not after today, not before 1900."""
        return record.rule(key, lambda: log_entry.check_day(day, self.today, name=f"`{key}`"))

    def bare_day(self, value: Any, path: tuple[str | int, ...]) -> dt.date:
        """A schema 1 rest day: a date on its own, checked like a day given to `glutewake log`."""
        day = day_from_text(value, path)
        try:
            return log_entry.check_day(day, self.today, name="the day")
        except UserError as error:
            raise FieldError(path, None, str(error)) from None

    def moment_ok(self, record: Fields, key: str, *, optional: bool = False) -> Any:
        moment = record.moment(key, optional=optional)
        if moment is not None:
            self.day_ok(record, key, day_of(moment.astimezone(), self.day_starts_at))
        return moment

    def name_ok(self, record: Fields, key: str) -> str:
        """A programme's or exercise's name, printable and of bounded size."""
        name: str = record.text(key, longest=MAX_NAME_LENGTH, printable=True)
        return name

    def record_id(self, record: Fields) -> str:
        """The record's own id in a schema 2 export; a new one for a schema 1 export."""
        if self.schema == 1:
            return new_id()
        value: str = record.text("id")
        return record.rule("id", lambda: log_entry.check_id(value, name="`id`"))

    def day_of(self, record: Fields) -> dt.date:
        """The record's `date`, checked like a day given to `glutewake log`."""
        return self.day_ok(record, "date", record.day("date"))

    def deletion(self, record: Fields) -> Deletion:
        if self.schema == 1:
            raise record.fail(None, "a schema 1 export holds no deletions")
        return Deletion(
            id=self.record_id(record),
            kind=record.text("kind", choices=RECORD_KINDS),
            at=self.moment_ok(record, "at"),
        )

    def session(self, record: Fields) -> Session:
        sets = [
            SetRecord(
                exercise=self.name_ok(raw, "exercise"),
                side=raw.text("side", choices=SIDES, optional=True),
                reps=raw.number("reps", 0, 1000),
                target=raw.number("target", 0, 1000),
            )
            for raw in record.tables("sets", most=MAX_SETS, optional=False)
        ]
        started = self.moment_ok(record, "started_at")
        ended = self.moment_ok(record, "ended_at", optional=True)
        if ended is not None and ended < started:
            raise record.fail(
                "ended_at", "`ended_at` is before `started_at`: a session cannot end before it started"
            )
        session_id: str = record.text("id")
        # How long the app played it; an export from before 2.3 does not say.
        played = record.number("played_seconds", 0, MAX_PLAYED_SECONDS, optional=True, whole=False)
        return Session(
            id=record.rule("id", lambda: log_entry.check_id(session_id, name="`id`")),
            programme=self.name_ok(record, "programme"),
            phase=record.text("phase", choices=PHASES),
            started_at=started,
            ended_at=ended,
            status=record.text("status", choices=STATUSES),
            source=record.text("source", choices=SOURCES),
            pain_after=record.number("pain_after", 0, 10, optional=True),
            pain_during=record.number("pain_during", 0, 10, optional=True),
            sets=tuple(sets),
            played_seconds=None if played is None else float(played),
        )

    def activity(self, record: Fields) -> Activity:
        kind: str = record.text("kind")
        return Activity(
            id=self.record_id(record),
            day=self.day_of(record),
            kind=record.rule("kind", lambda: log_entry.activity_kind(kind, name="`kind`")),
            minutes=record.number("minutes", 1, MAX_ACTIVITY_MINUTES),
        )

    def check(self, record: Fields) -> SymptomCheck:
        return SymptomCheck(
            id=self.record_id(record),
            at=self.moment_ok(record, "at"),
            pain_during_run=record.number("pain_during_run", 0, 10),
            pain_after_run=record.number("pain_after_run", 0, 10),
            spread=record.choices("spread", SPREAD_PLACES),
            advice=record.text("advice", choices=ADVICE_LEVELS),
            wobbly_gait=record.flag("wobbly_gait"),
            weight_on_one_hip=record.flag("weight_on_one_hip"),
            cleared_for_exercise=record.flag("cleared_for_exercise"),
            cleared_for_advanced=record.flag("cleared_for_advanced"),
        )

    def morning(self, record: Fields) -> MorningCheck:
        return MorningCheck(
            id=self.record_id(record),
            day=self.day_of(record),
            compared=record.text("compared", choices=COMPARED),
            pain=record.number("pain", 0, 10, optional=True),
        )


def _unique_ids(key: str, records: Iterable[Any]) -> None:
    """FieldError when two records of the list `key` carry the same id."""
    ids = [record.id for record in records]
    if len(set(ids)) != len(ids):
        raise FieldError((key,), None, "the same id appears twice")
