"""Two machines keeping one journal in step through a sync tool: two data folders, two device
ids, and a copier that mirrors `journal/` between them both ways, file by file, at random
moments, the way Syncthing or Dropbox do (a temporary name first, then a rename)."""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
from pathlib import Path

import pytest

from glutewake.core.records import Session, SetRecord, SymptomCheck
from glutewake.core.settings import Profile
from glutewake.errors import UserError
from glutewake.store import Store
from glutewake.store.layout import parse_name

ZONE = dt.timezone(dt.timedelta(hours=1))
START = dt.datetime(2026, 9, 1, 7, 30, tzinfo=ZONE)
LAPTOP, DESKTOP = "1a" * 8, "2b" * 8


class Copier:
    """A sync tool between two `journal/` folders: each step moves one piece of one file."""

    def __init__(self, rng: random.Random, *folders: Path, owners: dict[str, Path] | None = None) -> None:
        self.rng = rng
        self.folders = folders
        self.owners = owners or {}
        """Which folder's machine writes a device's files (a sync tool's version vectors know)."""
        self.half: list[tuple[Path, Path, bytes]] = []  # (temporary, final name, the rest)

    def _pending(self) -> list[tuple[Path, Path]]:
        found = []
        for source in self.folders:
            for target in self.folders:
                if source == target or not source.is_dir():
                    continue
                for path in sorted(source.iterdir()):
                    name = parse_name(path.name)
                    if name is None:
                        continue  # a sync tool copies only finished files of ours
                    owner = self.owners.get(name.device or "")
                    if owner is not None and owner != source:
                        continue  # only a file's own machine changes it: copy from there
                    there = target / path.name
                    if there.exists() and there.read_bytes() == path.read_bytes():
                        continue
                    if (
                        owner is not None
                        or not there.exists()
                        or path.stat().st_mtime_ns >= there.stat().st_mtime_ns
                    ):
                        found.append((path, there))
        return found

    def step(self) -> None:
        """Start or finish one file's copy; sometimes leave it half-copied for a while."""
        if self.half and self.rng.random() < 0.5:
            temp, final, rest = self.half.pop(self.rng.randrange(len(self.half)))
            with open(temp, "ab") as file:
                file.write(rest)
            os.replace(temp, final)
            return
        pending = self._pending()
        if not pending:
            return
        source, there = self.rng.choice(pending)
        data = source.read_bytes()
        there.parent.mkdir(parents=True, exist_ok=True)
        temp = there.with_name(f".syncthing.{there.name}.tmp")
        if any(t == temp for t, _, _ in self.half):
            return
        cut = self.rng.randrange(len(data) + 1)
        temp.write_bytes(data[:cut])
        if self.rng.random() < 0.5:
            self.half.append((temp, there, data[cut:]))
            return
        with open(temp, "ab") as file:
            file.write(data[cut:])
        os.replace(temp, there)

    def settle(self) -> None:
        """The final sync: finish every copy, then copy until both sides are the same."""
        for temp, final, rest in self.half:
            with open(temp, "ab") as file:
                file.write(rest)
            os.replace(temp, final)
        self.half = []
        for _ in range(10_000):
            pending = self._pending()
            if not pending:
                return
            for source, there in pending:
                there.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, there)
        raise AssertionError("the copier never settled")


def session(number: int, status: str = "completed", reps: int = 10) -> Session:
    started = START + dt.timedelta(days=number % 70, minutes=number)
    sets = (SetRecord("side-lying-hip-abduction", "left", reps, 10),)
    return Session(f"s{number}", "beginner", "beginner", started, status, "app", sets)  # type: ignore[arg-type]


def check(number: int) -> SymptomCheck:
    return SymptomCheck(
        f"c{number}",
        START + dt.timedelta(days=number % 70, hours=10),
        2,
        3,
        False,
        False,
        (),
        True,
        False,
        "beginner",
    )


