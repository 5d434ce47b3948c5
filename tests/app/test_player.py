"""The session player, driven by a fake clock through the app factory."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from glutewake.app.screens.confirm import ConfirmScreen
from glutewake.app.screens.finished import FinishedScreen
from glutewake.app.screens.home import HomeScreen
from glutewake.app.screens.player import PlayerScreen
from glutewake.core.records import Session, SetRecord
from glutewake.core.session_record import record_reps, start_record, with_played
from glutewake.core.settings import Settings
from glutewake.core.timeline import compile_timeline
from glutewake.programmes import load_programme
from glutewake.store import Store
from tests.blocks import shows_block

from .helpers import NOW, acknowledge, flat, screen_text
from .player_helpers import leave_finished, playing, rig, settle

# The beginner programme at 1 s a count: prepare 10 s, then reps of in 2 / out 2 / lower 2
# counts; a 10 s switch; a 10 s rest; a 5 s change of position before each 30 s stretch.
PREPARE = 10.0
REP = 6.0
SET_ONE = PREPARE + 10 * REP
SWITCH = 10.0
TOTAL = 430.0


async def test_the_cues_follow_the_timeline_with_the_rep_in_large_digits(
    data_dir: Path, store: Store
) -> None:
    async with playing(data_dir, store) as (r, pilot):
        assert r.view.cue == "GET READY"
        assert r.view.big_number == "10" and r.view.big_label == "seconds to go"
        seen = []
        for step in (PREPARE, 2, 2, 2, 2):
            r.advance(step)
            seen.append((r.view.cue, r.view.big_number, r.view.breath_word))
        assert seen == [
            ("BREATHE IN", "1", "in"),
            ("BREATHE OUT · RAISE THE LEG", "1", "out"),
            ("LOWER SLOWLY", "1", "easy"),
            ("BREATHE IN", "2", "in"),
            ("BREATHE OUT · RAISE THE LEG", "2", "out"),
        ]
        await pilot.pause()
        text = screen_text(r.app)
        assert "BREATHE OUT · RAISE THE LEG" in text
        assert shows_block(text, "RAISE")
        assert "working  LEFT leg" in text
        assert "lying on your right side" in text
        assert shows_block(text, "/ 10") and shows_block(text, "LEFT")
        assert "set 1 of 10" in text
        assert "next  lower slowly" in text


async def test_the_breath_bar_fills_breathing_in_and_empties_breathing_out(
    data_dir: Path, store: Store
) -> None:
    async with playing(data_dir, store, PREPARE + 1) as (r, pilot):
        assert r.view.breath == pytest.approx(0.5)
        r.advance(1.5)
        assert r.view.breath == pytest.approx(0.75)
        r.advance(1.0)
        assert r.view.breath == pytest.approx(0.25)


async def test_ten_reps_then_switch_sides_to_the_right_leg(data_dir: Path, store: Store) -> None:
    async with playing(data_dir, store, SET_ONE - 0.5) as (r, pilot):
        assert (r.view.cue, r.view.big_number) == ("LOWER SLOWLY", "10")
        r.advance(0.5)
        assert r.view.cue == "SWITCH SIDES"
        assert r.view.working == "working  RIGHT leg"
        assert r.view.how == (
            "now lying on your left side, head and neck resting on your arm; legs straight, spine in line"
        )
        assert r.view.big_number == "10"
        assert r.view.where.startswith("set 2 of 10")
        await settle(pilot, r)
        assert [s.reps for s in r.written().sets[:2]] == [10, 0]
        r.advance(SWITCH)
        assert (r.view.cue, r.view.big_number, r.view.working) == ("BREATHE IN", "1", "working  RIGHT leg")
        assert "head and neck resting on your arm" in r.view.how and "spine in line" in r.view.how


async def test_a_save_follows_every_repetition(data_dir: Path, store: Store) -> None:
    async with playing(data_dir, store) as (r, pilot):
        await settle(pilot, r)
        assert [s.sets[0].reps for s in r.saved] == [0]
        assert r.saved[0].status == "partial"
        r.advance(PREPARE)
        for rep in range(1, 4):
            r.advance(REP - 0.1)
            await settle(pilot, r)
            assert r.saved[-1].sets[0].reps == rep - 1
            r.advance(0.1)
            await settle(pilot, r)
            assert r.saved[-1].sets[0].reps == rep
        assert [s.sets[0].reps for s in r.saved] == [0, 1, 2, 3]
        assert {s.id for s in r.saved} == {r.saved[0].id}
        assert r.written().sets[0].reps == 3


async def test_the_squat_holds_for_two_counts(data_dir: Path) -> None:
    store = acknowledge(data_dir, phase="advanced")
    async with playing(data_dir, store, PREPARE + 2) as (r, pilot):
        assert r.view.cue == "BREATHE OUT · SLIDE DOWN SLOWLY"
        assert r.view.working == "working  both legs"
        assert r.view.how == "back against the wall, feet about 60 cm out in front of you"
        r.advance(2)
        assert r.view.cue == "HOLD  1 …"
        assert r.view.breath_word == "hold"
        r.advance(1)
        assert r.view.cue == "HOLD  1 … 2"
        r.advance(1)
        assert r.view.cue == "PUSH BACK UP TO STANDING"
        assert "knees stay behind your toes" in r.view.reminder


async def test_space_pauses_everything_and_goes_on_from_the_same_moment(data_dir: Path, store: Store) -> None:
    async with playing(data_dir, store, PREPARE + 2.5) as (r, pilot):
        before = r.view
        await pilot.press("space")
        assert r.view.cue == "PAUSED — space to go on"
        await pilot.pause()
        paused = screen_text(r.app)
        assert "PAUSED — space to go on" in paused and shows_block(paused, "PAUSED")
        assert "space go on" in paused and "space pause" not in paused
        r.advance(300)
        assert r.view.where == before.where
        assert r.view.breath == before.breath
        await pilot.press("space")
        assert r.view.cue == before.cue
        await pilot.pause()
        assert "space pause" in screen_text(r.app)
        r.advance(1.5)
        assert r.view.cue == "LOWER SLOWLY"


async def test_n_skips_to_the_next_set_and_b_goes_back_to_its_start(data_dir: Path, store: Store) -> None:
    async with playing(data_dir, store, PREPARE + 10) as (r, pilot):
        await pilot.press("n")
        assert r.view.cue == "SWITCH SIDES"
        assert r.view.where.startswith("set 2 of 10")
        r.advance(SWITCH + 2 * REP + 1)
        assert r.view.big_number == "3"
        await pilot.press("b")
        assert r.view.cue == "SWITCH SIDES"
        # From the switch countdown, n goes into the set it leads to, never past it.
        await pilot.press("n")
        assert (r.view.cue, r.view.big_number, r.view.working) == ("BREATHE IN", "1", "working  RIGHT leg")
        await pilot.press("n")
        assert r.view.cue == "GET INTO POSITION"
        assert r.view.working == "kneeling hip flexor stretch · LEFT side"
        await pilot.press("n")
        assert r.view.cue == "STRETCH · HIP FLEXORS"
        r.clock.advance(3)  # more than two seconds since the last b
        await pilot.press("b")
        assert r.view.cue == "GET INTO POSITION"
        await pilot.press("b")  # again within two seconds: the set before
        assert (r.view.cue, r.view.where[:12]) == ("SWITCH SIDES", "set 2 of 10 ")


async def test_n_in_the_rest_goes_to_the_first_stretch_and_b_brings_it_back(
    data_dir: Path, store: Store
) -> None:
    async with playing(data_dir, store, SET_ONE + SWITCH + 10 * REP + 2) as (r, pilot):
        assert r.view.cue == "REST"
        await pilot.press("n")
        assert r.view.cue == "GET INTO POSITION"
        assert r.view.where.startswith("set 3 of 10")
        r.advance(5 + 10)
        assert r.view.cue == "STRETCH · HIP FLEXORS"
        r.clock.advance(3)
        await pilot.press("b")
        assert (r.view.cue, r.view.big_number) == ("GET INTO POSITION", "5")


async def test_the_bell_rings_at_each_cue_and_m_mutes_it_for_this_session(data_dir: Path) -> None:
    store = acknowledge(data_dir, settings=Settings(sound="bell"))
    async with playing(data_dir, store) as (r, pilot):
        assert len(r.bells) == 1
        r.advance(PREPARE)
        r.advance(2)
        assert len(r.bells) == 3
        assert r.view.bell == "bell on"
        await pilot.press("m")
        assert r.view.bell == "muted"
        await pilot.pause()
        assert "muted" in screen_text(r.app)
        r.advance(2)
        r.advance(2)
        assert len(r.bells) == 3
        await pilot.press("m")
        r.advance(2)
        assert len(r.bells) == 4
    assert acknowledge(data_dir).read_profile().settings.sound == "bell"


async def test_sound_off_rings_nothing(data_dir: Path) -> None:
    store = acknowledge(data_dir, settings=Settings(sound="off"))
    async with playing(data_dir, store, PREPARE) as (r, pilot):
        assert r.bells == []
        assert r.view.bell == "sound off"


async def test_escape_asks_and_any_other_key_carries_on(data_dir: Path, store: Store) -> None:
    async with playing(data_dir, store, PREPARE + 1) as (r, pilot):
        await pilot.press("escape")
        assert isinstance(r.app.screen, ConfirmScreen)
        await pilot.pause()
        assert "End the session now?" in screen_text(r.app)
        r.clock.advance(60)  # asking stops the clock of the session
        await pilot.press("n")
        assert isinstance(r.app.screen, PlayerScreen)
        assert r.view.cue == "BREATHE IN"
        assert r.view.where.startswith("set 1 of 10")
        r.advance(1)
        assert r.view.cue == "BREATHE OUT · RAISE THE LEG"


async def test_escape_then_y_ends_early_and_keeps_what_was_done(data_dir: Path, store: Store) -> None:
    async with playing(data_dir, store, PREPARE + 4 * REP + 1) as (r, pilot):
        await pilot.press("escape", "y")
        assert isinstance(r.app.screen, FinishedScreen)
        await pilot.pause()
        text = screen_text(r.app)
        assert "SESSION ENDED EARLY" in text
        assert "reps        4 of 20" in text
        assert (
            "ended early: 4 of 20 reps, kept as a partial session; it does not count for your streak"
            in flat(text)
        )
        await pilot.press("escape")
        await settle(pilot, r)
        assert isinstance(r.app.screen, HomeScreen)
        saved = r.written()
        assert (saved.status, saved.sets[0].reps, saved.pain_after) == ("partial", 4, None)
        await pilot.pause()
        assert "r resume" in screen_text(r.app)


async def test_the_finished_screen_sums_up_and_stores_pain_now(data_dir: Path, store: Store) -> None:
    async with playing(data_dir, store) as (r, pilot):
        for _ in range(90):
            r.advance(5)
        assert isinstance(r.app.screen, FinishedScreen)
        await pilot.pause()
        text = screen_text(r.app)
        assert "SESSION COMPLETE · WELL DONE" in text
        assert "completed: every exercise set done (20 of 20 reps), so today counts for your streak" in flat(
            text
        )
        assert "reps        20 of 20" in text
        assert "stretches   8 of 8" in text
        assert "time        7:10" in text
        await pilot.press("1", "0", "backspace", "3", "enter")
        await settle(pilot, r)
        assert isinstance(r.app.screen, HomeScreen)
        saved = r.written()
        assert (saved.status, saved.pain_after) == ("completed", 3)
        assert all(s.reps == s.target for s in saved.sets)
        await pilot.pause()
        assert "done" in screen_text(r.app)


@pytest.mark.parametrize(("keys", "pain"), [(("1", "0"), 10), (("7", "3"), 3), (("0",), 0)])
async def test_pain_digits_make_a_number_from_0_to_10(
    data_dir: Path, store: Store, keys: tuple[str, ...], pain: int
) -> None:
    async with playing(data_dir, store) as (r, pilot):
        for _ in range(20):
            await pilot.press("n")
        await pilot.pause()
        assert isinstance(r.app.screen, FinishedScreen)
        await pilot.press(*keys, "enter")
        await settle(pilot, r)
        assert r.written().pain_after == pain


def interrupted(store: Store, reps: tuple[int, ...], played: float | None = None) -> Session:
    """Today's session as a kill left it: partial, `reps` saved per set."""
    timeline = compile_timeline(load_programme("beginner"), Settings())
    earlier = NOW - dt.timedelta(hours=1)
    record = record_reps(start_record(timeline, phase="beginner", started_at=earlier), reps, earlier)
    if played is not None:
        record = with_played(record, played, 0.0)
    store.save_session(record)
    return record


