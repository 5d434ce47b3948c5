"""`glutewake repair`: move files that do not parse aside with a dated name, keeping their bytes."""

from __future__ import annotations

from glutewake.cli.parser import subcommand

TYPE_CHECKING = False  # argparse is loaded only when a command line needs it
if TYPE_CHECKING:
    import argparse


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], parents: list[argparse.ArgumentParser]
) -> None:
    subcommand(
        subparsers,
        parents,
        "repair",
        help="move data files that do not parse aside (renamed, never deleted) so glutewake can write again",
        examples="  glutewake repair\n",
        run="glutewake.cli.repair:run",
    )


def run(args: argparse.Namespace) -> int:
    import datetime as dt

    from glutewake.cli.options import data_dir_from
    from glutewake.store import FutureSchema, MalformedFile, Store

    store = Store(data_dir_from(args))
    problems = store.problems()
    if not problems:
        print("Nothing to repair: every data file reads fine.")
        return 0
    for moved in store.repair(dt.datetime.now()):
        print(
            f"Moved {moved.original} aside to {moved.moved_to}: its records are no longer "
            f"read. Fix it by hand and rename it back to {moved.original.name} to restore "
            "them (if that file exists again by then, merge the two)."
        )
    for problem in problems:
        if isinstance(problem, FutureSchema):
            print(f"Left {problem.path} alone: a newer glutewake wrote it; upgrade to use it.")
        elif not isinstance(problem, MalformedFile):
            print(f"Left {problem.path} alone: {problem}")
    return 0
