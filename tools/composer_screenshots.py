"""Composer screenshots for the README: the e-mail channel with findings, a subject finding
and a misspelling; then the post channel. Run: .venv/bin/python tools/composer_screenshots.py docs
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from followup.model import (
    Application,
    Channel,
    Contact,
    PostalAddress,
    Round,
    RoundKind,
)
from followup.storage import Database, Repository
from followup_desktop.clock import FixedClock
from followup_desktop.session import Session

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main(out: Path) -> None:
    app = QApplication([])
    style = Path(__file__).resolve().parents[1] / "resources" / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    repo = Repository(Database.open(Path(tempfile.mkdtemp()) / "db.sqlite3", NOW))
    repo.save_settings(
        {
            "calendar.country": "US",
            "calendar.timezone": "America/New_York",
            "profile.name": "Sam Lee",
            "profile.address": "12 Elm Street\nSpringfield, IL 62704",
        }
    )
    acme = repo.add_application(Application(0, "Acme", "Backend Engineer"))
    address = PostalAddress(("Acme Inc.", "1 Main St", "Springfield, IL 62701"))
    dana = repo.add_contact(
        Contact(0, "Dana Müller", "CTO", "Acme", "dana@acme.example", address=address)
    )
    lee = repo.add_contact(Contact(0, "Lee Park", "Engineer", "Acme", "lee@acme.example"))
    round_ = repo.add_round(
        Round(
            0,
            acme.id,
            datetime(2026, 11, 25, 10, tzinfo=NY),
            datetime(2026, 11, 25, 11, tzinfo=NY),
            "America/New_York",
            RoundKind.ON_SITE,
            interviewer_ids=(dana.id, lee.id),
            topics=("event sourcing", "the on-call rotation"),
            strengths=(
                "led the migration to Kubernetes",
                "five years of SQL and Python in production",
            ),
        )
    )
    repo.record_letter(round_.id, lee.id, Channel.EMAIL, NOW)
    from followup_desktop.composer import Composer  # noqa: PLC0415

    composer = Composer(Session(repo, FixedClock(NOW)))
    composer.resize(1100, 720)
    composer.show()
    composer.open_for(round_.id, dana.id)
    for _ in range(100):
        wait(30)
        if composer.spelling.speller is not None:
            break
    composer.use_template()
    text = composer.editor.toPlainText().replace(
        "I look forward to the next steps.",
        "I realy look forward to the next steps. Please let me know your decision by Friday.",
    )
    composer.editor.setPlainText(text)
    composer.subject.setText("Any update??")
    composer.run_check()
    wait(200)
    composer.grab().save(str(out / "composer.png"))
    composer.channel_box.setCurrentIndex(1)
    composer.run_check()
    wait(200)
    composer.grab().save(str(out / "composer-post.png"))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
