"""Emoji and other characters past U+FFFF before a finding: its marks, its click and the
speller's underline land on its own words (found trying the app as a new user: after
"Dear Ali" and twelve emoji, the status inquiry was underlined on the paragraph before, and
clicking the finding selected "position.")."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCharFormat
from pytestqt.qtbot import QtBot

from followup.checker import Severity
from followup.model import Round
from followup_desktop.composer import Composer, positions
from followup_desktop.session import Session

from .test_composer_spelling import ready

SPELL = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
LETTER = (
    "Dear Ali 😀😀😀😀😀😀😀😀😀😀😀😀,\n\n"
    "Thank you for the interview about the position.\n\n"
    "Any news on the hiring process? 🙏 The interveiw was a pleasure.\n\n"
    "Kind regards,\nSam Lee"
)


def _marked(composer: Composer, style: QTextCharFormat.UnderlineStyle | None = None) -> list[str]:
    """The words under each mark, read from what Qt paints (its formats count UTF-16)."""
    out = []
    block = composer.editor.document().firstBlock()
    while block.isValid():
        units = block.text().encode("utf-16-le")
        for r in block.layout().formats():
            if style is None or r.format.underlineStyle() == style:
                out.append(units[2 * r.start : 2 * (r.start + r.length)].decode("utf-16-le"))
        block = block.next()
    return out


def test_marks_and_the_click_land_on_the_findings_words(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = ready(qtbot, session)
    composer.editor.setPlainText(LETTER)
    composer.run_check()
    inquiry = next(f for f in composer.findings if f.rule == "status-inquiry")
    words = LETTER[inquiry.start or 0 : inquiry.end or 0]
    assert words.startswith("Any news")
    assert words in _marked(composer)
    assert "interveiw" in _marked(composer, SPELL)
    composer.select_finding(inquiry, False)
    assert composer.editor.textCursor().selectedText() == words
    hover = composer.editor.toPlainText().index("news")  # a Python index …
    at = positions.position(LETTER, hover)  # … and where Qt has it
    found = composer.finding_at(at)
    assert found is not None and found.rule == "status-inquiry"
    word = positions.position(LETTER, LETTER.index("interveiw") + 2)
    menu = composer.editor.spelling_menu(word)
    assert menu.actions()[0].text() == "interview"
    menu.actions()[0].trigger()
    assert "🙏 The interview was a pleasure." in composer.editor.toPlainText()


def test_the_subject_lines_marks_follow_emoji_too(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = ready(qtbot, session)
    composer.subject.setText("🙂🙂 Thank you — any update on my application?")
    composer.run_check()
    finding = next(f for f in composer.subject_findings if f.rule == "status-inquiry")
    text = composer.subject.text()
    composer.select_finding(finding, True)
    assert composer.subject.selectedText() == text[finding.start or 0 : finding.end or 0]
    at = positions.position(text, (finding.start or 0) + 1)
    assert composer.subject.finding_at(at) == finding
    assert finding.severity in (Severity.ERROR, Severity.WARNING)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \n😀🙏é𝐁"), max_size=40))
def test_positions_and_indexes_agree_with_utf16(text: str) -> None:
    for i in range(len(text) + 1):
        qt = len(text[:i].encode("utf-16-le")) // 2
        assert positions.position(text, i) == qt == positions.counter(text)(i)
        assert positions.index(text, qt) == i
