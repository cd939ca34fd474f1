"""Composer screenshots for the README: e-mail with findings, a subject finding and a
misspelling; then the post channel. Run: .venv/bin/python tools/composer_screenshots.py docs"""
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo
import tempfile
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from followup.model import Application, Contact, PostalAddress, Round, RoundKind
from followup.storage import Database, Repository
from followup_desktop.clock import FixedClock
from followup_desktop.session import Session

out = Path(sys.argv[1])
app = QApplication([])
style = Path("resources/style.qss")
if style.exists():
    app.setStyleSheet(style.read_text())
NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)
folder = Path(tempfile.mkdtemp())
repo = Repository(Database.open(folder / "db.sqlite3", NOW))
repo.save_settings({"calendar.country": "US", "calendar.timezone": "America/New_York",
                    "profile.name": "Sam Lee", "profile.address": "12 Elm Street\nSpringfield, IL 62704"})
a = repo.add_application(Application(0, "Acme", "Backend Engineer"))
dana = repo.add_contact(Contact(0, "Dana Müller", "CTO", "Acme", "dana@acme.example",
                                address=PostalAddress(("Acme Inc.", "1 Main St", "Springfield, IL 62701"))))
lee = repo.add_contact(Contact(0, "Lee Park", "Engineer", "Acme", "lee@acme.example"))
r = repo.add_round(Round(0, a.id, datetime(2026, 11, 25, 10, tzinfo=NY), datetime(2026, 11, 25, 11, tzinfo=NY),
                         "America/New_York", RoundKind.ON_SITE, interviewer_ids=(dana.id, lee.id),
                         topics=("event sourcing", "the on-call rotation"),
                         strengths=("led the migration to Kubernetes", "five years of SQL and Python in production")))
repo.record_letter(r.id, lee.id, __import__("followup.model", fromlist=["Channel"]).Channel.EMAIL, NOW)
session = Session(repo, FixedClock(NOW))
from followup_desktop.composer import Composer
c = Composer(session)
c.resize(1100, 720)
c.show()
c.open_for(r.id, dana.id)
def wait(ms):
    loop = QEventLoop(); QTimer.singleShot(ms, loop.quit); loop.exec()
for _ in range(100):
    wait(30)
    if c.spelling.speller is not None: break
c.use_template() if not c.editor.toPlainText() else None
text = c.editor.toPlainText().replace("I look forward to the next steps.", "I realy look forward to the next steps. Please let me know your decision by Friday.")
c.editor.setPlainText(text)
c.subject.setText("Any update??")
c.run_check(); wait(200)
c.grab().save(str(out / "composer.png"))
c.channel_box.setCurrentIndex(1)
c.run_check(); wait(200)
c.grab().save(str(out / "composer-post.png"))
print("saved")
