"""`glutewake status [--json]`: one line for a shell prompt: phase, streak, today, advice."""

from __future__ import annotations

import argparse

from glutewake.cli.parser import subcommand
from glutewake.core.wording import counted


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], parents: list[argparse.ArgumentParser]
) -> None:
    sub = subcommand(
        subparsers,
        parents,
        "status",
        help="one line for a shell prompt: phase, current streak, today done, the standing advice",
        examples="  glutewake status\n  glutewake status --json\n",
        run="glutewake.cli.status:run",
    )
    sub.add_argument("--json", action="store_true", help="print it as a JSON object")


def run(args: argparse.Namespace) -> int:
    import datetime as dt

    from glutewake.cli.options import data_dir_from
    from glutewake.core.advice import decide
    from glutewake.core.streaks import compute_streak
    from glutewake.store import Store
    from glutewake.store.summary import journal_days

    store = Store(data_dir_from(args))
    profile = store.read_profile()
    days = journal_days(store)
    today = dt.date.today()
    streak = compute_streak(days.done, days.rest, today)
    today_done = today in days.done
    advice = decide(days.basis, today)  # the standing advice, from the summary alone
    if args.json:
        import json

        print(
            json.dumps(
                {
                    "phase": profile.phase,
                    "streak": {"current": streak.current, "longest": streak.longest},
                    "today_done": today_done,
                    "advice": advice.level,
                    "advice_reason": advice.reason,
                }
            )
        )
        return 0
    print(
        f"{profile.phase} · streak {counted(streak.current, 'day')} · "
        f"today {'done' if today_done else 'not done yet'} · "
        f"advice: {advice.level or 'none yet'} — {advice.reason}"
    )
    return 0
