"""Where a file stops being JSON, and why, in plain words.

Python's JSON reader names the fault in its own terms, some of which end in "at" because it
adds the position after them ("Unterminated string starting at"); put after our own "at line
1" that read "starting at at line 1". Here the known faults are said as a person would say
them, with the line and column first; an unknown one keeps the reader's words, without the
dangling "at"."""

from __future__ import annotations

import json
import re

PLAIN = {
    "Unterminated string starting at": "a text in quotes is never closed",
    "Invalid control character at": (
        "a text in quotes holds a control character such as a tab or a line break "
        "(write it as \\t or \\n)"
    ),
    "Expecting value": "a value is missing here",
    "Expecting property name enclosed in double quotes": (
        "a name in double quotes is expected here (is there a comma too many, or a name "
        "without quotes?)"
    ),
    "Expecting ':' delimiter": 'a ":" is missing after a name',
    "Expecting ',' delimiter": 'a "," is missing between two values',
    "Extra data": "more follows after the end of the JSON",
    "Invalid \\escape": "a backslash that starts no JSON escape (write \\\\ for a backslash)",
    "Invalid \\uXXXX escape": "a \\u escape without four hexadecimal digits",
}
_DANGLING = re.compile(r"\s+(?:starting\s+)?at$")


def describe(error: json.JSONDecodeError) -> str:
    """The line, the column and what is wrong there (an empty file is said as such)."""
    if not error.doc.strip():
        return "not JSON: the file is empty"
    if error.msg == "Expecting value" and error.pos >= len(error.doc.rstrip()):
        said = "the file ends before the JSON does (is it cut short?)"
    else:
        said = PLAIN.get(error.msg) or _DANGLING.sub("", error.msg)
    return f"not JSON: line {error.lineno}, column {error.colno}: {said}"
