"""The reason asked for when the user goes ahead against an etiquette rule: a dialog wide
enough for its title and question (a window manager cut "Record the exception" to
"Recor… eption"), with the question in full inside it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from followup.errors import Refusal
from followup_desktop.session import Dialogs

# A window manager's title bar spends this much beside the title (icon, three buttons).
TITLE_BAR_EXTRAS = 160

Schedule = Callable[[Callable[[QWidget], None]], None]


def reason_dialog(dialog: QWidget) -> QInputDialog:
    assert isinstance(dialog, QInputDialog), dialog
    return dialog


def go_ahead(on_next_modal: Schedule, answer: Callable[[QInputDialog], None]) -> None:
    """Click "Do it anyway…" in the refusal, then hand the reason dialog to ``answer``."""

    def refusal(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        on_next_modal(lambda dialog: answer(reason_dialog(dialog)))
        anyway = next(b for b in box.buttons() if b.text() == "Do it anyway…")
        anyway.click()

    on_next_modal(refusal)


def test_the_reason_dialog_fits_its_title_and_says_the_question_in_full(
    qtbot: QtBot, on_next_modal: Schedule
) -> None:
    seen: dict[str, object] = {}
    parent = QWidget()
    qtbot.addWidget(parent)

    def answer(dialog: QInputDialog) -> None:
        title = dialog.windowTitle()
        bold = QApplication.font()
        bold.setBold(True)  # as title bars draw it
        bar = QFontMetrics(bold)
        seen["title"] = title
        seen["label"] = dialog.labelText()
        seen["fits"] = dialog.width() >= bar.horizontalAdvance(title) + TITLE_BAR_EXTRAS
        seen["wide"] = dialog.width() >= 400
        labels = [lab for lab in dialog.findChildren(QLabel) if lab.text()]
        seen["wraps"] = bool(labels) and all(lab.wordWrap() for lab in labels)
        dialog.setTextValue("  they asked me to resend it  ")
        dialog.accept()

    go_ahead(on_next_modal, answer)
    reason = Dialogs().confirm_override(parent, Refusal("second-letter", "One letter only."))
    assert reason == "they asked me to resend it"
    assert len(str(seen["title"])) <= 20, seen
    assert "Why is this exception right?" in str(seen["label"]), seen
    assert seen["fits"] and seen["wide"] and seen["wraps"], seen


def test_no_reason_given_respects_the_rule(qtbot: QtBot, on_next_modal: Schedule) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def answer(dialog: QInputDialog) -> None:
        dialog.setTextValue("   ")
        dialog.accept()

    go_ahead(on_next_modal, answer)
    assert Dialogs().confirm_override(parent, Refusal("second-letter", "One letter only.")) is None
