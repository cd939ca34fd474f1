"""The letter for the post: block format on Letter or A4, signature image, continuation
header from page two; envelopes (DL and US #10); PDF, print preview and printing.

Everything is painted by one function onto any paged device (a PDF writer or a printer), so
the preview, the PDF and the paper are the same letter.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtWidgets import QWidget

from followup.errors import InvalidInput
from followup.letter_layout import BusinessLetter, Envelope
from followup.paths import write_whole

T = TypeVar("T")

MM_PER_INCH = 25.4
LOGICAL_DPI = 96
MARGIN_MM = 25.0  # an inch, near enough: what business letters use
HEADER_MM = 12.0  # continuation header, inside the top margin of page two on
SIGNATURE_WIDTH_MM = 48.0
SERIF = ["Liberation Serif", "DejaVu Serif", "Georgia", "Times New Roman", "serif"]
BODY_PT = 11.5
# Territories that use US Letter; everyone else uses A4 (ISO 216).
SIGNATURE_URL = QUrl("followup:signature")


def default_paper(setting: str, country: str) -> QPageSize.PageSizeId:
    """The page for the letter: the setting, or with ``auto`` its country's norm."""
    from followup.country import paper_for  # noqa: PLC0415

    if paper_for(setting, country) == "letter":
        return QPageSize.PageSizeId.Letter
    return QPageSize.PageSizeId.A4


def build_document(
    letter: BusinessLetter, signature: QImage | None, dpi: float, width: float
) -> QTextDocument:
    """The letter as a text document. Qt scales block margins and image sizes from logical
    pixels (96 per inch) to the device, while text width and page size are device pixels."""
    point = LOGICAL_DPI / 72
    document = QTextDocument()
    document.setDefaultFont(_font(BODY_PT))
    document.setDocumentMargin(0)
    document.setTextWidth(width)
    cursor = QTextCursor(document)
    plain = QTextCharFormat()
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)

    def block(
        lines: tuple[str, ...] | list[str],
        top: float = 0,
        bottom: float = 0,
        first_bold: bool = False,
        new: bool = True,
    ) -> None:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(top * point)
        fmt.setBottomMargin(bottom * point)
        if new:
            cursor.insertBlock(fmt)
        else:
            cursor.setBlockFormat(fmt)
        for index, line in enumerate(lines):
            if index:
                cursor.insertText("\u2028", plain)  # a line break inside the paragraph
            cursor.insertText(line, bold if first_bold and index == 0 else plain)

    block((letter.sender_name, *letter.sender_lines), first_bold=True, new=False)
    block((letter.date_line,), top=24)
    block(letter.recipient_lines, top=24)
    block((letter.salutation,), top=24, bottom=10)
    for paragraph in letter.paragraphs:
        block((paragraph,), bottom=10)
    block((letter.close,), top=2)
    if signature is not None:
        document.addResource(QTextDocument.ResourceType.ImageResource, SIGNATURE_URL, signature)
        image_width = SIGNATURE_WIDTH_MM / MM_PER_INCH * LOGICAL_DPI
        image_height = image_width * signature.height() / max(signature.width(), 1)
        limit = 22 / MM_PER_INCH * LOGICAL_DPI  # a tall signature is kept to 22 mm
        if image_height > limit:
            image_width, image_height = image_width * limit / image_height, limit
        image = QTextImageFormat()
        image.setName(SIGNATURE_URL.toString())
        image.setWidth(image_width)
        image.setHeight(image_height)
        block((), top=4)
        cursor.insertImage(image)
        block((letter.typed_name,), top=2)
    else:
        block((letter.typed_name,), top=40)  # room to sign by hand
    return document


def _font(points: float) -> QFont:
    font = QFont()
    font.setFamilies(SERIF)
    font.setPointSizeF(points)
    return font