async def test_resume_goes_on_at_the_interrupted_repetition_with_the_same_record(
    data_dir: Path, store: Store
) -> None:
    before = interrupted(store, (10, 3) + (0,) * 8, played=95.0)
    r = rig(data_dir, store)
    async with r.app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = flat(screen_text(r.app))
        assert "r resume" in text
        assert (
            "Interrupted session today (started 08:00): press r to go on at rep 4 of the "
            "side-lying hip abduction, right side." in text
        )
        await pilot.press("r")
        assert r.view.cue == "GET READY"
        assert r.view.how.startswith("Get ready to go on: rep 4 of 10 · lying on your left side")
        assert r.view.where.startswith("set 2 of 10")
        r.advance(5.0)
        assert (r.view.cue, r.view.big_number, r.view.working) == ("BREATHE IN", "4", "working  RIGHT leg")
        r.advance(REP)
        await settle(pilot, r)
        saved = r.written()
        assert saved.id == before.id
        assert saved.started_at == before.started_at
        assert [s.reps for s in saved.sets[:2]] == [10, 4]  # reps saved stay saved
        r.advance(6 * REP)
        await settle(pilot, r)
        assert r.written().sets[1] == SetRecord("side-lying-hip-abduction", "right", 10, 10)
        for _ in range(60):
            r.advance(5)
        assert isinstance(r.app.screen, FinishedScreen)
        await pilot.pause()
        text = screen_text(r.app)
        # 95 s before, then 5 + 7 reps + rest and stretches: every part's time.
        played = 95.0 + 5.0 + 7 * REP + 10 + 8 * 35
        assert f"time        {played // 60:.0f}:{played % 60:02.0f}" in text
        assert "SESSION COMPLETE · WELL DONE" in text
        await pilot.press("enter")
        await settle(pilot, r)
        sessions = store.read_journal().sessions
        assert len(sessions) == 1
        assert (sessions[0].status, sessions[0].played_seconds) == ("completed", played)
        assert sessions[0].sets[0].reps == 10


