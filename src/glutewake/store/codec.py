"""Data files as text: decoding with named errors, and records to and from TOML documents."""

from __future__ import annotations

import re

from glutewake.core.fields import FieldError, Fields
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
    PainEdit,
    RestDay,
    Session,
    SetRecord,
    SymptomCheck,
)
from glutewake.core.settings import PHASES
from glutewake.core.state import STATE_KINDS, Acknowledgement, DayStart, PhaseChange, State
from glutewake.core.toml_errors import toml_error_line
from glutewake.store.errors import FutureSchema, MalformedFile
from glutewake.store.schema import CURRENT, Document, migrate

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any

    from glutewake.store.errors import StrPath

END_MARK = "# end of journal"


def parse_document(
    path: StrPath, data: bytes, kind: str, loads: Callable[[str], Document] | None = None
) -> tuple[Document, str]:
    """Decode, parse and migrate a data file; MalformedFile/FutureSchema name what is wrong.
    `loads` reads the TOML text (the store passes its parsed-TOML cache), else tomllib."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise MalformedFile(path, 1, "starts with a byte-order mark (BOM); save it as UTF-8 without a BOM")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise MalformedFile(path, line, f"not valid UTF-8 text (byte {error.start})") from None
    if loads is None:
        import tomllib

        loads = tomllib.loads
    try:
        document = loads(text)
    except ValueError as error:  # tomllib.TOMLDecodeError is one; tomllib is loaded by then
        import tomllib

        if not isinstance(error, tomllib.TOMLDecodeError):
            raise
        at, reason = toml_error_line(error, text)
        raise MalformedFile(path, at, f"not valid TOML: {reason}") from None
    schema = document.get("schema")
    where = Where(text)
    if isinstance(schema, bool) or not isinstance(schema, int) or schema < 1:
        raise MalformedFile(
            path, where.key_line("schema"), f"expected a line `schema = N` (N >= 1), found {schema!r}"
        )
    if schema > CURRENT[kind]:
        raise FutureSchema(path, schema, CURRENT[kind])
    if kind in ("journal", "state") and not _has_end_mark(text):
        raise MalformedFile(
            path,
            text.rstrip("\n").count("\n") + 1,
            f"the last line `{END_MARK}` is missing, so the file may be cut short "
            "(if you edited it by hand, put that line back at the end)",
        )
    return migrate(kind, document, schema), text


def _has_end_mark(text: str) -> bool:
    # Only "\n" ends a line here: str.splitlines() would also split at U+2028 and friends,
    # which TOML allows inside a string, so a mark planted in a value could pass for the end.
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return bool(lines) and lines[-1].removesuffix("\r") == END_MARK


class Where:
    """Finds the line of a record or key (tomllib keeps no positions), for error messages."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")  # TOML's line breaks only, as tomllib counts them

    def key_line(self, key: str, start: int = 1) -> int | None:
        pattern = re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for number in range(start, len(self.lines) + 1):
            if pattern.match(self.lines[number - 1]):
                return number
        return None

    def id_lines(self, record_id: str) -> list[int]:
        """Every line that gives a record this id, first to last."""
        needle = re.compile(rf"(^|[{{,\s])id\s*=\s*[\"']{re.escape(record_id)}[\"']")
        return [n for n, line in enumerate(self.lines, 1) if needle.search(line)]

    def record_line(self, section: str, record: Any, key: str | None = None) -> int | None:
        start = None
        record_id = record.get("id") if isinstance(record, dict) else None
        if isinstance(record_id, str) and record_id:
            needle = re.compile(rf"(^|[{{,\s])id\s*=\s*[\"']{re.escape(record_id)}[\"']")
            start = next((n for n, line in enumerate(self.lines, 1) if needle.search(line)), None)
        if start is None:
            start = next(
                (
                    n
                    for n, line in enumerate(self.lines, 1)
                    if line.strip() == f"[[{section}]]" or line.lstrip().startswith(f"{section} =")
                ),
                None,
            )
        if start is None or key is None:
            return start
        if re.search(rf"(^|[{{,\s]){re.escape(key)}\s*=", self.lines[start - 1]):
            return start
        # A [[table]] record: its keys follow on the next lines, up to the next table.
        for number in range(start + 1, len(self.lines) + 1):
            line = self.lines[number - 1].strip()
            if line.startswith("[[") or line.startswith("{ id"):
                break
            if re.match(rf"{re.escape(key)}\s*=", line):
                return number
        return start


