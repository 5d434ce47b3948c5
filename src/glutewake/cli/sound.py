"""`glutewake sound`: play each cue's sound once, naming it, through the output in use."""

from __future__ import annotations

import sys
import time

from glutewake.cli.parser import subcommand

TYPE_CHECKING = False  # argparse is loaded only when a command line needs it
if TYPE_CHECKING:
    import argparse

# The pace of the demo; tests replace them to run it without waiting.
clock = time.monotonic
sleep = time.sleep


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], parents: list[argparse.ArgumentParser]
) -> None:
    subcommand(
        subparsers,
        parents,
        "sound",
        examples="  glutewake sound\n",
        run="glutewake.cli.sound:run",
    )


def run(args: argparse.Namespace) -> int:
    from glutewake.app.playback.cue_sounds import BELL_ONLY, open_system_tones, try_tones
    from glutewake.app.playback.demo import bell_demo, tone_demo
    from glutewake.cli.options import data_dir_from
    from glutewake.core.sound_schedule import Planned
    from glutewake.errors import UserError
    from glutewake.store import ProfileFiles

    settings = ProfileFiles(data_dir_from(args)).read_profile().settings
    if settings.sound == "off":
        raise UserError(
            'sound is off in settings (sound = "off"): set it to "tones" or "bell" to hear the cues'
        )
    if settings.sound == "tones":
        tones, problem = try_tones(open_system_tones, settings.volume, clock)
        if tones is not None:
            say(f"{tones.description} (volume {settings.volume})")
            items = tone_demo()
            try:
                # All planned at once on the clock; the lines follow as each one plays.
                start = clock() + 0.1
                tones.plan(
                    Planned(start + item.delay, item.sound, (0, number))
                    for number, item in enumerate(items)
                    if item.sound is not None
                )
                for number, item in enumerate(items, start=1):
                    wait_until(start + item.delay)
                    say(f"  {number:>2}/{len(items)}  {item.label}")
                sleep(tones.seconds_left(clock()) + 0.1)
            finally:
                tones.close()
            say("If you heard nothing, see “When you hear nothing” in the README.")
            return 0
        say(f"{BELL_ONLY} ({problem})")
    else:
        say("the terminal bell — your terminal may be silent")
    items = bell_demo()
    start = clock()
    for number, item in enumerate(items, start=1):
        wait_until(start + item.delay)
        say(f"  {number}/{len(items)}  {item.label}")
        ring(item.rings)
    return 0


def say(line: str) -> None:
    print(line, flush=True)


def wait_until(moment: float) -> None:
    left = moment - clock()
    if left > 0:
        sleep(left)


def ring(rings: int) -> None:
    """The terminal bell, `rings` times (only into a terminal: a pipe has no bell)."""
    from glutewake.core.cues import RING_GAP

    if not sys.stdout.isatty():
        return
    for n in range(rings):
        if n:
            sleep(RING_GAP)
        sys.stdout.write("\a")
        sys.stdout.flush()