async def test_resume_at_a_sets_first_rep_plays_its_own_countdown(data_dir: Path, store: Store) -> None:
    interrupted(store, (10,) + (0,) * 9)
    r = rig(data_dir, store)
    async with r.app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        assert (r.view.cue, r.view.big_number) == ("SWITCH SIDES", "10")


async def test_r_asks_the_same_advice_question_as_s(data_dir: Path, store: Store) -> None:
    from .helpers import symptom_check

    store.add_symptom_check(symptom_check("rest"))
    interrupted(store, (4,) + (0,) * 9)
    r = rig(data_dir, store)
    async with r.app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        assert isinstance(r.app.screen, ConfirmScreen)
        await pilot.pause()
        assert "start the session anyway" in screen_text(r.app)
        await pilot.press("n")
        assert isinstance(r.app.screen, HomeScreen)
        await pilot.press("r", "y")
        assert isinstance(r.app.screen, PlayerScreen)
        r.advance(5.0)
        assert (r.view.cue, r.view.big_number) == ("BREATHE IN", "5")


async def test_pressing_n_through_a_whole_session_keeps_it_partial(data_dir: Path, store: Store) -> None:
    async with playing(data_dir, store) as (r, pilot):
        for _ in range(20):
            await pilot.press("n")
        await pilot.pause()
        assert isinstance(r.app.screen, FinishedScreen)
        text = screen_text(r.app)
        assert "SESSION KEPT AS PARTIAL" in text
        assert (
            "sets skipped or cut short: 0 of 20 reps, kept as a partial session; it does not "
            "count for your streak" in flat(text)
        )
        assert "reps        0 of 20" in text
        assert (await leave_finished(pilot, r)).status == "partial"
        await pilot.pause()
        home = screen_text(r.app)
        assert "interrupted · r goes on" in home and "streak  0 days" in home
        assert "done ✓" not in home