_SESSION_KEYS = (
    "id",
    "programme",
    "phase",
    "started_at",
    "ended_at",
    "status",
    "source",
    "pain_after",
    "pain_during",
    "played_seconds",
    "sets",
)
_SET_KEYS = ("exercise", "side", "reps", "target")
_CHECK_KEYS = (
    "id",
    "at",
    "pain_during_run",
    "pain_after_run",
    "wobbly_gait",
    "weight_on_one_hip",
    "spread",
    "cleared_for_exercise",
    "cleared_for_advanced",
    "advice",
)
_MORNING_KEYS = ("id", "date", "compared", "pain")


_TOP_KEYS = (
    "schema",
    "sessions",
    "rest_days",
    "activities",
    "symptom_checks",
    "morning_checks",
    "deletions",
    "edits",
)


def journal_from_document(path: StrPath, text: str, document: Document) -> Journal:
    """The records of one month file; MalformedFile names the line of the first bad value."""
    where = Where(text)
    try:
        journal = _journal(Fields(document))
    except FieldError as error:
        raise MalformedFile(path, _line_of(where, document, error), error.reason) from None
    _refuse_repeated_ids(path, where, journal)
    return journal


def _line_of(where: Where, document: Document, error: FieldError) -> int | None:
    """The line of the field the reader refused: a top-level key, or a record's key (a set's
    fault is shown at its session's `sets`)."""
    if not error.path:
        return None if error.key is None else where.key_line(error.key) or where.record_line(error.key, None)
    section, index = str(error.path[0]), error.path[1]
    record = document[section][index]
    key = str(error.path[2]) if len(error.path) > 2 else error.key
    return where.record_line(section, record, key)


def _journal(top: Fields) -> Journal:
    top.only(_TOP_KEYS)
    sessions = tuple(_session(record) for record in top.tables("sessions"))
    rest_days = []
    for record in top.tables("rest_days"):
        record.only(("id", "date"))
        rest_days.append(RestDay(record.text("id"), record.day("date")))
    activities = []
    for record in top.tables("activities"):
        record.only(("id", "date", "kind", "minutes"))
        activities.append(
            Activity(
                id=record.text("id"),
                day=record.day("date"),
                kind=record.text("kind"),
                minutes=record.number("minutes", 1, MAX_ACTIVITY_MINUTES),
            )
        )
    checks = tuple(_symptom_check(record) for record in top.tables("symptom_checks"))
    mornings = []
    for record in top.tables("morning_checks"):
        record.only(_MORNING_KEYS)
        mornings.append(
            MorningCheck(
                id=record.text("id"),
                day=record.day("date"),
                compared=record.text("compared", choices=COMPARED),
                pain=record.number("pain", 0, 10, optional=True),
            )
        )
    deletions = []
    for record in top.tables("deletions"):
        record.only(("id", "kind", "at"))
        deletions.append(
            Deletion(
                id=record.text("id"), kind=record.text("kind", choices=RECORD_KINDS), at=record.moment("at")
            )
        )
    edits = []
    for record in top.tables("edits"):
        record.only(("id", "at", "pain_after", "pain_during"))
        edits.append(
            PainEdit(
                id=record.text("id"),
                at=record.moment("at"),
                pain_after=record.number("pain_after", 0, 10, optional=True),
                pain_during=record.number("pain_during", 0, 10, optional=True),
            )
        )
    return Journal(
        sessions,
        tuple(rest_days),
        tuple(activities),
        checks,
        tuple(mornings),
        tuple(deletions),
        tuple(edits),
    )