def paint_letter(
    device: QPagedPaintDevice, letter: BusinessLetter, signature: QImage | None
) -> int:
    """Paint every page; returns the number of pages."""
    dpi = device.logicalDpiX()
    mm = dpi / MM_PER_INCH
    margin = MARGIN_MM * mm
    body = QRectF(margin, margin, device.width() - 2 * margin, device.height() - 2 * margin)
    document = build_document(letter, signature, dpi, body.width())
    document.documentLayout().setPaintDevice(device)
    document.setPageSize(QSizeF(body.width(), body.height()))
    pages = document.pageCount()
    painter = _begin(device)
    try:
        for page in range(pages):
            if page:
                device.newPage()
                painter.setFont(_font(9))
                header = QRectF(margin, (MARGIN_MM - HEADER_MM) * mm, body.width(), 6 * mm)
                text = f"{letter.recipient_lines[0]}  ·  {letter.date_line}  ·  Page {page + 1}"
                painter.drawText(header, Qt.AlignmentFlag.AlignLeft, text)
                painter.drawLine(header.bottomLeft(), header.bottomRight())
            painter.save()
            painter.translate(body.left(), body.top() - page * body.height())
            # One device pixel short: a line that starts exactly at the page's end belongs
            # to the next page only (else it is also written, clipped, at this one's foot).
            document.drawContents(
                painter, QRectF(0, page * body.height(), body.width(), body.height() - 1)
            )
            painter.restore()
    finally:
        painter.end()
    return pages


def _begin(device: QPagedPaintDevice) -> QPainter:
    """A painter on the device, or a clear error (a printer that cannot be opened, a PDF
    file that cannot be written) instead of silently printing nothing."""
    painter = QPainter()
    if not painter.begin(device):
        raise InvalidInput(
            "The printer or file could not be opened for printing; nothing "
            "was printed. Choose another printer or file name."
        )
    return painter


def _pdf(
    path: Path,
    size: QPageSize,
    orientation: QPageLayout.Orientation,
    paint: Callable[[QPdfWriter], T],
) -> T:
    """Paint a PDF in memory, then write it whole and readable by its owner only
    (``write_whole``): a place that cannot be written is said in words, and a file that was
    there stays as it was."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0)))
    writer.setTitle("Letter")
    writer.setCreator("Interview Follow-Up")
    result = paint(writer)  # the painter has ended: the PDF is complete in the buffer
    write_whole(path, bytes(buffer.data().data()))
    return result


def letter_pdf(
    path: Path, letter: BusinessLetter, signature: QImage | None, paper: QPageSize.PageSizeId
) -> int:
    return _pdf(
        path,
        QPageSize(paper),
        QPageLayout.Orientation.Portrait,
        lambda writer: paint_letter(writer, letter, signature),
    )


ENVELOPES = {"dl": QPageSize.PageSizeId.EnvelopeDL, "us10": QPageSize.PageSizeId.Envelope10}


def paint_envelope(device: QPagedPaintDevice, envelope: Envelope) -> None:
    """Return address at the top left; delivery address in the lower right half, where
    postal services' readers look for it."""
    mm = device.logicalDpiX() / MM_PER_INCH
    painter = _begin(device)
    try:
        painter.setFont(_font(9.5))
        painter.drawText(
            QRectF(12 * mm, 10 * mm, 90 * mm, 40 * mm),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            "\n".join(envelope.return_lines),
        )
        painter.setFont(_font(12))
        width, height = device.width(), device.height()
        box = QRectF(width * 0.42, height * 0.45, width * 0.55, height * 0.5)
        painter.drawText(
            box,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            "\n".join(envelope.delivery_lines),
        )
    finally:
        painter.end()


def envelope_pdf(path: Path, envelope: Envelope, kind: str) -> None:
    _pdf(
        path,
        QPageSize(ENVELOPES[kind]),
        QPageLayout.Orientation.Landscape,
        lambda writer: paint_envelope(writer, envelope),
    )


def preview_and_print(
    parent: QWidget | None,
    letter: BusinessLetter,
    signature: QImage | None,
    paper: QPageSize.PageSizeId,
    *,
    preview: bool,
) -> bool:
    """The print preview (which can print), or the print dialog. True when printed."""
    from PySide6.QtPrintSupport import (  # noqa: PLC0415  (only when printing)
        QPrintDialog,
        QPrinter,
        QPrintPreviewDialog,
    )

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setPageLayout(
        QPageLayout(QPageSize(paper), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    if preview:
        dialog = QPrintPreviewDialog(printer, parent)
        dialog.setWindowTitle("Print preview")
        dialog.paintRequested.connect(lambda device: paint_letter(device, letter, signature))
        return bool(dialog.exec())
    chooser = QPrintDialog(printer, parent)
    if chooser.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint_letter(printer, letter, signature)
    return True