async def test_skipping_only_stretches_still_completes(data_dir: Path, store: Store) -> None:
    async with playing(data_dir, store, SET_ONE + SWITCH + 10 * REP + 1) as (r, pilot):
        assert r.view.cue == "REST"
        for _ in range(17):  # on to the first stretch's start, then two for each stretch
            await pilot.press("n")
        await pilot.pause()
        assert isinstance(r.app.screen, FinishedScreen)
        text = screen_text(r.app)
        assert "SESSION COMPLETE · WELL DONE" in text
        assert "stretches   0 of 8" in text
        assert (await leave_finished(pilot, r)).status == "completed"


async def test_escape_during_the_stretches_says_and_keeps_a_completed_session(
    data_dir: Path, store: Store
) -> None:
    async with playing(data_dir, store, SET_ONE + SWITCH + 10 * REP + 10 + 5 + 30 + 1) as (r, pilot):
        await pilot.press("escape")
        await pilot.pause()
        text = screen_text(r.app)
        assert "Every exercise set is done (20 of 20 reps), so this is kept as a" in text
        assert "completed session and today counts for your streak. The 7" in text
        await pilot.press("y")
        await pilot.pause()
        assert "stretches   1 of 8" in screen_text(r.app)
        assert (await leave_finished(pilot, r)).status == "completed"


