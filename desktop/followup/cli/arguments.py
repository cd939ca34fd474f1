"""Argument values every command shares, checked by the domain's rules: ids and input files.

Commands that other packages add (the desktop package's printing) use these too, so an id or
an input file is refused the same way everywhere: exit 2, one line, nothing written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from followup.errors import InvalidInput
from followup.validation import parse_id

# What a command reads from a file or standard input is held in memory whole; beyond these
# it is not a letter or an export (and /dev/zero would never end).
LETTER_BYTES = 8 * 1024 * 1024
EXPORT_BYTES = 256 * 1024 * 1024


def record_id(text: str) -> int:
    """An id argument: a whole number SQLite can hold (1 … 2^63−1), else a usage error."""
    try:
        return parse_id(text)
    except InvalidInput as error:
        raise argparse.ArgumentTypeError(str(error).removeprefix("id: ")) from error


def read_input(source: str, limit: int) -> str:
    """A file's text (``-``: standard input), UTF-8, at most ``limit`` bytes; else refused."""
    try:
        if source == "-":
            stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
            data = stream.read(limit + 1) if stream else sys.stdin.read(limit + 1).encode()
        else:
            with Path(source).open("rb") as handle:
                data = handle.read(limit + 1)
        if len(data) > limit:
            raise InvalidInput(f"{input_name(source)} is larger than {limit // (1024 * 1024)} MB")
        return data.decode("utf-8-sig")  # (a byte-order mark is no part of the text)
    except (OSError, UnicodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "it is not UTF-8 text"
        raise InvalidInput(f"cannot read {input_name(source)}: {reason or error}") from error


def input_name(source: str) -> str:
    """The file as messages name it."""
    shown = "standard input" if source == "-" else source
    return shown if len(shown) <= 80 else shown[:80] + "…"
