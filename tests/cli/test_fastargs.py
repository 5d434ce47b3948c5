"""A plain command line read without argparse gives exactly argparse's namespace, and
anything unusual is left to argparse (help, errors, abbreviations, …)."""

from __future__ import annotations

import argparse
import contextlib
import io
import shlex
from collections.abc import Iterator

import pytest

from glutewake.cli import fastargs, options
from glutewake.cli.fastargs import parse
from glutewake.cli.parser import build_parser


def examples(parser: argparse.ArgumentParser) -> Iterator[list[str]]:
    """The command lines of every help text's examples, nested commands' too."""
    for line in (parser.epilog or "").splitlines():
        if line.strip().startswith("glutewake"):
            command = line.strip().split("  ")[0].split("|")[0].split(">")[0]
            yield shlex.split(command)[1:]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from examples(sub)


PLAIN = [
    "plan beginner --json",
    "--data-dir /tmp/d plan beginner",
    "--data-dir=/tmp/d plan advanced --json --count-seconds 0.5",
    "--count-seconds 2 plan my.toml",
    "plan --data-dir /tmp/e --json beginner",
    "--data-dir /tmp/d plan --data-dir /tmp/e beginner",
    "programme show beginner",
    "--data-dir /tmp/d programme check own.toml",
    "programme --data-dir /tmp/d check own.toml",
    "programme check --data-dir /tmp/d own.toml",
    "log --activity swimming --minutes 30",
    "log --rest --date 2026-11-20",
    "log --programme beginner",
    "log --morning worse --pain 4",
    "log --activity=walking --minutes=20 --data-dir /tmp/d",
    "history",
    "history --json",
    "status",
    "status --json",
    "status --format {streak}d",
    "export --format csv",
    "export --format json --output /tmp/x.json",
    "import backup.json",
    "repair",
    "delete " + "0" * 32,
    "report --format md --output -",
    "report --weeks 12 --format md",
    "report",
    "settings",
    "settings count_seconds",
    "settings rest_seconds 15",
    "settings --data-dir /tmp/d spoken_cues on",
    "sound",
]
UNUSUAL = [
    "",
    "--help",
    "-h",
    "--version",
    "plan",
    "plan --help",
    "plan beginner extra",
    "plan beginner --js",  # an abbreviation: argparse's to allow
    "plan --json --json beginner",
    "plan -- beginner",
    "plan beginner --count-seconds 99",
    "plan beginner --count-seconds x",
    "plan beginner --json=yes",
    "--data-dir",
    "nosuchcommand",
    "programme",
    "programme list",
    "programme show",
    "log",
    "log --rest --programme beginner",
    "log --minutes -5 --activity swimming",
    "log --activity",
    "export",
    "export --format xml",
    "report --weeks 0",
    "report --weeks many",
    "settings a --json",
    "settings key --data-dir /tmp/d value",  # positionals split by an option: argparse's rules
    "settings a b c",
    "status --json --format x",
    "status --format -x",
    "--data-dir /tmp/d",
    "--programme-file own.toml",
]


def argparse_reading(words: list[str]) -> dict[str, object] | str:
    """argparse's namespace as a dict, or "exit N" when it stops (help, an error)."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            return vars(build_parser(words).parse_args(words))
        except SystemExit as stop:
            return f"exit {stop.code}"


CORPUS = sorted(
    {" ".join(shlex.quote(w) for w in words) for words in examples(build_parser())}
    | set(PLAIN)
    | set(UNUSUAL)
)


@pytest.mark.parametrize("line", CORPUS)
def test_what_is_read_without_argparse_is_what_argparse_reads(line: str) -> None:
    words = shlex.split(line)
    fast = parse(words)
    if fast is not None:
        assert vars(fast) == argparse_reading(words)


@pytest.mark.parametrize("line", PLAIN)
def test_a_plain_command_line_is_read_without_argparse(line: str) -> None:
    assert parse(shlex.split(line)) is not None


@pytest.mark.parametrize("line", UNUSUAL)
def test_anything_unusual_is_left_to_argparse(line: str) -> None:
    assert parse(shlex.split(line)) is None


def test_the_suppress_marker_is_argparse_s() -> None:
    assert options.SUPPRESS == fastargs.SUPPRESS == argparse.SUPPRESS


def test_a_command_described_in_a_way_not_read_here_goes_to_argparse(monkeypatch: pytest.MonkeyPatch) -> None:
    from glutewake.cli import plan

    real = plan.add_parser

    def with_a_list(subparsers, parents):  # type: ignore[no-untyped-def]
        real(subparsers, parents)
        subparsers.commands["plan"].add_argument("--tag", action="append")

    monkeypatch.setattr(plan, "add_parser", with_a_list)
    assert parse(["plan", "beginner"]) is None
