"""The terminal sizes every snapshot is taken at: the smallest supported, and a large one."""

from __future__ import annotations

import pytest

SMALLEST = (80, 24)
LARGE = (160, 45)
SIZES = [pytest.param(SMALLEST, id="80x24"), pytest.param(LARGE, id="160x45")]
