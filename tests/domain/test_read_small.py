"""Reading a cache file before the first paint (``paths.read_small``): whatever lies where
the file should be, start-up neither waits for ever nor fills its memory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from followup.paths import read_small


def test_a_plain_file_within_the_bound_is_read_whole(tmp_path: Path) -> None:
    kept = tmp_path / "kept"
    kept.write_bytes(b"x" * 100)
    assert read_small(kept, 100) == b"x" * 100
    assert read_small(kept, 99) is None  # larger than asked for: not read at all


@pytest.mark.parametrize("kind", ["missing", "folder", "pipe", "endless device", "link"])
def test_anything_else_is_no_file_and_never_blocks(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "kept"
    if kind == "folder":
        path.mkdir()
    elif kind == "pipe":
        os.mkfifo(path)  # opened to read, an ordinary open would wait for a writer
    elif kind == "endless device":
        path.symlink_to("/dev/zero")  # read to its end, it never ends
    elif kind == "link":
        target = tmp_path / "elsewhere"
        target.write_bytes(b"data")
        path.symlink_to(target)
    assert read_small(path, 1024) is None


@pytest.mark.parametrize("mode", [0o666, 0o620, 0o602])
def test_a_file_others_may_write_is_not_read(tmp_path: Path, mode: int) -> None:
    """The app reads marshal from its kept files: only from one no one else could have
    written (the checker's model checked this alone; Today's copy and the icons did not)."""
    kept = tmp_path / "kept"
    kept.write_bytes(b"x" * 10)
    kept.chmod(mode)
    assert read_small(kept, 100) is None
    kept.chmod(0o600)
    assert read_small(kept, 100) == b"x" * 10
