"""One status palette, derived from the system palette: readable in light, dark and
high-contrast themes (WCAG 4.5:1 on the palette's base), and the only place colours live."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from followup.plan import ItemState
from followup_desktop.app import stylesheet
from followup_desktop.status_palette import (
    MIN_CONTRAST,
    Tone,
    contrast,
    readable,
    state_colour,
    style_tokens,
    tone,
)

ROOT = Path(__file__).resolve().parents[2]


def themed(base: str, text: str) -> QPalette:
    palette = QPalette()
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
        palette.setColor(role, QColor(base))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        palette.setColor(role, QColor(text))
    return palette


THEMES = {
    "light": themed("#ffffff", "#000000"),
    "dark": themed("#1e1f22", "#eeeeee"),
    "high-contrast": themed("#000000", "#ffffff"),
    "solarized": themed("#fdf6e3", "#586e75"),
}


def test_every_status_reads_on_every_theme(qapp: object) -> None:
    for name, palette in THEMES.items():
        base = palette.color(QPalette.ColorRole.Base)
        for kind in Tone:
            assert contrast(tone(kind, palette), base) >= MIN_CONTRAST, (name, kind)
        for state in ItemState:
            assert contrast(state_colour(state, palette), base) >= MIN_CONTRAST, (name, state)


def test_the_hue_is_kept_where_it_already_reads(qapp: object) -> None:
    light = THEMES["light"]
    assert tone(Tone.ERROR, light).name() == "#c0392b"
    dark = tone(Tone.ERROR, THEMES["dark"])
    assert dark.name() != "#c0392b" and abs(dark.hslHue() - QColor("#c0392b").hslHue()) <= 2


@given(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255), st.sampled_from(list(Tone)))
def test_any_background_gets_a_readable_colour(r: int, g: int, b: int, kind: Tone) -> None:
    background = QColor(r, g, b)
    assert contrast(readable(QColor("#c0392b"), background), background) >= MIN_CONTRAST - 0.01


def test_the_style_sheet_has_every_token_filled(qapp: object) -> None:
    sheet = stylesheet()
    assert not re.search(r"@\w", sheet)
    assert style_tokens()["@error"] in sheet


def test_colours_live_only_in_the_status_palette() -> None:
    """No hard-coded colour in GUI modules (the icons are SVG files, not code)."""
    offenders = []
    for path in (ROOT / "desktop" / "followup_desktop").rglob("*.py"):
        if path.name == "status_palette.py":
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if re.search(r"#[0-9a-fA-F]{6}\b|QColor\(\"", line):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []


def test_today_in_a_dark_theme(qtbot: QtBot, qapp: object, tmp_path: Path) -> None:
    """A real view painted with a dark palette: status words in readable colours."""
    from datetime import UTC, datetime

    from followup.storage import Database, Repository
    from followup_desktop.clock import FixedClock
    from followup_desktop.session import Session
    from followup_desktop.shell import Shell

    now = datetime(2026, 11, 27, 15, tzinfo=UTC)
    database = Database.open(tmp_path / "dark.sqlite3", now)
    from zoneinfo import ZoneInfo

    from followup.demo import populate

    populate(Repository(database), now, ZoneInfo("America/New_York"))
    previous = qapp.palette()  # type: ignore[attr-defined]
    qapp.setPalette(THEMES["dark"])  # type: ignore[attr-defined]
    qapp.setStyleSheet(stylesheet())  # type: ignore[attr-defined]
    try:
        shell = Shell(Session(Repository(database), FixedClock(now)))
        window = shell.window
        qtbot.addWidget(window)
        window.resize(1000, 700)
        shell.start()
        qtbot.waitUntil(lambda: shell.settled)  # painted with data, then settled
        image = window.grab().toImage()
        image.save(str(tmp_path / "dark.png"))
        assert image.pixelColor(600, 400).lightness() < 80  # the dark base is used
    finally:
        qapp.setStyleSheet("")  # type: ignore[attr-defined]
        qapp.setPalette(previous)  # type: ignore[attr-defined]
        database.close()
