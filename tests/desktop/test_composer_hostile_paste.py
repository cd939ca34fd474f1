"""A megabyte pasted into the composer: a short, capped list of findings, spans inside."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from followup.model import Round
from followup_desktop.session import Session

from .test_composer import make


@pytest.mark.parametrize(
    "text", ["😀" * 250_000, "!! " * 350_000, "x" * 1_000_000], ids=["emoji", "bangs", "word"]
)
def test_a_pasted_megabyte_is_rechecked_with_a_capped_list(
    qtbot: QtBot, session: Session, interview: Round, text: str
) -> None:
    composer = make(qtbot, session)
    composer.editor.setPlainText(text)
    composer.run_check()
    assert 0 < composer.model.rowCount() < 40
    assert all(
        f.start is None or 0 <= f.start < f.end <= len(text)  # type: ignore[operator]
        for f in composer.findings
    )
