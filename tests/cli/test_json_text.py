"""`plan --json`, `history --json` and `export --format json` are written without the json
package (it loads `re` and `enum` at every start): the same text json.dumps writes."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glutewake.core import json_text
from glutewake.core.json_text import dumps, loads

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
KEYS = st.text() | st.integers() | st.floats() | st.booleans() | st.none()
DOCUMENTS = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.tuples(inner, inner) | st.dictionaries(KEYS, inner, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=300)
@given(DOCUMENTS, st.sampled_from([None, 0, 1, 2, 4]), st.booleans())
def test_any_document_is_written_as_json_dumps_writes_it(
    value: object, indent: int | None, ascii: bool
) -> None:
    assert dumps(value, indent, ensure_ascii=ascii) == json.dumps(value, indent=indent, ensure_ascii=ascii)


def test_nested_empty_and_indented_containers_match_json() -> None:
    value = {"sets": [], "plan": {}, "steps": [{"cue": "inhale", "seconds": 1.5, "text": "Breathe in · ü"}]}
    for indent in (None, 1):
        assert dumps(value, indent) == json.dumps(value, indent=indent, ensure_ascii=False)
    assert dumps(value, 1).startswith('{\n "sets": [],\n "plan": {},\n "steps": [\n  {\n   "cue"')


def test_a_big_unindented_document_goes_to_json_and_says_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    value = {"sessions": [{"id": str(n), "done": n % 2 == 0} for n in range(5)]}
    monkeypatch.setattr(json_text, "BIG", 3)
    assert dumps(value, records=5) == dumps(value) == json.dumps(value, ensure_ascii=False)


@pytest.mark.parametrize("value", [{1, 2}, b"bytes", object(), {(1, 2): "tuple key"}])
def test_what_json_cannot_write_is_a_type_error_here_too(value: object) -> None:
    with pytest.raises(TypeError):
        json.dumps(value)
    with pytest.raises(TypeError):
        dumps(value)


@settings(max_examples=200)
@given(st.lists(st.lists(st.text() | st.integers() | st.floats() | st.none(), max_size=5), max_size=5))
def test_the_export_csv_writer_writes_what_csv_writer_writes(rows: list[list[object]]) -> None:
    import csv
    import io

    from glutewake.cli.export import csv_writer

    ours, theirs = io.StringIO(), io.StringIO()
    csv_writer(ours).writerows(rows)
    csv.writer(theirs, lineterminator="\r\n").writerows(rows)
    assert ours.getvalue() == theirs.getvalue()


READABLE = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=25,
)
SPACE = st.text(st.sampled_from(" \t\n\r"), max_size=3)


def read_both(text: str) -> tuple[object, object]:
    """What loads and json.loads make of text: the value, or the error's type and message."""
    results = []
    for read in (loads, json.loads):
        try:
            results.append(read(text))
        except ValueError as error:
            results.append((type(error), str(error)))
    return results[0], results[1]


@settings(max_examples=300)
@given(READABLE, st.sampled_from([None, 1]), SPACE, SPACE)
def test_any_json_text_is_read_as_json_loads_reads_it(
    value: object, indent: int | None, before: str, after: str
) -> None:
    text = before + json.dumps(value, indent=indent, ensure_ascii=False) + after
    ours, theirs = read_both(text)
    assert ours == theirs == value


@settings(max_examples=300)
@given(
    st.text(st.sampled_from('{}[]",:0123456789.-+eE \ntrufalsn\\\ufeffNIa'), max_size=20)
    | st.text(max_size=20)
)
def test_broken_json_text_fails_as_json_loads_fails(text: str) -> None:
    ours, theirs = read_both(text)
    assert ours == theirs or json.dumps(ours) == json.dumps(theirs)  # NaN is not equal to itself


@pytest.mark.parametrize("text", ["", "\ufeff{}", "{} x", '{"a": }', "[1,]", "nul", " [1] [2]"])
def test_what_json_loads_refuses_is_refused_with_its_own_error(text: str) -> None:
    with pytest.raises(json.JSONDecodeError) as theirs:
        json.loads(text)
    with pytest.raises(json.JSONDecodeError) as ours:
        loads(text)
    assert (ours.value.msg, ours.value.pos) == (theirs.value.msg, theirs.value.pos)
