"""How the player shares a window: the rep number first, the cue next, the rest gives way.

Pure arithmetic on the window size (no Textual): the block scales depend only on the
size, so nothing jumps from cue to cue; which of the lines that give way are shown
depends on how many rows they need now.
"""

from __future__ import annotations

from dataclasses import dataclass

from glutewake.app.widgets import big_font

# The smallest window every screen works in (measured: see tests/app/test_too_small.py).
MIN_WIDTH, MIN_HEIGHT = 60, 20
# Rows around the stage: the top line, the stage's border, the session bar.
CHROME_ROWS = 4
# Shares of the stage's rows the rep number and the cue may take.
NUMBER_SHARE = 0.43
CUE_SHARE = 0.24
# The number the scale is sized for (two digits: a rep or a countdown under a minute;
# a wider one, `1:05`, is drawn a scale smaller when it must) and room for its label.
SIZED_FOR = "00"
LABEL_COLUMNS = 16
# Lines that give way, the first kept longest.
EXTRAS = ("working", "how", "reminder", "next")
MAX_GAP = 3


@dataclass(frozen=True)
class StagePlan:
    """Scales of the two block texts and the rows the stage has left for everything else."""

    number_scale: int
    cue_scale: int
    inner_width: int
    stage_rows: int

    @property
    def essential_rows(self) -> int:
        """The cue (block and phrase), the number and the breath bar."""
        return big_font.rows(self.cue_scale) + 1 + big_font.rows(self.number_scale) + 1


def padding(width: int) -> int:
    """Columns of air each side inside the stage's border."""
    return 4 if width >= 120 else 2


def largest_scale(rows_allowed: float, scales: range | tuple[int, ...]) -> int:
    """The largest of `scales` whose rows fit `rows_allowed` (at least the first)."""
    fitting = [scale for scale in scales if big_font.rows(scale) <= rows_allowed]
    return max(fitting, default=scales[0])


def number_scales(high: int) -> tuple[int, ...]:
    """2, 3, 4, then even scales only: a pixel on whole rows keeps the digits' edges sharp."""
    return tuple(scale for scale in range(2, max(2, high) + 1) if scale <= 4 or scale % 2 == 0)


def stage_plan(width: int, height: int, key_rows: int = 1) -> StagePlan:
    """The plan for a `width`×`height` window whose key line takes `key_rows`."""
    inner = width - 2 - 2 * padding(width)
    stage = height - CHROME_ROWS - key_rows
    widest = max(2, (inner - LABEL_COLUMNS) // (big_font.width(SIZED_FOR) + 2))
    number = largest_scale(stage * NUMBER_SHARE, number_scales(widest))
    cue = largest_scale(stage * CUE_SHARE, range(1, number))
    return StagePlan(number, cue, inner, stage)


@dataclass(frozen=True)
class Fill:
    """Which lines that give way are shown, and the blank rows between the blocks."""

    shown: frozenset[str]
    band: int
    gaps: tuple[int, int, int, int]
    """After the cue's band, after the number, before the breath bar, after it."""


def fill(plan: StagePlan, needs: dict[str, int], breath: bool = True) -> Fill:
    """Keep the lines of `needs` (name → rows, 0 when empty) in `EXTRAS` order while they fit.

    The rows left become air: first padding inside the cue's band, then gaps between
    the blocks (at most `MAX_GAP` each), the first gaps first.
    """
    left = plan.stage_rows - plan.essential_rows + (0 if breath else 1)
    shown = set()
    for name in EXTRAS:
        rows = needs.get(name, 0)
        if rows and rows <= left:
            shown.add(name)
            left -= rows
        elif rows:
            break
    # A row of air between the cue and the number comes before the cue's band.
    band = 1 if left >= 3 else 0
    left -= 2 * band
    slots = 4
    gaps = [min(MAX_GAP, left // slots + (1 if slot < left % slots else 0)) for slot in range(slots)]
    return Fill(frozenset(shown), band, (gaps[0], gaps[1], gaps[2], gaps[3]))
