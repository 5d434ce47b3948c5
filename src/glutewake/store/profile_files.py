"""The store's profile: settings.toml (this machine's) and the state files (what every machine
shares: phase switches, acknowledgements, day starts), with the settings an earlier glutewake
kept in settings.toml carried over into state records."""

from __future__ import annotations

import datetime as dt
import os

from glutewake.core.days import DEFAULT_DAY_START
from glutewake.core.frozen import replace
from glutewake.core.ids import new_id
from glutewake.core.settings import Profile
from glutewake.core.state import Acknowledgement, DayStart, PhaseChange, State, merge_states
from glutewake.errors import UserError
from glutewake.store import decoding, settings_codec, state_codec
from glutewake.store.errors import StoreError
from glutewake.store.files import atomic_write, ensure_dir, read_bytes, remove_stale_temporaries
from glutewake.store.folder import StoreFolder

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from collections.abc import Callable

    from glutewake.store.folder import Listing


def _aware(moment: dt.datetime) -> dt.datetime:
    # Stored as local time with its offset, so the file reads naturally and days stay local.
    return moment if moment.tzinfo is not None else moment.astimezone()


class ProfileFiles(StoreFolder):
    """settings.toml and every machine's state file."""

    # -- profile -----------------------------------------------------------------------
    def read_profile(self) -> Profile:
        """The settings of this machine (settings.toml; defaults when it does not exist yet)
        with the state every machine shares: the phase and the first-run acknowledgement
        come from the journal's state records; a settings.toml of an earlier glutewake that
        still holds them gives them until a record says otherwise."""
        return _shared(self._machine_profile(), self.read_state())

    def _machine_profile(self) -> Profile:
        data = read_bytes(self.settings_file)
        if data is None:
            return Profile()

        def decode() -> Profile:
            loads = self._loads("settings.toml")
            document, text = decoding.parse_document(self.settings_file, data, "settings", loads)
            return settings_codec.profile_from_document(self.settings_file, text, document)

        return self._decode_once(self.settings_file, data, decode)

    def read_state(self, listing: Listing | None = None) -> State:
        """Every machine's state records (phase switches, acknowledgements, day starts), merged."""
        files = self.listing() if listing is None else listing
        return merge_states(self._read_state_file(self._in_journal(f.name)) for f in files.get(None, []))

    def _read_state_file(self, path: str) -> State:
        data = read_bytes(path)
        if data is None:
            return State()  # gone since the listing (a sync tool's rename)

        def decode() -> State:
            document, text = decoding.parse_document(path, data, "state")
            return state_codec.state_from_document(path, text, document)

        return self._decode_once(path, data, decode)

    def update_profile(
        self, change: Callable[[Profile], Profile], *, at: dt.datetime | None = None
    ) -> Profile:
        """Apply `change` to the profile as it is on disk now, under the lock; save it. A new
        phase or acknowledgement becomes a state record (with its time, `at` or now) in this
        machine's state file, so it reaches every machine; the settings go to settings.toml."""
        moment = (_aware(at) if at is not None else dt.datetime.now().astimezone()).replace(microsecond=0)
        with self._writing():
            machine = self._machine_profile()
            state = self.read_state()
            current = _shared(machine, state)
            changed = change(current)
            records = self._carried_over(machine, state, before=moment)
            if changed.phase != current.phase:
                records.append(PhaseChange(new_id(), _after(moment, state.phase_changes), changed.phase))
            if changed.settings.day_starts_at != current.settings.day_starts_at:
                hour = changed.settings.day_starts_at
                records.append(DayStart(new_id(), _after(moment, state.day_starts), hour))
            if (
                changed.acknowledged_on is not None
                and state.acknowledged_on is None
                and not any(isinstance(r, Acknowledgement) for r in records)
            ):
                day = changed.acknowledged_on
                at = moment if moment.date() == day else dt.datetime.combine(day, dt.time(12)).astimezone()
                records.append(Acknowledgement(new_id(), at))
            if records:
                self._add_state(records)
            # settings.toml keeps only this machine's own: the phase, acknowledgement and day
            # start live in the journal from now on.
            kept = _machine_only(changed)
            if kept != machine or read_bytes(self.settings_file) is None:
                atomic_write(self.settings_file, settings_codec.profile_to_text(kept).encode())
            return changed

    def day_starts_at(self) -> int:
        """The hour the user's days start: the newest `day_starts` record of any machine (so
        every machine counts days alike), else a `day_starts_at` an earlier glutewake kept in
        settings.toml, else midnight. The one place every reader of days asks. A file that
        cannot be read gives the default here; whoever reads the profile names the problem."""
        try:
            return self.read_profile().settings.day_starts_at
        except StoreError:
            return DEFAULT_DAY_START

    def set_day_starts_at(self, hour: int, at: dt.datetime) -> DayStart:
        """Record that days start at `hour` (0-6) from `at` on, for every machine."""
        if not 0 <= hour <= 6:
            raise UserError(f"day_starts_at must be 0-6, got {hour}")
        with self._writing():
            record = DayStart(new_id(), _after(_aware(at), self.read_state().day_starts), hour)
            self._add_state([record])
        return record

    def _carried_over(
        self, machine: Profile, state: State, before: dt.datetime | None = None
    ) -> list[object]:
        """A settings.toml of an earlier glutewake keeps the phase and acknowledgement; the
        first save after the upgrade turns them into state records (timed by the file's last
        change), unless the journal already holds some, so they follow the user too."""
        try:
            changed = os.stat(self.settings_file).st_mtime
        except OSError:
            return []
        at = dt.datetime.fromtimestamp(changed).astimezone().replace(microsecond=0)
        if before is not None:  # older than the change being saved with it
            at = min(at, before - dt.timedelta(seconds=1))
        records: list[object] = []
        if not state.phase_changes and machine.phase != "beginner":
            records.append(PhaseChange(new_id(), at, machine.phase))
        if not state.acknowledgements and machine.acknowledged_on is not None:
            moment = dt.datetime.combine(machine.acknowledged_on, dt.time(12)).astimezone()
            records.append(Acknowledgement(new_id(), moment))
        if not state.day_starts and machine.settings.day_starts_at != DEFAULT_DAY_START:
            records.append(DayStart(new_id(), at, machine.settings.day_starts_at))
        return records

    def _carry_settings_over(self) -> None:
        # Call with the lock held: an earlier glutewake's phase and acknowledgement in
        # settings.toml become state records, and settings.toml keeps only its own.
        if read_bytes(self.settings_file) is None:
            return
        machine = self._machine_profile()
        records = self._carried_over(machine, self.read_state())
        if records:
            self._add_state(records)
        kept = _machine_only(machine)
        if kept != machine:
            atomic_write(self.settings_file, settings_codec.profile_to_text(kept).encode())

    def _add_state(self, records: list[object]) -> None:
        # Call with the lock held: this machine's state file, read again, with the records added.
        path = self._state_file()
        own = self._read_state_file(path)
        changed = State(
            phase_changes=(*own.phase_changes, *(r for r in records if isinstance(r, PhaseChange))),
            acknowledgements=(*own.acknowledgements, *(r for r in records if isinstance(r, Acknowledgement))),
            day_starts=(*own.day_starts, *(r for r in records if isinstance(r, DayStart))),
        )
        ensure_dir(self.journal_folder)
        remove_stale_temporaries(self.journal_folder)
        atomic_write(path, state_codec.state_to_text(merge_states([changed])).encode())


