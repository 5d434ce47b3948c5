"""`glutewake delete ID`: remove one entry by the id `history --json` shows."""

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
        "delete",
        examples=(
            "  glutewake history --json    shows every entry's id\n"
            "  glutewake delete 3f2a9c0d41b84e6f9a7c2d1e5b6f8a90\n"
        ),
        run="glutewake.cli.delete:run",
    )
    sub.add_argument("id", metavar="ID", help="the entry's id, as `history --json` or `log` shows it")


def run(args: argparse.Namespace) -> int:
    import datetime as dt

    from glutewake.cli.options import data_dir_from
    from glutewake.core.history import entry_words
    from glutewake.store import JournalWriter  # the store without import and repair

    store = JournalWriter(data_dir_from(args))
    store.read_profile()  # a damaged settings file stops the write like any other problem
    kind, record = store.delete(args.id.strip(), dt.datetime.now().astimezone())
    print(f"Deleted {entry_words(kind, record, store.day_starts_at())} (id {args.id.strip()}).")
    return 0
