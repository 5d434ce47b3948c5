"""`glutewake status [--json | --format TEMPLATE]`: one line for a shell prompt: phase,
streak, today, advice.

This is the ordinary way, from the store and the summary cache; `cli/quick.py` answers
first when the snapshot this writes still holds (see `store/snapshot.py`).
"""

from __future__ import annotations

from glutewake.cli.parser import subcommand

TYPE_CHECKING = False  # argparse is loaded only when a command line needs it
if TYPE_CHECKING:
    import argparse


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], parents: list[argparse.ArgumentParser]
) -> None:
    sub = subcommand(
        subparsers,
        parents,
        "status",
        help="one line for a shell prompt: phase, current streak, today done, the standing advice",
        examples=(
            "  glutewake status\n  glutewake status --json\n  glutewake status --format '{streak}d {today}'\n"
        ),
        run="glutewake.cli.status:run",
    )
    shape = sub.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="print it as a JSON object")
    shape.add_argument(
        "--format",
        metavar="TEMPLATE",
        help="print TEMPLATE with {phase}, {streak}, {longest}, {today} and {advice} filled in",
    )


def run(args: argparse.Namespace) -> int:
    import datetime as dt
    import time

    from glutewake.cli import status_text
    from glutewake.cli.options import data_dir_from, today_by
    from glutewake.core.advice import decide
    from glutewake.core.days import day_start
    from glutewake.core.streaks import compute_streak
    from glutewake.store import Store, snapshot
    from glutewake.store.summary import journal_days

    template = status_text.check_template(args.format) if args.format is not None else None
    store = Store(data_dir_from(args))
    looked_at = time.time_ns()
    key = snapshot.current_key(store.data_folder)  # before reading: a change after it shows
    profile = store.read_profile()
    days = journal_days(store)
    today = today_by(days.day_starts_at)
    streak = compute_streak(days.done, days.rest, today)
    advice = decide(days.basis, today)  # the standing advice, from the summary alone
    status = status_text.Status(
        profile.phase, streak.current, streak.longest, today in days.done, advice.level, advice.reason
    )
    # The answer holds from today's day start to the next day's (local wall clock, so a
    # daylight-saving change shortens or lengthens that day as it does the clock's).
    begins = day_start(today, days.day_starts_at)
    valid = (begins.timestamp(), day_start(today + dt.timedelta(days=1), days.day_starts_at).timestamp())
    snapshot.write(store, key, looked_at, valid, status.values())
    print(status_text.show(status, as_json=args.json, template=template))
    return 0
