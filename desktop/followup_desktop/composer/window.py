"""The composer: pick round, recipient, channel and template; write with live findings.

What is being written lives in ``picker`` (no Qt); the text in ``editor``; how it leaves in
``delivery``. This module lays them out and keeps them in step.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from followup.checker import Finding
from followup.errors import FollowUpError
from followup.model import Channel, Draft, Letter, Round
from followup.send_gate import open_errors
from followup.templates import Template, render
from followup_desktop.accessibility import named
from followup_desktop.composer import picker as pick
from followup_desktop.composer.autosave import Autosave
from followup_desktop.composer.check_panel import CheckPanel, WordCount
from followup_desktop.composer.deadline_line import DeadlineLine
from followup_desktop.composer.delivery_bar import DeliveryBar
from followup_desktop.composer.editor import LetterEditor
from followup_desktop.composer.live_check import LetterCheck
from followup_desktop.composer.outgoing import Outgoing
from followup_desktop.composer.pick_form import PickForm
from followup_desktop.composer.spelling import SpellingLoader
from followup_desktop.session import Session
from followup_desktop.view_state import remember_splitter

CHECK_DELAY_MS = 80  # after the last keystroke: live, but not on every key of a burst


class Composer(QWidget):
    """Signals: ``letter_sent(Letter)`` once a letter is recorded as sent."""

    letter_sent = Signal(object)

    def __init__(
        self, session: Session, user_templates: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        data_folder = session.repo.db.path.parent
        # ``user_templates`` is the folder itself (templates/ beside the data by default).
        folder = user_templates.parent if user_templates else data_folder
        self.picker = pick.Picker(session.repo, folder)
        self.findings: list[Finding] = []
        self.subject_findings: list[Finding] = []
        self.checker = LetterCheck()
        self._loading = False
        self._key: tuple[int, int] | None = None
        self._build()
        self.spelling = SpellingLoader(session, data_folder, self.editor, self)
        self.check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.run_check)
        # The draft reaches the database within about a second, however steady the typing.
        self.autosave = Autosave(self._write_draft, self)
        self.autosave.saved.connect(self._draft_saved)
        self.autosave.failed.connect(self._draft_not_saved)
        self.loaded = False  # the rounds are read when the composer is first shown
        session.schedule_changed.connect(self._schedule_changed)
        session.settings_changed.connect(self._settings_changed)
        session.time_moved.connect(self._time_moved)

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.form = form = PickForm()
        self.round_box, self.recipient_box = form.round_box, form.recipient_box
        self.channel_box, self.template_box = form.channel_box, form.template_box
        self.insert, self.subject = form.insert, form.subject
        self.insert.clicked.connect(self.use_template)
        self.editor = named(LetterEditor(), "Letter text")
        self.panel = CheckPanel()
        self.panel.finding_chosen.connect(self.select_finding)
        panel = self.panel
        self.model, self.findings_view, self.verdict = panel.model, panel.view, panel.verdict
        self.deadline = DeadlineLine()
        self.word_count = named(WordCount(), "Word count", style="wordcount")
        self.saved = named(QLabel(), style="saved")
        self.saved.setWordWrap(True)
        self.editor.problem.connect(self.saved.setText)
        self.mark_sent = named(QPushButton("Mark as sent…"), "Mark the letter as sent")
        self.mark_sent.clicked.connect(self.on_mark_sent)

        split = QSplitter()
        split.addWidget(self.editor)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        remember_splitter(split, "composer")
        self.bar = DeliveryBar(self.session, self.outgoing)
        self.bar.delivery.letter_sent.connect(self._sent)
        self.bar.delivery.status.connect(self.saved.setText)
        bottom = QHBoxLayout()
        bottom.addWidget(self.word_count)
        bottom.addWidget(self.saved, 1)
        self.bar.row.addWidget(self.mark_sent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(form)
        layout.addWidget(self.deadline)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.bar)
        self.round_box.currentIndexChanged.connect(self._round_changed)
        self.recipient_box.currentIndexChanged.connect(self._recipient_changed)
        self.channel_box.currentIndexChanged.connect(self._channel_changed)
        self.editor.edited.connect(self._text_changed)
        self.subject.textEdited.connect(self._text_changed)

    # -- choosing what to write -----------------------------------------------------------

    def _schedule_changed(self) -> None:
        """Hidden, the rounds are read again only when shown: no cost for an unseen page."""
        if self.loaded and self.isVisible():
            self.reload_rounds()
        else:
            self.loaded = False

    def _settings_changed(self) -> None:
        """Country, work week, profile or dictionary changed: re-plan what is shown."""
        self.spelling.settings_changed()
        if self.loaded:
            self.reload_rounds()

    def _time_moved(self) -> None:
        """The interview ended or a day passed: the line above the letter and the verdict follow."""
        if self.loaded:
            self._show_state()
            self.run_check()

    def showEvent(self, event: QShowEvent) -> None:
        if not self.loaded:
            self.reload_rounds()
        self.spelling.start()
        super().showEvent(event)

    def reload_rounds(self) -> None:
        """Read the rounds again and re-plan the letter in view (keeping its text)."""
        self.loaded = True
        current = self.round_box.currentData()
        target = current if current is not None else pick.most_urgent_round(self.session.items())
        self.form.fill_rounds(
            self.picker.round_options(self.session.zone, self.session.dates()), target
        )
        if self._key is not None and self.round_box.currentData() == self._key[0]:
            self._fill_recipients(keep=self._key[1])
            setup = self.picker.choose_letter(*self._key)
            if pick.out_of_step(setup, self.editor.isReadOnly(), self.editor.toPlainText()):
                self._recipient_changed()  # undone, redone or deleted: shown as stored now
                return
            self._show_state()
            self.run_check()
        else:
            self._round_changed()

    def open_for(self, round_id: int, contact_id: int | None = None) -> None:
        """Show the letter for this round and interviewer (its draft, if any)."""
        if not self.loaded:
            self.reload_rounds()
        self.round_box.setCurrentIndex(max(self.round_box.findData(round_id), 0))
        if contact_id is not None:
            self.recipient_box.setCurrentIndex(max(self.recipient_box.findData(contact_id), 0))

    def current_round(self) -> Round | None:
        setup = self.picker.setup
        return setup.round if setup is not None else None

    def _fill_recipients(self, keep: int | None = None) -> None:
        round_id = self.round_box.currentData()
        dates = self.session.dates()
        options = self.picker.recipients(round_id, self.session.zone, dates) if round_id else []
        self.form.fill_recipients(options, keep, self.session.zone, dates)

    def _round_changed(self) -> None:
        self.flush()
        self._fill_recipients()
        self._recipient_changed()

    def _recipient_changed(self) -> None:
        self.flush()
        contact_id = self.recipient_box.currentData()
        round_id = self.round_box.currentData()
        setup = self.picker.choose_letter(round_id, contact_id)
        self._key = (setup.round.id, setup.contact.id) if setup else None
        sent = setup is not None and setup.sent is not None  # shown as it left, read-only
        draft = setup.draft if setup and not sent else None
        self._loading = True
        subject, body = pick.opening_text(setup) or ("", "")
        self.editor.setPlainText(body)
        self.subject.setText(subject)
        if setup is not None:
            channel = self.picker.starting_channel(self.channel())
            self.channel_box.setCurrentIndex(list(Channel).index(channel))
        self._fill_templates(draft.template if draft else "")
        if setup is not None and not self.subject.text() and not sent:
            self.subject.setText(self._rendered_subject())
        self._loading = False
        self.saved.setText(pick.opening_status(setup, self.session.zone, self.session.dates()))
        for widget in (self.editor, self.mark_sent):
            widget.setEnabled(self._key is not None)
        self.form.allow(self._key is not None, sent)
        self.editor.hold(sent)
        self.bar.allow(self._key is not None)
        self.spelling.names_changed(self.picker.names(self.session.settings.profile()))
        self._show_state()
        self.run_check()

    def _show_state(self) -> None:
        """The deadline (from the current settings) and the channel's buttons and warning."""
        channel = self.channel()
        session = self.session
        held = self.editor.isReadOnly()  # the letter shown is the one sent
        self.deadline.say(
            self.picker.deadline_text(
                session.calendar(), session.zone, session.now(), session.dates(), held
            )
        )
        self.form.show_subject(channel is Channel.EMAIL)
        self.bar.show_channel(channel, sent=held)

    def _channel_changed(self) -> None:
        if self._loading:
            return
        self._fill_templates()
        self._show_state()
        self.run_check()
        self._schedule_save()

    def _fill_templates(self, preferred: str = "") -> None:
        """The templates for this channel; the draft's, else the best for round and channel."""
        channel = self.channel()
        chosen = self.picker.template(channel, preferred)
        self.form.fill_templates(self.picker.offered(channel), chosen)

    def channel(self) -> Channel:
        return self.form.channel()

    def _rendered(self) -> tuple[str, str] | None:
        """(subject, body) of the chosen template for the chosen letter; None on a problem."""
        template: Template | None = self.template_box.currentData()
        if template is None or self.picker.setup is None:
            return None
        session, zone = self.session, self.session.zone
        today = session.now().astimezone(zone).date()
        values = self.picker.values(session.settings.profile(), today, session.letter_dates())
        try:
            out = render(template, values)
        except FollowUpError as error:
            self.session.dialogs.error(self, "Template problem", str(error))
            return None
        return out.subject, out.body

    def _rendered_subject(self) -> str:
        template: Template | None = self.template_box.currentData()
        if template is None or not template.subject:
            return ""
        rendered = self._rendered()
        return rendered[0] if rendered else ""

    def use_template(self) -> None:
        if self._key is None:
            return
        if self.editor.toPlainText().strip():
            answer = QMessageBox.question(
                self, "Replace the letter?", "Replace what you have written with the template?"
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        rendered = self._rendered()
        if rendered is None:
            return
        subject, body = rendered
        if subject:
            self.subject.setText(subject)
        self.editor.setPlainText(body)

    # -- checking and saving --------------------------------------------------------------

    def _text_changed(self) -> None:
        if self._loading:
            return
        self.check_timer.start()
        self._schedule_save()

    def _schedule_save(self) -> None:
        if self._key is not None and not self._loading:
            self.autosave.changed()

    def run_check(self) -> None:
        """Check the letter and its subject now; what the timer runs after a pause in typing."""
        self.check_timer.stop()
        text = self.editor.toPlainText()
        channel = self.channel()
        email = channel is Channel.EMAIL and self._key is not None
        context = self.picker.context(channel, self.session.today())  # "yesterday" moves
        checked = self.checker.run(text, self.subject.text(), context, email)
        setup = self.picker.setup
        sent = setup.sent if setup else None  # what has gone is read, not checked again
        self.findings = [] if sent else checked.findings
        self.subject_findings = [] if sent else checked.subject_findings
        self.editor.set_findings(self.findings)
        self.subject.set_findings(self.subject_findings)
        self.word_count.show_count(checked.words, checked.limit)
        note = pick.sent_note(sent, self.session.zone, self.session.dates()) if sent else ""
        early = setup is not None and setup.round.ends_at > self.session.now()
        self.panel.show_findings(
            self.findings, self.subject_findings, not text.strip(), note, early
        )

    def save_draft(self) -> None:
        """Save the draft now (and say whether it worked)."""
        if self._key is not None:
            self.autosave.save_now()

    def _write_draft(self) -> None:
        if self._key is None or self.editor.isReadOnly():  # a sent letter is no draft
            return
        template: Template | None = self.template_box.currentData()
        name, body = template.name if template else "", self.editor.toPlainText()
        draft = Draft(
            *self._key, self.channel(), name, body, self.session.now(), self.subject.text()
        )
        self.session.write(lambda: self.session.repo.save_draft(draft))

    def _draft_saved(self) -> None:
        now = self.session.now().astimezone(self.session.zone)
        self.saved.setText(f"Draft saved {self.session.dates().time(now)}")

    def _draft_not_saved(self, reason: str) -> None:
        self.saved.setText(f"Draft NOT saved: {reason}")

    def flush(self) -> None:
        """Save a pending draft now (before switching letters or closing)."""
        self.autosave.flush()

    # -- findings ------------------------------------------------------------------------

    def select_finding(self, finding: Finding, in_subject: bool) -> None:
        """Select the words a finding is about, in the subject line or in the letter."""
        if finding.start is not None and finding.end is not None:
            if in_subject:
                self.subject.select_span(finding.start, finding.end)
            else:
                self.editor.select_finding(finding)
        elif in_subject:  # about the whole line: the line is where to look
            self.subject.setFocus()

    def finding_at(self, position: int) -> Finding | None:
        return self.editor.finding_at(position)

    # -- sending --------------------------------------------------------------------------

    def outgoing(self) -> Outgoing | None:
        """The letter as it stands, for the delivery buttons (saved and checked first)."""
        setup = self.picker.setup
        if setup is None:
            return None
        self.flush()
        self.run_check()  # what is listed at the gate is what the text says now
        body = self.editor.toPlainText()
        role = setup.application.role
        subject = self.subject.text().strip() or f"Thank you for the {role} interview"
        email = self.channel() is Channel.EMAIL
        errors = [(f, body) for f in open_errors(self.findings)]
        errors += [(f, subject) for f in open_errors(self.subject_findings)] if email else []
        return Outgoing(setup.round, setup.contact, self.channel(), subject, body, tuple(errors))

    def _sent(self, letter: Letter) -> None:
        self.autosave.forget()  # the words went with the letter: no draft of them comes back
        self._fill_recipients(keep=letter.contact_id)
        self._recipient_changed()  # shown as it left, read-only
        self.letter_sent.emit(letter)

    def on_mark_sent(self) -> None:
        out = self.outgoing()
        if out is not None:
            self.bar.delivery.mark_sent(out)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        self.check_timer.stop()  # hidden: nothing to check until it shows again
        super().hideEvent(event)