def _refuse_repeated_ids(path: StrPath, where: Where, journal: Journal) -> None:
    """The same id twice in one kind of record is an error naming both lines, never merged away."""
    sections: list[tuple[str, list[Any]]] = [(kind, list(getattr(journal, kind))) for kind in RECORD_KINDS]
    for kind in RECORD_KINDS:  # one deletion of a record in a file
        sections.append(("deletions", [d for d in journal.deletions if d.kind == kind]))
    sections.append(("edits", list(journal.edits)))  # one edit a session: a newer one replaces it
    _refuse_repeated(path, where, sections)


def _refuse_repeated(path: StrPath, where: Where, sections: Iterable[tuple[str, Iterable[Any]]]) -> None:
    """MalformedFile at the first id used twice within one section, naming both its lines."""
    for section, records in sections:
        seen: set[str] = set()
        for record in records:
            if record.id in seen:
                lines = where.id_lines(record.id)
                first, second = (lines + [None, None])[:2]
                also = f" and line {second}" if second is not None else ""
                raise MalformedFile(
                    path,
                    first,
                    f"the id {record.id!r} is used twice in `{section}` (here{also}); "
                    "every record needs its own id",
                )
            seen.add(record.id)


def _session(record: Fields) -> Session:
    record.only(_SESSION_KEYS)
    sets = []
    for raw in record.tables("sets"):
        raw.only(_SET_KEYS)
        sets.append(
            SetRecord(
                raw.text("exercise"),
                raw.text("side", choices=SIDES, optional=True),
                raw.number("reps", 0, 1000),
                raw.number("target", 0, 1000),
            )
        )
    played = record.number("played_seconds", 0, 86_400, optional=True, whole=False)
    return Session(
        id=record.text("id"),
        programme=record.text("programme"),
        phase=record.text("phase", choices=PHASES),
        started_at=record.moment("started_at"),
        ended_at=record.moment("ended_at", optional=True),
        status=record.text("status", choices=STATUSES),
        source=record.text("source", choices=SOURCES),
        pain_after=record.number("pain_after", 0, 10, optional=True),
        pain_during=record.number("pain_during", 0, 10, optional=True),
        played_seconds=None if played is None else float(played),
        sets=tuple(sets),
    )


def _symptom_check(record: Fields) -> SymptomCheck:
    record.only(_CHECK_KEYS)
    return SymptomCheck(
        id=record.text("id"),
        at=record.moment("at"),
        pain_during_run=record.number("pain_during_run", 0, 10),
        pain_after_run=record.number("pain_after_run", 0, 10),
        wobbly_gait=record.flag("wobbly_gait"),
        weight_on_one_hip=record.flag("weight_on_one_hip"),
        spread=record.choices("spread", SPREAD_PLACES, optional=True),
        cleared_for_exercise=record.flag("cleared_for_exercise"),
        cleared_for_advanced=record.flag("cleared_for_advanced"),
        advice=record.text("advice", choices=ADVICE_LEVELS),
    )


def journal_to_text(month: tuple[int, int], journal: Journal) -> str:
    """One month file, as pleasant TOML ending with the end-of-file mark."""
    return journal_text_and_document(month, journal)[0]


def journal_text_and_document(month: tuple[int, int], journal: Journal) -> tuple[str, dict[str, Any]]:
    """One month file's text and the TOML document it writes (what tomllib reads back)."""
    document: dict[str, Any] = {"schema": CURRENT["journal"]}
    if journal.sessions:
        document["sessions"] = [_session_table(s) for s in journal.sessions]
    if journal.rest_days:
        document["rest_days"] = [{"id": r.id, "date": r.day} for r in journal.rest_days]
    if journal.activities:
        document["activities"] = [
            {"id": a.id, "date": a.day, "kind": a.kind, "minutes": a.minutes} for a in journal.activities
        ]
    if journal.symptom_checks:
        document["symptom_checks"] = [_check_table(c) for c in journal.symptom_checks]
    if journal.morning_checks:
        document["morning_checks"] = [
            {
                "id": m.id,
                "date": m.day,
                "compared": m.compared,
                **({"pain": m.pain} if m.pain is not None else {}),
            }
            for m in journal.morning_checks
        ]
    if journal.deletions:
        document["deletions"] = [{"id": d.id, "kind": d.kind, "at": d.at} for d in journal.deletions]
    if journal.edits:
        document["edits"] = [
            {
                "id": e.id,
                "at": e.at,
                **({"pain_after": e.pain_after} if e.pain_after is not None else {}),
                **({"pain_during": e.pain_during} if e.pain_during is not None else {}),
            }
            for e in journal.edits
        ]
    import tomli_w  # only writers need it; reading commands skip the import

    year, number = month
    text = (
        f"# glutewake journal for {year:04d}-{number:02d}: sessions, rest days, activities,\n"
        "# symptom checks, morning-after answers, and the deletions and edits made to them.\n"
        "# Hand-editing is fine; keep the last line, it marks a complete file.\n"
        + tomli_w.dumps(document)
        + f"\n{END_MARK}\n"
    )
    return text, document


