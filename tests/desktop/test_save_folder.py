"""Where "Save as PDF" starts, and what it suggests: the folder saved to last, else
Documents, else the home folder (never the process's working folder, where Qt's dialog went
when Documents did not exist, found by the new-user trial); named for the company, the role
and the letter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from followup.model import Round
from followup_desktop.composer import Composer
from followup_desktop.session import Session
from followup_desktop.view_state import save_path


@pytest.fixture
def offered(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The start path each save dialog was given (the user cancels), from a working folder
    that is neither Documents nor home."""
    starts: list[str] = []

    def fake(parent: QWidget | None, title: str, start: str, filters: str) -> tuple[str, str]:
        starts.append(start)
        return "", filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    elsewhere = tmp_path / "where the app was started"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return starts


def documents() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def test_with_no_documents_folder_it_starts_at_home(offered: list[str]) -> None:
    assert not documents().exists()  # a new account: no Documents folder yet
    assert save_path(None, "Save", "a.pdf", "PDF (*.pdf)") is None
    assert Path(offered[0]) == Path.home() / "a.pdf"


def test_a_folder_saved_to_last_that_was_removed_gives_way_to_documents(
    offered: list[str], tmp_path: Path
) -> None:
    documents().mkdir(parents=True)
    QSettings().setValue("dialogs/last_folder", str(tmp_path / "gone"))
    save_path(None, "Save", "a.pdf", "PDF (*.pdf)")
    assert Path(offered[0]) == documents() / "a.pdf"


def test_save_pdf_suggests_company_role_and_letter_in_documents(
    qtbot: QtBot, session: Session, interview: Round, offered: list[str]
) -> None:
    documents().mkdir(parents=True)
    session.save_settings_or_raise({"profile.address": "12 Elm Street\nSpringfield, IL 62704"})
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    composer.channel_box.setCurrentIndex(1)  # the post
    composer.use_template()
    composer.run_check()
    assert composer.findings == [], composer.findings  # no gate in the way
    composer.bar.pdf.click()
    assert [Path(start) for start in offered] == [
        documents() / "Acme - Backend Engineer - letter to Dana Müller.pdf"
    ]
