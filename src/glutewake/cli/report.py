"""`glutewake report [--weeks N] [--format html|md] [--output FILE]`: a page for a physical therapist."""

from __future__ import annotations

from glutewake.cli.parser import subcommand

TYPE_CHECKING = False  # argparse is loaded only when a command line needs it
if TYPE_CHECKING:
    import argparse


def weeks(text: str) -> int:
    """argparse type for --weeks: a whole number from 1 to the core's MAX_WEEKS."""
    from glutewake.core.report_model import MAX_WEEKS

    try:
        value = int(text)
    except ValueError:
        import argparse

        raise argparse.ArgumentTypeError(f"must be a whole number of weeks, got {text!r}") from None
    if not 1 <= value <= MAX_WEEKS:
        import argparse

        raise argparse.ArgumentTypeError(f"must be 1 to {MAX_WEEKS} weeks, got {value}")
    return value


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], parents: list[argparse.ArgumentParser]
) -> None:
    sub = subcommand(
        subparsers,
        parents,
        "report",
        examples=(
            "  glutewake report --output report.html    open it in a browser, print or save as PDF\n"
            "  glutewake report --weeks 12 --format md > report.md\n"
        ),
        run="glutewake.cli.report:run",
    )
    sub.add_argument(
        "--weeks", type=weeks, default=6, metavar="N", help="how many calendar weeks (default 6)"
    )
    sub.add_argument(
        "--format",
        choices=("html", "md"),
        default="html",
        help="html: one page with charts, for a browser or paper (default); md: Markdown tables",
    )
    sub.add_argument(
        "--output",
        metavar="FILE",
        help="write to FILE (replaced atomically); `-` or none: standard output",
    )


def run(args: argparse.Namespace) -> int:
    import sys

    from glutewake.cli.options import data_dir_from, today_by, user_path
    from glutewake.store import JournalReader  # reads only
    from glutewake.store.report_file import render_report, write_report

    store = JournalReader(data_dir_from(args))
    text = render_report(store, today_by(store.day_starts_at()), weeks=args.weeks, format=args.format)
    if args.output in (None, "-"):
        sys.stdout.write(text)
        return 0
    output = user_path(args.output)
    write_report(output, text)
    print(f"Wrote the report of {args.weeks} weeks to {output}.", file=sys.stderr)
    return 0
