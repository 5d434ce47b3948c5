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
        (("reps = 8", 'reps = "eight"'), 9, "`reps` to be a whole number 1-100"),
        (("reps = 8", "reps = 0"), 9, "`reps` to be a whole number 1-100"),
        (("counts = 3", "counts = 0"), 17, "`counts` to be a whole number"),
        (("counts = 3", 'counts = "slow"'), 17, "'breath', 'stretch', 'rest'"),
        (('cue = "exhale"', 'cue = "jump"'), 16, "`cue` to be one of inhale, exhale, hold, return"),
        (('sides = ["left", "right"]', 'sides = ["up"]'), 8, '`sides` to be a list of "left"/"right"'),
        (('type = "exercise"', 'type = "dance"'), 5, "`type` to be one of"),
        (("schema = 1", "schema = 3"), 1, "expected schema = 2"),
        (('name = "clamshell"\n', ""), 4, "a record in `blocks` has no `name`"),
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
    assert str(caught.value).startswith("mine.toml, line 9: expected `reps`")


def test_the_readme_example_is_a_valid_programme() -> None:
    from pathlib import Path

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    blocks = [part.split("```", 1)[0] for part in readme.split("```toml\n")[1:]]
    example = next(block for block in blocks if "\nname = " in block)  # the programme file
    programme = parse_programme(example, "README.md")
    assert programme.name == "short-clams"


TIMED = """\
schema = 2
name = "timed"

[[blocks]]
type = "prepare"
seconds = 8

[[blocks]]
type = "exercise"
exercise = "squat"
name = "squat"
reps = 2
position = "back against the wall"

[[blocks.pattern]]
cue = "inhale"
counts = 2

[[blocks]]
type = "rest"
counts = 4

[[blocks]]
type = "stretch"
exercise = "reach"
name = "reach"
group = "hamstrings"
sides = ["left", "right"]
seconds = 3
position = "Sit on the floor"
change_sides = "Swap legs"
"""


def test_a_file_says_which_steps_are_counted_and_which_are_timed() -> None:
    from glutewake.core.cue_names import Cue
    from glutewake.core.settings import Settings
    from glutewake.core.timeline import compile_timeline

    timeline = compile_timeline(parse_programme(TIMED, "timed.toml"), Settings(count_seconds=0.5))
    lengths = [(str(s.cue), s.counts, s.seconds) for s in timeline.steps if s.rep in (None, 1)]
    assert lengths == [
        ("prepare", None, 8.0),
        ("inhale", 2, 1.0),
        ("rest", 4, 2.0),
        ("transition", None, 5.0),
        ("stretch", None, 3.0),
        ("transition", None, 5.0),
        ("stretch", None, 3.0),
    ]
    squat = next(s for s in timeline.steps if s.cue == Cue.INHALE)
    assert squat.position == "back against the wall"
    transitions = [s for s in timeline.steps if s.cue == Cue.TRANSITION]
    assert [t.position for t in transitions] == ["Sit on the floor", "Swap legs"]


def test_an_old_file_in_counts_still_loads_and_keeps_its_meaning() -> None:
    from glutewake.core.settings import Settings
    from glutewake.core.timeline import compile_timeline

    old = GOOD + '\n[[blocks]]\ntype = "stretch"\nexercise = "x"\nname = "x"\ngroup = "g"\ncounts = 20\n'
    old += '\n[[blocks]]\ntype = "rest"\ncounts = "rest"\n'
    old += '\n[[blocks]]\ntype = "stretch"\nexercise = "y"\nname = "y"\ngroup = "g"\ncounts = "stretch"\n'
    timeline = compile_timeline(parse_programme(old, "old.toml"), Settings(count_seconds=0.5))
    timed = [(str(s.cue), s.counts, s.seconds) for s in timeline.steps if not s.is_rep]
    # 20 counts stay counts (10 s at 0.5 s a count); "rest" and "stretch" follow the settings'
    # seconds, as 1.0's counts of them do once its settings are read.
    assert timed == [
        ("switch", None, 10.0),
        ("transition", None, 5.0),
        ("stretch", 20, 10.0),
        ("rest", None, 10.0),
        ("transition", None, 5.0),
        ("stretch", None, 30.0),
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("counts = 2\n", "seconds = 2\n"), "beats are measured in counts"),
        (("seconds = 8\n", "seconds = 8\ncounts = 8\n"), "expected counts or seconds, found both"),
        (("seconds = 8\n", ""), "expected counts or seconds, found neither"),
        (("seconds = 3\n", 'seconds = "breath"\n'), "'stretch', 'rest'"),
        (("seconds = 3\n", "seconds = 601\n"), "`seconds` to be a whole number 1-600"),
        (('position = "back against the wall"', "position = 3"), "`position` to be text"),
    ],
)
def test_mistakes_in_lengths_are_named(change: tuple[str, str], expected: str) -> None:
    found = problems(TIMED.replace(*change))
    assert any(expected in message for _, message in found), found
