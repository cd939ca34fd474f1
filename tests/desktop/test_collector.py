"""Python's cycle collector is paused while our threads read or plan in bulk: it runs on the
thread whose allocation sets it off and holds the GIL throughout, so a full collection there
froze the window 65-100 ms at 10,000 interviews. A pause never leaves it off, nor turns it
on early. What a read made is frozen as the collector comes back on (full collections no
longer scan it), and the window closed to the tray collects the cycles frozen meanwhile."""

from __future__ import annotations

import gc
import threading
import warnings
import weakref
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from followup_desktop import main_window
from followup_desktop.collector import compact, paused_during
from followup_desktop.interviews import model as interviews_model
from followup_desktop.interviews.view import InterviewsView
from followup_desktop.session import Session

from .test_interviews_order import fill


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_paused_while_the_work_runs_and_on_again_after() -> None:
    seen = paused_during(gc.isenabled)()
    assert seen is False
    assert gc.isenabled()


def test_on_again_after_a_failure() -> None:
    def broken() -> None:
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        paused_during(broken)()
    assert gc.isenabled()


def test_two_threads_at_once_it_stays_paused_until_both_end() -> None:
    first_in, second_done, first_may_end = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        first_in.set()
        first_may_end.wait(5)
        seen.append(gc.isenabled())

    thread = threading.Thread(target=paused_during(first))
    thread.start()
    assert first_in.wait(5)
    paused_during(second_done.set)()  # begun and ended while the first runs
    assert not gc.isenabled(), "the first still runs"
    first_may_end.set()
    thread.join(5)
    assert seen == [False]
    assert gc.isenabled()


def test_off_at_start_up_it_stays_off_and_turned_on_meanwhile_it_stays_on() -> None:
    gc.disable()  # start-up keeps it off until Today painted
    paused_during(lambda: None)()
    assert not gc.isenabled()
    paused_during(gc.enable)()  # start-up settled while a read ran
    assert gc.isenabled()


def test_the_interviews_pages_read_runs_with_the_collector_paused(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(session, 5, seed=1)
    read = interviews_model.read_rows
    seen: list[bool] = []

    def reading(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return read(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(interviews_model, "read_rows", reading)
    session.replan_in_background = True
    view = InterviewsView(session)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.model.loading, timeout=5000)
    assert seen == [False]
    assert gc.isenabled()
    assert len(view.model.rows) == 5


def _compact() -> None:
    """``compact``, in a test process: what earlier tests left to the collector (the D-Bus
    sockets of shells never quit) is collected too, and must not count against this one."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        compact()


class Node:
    """An object in a cycle: only the collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_what_a_read_made_is_frozen_as_the_collector_comes_back_on() -> None:
    before = gc.get_freeze_count()
    rows = paused_during(lambda: [[n] for n in range(5000)])()
    assert gc.get_freeze_count() >= before + 5000  # out of every full collection's way
    assert gc.isenabled()
    assert len(rows) == 5000


def test_garbage_made_during_a_read_is_collected_not_frozen() -> None:
    """While the collector is paused, the window goes on making objects (a letter checked at
    each key, cycles among them): those already garbage as the read ends are collected then,
    where frozen they would stay until the user leaves the window."""
    seen: list[weakref.ref[Node]] = []

    def reads() -> list[list[int]]:
        checked = Node()  # the window's work meanwhile, let go before the read ends
        seen.append(weakref.ref(checked))
        del checked
        return [[n] for n in range(1000)]

    rows = paused_during(reads)()
    assert seen[0]() is None  # no gc.collect() here: gone as the collector came back on
    assert len(rows) == 1000


def test_a_failed_read_freezes_nothing() -> None:
    """Its traceback holds the read's frames, and what they read, in a cycle: the collector
    frees them once the failure has been told."""
    before = gc.get_freeze_count()
    seen: list[weakref.ref[Node]] = []

    def fails() -> None:
        partial = Node()  # what the read had made when the database went away
        seen.append(weakref.ref(partial))
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        paused_during(fails)()
    assert gc.get_freeze_count() == before
    gc.collect()
    assert seen[0]() is None


def test_a_read_at_start_up_freezes_nothing_until_start_up_settles() -> None:
    gc.disable()  # start-up: its own freeze comes when it settles (``settle_memory``)
    before = gc.get_freeze_count()
    paused_during(lambda: [[n] for n in range(5000)])()
    assert gc.get_freeze_count() == before
    _compact()  # nor does a tidy-up turn anything over while the collector is off
    assert gc.get_freeze_count() == before and not gc.isenabled()


def test_compact_collects_the_cycles_a_freeze_kept() -> None:
    """A dialog open while a read ended is frozen with everything else; closed, its cycles
    are collected only by ``compact`` (a full collection no longer looks at them)."""
    node = paused_during(Node)()  # made by a read, frozen as it ended
    gone = weakref.ref(node)
    del node
    gc.collect()
    assert gone() is not None  # frozen: out of reach of the collector
    _compact()
    assert gone() is None
    assert gc.get_freeze_count() > 0  # what stays is frozen again


def test_the_window_closed_to_the_tray_tidies_memory_once_it_stays_there(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    tidied: list[bool] = []
    monkeypatch.setattr(main_window, "COMPACT_AFTER_MS", 10)
    monkeypatch.setattr(
        "followup_desktop.collector.compact", lambda: tidied.append(window.isVisible())
    )
    window = main_window.MainWindow(session)
    qtbot.addWidget(window)
    window.keeps_running = lambda: True  # a tray to live in
    window.show()
    window.close()
    qtbot.waitUntil(lambda: tidied == [False])
    window.show()
    window.close()
    window.show()  # back before the wait was over: nothing is tidied under the user
    window._compact_timer.stop()  # (offscreen, a shown window is never the active one)
    qtbot.wait(50)
    assert tidied == [False]


def test_a_second_close_waits_again(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closed, back, closed again: one tidy-up, the whole wait after the last close."""
    tidied: list[bool] = []
    monkeypatch.setattr(main_window, "COMPACT_AFTER_MS", 200)
    monkeypatch.setattr("followup_desktop.collector.compact", lambda: tidied.append(True))
    window = main_window.MainWindow(session)
    qtbot.addWidget(window)
    window.keeps_running = lambda: True
    window.show()
    window.close()
    qtbot.wait(150)
    window.show()
    window.close()
    qtbot.wait(120)
    assert tidied == []  # 270 ms after the first close, 120 after the second
    qtbot.waitUntil(lambda: tidied == [True])
    qtbot.wait(250)
    assert tidied == [True]


def test_compact_does_nothing_when_no_read_froze_since() -> None:
    paused_during(list)()
    _compact()
    before = gc.get_freeze_count()
    node = Node()  # a cycle made after the last compaction, no read since
    gone = weakref.ref(node)
    del node
    _compact()  # nothing frozen since: no full collection of everything
    assert gc.get_freeze_count() == before
    gc.collect()
    assert gone() is None  # the collector still reaches it