async def test_h_with_7_stops_the_session_as_partial_and_says_to_have_it_checked(
    data_dir: Path, store: Store
) -> None:
    async with playing(data_dir, store, PREPARE + 2 * REP + 1) as (r, pilot):
        player = r.player
        await pilot.press("h")
        await pilot.pause()
        assert "It hurts: how much, right now?" in screen_text(r.app)
        r.clock.advance(60)  # the question stops the session's clock
        assert player.engine is not None and player.engine.paused
        await pilot.press("7", "enter")
        await pilot.pause()
        assert isinstance(r.app.screen, FinishedScreen)
        assert "SESSION STOPPED · IT HURTS" in screen_text(r.app)
        text = flat(screen_text(r.app))
        assert (
            "It hurts 7 of 10: stop for today and have it checked by a doctor or physical therapist." in text
        )
        assert "2 of 20 reps: kept as a partial session; it does not count for your streak." in text
        saved = await leave_finished(pilot, r)
        assert (saved.status, saved.pain_during, saved.sets[0].reps) == ("partial", 7, 2)


async def test_h_with_3_offers_to_go_on_or_end_and_keeps_the_answer(data_dir: Path, store: Store) -> None:
    async with playing(data_dir, store, PREPARE + 1) as (r, pilot):
        await pilot.press("h", "3", "enter")
        await pilot.pause()
        assert isinstance(r.app.screen, ConfirmScreen)
        text = flat(screen_text(r.app))
        assert "It hurts 3 of 10" in text and "go on" in text and "end the session here" in text
        await pilot.press("n")
        assert isinstance(r.app.screen, PlayerScreen)
        assert r.view.cue == "BREATHE IN"  # goes on from where it was
        r.advance(1)
        assert r.view.cue == "BREATHE OUT · RAISE THE LEG"
        await pilot.press("h", "5", "enter", "y")
        await pilot.pause()
        assert isinstance(r.app.screen, FinishedScreen)
        await pilot.press("escape")
        await settle(pilot, r)
        assert (r.written().status, r.written().pain_during) == ("partial", 5)


async def test_h_then_escape_goes_back_to_the_session_as_it_was(data_dir: Path, store: Store) -> None:
    async with playing(data_dir, store, PREPARE + 1) as (r, pilot):
        await pilot.press("h", "escape")
        assert isinstance(r.app.screen, PlayerScreen)
        assert r.view.cue == "BREATHE IN"
        await settle(pilot, r)
        assert r.written().pain_during is None


async def test_s_with_an_interrupted_session_starts_a_fresh_record(data_dir: Path, store: Store) -> None:
    timeline = compile_timeline(load_programme("beginner"), Settings())
    store.save_session(start_record(timeline, phase="beginner", started_at=NOW))
    async with playing(data_dir, store) as (r, pilot):
        await settle(pilot, r)
        assert len(store.read_journal().sessions) == 2


async def test_a_programme_file_is_played_and_count_seconds_scales_it(
    data_dir: Path, store: Store, tmp_path: Path
) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(
        'schema = 1\nname = "mine"\n'
        '[[blocks]]\ntype = "exercise"\nexercise = "clam"\nname = "clamshell"\n'
        'sides = ["left"]\nreps = 2\nreminder = "heels together"\n'
        '[[blocks.pattern]]\ncue = "inhale"\ncounts = 2\ntext = "Breathe in"\n'
        '[[blocks.pattern]]\ncue = "exhale"\ncounts = 2\ntext = "Open the knee"\n',
        encoding="utf-8",
    )
    async with playing(data_dir, store, programme_file=mine, count_seconds=0.5) as (r, pilot):
        assert r.view.heading == "glutewake · MINE · clamshell"
        assert r.view.cue == "BREATHE IN"
        r.advance(1.0)
        assert r.view.cue == "OPEN THE KNEE"
        r.advance(3.0)
        assert isinstance(r.app.screen, FinishedScreen)
        saved = await leave_finished(pilot, r)
        assert (saved.programme, saved.status, saved.sets[0].reps) == ("mine", "completed", 2)


