"""Printed letters and envelopes, read back from the PDF (pypdf): text, order, signature,
page sizes, page two with its header. And the signature: scans made transparent, the pad."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPen
from pytestqt.qtbot import QtBot

from followup.errors import InvalidInput
from followup.letter_layout import business_letter, envelope, missing_for_post, split
from followup.model import Contact, PostalAddress, Profile
from followup_desktop import signature as signatures
from followup_desktop.printing import default_paper, envelope_pdf, letter_pdf

PROFILE = Profile(
    "Sam Lee",
    "sam.lee@example.com",
    "+1 555 0100",
    PostalAddress(("12 Elm Street", "Springfield, IL 62704")),
)
DANA = Contact(
    1,
    "Dana Müller",
    "Engineering Manager",
    "Acme Robotics",
    "dana@acme.example",
    "",
    PostalAddress(("100 Market Street", "San Francisco, CA 94105")),
)
BODY = (
    "Dear Ms. Müller,\n\nThank you for meeting with me on Wednesday.\n\n"
    "As we discussed, I scaled the billing service tenfold.\n\nSincerely,\nSam\n"
)


def scan() -> QImage:
    """A scanned signature: ink strokes on greyish paper."""
    image = QImage(600, 200, QImage.Format.Format_RGB32)
    image.fill(QColor(236, 234, 228))
    painter = QPainter(image)
    painter.setPen(QPen(QColor(25, 25, 60), 6))
    painter.drawLine(40, 150, 200, 50)
    painter.drawLine(200, 50, 380, 160)
    painter.drawLine(380, 160, 560, 60)
    painter.end()
    return image


def words(text: str) -> str:
    """Qt places words one by one; pypdf reads the gaps back as tabs."""
    return " ".join(text.split())


def text_of(path: Path) -> list[str]:
    return [words(page.extract_text()) for page in PdfReader(path).pages]


def test_split_finds_salutation_paragraphs_and_close() -> None:
    parts = split(BODY)
    assert parts.salutation == "Dear Ms. Müller,"
    assert parts.paragraphs == (
        "Thank you for meeting with me on Wednesday.",
        "As we discussed, I scaled the billing service tenfold.",
    )
    assert parts.close == "Sincerely,"
    assert split("Hello,\n\nText\nwrapped here\n\nKind regards,").paragraphs == (
        "Text wrapped here",
    )
    assert split("Just text").close == "Sincerely,"


@pytest.mark.parametrize(
    ("paper", "size_pt"),
    [(QPageSize.PageSizeId.Letter, (612, 792)), (QPageSize.PageSizeId.A4, (595, 842))],
)
def test_letter_pdf_has_every_part_in_order_and_the_signature(
    qtbot: QtBot, tmp_path: Path, paper: QPageSize.PageSizeId, size_pt: tuple[int, int]
) -> None:
    letter = business_letter(BODY, PROFILE, DANA, "Acme Robotics", date(2026, 11, 26))
    path = tmp_path / "letter.pdf"
    ink = signatures.make_transparent(scan())
    assert letter_pdf(path, letter, ink, paper) == 1
    reader = PdfReader(path)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size_pt
    text = words(reader.pages[0].extract_text())
    order = [
        "Sam Lee",
        "12 Elm Street",
        "sam.lee@example.com",
        "November 26, 2026",
        "Dana Müller",
        "Engineering Manager",
        "Acme Robotics",
        "100 Market Street",
        "San Francisco, CA 94105",
        "Dear Ms. Müller,",
        "Thank you for meeting",
        "scaled the billing service tenfold",
        "Sincerely,",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    assert text.rstrip().endswith("Sam Lee"), "the typed name comes last"
    objects = [x.get_object() for x in reader.pages[0]["/Resources"]["/XObject"].values()]
    images = [x for x in objects if x.get("/Subtype") == "/Image"]
    assert len(images) == 1, "the signature is embedded"
    assert "/SMask" in images[0] or "/Mask" in images[0], "with its transparency"


def test_a_long_letter_flows_to_page_two_with_a_header(qtbot: QtBot, tmp_path: Path) -> None:
    paragraph = (
        "I appreciated the time you took to talk about event sourcing, the on-call "
        "rotation and how the team plans its quarter. "
    )
    body = "Dear Dana,\n\n" + "\n\n".join([paragraph * 2] * 12) + "\n\nKind regards,\nSam"
    letter = business_letter(body, PROFILE, DANA, "Acme Robotics", date(2026, 11, 26))
    path = tmp_path / "long.pdf"
    assert letter_pdf(path, letter, None, QPageSize.PageSizeId.A4) == 2
    first, second = text_of(path)
    assert "Page 2" not in first
    assert second.startswith("Dana Müller · November 26, 2026 · Page 2 ")
    assert second.rstrip().endswith("Sam Lee")
    assert first.count("appreciated the time") + second.count("appreciated the time") == 24


@pytest.mark.parametrize(("kind", "size_mm"), [("dl", (220, 110)), ("us10", (241, 105))])
def test_envelopes_have_both_addresses_where_the_post_expects(
    qtbot: QtBot, tmp_path: Path, kind: str, size_mm: tuple[int, int]
) -> None:
    path = tmp_path / f"{kind}.pdf"
    envelope_pdf(path, envelope(PROFILE, DANA, "Acme Robotics"), kind)
    page = PdfReader(path).pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == size_mm
    found: dict[str, tuple[float, float]] = {}

    def visit(text: str, cm: object, tm: list[float], font: object, size: object) -> None:
        if text.strip():  # Qt's PDF: positions in 300 dpi pixels from the top left
            found.setdefault(words(text), (tm[4] / 300 * 72, tm[5] / 300 * 72))

    page.extract_text(visitor_text=visit)
    return_x, return_y = found["Sam Lee"]
    to_x, to_y = found["Dana Müller"]
    assert return_x < width * 0.1 and return_y < height * 0.25  # top left
    assert to_x > width * 0.35 and to_y > height * 0.4  # right half, lower down
    assert found["San Francisco, CA 94105"][1] < height - 15  # above the bottom edge


def test_default_paper_follows_the_territory() -> None:
    assert default_paper("auto", "US") == QPageSize.PageSizeId.Letter
    assert default_paper("auto", "DE") == QPageSize.PageSizeId.A4
    assert default_paper("a4", "US") == QPageSize.PageSizeId.A4
    assert default_paper("letter", "FR") == QPageSize.PageSizeId.Letter


def test_missing_addresses_are_named() -> None:
    assert missing_for_post(Profile("Sam"), Contact(1, "Dana")) == [
        "your postal address (Settings, Profile)",
        "Dana's postal address (Interviews, the contact)",
    ]
    assert missing_for_post(PROFILE, DANA) == []


def test_a_scan_on_white_becomes_ink_on_transparent(qtbot: QtBot, tmp_path: Path) -> None:
    image = signatures.make_transparent(scan())
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0, "paper is transparent"
    inked = [
        image.pixelColor(x, y).alpha()
        for x in range(image.width())
        for y in range(0, image.height(), 3)
    ]
    assert max(inked) == 255, "ink stays opaque"
    assert image.width() < 600, "cropped to the ink"
    path = tmp_path / "data" / "signature.png"
    signatures.save(image, path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    loaded = signatures.load(path)
    assert loaded is not None and loaded.size() == image.size()


def test_import_png_jpeg_and_svg_and_refuse_the_rest(tmp_path: Path) -> None:
    scan().save(str(tmp_path / "s.png"))
    scan().save(str(tmp_path / "s.jpg"))
    (tmp_path / "s.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100">'
        '<path d="M10 80 C 60 0, 120 100, 290 20" stroke="#123" stroke-width="5" fill="none"/>'
        "</svg>"
    )
    for name in ("s.png", "s.jpg", "s.svg"):
        image = signatures.make_transparent(signatures.load_image(tmp_path / name))
        assert image.pixelColor(0, 0).alpha() == 0
    (tmp_path / "notes.txt").write_text("not an image")
    with pytest.raises(InvalidInput, match="not a PNG, JPEG or SVG"):
        signatures.load_image(tmp_path / "notes.txt")
    blank = QImage(100, 40, QImage.Format.Format_RGB32)
    blank.fill(QColor("white"))
    with pytest.raises(InvalidInput, match="no signature"):
        signatures.make_transparent(blank)


def test_drawing_on_the_pad(qtbot: QtBot) -> None:
    pad = signatures.SignaturePad()
    qtbot.addWidget(pad)
    pad.show()
    with pytest.raises(InvalidInput, match="draw your signature first"):
        pad.image()
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 120))
    for x in range(40, 400, 20):
        qtbot.mouseMove(pad, QPoint(x, 120 - (x % 60)))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(400, 100))
    assert not pad.is_empty()
    image = pad.image()
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.width() > 300
    pad.clear()
    assert pad.is_empty() and QPointF(0, 0).isNull()
