"""One instance per user and database: a second launch finds the first and asks it forward."""

from __future__ import annotations

import socket
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from followup_desktop.app import _server_name
from followup_desktop.single_instance import InstanceServer, ask_running_instance


def test_a_second_launch_asks_the_first_to_come_forward(qtbot: QtBot, tmp_path: Path) -> None:
    name = _server_name(tmp_path / "one.sqlite3")
    assert name is not None
    assert ask_running_instance(name) is False, "no one there yet"
    server = InstanceServer()
    assert server.listen(name)
    try:
        with qtbot.waitSignal(server.asked, timeout=3000):
            assert ask_running_instance(name) is True
    finally:
        server.close()
    assert not Path(name).exists(), "the socket file goes with the instance"
    assert ask_running_instance(name) is False


def test_every_later_launch_is_answered(qtbot: QtBot, tmp_path: Path) -> None:
    """The first answer wraps the listening socket anew (``socket`` is not imported before the
    first paint); the same server still answers the launches after it."""
    name = str(tmp_path / "instance")
    server = InstanceServer()
    assert server.listen(name)
    try:
        for _ in range(3):
            with qtbot.waitSignal(server.asked, timeout=3000):
                assert ask_running_instance(name) is True
    finally:
        server.close()
    assert not Path(name).exists()


def test_a_name_left_by_a_crash_is_taken_over(qtbot: QtBot, tmp_path: Path) -> None:
    name = str(tmp_path / "instance")
    crashed = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    crashed.bind(name)  # bound, never listening, never removed: what a killed process leaves
    crashed.close()
    assert Path(name).exists()
    assert ask_running_instance(name) is False
    server = InstanceServer()
    assert server.listen(name)
    try:
        with qtbot.waitSignal(server.asked, timeout=3000):
            assert ask_running_instance(name) is True
    finally:
        server.close()


def test_qt_clients_find_the_server(qtbot: QtBot, tmp_path: Path) -> None:
    """An older launch (QLocalSocket) still finds an instance served this way."""
    name = str(tmp_path / "instance")
    server = InstanceServer()
    assert server.listen(name)
    try:
        client = QLocalSocket()
        with qtbot.waitSignal(server.asked, timeout=3000):
            client.connectToServer(name)
            assert client.waitForConnected(1000)
            client.write(b"show\n")
            client.waitForBytesWritten(1000)
        client.disconnectFromServer()
    finally:
        server.close()


def test_a_name_that_cannot_be_had_is_said(tmp_path: Path) -> None:
    assert InstanceServer().listen(str(tmp_path / "no-such-folder" / "instance")) is False


def test_an_instance_that_hangs_up_at_once_is_still_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first instance accepts and closes before the second has written: the connection
    was the request (a broken pipe here once started a second window)."""
    name = str(tmp_path / "instance")
    listening = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listening.bind(name)
    listening.listen(1)
    hung_up = threading.Event()

    def answer() -> None:
        connection, _ = listening.accept()
        connection.close()
        hung_up.set()

    class WritesLate(socket.socket):
        def sendall(self, data: Any, flags: int = 0, /) -> None:
            assert hung_up.wait(3)
            super().sendall(data, flags)

    thread = threading.Thread(target=answer)
    thread.start()
    monkeypatch.setattr(socket, "socket", WritesLate)
    try:
        assert ask_running_instance(name) is True
    finally:
        thread.join(3)
        listening.close()
