"""The argument parser: global options, then one sub-parser per command module."""

from __future__ import annotations

import argparse
import importlib
from typing import NoReturn

from glutewake import __version__
from glutewake.cli.options import add_global_options

# Each module defines `add_parser(subparsers, parents)` and `run(args) -> int`.
# They import only argparse at module level, so building the parser stays cheap.
COMMAND_MODULES = (
    "glutewake.cli.plan",
    "glutewake.cli.programme",
    "glutewake.cli.log",
    "glutewake.cli.history",
    "glutewake.cli.status",
    "glutewake.cli.export",
    "glutewake.cli.importing",
    "glutewake.cli.delete",
    "glutewake.cli.repair",
    "glutewake.cli.report",
    "glutewake.cli.settings",
    "glutewake.cli.sound",
)

EPILOG = """\
examples:
  glutewake                          open the full-screen coach
  glutewake plan beginner            the beginner session, step by step
  glutewake --count-seconds 0.5 plan advanced --json
"""


class OneLineParser(argparse.ArgumentParser):
    """Bad arguments give one clear stderr line and exit 2, not a usage dump."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line of glutewake."""
    parser = OneLineParser(
        prog="glutewake",
        description="A terminal coach for gluteus medius rehabilitation.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"glutewake {__version__}")
    add_global_options(parser, suppress_defaults=False)
    common = OneLineParser(add_help=False)
    add_global_options(common, suppress_defaults=True)
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_parser(subparsers, [common])
    return parser


def subcommand(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
    name: str,
    *,
    help: str,
    examples: str,
    run: str,
) -> argparse.ArgumentParser:
    """Add one command with its help text, examples and the `module:function` that runs it."""
    sub: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help=help,
        description=help[0].upper() + help[1:] + ".",
        epilog="examples:\n" + examples,
        parents=parents,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub.set_defaults(run=run)
    return sub
