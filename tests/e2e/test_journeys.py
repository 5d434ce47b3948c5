"""The three jobs of glutewake, end to end, with the installed command in a real terminal.

1. Follow a session: pause (the clock stands still), mute, skip, back, end early with a
   pain score; and the real `beginner` from start to finish, ending on a streak of one.
2. Do a symptom check and switch phase: READY FOR ADVANCED lets `p` switch at once; a
   beginner-level check makes `p` explain and ask, `n` keeps the phase, `y` switches.
3. Review history after logging a rest day and activities from the command line: the
   streak figures, the calendar's glyphs, this week's variety, then escape and quit.

Every wait polls the screen with a deadline; the CLI (`history --json`, `status --json`)
confirms what was stored. Kill / resume, the concurrent `log` and the first-run note have
their own tests beside this one.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import pytest
from textual.renderables.digits import DIGITS, DIGITS3X3, DIGITS3X3_BOLD

from glutewake.core.settings import Settings
from tests.app.helpers import acknowledge
from tests.blocks import block_scale, shows_block
from tests.helpers import abduction_programme, hamstring_stretch

from .commands import answer, glutewake, history, open_home, status
from .tmux import Tmux, glutewake_command, tmux_required

pytestmark = pytest.mark.e2e

FAST = ["--count-seconds", "0.05"]
WHERE = re.compile(r"set (\d+) of (\d+) · (\d+:\d\d) left")
PERCENT = re.compile(r"session\s+\S+\s+(\d+)%")

# At 0.05 s a count: prepare 1 s (20 counts: a 1.0 programme file, still in counts), 4 reps
# of 1.5 s a side (6 s), a 2 s switch between the sides (rest_seconds), a 1 s change of
# position (transition_seconds) and one 1 s stretch: 17 s in all, long enough for each key
# to land where it is meant to even on a busy machine.
SHORT_PROGRAMME = abduction_programme(
    "short",
    schema=1,
    title="Short: four reps a side and one stretch",
    prepare="counts = 20",
    reps=4,
    counts=10,
    then=hamstring_stretch('sides = ["left"]\ncounts = 20'),
)


# -- the command line ---------------------------------------------------------------------


# -- reading the screen -------------------------------------------------------------------
def where(screen: str) -> tuple[int, int, str]:
    """The player's `set N of M · 0:12 left`, as (N, M, "0:12")."""
    found = WHERE.search(screen)
    assert found, f"no 'set N of M · m:ss left' on the player:\n{screen}"
    return int(found[1]), int(found[2]), found[3]


def clock_figures(screen: str) -> tuple[tuple[int, int, str], str]:
    """Everything on the player that moves with the session's clock: time left, progress."""
    progress = PERCENT.search(screen)
    assert progress, f"no session progress on the player:\n{screen}"
    return where(screen), progress[1]


def _glyphs() -> dict[tuple[str, str, str], str]:
    table = {}
    for font in (DIGITS3X3, DIGITS3X3_BOLD):
        for index, character in enumerate(DIGITS):
            if character.isdigit():
                rows = font[index * 3 : index * 3 + 3]
                table[tuple(row.ljust(3) for row in rows)] = character
    return table


GLYPHS = _glyphs()


def read_digits(rows: list[str]) -> str:
    """The number a Textual `Digits` draws in these three rows (3 columns a digit)."""
    rows = [row.replace("│", " ") for row in rows]
    width = max(len(row) for row in rows)
    rows = [row.ljust(width + 3) for row in rows]
    column = next((c for c in range(width) if any(row[c] != " " for row in rows)), width)
    number = ""
    while column < width:
        glyph = tuple(row[column : column + 3] for row in rows)
        if glyph not in GLYPHS:
            break
        number += GLYPHS[glyph]
        column += 3
    return number


def digits_left_of(screen: str, label: str) -> str:
    """The big digits drawn just left of `label`, which sits on their middle row."""
    lines = screen.splitlines()
    row = next((i for i, line in enumerate(lines) if label in line), None)
    if row is None or row == 0 or row + 1 >= len(lines):
        return ""
    end = lines[row].index(label)
    return read_digits([line[:end] for line in lines[row - 1 : row + 2]])


