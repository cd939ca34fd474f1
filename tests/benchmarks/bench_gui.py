"""GUI speed with a big database, each timed from the real key to the paint it leads to:
a month switch to a month never planned (< 16 ms) and a keystroke in the middle of a long
letter with the whole-letter check and spelling (< 30 ms)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from keys import PaintSpy, press, until_painted
from PySide6.QtCore import Qt
from pytest_benchmark.fixture import BenchmarkFixture
from pytestqt.qtbot import QtBot

from followup.demo import populate
from followup.storage import Database, Repository
from followup_desktop.clock import FixedClock
from followup_desktop.session import Session
from followup_desktop.shell import settle_memory

NOW = datetime(2026, 11, 27, 15, tzinfo=UTC)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.sqlite3"
    database = Database.open(path, NOW)
    populate(Repository(database), NOW, ZoneInfo("America/New_York"), count=10_000)
    database.close()
    return path


def test_month_switch_with_10000_interviews(
    benchmark: BenchmarkFixture, qtbot: QtBot, big: Path
) -> None:
    from followup_desktop.calendar.view import CalendarView

    session = Session(Repository(Database.open(big, NOW)), FixedClock(NOW))
    view = CalendarView(session)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    view.grid.select(date(2023, 6, 15))  # mid-history: about 3 interviews a day around here
    assert len(view.grid.by_day) > 30
    settle_memory()  # as the app does once it has started (Shell._settle)

    painted = PaintSpy(view.grid)

    def switch() -> None:
        before = painted.count
        press(view.grid, Qt.Key.Key_PageUp)  # always a month never planned: history backwards
        until_painted(painted, before)

    benchmark.pedantic(switch, rounds=36, iterations=1)


@pytest.mark.parametrize("paragraph_words", [100, 3000], ids=["paragraphs", "one-block"])
def test_keystroke_in_a_3000_word_letter(
    benchmark: BenchmarkFixture, qtbot: QtBot, big: Path, paragraph_words: int
) -> None:
    """3,000 words; in paragraphs of about 100 words (a letter), or as one block (worst)."""
    from followup_desktop.composer import Composer

    session = Session(Repository(Database.open(big, NOW)), FixedClock(NOW))
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    # Spelling on, as a user has it: each keystroke also re-spells its paragraph.
    qtbot.waitUntil(lambda: composer.spelling.speller is not None, timeout=10000)
    sentence = "Thank you for the interview; I really need this job and your office is lovely. "
    words_per_sentence = len(sentence.split())
    per_paragraph = max(paragraph_words // words_per_sentence, 1)
    paragraph = (sentence * per_paragraph).strip()
    count = 3000 // (per_paragraph * words_per_sentence)
    composer.editor.setPlainText("\n\n".join([paragraph] * count))
    composer.run_check()
    middle = composer.editor.textCursor()
    middle.setPosition(len(composer.editor.toPlainText()) // 2)  # every later finding moves
    composer.editor.setTextCursor(middle)
    settle_memory()  # as the app does once it has started (Shell._settle)
    painted = PaintSpy(composer.editor.viewport())

    def keystroke() -> None:
        before = painted.count
        press(composer.editor, Qt.Key.Key_X, "x")
        composer.run_check()  # what the debounce timer runs after the last key
        until_painted(painted, before)  # the repaint with the new findings and spelling

    # Two warm-up keystrokes (the first lays out the whole text once), then steady typing.
    benchmark.pedantic(keystroke, rounds=40, warmup_rounds=2)
