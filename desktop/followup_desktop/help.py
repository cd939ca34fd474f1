"""The Help menu: how the app works (the rules and why) and the About box."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.accessibility import named
from followup_desktop.modal import ModalDialog


class HowItWorks(ModalDialog):
    """The rules the app keeps, each with its reason (resources/help/how-it-works.md)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("How Interview Follow-Up works")
        text = (resources.files("followup_resources") / "help" / "how-it-works.md").read_text(
            encoding="utf-8"
        )
        self.browser = named(QTextBrowser(), "How it works")
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(fitted_size(self.screen().availableGeometry().size()))


def fitted_size(room: QSize) -> QSize:
    """Room for the headings on one line, and never taller than the screen (800×600 too,
    where the window frame and a panel take some of it)."""
    return QSize(min(760, room.width()), min(680, room.height() - 60))


def about_text(version: str, data_folder: Path | None) -> str:
    where = str(data_folder) if data_folder else "your user data folder"
    return (
        f"<h3>Interview Follow-Up {version}</h3>"
        "<p>One brief letter within two business days and one short call a week later, "
        "and nothing more.</p>"
        f"<p>Your data: <code>{_escape(where)}</code><br>"
        "It stays on this computer; the mail password only in the system keyring.</p>"
        "<p>Licence: GNU General Public License, version 3 or later.</p>"
    )


def _escape(text: str) -> str:
    import html  # noqa: PLC0415

    return html.escape(text)


def show_about(parent: QWidget, data_folder: Path | None) -> None:
    from followup import __version__  # noqa: PLC0415

    QMessageBox.about(parent, "About Interview Follow-Up", about_text(__version__, data_folder))
