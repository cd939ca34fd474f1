"""Before a letter leaves with open errors: list them; fix them, or confirm in so many words.

Send, mail app, print and PDF pass here; Mark as sent lists the same errors in its own one
window (``send_dialog``), beside the date. Going back to fix is the default button; going
ahead needs a second, deliberate click, and is recorded with the letter
(``followup.send_gate``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from followup.checker import Finding
from followup.errors import FollowUpError
from followup.model import Override
from followup.send_gate import exception
from followup_desktop.accessibility import named
from followup_desktop.field_errors import FieldErrors
from followup_desktop.modal import ModalDialog


class FindingsGate(ModalDialog):
    """The open errors, with "Fix the letter" (default) and "<action> anyway"."""

    def __init__(
        self,
        errors: Sequence[tuple[Finding, str]],
        action: str,
        now: datetime,
        parent: QWidget | None = None,
        *,
        subject: str = "",
    ) -> None:
        """``subject``: the subject line, so findings in it say so ("In the subject: …")."""
        super().__init__(parent)
        self.errors = list(errors)
        self.now = now
        self.record: Override | None = None  # what going ahead records, made on accept
        self.setObjectName("findings-gate")
        self.setWindowTitle("The letter still has something to fix")
        self.setMinimumWidth(520)
        count = len(errors)
        intro = QLabel(
            f"{count} thing{'s' if count != 1 else ''} in this letter "
            f"{'need' if count != 1 else 'needs'} fixing before it goes out:"
        )
        intro.setWordWrap(True)
        self.list = findings_list(errors, subject)
        self.confirm = named(
            QCheckBox("I have read these and want the letter to go out as it is"),
            "Confirm sending with open findings",
        )
        self.reason = named(QLineEdit(), "Why it is right to go ahead (kept with the letter)")
        self.reason.setPlaceholderText("Why go ahead? (optional; kept with the letter)")
        buttons = QDialogButtonBox()
        self.fix = named(QPushButton("Fix the letter"), "Go back and fix the letter")
        self.anyway = named(QPushButton(f"{action} anyway"), f"{action} anyway")
        buttons.addButton(self.fix, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.anyway, QDialogButtonBox.ButtonRole.AcceptRole)
        self.fix.setDefault(True)
        self.anyway.setEnabled(False)
        self.confirm.toggled.connect(self.anyway.setEnabled)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        general = named(QLabel(), "Problem", style="error")
        general.hide()
        self.problems = FieldErrors(general)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.confirm)
        layout.addWidget(self.problems.wrap("reason", self.reason))
        layout.addWidget(general)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Going ahead is recorded as the domain makes the record: a reason it refuses (too
        long to keep beside the named findings) is said beside the field, the dialog stays
        open and the typing is kept, instead of failing later when the letter is recorded."""
        if not self.confirm.isChecked():
            return
        try:
            self.record = exception(None, self.errors, self.reason.text(), self.now)
        except FollowUpError as error:
            self.problems.show(error)
            return
        super().accept()


QUOTE_AT_MOST = 60  # characters of the words quoted before the advice


def gate_line(finding: Finding, text: str, subject: str = "") -> str:
    """The finding's advice, after the words it is about (so the user knows where to look),
    and "In the subject: " first when ``text`` is the subject line."""
    where = "In the subject: " if subject and text == subject else ""
    if finding.start is None or finding.end is None:
        return where + finding.message
    words = " ".join(text[finding.start : finding.end].split())
    if not words or f"“{words}”" in finding.message:  # empty, or the advice quotes it already
        return where + finding.message
    if len(words) > QUOTE_AT_MOST:
        words = words[: QUOTE_AT_MOST - 1].rstrip() + "…"
    return f"{where}“{words}”: {finding.message}"


ITEM_GAP = 6  # pixels between findings, so wrapped ones do not run together


def findings_list(errors: Sequence[tuple[Finding, str]], subject: str = "") -> QListWidget:
    """The open errors, one item each, wrapped, with a gap between them."""
    listed = named(QListWidget(), "Open findings")
    listed.setWordWrap(True)
    listed.setSpacing(ITEM_GAP // 2)  # around each item: the gap between two is twice it
    for finding, text in errors:
        listed.addItem(gate_line(finding, text, subject))
    return listed


def pass_gate(
    parent: QWidget | None,
    errors: Sequence[tuple[Finding, str]],
    action: str,
    now: datetime,
    subject: str = "",
) -> tuple[bool, Override | None]:
    """(go ahead?, the confirmation to record). No errors: go ahead, nothing to record."""
    if not errors:
        return True, None
    gate = FindingsGate(errors, action, now, parent, subject=subject)
    if gate.exec() != QDialog.DialogCode.Accepted:
        return False, None
    return True, gate.record