def _after(moment: dt.datetime, earlier: tuple[PhaseChange, ...] | tuple[DayStart, ...]) -> dt.datetime:
    """`moment`, or a second after the newest of `earlier` when that is not before it: two
    switches within one second (times are kept to the second) still keep their order."""
    if earlier and earlier[-1].at >= moment:
        return earlier[-1].at + dt.timedelta(seconds=1)
    return moment


def _shared(machine: Profile, state: State) -> Profile:
    """This machine's settings with what every machine shares, from the journal's state
    records: the phase, the first-run acknowledgement and the hour days start (a value an
    earlier glutewake kept in settings.toml stands until a record says otherwise)."""
    settings = machine.settings
    if state.day_starts_at is not None and state.day_starts_at != settings.day_starts_at:
        settings = settings.with_changes(day_starts_at=state.day_starts_at)
    return replace(
        machine,
        settings=settings,
        phase=state.phase or machine.phase,
        acknowledged_on=state.acknowledged_on or machine.acknowledged_on,
    )


def _machine_only(profile: Profile) -> Profile:
    """What settings.toml keeps: the profile without what the journal's state records hold."""
    settings = profile.settings.with_changes(day_starts_at=DEFAULT_DAY_START)
    return replace(profile, settings=settings, phase="beginner", acknowledged_on=None)
