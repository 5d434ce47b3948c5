"""Pain trends: the direction comes from the least-squares line through every score."""

from __future__ import annotations

import pytest

from glutewake.core.trend import direction


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ((8, 7, 5, 4, 2), "falling"),
        ((6, 5), "falling"),
        ((9, 9, 8, 6, 6, 5, 3), "falling"),
        ((1, 2, 4, 5, 7), "rising"),
        ((3, 4), "rising"),
        ((0, 1, 1, 2, 3, 3, 4), "rising"),
        ((4, 4, 4, 4), "steady"),
        ((4, 5, 4, 5, 4), "steady"),
        ((2, 2), "steady"),
        ((0, 8, 5, 5, 4), "up and down"),  # one jump, then easing: not "rising"
        ((2, 7, 2, 7, 2, 7), "up and down"),
        ((5, 1, 6, 2, 5), "up and down"),
        ((3,), ""),
        ((), ""),
    ],
)
def test_direction_follows_the_whole_series(scores: tuple[int, ...], expected: str) -> None:
    assert direction(scores) == expected


def test_first_and_last_alone_do_not_decide() -> None:
    # Last minus first is +4 here, yet most of the series falls after the jump.
    assert direction((0, 8, 7, 6, 5, 4)) != "rising"
    # Last equals first, but the scores climb all the way and drop once at the end.
    assert direction((3, 4, 5, 6, 7, 8, 3)) != "steady"


def test_a_small_drift_is_steady_not_a_trend() -> None:
    assert direction((4, 4, 4, 4, 4, 4, 4, 4, 5)) == "steady"
