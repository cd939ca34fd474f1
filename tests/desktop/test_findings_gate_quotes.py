"""The list of open errors before a letter leaves quotes the words each one is about, so the
user knows where to look without hunting (found trying the app as a new user)."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import pairwise
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QDialog, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from followup.checker import Finding, Severity
from followup.model import Channel, Round
from followup_desktop.composer import Composer
from followup_desktop.composer.gate import FindingsGate
from followup_desktop.composer.send_dialog import SendDialog
from followup_desktop.session import Session

from .test_send_gates import BAD, Modal, listed

NOW = datetime(2026, 3, 2, 15, tzinfo=UTC)


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
    gate = FindingsGate(out.errors, "Send", NOW)
    qtbot.addWidget(gate)
    lines = listed(gate)
    decision = [line for line in lines if "decision" in line.lower()]
    assert decision and decision[0].startswith("“let me know your decision”: "), lines
    assert any(line.startswith("“Any update") for line in lines), "the subject's words too"


def test_a_finding_about_the_whole_letter_or_a_long_passage_reads_well(qtbot: QtBot) -> None:
    text = "word " * 40
    whole = Finding("no-thanks", Severity.ERROR, None, None, "Say thank you.")
    long = Finding("x", Severity.ERROR, 0, len(text), "Too long.")
    gate = FindingsGate([(whole, text), (long, text)], "Send", NOW)
    qtbot.addWidget(gate)
    first, second = listed(gate)
    assert first == "Say thank you."
    assert second.endswith("…”: Too long.") and len(second) < 80, second


def test_advice_that_quotes_the_words_itself_is_not_quoted_twice(qtbot: QtBot) -> None:
    subject = "Any update??"
    marks = Finding("urgent-marks", Severity.WARNING, 10, 12, "“??” reads as urgent.")
    gate = FindingsGate([(marks, subject)], "Send", NOW)
    qtbot.addWidget(gate)
    assert listed(gate) == ["“??” reads as urgent."]


def _decision(text: str) -> tuple[Finding, str]:
    start = text.index("let me know")
    return Finding("asks-for-decision", Severity.ERROR, start, len(text), "don't press"), text


def test_a_reason_too_long_to_keep_is_said_beside_it_and_the_gate_stays_open(
    qtbot: QtBot,
) -> None:
    """The record is made as the user goes ahead: a reason the letter's record could not keep
    was accepted here and then failed when the letter was recorded, after it had left."""
    gate = FindingsGate([_decision("Please let me know your decision by Friday.")], "Send", NOW)
    qtbot.addWidget(gate)
    gate.show()
    gate.confirm.setChecked(True)
    gate.reason.setText("because " * 200)
    gate.anyway.click()
    assert gate.isVisible() and gate.result() != QDialog.DialogCode.Accepted
    said = gate.problems.shown()["reason"]
    assert "too long" in said and gate.record is None
    assert gate.reason.text() == "because " * 200  # the typing is kept to shorten
    gate.reason.setText("the recruiter asked for a date")
    gate.anyway.click()
    assert gate.result() == QDialog.DialogCode.Accepted
    assert gate.record is not None and gate.record.rule == "open-findings"
    assert gate.record.reason.startswith("the recruiter asked for a date (sent with open")
    assert gate.record.at == NOW


def _rows_apart(listed: QListWidget) -> list[int]:
    """The pixels between each item and the next as the list lays them out."""
    rects = [listed.visualItemRect(listed.item(i)) for i in range(listed.count())]
    return [b.top() - a.bottom() - 1 for a, b in pairwise(rects)]


def test_each_finding_is_a_line_of_its_own_and_a_subject_finding_says_so(
    qtbot: QtBot, session: Session, interview: Round, on_next_modal: Modal
) -> None:
    """Found by the new-user trial: wrapped findings ran together with no gap, and one about
    the subject line did not say it was (the check panel said "Fix (subject):")."""
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    composer.editor.setPlainText(BAD)
    composer.subject.setText("Any update??")
    seen: dict[str, object] = {}

    def look(dialog: QWidget) -> None:
        if not isinstance(dialog, FindingsGate):
            dialog.close()  # a failing test must not leave a modal waiting forever
            raise AssertionError(type(dialog))
        seen["lines"] = listed(dialog)
        seen["apart"] = _rows_apart(dialog.list)
        dialog.fix.click()

    on_next_modal(look)
    composer.bar.mail_app.click()  # the gate comes before the mail app
    lines = seen["lines"]
    assert isinstance(lines, list) and len(lines) >= 2, lines
    about_subject = [line for line in lines if "update" in line.lower()]
    assert about_subject and all(s.startswith("In the subject: “Any update") for s in about_subject)
    assert not any(line.startswith("In the subject") for line in lines if "decision" in line)
    apart = seen["apart"]
    assert isinstance(apart, list) and apart and min(apart) >= 4, apart
    rows = [composer.model.index(r).data() for r in range(composer.model.rowCount())]
    assert any(row.startswith("Fix in the subject: ") for row in rows), rows
    assert not any("(subject)" in row for row in rows), rows
    assert session.repo.letters() == []


def test_mark_as_sent_lists_them_the_same_way(qtbot: QtBot, interview: Round) -> None:
    body = "Please let me know your decision by Friday."
    subject = "Any update??"
    marks = Finding("urgent-marks", Severity.WARNING, 10, 12, "Reads as urgent.")
    dialog = SendDialog(
        Channel.EMAIL, NOW, ZoneInfo("America/New_York"), "Dana Müller",
        errors=[_decision(body), (marks, subject)], subject=subject,
    )  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.show()
    shown = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
    assert shown == [
        "“let me know your decision by Friday.”: don't press",
        "In the subject: “??”: Reads as urgent.",
    ]
    assert min(_rows_apart(dialog.findings)) >= 4
