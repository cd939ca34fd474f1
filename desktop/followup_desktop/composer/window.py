"""The composer: pick round, recipient, channel and template; write with live findings."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHelpEvent, QHideEvent, QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from followup import rules
from followup.checker import Context, Finding, Kind, Severity, check, default_rulebook
from followup.errors import FollowUpError
from followup.model import Channel, Draft, Letter, Round, RoundKind
from followup.phrases import tokenize
from followup.plan import ItemKind, ItemState
from followup.templates import Template, all_templates, render, variables
from followup_desktop.accessibility import named
from followup_desktop.composer.autosave import Autosave
from followup_desktop.composer.delivery import Outgoing
from followup_desktop.composer.delivery_bar import DeliveryBar
from followup_desktop.composer.findings import FindingRole, FindingsModel, WrappingDelegate
from followup_desktop.composer.highlighter import FindingsHighlighter
from followup_desktop.composer.send_dialog import SendDialog
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
        self.user_templates = user_templates
        self.findings: list[Finding] = []
        self._loading = False
        self._key: tuple[int, int] | None = None
        self._build()
        self.check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.run_check)
        # The draft reaches the database within about a second, however steady the typing.
        self.autosave = Autosave(self._write_draft, self)
        self.autosave.saved.connect(self._draft_saved)
        self.autosave.failed.connect(self._draft_not_saved)
        self.loaded = False  # the rounds are read when the composer is first shown
        session.schedule_changed.connect(self._schedule_changed)

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.round_box = named(QComboBox(), "Interview round")
        self.recipient_box = named(QComboBox(), "Recipient")
        self.channel_box = named(QComboBox(), "Channel")
        for channel in Channel:
            self.channel_box.addItem("E-mail" if channel is Channel.EMAIL else "Post", channel)
        self.template_box = named(QComboBox(), "Template")
        for template in all_templates(self.user_templates):
            if template.kind == "letter":
                self.template_box.addItem(template.title, template)
        self.insert = named(QPushButton("Use template"), "Use the chosen template")
        self.insert.clicked.connect(self.use_template)
        self.editor = named(QPlainTextEdit(), "Letter text")
        self.editor.setPlaceholderText("Write your letter here, or start from a template.")
        self.editor.setTabChangesFocus(True)
        self.highlighter = FindingsHighlighter(self.editor.document())
        self.editor.viewport().installEventFilter(self)
        self.model = FindingsModel()
        self.findings_view = named(QListView(), "Findings")
        self.findings_view.setModel(self.model)
        self.findings_view.setItemDelegate(WrappingDelegate(self.findings_view))
        self.findings_view.setWordWrap(True)
        self.findings_view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.findings_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.findings_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.findings_view.setSpacing(3)
        self.findings_view.clicked.connect(self.select_finding)
        self.findings_view.activated.connect(self.select_finding)
        self.verdict = named(QLabel(), style="verdict")
        self.verdict.setWordWrap(True)
        self.word_count = named(QLabel(), "Word count", style="wordcount")
        self.saved = named(QLabel(), style="saved")
        self.mark_sent = named(QPushButton("Mark as sent…"), "Mark the letter as sent")
        self.mark_sent.clicked.connect(self.on_mark_sent)

        pick = QFormLayout()
        pick.addRow("Interview", self.round_box)
        pick.addRow("To", self.recipient_box)
        row = QHBoxLayout()
        row.addWidget(self.channel_box)
        row.addWidget(self.template_box, 1)
        row.addWidget(self.insert)
        pick.addRow("Send by", row)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        heading = named(QLabel("Etiquette check"), style="subheading")
        side_layout.addWidget(heading)
        side_layout.addWidget(self.verdict)
        side_layout.addWidget(self.findings_view, 1)
        split = QSplitter()
        split.addWidget(self.editor)
        split.addWidget(side)
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
        layout.addLayout(pick)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.bar)
        self.round_box.currentIndexChanged.connect(self._round_changed)
        self.recipient_box.currentIndexChanged.connect(self._recipient_changed)
        self.channel_box.currentIndexChanged.connect(self._channel_changed)
        self.editor.textChanged.connect(self._text_changed)

    # -- choosing what to write -----------------------------------------------------------

    def _schedule_changed(self) -> None:
        """Hidden, the list of rounds is read again only when shown (a change elsewhere
        must not pay for a page no one looks at)."""
        if self.loaded and self.isVisible():
            self.reload_rounds()
        else:
            self.loaded = False

    def showEvent(self, event: QShowEvent) -> None:
        if not self.loaded:
            self.reload_rounds()
        super().showEvent(event)

    def reload_rounds(self) -> None:
        self.loaded = True
        current = self.round_box.currentData()
        repo = self.session.repo
        apps = {a.id: a for a in repo.applications(active_only=True)}
        self.round_box.blockSignals(True)
        self.round_box.clear()
        zone = self.session.zone
        # Letters are for processes still open: closed ones are not offered.
        rounds = repo.rounds(active_only=True)
        for round_ in sorted(rounds, key=lambda r: r.starts_at, reverse=True):
            app = apps[round_.application_id]
            when = round_.starts_at.astimezone(zone)
            self.round_box.addItem(f"{app.company} — {app.role} · {when:%a %d %b %Y}", round_.id)
        self.round_box.blockSignals(False)
        target = current if current is not None else self._most_urgent_round()
        self.round_box.blockSignals(True)
        self.round_box.setCurrentIndex(max(self.round_box.findData(target), 0))
        self.round_box.blockSignals(False)
        if self._key is not None and self.round_box.currentData() == self._key[0]:
            self.run_check()  # same letter: keep the text in view, refresh what is known
        else:
            self._round_changed()

    def _most_urgent_round(self) -> int | None:
        """The round of the first pending letter on the agenda: where a letter is wanted."""
        letters = [
            i
            for i in self.session.items()
            if i.kind is ItemKind.LETTER and i.state.pending and i.round_id is not None
        ]
        letters.sort(key=lambda i: (i.state is not ItemState.OVERDUE, i.due))
        return letters[0].round_id if letters else None

    def open_for(self, round_id: int, contact_id: int | None = None) -> None:
        """Show the letter for this round and interviewer (its draft, if any)."""
        if not self.loaded:
            self.reload_rounds()
        self.round_box.setCurrentIndex(max(self.round_box.findData(round_id), 0))
        if contact_id is not None:
            self.recipient_box.setCurrentIndex(max(self.recipient_box.findData(contact_id), 0))

    def current_round(self) -> Round | None:
        round_id = self.round_box.currentData()
        return self.session.repo.round(round_id) if round_id is not None else None

    def _round_changed(self) -> None:
        self.flush()
        round_ = self.current_round()
        self.recipient_box.blockSignals(True)
        self.recipient_box.clear()
        if round_ is not None:
            for contact_id in round_.interviewer_ids:
                contact = self.session.repo.contact(contact_id)
                label = contact.name + (f", {contact.title}" if contact.title else "")
                self.recipient_box.addItem(label, contact_id)
        self.recipient_box.blockSignals(False)
        self._recipient_changed()

    def _recipient_changed(self) -> None:
        self.flush()
        round_ = self.current_round()
        contact_id = self.recipient_box.currentData()
        self._key = (round_.id, contact_id) if round_ and contact_id is not None else None
        draft = self.session.repo.draft(*self._key) if self._key else None
        self._loading = True
        self.editor.setPlainText(draft.body if draft else "")
        self._loading = False
        self._loading = True
        if draft:
            self.channel_box.setCurrentIndex(list(Channel).index(draft.channel))
        self._loading = False
        self._choose_template(draft.template if draft else "")
        if round_ is not None and round_.ends_at > self.session.now():
            self.saved.setText(
                "This interview hasn't happened yet: the letter can be drafted, "
                "but not sent before it ends."
            )
        elif draft:
            self.saved.setText(
                f"Draft restored, last saved "
                f"{draft.updated_at.astimezone(self.session.zone):%a %H:%M}"
            )
        else:
            self.saved.setText(
                "" if self._key else "Add an interview with its interviewers first (Interviews)."
            )
        enabled = self._key is not None
        for widget in (self.editor, self.insert, self.mark_sent, self.channel_box):
            widget.setEnabled(enabled)
        self.run_check()

    def _channel_changed(self) -> None:
        self._choose_template()
        self.bar.show_channel(self.channel())
        self.run_check()
        self._schedule_save()

    def _choose_template(self, name: str = "") -> None:
        """The draft's template, else the one that fits the round and the channel."""
        round_ = self.current_round()
        post = self.channel() is Channel.POST
        preferred = [name] if name else []
        if round_ is not None and round_.kind is RoundKind.PANEL:
            preferred.append("panel-note")
        if round_ is not None and round_.kind is RoundKind.PHONE and not post:
            preferred.append("phone-screen")
        preferred.append("thank-you-letter" if post else "thank-you-email")
        for wanted in preferred:
            for index in range(self.template_box.count()):
                if self.template_box.itemData(index).name == wanted:
                    self.template_box.setCurrentIndex(index)
                    return

    def channel(self) -> Channel:
        return Channel(self.channel_box.currentData())  # Qt hands StrEnums back as str

    def use_template(self) -> None:
        round_ = self.current_round()
        if round_ is None or self._key is None:
            return
        if self.editor.toPlainText().strip():
            answer = QMessageBox.question(
                self, "Replace the letter?", "Replace what you have written with the template?"
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        template: Template = self.template_box.currentData()
        repo = self.session.repo
        zone = self.session.zone
        values = variables(
            self.session.settings.profile(),
            repo.application(round_.application_id),
            round_,
            repo.contact(self._key[1]),
            self.session.now().astimezone(zone).date(),
            rules.interview_date(round_.starts_at, zone),
        )
        try:
            text = render(template, values).body
        except FollowUpError as error:
            self.session.dialogs.error(self, "Template problem", str(error))
            return
        self.editor.setPlainText(text)

    # -- checking and saving --------------------------------------------------------------

    def context(self) -> Context:
        round_ = self.current_round()
        if round_ is None or self._key is None:
            return Context(channel=self.channel())
        sent = any(x.contact_id == self._key[1] for x in self.session.repo.letters(round_.id))
        return Context(
            channel=self.channel(),
            kind=Kind.LETTER,
            topics=round_.topics,
            strengths=round_.strengths,
            notes=f"{round_.notes}\n{round_.next_steps}",
            recipient=self.recipient_box.currentText().split(",")[0],
            already_sent=sent,
        )

    def _text_changed(self) -> None:
        if self._loading:
            return
        self.check_timer.start()
        self._schedule_save()

    def _schedule_save(self) -> None:
        if self._key is not None and not self._loading:
            self.autosave.changed()

    def run_check(self) -> None:
        text = self.editor.toPlainText()
        self.findings = check(text, self.context()) if text.strip() else []
        self.highlighter.set_findings(self.findings)
        self.model.set_findings(self.findings)
        limits = default_rulebook().limits
        limit = limits["post_words" if self.channel() is Channel.POST else "email_words"]
        words = len(tokenize(text).words)  # the same words the length rule counts
        self.word_count.setText(f"{words} / {limit} words")
        self.word_count.setProperty("over", words > limit)
        errors = sum(1 for f in self.findings if f.severity is Severity.ERROR)
        warnings = sum(1 for f in self.findings if f.severity is Severity.WARNING)
        if not text.strip():
            self.verdict.setText("Start writing; the letter is checked as you type.")
        elif not self.findings:
            self.verdict.setText("Brief, thankful and on topic. Ready to send.")
        else:
            self.verdict.setText(f"{errors} to fix, {warnings} to consider.")

    def save_draft(self) -> None:
        """Save the draft now (and say whether it worked)."""
        if self._key is not None:
            self.autosave.save_now()

    def _write_draft(self) -> None:
        if self._key is None:
            return
        template: Template | None = self.template_box.currentData()
        draft = Draft(
            self._key[0],
            self._key[1],
            self.channel(),
            template.name if template else "",
            self.editor.toPlainText(),
            self.session.now(),
        )
        self.session.write(lambda: self.session.repo.save_draft(draft))

    def _draft_saved(self) -> None:
        self.saved.setText(f"Draft saved {self.session.now().astimezone(self.session.zone):%H:%M}")

    def _draft_not_saved(self, reason: str) -> None:
        self.saved.setText(f"Draft NOT saved: {reason} Trying again…")

    def flush(self) -> None:
        """Save a pending draft now (before switching letters or closing)."""
        self.autosave.flush()

    # -- findings ------------------------------------------------------------------------

    def select_finding(self, index: object) -> None:
        finding: Finding = self.model.data(index, FindingRole)  # type: ignore[arg-type]
        if finding is None or finding.start is None or finding.end is None:
            return
        cursor = self.editor.textCursor()
        cursor.setPosition(finding.start)
        cursor.setPosition(finding.end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def finding_at(self, position: int) -> Finding | None:
        for finding in self.findings:
            if (
                finding.start is not None
                and finding.end is not None
                and (finding.start <= position < finding.end)
            ):
                return finding
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            position = self.editor.cursorForPosition(event.pos()).position()
            finding = self.finding_at(position)
            if finding is not None:
                QToolTip.showText(event.globalPos(), finding.message, self.editor)
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)

    # -- sending --------------------------------------------------------------------------

    def outgoing(self) -> Outgoing | None:
        """The letter as it stands, for the delivery buttons (saved first)."""
        round_ = self.current_round()
        if round_ is None or self._key is None:
            return None
        self.flush()
        repo = self.session.repo
        contact = repo.contact(self._key[1])
        template: Template | None = self.template_box.currentData()
        app = repo.application(round_.application_id)
        subject = f"Thank you for the {app.role} interview"
        if template is not None and template.subject:
            zone = self.session.zone
            values = variables(
                self.session.settings.profile(),
                app,
                round_,
                contact,
                self.session.now().astimezone(zone).date(),
                rules.interview_date(round_.starts_at, zone),
            )
            with contextlib.suppress(FollowUpError):  # broken user template: plain subject
                subject = render(template, values).subject or subject
        return Outgoing(round_, contact, self.channel(), subject, self.editor.toPlainText())

    def _sent(self, letter: Letter) -> None:
        self.run_check()
        self.letter_sent.emit(letter)

    def on_mark_sent(self) -> None:
        if self._key is None:
            return
        self.flush()
        round_id, contact_id = self._key
        dialog = SendDialog(
            self.channel(),
            self.session.now(),
            self.session.zone,
            self.recipient_box.currentText(),
            self,
        )
        if not dialog.exec():
            return
        channel, sent_at = dialog.chosen_channel(), dialog.sent_at()
        letter: Letter | None = self.session.run_with_override(
            self,
            lambda override: self.session.repo.record_letter(
                round_id, contact_id, channel, sent_at, override
            ),
        )
        if letter is not None:
            self.saved.setText("Sent and recorded. The call is planned a week from now.")
            self.run_check()
            self.letter_sent.emit(letter)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        self.check_timer.stop()  # hidden: nothing to check until it shows again
        super().hideEvent(event)
