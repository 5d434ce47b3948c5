"""Home: phase, today's plan and its length, streak, today done, last check, the keys."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from glutewake.app.screens.home import HomeScreen
from glutewake.store import Store

from .helpers import TODAY, flat, make_app, screen_text, session, symptom_check


async def home_text(data_dir: Path, size: tuple[int, int] = (80, 24), **options: object) -> str:
    app = make_app(data_dir, **options)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        return screen_text(app)


async def test_home_shows_phase_plan_and_its_length(data_dir: Path, store: Store) -> None:
    text = await home_text(data_dir)
    assert "PHASE  BEGINNER" in text
    assert "Today's session  beginner · 7 min" in text
    assert "side-lying hip abduction  10 left · switch · 10 right" in text
    assert "hip flexors · quadriceps · lateral hips · hamstrings" in text


async def test_count_seconds_override_changes_the_length(data_dir: Path, store: Store) -> None:
    text = await home_text(data_dir, count_seconds=0.5)
    assert "beginner · 6 min · 0.5 s per count" in text


async def test_advanced_phase_plans_the_wall_squat(data_dir: Path) -> None:
    from .helpers import acknowledge

    acknowledge(data_dir, phase="advanced")
    text = await home_text(data_dir)
    assert "PHASE  ADVANCED" in text
    assert "wall mini squat  10 reps" in text


async def test_programme_file_replaces_the_phase_programme(
    data_dir: Path, store: Store, tmp_path: Path
) -> None:
    from glutewake.programmes import builtin_text

    mine = tmp_path / "mine.toml"
    mine.write_text(builtin_text("stretches").replace('name = "stretches"', 'name = "mine"'))
    text = await home_text(data_dir, programme_file=mine)
    assert "Today's session  mine" in text


async def test_streak_and_today_done(data_dir: Path, store: Store) -> None:
    for back in (0, 1, 2):
        store.save_session(session(TODAY - dt.timedelta(days=back)))
    text = await home_text(data_dir)
    assert "streak  3 days" in text
    assert "longest  3 days" in text
    assert "today   done" in text


async def test_today_not_done_yet_keeps_yesterdays_streak(data_dir: Path, store: Store) -> None:
    store.save_session(session(TODAY - dt.timedelta(days=1)))
    text = await home_text(data_dir)
    assert "streak  1 day " in text
    assert "today   not done yet" in text


async def test_no_check_yet_prompts_for_one(data_dir: Path, store: Store) -> None:
    text = flat(await home_text(data_dir))
    assert "Last check none yet" in text
    assert "Press c to record how your hip feels" in text


async def test_last_check_shows_its_advice_and_reason(data_dir: Path, store: Store) -> None:
    store.add_symptom_check(symptom_check("beginner", spread=("achilles",)))
    text = flat(await home_text(data_dir, size=(120, 40)))
    assert "Last check 24 Nov · BEGINNER" in text
    assert "not yet for the advanced phase" in text
    assert "have a professional look at your Achilles tendon" in text


async def test_resume_key_only_with_an_interrupted_session_today(data_dir: Path, store: Store) -> None:
    assert "r resume" not in await home_text(data_dir)
    store.save_session(session(TODAY, status="partial"))
    assert "r resume" in await home_text(data_dir)


async def test_a_session_finished_after_the_interruption_hides_resume(data_dir: Path, store: Store) -> None:
    store.save_session(session(TODAY, status="partial"))
    finished = session(TODAY)
    store.save_session(replace(finished, started_at=finished.started_at + dt.timedelta(hours=1)))
    assert "r resume" not in await home_text(data_dir)


async def test_home_refreshes_when_it_comes_back(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        store.save_session(session(TODAY))
        store.add_symptom_check(symptom_check("beginner"))
        await pilot.press("escape")
        await pilot.pause()
        text = screen_text(app)
        assert "today   done" in text
        assert "BEGINNER" in text.split("Last check")[1]


async def test_home_keys_fit_80_columns(data_dir: Path, store: Store) -> None:
    text = await home_text(data_dir)
    keys = "s start   c symptom check   h history   p phase   , settings   ? help   q quit"
    assert keys in text
    assert all(len(line) <= 80 for line in text.splitlines())
