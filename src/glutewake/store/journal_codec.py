"""Journal month files: their records to and from TOML documents."""

from __future__ import annotations

from glutewake.core.fields import FieldError, Fields
from glutewake.core.records import (
    ADVICE_LEVELS,
    COMPARED,
    MAX_ACTIVITY_MINUTES,
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
    PainEdit,
    RestDay,
    Session,
    SetRecord,
    SymptomCheck,
)
from glutewake.core.settings import PHASES
from glutewake.store.decoding import END_MARK, Where, line_of, refuse_repeated
from glutewake.store.errors import MalformedFile
from glutewake.store.schema import CURRENT, Document

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from typing import Any

    from glutewake.store.errors import StrPath


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
        raise MalformedFile(path, line_of(where, document, error), error.reason) from None
    _refuse_repeated_ids(path, where, journal)
    return journal


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
    refuse_repeated(path, where, sections)


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
    played = record.number("played_seconds", 0, MAX_PLAYED_SECONDS, optional=True, whole=False)
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
