"""Which blocks of a letter's text are its paragraphs, and whether it ends without a sign-off.

A letter pasted with the business layout carries address blocks above its body (the sender's
address, the date, the inside address, the greeting) and a closing, a name and contact lines
below it. None of those are paragraphs: counting them would call a normal posted letter
padded. They are told apart from the body by their shape: short lines that are not sentences.
"""

from __future__ import annotations

import re

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_ENDS_QUESTION_OR_EXCLAMATION = re.compile(r"[!?…][\"')”’]*$")
_GREETING = re.compile(
    r"^(?:dear|hello|hi|hey|good (?:morning|afternoon|evening)|greetings|to whom)\b", re.I
)
LONG_LINE_WORDS = 7  # a line longer than this is a sentence, not an address or a name


def is_prose(line: str) -> bool:
    """A line that reads as a sentence: long, or ending like one. "12 Elm Road", "26 November
    2026", "Dear Ms. Shaw,", "Kind regards," and "Laura Brennan, P.E." are not prose."""
    words = line.split()
    if len(words) > LONG_LINE_WORDS:
        return True
    if not words:
        return False
    if _ENDS_QUESTION_OR_EXCLAMATION.search(line):
        return True
    if line.endswith(".") and len(words) >= 4:
        last = words[-1].rstrip(".")
        return not ("." in last or last.isupper())  # "M.Sc.", "PhD." end a name
    return False


def blocks(text: str) -> list[str]:
    """The text's blocks: runs of lines between blank lines."""
    return [
        block.strip() for block in _BLANK_LINE.split(text.replace("\r\n", "\n")) if block.strip()
    ]


def body_paragraphs(text: str) -> int:
    """How many paragraphs the body has: the blocks from the first block holding a sentence
    to the last one (address blocks, the date and the greeting above, the closing, name and
    contact lines below, are not counted)."""
    found = blocks(text)
    prose = [i for i, block in enumerate(found) if any(map(is_prose, block.splitlines()))]
    return prose[-1] - prose[0] + 1 if prose else 0


def unsigned_ending(text: str) -> tuple[int, int] | None:
    """The span of the last line when a letter simply stops after its last paragraph (no
    closing, no name), or None. Only a text that reads as a letter is judged: it opens with
    a greeting or has at least two paragraphs, so a lone sentence being checked is not."""
    body = text.rstrip()
    start = body.rfind("\n") + 1
    last = body[start:].strip()
    if not is_prose(last):
        return None
    first = body.lstrip().split("\n", 1)[0]
    if not _GREETING.match(first) and body_paragraphs(body) < 2:
        return None
    return start + (len(body) - start - len(body[start:].lstrip())), len(body)
