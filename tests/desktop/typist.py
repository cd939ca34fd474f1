"""A user typing steadily into the composer, in a process of its own (to be SIGKILLed).

Run as ``python typist.py DB ROUND CONTACT INTERVAL_MS``: opens the real composer offscreen on
that letter and types one character every INTERVAL_MS milliseconds, forever. After each key
it prints how many characters it has typed, so the killer knows what was on screen.
The text is ``0123456789`` repeated: a saved draft must be a prefix of it.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from followup.storage import Database, Repository
from followup_desktop.clock import SystemClock
from followup_desktop.composer import Composer
from followup_desktop.session import Session


def main() -> None:
    path, round_id, contact_id, interval = sys.argv[1:5]
    app = QApplication(sys.argv[:1])
    database = Database.open(Path(path), datetime.now(UTC))
    composer = Composer(Session(Repository(database), SystemClock()))
    composer.show()
    composer.open_for(int(round_id), int(contact_id))
    composer.editor.setFocus()
    typed = [0]

    def key() -> None:
        char = str(typed[0] % 10)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(composer.editor, event)
        typed[0] += 1
        sys.stdout.write(f"{typed[0]}\n")
        sys.stdout.flush()

    timer = QTimer(interval=int(interval))
    timer.timeout.connect(key)
    timer.start()
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
