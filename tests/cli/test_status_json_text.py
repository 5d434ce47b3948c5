"""`status --json` is written by hand (json costs a prompt its import): the same text json.dumps writes."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glutewake.cli.status_text import Status, to_json


def dumped(status: Status) -> str:
    return json.dumps(
        {
            "phase": status.phase,
            "streak": {"current": status.streak, "longest": status.longest},
            "today_done": status.today_done,
            "advice": status.advice,
            "advice_reason": status.reason,
        }
    )


@pytest.mark.parametrize(
    "status",
    [
        Status("beginner", 0, 0, False, None, "You have not done a symptom check yet."),
        Status("advanced", 12, 3650, True, "rest", 'Rest — "it hurts" at 7/10\n\tsee a professional \\ ü 😀'),
    ],
)
def test_status_json_is_what_json_dumps_writes(status: Status) -> None:
    assert to_json(status) == dumped(status)
    assert json.loads(to_json(status))["streak"]["longest"] == status.longest


@given(
    phase=st.text(),
    streak=st.integers(min_value=0, max_value=10**6),
    longest=st.integers(min_value=0, max_value=10**6),
    done=st.booleans(),
    advice=st.none() | st.text(),
    reason=st.text(),
)
def test_any_status_json_is_what_json_dumps_writes(
    phase: str, streak: int, longest: int, done: bool, advice: str | None, reason: str
) -> None:
    status = Status(phase, streak, longest, done, advice, reason)
    assert to_json(status) == dumped(status)
