"""`glutewake import FILE`: restore a JSON export, merging by record; twice changes nothing."""

from __future__ import annotations

from glutewake.cli.parser import subcommand
from glutewake.core.wording import counted

TYPE_CHECKING = False  # argparse is loaded only when a command line needs it
if TYPE_CHECKING:
    import argparse


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], parents: list[argparse.ArgumentParser]
) -> None:
    sub = subcommand(
        subparsers,
        parents,
        "import",
        examples="  glutewake import glutewake-backup.json\n",
        run="glutewake.cli.importing:run",
    )
    sub.add_argument("file", metavar="FILE", help="a file made by `glutewake export --format json`")


def run(args: argparse.Namespace) -> int:
    import datetime as dt

    from glutewake.cli.options import data_dir_from, today_by, user_path
    from glutewake.store import Store
    from glutewake.store.exchange import read_backup

    path = user_path(args.file)
    store = Store(data_dir_from(args))
    day_starts_at = store.day_starts_at()
    now = dt.datetime.now().astimezone().replace(microsecond=0)
    backup = read_backup(path, today_by(day_starts_at), day_starts_at, now=now)
    accepted_here = store.read_profile().acknowledged_on is not None
    counts = store.import_journal(backup.journal, backup.state)
    if not counts.total:
        print(f"Nothing to import: every record in {path} is already here.")
        return 0
    parts = [
        counted(counts.sessions, "session"),
        counted(counts.rest_days, "rest day"),
        counted(counts.activities, "activity", "activities"),
        counted(counts.symptom_checks, "symptom check"),
        counted(counts.morning_checks, "morning-after answer"),
        counted(counts.phase_changes, "phase change"),
    ]
    if counts.deletions:  # a deletion made where the export was made: its record stays away
        parts.insert(-1, counted(counts.deletions, "deletion"))
    if counts.acknowledgements:
        parts.append(counted(counts.acknowledgements, "first-run acceptance"))
    print(f"Imported {', '.join(parts)} from {path}.")
    if counts.acknowledgements and not accepted_here:
        print("The first-run note was accepted where the export was made: it is not shown again here.")
    if counts.day_starts:
        hour = backup.state.day_starts[-1].hour
        print(f"Your days now start at {hour}:00, as they did where the export was made.")
    return 0