def streak_figures(screen: str) -> tuple[str, str]:
    """History's big (current, longest) streak digits, each left of its label."""
    lines = screen.splitlines()
    for row in range(1, len(lines) - 1):
        label = re.search(r"days? in", lines[row])
        if label and "longest" in lines[row]:
            end = lines[row].index("longest")
            rows = lines[row - 1 : row + 2]
            return (
                read_digits([line[: label.start()] for line in rows]),
                read_digits([line[label.end() : end] for line in rows]),
            )
    return "", ""


def dialog_text(screen: str) -> str:
    """The words inside a question box (drawn with █ sides), joined into one line."""
    inside = [
        line[line.index("█") + 1 : line.rindex("█")] for line in screen.splitlines() if line.count("█") >= 2
    ]
    return " ".join(" ".join(inside).split())


def seconds(figure: str) -> int:
    """`1:05` → 65."""
    minutes, rest = figure.split(":")
    return int(minutes) * 60 + int(rest)


def calendar_glyph(screen: str, day: dt.date, today: dt.date, weeks: int = 12) -> str:
    """The calendar's glyph for `day` with the cells either side (`[●]` for today): weeks are
    columns, oldest first, three columns a day after the weekday name."""
    name = f"{day:%a} "
    line = next(line for line in screen.splitlines() if line.lstrip().startswith(name))
    week = (
        weeks
        - 1
        - ((today - dt.timedelta(days=today.weekday())) - (day - dt.timedelta(days=day.weekday()))).days // 7
    )
    column = line.index(name) + 4 + 3 * week
    return line[column : column + 3]


