"""Python's cycle collector, paused while one of our threads makes objects in bulk.

The collector runs on whichever thread's allocation crosses its thresholds, and holds the
GIL for the whole collection. A thread that reads every row of 10,000 interviews, or plans
every application, makes some 200,000 objects: each read set off three full collections on
that thread, of 65-100 ms each, and the window, waiting for the GIL, froze as long. Paused
for such work, the objects it lets go are still freed at once (reference counting); only
the search for cycles waits until the pause ends.

A pause is process-wide and counted (two threads may read at once). The collector is turned
back on after the last pause only if it was on before the first: start-up keeps it off until
Today painted (``app.main``, ``shell.settle_memory``), and a pause must not turn it on early,
nor leave it off if start-up turned it on meanwhile.

What a read made lives until the next read replaces it (the Interviews page's rows, the
plans): as the collector comes back on after a read that succeeded, the young generations are
collected (what was made meanwhile and is already garbage: the letter's checks, typed during
the read) and every object left is frozen (``gc.freeze``), as start-up's are once it settled.
Otherwise each full collection scanned them all again: at 10,000 interviews four or five in
13 seconds of work, 41-47 ms each and up to 78 ms, on whichever thread was allocating, the
GUI's most often. Frozen objects are still freed when no longer used; only cycles among them
(a dialog closed before a read ended: dozens to hundreds of objects) wait for ``compact``,
which the window runs once the user has been away from it for a while.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class _Pauses:
    """How many pauses are under way, and whether the collector was on before the first."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.count = 0
        self.was_on = False
        self.frozen_since_compact = False  # a read's freeze may have kept cycles since

    def pause(self) -> None:
        with self.lock:
            if self.count == 0:
                self.was_on = gc.isenabled()
                gc.disable()
            self.count += 1

    def resume(self, made: bool) -> None:
        """``made``: the work ended with its result (a failure's traceback holds its frames
        in a cycle, and whatever they read: left to the collector, not frozen)."""
        with self.lock:
            self.count -= 1
            if self.count == 0 and self.was_on:
                if made:
                    # What was made meanwhile and is already garbage (the letter's checks,
                    # typed during the read) goes first: the young generations only, about
                    # 15 ms after a read of 10,000 rows, where frozen it would stay.
                    gc.collect(1)
                    gc.freeze()
                    self.frozen_since_compact = True
                gc.enable()


_PAUSES = _Pauses()


def paused_during(work: Callable[[], T]) -> Callable[[], T]:
    """``work``, run with the collector paused (for a thread's bulk reads)."""

    def run() -> T:
        _PAUSES.pause()
        made = False
        try:
            result = work()
            made = True
            return result
        finally:
            _PAUSES.resume(made)

    return run


def compact() -> None:
    """Collect the cycles frozen objects hold (a dialog closed before a read ended, say), then
    freeze what stays: a full collection of everything, 0.1 s at 10,000 interviews, for a
    window no one is looking at (``MainWindow``: closed to the tray, minimised, or another
    application in front). Not while the collector is off (start-up, a read under way), nor
    when no read has frozen anything since the last time."""
    with _PAUSES.lock:  # (not held while collecting: a finaliser may start a read)
        if _PAUSES.count or not gc.isenabled() or not _PAUSES.frozen_since_compact:
            return
        _PAUSES.frozen_since_compact = False
    gc.unfreeze()
    gc.collect()
    gc.freeze()
