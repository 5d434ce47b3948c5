"""Derived files (the summary cache, the status snapshot) are replaced atomically but not
flushed to disk: a power cut can only leave one the readers reject and rebuild."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from glutewake.store.files import atomic_write


@pytest.mark.parametrize(("durable", "flushes"), [(True, 2), (False, 0)])
def test_only_durable_writes_flush(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, durable: bool, flushes: int
) -> None:
    calls: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append(fd), real(fd))[1])
    path = tmp_path / "file"
    path.write_bytes(b"old")
    atomic_write(path, b"new", durable=durable)
    assert path.read_bytes() == b"new"
    assert len(calls) == flushes
    assert [p.name for p in tmp_path.iterdir()] == ["file"]
