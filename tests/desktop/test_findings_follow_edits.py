"""Between a keystroke and the check after it, findings move with the text they are about."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from followup.checker import Finding, Severity
from followup_desktop.composer.highlighter import follow_edit


@st.composite
def edits(draw: st.DrawFn) -> tuple[str, list[Finding], int, int, str]:
    text = draw(st.text(alphabet="ab \n", min_size=1, max_size=40))
    spans = draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(1, 6)), max_size=6))
    findings = [
        Finding("rule", Severity.WARNING, s, min(s + n, len(text)), "m")
        for s, n in spans
        if s < len(text)
    ]
    position = draw(st.integers(0, len(text)))
    removed = draw(st.integers(0, len(text) - position))
    added = draw(st.text(alphabet="xy", max_size=5))
    return text, findings, position, removed, added


@given(edits())
def test_findings_away_from_an_edit_keep_their_words(
    case: tuple[str, list[Finding], int, int, str],
) -> None:
    text, findings, position, removed, added = case
    after = text[:position] + added + text[position + removed :]
    moved = follow_edit(findings, position, removed, len(added))
    for finding in moved:
        assert finding.start is not None and finding.end is not None
        assert 0 <= finding.start < finding.end <= len(after)
    kept = iter(moved)
    for finding in findings:
        assert finding.start is not None and finding.end is not None
        if finding.end <= position or finding.start >= position + removed:
            # Wholly before or after the edit: the same words, wherever they now are.
            same = next(kept)
            assert same.start is not None and same.end is not None
            assert after[same.start : same.end] == text[finding.start : finding.end]
        elif finding.start >= position and finding.end <= position + removed:
            continue  # its words were all removed: gone until the next check
        else:
            next(kept)  # cut or stretched by the edit: still there, still inside the text


def test_typing_inside_a_finding_stretches_it() -> None:
    finding = Finding("rule", Severity.ERROR, 10, 15, "m")
    assert follow_edit([finding], 12, 0, 1)[0].end == 16
    assert follow_edit([finding], 15, 0, 1) == [finding]  # just after it: not part of it
    assert follow_edit([finding], 10, 0, 1)[0].start == 11  # just before it: it moves
