"""`@frozen` value classes behave like frozen dataclasses: equality, hashing, repr, copies."""

from __future__ import annotations

import copy
import datetime as dt
import pickle

import pytest

from glutewake.core.frozen import FrozenInstanceError, field, field_names, frozen, replace
from glutewake.core.records import RestDay
from glutewake.core.settings import Profile, Settings


@frozen
class Point:
    """A point with a label."""

    x: int
    y: int = 0
    tags: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.x < 0:
            raise ValueError("x must not be negative")

    @property
    def total(self) -> int:
        return self.x + self.y


def test_fields_defaults_and_methods() -> None:
    point = Point(1, tags=("a",))
    assert (point.x, point.y, point.tags, point.total) == (1, 0, ("a",), 1)
    assert field_names(Point) == ("x", "y", "tags")
    assert repr(point) == "Point(x=1, y=0, tags=('a',))"
    assert Point.__doc__ == "A point with a label."
    assert not hasattr(point, "__dict__")


def test_equality_and_hash_by_value_and_class() -> None:
    assert Point(1, 2) == Point(1, 2) and hash(Point(1, 2)) == hash(Point(1, 2))
    assert Point(1, 2) != Point(2, 1)
    assert len({Point(1, 2), Point(1, 2), Point(3)}) == 2

    @frozen
    class Other:
        x: int
        y: int = 0
        tags: tuple[str, ...] = ()

    assert Point(1) != Other(1)


def test_fields_cannot_change() -> None:
    point = Point(1)
    with pytest.raises(FrozenInstanceError):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del point.y  # type: ignore[misc]
    assert isinstance(FrozenInstanceError(), AttributeError)


def test_post_init_checks_and_replace_checks_again() -> None:
    with pytest.raises(ValueError, match="negative"):
        Point(-1)
    point = Point(1, 2)
    assert replace(point, y=5) == Point(1, 5) and point == Point(1, 2)
    with pytest.raises(ValueError, match="negative"):
        replace(point, x=-1)
    with pytest.raises(TypeError, match="no field z"):
        replace(point, z=1)


def test_a_fresh_default_each_time() -> None:
    first, second = Profile(), Profile()
    assert first.settings == Settings() and first == second


def test_copies_and_pickles_equal_the_original() -> None:
    point = Point(4, 5, ("t",))
    for made in (copy.copy(point), copy.deepcopy(point), pickle.loads(pickle.dumps(point))):
        assert made == point and type(made) is Point
    rest = RestDay("id", dt.date(2026, 1, 2))
    assert pickle.loads(pickle.dumps(rest)) == rest


def test_match_by_position() -> None:
    match Point(3, 4):
        case Point(x, y):
            assert (x, y) == (3, 4)
        case _:
            pytest.fail("did not match")


def test_each_vocabulary_is_its_literal_type() -> None:
    # records.py spells each Literal for mypy and its words as a tuple for run time.
    import ast
    import inspect
    import typing

    from glutewake.core import records

    spelled = {}
    for node in ast.walk(ast.parse(inspect.getsource(records))):
        value = getattr(node, "value", None)
        if (
            isinstance(node, ast.Assign)
            and isinstance(value, ast.Subscript)
            and isinstance(value.slice, ast.Tuple)
        ):
            (target,) = node.targets
            spelled[ast.unparse(target)] = ast.literal_eval(value.slice)
    assert spelled == records.VOCABULARIES
    for name, words in records.VOCABULARIES.items():
        assert typing.get_args(getattr(records, name)) == words


def test_the_dataclasses_functions_accept_frozen_classes() -> None:
    import dataclasses

    point = Point(1, 2, ("t",))
    assert dataclasses.is_dataclass(point)
    assert dataclasses.replace(point, y=7) == Point(1, 7, ("t",))
    assert [(f.name, f.default) for f in dataclasses.fields(Point)][:2] == [
        ("x", dataclasses.MISSING),
        ("y", 0),
    ]
    assert dataclasses.asdict(point) == {"x": 1, "y": 2, "tags": ("t",)}
    assert dataclasses.replace(Profile(), phase="advanced").phase == "advanced"
    with pytest.raises(ValueError, match="negative"):
        dataclasses.replace(point, x=-1)


def test_init_is_compiled_when_the_first_instance_is_made() -> None:
    # Importing a module of value classes compiles none of their constructors.
    import inspect

    @frozen
    class Late:
        a: int
        b: int = 2

    assert list(inspect.signature(Late.__init__).parameters) == ["self", "args", "kwargs"]
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'a'"):
        Late()  # type: ignore[call-arg]  # the first call checks its arguments as later ones do
    assert list(inspect.signature(Late.__init__).parameters) == ["self", "a", "b"]
    assert Late(1) == Late(a=1, b=2) and repr(Late(3, 4)) == "Late(a=3, b=4)"
    with pytest.raises(TypeError, match="unexpected keyword argument 'c'"):
        Late(1, c=3)  # type: ignore[call-arg]