async def test_quitting_mid_session_keeps_the_reps_done(data_dir: Path, store: Store) -> None:
    async with playing(data_dir, store, PREPARE + 3 * REP + 1) as (r, pilot):
        await r.app.action_quit()
    saved = r.written()
    assert (saved.status, saved.sets[0].reps) == ("partial", 3)


def damage_journal(data_dir: Path) -> Path:
    month = data_dir / "journal" / "2026-11.toml"
    month.parent.mkdir(parents=True, exist_ok=True)
    month.write_text("schema = 1\n\n[[sessions]\nid = 'x'\n")
    return month


async def test_read_only_asks_first_then_plays_with_one_header_line_and_no_notices(
    data_dir: Path, store: Store
) -> None:
    month = damage_journal(data_dir)
    before = month.read_bytes()
    async with playing(data_dir, store) as (r, pilot):
        assert isinstance(r.app.screen, ConfirmScreen)
        await pilot.pause()
        text = flat(screen_text(r.app))
        assert "Nothing will be saved" in text and "play it anyway, without saving" in text
        await pilot.press("n")
        assert isinstance(r.app.screen, HomeScreen)
        await pilot.press("s", "y")
        assert isinstance(r.app.screen, PlayerScreen)
        r.advance(PREPARE + 3 * REP)
        await settle(pilot, r)
        await pilot.pause()
        assert r.view.big_number == "4"
        assert r.app._notifications == {} or not list(r.app._notifications)
        header = screen_text(r.app).splitlines()[0]
        assert "READ-ONLY · nothing is being saved" in header
        await pilot.press("escape")
        await pilot.pause()
        assert "ending now keeps nothing" in flat(screen_text(r.app))
        await pilot.press("y")
        await pilot.pause()
        assert "not saved: glutewake is read-only this run" in flat(screen_text(r.app))
        assert not list(r.app._notifications)
    assert r.saved == []
    assert month.read_bytes() == before


async def test_a_failing_save_is_one_header_line_not_notices(data_dir: Path, store: Store) -> None:
    from glutewake.store import Unwritable

    r = rig(data_dir, store)

    def refuse(session: Session) -> None:
        raise Unwritable(data_dir / "journal" / "2026-11.toml", "disk full")

    r.app.coach.save_session = refuse  # type: ignore[method-assign]
    async with r.app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        for _ in range(3):
            r.advance(PREPARE + REP)
            await settle(pilot, r)
        await pilot.pause()
        assert not list(r.app._notifications)
        header = screen_text(r.app).splitlines()[0]
        assert "NOT SAVED" in header


async def test_the_last_second_of_a_countdown_is_singular(data_dir: Path, store: Store) -> None:
    async with playing(data_dir, store, PREPARE - 0.5) as (r, pilot):
        assert (r.view.big_number, r.view.big_label) == ("1", "second to go")


async def test_the_count_pace_changes_the_reps_only(data_dir: Path, store: Store) -> None:
    async with playing(data_dir, store, count_seconds=1.5) as (r, pilot):
        assert r.view.big_number == "10"  # the get-ready: 10 seconds whatever the pace
        r.advance(PREPARE)
        assert (r.view.cue, r.view.big_number) == ("BREATHE IN", "1")
        r.advance(3.0)  # two counts of 1.5 s
        assert r.view.cue == "BREATHE OUT · RAISE THE LEG"
        r.advance(10 * REP * 1.5 - 3.0)
        assert (r.view.cue, r.view.big_number) == ("SWITCH SIDES", "10")
        r.advance(SWITCH + 10 * REP * 1.5 + 10)
        assert (r.view.cue, r.view.big_number) == ("GET INTO POSITION", "5")
        r.advance(5)
        assert (r.view.cue, r.view.big_number) == ("STRETCH · HIP FLEXORS", "30")
