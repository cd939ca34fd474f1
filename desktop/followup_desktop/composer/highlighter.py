"""Findings painted into the text: colour and underline style by severity."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from followup.checker import Finding, Severity

COLOURS = {Severity.ERROR: "#c0392b", Severity.WARNING: "#b9770e", Severity.INFO: "#2e86c1"}
UNDERLINES = {
    Severity.ERROR: QTextCharFormat.UnderlineStyle.WaveUnderline,
    Severity.WARNING: QTextCharFormat.UnderlineStyle.DashUnderline,
    Severity.INFO: QTextCharFormat.UnderlineStyle.DotLine,
}


def finding_format(severity: Severity) -> QTextCharFormat:
    fmt = QTextCharFormat()
    colour = QColor(COLOURS[severity])
    fmt.setUnderlineStyle(UNDERLINES[severity])
    fmt.setUnderlineColor(colour)
    background = QColor(colour)
    background.setAlpha(36)
    fmt.setBackground(background)
    return fmt


class FindingsHighlighter(QSyntaxHighlighter):
    """Highlights the spans of the current findings; whole-letter findings have no span."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.findings: list[Finding] = []
        self._formats = {s: finding_format(s) for s in Severity}

    def set_findings(self, findings: Sequence[Finding]) -> None:
        spans = [f for f in findings if f.start is not None]
        if spans == self.findings:
            return
        self.findings = spans
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        start, end = block.position(), block.position() + len(text)
        # Errors last so they win where spans overlap.
        for finding in sorted(self.findings, key=lambda f: f.severity != Severity.INFO):
            if finding.start is None or finding.end is None:
                continue
            if finding.end <= start or finding.start >= end:
                continue
            left = max(finding.start, start) - start
            right = min(finding.end, end) - start
            self.setFormat(left, right - left, self._formats[finding.severity])
