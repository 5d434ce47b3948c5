"""The state that follows the user from machine to machine: the phase (each switch a record
of its own, with its time), the first-run acknowledgement and the hour the day starts.

Each is a record with an id and the moment it was made; every machine writes its own into its
own state file and the newest record of a kind decides (two of the same moment are ordered by
id, so every machine picks the same one). Pure: the store reads and writes the files.
"""

from __future__ import annotations

import datetime as dt

from glutewake.core.frozen import frozen

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from collections.abc import Iterable

DEFAULT_PHASE = "beginner"
STATE_KINDS = ("phase_changes", "acknowledgements", "day_starts")


@frozen
class PhaseChange:
    """The user switched to `phase` at `at`."""

    id: str
    at: dt.datetime
    phase: str


@frozen
class Acknowledgement:
    """The user read and accepted the first-run note at `at`."""

    id: str
    at: dt.datetime


@frozen
class DayStart:
    """From `at` on, the user's days start at `hour` (0-6)."""

    id: str
    at: dt.datetime
    hour: int


@frozen
class State:
    """Every state record of every machine, each kind oldest first."""

    phase_changes: tuple[PhaseChange, ...] = ()
    acknowledgements: tuple[Acknowledgement, ...] = ()
    day_starts: tuple[DayStart, ...] = ()

    @property
    def phase(self) -> str | None:
        """The phase of the newest switch; None when none was recorded."""
        return self.phase_changes[-1].phase if self.phase_changes else None

    @property
    def acknowledged_on(self) -> dt.date | None:
        """The day of the first acknowledgement; None when the first-run note was never accepted."""
        return self.acknowledgements[0].at.date() if self.acknowledgements else None

    @property
    def day_starts_at(self) -> int | None:
        """The hour of the newest day-start record; None when none was recorded."""
        return self.day_starts[-1].hour if self.day_starts else None


def merge_states(states: Iterable[State]) -> State:
    """Several machines' state as one: one record per id (the same record read from a file and
    from its conflict copy counts once), each kind ordered by time, then id."""
    found: dict[str, dict[str, object]] = {kind: {} for kind in STATE_KINDS}
    for state in states:
        for kind in STATE_KINDS:
            found[kind].update((record.id, record) for record in getattr(state, kind))

    def ordered(kind: str) -> tuple[object, ...]:
        return tuple(sorted(found[kind].values(), key=lambda r: (r.at, r.id)))  # type: ignore[attr-defined]

    return State(*(ordered(kind) for kind in STATE_KINDS))  # type: ignore[arg-type]


def acknowledgements_of(state: State, acknowledged_on: dt.date | None) -> tuple[Acknowledgement, ...]:
    """The acknowledgements an export carries: the state's, or, when only an earlier
    glutewake's settings.toml says the note was accepted (no state record made yet), one for
    the start of that day (never in the future, as an import requires), with an id made of
    the day, so that exporting again gives the same record."""
    if state.acknowledgements or acknowledged_on is None:
        return state.acknowledgements
    start = dt.datetime.combine(acknowledged_on, dt.time(0)).astimezone()
    return (Acknowledgement(f"accepted-{acknowledged_on.isoformat()}", start),)


def state_to_add(here: State, incoming: State, *, day_start_set: bool) -> State:
    """The state records of an import that `here` lacks. A phase change or acknowledgement
    is added by id (the same one again adds nothing; one whose id is here with other content
    refuses the import: ImportConflict); the day start only when this machine has none set
    (`day_start_set` False), so an export never undoes a choice made here."""
    remedy = "it is in a journal/state.*.toml file: remove it there by hand to take the imported one"
    added: dict[str, list[object]] = {kind: [] for kind in STATE_KINDS}
    for kind, word in (("phase_changes", "phase change"), ("acknowledgements", "acknowledgement")):
        ours = {record.id: record for record in getattr(here, kind)}
        for record in getattr(incoming, kind):
            known = ours.get(record.id)
            if known is None:
                added[kind].append(record)
            elif known != record:
                from glutewake.core.journal import ImportConflict  # only an import can refuse

                raise ImportConflict(word, record.id, remedy)
    if not day_start_set and not here.day_starts:
        added["day_starts"].extend(incoming.day_starts[-1:])
    return State(*(tuple(added[kind]) for kind in STATE_KINDS))  # type: ignore[arg-type]
