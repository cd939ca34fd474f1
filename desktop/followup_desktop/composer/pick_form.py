"""The top of the composer: which interview, to whom, by which channel, from which template,
and, for e-mail, the subject line. It shows what ``picker`` offers; it decides nothing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from followup.date_style import DateStyle
from followup.model import Channel
from followup.templates import Template
from followup_desktop.accessibility import named
from followup_desktop.composer.editor import repolish
from followup_desktop.composer.picker import RecipientOption, RoundOption, sent_note
from followup_desktop.composer.subject_line import SubjectLine


class PickForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.round_box = named(QComboBox(), "Interview round")
        self.recipient_box = named(QComboBox(), "Recipient")
        self.channel_box = named(QComboBox(), "Channel")
        for channel in Channel:
            self.channel_box.addItem("E-mail" if channel is Channel.EMAIL else "Post", channel)
        self.template_box = named(QComboBox(), "Template")
        self.insert = named(QPushButton("Use template"), "Use the chosen template")
        self.subject = named(SubjectLine(), "Subject")
        self.subject.setPlaceholderText("The e-mail's subject line")
        self.subject_label = QLabel("Subject")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Interview", self.round_box)
        form.addRow("To", self.recipient_box)
        row = QHBoxLayout()
        row.addWidget(self.channel_box)
        row.addWidget(self.template_box, 1)
        row.addWidget(self.insert)
        form.addRow("Send by", row)
        form.addRow(self.subject_label, self.subject)

    def channel(self) -> Channel:
        return Channel(self.channel_box.currentData())  # Qt hands StrEnums back as str

    def fill_rounds(self, options: Sequence[RoundOption], target: int | None) -> None:
        box = self.round_box
        box.blockSignals(True)
        box.clear()
        for option in options:
            box.addItem(option.label, option.round_id)
        box.setCurrentIndex(max(box.findData(target), 0))
        box.blockSignals(False)

    def fill_recipients(
        self,
        options: Sequence[RecipientOption],
        keep: int | None,
        zone: tzinfo,
        dates: DateStyle,
    ) -> None:
        """The To list, each person marked when their letter has gone (how, and when). With
        no one to keep, the first person still owed a letter is chosen."""
        if keep is None:
            keep = next((o.contact.id for o in options if o.letter is None), None)
        box = self.recipient_box
        box.blockSignals(True)
        box.clear()
        for option in options:
            box.addItem(option.label, option.contact.id)
            if option.letter is not None:
                tip = sent_note(option.letter, zone, dates)
                box.setItemData(box.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        if keep is not None:
            box.setCurrentIndex(max(box.findData(keep), 0))
        box.blockSignals(False)

    def fill_templates(self, templates: Sequence[Template], chosen: Template | None) -> None:
        box = self.template_box
        box.blockSignals(True)
        box.clear()
        for template in templates:
            box.addItem(template.title, template)
            if chosen is not None and template.name == chosen.name:
                box.setCurrentIndex(box.count() - 1)
        box.blockSignals(False)

    def allow(self, chosen: bool, sent: bool) -> None:
        """Usable once a letter is chosen; a sent letter's choices are held, its subject shown
        as it left (read-only)."""
        for widget in (self.insert, self.channel_box, self.subject):
            widget.setEnabled(chosen)
        for widget in (self.insert, self.channel_box, self.template_box):
            widget.setEnabled(chosen and not sent)
        self.subject.setReadOnly(sent)
        repolish(self.subject)

    def show_subject(self, shown: bool) -> None:
        self.subject.setVisible(shown)
        self.subject_label.setVisible(shown)
