"""What the interview, application and contact forms share: a form that saves through the
domain and says a refusal beside its field, and the small editors the forms are built of."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from followup.errors import FollowUpError, NotFound
from followup.unreadable import Unreadable
from followup_desktop.accessibility import named
from followup_desktop.date_range import bound_days
from followup_desktop.field_errors import FieldErrors
from followup_desktop.locale_dates import day_edit_format
from followup_desktop.session import Session
from followup_desktop.unsaved import GuardedDialog


class FormDialog(GuardedDialog):
    """A form whose OK saves; a domain error is shown beside the field it is about (or on
    the form's own line), the field focused, and the dialog stays open."""

    def __init__(self, session: Session, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.error = named(QLabel(), "Problem", style="error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.fields = FieldErrors(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.cancel)
        self.body = QVBoxLayout(self)
        self.unreadable: Unreadable | None = None

    def opened_unreadable(self, bad: Unreadable | None) -> None:
        """Opened on a stored record that cannot be read: say beside each bad field why, and
        refuse to save a stand-in (a made-up time) as if the user had given it."""
        self.unreadable = bad
        if bad is None:
            return
        elsewhere = [
            reason for field, reason in bad.by_field if not self.fields.note(field, reason)
        ]
        if elsewhere:
            self.error.setText("; ".join(elsewhere))
            self.error.show()

    def finish(self) -> None:
        self.body.addWidget(self.error)
        self.body.addWidget(self.buttons)
        self.watch_changes()  # as opened: Escape or Cancel asks before losing typing

    def save(self) -> None:
        raise NotImplementedError

    def gone_words(self, error: NotFound) -> str:
        """What to say when saving found a record gone: in words (the domain names it by its
        id, which the user never sees)."""
        what = {"interview round": "interview"}.get(error.kind, error.kind or "record")
        return f"The {what} is no longer in your file: another program may have deleted it."

    def accept(self) -> None:
        try:
            self.save()
        except NotFound as error:  # another program deleted it while the form was open
            self.fields.show(NotFound(self.gone_words(error), error.field))
            return
        except FollowUpError as error:
            self.fields.show(error)
            return
        self.fields.clear()
        super().accept()


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def text_line(text: str = "", accessible: str = "") -> QLineEdit:
    return named(QLineEdit(text), accessible)


class OptionalDate(QWidget):
    """A date that may be unset: a check box, then the date."""

    def __init__(self, label: str, value: date | None, today: date) -> None:
        super().__init__()
        self.enabled = named(QCheckBox(label), label)
        self.edit = bound_days(named(QDateEdit(), label))
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(day_edit_format())
        self.edit.setDate(qdate(value or today))
        self.enabled.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.enabled.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)

    def value(self) -> date | None:
        if not self.enabled.isChecked():
            return None
        result = self.edit.date().toPython()
        assert isinstance(result, date)
        return result
