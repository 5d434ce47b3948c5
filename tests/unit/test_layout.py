"""The names in `journal/`: which month or state a file holds, which device wrote it, and
whether a sync tool made it as a conflict copy; every other name is not ours."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glutewake.store.layout import JournalName, is_device, parse_name

DEVICE = "0123456789abcdef"


@pytest.mark.parametrize(
    ("name", "month", "device", "conflict", "primary"),
    [
        (f"2026-11.{DEVICE}.toml", (2026, 11), DEVICE, False, f"2026-11.{DEVICE}.toml"),
        ("2026-01.toml", (2026, 1), None, False, "2026-01.toml"),
        (f"state.{DEVICE}.toml", None, DEVICE, False, f"state.{DEVICE}.toml"),
        (
            f"2026-11.{DEVICE}.sync-conflict-20261102-080000-ABCDEFG.toml",
            (2026, 11),
            DEVICE,
            True,
            f"2026-11.{DEVICE}.toml",
        ),
        ("2026-12.sync-conflict-.toml", (2026, 12), None, True, "2026-12.toml"),
        (f"state.{DEVICE}.sync-conflict-a.toml.b.toml", None, DEVICE, True, f"state.{DEVICE}.toml"),
        (
            f"2026-11.{DEVICE} (Laptop's conflicted copy 2026-11-24).toml",
            (2026, 11),
            DEVICE,
            True,
            f"2026-11.{DEVICE}.toml",
        ),
        ("2026-11(conflicted copy).toml", (2026, 11), None, True, "2026-11.toml"),
        ("2026-11 \t (conflicted copy).toml", (2026, 11), None, True, "2026-11.toml"),
        (f"2026-11.{DEVICE}.toml.orig", (2026, 11), DEVICE, True, f"2026-11.{DEVICE}.toml"),
        (f"state.{DEVICE}.toml.orig", None, DEVICE, True, f"state.{DEVICE}.toml"),
    ],
)
def test_each_kind_of_journal_name_says_what_it_is(
    name: str, month: tuple[int, int] | None, device: str | None, conflict: bool, primary: str
) -> None:
    assert parse_name(name) == JournalName(name, month, device, conflict, primary)


@pytest.mark.parametrize(
    "name",
    [
        "",
        "notes.txt",
        "2026-11",
        "2026-11.toml.tmp",
        f".syncthing.2026-11.{DEVICE}.toml.tmp",
        "2026-1.toml",
        "226-11.toml",
        "2026-13.toml",
        "2026-00.toml",
        "2026_11.toml",
        "state.toml",  # a state file always names its device
        f"state.{DEVICE}.toml~",
        f"2026-11.{DEVICE.upper()}.toml",
        f"2026-11.{DEVICE[:15]}.toml",
        f"2026-11.{DEVICE}0.toml",
        f"2026-11.{DEVICE}.sync-conflict-1.toml.orig",  # a copy of a copy
        f"2026-11.{DEVICE} (conflicted copy).toml.orig",
        "2026-11.sync-conflict-a/b.toml",
        "2026-11.sync-conflict-",
        "2026-11 (copy).toml",
        "2026-11 (conflicted copy/2).toml",
        "2026-11 ((conflicted copy)).toml",
        "2026-11 (a(conflicted copy).toml",
        "2026-11 (conflicted copy.toml",
        "2026-11 (conflicted copy) .toml",
        "2026-11 .toml",
        "2026-11..toml",
    ],
)
def test_every_other_name_is_not_a_journal_file(name: str) -> None:
    assert parse_name(name) is None


def test_a_device_id_is_sixteen_lower_case_hex_digits() -> None:
    assert is_device(DEVICE) and is_device("f" * 16)
    for text in ("", DEVICE[:15], DEVICE + "0", DEVICE.upper(), "g" * 16, f" {DEVICE[1:]}", "٠" * 16):
        assert not is_device(text), text


# The pattern parse_name used before it read names with string methods: the reference.
BEFORE = re.compile(
    r"^(?:(?P<year>\d{4})-(?P<month>\d{2})|(?P<state>state))"
    r"(?:\.(?P<device>[0-9a-f]{16}))?"
    r"(?P<conflict>\.sync-conflict-[^/]*|\s*\([^/()]*conflicted copy[^/()]*\))?"
    r"\.toml(?P<orig>\.orig)?$"
)


def parsed_before(name: str) -> JournalName | None:
    found = BEFORE.match(name)
    if found is None or (found.group("conflict") and found.group("orig")):
        return None
    year, number, device = found.group("year"), found.group("month"), found.group("device")
    month = None if year is None else (int(year), int(number))
    if (month is not None and not 1 <= month[1] <= 12) or (month is None and device is None):
        return None
    stem = f"{year}-{number}" if month else "state"
    primary = f"{stem}.{device}.toml" if device else f"{stem}.toml"
    return JournalName(name, month, device, bool(found.group("conflict") or found.group("orig")), primary)


PREFIXES = ("2026-11", "2026-12", "state", "2026-13", "2026-00", "٢٠٢٦-٠٣", "２０２６-１１", "2026-1", "stat")
DEVICES = (f".{DEVICE}", "", f".{DEVICE[:15]}", f".{DEVICE.upper()}", DEVICE, ".")
CONFLICTS = (
    *("", ".sync-conflict-", ".sync-conflict-20261102-080000-ABCDEFG", ".sync-conflict-a.toml"),
    *(".sync-conflict-a/b", ".sync-conflict-\n", " (Laptop's conflicted copy 2026-11-24)"),
    *("(conflicted copy)", "\u3000\t(conflicted copy)", "\x85(conflicted copy)", "\u2028(conflicted copy)"),
    *(
        " (copy)",
        " (conflicted copy/2)",
        " ((conflicted copy))",
        " (a(conflicted copy)",
        " (conflicted copy",
        " conflicted copy)",
    ),
)
ENDINGS = (".toml", ".toml.orig", ".toml\n", ".toml.orig\n", ".toml\r", ".orig", ".toml~", "", ".toml\n\n")


def test_every_name_made_of_these_parts_reads_as_the_regular_expression_read_it() -> None:
    names = ["".join(parts) for parts in itertools.product(PREFIXES, DEVICES, CONFLICTS, ENDINGS)]
    assert [parse_name(name) for name in names] == [parsed_before(name) for name in names]
    assert sum(parse_name(name) is not None for name in names) > 150  # many are ours


PIECES = (*PREFIXES, *DEVICES, *CONFLICTS, *ENDINGS, "/", "(", ")", ".", " ", "\n", "x")


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=8).map("".join) | st.text(max_size=30))
def test_any_name_reads_as_the_regular_expression_read_it(name: str) -> None:
    assert parse_name(name) == parsed_before(name)
