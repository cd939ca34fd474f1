"""The window that stops a posted letter for something missing is titled with what is
missing. Found by the new-user trial: with only the user's own name missing (for the
signature), Save PDF said "Address missing"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from followup.letter_layout import missing_title
from followup.model import Channel, Contact, PostalAddress, Profile, Round
from followup_desktop.composer import Composer
from followup_desktop.session import Dialogs, Session

HOME = PostalAddress(("12 Elm Street", "Springfield, IL 62704"))


class Recorded(Dialogs):
    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []

    def error(self, parent: QWidget | None, title: str, message: str) -> None:
        self.errors.append((title, message))


def test_save_pdf_without_the_users_name_says_the_name_is_missing(
    qtbot: QtBot, session: Session, interview: Round, tmp_path: Path
) -> None:
    session.save_settings_or_raise({"profile.name": "", "profile.address": "\n".join(HOME.lines)})
    dialogs = Recorded()
    session.dialogs = dialogs
    page = Composer(session)
    qtbot.addWidget(page)
    page.show()
    page.open_for(interview.id, interview.interviewer_ids[0])  # Dana: her address is known
    page.channel_box.setCurrentIndex(list(Channel).index(Channel.POST))
    out = page.outgoing()
    assert out is not None
    assert page.bar.delivery.save_pdf(out, tmp_path / "letter.pdf") is None
    assert dialogs.errors == [
        ("Your name missing", "The letter needs your name (Settings, Profile).")
    ]
    assert not (tmp_path / "letter.pdf").exists()


def test_the_title_names_what_is_missing() -> None:
    dana = Contact(1, "Dana", address=HOME)
    nowhere = Contact(2, "Lee")
    assert missing_title(Profile("", address=HOME), dana) == "Your name missing"
    assert missing_title(Profile("Sam"), dana) == "Address missing"
    assert missing_title(Profile("Sam", address=HOME), nowhere) == "Address missing"
    assert missing_title(Profile("Sam"), nowhere) == "Addresses missing"
    assert missing_title(Profile(""), dana) == "Name and address missing"
