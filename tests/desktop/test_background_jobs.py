"""A job run off the GUI thread is let go once it has answered, with its work and everything
that holds: the answer's lambdas, held by Qt's connections, held the job in a cycle the
collector cannot see, so every job (a page's rows, a failed read's frames) stayed in memory
for as long as the app ran."""

from __future__ import annotations

import gc
import weakref

import pytest
from pytestqt.qtbot import QtBot

from followup_desktop.background import _RUNNING, run_in_background


class Rows:
    """What a read holds while it works (a page's rows)."""


class Work:
    """A job's work, holding what it read."""

    def __init__(self, fails: bool) -> None:
        self.rows = Rows()
        self.fails = fails

    def __call__(self) -> str:
        if self.fails:
            raise RuntimeError("the database went away")
        return "read"


@pytest.mark.parametrize("fails", [False, True], ids=["answered", "failed"])
def test_a_job_that_answered_is_let_go_with_its_work(qtbot: QtBot, fails: bool) -> None:
    answers: list[object] = []
    work = Work(fails)
    rows = weakref.ref(work.rows)
    run_in_background(work, answers.append, answers.append)
    del work
    qtbot.waitUntil(lambda: bool(answers))
    assert not _RUNNING
    answers.clear()  # the failure, with its traceback, handled and let go
    gc.collect()
    assert rows() is None
