"""`glutewake export --format csv|json [--output FILE]`: every record, for a backup or a sheet."""

from __future__ import annotations

from glutewake.cli.parser import subcommand

TYPE_CHECKING = False  # argparse is loaded only when a command line needs it
if TYPE_CHECKING:
    import argparse
    import io
    from typing import Any


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], parents: list[argparse.ArgumentParser]
) -> None:
    sub = subcommand(
        subparsers,
        parents,
        "export",
        examples=(
            "  glutewake export --format json --output glutewake-backup.json\n"
            "  glutewake export --format csv > sets.csv\n"
        ),
        run="glutewake.cli.export:run",
    )
    sub.add_argument(
        "--format",
        required=True,
        choices=("csv", "json"),
        help="json: the `history --json` document; csv: one row per set",
    )
    sub.add_argument(
        "--output", metavar="FILE", help="write to FILE (replaced atomically) instead of standard output"
    )


def run(args: argparse.Namespace) -> int:
    import sys

    from glutewake.cli.options import data_dir_from, today_by, user_path
    from glutewake.core.wording import counted
    from glutewake.store import JournalReader, atomic_write  # reads only

    store = JournalReader(data_dir_from(args))
    profile = store.read_profile()
    journal = store.read_journal()
    if args.format == "json":
        from glutewake.core.history import export_document
        from glutewake.core.json_text import dumps  # as json.dumps writes it, without json
        from glutewake.core.state import acknowledgements_of

        state = store.read_state()
        today = today_by(journal.day_starts_at)
        accepted = acknowledgements_of(state, profile.acknowledged_on)
        document = export_document(journal, profile.phase, today, state.phase_changes, accepted)
        text = dumps(document, indent=1) + "\n"
        wrote = counted(journal.record_count(), "record")
    else:
        import io

        from glutewake.core.history import CSV_HEADER, csv_rows

        rows = csv_rows(journal)
        buffer = io.StringIO()
        writer = csv_writer(buffer)
        writer.writerow(CSV_HEADER)
        writer.writerows(rows)
        text = buffer.getvalue()
        sessions = counted(len(journal.sessions), "session")
        wrote = f"{counted(len(rows), 'row')} (one per set of {sessions}) and the header line"
    if args.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()  # a refusal (a full disk) comes before the line saying it was written
        where = "standard output"
    else:
        output = user_path(args.output)
        atomic_write(output, text.encode("utf-8"))
        where = output
    # On stderr, so what was written (a file or a pipe) holds the export alone.
    if args.format == "csv" and not journal.sessions:
        print(f"Exported only the header line to {where}: no session is logged yet.", file=sys.stderr)
    else:
        print(f"Exported {wrote} to {where}.", file=sys.stderr)
    return 0


def csv_writer(buffer: io.StringIO) -> Any:
    """`csv.writer(buffer)`, the excel dialect's lines ending in CRLF. It is `_csv.writer`
    itself: the csv module around it loads `re` (and `enum`), about 7 ms of the start."""
    try:
        from _csv import writer
    except ImportError:  # pragma: no cover - a Python without csv's C part
        from csv import writer
    return writer(buffer, lineterminator="\r\n")
