"""One instance per user and database: a second launch asks the first to come forward.

On Unix the name is a socket file in the user's private runtime folder, served with Python's
own sockets and a ``QSocketNotifier``: QtNetwork (QLocalServer) costs about 5 ms to import
before the first paint, for one byte string. A QLocalSocket still finds such a server, and
this client finds a QLocalServer. On Windows (named pipes) QtNetwork does the work.

Before the first paint only ``_socket`` is used, the C module under ``socket``: importing
``socket`` itself turns every constant of the platform into enums, 3-4 ms for names this
module never looks at. ``socket`` is imported when a second launch is answered.
"""

from __future__ import annotations

import _socket
import os
import sys
from contextlib import suppress
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

WAIT_S = 0.3  # a running instance answers at once; a stale name must not hold the start
UNIX = sys.platform != "win32"


def ask_running_instance(name: str) -> bool:
    """True when another instance serves ``name``; it is asked to come forward."""
    if not UNIX:  # pragma: no cover (Windows)
        return _ask_with_qt(name)
    client = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    client.settimeout(WAIT_S)
    try:
        client.connect(name)
    except OSError:  # no file, or no one listening on it (left by a crash)
        client.close()
        return False
    with suppress(OSError):  # the connection was the request: it may be closed already
        client.sendall(b"show\n")
    client.close()
    return True


def _ask_with_qt(name: str) -> bool:  # pragma: no cover (Windows)
    from PySide6.QtNetwork import QLocalSocket  # noqa: PLC0415

    client = QLocalSocket()
    client.connectToServer(name)
    if not client.waitForConnected(round(WAIT_S * 1000)):
        return False
    client.write(b"show\n")
    client.waitForBytesWritten(round(WAIT_S * 1000))
    client.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Serves ``name`` (after ``ask_running_instance`` found no one there).

    Signals: ``asked()`` when a second launch asks this instance to come forward."""

    asked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listening: _socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._name: str | None = None
        self._qt: QLocalServer | None = None

    def listen(self, name: str) -> bool:
        """Take the name (a file left by a crash is replaced); False when it cannot be had."""
        if not UNIX:  # pragma: no cover (Windows)
            from PySide6.QtNetwork import QLocalServer  # noqa: PLC0415

            QLocalServer.removeServer(name)
            self._qt = QLocalServer(self)
            self._qt.newConnection.connect(self._answer_qt)
            return self._qt.listen(name)
        server = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
        try:
            if os.path.lexists(name):
                os.unlink(name)
            server.bind(name)
            server.listen(4)
        except OSError:
            server.close()
            return False
        server.setblocking(False)
        self._listening, self._name = server, name
        self._notifier = QSocketNotifier(server.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._answer)
        return True

    def _answer(self) -> None:
        if self._listening is None:
            return
        import socket  # noqa: PLC0415  (the wrapper that can accept; not before the first paint)

        if not isinstance(self._listening, socket.socket):  # the same file descriptor
            self._listening = socket.socket(fileno=self._listening.detach())
            self._listening.setblocking(False)  # as the descriptor is (Python's view of it)
        try:
            connection, _ = self._listening.accept()
        except OSError:  # gone before it was accepted
            return
        connection.close()  # what it said does not matter: coming forward is all it asks
        self.asked.emit()

    def _answer_qt(self) -> None:  # pragma: no cover (Windows)
        assert self._qt is not None
        connection = self._qt.nextPendingConnection()
        if connection is not None:
            connection.readyRead.connect(connection.readAll)
            connection.disconnected.connect(connection.deleteLater)
        self.asked.emit()

    def close(self) -> None:
        """Stop serving; the socket file goes too (not left in the runtime folder)."""
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
        if self._listening is not None:
            self._listening.close()
            self._listening = None
        if self._name is not None:
            with suppress(OSError):
                os.unlink(self._name)
            self._name = None
        if self._qt is not None:  # pragma: no cover (Windows)
            self._qt.close()