# -- 1. following a session ---------------------------------------------------------------
def test_pause_mute_skip_back_and_end_early_keep_a_partial_session_with_its_pain(
    tmp_path: Path,
) -> None:
    tmux_required()
    data = tmp_path / "data"
    # The bell, so the screen's sound word is the same with or without a sound server here.
    acknowledge(data, settings=Settings(rest_seconds=2, transition_seconds=1, sound="bell"))
    programme = tmp_path / "short.toml"
    programme.write_text(SHORT_PROGRAMME)
    command = [glutewake_command(), "--data-dir", str(data), *FAST, "--programme-file", str(programme)]
    with Tmux() as tmux:
        tmux.start(command, size=(80, 24))
        home = tmux.wait_for("PHASE  BEGINNER")
        assert "short · 17 s · 0.05 s per count" in home
        tmux.send("s")
        tmux.wait_until(
            lambda s: "working  LEFT leg" in s and shows_block(s, "/ 4"), "the left leg's first reps"
        )

        # Pause: the word PAUSED, and nothing that follows the clock moves.
        tmux.send("Space")
        paused = tmux.wait_for("PAUSED — space to go on")
        assert "working  LEFT leg" in paused and "bell on" in paused
        frozen = clock_figures(paused)
        assert frozen[0][:2] == (1, 3)
        rep = max("1234", key=lambda number: block_scale(paused, number))
        assert block_scale(paused, rep) >= 3, paused
        watch_until = time.monotonic() + 1.5  # at 0.05 s a count the figures move every second
        while time.monotonic() < watch_until:
            screen = tmux.capture()
            assert "PAUSED" in screen and clock_figures(screen) == frozen, screen
            time.sleep(0.1)

        tmux.send("m")
        muted = tmux.wait_for("muted")
        assert "PAUSED" in muted

        # Skip while paused: straight to set 2, the other leg, still paused.
        tmux.send("n")
        skipped = tmux.wait_until(lambda s: "set 2 of 3" in s and "working  RIGHT leg" in s, "set 2 after n")
        assert "PAUSED" in skipped
        at_switch = where(skipped)[2]
        assert at_switch != frozen[0][2]
        tmux.send("Space")
        switching = tmux.wait_for("SWITCH SIDES")
        assert "PAUSED" not in switching and "set 2 of 3" in switching
        tmux.wait_until(
            lambda s: WHERE.search(s) and where(s)[2] != at_switch,
            "the time left moving again after space",
        )

        # Back: from the right leg's reps to the start of set 2, its switch included.
        reps = tmux.wait_until(lambda s: shows_block(s, "/ 4") and "set 2 of 3" in s, "the right leg's reps")
        tmux.send("b")
        back = tmux.wait_until(lambda s: "SWITCH SIDES" in s, "the switch after b")
        assert where(back)[:2] == (2, 3)
        assert seconds(where(reps)[2]) < seconds(where(back)[2]) <= seconds(at_switch)

        # Escape asks; any key but y carries on; y ends the session with what was done.
        tmux.send("Escape")
        tmux.wait_for("End the session now?")
        tmux.send("n")
        tmux.wait_until(
            lambda s: "End the session now?" not in s and "PAUSED" not in s,
            "the session going on after n",
        )
        tmux.send("Escape")
        tmux.wait_for("End the session now?")
        tmux.send("y")
        # The whole summary, not the title drawn over the player's last frame.
        ended = tmux.wait_until(
            lambda s: "SESSION ENDED EARLY" in s and "stretches" in s and "esc end" not in s,
            "the summary of the session ended early",
        )
        # The left leg was cut short: partial, whatever the right leg reached.
        assert "ended early:" in ended and "kept as a partial session; it does not" in ended
        assert "stretches   0 of 1" in ended
        reps_line = re.search(r"reps\s+(\d+) of 8", ended)
        assert reps_line, ended
        tmux.send("4")
        tmux.wait_until(lambda s: digits_left_of(s, "/ 10") == "4", "pain 4 typed")
        tmux.send("Enter")
        home = tmux.wait_until(
            lambda s: "PHASE  BEGINNER" in s and "r resume" in s, "home offering to resume"
        )
        assert "interrupted · r goes on" in home and "done ✓" not in home
        tmux.send("q")
        assert tmux.wait_exit() == 0

    [partial] = history(data)["sessions"]
    assert (partial["status"], partial["source"], partial["programme"]) == ("partial", "app", "short")
    assert partial["pain_after"] == 4
    left, right, stretch = partial["sets"]
    assert (left["side"], left["reps"], left["target"]) == ("left", int(rep) - 1, 4)
    assert right["side"] == "right" and right["target"] == 4
    # Back replays reps without counting them twice.
    assert left["reps"] + right["reps"] == int(reps_line[1]) and right["reps"] <= 4
    assert stretch["reps"] == 0
    assert status(data)["today_done"] is False


def test_the_whole_beginner_session_at_fast_speed_ends_on_a_streak_of_one(
    tmp_path: Path,
) -> None:
    tmux_required()
    data = tmp_path / "data"
    # The shortest holds and rests the settings allow, a 1 s change of position: the built-in
    # beginner's 10 s get-ready, 20 reps at 0.05 s a count, 8 stretches of 5 s.
    acknowledge(data, settings=Settings(stretch_hold_seconds=5, rest_seconds=1, transition_seconds=1))
    with Tmux() as tmux:
        home = open_home(tmux, data, *FAST, shows="PHASE  BEGINNER")
        assert "beginner · 1 min · 0.05 s per count" in home
        assert "streak  0 days" in home and "not done yet" in home
        tmux.send("s")
        tmux.wait_for("working  LEFT leg")
        tmux.wait_until(lambda s: "set 2 of 10" in s and "working  RIGHT leg" in s, "the right leg's set")
        tmux.wait_for("GET INTO POSITION", timeout=30)
        tmux.wait_for("STRETCH")
        tmux.wait_for("SESSION COMPLETE", timeout=90)
        done = tmux.wait_for("How does your hip feel right now?")
        assert "so today counts for your streak" in " ".join(done.split())
        assert "reps        20 of 20" in done
        assert "stretches   8 of 8" in done
        tmux.send("2")
        tmux.wait_until(lambda s: digits_left_of(s, "/ 10") == "2", "pain 2 typed")
        tmux.send("Enter")
        home = tmux.wait_until(lambda s: "done ✓" in s, "home with today done")
        assert "streak  1 day " in home and "longest  1 day" in home
        assert "r resume" not in home
        tmux.send("q")
        assert tmux.wait_exit() == 0

    document = history(data)
    [session] = document["sessions"]
    assert (session["status"], session["source"], session["programme"]) == ("completed", "app", "beginner")
    assert session["pain_after"] == 2
    assert len(session["sets"]) == 10
    assert [s["reps"] for s in session["sets"]] == [s["target"] for s in session["sets"]]
    assert [s["target"] for s in session["sets"][:2]] == [10, 10]
    assert document["streak"] == {"current": 1, "longest": 1}
    assert status(data)["today_done"] is True


