"""Screen states for the fit tests: data to seed, keys to reach each state, and a visit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from textual.widget import Widget
from textual.widgets import Static

from glutewake.app.app import GlutewakeApp
from glutewake.app.screens.player import PlayerScreen
from glutewake.core.settings import Settings
from tests.app.helpers import TODAY, acknowledge, make_app, screen_text, session, symptom_check
from tests.helpers import FakeClock

SIZE = (80, 24)
DOWN = "down"
SPREAD_ALL = ["right", "space"] * 4
# Ellipses the app writes itself; any other is text cut short.
WRITTEN_ELLIPSES = r"HOLD1…|cycling,…|elliptical…|commands…"
Step = str | float  # a key to press, or seconds for the session clock to move on


@dataclass(frozen=True)
class State:
    """Where to go (keys and clock moves from home) on which data, and what must show."""

    data: str
    steps: tuple[Step, ...]
    phrases: tuple[str, ...]


STATES = {
    "first run": State(
        "new",
        (),
        ("Before you start", "once they agree.", "do not push through.", "enter I understand, go on"),
    ),
    "home": State(
        "lived",
        (),
        (
            "PHASE BEGINNER",
            "streak 3 days",
            "longest 3 days",
            "hip flexors · quadriceps · lateral hips · hamstrings",
            "look at your Achilles tendon.",
            "before you go on.",
            "q quit",
        ),
    ),
    "home, resumable": State("resume", (), ("r resume", "q quit")),
    "home, read-only": State(
        "broken", (), ("READ-ONLY", "glutewake repair", "Then start glutewake again.", "q quit")
    ),
    "home, told to rest": State("rest", (), ("REST AND SEE A PROFESSIONAL", "before you train.")),
    "settings": State(
        "lived",
        ("comma",),
        ("Seconds per count", "Change of position, in seconds", "previewed live", "ctrl+t test voice"),
    ),
    "help": State(
        "lived",
        ("question_mark",),
        ("Everywhere", "During a session", "Every key and what it does", "to find any action by name."),
    ),
    "palette": State("lived", ("ctrl+p",), ("Start today's session",)),
    "morning question": State(
        "morning",
        (),
        ("compared with before your last session?", "b better", "w worse", "type 0–10", "esc not today"),
    ),
    "morning question, answered": State("morning", ("w", "1", "0"), ("[w worse]", "[10]", "enter save")),
    "phase question": State(
        "lived", ("p",), ("Switch to the advanced phase?", "agrees you are ready.", "stay with beginner")
    ),
    "rest question": State(
        "rest", ("s",), ("REST AND SEE A PROFESSIONAL", "do a new symptom check (c).", "not now")
    ),
    "symptom check form": State(
        "lived", ("c",), ("Cleared for advanced phase", "for wall mini squats", "esc back")
    ),
    "symptom check, rest": State(
        "lived",
        ("c", "8", DOWN, "6", DOWN, "y", DOWN, "y", DOWN, DOWN, "y", "enter"),
        (
            "REST AND SEE A PROFESSIONAL",
            "Pain during running was 8: 7 or more means",
            "home shows it too.",
            "enter back to home",
        ),
    ),
    "symptom check, spread": State(
        "lived",
        ("c", "4", DOWN, "5", DOWN, "y", DOWN, DOWN, *SPREAD_ALL, DOWN, DOWN, "enter"),
        ("BEGINNER", "calves and feet.", "home shows it too."),
    ),
    "history": State(
        "lived",
        ("h",),
        (
            "streak 3 days · longest 3 days",
            "today, still open",
            "Tue 24 Nov: no other activity",
            "Journal · 5 entries",
            "rehab session",
            "pain: after the session, 0 to 10",
            "? help",
        ),
    ),
    "history, weeks": State("lived", ("h", "v"), ("Variety, week by week", "this week")),
    "history, pain": State("lived", ("h", "v", "v"), ("pain while running",)),
    "log activity": State("lived", ("h", "l"), ("Log another activity", "1 to 1440", "esc cancel")),
    "log rest day": State("lived", ("h", "R"), ("Log a rest day", "YYYY-MM-DD, up to today")),
    # Beginner at 1 s a count: prepare 10, reps of in 2 / out 2 / lower 2, switch at 70,
    # rest at 140, a change of position at 150, the first stretch at 155; advanced:
    # prepare 10, reps of in 2 / out 2 / hold 2 / up 2.
    "get ready": State("lived", ("s", 1.0), ("GET READY", "seconds to go", "tones on")),
    "breathe in": State("lived", ("s", 11.0), ("BREATHE IN", "working LEFT leg", "esc end")),
    "breathe out": State(
        "lived", ("s", 13.0), ("BREATHE OUT · RAISE THE LEG", "knee facing forward", "next lower slowly")
    ),
    "lower": State("lived", ("s", 15.0), ("LOWER", "next breathe in", "spine in line")),
    "switch": State("lived", ("s", 71.0), ("SWITCH", "RIGHT leg")),
    "rest": State("lived", ("s", 141.0), ("REST",)),
    "get into position": State(
        "lived",
        ("s", 151.0),
        ("GET INTO POSITION", "kneeling hip flexor stretch · LEFT side", "one knee down", "hip flexors"),
    ),
    "change sides": State("lived", ("s", 186.0), ("CHANGE SIDES", "RIGHT side", "Swap legs")),
    "stretch": State("lived", ("s", 160.0), ("STRETCH · HIP FLEXORS", "Keep your back tall.", "no bouncing")),
    # n from the start: the first set, then each set's countdown and the set itself in turn.
    **{
        f"stretch {n}": State("lived", ("s", *["n"] * n, 1.0), ("STRETCH", "no bouncing"))
        for n in range(5, 20, 2)
    },
    "stopped, it hurts": State(
        "lived",
        ("s", 23.0, "h", "7", "enter"),
        (
            "SESSION STOPPED · IT HURTS",
            "have it checked by a doctor",
            "type a number, then enter",
            "esc skip",
        ),
    ),
    "skipped through": State(
        "lived",
        ("s", *["n"] * 20),
        ("SESSION KEPT AS PARTIAL", "does not count for your streak", "go on with it today", "esc skip"),
    ),
    "hurt question": State("lived", ("s", 13.0, "h"), ("It hurts: how much", "esc back to the session")),
    "paused": State("lived", ("s", 13.0, "space"), ("PAUSED", "space")),
    "end question": State(
        "lived",
        ("s", 13.0, "escape"),
        ("End the session now?", "on the home screen.", "any other key carry on"),
    ),
    "finished": State(
        "lived",
        ("s", 440.0),
        (
            "SESSION COMPLETE · WELL DONE",
            "20 of 20",
            "counts for your streak",
            "the worst you can imagine.",
            "esc skip",
        ),
    ),
    "squat, hold": State("advanced", ("s", 15.5), ("HOLD 1… 2", "working both legs")),
    "squat, breathe out": State(
        "advanced",
        ("s", 13.0),
        ("BREATHE OUT · SLIDE DOWN SLOWLY", "knees stay behind your toes", "60 cm out"),
    ),
}
NO_COLOR_STATES = [
    "home",
    "breathe out",
    "paused",
    "squat, hold",
    "finished",
    "symptom check, spread",
    "history",
]


def seed(kind: str, data_dir: Path) -> None:
    if kind == "new":
        return
    store = acknowledge(
        data_dir,
        settings=Settings(voice_command="no-such-voice"),
        phase="advanced" if kind == "advanced" else "beginner",
        morning_asked_on=None if kind == "morning" else TODAY,
    )
    for back in (1, 2, 3, 5):
        store.save_session(session(TODAY - dt.timedelta(days=back)))
    store.add_symptom_check(
        symptom_check(
            "rest" if kind == "rest" else "beginner",
            spread=("achilles",),
            cleared_for_advanced=kind == "advanced",
        )
    )
    if kind == "resume":
        store.save_session(session(TODAY, status="partial"))
    if kind == "broken":
        (data_dir / "journal" / "2026-10.toml").write_text("this is [not toml")


async def visit(
    data_dir: Path, state: State, size: tuple[int, int] = SIZE
) -> tuple[GlutewakeApp, str, str, list[str]]:
    """Open `state` at `size`: the app, the screen as text and as an SVG, and what is cut off."""
    seed(state.data, data_dir)
    clock = FakeClock()
    app = make_app(data_dir, clock=clock)
    app.bell = lambda: None  # type: ignore[method-assign]
    async with app.run_test(size=size) as pilot:
        for step in state.steps:
            if isinstance(step, str):
                await pilot.press(step)
            else:
                clock.advance(step)
                if isinstance(app.screen, PlayerScreen):
                    app.screen.tick()
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        return app, screen_text(app), app.export_screenshot(), cut_off(app)


def scrolls(widget: Widget) -> bool:
    return any(w.allow_vertical_scroll for w in (widget, *widget.ancestors) if isinstance(w, Widget))


def cut_off(app: GlutewakeApp) -> list[str]:
    found = []
    for widget, geometry in app.screen._compositor.full_map.items():
        region = geometry.region
        if not region.area or not widget.display or scrolls(widget):
            continue
        if not geometry.clip.contains_region(region):
            found.append(f"{widget!r} at {region} is clipped to {geometry.clip}")
        if isinstance(widget, Static):
            box = widget.content_region
            height = widget.get_content_height(box.size, box.size, box.width)
            if height > box.height:
                found.append(f"{widget!r} needs {height} lines, has {box.height}")
    return found


def squash(text: str) -> str:
    # Block-letter cues are spaced out at 80×24; compare with every space taken out.
    return "".join(text.split())
