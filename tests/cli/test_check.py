"""``followup check``: findings located right, hostile pastes answered briefly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .runner import run, seed


def check(tmp_path: Path, text: str, *options: str) -> tuple[int, str]:
    letter = tmp_path / "letter.txt"
    letter.write_text(text, encoding="utf-8")
    result = run(tmp_path / "db.sqlite3", "check", str(letter), *options)
    assert result.err == ""
    return result.code, result.out


def test_findings_are_placed_by_line_and_column(tmp_path: Path) -> None:
    text = "Dear Dana,\n\nThank you!! It was great.\n  Any update on my application?\nKind regards,"
    code, out = check(tmp_path, text)
    assert code == 1  # the status inquiry and the missing name are errors
    assert "3:10  warning  informal" in out
    assert "4:3  error  status-inquiry" in out
    assert "5:1  error  no-signature" in out
    assert "letter  warning  no-interest" in out


@pytest.mark.parametrize(
    "text",
    [
        "Thanks " + "!! " * 350_000,
        "Thanks " + "😀" * 250_000,
        "x" * 1_000_000,
        "Any update?\n" * 90_000,
        "".join(chr(0x20 + (i * 7919) % 0xD000) for i in range(300_000)),
    ],
    ids=["bangs", "emoji", "one-word", "lines", "unicode"],
)
def test_a_hostile_megabyte_gets_a_short_answer(tmp_path: Path, text: str) -> None:
    code, out = check(tmp_path, text, "--json")
    findings = json.loads(out)
    assert code in (0, 1)
    assert len(findings) < 60  # capped per rule, not one row per "!!"
    for finding in findings:
        if finding["start"] is not None:
            assert 0 <= finding["start"] < finding["end"] <= len(text)


def test_a_letter_naming_another_day_than_the_interviews_is_an_error(tmp_path: Path) -> None:
    """The round (seed) was on Wednesday, November 25 in New York."""
    seed(tmp_path / "db.sqlite3")
    wrong = "Dear Dana,\n\nThank you for meeting with me on Tuesday, November 24, about the role."
    code, out = check(tmp_path, wrong, "--interview", "1")
    assert code == 1
    assert "3:34  error  wrong-day" in out and "Wednesday the 25th" in out
    right = wrong.replace("Tuesday, November 24", "Wednesday, November 25")
    _, out = check(tmp_path, right, "--interview", "1")
    assert "wrong-day" not in out
    _, out = check(tmp_path, wrong)  # no interview given: its day is not known
    assert "wrong-day" not in out


@pytest.mark.parametrize(
    "text",
    ["", "  \n\t\n", "\ufeff", "\u200b\u2060\n", "\u0301\u0301", "\u3164\u2800", "...\n—", "😀!!"],
)
def test_an_empty_letter_is_refused_not_passed(tmp_path: Path, text: str) -> None:
    """It said "No findings: brief, thankful, and on topic." of an empty file."""
    letter = tmp_path / "letter.txt"
    letter.write_text(text, encoding="utf-8")
    result = run(tmp_path / "db.sqlite3", "check", str(letter))
    assert result.code == 2 and result.out == ""
    assert result.err == f"followup: {letter} holds no letter (no word in it)\n"
    piped = run(tmp_path / "db.sqlite3", "check", "-", stdin="\n")
    assert piped.err == "followup: standard input holds no letter (no word in it)\n"


def test_a_byte_order_mark_is_no_part_of_the_letter(tmp_path: Path) -> None:
    """Notepad's mark before the first word: columns count from the first letter."""
    _code, out = check(tmp_path, "\ufeffThank you!! It was great.")
    assert "1:10  warning  informal" in out