# -- 2. symptom check and phase -----------------------------------------------------------


def pain_scale(pain: int) -> str:
    """`0 1 [2] 3 … 10`: how the check shows a chosen pain."""
    return " ".join(f"[{n}]" if n == pain else str(n) for n in range(11))


def check_by_keys(tmux: Tmux, during: int, after: int) -> None:
    """Open the symptom check, give both pains, say no to the other symptoms and yes to
    both clearances, then save."""
    tmux.send("c")
    tmux.wait_for("This is a record of what you feel")
    answer(tmux, (str(during),), pain_scale(during))
    answer(tmux, ("Down", str(after)), "running      " + pain_scale(after))
    answer(tmux, ("Down", "Down", "Down", "Down", "y"), "Cleared for exercise        [yes]")
    answer(tmux, ("Down", "y"), "Cleared for advanced phase  [yes]")
    tmux.send("Enter")


def test_ready_for_advanced_lets_p_switch_at_once_both_ways(tmp_path: Path) -> None:
    tmux_required()
    data = tmp_path / "data"
    acknowledge(data)
    with Tmux() as tmux:
        open_home(tmux, data, shows="PHASE  BEGINNER")
        # Low pains, nothing else, cleared for exercise and for the advanced phase.
        check_by_keys(tmux, 2, 1)
        tmux.wait_for("READY FOR ADVANCED — You are cleared for the advanced phase")
        tmux.send("Enter")
        home = tmux.wait_for("· READY FOR ADVANCED")
        assert "PHASE  BEGINNER" in home

        tmux.send("p")
        advanced = tmux.wait_for("PHASE  ADVANCED")
        assert "Switch to the advanced phase?" not in advanced
        assert "wall mini squat" in advanced
        tmux.send("p")  # back down is always at once
        tmux.wait_for("PHASE  BEGINNER")
        tmux.send("p")
        again = tmux.wait_for("PHASE  ADVANCED")
        assert "Switch to the advanced phase?" not in again
        tmux.send("q")
        assert tmux.wait_exit() == 0

    now = status(data)
    assert (now["phase"], now["advice"]) == ("advanced", "advanced")
    [check] = history(data)["symptom_checks"]
    assert (
        check["pain_during_run"],
        check["pain_after_run"],
        check["cleared_for_exercise"],
        check["cleared_for_advanced"],
        check["advice"],
    ) == (2, 1, True, True, "advanced")


def test_a_beginner_check_makes_p_explain_and_ask_n_keeps_y_switches(tmp_path: Path) -> None:
    tmux_required()
    data = tmp_path / "data"
    acknowledge(data)
    with Tmux() as tmux:
        open_home(tmux, data, shows="PHASE  BEGINNER")
        # Cleared for both, but pains of 5 and 6 have not eased: the advice is beginner.
        check_by_keys(tmux, 5, 6)
        tmux.wait_for("BEGINNER — Your symptoms have not eased enough for the advanced")
        tmux.send("Enter")
        tmux.wait_for("· BEGINNER")

        tmux.send("p")
        asked = tmux.wait_for("Switch to the advanced phase?")
        explained = dialog_text(asked)
        assert "The advice now is to stay with the beginner phase." in explained
        assert "pain during running was 5 and pain after running was 6" in explained
        assert "y switch to advanced anyway" in explained
        tmux.send("n")
        kept = tmux.wait_for("Phase unchanged")
        assert "PHASE  BEGINNER" in kept and "Switch to the advanced phase?" not in kept
        tmux.send("p")
        tmux.wait_for("Switch to the advanced phase?")
        tmux.send("y")
        switched = tmux.wait_for("PHASE  ADVANCED")
        assert "Switch to the advanced phase?" not in switched
        tmux.send("q")
        assert tmux.wait_exit() == 0

    now = status(data)
    assert (now["phase"], now["advice"]) == ("advanced", "beginner")
    [check] = history(data)["symptom_checks"]
    assert (
        check["pain_during_run"],
        check["pain_after_run"],
        check["cleared_for_advanced"],
        check["advice"],
    ) == (5, 6, True, "beginner")


