"""Morning-after answers and sessions' "it hurts" pain in the month files, exports and imports."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from glutewake.core.history import history_document
from glutewake.core.records import Journal, MorningCheck, Session, SetRecord
from glutewake.errors import UserError
from glutewake.store import MalformedFile, Store
from glutewake.store.exchange import BadImport, read_export

TZ = dt.timezone(dt.timedelta(hours=1))
DAY = dt.date(2026, 11, 24)
STARTED = dt.datetime(2026, 11, 23, 7, 30, tzinfo=TZ)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "data")


def session(pain_during: int | None = 7) -> Session:
    return Session(
        "s1",
        "beginner",
        "beginner",
        STARTED,
        "partial",
        "app",
        (SetRecord("side-lying-hip-abduction", "left", 4, 10),),
        ended_at=STARTED + dt.timedelta(minutes=2),
        pain_after=3,
        pain_during=pain_during,
    )


def test_a_morning_answer_is_stored_in_its_month_and_read_back(store: Store) -> None:
    answer = store.add_morning_check(DAY, "worse", 6)
    assert (answer.day, answer.compared, answer.pain) == (DAY, "worse", 6) and answer.id
    plain = store.add_morning_check(dt.date(2026, 11, 25), "better")
    assert store.read_journal().morning_checks == (answer, plain)
    text = store.month_path((2026, 11)).read_text()
    assert "morning_checks = [" in text and 'date = 2026-11-24, compared = "worse", pain = 6' in text
    assert text.count("pain = ") == 1  # an answer without a pain has no pain


def test_a_second_answer_for_the_same_day_replaces_the_first_and_keeps_its_id(store: Store) -> None:
    first = store.add_morning_check(DAY, "same")
    second = store.add_morning_check(DAY, "worse", 4)
    assert second.id == first.id
    assert store.read_journal().morning_checks == (MorningCheck(first.id, DAY, "worse", 4),)


def test_ids_of_answers_are_unique(store: Store) -> None:
    ids = {store.add_morning_check(DAY - dt.timedelta(days=n), "same").id for n in range(40)}
    assert len(ids) == 40


def test_a_morning_pain_out_of_range_is_refused_and_nothing_written(store: Store) -> None:
    with pytest.raises(UserError, match="0-10"):
        store.add_morning_check(DAY, "worse", 11)
    assert not store.data_dir.exists()


def test_pain_during_round_trips_and_is_absent_when_not_given(store: Store) -> None:
    store.save_session(session())
    assert store.read_journal().sessions == (session(),)
    assert "pain_during = 7" in store.month_path((2026, 11)).read_text()
    store.save_session(session(pain_during=None))
    assert store.read_journal().sessions[0].pain_during is None
    assert "pain_during" not in store.month_path((2026, 11)).read_text()


SCHEMA_2_MONTH = """\
schema = 2

[[sessions]]
id = "old"
programme = "beginner"
phase = "beginner"
status = "completed"
source = "app"
started_at = 2026-11-23T07:30:00+01:00
pain_after = 2
sets = []

[[rest_days]]
id = "r"
date = 2026-11-22

