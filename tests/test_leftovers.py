"""The end-of-run check for processes left behind really sees them (tests/leftovers.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from tests.leftovers import living_children, survivors


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and subreapers: Linux")
def test_an_orphaned_grandchild_is_seen_and_nothing_else_is_running() -> None:
    # The shell starts a sleep in the background and exits at once: the sleep is orphaned,
    # the way Xvfb was when xvfb-run died. It must come back to us, not vanish into init.
    shell = subprocess.run(
        ["sh", "-c", "sleep 30 >/dev/null 2>&1 & echo $!"],
        capture_output=True,
        text=True,
        check=True,
    )
    orphan = int(shell.stdout)
    try:
        assert any(line.split()[0] == str(orphan) for line in living_children())
    finally:
        os.kill(orphan, signal.SIGKILL)
    assert not any(line.split()[0] == str(orphan) for line in survivors(grace=2))
