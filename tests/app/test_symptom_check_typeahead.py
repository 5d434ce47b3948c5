"""Answers typed ahead land on the question the arrows moved to, however fast they come.

A terminal hands the app keys in bursts when it is busy (or when someone types fast): ↓
and the next answer can arrive together. The arrows move the focus before the next key is
handed to a question, so the answer never lands on the question above.
"""

from __future__ import annotations

from pathlib import Path

from textual import events

from glutewake.app.screens.symptom_check import SymptomCheckScreen
from glutewake.app.widgets.answers import PainScale, YesNo

from .helpers import acknowledge, make_app


def burst(app: object, *keys: tuple[str, str | None]) -> None:
    """Queue `keys` (name, character) all at once, as one read from the terminal does."""
    driver = app._driver  # type: ignore[attr-defined]
    for key, character in keys:
        event = events.Key(key, character)
        event.set_sender(app)  # type: ignore[arg-type]
        driver.send_message(event)


async def test_keys_typed_ahead_answer_the_question_the_arrows_reached(data_dir: Path) -> None:
    acknowledge(data_dir)
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, SymptomCheckScreen)
        burst(
            app,
            ("4", "4"),
            ("down", None),
            ("5", "5"),
            ("down", None),
            ("y", "y"),
            ("tab", None),
            ("tab", None),
            ("shift+tab", None),
            ("y", "y"),
            ("up", None),
            ("n", "n"),
        )
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#pain-during", PainScale).value == 4
        assert screen.query_one("#pain-after", PainScale).value == 5
        assert screen.query_one("#wobbly", YesNo).value is False  # y, then n after ↑
        assert screen.query_one("#one-hip", YesNo).value is True
        assert app.focused is not None and app.focused.id == "wobbly"


async def test_a_whole_check_typed_in_one_burst_is_stored_as_typed(data_dir: Path) -> None:
    store = acknowledge(data_dir)
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        down = ("down", None)
        burst(
            app,
            ("2", "2"),
            down,
            ("3", "3"),
            down,
            ("y", "y"),
            down,
            down,
            ("right", None),
            ("space", " "),
            down,
            ("y", "y"),
            down,
            ("y", "y"),
            ("enter", "\r"),
        )
        await pilot.pause()
        assert "Saved" in str(app.screen.query_one("#check-result").render())
    [check] = store.read_journal().symptom_checks
    assert (
        check.pain_during_run,
        check.pain_after_run,
        check.wobbly_gait,
        check.weight_on_one_hip,
        check.spread,
        check.cleared_for_exercise,
        check.cleared_for_advanced,
    ) == (2, 3, True, False, ("achilles",), True, True)
