"""Findings painted into the text: colour and underline style by severity; misspelled words
with the red wavy line every editor uses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextDocument

from followup.checker import Finding, Severity
from followup.spelling import Speller
from followup_desktop.composer.positions import counter
from followup_desktop.status_palette import Tone, tone

TONES = {Severity.ERROR: Tone.ERROR, Severity.WARNING: Tone.WARNING, Severity.INFO: Tone.INFO}
UNDERLINES = {
    Severity.ERROR: QTextCharFormat.UnderlineStyle.WaveUnderline,
    Severity.WARNING: QTextCharFormat.UnderlineStyle.DashUnderline,
    Severity.INFO: QTextCharFormat.UnderlineStyle.DotLine,
}


def finding_format(severity: Severity) -> QTextCharFormat:
    fmt = QTextCharFormat()
    colour = tone(TONES[severity])
    fmt.setUnderlineStyle(UNDERLINES[severity])
    fmt.setUnderlineColor(colour)
    background = QColor(colour)
    background.setAlpha(36)
    fmt.setBackground(background)
    return fmt


def spelling_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(tone(Tone.SPELLING))
    return fmt


def follow_edit(
    findings: Sequence[Finding], position: int, removed: int, added: int
) -> list[Finding]:
    """Findings moved with an edit (``removed`` characters at ``position`` replaced by
    ``added``): those after it shift, one it falls inside stretches or shrinks, one whose
    words were all removed goes."""
    cut, shift = position + removed, added - removed

    def moved(at: int, inside: int) -> int:
        return at if at < position else at + shift if at >= cut else inside

    kept = []
    for finding in findings:
        start, end = finding.start, finding.end
        if start is None or end is None or end <= position:
            kept.append(finding)
        elif (new_start := moved(start, position + added)) < (new_end := moved(end, position)):
            kept.append(replace(finding, start=new_start, end=new_end))
    return kept


class FindingsHighlighter(QSyntaxHighlighter):
    """Highlights the spans of the current findings (whole-letter findings have no span) and,
    once a speller is loaded, misspelled words. Qt calls ``highlightBlock`` only for the
    paragraphs that changed, so a keystroke costs one paragraph's spelling, not the letter's."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(None)  # type: ignore[call-overload]  # the document comes last (below)
        self.setParent(document)
        self.speller: Speller | None = None
        self._spelling = spelling_format()
        self.findings: list[Finding] = []  # those with a span, infos first (errors paint last)
        # Block number → the (start, end, severity) highlights last painted in it.
        self.applied: dict[int, set[tuple[int, int, Severity]]] = {}
        self._formats = {s: finding_format(s) for s in Severity}
        # True while underlines are repainted: Qt then says the text changed, and it did not.
        self.repainting = False
        # Connected before the highlighter takes the document, so an edited paragraph is
        # painted again with the findings already moved by the edit (Qt calls slots in order).
        document.contentsChange.connect(self._follow_edit)
        self.setDocument(document)

    def rehighlight(self) -> None:
        self.repainting = True
        try:
            super().rehighlight()
        finally:
            self.repainting = False

    def rehighlightBlock(self, block: QTextBlock) -> None:  # noqa: N802  (Qt's name)
        self.repainting = True
        try:
            super().rehighlightBlock(block)
        finally:
            self.repainting = False

    def _follow_edit(self, position: int, removed: int, added: int) -> None:
        """Typing moves the findings after the cursor at once; the next check (after a pause
        in typing) says what they are then."""
        self.findings = follow_edit(self.findings, position, removed, added)

    def set_findings(self, findings: Sequence[Finding]) -> None:
        """Re-highlight only the blocks whose highlights changed, compared block by block in
        positions relative to the block and cut to it: typing shifts every later finding, and
        moves the end of one that runs on to the end of the letter, but the paragraphs before
        and after look the same and are left alone."""
        spans = [f for f in findings if f.start is not None and f.end is not None]
        spans.sort(key=lambda f: f.severity != Severity.INFO)  # stable: errors win, painted last
        self.findings = spans
        document = self.document()
        wanted: dict[int, set[tuple[int, int, Severity]]] = {}
        for finding in spans:
            assert finding.start is not None
            assert finding.end is not None
            block = document.findBlock(finding.start)
            while block.isValid() and block.position() < finding.end:
                start = block.position()
                left = max(finding.start, start) - start
                right = min(finding.end, start + block.length() - 1) - start
                if left < right:
                    wanted.setdefault(block.blockNumber(), set()).add(
                        (left, right, finding.severity)
                    )
                block = block.next()
        for number in set(wanted) | set(self.applied):
            if wanted.get(number) != self.applied.get(number):
                block = document.findBlockByNumber(number)
                if block.isValid():
                    self.rehighlightBlock(block)
        self.applied = wanted

    def set_speller(self, speller: Speller | None) -> None:
        """Underline misspellings with this speller (None: none); repaints every paragraph."""
        self.speller = speller
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        start, end = block.position(), block.position() + block.length() - 1  # Qt's count
        if self.speller is not None and self.speller.loaded:
            at = counter(text)  # the speller counts as Python does; Qt counts UTF-16
            for left, right in self.speller.misspelled(text):
                self.setFormat(at(left), at(right) - at(left), self._spelling)
        # Errors last so they win where spans overlap.
        painted: set[tuple[int, int, Severity]] = set()
        for finding in self.findings:
            if finding.start is None or finding.end is None:
                continue
            left = max(finding.start, start) - start
            right = min(finding.end, end) - start
            if left < right:  # the part of it in this paragraph (a span may cross several)
                self.setFormat(left, right - left, self._formats[finding.severity])
                painted.add((left, right, finding.severity))
        # What this block now shows, in set_findings' terms: Qt repaints blocks on its own (a
        # replaced text repaints all of them, with the findings of the old text), and
        # set_findings must compare with what is painted, not with what it last asked for.
        if painted:
            self.applied[block.blockNumber()] = painted
        else:
            self.applied.pop(block.blockNumber(), None)
