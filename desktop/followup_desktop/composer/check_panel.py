"""Beside the letter: the verdict in one line and the findings, letter first, then subject;
under it, the word count."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from followup.checker import Finding, Severity
from followup_desktop.accessibility import named
from followup_desktop.composer.findings import FindingsModel, WrappingDelegate


class CheckPanel(QWidget):
    """Signals: ``finding_chosen(Finding, bool)`` (the finding, and whether it is about the
    subject) when the user clicks or activates one."""

    finding_chosen = Signal(object, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel()
        self.view = named(QListView(), "Findings")
        self.view.setModel(self.model)
        self.view.setItemDelegate(WrappingDelegate(self.view))
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setSpacing(3)
        self.view.clicked.connect(self.choose)
        self.view.activated.connect(self.choose)
        self.verdict = named(QLabel(), style="verdict")
        self.verdict.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(named(QLabel("Etiquette check"), style="subheading"))
        layout.addWidget(self.verdict)
        layout.addWidget(self.view, 1)

    def show_findings(
        self,
        body: Sequence[Finding],
        subject: Sequence[Finding],
        empty: bool,
        sent_note: str,
        early: bool = False,
    ) -> None:
        """List the findings and say in one line where the letter stands (``early``: the
        interview has not ended, so nothing can be sent yet)."""
        self.model.set_findings(body, subject)
        every = [*body, *subject]
        errors = sum(1 for f in every if f.severity is Severity.ERROR)
        warnings = sum(1 for f in every if f.severity is Severity.WARNING)
        if sent_note:
            self.verdict.setText(sent_note)
        elif empty:
            self.verdict.setText("Start writing; the letter is checked as you type.")
        elif not every:
            when = " once the interview has ended" if early else ""
            self.verdict.setText(f"Brief, thankful and on topic. Ready to send{when}.")
        else:
            self.verdict.setText(f"{errors} to fix, {warnings} to consider.")

    def choose(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if index.isValid():
            self.finding_chosen.emit(*self.model.chosen(index.row()))


class WordCount(QLabel):
    """The letter's words against the channel's limit, in the error colour past it."""

    def show_count(self, words: int, limit: int) -> None:
        self.setText(f"{words} / {limit} words")
        over = words > limit
        if self.property("over") != over:
            self.setProperty("over", over)
            # The style sheet reads the property only when the label is polished again.
            self.style().unpolish(self)
            self.style().polish(self)