# end of journal
"""


def test_a_schema_2_month_still_loads_and_is_written_as_schema_3(store: Store) -> None:
    store.journal_dir.mkdir(parents=True)
    path = store.month_path((2026, 11))
    path.write_text(SCHEMA_2_MONTH)
    journal = store.read_journal()
    assert journal.sessions[0].pain_during is None and journal.morning_checks == ()
    assert path.read_text() == SCHEMA_2_MONTH  # reading never rewrites
    store.add_morning_check(DAY, "better")
    text = path.read_text()
    assert text.startswith("# glutewake journal") and "schema = 3" in text
    assert store.read_journal().sessions == journal.sessions


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (
            'id = "m"\ndate = 2026-11-24\ncompared = "awful"',
            "expected `compared` to be one of better, same, worse, found 'awful'",
        ),
        (
            'id = "m"\ndate = 2026-11-24\ncompared = "worse"\npain = 12',
            "expected `pain` to be a whole number 0-10, found 12",
        ),
        ('id = "m"\ncompared = "worse"', "has no `date`"),
        ('id = "m"\ndate = 2026-11-24\ncompared = "worse"\nfelt = "bad"', "unknown key `felt`"),
    ],
)
def test_a_bad_morning_answer_names_its_line(store: Store, record: str, expected: str) -> None:
    store.journal_dir.mkdir(parents=True)
    path = store.month_path((2026, 11))
    path.write_text(f"schema = 3\n\n[[morning_checks]]\n{record}\n\n# end of journal\n")
    with pytest.raises(MalformedFile, match=expected) as raised:
        store.read_journal()
    assert raised.value.line is not None and raised.value.line >= 3
    assert (
        expected.split("`")[1] in path.read_text().splitlines()[raised.value.line - 1] or "has no" in expected
    )


def test_export_and_import_keep_answers_pains_and_ids(store: Store, tmp_path: Path) -> None:
    store.save_session(session())
    store.add_morning_check(DAY, "worse", 5)
    store.add_rest_day(dt.date(2026, 11, 20))
    store.add_activity(dt.date(2026, 11, 21), "swimming", 30)
    export = tmp_path / "backup.json"
    exported = history_document(store.read_journal(), "beginner", dt.date(2026, 11, 25))
    export.write_text(json.dumps(exported))
    target = Store(tmp_path / "restored")
    counts = target.import_journal(read_export(export, dt.date(2026, 11, 30)))
    assert (counts.sessions, counts.rest_days, counts.activities, counts.morning_checks) == (1, 1, 1, 1)
    assert target.read_journal() == store.read_journal()  # the very same records and ids
    assert history_document(target.read_journal(), "beginner", dt.date(2026, 11, 25)) == exported
    assert target.import_journal(read_export(export, dt.date(2026, 11, 30))).total == 0


def test_an_import_does_not_add_a_second_answer_for_a_day_already_answered(
    store: Store, tmp_path: Path
) -> None:
    store.add_morning_check(DAY, "same")
    other = Store(tmp_path / "other")
    other.add_morning_check(DAY, "worse", 8)
    export = tmp_path / "other.json"
    export.write_text(json.dumps(history_document(other.read_journal(), "beginner", DAY)))
    assert store.import_journal(read_export(export, dt.date(2026, 11, 30))).total == 0
    assert [m.compared for m in store.read_journal().morning_checks] == ["same"]


def test_a_schema_1_export_still_imports(store: Store, tmp_path: Path) -> None:
    export = tmp_path / "old.json"
    export.write_text(
        json.dumps(
            {
                "schema": 1,
                "phase": "beginner",
                "streak": {"current": 0, "longest": 0},
                "sessions": [],
                "rest_days": ["2026-11-20"],
                "activities": [{"date": "2026-11-21", "kind": "swimming", "minutes": 30}],
                "symptom_checks": [],
            }
        )
    )
    counts = store.import_journal(read_export(export, dt.date(2026, 11, 30)))
    assert (counts.rest_days, counts.activities) == (1, 1)
    assert store.read_journal().rest_days[0].day == dt.date(2026, 11, 20)


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (
            [{"id": "m", "date": "2026-11-24", "compared": "awful", "pain": None}],
            "morning_checks[0]: expected `compared` to be one of better, same, worse",
        ),
        (
            [{"id": "m", "date": "2026-11-24", "compared": "worse", "pain": 11}],
            "morning_checks[0]: expected `pain` to be a whole number 0-10, found 11",
        ),
        (
            [{"id": "m", "date": "24 Nov", "compared": "worse", "pain": 1}],
            "morning_checks[0]: expected `date` to be a date like 2026-11-24",
        ),
        (
            [{"date": "2026-11-24", "compared": "worse", "pain": 1}],
            "morning_checks[0]: a record in `morning_checks` has no `id`",
        ),
        (
            [
                {"id": "m", "date": "2026-11-24", "compared": "worse", "pain": None},
                {"id": "m", "date": "2026-11-25", "compared": "worse", "pain": None},
            ],
            "morning_checks: the same id appears twice",
        ),
    ],
)
def test_a_bad_answer_in_an_import_is_named_and_nothing_imported(
    store: Store, tmp_path: Path, answers: list[object], expected: str
) -> None:
    export = tmp_path / "bad.json"
    export.write_text(json.dumps({"schema": 2, "morning_checks": answers}))
    with pytest.raises(BadImport, match=expected.replace("[", r"\[").replace("]", r"\]")):
        read_export(export, dt.date(2026, 11, 30))
    assert not store.data_dir.exists()


def test_an_empty_journal_has_no_answers() -> None:
    assert Journal().morning_checks == ()
