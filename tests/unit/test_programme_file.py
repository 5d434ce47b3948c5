from __future__ import annotations

import pytest

from glutewake.core.programme import ProgrammeFileError, parse_programme
from glutewake.programmes import builtin_text

GOOD = """\
schema = 1
name = "mine"

[[blocks]]
type = "exercise"
exercise = "clam"
name = "clamshell"
sides = ["left", "right"]
reps = 8

[[blocks.pattern]]
cue = "inhale"
counts = "breath"

[[blocks.pattern]]
cue = "exhale"
counts = 3
"""


def problems(text: str) -> list[tuple[int | None, str]]:
    with pytest.raises(ProgrammeFileError) as caught:
        parse_programme(text, "mine.toml")
    return [(p.line, p.message) for p in caught.value.problems]


def test_a_good_file_parses() -> None:
    programme = parse_programme(GOOD, "mine.toml")
    assert programme.name == "mine"
    assert programme.blocks[0].reps == 8


@pytest.mark.parametrize("name", ["beginner", "advanced", "stretches"])
def test_every_builtin_is_a_valid_programme_file(name: str) -> None:
    assert parse_programme(builtin_text(name), name).name == name


def test_invalid_toml_names_its_line() -> None:
    [(line, message)] = problems(GOOD.replace("reps = 8", "reps = = 8"))
    assert line == 9
    assert "not valid TOML" in message


@pytest.mark.parametrize(
    ("change", "line", "expected"),
    [
        (("reps = 8", 'reps = "eight"'), 9, "reps to be a whole number 1-100"),
        (("reps = 8", "reps = 0"), 9, "reps to be a whole number 1-100"),
        (("counts = 3", "counts = 0"), 17, "counts to be a whole number"),
        (("counts = 3", 'counts = "slow"'), 17, "'breath', 'stretch', 'rest'"),
        (('cue = "exhale"', 'cue = "jump"'), 16, "cue to be one of inhale, exhale, hold, return"),
        (('sides = ["left", "right"]', 'sides = ["up"]'), 8, 'sides to be a list of "left"/"right"'),
        (('type = "exercise"', 'type = "dance"'), 5, "type to be one of"),
        (("schema = 1", "schema = 2"), 1, "expected schema = 1"),
        (('name = "clamshell"\n', ""), 4, "expected a text value for 'name'"),
    ],
)
def test_each_kind_of_mistake_gives_its_line(change: tuple[str, str], line: int, expected: str) -> None:
    found = problems(GOOD.replace(*change))
    assert any(at == line and expected in m for at, m in found), found


def test_every_problem_is_reported_not_just_the_first() -> None:
    text = GOOD.replace("reps = 8", "reps = -1").replace("counts = 3", "counts = 9999")
    found = problems(text)
    assert len(found) == 2
    assert [line for line, _ in found] == [9, 17]


def test_a_file_with_no_blocks_is_refused() -> None:
    found = problems('schema = 1\nname = "empty"\n')
    assert "at least one [[blocks]]" in found[0][1]


def test_error_message_names_file_line_and_what_was_expected() -> None:
    with pytest.raises(ProgrammeFileError) as caught:
        parse_programme(GOOD.replace("reps = 8", "reps = 500"), "mine.toml")
    assert str(caught.value).startswith("mine.toml, line 9: expected reps")


def test_the_readme_example_is_a_valid_programme() -> None:
    from pathlib import Path

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    programme = parse_programme(example, "README.md")
    assert programme.name == "short-clams"
