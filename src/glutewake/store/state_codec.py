"""State files: one machine's phase switches, acknowledgement and day starts, to and from
TOML documents."""

from __future__ import annotations

from glutewake.core.fields import FieldError, Fields
from glutewake.core.settings import PHASES
from glutewake.core.state import STATE_KINDS, Acknowledgement, DayStart, PhaseChange, State
from glutewake.store.decoding import END_MARK, Where, line_of, refuse_repeated
from glutewake.store.errors import MalformedFile
from glutewake.store.schema import CURRENT, Document

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from typing import Any

    from glutewake.store.errors import StrPath


def state_from_document(path: StrPath, text: str, document: Document) -> State:
    """The state records of one machine's state file; MalformedFile names the line of a fault."""
    where = Where(text)
    try:
        state = _state(Fields(document))
    except FieldError as error:
        raise MalformedFile(path, line_of(where, document, error), error.reason) from None
    refuse_repeated(path, where, ((kind, getattr(state, kind)) for kind in STATE_KINDS))
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