@pytest.mark.parametrize("seed", range(6))
def test_two_machines_writing_while_a_copier_mirrors_them_end_with_every_record(
    tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    machines = [Store(tmp_path / "laptop", device=LAPTOP), Store(tmp_path / "desktop", device=DESKTOP)]
    copier = Copier(
        rng, *(m.journal_dir for m in machines), owners={m.device: m.journal_dir for m in machines}
    )
    kept: dict[str, Session] = {}  # every session as last saved, on whichever machine
    checks: set[str] = set()
    deleted: set[str] = set()
    edited: dict[str, int] = {}
    phase = None
    clock = dt.datetime(2026, 11, 1, 9, 0, tzinfo=ZONE)
    for number in range(160):
        clock += dt.timedelta(minutes=1)
        machine = rng.choice(machines)
        roll = rng.random()
        if roll < 0.35:  # a session in progress, saved after each repetition, then completed
            reps = rng.randint(1, 9)
            machine.save_session(session(number, "partial", reps))
            for _ in range(rng.randint(0, 3)):
                copier.step()
            machine.save_session(session(number))
            kept[f"s{number}"] = session(number)
        elif roll < 0.45:
            machine.add_symptom_check(check(number))
            checks.add(f"c{number}")
        elif roll < 0.55 and kept:
            # A deletion on one machine (of what it can see now).
            visible = {s.id for s in machine.read_journal().sessions} - deleted
            if visible:
                gone = rng.choice(sorted(visible))
                machine.delete(gone, clock)
                deleted.add(gone)
        elif roll < 0.65:
            visible = [s for s in machine.read_journal().sessions if s.id not in deleted]
            if visible:
                target = rng.choice(visible)
                pain = rng.randint(0, 10)
                machine.edit_pain(target, pain, None, clock)
                edited[target.id] = pain
        elif roll < 0.7:
            phase = rng.choice(["beginner", "advanced"])
            machine.update_profile(lambda p, phase=phase: Profile(p.settings, phase), at=clock)
        for _ in range(rng.randint(0, 4)):
            copier.step()
        for each in machines:  # a half-copied file never stops a reader, never shows in part
            each.read_journal()
    copier.settle()
    laptop, desktop = (m.read_journal() for m in machines)
    assert laptop == desktop
    assert {s.id for s in laptop.sessions} == set(kept) - deleted
    assert all(s.status == "completed" and s.sets[0].reps == 10 for s in laptop.sessions)
    assert {c.id for c in laptop.symptom_checks} == checks
    for record in laptop.sessions:  # an edit made on either side, the newest, reached both
        if record.id in edited:
            assert record.pain_after == edited[record.id]
    if phase is not None:
        assert machines[0].read_profile().phase == machines[1].read_profile().phase == phase
    for machine in machines:  # each wrote only its own files
        names = [parse_name(p.name) for p in machine.journal_dir.iterdir() if not p.name.startswith(".")]
        assert {n.device for n in names if n is not None} == {LAPTOP, DESKTOP}


def test_deletions_edits_and_a_phase_switch_on_one_side_reach_the_other(tmp_path: Path) -> None:
    laptop, desktop = Store(tmp_path / "laptop", device=LAPTOP), Store(tmp_path / "desktop", device=DESKTOP)
    copier = Copier(
        random.Random(1),
        laptop.journal_dir,
        desktop.journal_dir,
        owners={LAPTOP: laptop.journal_dir, DESKTOP: desktop.journal_dir},
    )
    laptop.save_session(session(1))
    laptop.save_session(session(2))
    rest = laptop.add_rest_day(dt.date(2026, 9, 20))
    copier.settle()
    assert len(desktop.read_journal().sessions) == 2
    desktop.delete("s1", dt.datetime(2026, 11, 2, 8, 0, tzinfo=ZONE))
    desktop.delete(rest.id, dt.datetime(2026, 11, 2, 8, 1, tzinfo=ZONE))
    desktop.edit_pain(session(2), 4, 5, dt.datetime(2026, 11, 2, 8, 2, tzinfo=ZONE))
    desktop.update_profile(lambda p: Profile(p.settings, "advanced"))
    copier.settle()
    journal = laptop.read_journal()
    assert [s.id for s in journal.sessions] == ["s2"] and journal.rest_days == ()
    assert (journal.sessions[0].pain_after, journal.sessions[0].pain_during) == (4, 5)
    assert laptop.read_profile().phase == "advanced"
    assert laptop.read_journal() == desktop.read_journal()
    # The laptop's own file still holds what it wrote: the deletions are the desktop's records.
    assert "s1" in laptop.month_path((2026, 9)).read_text()


@pytest.mark.parametrize(
    "copy_name",
    [
        "2026-09.{device}.sync-conflict-20261102-080000-ABCDEFG.toml",
        "2026-09.{device} (Desktop's conflicted copy 2026-11-02).toml",
        "2026-09.{device}.toml.orig",
    ],
)
def test_a_conflict_copy_with_an_extra_record_counts_it_once_and_repair_folds_it(
    tmp_path: Path, copy_name: str
) -> None:
    store = Store(tmp_path / "data", device=LAPTOP)
    store.save_session(session(1, "partial", 3))
    copy = store.journal_dir / copy_name.format(device=LAPTOP)
    store.save_session(session(2))
    # The copy holds an older version of the month: the partial session and an extra one.
    other = Store(tmp_path / "other", device=LAPTOP)
    other.save_session(session(1, "partial", 3))
    other.save_session(session(3))
    shutil.copy(other.month_path((2026, 9)), copy)
    store.save_session(session(1))  # completed here after the copy was made
    journal = store.read_journal()
    assert [s.id for s in journal.sessions] == ["s1", "s2", "s3"]  # s3 once, s1 once
    assert journal.sessions[0].status == "completed"  # the copy's older version never wins
    folded = store.fold()
    assert folded.removed == (copy,) and not copy.exists()
    assert store.read_journal() == journal
    assert sorted(p.name for p in store.journal_dir.iterdir()) == [f"2026-09.{LAPTOP}.toml"]


def test_sync_tools_own_files_are_left_alone_and_never_read(tmp_path: Path) -> None:
    store = Store(tmp_path / "data", device=LAPTOP)
    store.save_session(session(1))
    theirs = {
        ".stfolder": None,
        ".stignore": b"settings.toml\n",
        ".syncthing.2026-09.x.toml.tmp": b"half a fi",
        "~syncthing~2026-10.toml.tmp": b"[",
        ".dropbox.cache": None,
        ".git": None,
        "notes.txt": b"my own notes",
        "2026-09.toml.orig": b"not beside its file, so not ours",
    }
    for name, data in theirs.items():
        path = store.journal_dir / name
        if data is None:
            path.mkdir()
            (path / "inside").write_text("x")
        else:
            path.write_bytes(data)
    old = 0
    for name in theirs:
        os.utime(store.journal_dir / name, (old, old))  # ancient: a sweep of ours would take them
    store.save_session(session(2))
    assert store.problems() == []
    assert [s.id for s in store.read_journal().sessions] == ["s1", "s2"]
    store.fold()
    for name in theirs:
        assert (store.journal_dir / name).exists(), name


def test_a_session_resumed_on_the_other_machine_keeps_its_furthest_version(tmp_path: Path) -> None:
    laptop, desktop = Store(tmp_path / "laptop", device=LAPTOP), Store(tmp_path / "desktop", device=DESKTOP)
    copier = Copier(
        random.Random(2),
        laptop.journal_dir,
        desktop.journal_dir,
        owners={LAPTOP: laptop.journal_dir, DESKTOP: desktop.journal_dir},
    )
    desktop.save_session(session(1, "partial", 4))  # started on the desktop, then interrupted
    copier.settle()
    laptop.save_session(session(1))  # resumed and finished on the laptop
    copier.settle()
    for machine in (laptop, desktop):
        (kept,) = machine.read_journal().sessions
        assert kept.status == "completed" and kept.sets[0].reps == 10


def test_the_day_start_and_the_acknowledgement_travel_and_the_newest_day_start_wins(tmp_path: Path) -> None:
    laptop, desktop = Store(tmp_path / "laptop", device=LAPTOP), Store(tmp_path / "desktop", device=DESKTOP)
    copier = Copier(
        random.Random(3),
        laptop.journal_dir,
        desktop.journal_dir,
        owners={LAPTOP: laptop.journal_dir, DESKTOP: desktop.journal_dir},
    )
    assert laptop.day_starts_at() == 0 and laptop.read_profile().acknowledged_on is None
    laptop.update_profile(lambda p: Profile(p.settings, p.phase, dt.date(2026, 11, 20)))
    laptop.set_day_starts_at(4, dt.datetime(2026, 11, 21, 22, 0, tzinfo=ZONE))
    desktop.set_day_starts_at(2, dt.datetime(2026, 11, 21, 21, 0, tzinfo=ZONE))  # older
    copier.settle()
    for machine in (laptop, desktop):
        assert machine.day_starts_at() == 4
        assert machine.read_profile().acknowledged_on == dt.date(2026, 11, 20)
    with pytest.raises(UserError, match="day_starts_at must be 0-6"):
        laptop.set_day_starts_at(7, dt.datetime(2026, 11, 22, tzinfo=ZONE))


def test_a_damaged_state_file_of_another_machine_is_named_with_its_line(tmp_path: Path) -> None:
    store = Store(tmp_path / "data", device=LAPTOP)
    store.update_profile(lambda p: Profile(p.settings, "advanced"))
    other = store.journal_dir / f"state.{DESKTOP}.toml"
    other.write_text(
        'schema = 1\n[[phase_changes]]\nid = "x"\nat = 2026-11-01T08:00:00+01:00\nphase = "expert"\n'
    )
    (problem,) = store.problems()
    assert problem.path == other and "missing" in str(problem)  # the end mark first
    other.write_text(other.read_text() + "\n# end of journal\n")
    (problem,) = store.problems()
    assert f"{other}, line 5" in str(problem) and "`phase`" in str(problem)


def test_an_id_used_twice_in_a_state_file_is_named_with_both_lines(tmp_path: Path) -> None:
    store = Store(tmp_path / "data", device=LAPTOP)
    store.update_profile(lambda p: Profile(p.settings, "advanced"))
    other = store.journal_dir / f"state.{DESKTOP}.toml"
    switch = '[[phase_changes]]\nid = "x"\nat = 2026-11-01T08:00:00+01:00\nphase = "beginner"\n'
    other.write_text(f"schema = 1\n{switch}{switch}\n# end of journal\n")
    (problem,) = store.problems()
    assert problem.path == other
    assert "line 3" in str(problem) and "used twice in `phase_changes` (here and line 7)" in str(problem)


def test_two_phase_switches_within_one_second_keep_their_order(tmp_path: Path) -> None:
    store = Store(tmp_path / "data", device=LAPTOP)
    at = dt.datetime(2026, 11, 24, 7, 30, 0, 900_000, tzinfo=ZONE)
    for _ in range(5):
        store.update_profile(lambda p: Profile(p.settings, "advanced"), at=at)
        store.update_profile(lambda p: Profile(p.settings, "beginner"), at=at)
        assert store.read_profile().phase == "beginner"
    store.update_profile(lambda p: Profile(p.settings, "advanced"), at=at)
    assert store.read_profile().phase == "advanced"
    assert len({c.at for c in store.read_state().phase_changes}) == 11
