"""The journal summary cache: known-good months skipped, changes re-checked, a bad cache rebuilt,
and the few months home reads giving the same advice as the whole journal."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import time
from pathlib import Path

import pytest

from glutewake.core.advice import basis_of, decide, standing_advice
from glutewake.core.frozen import replace
from glutewake.core.records import Journal, MorningCheck, new_id
from glutewake.store import FutureSchema, MalformedFile, RepeatedId, Store, merge
from glutewake.store.summary import journal_days, months_for_today, scan_journal
from tests.unit.summary_helpers import TODAY, check, reads, session, settle, ten_years


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "data")


def test_known_good_months_are_not_parsed_again(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    ten_years(store)
    first = scan_journal(store)
    read = reads(monkeypatch)
    again = scan_journal(store)
    assert read == [] and again.problems == [] and again.days == first.days
    assert len(first.days.done) == 1237


def test_a_malformed_month_ten_years_old_is_named_after_the_cache_exists(store: Store) -> None:
    ten_years(store)
    scan_journal(store)
    oldest = store.month_path((2016, 12))
    oldest.write_text("schema = 2\n[[sessions]\nid = 'x'\n")
    problems = scan_journal(store).problems
    assert [p.path for p in problems] == [oldest]
    assert isinstance(problems[0], MalformedFile) and problems[0].line == 2
    with pytest.raises(MalformedFile):
        journal_days(store)


def test_a_month_changed_in_place_to_the_same_size_is_checked_again(store: Store) -> None:
    ten_years(store)
    scan_journal(store)
    path = store.month_path((2017, 3))
    text = path.read_text()
    info = path.stat()
    with open(path, "r+", encoding="utf-8") as file:  # same inode, same size
        file.write(text.replace("schema = 3", "schema = 9", 1))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1))
    assert path.stat().st_size == info.st_size and path.stat().st_ino == info.st_ino
    problems = scan_journal(store).problems
    assert len(problems) == 1 and isinstance(problems[0], FutureSchema)
    assert problems[0].path == path


def test_a_month_written_moments_ago_is_read_again_next_time(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An in-place edit in the same mtime tick would keep the stamp: such a file is never reused.
    store.save_session(session(TODAY))
    scan_journal(store)
    read = reads(monkeypatch)
    scan_journal(store)
    assert read == [(2026, 11)]


@pytest.mark.parametrize(
    "damage",
    [
        "{ not json",
        '{"version": 4, "months": []}',
        '{"version": 4, "months": {"2026-11": {"stamp": [1, 2]}}}',
        "stamp-kept",  # right stamps, but a day that is not a date
        "bad-key",
        "bad-answer",  # right stamps, but a morning answer that is not better, same or worse
        "bad-check",  # right stamps, but the last check's flag is not true or false
        "version-3",  # the whole cache as the version before this one wrote it
    ],
)
def test_a_damaged_cache_is_ignored_and_rebuilt(
    store: Store, damage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ten_years(store)
    truth = scan_journal(store).days
    cache = store.data_dir / "cache" / "days.json"
    document = json.loads(cache.read_text())
    if damage == "stamp-kept":
        document["months"]["2026-11"]["done"].append("2026-13-01")
        damage = json.dumps(document)
    elif damage == "bad-key":
        document["months"]["2026-1"] = document["months"]["2026-11"]
        damage = json.dumps(document)
    elif damage == "bad-answer":
        document["months"]["2026-11"]["mornings"] = [["m", "2026-11-20", "awful", None]]
        damage = json.dumps(document)
    elif damage == "bad-check":
        document["months"]["2026-11"]["last_check"] = [
            "c",
            "2026-11-20T18:00:00+01:00",
            2,
            2,
            "no",
            False,
            [],
            True,
            True,
            "advanced",
        ]
        damage = json.dumps(document)
    elif damage == "version-3":
        document["version"] = 3
        damage = json.dumps(document)
    cache.write_text(damage)
    read = reads(monkeypatch)
    assert scan_journal(store).days == truth
    assert len(read) == len(store.months())  # nothing in the damaged cache was trusted
    read.clear()
    assert scan_journal(store).days == truth and read == []  # rebuilt
    assert json.loads(cache.read_text())["version"] == 4


def test_no_cache_is_written_while_a_file_has_a_problem(store: Store) -> None:
    ten_years(store)
    store.month_path((2020, 5)).write_text("[")
    scan = scan_journal(store)
    assert len(scan.problems) == 1
    assert not (store.data_dir / "cache").exists()


def random_journal(rng: random.Random, today: dt.date) -> Journal:
    """Sessions, some with pains, checks and morning answers (many near today) over years."""
    days = sorted({today - dt.timedelta(days=rng.randrange(0, 900)) for _ in range(60)})
    sessions = [
        session(
            day,
            pain_after=rng.randrange(11) if rng.random() < 0.1 else None,
            pain_during=rng.randrange(11) if rng.random() < 0.05 else None,
        )
        for day in days
    ]
    check_days = rng.sample(days, rng.randrange(0, 8))
    checks = [check(day, rng.randrange(9), rng.randrange(9), rng.random() < 0.7) for day in check_days]
    answered = {today - dt.timedelta(days=rng.randrange(0, 40)) for _ in range(rng.randrange(15))}
    mornings = [
        MorningCheck(
            new_id(), day, rng.choice(("better", "same", "worse")), rng.choice((None, rng.randrange(11)))
        )
        for day in sorted(answered)
    ]
    return Journal(sessions=tuple(sessions), symptom_checks=tuple(checks), morning_checks=tuple(mornings))


@pytest.mark.parametrize("trial", range(30))
def test_the_cache_and_the_months_for_today_give_the_advice_of_the_whole_journal(
    store: Store, trial: int
) -> None:
    rng = random.Random(trial)
    # Early in a month the morning window reaches back into the month before.
    today = TODAY if trial % 2 else dt.date(2026, 12, 3)
    trial_store = Store(store.data_dir / str(trial))
    trial_store.import_journal(random_journal(rng, today))
    settle(trial_store)
    whole = trial_store.read_journal()
    truth = standing_advice(whole, today)
    scan = scan_journal(trial_store)
    months = months_for_today(scan, today)
    part = merge(trial_store.read_month(month) for month in months)
    assert standing_advice(part, today) == truth
    assert len(months) <= 6
    assert scan.advice_basis().check == basis_of(whole).check
    assert scan.advice_basis().worst_earlier == basis_of(whole).worst_earlier
    assert scan.advice_basis().last_session == basis_of(whole).last_session
    assert decide(scan.advice_basis(), today) == truth
    cached = scan_journal(trial_store)  # every month from the cache file this time
    assert decide(cached.days.basis, today) == truth
    for later in range(1, 9):  # the same cache, read on the days that follow
        day = today + dt.timedelta(days=later)
        assert decide(cached.days.basis, day) == standing_advice(whole, day)


def test_the_cache_keeps_only_the_last_week_of_answers_of_each_month(store: Store) -> None:
    answers = tuple(MorningCheck(new_id(), dt.date(2026, 10, day), "worse", None) for day in range(1, 32))
    store.import_journal(Journal(morning_checks=answers))
    settle(store)
    scan_journal(store)
    cached = json.loads((store.data_dir / "cache" / "days.json").read_text())
    kept = [day for _, day, _, _ in cached["months"]["2026-10"]["mornings"]]
    assert kept == [f"2026-10-{day}" for day in range(25, 32)]


def test_a_file_another_machine_wrote_is_noticed_when_a_sync_tool_copies_it_in(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ten_years(store)
    before = scan_journal(store).days
    other = Store(tmp_path / "other", device="5e" * 8)
    other.save_session(session(dt.date(2019, 4, 2)))
    copied = store.journal_dir / other.month_path((2019, 4)).name
    shutil.copy2(other.month_path((2019, 4)), copied)  # the other machine's mtime kept, as Syncthing does
    long_ago = time.time() - 86_400 * 300
    os.utime(copied, (long_ago, long_ago))
    read = reads(monkeypatch)
    after = scan_journal(store)
    assert read == [(2019, 4)]
    assert after.days.done == before.done | {dt.date(2019, 4, 2)}
    read.clear()
    copied.unlink()  # and the sync tool taking it away again
    assert scan_journal(store).days.done == before.done and read == [(2019, 4)]


def test_an_id_two_months_share_is_caught_from_the_cache_and_repair_fixes_it(store: Store) -> None:
    ten_years(store)
    scan_journal(store)
    kept = store.read_month((2020, 5)).sessions[0]
    # A hand edit copies a record into another month's file.
    moved = replace(kept, started_at=kept.started_at.replace(month=6, day=1))
    target = store.month_path((2020, 6))
    text = target.read_text()
    from glutewake.store import journal_codec

    journal = store.read_month((2020, 6))
    target.write_text(
        journal_codec.journal_to_text((2020, 6), replace(journal, sessions=(*journal.sessions, moved)))
    )
    assert "2020-06" in target.name and text != target.read_text()
    problems = scan_journal(store).problems
    assert len(problems) == 1 and isinstance(problems[0], RepeatedId)
    assert {path for path, _ in problems[0].places} == {store.month_path((2020, 5)), target}
    folded = store.fold()
    assert folded.renumbered and folded.left == ()
    assert scan_journal(store).problems == []
    ids = [s.id for s in store.read_journal().sessions]
    assert len(ids) == len(set(ids)) and kept.id in ids  # both records kept, each with its own id


def test_saving_again_writes_what_encoding_every_month_afresh_would(store: Store) -> None:
    # The months read from the cache are written back as they were read, unchanged ones alike.
    from glutewake.store import summary

    ten_years(store)
    scan_journal(store)
    cache = store.data_dir / "cache" / "days.json"
    store.add_rest_day(TODAY)
    settle(store)
    scan = scan_journal(store)  # read from the cache, one month re-read, saved again
    written = json.loads(cache.read_text())["months"]
    assert written == {f"{y:04d}-{m:02d}": summary._as_json(d) for (y, m), d in scan.months.items()}
    assert written[f"{TODAY:%Y-%m}"]["rest"] == [TODAY.isoformat()]
    assert len(written) == len(store.months())
