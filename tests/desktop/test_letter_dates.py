"""Letters date things as people in the writer's country do: a British user's letter says
"Wednesday 25 November" and is dated "27 November 2026"; an American's "Wednesday,
November 25," and "November 27, 2026" (the country in Settings, not the machine's locale)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from followup.model import Round
from followup_desktop.call_assistant import CallAssistant
from followup_desktop.composer import Composer
from followup_desktop.session import Session


@pytest.mark.parametrize(
    ("country", "said", "dated"),
    [
        ("US", "on Wednesday, November 25, to discuss", "November 27, 2026"),
        ("GB", "on Wednesday 25 November to discuss", "27 November 2026"),
    ],
)
def test_the_posted_letter_and_the_call_script_follow_the_country(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    tmp_path: Path,
    country: str,
    said: str,
    dated: str,
) -> None:
    session.save_settings_or_raise(
        {"calendar.country": country, "profile.address": "12 Elm Street\nSpringfield"}
    )
    page = Composer(session)
    qtbot.addWidget(page)
    page.show()
    page.channel_box.setCurrentIndex(1)  # post: the thank-you letter
    page.use_template()  # the editor starts empty: the user asks for the template
    assert said in page.editor.toPlainText()
    out = page.outgoing()
    assert out is not None
    letter = page.bar.delivery.business_letter(out)
    assert letter is not None and letter.date_line == dated
    path = page.bar.delivery.save_pdf(out, tmp_path / "letter.pdf")
    assert path is not None
    assert dated in " ".join(PdfReader(path).pages[0].extract_text().split())

    assistant = CallAssistant(session, interview)
    qtbot.addWidget(assistant)
    spoken = "Wednesday 25 November" if country == "GB" else "Wednesday, November 25"
    assert spoken in assistant.script.toPlainText()
