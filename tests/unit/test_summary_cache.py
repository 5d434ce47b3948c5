"""The journal summary cache: known-good months skipped, changes re-checked, a bad cache rebuilt,
and the few months home reads giving the same advice as the whole journal."""

from __future__ import annotations

import datetime as dt
import marshal
import os
import random
import shutil
import sys
import time
from pathlib import Path

import pytest

from glutewake.core.advice import decide, standing_advice
from glutewake.core.advice_basis import basis_of
from glutewake.core.frozen import replace
from glutewake.core.records import Journal, MorningCheck, new_id
from glutewake.store import FutureSchema, MalformedFile, RepeatedId, Store, merge
from glutewake.store.summary import journal_days, months_for_today, scan_journal
from tests.unit.summary_helpers import (
    TODAY,
    cache_file,
    check,
    read_cache,
    reads,
    session,
    settle,
    ten_years,
    write_cache,
)


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
        "not-marshal",
        "truncated",
        "json",  # the cache as version 4 wrote it, under the new name
        "months-not-a-dict",
        "short-entry",
        "stamp-kept",  # right stamps, but a day that is not a date
        "day-as-text",  # right stamps, but a day that is not an ordinal
        "ids-as-list",
        "bad-key",
        "bad-answer",  # right stamps, but a morning answer that is not better, same or worse
        "bad-check",  # right stamps, but the last check's flag is not true or false
        "version-4",  # the whole cache tagged with the version before this one
        "other-python",  # written by another Python, whose marshal may differ
        "foreign",  # another program's marshal file
        "other-day-start",
    ],
)
def test_a_damaged_cache_is_ignored_and_rebuilt(
    store: Store, damage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ten_years(store)
    truth = scan_journal(store).days
    cache = cache_file(store.data_dir)
    good = cache.read_bytes()
    header, months = read_cache(cache)
    november = months["2026-11"]
    if damage == "not-marshal":
        cache.write_bytes(b"\xff not marshal")
    elif damage == "truncated":
        cache.write_bytes(good[: len(good) // 2])
    elif damage == "json":
        cache.write_text('{"version": 4, "day_starts_at": 4, "months": {}}')
    elif damage == "months-not-a-dict":
        cache.write_bytes(marshal.dumps((*header, [])))
    elif damage == "short-entry":
        write_cache(cache, header, {**months, "2026-11": (november["stamp"], True)})
    elif damage == "stamp-kept":
        november["done"] += (0,)
        write_cache(cache, header, months)
    elif damage == "day-as-text":
        november["rest"] = ("2026-11-01",)
        write_cache(cache, header, months)
    elif damage == "ids-as-list":
        november["ids"] = sorted(november["ids"])
        write_cache(cache, header, months)
    elif damage == "bad-key":
        write_cache(cache, header, {**months, "2026-1": november})
    elif damage == "bad-answer":
        november["mornings"] = (("m", dt.date(2026, 11, 20).toordinal(), "awful", None),)
        write_cache(cache, header, months)
    elif damage == "bad-check":
        flag = "no"
        november["last_check"] = ("c", "2026-11-20T18:00:00+01:00", 2, 2, flag, False, (), 1, 1, "advanced")
        write_cache(cache, header, months)
    elif damage == "version-4":
        write_cache(cache, [header[0], 4, *header[2:]], months)
    elif damage == "other-python":
        write_cache(cache, [*header[:2], sys.hexversion - 1, *header[3:]], months)
    elif damage == "foreign":
        write_cache(cache, ["another program", *header[1:]], months)
    elif damage == "other-day-start":
        write_cache(cache, [*header[:3], (header[3] + 1) % 24], months)
    assert cache.read_bytes() != good
    read = reads(monkeypatch)
    assert scan_journal(store).days == truth
    assert len(read) == len(store.months())  # nothing in the damaged cache was trusted
    read.clear()
    assert scan_journal(store).days == truth and read == []  # rebuilt
    assert read_cache(cache)[0] == ["glutewake days", 5, sys.hexversion, store.day_starts_at()]


def test_a_cache_round_trips_every_digest_exactly(store: Store) -> None:
    # Dates (as ordinals), frozensets, tuples and moments come back equal and of their types.
    from glutewake.store import summary_file

    store.import_journal(random_journal(random.Random(7), TODAY))
    settle(store)
    written = scan_journal(store).months
    loaded = summary_file._load(str(cache_file(store.data_dir)), store.day_starts_at())
    assert loaded == written and len(loaded) > 12
    for digest in loaded.values():
        assert type(digest.done) is frozenset and all(type(day) is dt.date for day in digest.done)
        assert type(digest.ids) is frozenset and type(digest.stamp) is tuple
        assert type(digest.checks) is tuple and type(digest.mornings) is tuple
    assert any(d.last_check is not None for d in loaded.values())
    assert any(d.mornings for d in loaded.values()) and any(d.last_pains for d in loaded.values())


def test_an_old_json_cache_is_ignored_and_removed_when_the_new_one_is_written(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ten_years(store)
    truth = scan_journal(store).days
    cache = cache_file(store.data_dir)
    cache.unlink()
    old = store.data_dir / "cache" / "days.json"
    old.write_text('{"version": 4, "day_starts_at": 4, "months": {}}')
    neighbour = store.data_dir / "cache" / "days.json.notes"  # not ours to remove
    neighbour.write_text("kept")
    read = reads(monkeypatch)
    assert scan_journal(store).days == truth and len(read) == len(store.months())
    assert cache.is_file() and not old.exists() and neighbour.read_text() == "kept"


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
    kept = [day for _, day, _, _ in read_cache(cache_file(store.data_dir))[1]["2026-10"]["mornings"]]
    assert kept == [dt.date(2026, 10, day).toordinal() for day in range(25, 32)]


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
    from glutewake.store import summary_file

    ten_years(store)
    scan_journal(store)
    cache = cache_file(store.data_dir)
    store.add_rest_day(TODAY)
    settle(store)
    scan = scan_journal(store)  # read from the cache, one month re-read, saved again
    written = marshal.loads(cache.read_bytes())[-1]
    assert written == {f"{y:04d}-{m:02d}": summary_file._packed(d) for (y, m), d in scan.months.items()}
    assert read_cache(cache)[1][f"{TODAY:%Y-%m}"]["rest"] == (TODAY.toordinal(),)
    assert len(written) == len(store.months())
