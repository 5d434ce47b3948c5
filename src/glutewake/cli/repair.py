"""`glutewake repair`: move files that do not parse aside with a dated name, keeping their bytes;
then fold conflict copies and files of the single-file layout into this machine's own files,
and give a fresh id to a record that shares its id with another month's."""

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
        examples="  glutewake repair\n",
        run="glutewake.cli.repair:run",
    )


def run(args: argparse.Namespace) -> int:
    import datetime as dt

    from glutewake.cli.options import data_dir_from
    from glutewake.store import FutureSchema, MalformedFile, RepeatedId, Store

    store = Store(data_dir_from(args))
    problems = store.problems()
    listing = store.listing()
    foldable = any(f.conflict or f.device is None for files in listing.values() for f in files)
    if not problems and not foldable:
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
        elif not isinstance(problem, (MalformedFile, RepeatedId)):
            print(f"Left {problem.path} alone: {problem}")
    if any(isinstance(p, FutureSchema) for p in problems):
        return 0  # folding would read around a file it cannot read: left until the upgrade
    folded = store.fold()
    for path in folded.removed:
        print(f"Folded {path.name} into this machine's own files and removed it.")
    for change in folded.renumbered:
        old, new = change.split(" -> ")
        print(f"Gave the record {old} of one month a new id, {new}: another month's record had its id.")
    for repeated in folded.left:
        print(f"Left {repeated}: another machine wrote that file; run `glutewake repair` there.")
    return 0
