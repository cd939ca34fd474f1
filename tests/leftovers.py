"""Processes a test run leaves behind.

The test process makes itself a "child subreaper" (Linux): a process a test started that
outlives its parent (Xvfb after ``xvfb-run`` died, a daemon that forked into the
background) is handed to the test process instead of to init, so it stays visible here.
At the end of the run every living child is a process some test forgot to stop.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
import time
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36


def adopt_orphans() -> bool:
    """Become the subreaper of everything this process starts; False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _reap() -> None:
    """Collect children that already exited (orphans handed to us become zombies)."""
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def living_children(pid: int | None = None) -> list[str]:
    """``pid command line`` of each living direct child of ``pid`` (default: this process)."""
    parent = os.getpid() if pid is None else pid
    found: list[str] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            stat = (entry / "stat").read_text()
            # "pid (comm) state ppid ...": comm may hold spaces and parentheses.
            state, ppid = stat[stat.rindex(")") + 2 :].split()[:2]
            if int(ppid) != parent or state == "Z":
                continue
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").strip()
            found.append(f"{entry.name} {command.decode(errors='replace')}")
    return found


def survivors(grace: float = 3.0) -> list[str]:
    """Children still alive after ``grace`` seconds (what stops on its own may finish)."""
    deadline = time.monotonic() + grace
    while True:
        _reap()
        left = living_children()
        if not left or time.monotonic() >= deadline:
            return left
        time.sleep(0.1)