# -- 3. history after logging from the command line ---------------------------------------
def test_history_shows_streaks_rest_day_and_activities_logged_from_the_cli(
    tmp_path: Path,
) -> None:
    tmux_required()
    data = tmp_path / "data"
    acknowledge(data)
    today = dt.date.today()

    def ago(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    # Three days in a row, a day missed, one with only a ride, then done · rest · done today.
    sessions = [ago(7), ago(6), ago(5), ago(2), today]
    for day in sessions[:-1]:
        glutewake(data, "log", "--date", day.isoformat(), "--programme", "beginner")
    glutewake(data, "log", "--date", ago(3).isoformat(), "--activity", "cycling", "--minutes", "20")
    glutewake(data, "log", "--rest", "--date", ago(1).isoformat())
    glutewake(data, "log", "--programme", "beginner")
    glutewake(data, "log", "--activity", "swimming", "--minutes", "30")

    monday = today - dt.timedelta(days=today.weekday())
    rehab = [day for day in sessions if day >= monday]
    activities = {
        day: (kind, minutes)
        for day, kind, minutes in ((ago(3), "cycling", 20), (today, "swimming", 30))
        if day >= monday
    }
    active = len(set(rehab) | set(activities))
    variety = [f"{active} active day" + ("s" if active != 1 else ""), f"rehab {len(rehab)}"]
    variety += [
        f"{kind} {minutes} min" for kind, minutes in sorted(activities.values(), key=lambda a: (-a[1], a[0]))
    ]

    with Tmux() as tmux:
        home = open_home(tmux, data, shows="PHASE  BEGINNER")
        assert "streak  2 days   longest  3 days" in home and "done ✓" in home
        tmux.send("h")
        tmux.wait_until(lambda s: "streak 2 days · longest 3 days" in s, "the streak 2 and 3")
        screen = tmux.wait_until(
            lambda s: "Journal · " in s and "newest first" in s and "reading older months" not in s,
            "every entry read",
        )
        for legend in (
            "● done: a session completed",
            "R rest day",
            "~ other activity only",
            "· missed",
            "[ ] today",
        ):
            assert legend in screen
        glyphs = [calendar_glyph(screen, ago(n), today) for n in range(9)]
        # today … 8 days ago; before the first record there is nothing to miss: blank.
        assert glyphs == ["[●]", " R ", " ● ", " ~ ", " · ", " ● ", " ● ", " ● ", "   "], screen
        tmux.send("v")  # the weeks
        weeks = tmux.wait_until(lambda s: "Variety, week by week" in s, "the weeks")
        assert "this week" in weeks and all(part.split(" ")[0] in weeks for part in variety[1:]), weeks
        logged = [line for line in screen.splitlines() if f"{today:%Y-%m-%d}" in line]
        assert any("rehab session" in line and "beginner · completed" in line for line in logged), screen

        tmux.send("Escape")
        tmux.wait_for("PHASE  BEGINNER")
        tmux.send("q")
        assert tmux.wait_exit() == 0

    document = history(data)
    assert [rest["date"] for rest in document["rest_days"]] == [ago(1).isoformat()]
    assert sorted((a["date"], a["kind"], a["minutes"]) for a in document["activities"]) == [
        (ago(3).isoformat(), "cycling", 20),
        (today.isoformat(), "swimming", 30),
    ]
    assert document["streak"] == {"current": 2, "longest": 3}
