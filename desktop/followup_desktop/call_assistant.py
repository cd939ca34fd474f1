"""The call assistant: the one call's script, a visible timer, and the outcome (R6, R7)."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from followup import rules
from followup.checker import Context, Kind, check
from followup.errors import FollowUpError, Refusal
from followup.model import Call, Round
from followup.template_choice import template_for
from followup.templates import render, variables
from followup_desktop.accessibility import named
from followup_desktop.field_errors import FieldErrors
from followup_desktop.plain_text import PlainText
from followup_desktop.session import Session
from followup_desktop.status_palette import Tone, tone
from followup_desktop.unsaved import GuardedDialog
from followup_desktop.wrapping import within_layout

AMBER_AT_S = 120  # two minutes: time to wrap up
RED_AT_S = 180  # three minutes: over time
OUTCOMES = ("Spoke briefly", "Left a voicemail", "No answer", "They shared news")


def timer_state(seconds: int) -> tuple[str, str]:
    """(word, colour): a word as well as a colour, so it reads without colour too."""
    if seconds >= RED_AT_S:
        return "Over time: thank them and end the call", tone(Tone.ERROR).name()
    if seconds >= AMBER_AT_S:
        return "Wrap up", tone(Tone.WARNING).name()
    return "On track", tone(Tone.SUCCESS).name()


class CallAssistant(GuardedDialog):
    """Signals: ``call_recorded(Call)``. Escape or its close button after a call was started
    or notes typed asks before the call goes unrecorded."""

    call_recorded = Signal(object)
    losing = "recording the call"

    def __init__(self, session: Session, round_: Round, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.round = round_
        repo = session.repo
        app = repo.application(round_.application_id)
        callee = rules.call_contact(round_, repo.letters(round_.id))  # whose letter went first
        contact = repo.contact(callee) if callee is not None else None
        self.setWindowTitle("Call assistant")
        self.setMinimumSize(560, 560)
        who = contact.name if contact else "the hiring manager"
        # Names, companies and roles are the user's: long ones wrap, never widen the dialog.
        heading = within_layout(named(QLabel(f"Call {who}"), style="heading"))
        phone = contact.phone if contact and contact.phone else "no phone number on record"
        sub = within_layout(named(QLabel(f"{app.company} — {app.role} · {phone}"), style="summary"))
        sub.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (heading, sub):  # a name or company that looks like HTML is words
            label.setTextFormat(Qt.TextFormat.PlainText)

        zone = session.zone
        # The user's own script (templates/ beside the data) wins over the built-in one.
        template = template_for(repo.db.path.parent, "call-script", None, round_.kind)
        assert template is not None, "a call script ships with the app"
        script = render(
            template,
            variables(
                session.settings.profile(),
                app,
                round_,
                contact,
                session.now().astimezone(zone).date(),
                rules.interview_date(round_.starts_at, rules.zone_of(round_)),  # their day
                dates=session.letter_dates(),
            ),
        )
        self.script = named(QTextBrowser(), "Call script")
        self.script.setPlainText(script.body)
        # Said before the call, not only when it is recorded: by then the call has been made.
        self.not_now = within_layout(named(QLabel(), "Not the time to call", style="warning"))
        self.not_now.setWordWrap(True)
        refusal = self.refusal()
        self.not_now.setText(f"Not now. {refusal}" if refusal else "")
        self.not_now.setVisible(bool(refusal))

        self.clock = named(QLabel("0:00"), "Call timer", style="timer")
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * 2.6)
        big.setBold(True)
        self.clock.setFont(big)
        self.clock_word = named(QLabel(), "Timer status")
        self.start = named(QPushButton("Start the call"), "Start or stop the call timer")
        self.start.setCheckable(True)
        self.start.toggled.connect(self._toggle)
        self.elapsed = QElapsedTimer()
        self.seconds = 0
        self.call_made = False  # started once: closing unrecorded would lose the call
        self.ticker = QTimer(self, interval=1000)  # only while a call is running
        self.ticker.timeout.connect(self._tick)

        self.outcome = named(QComboBox(), "Outcome")
        self.outcome.addItems(OUTCOMES)
        self.notes = named(PlainText(), "Call notes")
        self.notes.setPlaceholderText("A line or two: what was said.")
        self.notes.setFixedHeight(70)
        self.notes.textChanged.connect(self._check_notes)
        self.findings = named(QLabel(), "Notes check")
        self.findings.setWordWrap(True)
        self.record = named(QPushButton("Record the call"), "Record the call as made")
        self.record.setDefault(True)
        self.record.clicked.connect(self.on_record)

        timer_row = QHBoxLayout()
        timer_row.addWidget(self.clock)
        timer_row.addWidget(self.clock_word, 1)
        timer_row.addWidget(self.start)
        self.error = named(QLabel(), "Problem", style="error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.fields = FieldErrors(self.error)
        form = QFormLayout()
        form.addRow("Outcome", self.outcome)
        form.addRow("Notes", self.fields.wrap("outcome", self.notes))  # what was typed
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(heading)
        layout.addWidget(sub)
        layout.addWidget(self.not_now)
        layout.addWidget(self.script, 1)
        layout.addLayout(timer_row)
        layout.addLayout(form)
        layout.addWidget(self.findings)
        layout.addWidget(self.error)
        layout.addWidget(self.record, 0, Qt.AlignmentFlag.AlignRight)
        self.show_time(0)
        self.watch_changes()  # as opened: notes typed are not lost to Escape or the X

    def more_to_lose(self) -> bool:
        return self.call_made

    def refusal(self) -> str:
        """Why the etiquette says not to call now (too soon, no letter yet, a second call),
        in the domain's words; empty when now is the time."""
        repo = self.session.repo
        try:
            rules.check_call(
                self.round,
                self.session.now(),
                repo.calls(self.round.id),
                repo.letters(self.round.id),
                self.session.calendar(),
                self.session.dates(),
            )
        except Refusal as refusal:
            return refusal.message
        return ""

    def _toggle(self, running: bool) -> None:
        if running:
            self.call_made = True
            self.elapsed.start()
            self.ticker.start()
            self.start.setText("End the call")
        else:
            self.ticker.stop()
            self.start.setText("Start the call")

    def _tick(self) -> None:
        self.show_time(int(self.elapsed.elapsed() // 1000))

    def show_time(self, seconds: int) -> None:
        self.seconds = seconds
        word, colour = timer_state(seconds)
        self.clock.setText(f"{seconds // 60}:{seconds % 60:02d}")
        self.clock.setStyleSheet(f"color: {colour};")
        self.clock_word.setText(word)
        self.clock.setAccessibleDescription(
            f"{seconds // 60} minutes {seconds % 60} seconds, {word}"
        )

    def _check_notes(self) -> None:
        found = check(self.notes.toPlainText(), Context(kind=Kind.CALL_NOTES))
        self.findings.setText("\n".join(f"• {f.message}" for f in found))

    def on_record(self) -> None:
        self.start.setChecked(False)
        outcome = self.outcome.currentText()
        notes = self.notes.toPlainText().strip()
        text = f"{outcome}: {notes}" if notes else outcome
        now = self.session.now()
        try:  # the values first: a refusal is said beside the notes, and nothing is written
            Call(0, self.round.id, now, text).check()
        except FollowUpError as error:
            self.fields.show(error)
            return
        self.fields.clear()
        try:
            call: Call | None = self.session.run_with_override(
                self,
                lambda override: self.session.repo.record_call(
                    self.round.id,
                    now,
                    text,
                    override,
                    self.session.calendar(),
                    self.session.dates(),
                ),
            )
        except FollowUpError as error:  # pragma: no cover (run_with_override shows them)
            self.session.dialogs.error(self, "Not recorded", str(error))
            return
        if call is not None:
            self.call_recorded.emit(call)
            self.accept()

    def done(self, result: int) -> None:
        self.ticker.stop()
        super().done(result)
