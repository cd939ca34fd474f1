"""The list of open errors before a letter leaves quotes the words each one is about, so the
user knows where to look without hunting (found trying the app as a new user)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from followup.checker import Finding, Severity
from followup.model import Round
from followup_desktop.composer import Composer
from followup_desktop.composer.gate import FindingsGate
from followup_desktop.session import Session

from .test_send_gates import BAD, listed


def test_the_gate_quotes_the_words_each_error_is_about(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    composer.editor.setPlainText(BAD)
    composer.subject.setText("Any update??")
    out = composer.outgoing()
    assert out is not None
    gate = FindingsGate(out.errors, "Send")
    qtbot.addWidget(gate)
    lines = listed(gate)
    decision = [line for line in lines if "decision" in line.lower()]
    assert decision and decision[0].startswith("“let me know your decision”: "), lines
    assert any(line.startswith("“Any update") for line in lines), "the subject's words too"


def test_a_finding_about_the_whole_letter_or_a_long_passage_reads_well(qtbot: QtBot) -> None:
    text = "word " * 40
    whole = Finding("no-thanks", Severity.ERROR, None, None, "Say thank you.")
    long = Finding("x", Severity.ERROR, 0, len(text), "Too long.")
    gate = FindingsGate([(whole, text), (long, text)], "Send")
    qtbot.addWidget(gate)
    first, second = listed(gate)
    assert first == "Say thank you."
    assert second.endswith("…”: Too long.") and len(second) < 80, second


def test_advice_that_quotes_the_words_itself_is_not_quoted_twice(qtbot: QtBot) -> None:
    subject = "Any update??"
    marks = Finding("urgent-marks", Severity.WARNING, 10, 12, "“??” reads as urgent.")
    gate = FindingsGate([(marks, subject)], "Send")
    qtbot.addWidget(gate)
    assert listed(gate) == ["“??” reads as urgent."]
