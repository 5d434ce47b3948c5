"""`glutewake plan NAME|FILE [--json]`: a programme's timeline and total time."""

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
        "plan",
        examples=(
            "  glutewake plan beginner\n"
            "  glutewake plan advanced --json\n"
            "  glutewake --count-seconds 1.5 plan my-programme.toml\n"
        ),
        run="glutewake.cli.plan:run",
    )
    sub.add_argument(
        "programme", metavar="NAME|FILE", help="beginner, advanced, stretches, or a programme .toml file"
    )
    sub.add_argument("--json", action="store_true", help="print the timeline as JSON")


def run(args: argparse.Namespace) -> int:
    from glutewake.cli.options import data_dir_from, settings_from
    from glutewake.cli.render import timeline_table
    from glutewake.core.timeline import compile_timeline
    from glutewake.programmes import load_programme
    from glutewake.store.parsed import ParsedToml

    programme = load_programme(args.programme, ParsedToml(data_dir_from(args)))
    timeline = compile_timeline(programme, settings_from(args))
    if args.json:
        from glutewake.core.json_text import dumps  # as json.dumps writes it, without json

        print(dumps(timeline.plan_document()))
    else:
        print(timeline_table(timeline))
    return 0
