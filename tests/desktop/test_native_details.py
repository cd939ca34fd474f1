"""Details that make the app look at home: crisp icons at 200 %, names shown as typed in
menus and the reminder banner."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap, QTextDocumentFragment
from pytestqt.qtbot import QtBot

from followup.model import Round
from followup.reminders import Reminder
from followup_desktop import kept_pixels
from followup_desktop.banner import ReminderBanner
from followup_desktop.icons import SvgIconEngine, icon
from followup_desktop.kept_pixels import KEPT_FORMAT, icon_pixmap
from followup_desktop.session import Session
from followup_desktop.shell import Shell


def test_icons_render_for_the_device_pixels_at_200_percent(qapp: object) -> None:
    pixmap = icon("today").pixmap(QSize(24, 24), 2.0)
    assert (pixmap.width(), pixmap.height()) == (48, 48)
    assert pixmap.devicePixelRatio() == 2.0
    data = (
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2">'
        b'<rect width="1" height="2"/></svg>'
    )
    engine = SvgIconEngine(data)
    target = QPixmap(48, 48)
    target.setDevicePixelRatio(2.0)
    target.fill(Qt.GlobalColor.white)
    painter = QPainter(target)
    engine.paint(painter, QRect(0, 0, 24, 24), icon("today").Mode.Normal, icon("today").State.Off)
    painter.end()
    assert (48, 48, icon("today").Mode.Normal) in engine.cache  # drawn at 48 px, not 24 stretched
    image = target.toImage()
    assert image.pixelColor(23, 10).value() < 50 and image.pixelColor(24, 10).value() > 200


SQUARE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4">'
    b'<circle cx="2" cy="2" r="1.5" fill="#c03020"/></svg>'
)


def drawn(engine: SvgIconEngine, size: int, mode: QIcon.Mode = QIcon.Mode.Normal) -> QImage:
    return engine.pixmap(QSize(size, size), mode, QIcon.State.Off).toImage()


def kept_files() -> list[Path]:
    folder = Path(os.environ["XDG_CACHE_HOME"]) / "interview-followup" / "icons"
    return sorted(folder.glob("*.pixels")) if folder.is_dir() else []


def test_an_icon_drawn_once_is_kept_and_drawn_from_its_pixels_after(qapp: object) -> None:
    """The next start draws the kept pixels: no SVG parsed, the very same pixels (edges
    half covered included: kept premultiplied, never re-encoded)."""
    first = drawn(SvgIconEngine(SQUARE), 18)
    assert len(kept_files()) == 1
    again = SvgIconEngine(SQUARE)
    assert drawn(again, 18) == first
    assert again._renderer is None  # from the kept pixels: QtSvg not asked
    assert drawn(again, 36) != first and len(kept_files()) == 2  # another size, drawn
    selected = drawn(SvgIconEngine(SQUARE), 18, QIcon.Mode.Selected)
    assert selected != first and len(kept_files()) == 3
    assert drawn(SvgIconEngine(SQUARE), 18, QIcon.Mode.Selected) == selected


@pytest.mark.parametrize("ratio", [1.0, 1.25, 2.0])
def test_a_card_draws_its_state_icon_as_the_icon_paints_it(qapp: object, ratio: float) -> None:
    """The cards take the icon's pixels without ``QIcon`` (``kept_pixels.icon_pixmap``):
    the same pixels as the icon paints, at any scaling, drawn now or read back on the next
    start."""
    place = QRect(3, 4, 18, 18)

    def painted(draw: Callable[[QPainter], None]) -> QImage:
        target = QPixmap(round(30 * ratio), round(30 * ratio))
        target.setDevicePixelRatio(ratio)
        target.fill(Qt.GlobalColor.white)
        painter = QPainter(target)
        draw(painter)
        painter.end()
        return target.toImage()

    def as_a_card(painter: QPainter) -> None:
        painter.drawPixmap(place, icon_pixmap("overdue", place.size(), ratio))

    kept_pixels._pixmaps.clear()
    assert kept_files() == []
    drawn_now = painted(as_a_card)  # nothing kept: drawn with QtSvg, and kept
    assert len(kept_files()) == 1
    kept_pixels._pixmaps.clear()  # as on the next start
    read_back = painted(as_a_card)
    assert drawn_now == read_back == painted(lambda p: icon("overdue").paint(p, place))
    assert drawn_now != painted(lambda p: None)  # an icon was drawn


def test_kept_pixels_of_another_picture_or_damaged_are_never_drawn(qapp: object) -> None:
    first = drawn(SvgIconEngine(SQUARE), 18)
    other = SQUARE.replace(b"#c03020", b"#2030c0")  # the picture changed with an update
    changed = SvgIconEngine(other)
    assert drawn(changed, 18) != first and changed._renderer is not None
    for kept in kept_files():
        kept.write_bytes(kept.read_bytes()[:-7])  # cut short
    fresh = SvgIconEngine(SQUARE)
    assert drawn(fresh, 18) == first and fresh._renderer is not None  # drawn, not read
    whole = len(KEPT_FORMAT) + 18 * 18 * 4
    assert sorted(len(k.read_bytes()) for k in kept_files()) == [whole - 7, whole]  # kept anew
    for kept in kept_files():
        kept.write_bytes(b"PNG" + kept.read_bytes()[3:])  # another format, the same length
    foreign = SvgIconEngine(SQUARE)
    assert drawn(foreign, 18) == first and foreign._renderer is not None
    for kept in kept_files():
        kept.unlink()
        os.mkfifo(kept)  # a pipe where the pixels were: never waited for
    piped = SvgIconEngine(SQUARE)
    assert drawn(piped, 18) == first and piped._renderer is not None


def test_the_kept_icons_are_private_and_those_of_another_qt_go(qapp: object) -> None:
    """The app's cache folder holds the copy of Today (names of companies and people): it is
    made private whoever makes it first. Pixels kept under another Qt are never read again:
    they go when an icon is next kept."""
    drawn(SvgIconEngine(SQUARE), 18)
    (kept,) = kept_files()
    assert kept.parent.parent.stat().st_mode & 0o777 == 0o700
    assert kept.parent.stat().st_mode & 0o777 == 0o700
    assert kept.stat().st_mode & 0o777 == 0o600
    older = kept.with_name(kept.name.replace("-qt", "-qt5.15.2-was-"))
    older.write_bytes(kept.read_bytes())
    drawn(SvgIconEngine(SQUARE), 20)  # a size not kept yet: drawn and kept
    assert not older.exists() and len(kept_files()) == 2


def test_a_cache_folder_that_cannot_be_written_only_costs_the_drawing(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "cache-is-a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert drawn(SvgIconEngine(SQUARE), 18).pixelColor(9, 9).alpha() == 255


def test_banner_shows_names_as_typed(qtbot: QtBot) -> None:
    banner = ReminderBanner()
    qtbot.addWidget(banner)
    at = datetime(2026, 11, 27, 14, tzinfo=UTC)
    banner.show_reminders(
        [Reminder("k", "i", at, "Letter to <b>Lee</b> at AT&T", "Due <i>today</i>\nat 17:00")]
    )
    label = banner.text
    assert label.textFormat() != Qt.TextFormat.PlainText
    plain = QTextDocumentFragment.fromHtml(label.text()).toPlainText()
    assert "Letter to <b>Lee</b> at AT&T" in plain and "Due <i>today</i>" in plain


def test_tray_menu_shows_an_ampersand_as_typed(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    dana = session.repo.contact(interview.interviewer_ids[0])
    session.repo.update_contact(replace(dana, name="Dana Smith & Jones"))
    shell = Shell(session)
    qtbot.addWidget(shell.window)
    shell.start()
    qtbot.waitUntil(lambda: shell.settled)
    shell.tray.rebuild()
    texts = [a.text() for a in shell.tray.menu.actions()]
    assert any("Smith && Jones" in t for t in texts), texts  # "&&" is how a menu shows one "&"


def test_the_signature_is_private_from_its_first_byte(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written with umask 0 and chmod forbidden: only a file created 0600 passes."""
    import os

    from PySide6.QtGui import QImage

    from followup_desktop.signature import save

    image = QImage(40, 20, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.black)
    previous = os.umask(0)

    def no_chmod(*args: object, **kwargs: object) -> None:
        raise AssertionError("made private after the fact")

    monkeypatch.setattr(os, "chmod", no_chmod)
    try:
        save(image, tmp_path / "signature.png")
    finally:
        os.umask(previous)
    assert (tmp_path / "signature.png").stat().st_mode & 0o777 == 0o600
    assert not list(tmp_path.glob("*.tmp.png"))
