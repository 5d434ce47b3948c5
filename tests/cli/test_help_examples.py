"""Every command's --help ends with examples, and each example is a command line that parses."""

from __future__ import annotations

import argparse
import shlex
from collections.abc import Iterator

import pytest

from glutewake.cli.parser import build_parser


def commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """The parser and every sub-parser below it (nested ones too), by command path."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from commands(sub, (*path, name))


ALL = [pytest.param(path, id=" ".join(path) or "glutewake") for path, _ in commands(build_parser())]


def test_every_command_is_listed() -> None:
    found = {" ".join(path) for path, _ in commands(build_parser())}
    assert {
        "",
        "plan",
        "programme show",
        "programme check",
        "log",
        "history",
        "status",
        "export",
        "import",
        "report",
    } <= found


@pytest.mark.parametrize("path", ALL)
def test_help_has_examples_that_parse(path: tuple[str, ...]) -> None:
    parser = dict(commands(build_parser()))[path]
    text = parser.format_help()
    assert "examples:" in text
    examples = [
        line.strip()
        for line in text.split("examples:", 1)[1].splitlines()
        if line.strip().startswith("glutewake")
    ]
    assert examples, f"no 'glutewake …' example in the help of {' '.join(path) or 'glutewake'}"
    runs = []
    for example in examples:
        # Only the command itself: not a pipe, a redirection or the words after two spaces.
        command = example.split("  ")[0].split("|")[0].split(">")[0]
        words = shlex.split(command)[1:]
        build_parser().parse_args(words)  # an example that no longer parses exits here
        runs.append(words[: len(path)] == list(path))
    assert any(runs), f"no example runs {' '.join(path)}"


@pytest.mark.parametrize("asked", [["--help"], ["-h"], ["--data-dir", "/nowhere", "--help"]], ids=" ".join)
def test_the_top_level_help_built_without_the_commands_is_the_whole_parsers_help(asked: list[str]) -> None:
    from glutewake.cli.parser import COMMANDS, SUMMARIES

    assert list(SUMMARIES) == list(COMMANDS)  # each command has its line, in the same order
    light = build_parser(asked)
    choices = [a for a in light._actions if isinstance(a, argparse._SubParsersAction)][0].choices
    assert choices.keys() == SUMMARIES.keys()
    # the light way indeed: each command's line only, none of its options
    assert all(not parser._actions for parser in choices.values())
    assert light.format_help() == build_parser().format_help()
