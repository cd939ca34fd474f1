"""A file name made from what the user typed (company, role, a person's name) that every
file system takes: Windows refuses ``<>:"/\\|?*``, control characters, names ending in a dot
or a space, and device names such as ``CON``; a slash would name a folder anywhere."""

from __future__ import annotations

import re
import unicodedata

REFUSED = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"{d}{n}" for d in ("COM", "LPT") for n in range(1, 10)}
)
MOST_CHARS = 120  # well under every file system's limit, with room for a folder and ".pdf"
MOST_BYTES = 200  # Linux and macOS count a name's UTF-8 bytes (255): "株式会社" is 12


def file_name(*parts: str, fallback: str = "letter") -> str:
    """The parts joined with " - ", each cleaned: refused characters become spaces, runs of
    spaces one; empty parts are left out. Never empty, never a device name, at most
    ``MOST_CHARS`` characters and ``MOST_BYTES`` bytes, with no dot or space at either end."""
    cleaned = [" ".join(REFUSED.sub(" ", unicodedata.normalize("NFC", p)).split()) for p in parts]
    name = " - ".join(part for part in cleaned if part)[:MOST_CHARS]
    while len(name.encode("utf-8")) > MOST_BYTES:
        name = name[:-1]
    name = name.strip(" .")
    if not name or name.split(".")[0].strip().upper() in DEVICES:
        name = f"{fallback} {name}".strip(" .") if name else fallback
    return name
