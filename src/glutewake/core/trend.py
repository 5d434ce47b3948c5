"""Which way a series of pain scores is going, computed from all of it.

The direction comes from the least-squares line through the scores (oldest first, one step
apart): it is `rising` or `falling` only when that line moves by at least one point over the
series and follows the scores closely enough (it explains at least half of their variation,
R² >= 0.5). Otherwise the scores are `steady` when they stay within one point of each other,
and `up and down` when they do not. A single jump does not make a trend: 0, 8, 5, 5, 4 is up
and down, not rising.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

Direction = Literal["rising", "falling", "steady", "up and down", ""]
MIN_CHANGE = 1.0  # points the fitted line must move over the series
MIN_FIT = 0.5  # the share of the variation the line must explain (R²)
STEADY_SPREAD = 1  # the most the scores may differ and still be steady


def direction(scores: Sequence[int]) -> Direction:
    """The trend of `scores`, oldest first; "" for fewer than two."""
    count = len(scores)
    if count < 2:
        return ""
    mean_x = (count - 1) / 2
    mean_y = sum(scores) / count
    spread_x = sum((x - mean_x) ** 2 for x in range(count))
    spread_y = sum((y - mean_y) ** 2 for y in scores)
    covariance = sum((x - mean_x) * (y - mean_y) for x, y in enumerate(scores))
    slope = covariance / spread_x
    change = slope * (count - 1)
    # R² of a least-squares line is covariance² / (spread_x · spread_y).
    fits = spread_y > 0 and covariance**2 >= MIN_FIT * spread_x * spread_y
    if abs(change) >= MIN_CHANGE and fits:
        return "rising" if change > 0 else "falling"
    if max(scores) - min(scores) <= STEADY_SPREAD:
        return "steady"
    return "up and down"