def _session_table(session: Session) -> dict[str, Any]:
    table: dict[str, Any] = {
        "id": session.id,
        "programme": session.programme,
        "phase": session.phase,
        "status": session.status,
        "source": session.source,
        "started_at": session.started_at,
    }
    if session.ended_at is not None:
        table["ended_at"] = session.ended_at
    if session.pain_after is not None:
        table["pain_after"] = session.pain_after
    if session.pain_during is not None:
        table["pain_during"] = session.pain_during
    if session.played_seconds is not None:
        table["played_seconds"] = session.played_seconds
    table["sets"] = [
        {"exercise": s.exercise, **({"side": s.side} if s.side else {}), "reps": s.reps, "target": s.target}
        for s in session.sets
    ]
    return table


def _check_table(check: SymptomCheck) -> dict[str, Any]:
    return {
        "id": check.id,
        "at": check.at,
        "pain_during_run": check.pain_during_run,
        "pain_after_run": check.pain_after_run,
        "wobbly_gait": check.wobbly_gait,
        "weight_on_one_hip": check.weight_on_one_hip,
        "spread": list(check.spread),
        "cleared_for_exercise": check.cleared_for_exercise,
        "cleared_for_advanced": check.cleared_for_advanced,
        "advice": check.advice,
    }


def state_from_document(path: StrPath, text: str, document: Document) -> State:
    """The state records of one machine's state file; MalformedFile names the line of a fault."""
    where = Where(text)
    try:
        state = _state(Fields(document))
    except FieldError as error:
        raise MalformedFile(path, _line_of(where, document, error), error.reason) from None
    _refuse_repeated(path, where, ((kind, getattr(state, kind)) for kind in STATE_KINDS))
    return state


def _state(top: Fields) -> State:
    top.only(("schema", *STATE_KINDS))
    phases = []
    for record in top.tables("phase_changes"):
        record.only(("id", "at", "phase"))
        phases.append(
            PhaseChange(record.text("id"), record.moment("at"), record.text("phase", choices=PHASES))
        )
    acknowledgements = []
    for record in top.tables("acknowledgements"):
        record.only(("id", "at"))
        acknowledgements.append(Acknowledgement(record.text("id"), record.moment("at")))
    day_starts = []
    for record in top.tables("day_starts"):
        record.only(("id", "at", "hour"))
        day_starts.append(DayStart(record.text("id"), record.moment("at"), record.number("hour", 0, 6)))
    return State(tuple(phases), tuple(acknowledgements), tuple(day_starts))


def state_to_text(state: State) -> str:
    """One machine's state file, as pleasant TOML ending with the end-of-file mark."""
    document: dict[str, Any] = {"schema": CURRENT["state"]}
    if state.phase_changes:
        document["phase_changes"] = [{"id": p.id, "at": p.at, "phase": p.phase} for p in state.phase_changes]
    if state.acknowledgements:
        document["acknowledgements"] = [{"id": a.id, "at": a.at} for a in state.acknowledgements]
    if state.day_starts:
        document["day_starts"] = [{"id": d.id, "at": d.at, "hour": d.hour} for d in state.day_starts]
    import tomli_w

    return (
        "# glutewake state this machine recorded: phase switches, the first-run acknowledgement\n"
        "# and the hour days start. The newest record of each kind, on any machine, decides.\n"
        "# Hand-editing is fine; keep the last line, it marks a complete file.\n"
        + tomli_w.dumps(document)
        + f"\n{END_MARK}\n"
    )
