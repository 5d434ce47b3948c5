"""Record ids: one small function every writer needs, without the records' module."""

from __future__ import annotations

import os


def new_id() -> str:
    """A unique record id: 128 random bits as 32 hex digits (like uuid4().hex, without the
    cost of importing uuid on every command's start)."""
    return os.urandom(16).hex()
