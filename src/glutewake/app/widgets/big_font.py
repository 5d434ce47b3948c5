"""A 5-pixel-high block font drawn with half blocks, scaled by whole multiples.

For the cue and the rep number, readable from the far side of a room. A pixel is
`scale` columns wide and `scale` half rows tall (square on a usual terminal), so a
line is `rows(scale)` terminal rows: 3, 5, 8, 10, 13, 15 … Only capitals, digits and
the signs cues use are drawn; `fits` says whether a text can be drawn at all.
Rendering is cached: a glyph block is built once per text and scale, not per frame.
"""

from __future__ import annotations

from functools import lru_cache

_GLYPHS = """
A .###. #...# ##### #...# #...#
B ####. #...# ####. #...# ####.
C .#### #.... #.... #.... .####
D ####. #...# #...# #...# ####.
E ##### #.... ####. #.... #####
F ##### #.... ####. #.... #....
G .#### #.... #..## #...# .####
H #...# #...# ##### #...# #...#
I ### .#. .#. .#. ###
J ..### ...#. ...#. #..#. .##..
K #...# #..#. ###.. #..#. #...#
L #.... #.... #.... #.... #####
M #...# ##.## #.#.# #...# #...#
N #...# ##..# #.#.# #..## #...#
O .###. #...# #...# #...# .###.
P ####. #...# ####. #.... #....
Q .###. #...# #.#.# #..#. .##.#
R ####. #...# ####. #..#. #...#
S .#### #.... .###. ....# ####.
T ##### ..#.. ..#.. ..#.. ..#..
U #...# #...# #...# #...# .###.
V #...# #...# #...# .#.#. ..#..
W #...# #...# #.#.# ##.## #...#
X #...# .#.#. ..#.. .#.#. #...#
Y #...# .#.#. ..#.. ..#.. ..#..
Z ##### ...#. ..#.. .#... #####
0 .###. #...# #...# #...# .###.
1 .#. ##. .#. .#. ###
2 ####. ....# .###. #.... #####
3 ####. ....# .###. ....# ####.
4 #..#. #..#. ##### ...#. ...#.
5 ##### #.... ####. ....# ####.
6 .###. #.... ####. #...# .###.
7 ##### ....# ...#. ..#.. ..#..
8 .###. #...# .###. #...# .###.
9 .###. #...# .#### ....# .###.
· . . # . .
— ..... ..... ##### ..... .....
… ..... ..... ..... ..... #.#.#
- ... ... ### ... ...
: . # . # .
/ ....# ...#. ..#.. .#... #....
"""

GLYPHS: dict[str, tuple[str, ...]] = {
    line[0]: tuple(line[2:].split()) for line in _GLYPHS.strip().splitlines()
}
GLYPHS[" "] = ("..",) * 5
PIXELS = 5
# Upper pixel, lower pixel → the half block that shows both.
_HALVES = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def fits(text: str) -> bool:
    """Whether every character of `text` has a glyph."""
    return bool(text) and all(char in GLYPHS for char in text)


def rows(scale: int = 1) -> int:
    """Terminal rows one line of block letters takes at `scale`."""
    return -(-PIXELS * scale // 2)


def width(text: str, scale: int = 1) -> int:
    """Columns `text` takes at `scale`: each glyph and one pixel between neighbours."""
    pixels = sum(len(GLYPHS[char][0]) for char in text) + max(0, len(text) - 1)
    return pixels * scale


@lru_cache(maxsize=256)
def render(text: str, scale: int = 1) -> tuple[str, ...]:
    """`text` as `rows(scale)` rows of half blocks, every row `width(text, scale)` wide."""
    pixels = [""] * PIXELS
    for index, char in enumerate(text):
        glyph = GLYPHS[char]
        for row in range(PIXELS):
            pixels[row] += ("." if index else "") + glyph[row]
    halves = ["".join(pixel * scale for pixel in row) for row in pixels for _ in range(scale)]
    if len(halves) % 2:
        halves.append(" " * len(halves[0]))
    return tuple(
        "".join(
            _HALVES[top == "#", bottom == "#"]
            for top, bottom in zip(halves[pair], halves[pair + 1], strict=True)
        )
        for pair in range(0, len(halves), 2)
    )
