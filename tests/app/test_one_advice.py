"""One standing advice everywhere: for each stored state, home, `status`, `status --json`,
`history --json`, the start gate and the phase switch give the same level with the same reason.

The commands run as the real program (they take today's date from the system clock), so the
records are dated relative to the real today and the app is given that day too.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from glutewake.app.screens.confirm import ConfirmScreen
from glutewake.app.screens.player import PlayerScreen
from glutewake.core.advice import LEVEL_WORDS, standing_advice
from glutewake.core.records import Session, SymptomCheck, new_id
from glutewake.store import Store
from tests.helpers import RunCli

from .helpers import flat, make_app, screen_text

TODAY = dt.date.today()
TZ = dt.datetime.now().astimezone().tzinfo


def at(days_ago: int, hour: int) -> dt.datetime:
    return dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(hour), TZ)


def session(days_ago: int, pain_after: int | None = None, pain_during: int | None = None) -> Session:
    started = at(days_ago, 18)
    return Session(
        new_id(),
        "beginner",
        "beginner",
        started,
        "completed",
        "app",
        ended_at=started + dt.timedelta(minutes=7),
        pain_after=pain_after,
        pain_during=pain_during,
    )


def check(
    days_ago: int = 3, *, during: int = 2, after: int = 2, advanced: bool = True, spread: tuple[str, ...] = ()
) -> SymptomCheck:
    return SymptomCheck(
        new_id(), at(days_ago, 8), during, after, False, False, spread, True, advanced, "advanced"
    )


def no_check(store: Store) -> None:
    store.save_session(session(2))


def no_check_painful_session(store: Store) -> None:
    store.save_session(session(1, pain_after=9))


def check_then_painful_session(store: Store) -> None:
    store.add_symptom_check(check())
    store.save_session(session(1, pain_after=8))


def worse_morning(store: Store) -> None:
    store.add_symptom_check(check())
    store.save_session(session(2, pain_after=2))
    store.add_morning_check(TODAY - dt.timedelta(days=1), "worse")


def spread(store: Store) -> None:
    store.add_symptom_check(check(during=5, after=5, spread=("knees", "calves")))


def two_worse_mornings_and_it_hurt(store: Store) -> None:
    store.add_symptom_check(check())
    store.save_session(session(2, pain_during=6))
    store.add_morning_check(TODAY - dt.timedelta(days=1), "worse", 3)
    store.add_morning_check(TODAY, "worse")


STATES: dict[str, tuple[Callable[[Store], None], str | None]] = {
    "no check": (no_check, None),
    "no check, painful session": (no_check_painful_session, "rest"),
    "check then painful session": (check_then_painful_session, "rest"),
    "worse morning": (worse_morning, "beginner"),
    "spread": (spread, "beginner"),
    "two worse mornings and it hurt": (two_worse_mornings_and_it_hurt, "rest"),
}


@pytest.mark.parametrize("name", list(STATES))
async def test_every_surface_gives_the_same_advice_and_reason(
    name: str, data_dir: Path, run_cli: RunCli
) -> None:
    seed, level = STATES[name]
    store = Store(data_dir)
    store.update_profile(lambda p: replace(p, acknowledged_on=TODAY, morning_asked_on=TODAY))
    seed(store)
    advice = standing_advice(store.read_journal(), TODAY)
    assert advice.level == level
    reason = advice.reason
    assert reason

    text = run_cli("status")
    assert text.returncode == 0, text.stderr
    assert text.stdout.rstrip("\n").endswith(f"advice: {level or 'none yet'} — {reason}")
    status = json.loads(run_cli("status", "--json").stdout)
    assert (status["advice"], status["advice_reason"]) == (level, reason)
    history = json.loads(run_cli("history", "--json").stdout)
    assert history["advice"] == {"level": level, "reason": reason}

    now = dt.datetime.combine(TODAY, dt.time(9), TZ)
    app = make_app(data_dir, now=lambda: now)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        home = flat(screen_text(app))
        assert flat(reason) in home
        if level is not None:
            assert f"· {LEVEL_WORDS[level]}" in home
        await pilot.press("s")  # the start gate
        await pilot.pause()
        if level == "rest":
            assert isinstance(app.screen, ConfirmScreen)
            assert app.screen.title_text.endswith(LEVEL_WORDS["rest"])
            assert app.screen.explanation.startswith(reason)
            await pilot.press("n")
        else:
            assert isinstance(app.screen, PlayerScreen)
            await pilot.press("escape", "y")  # end it straight away
            await pilot.pause()
            while len(app.screen_stack) > 1:
                app.pop_screen()
                await pilot.pause()
        await pilot.press("p")  # the phase switch explains with the same reason
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert reason in app.screen.explanation
