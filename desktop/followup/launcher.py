"""How the desktop starts the app: the command line of the installed GUI, written as a
desktop entry's ``Exec`` value (freedesktop Desktop Entry spec 1.5, "The Exec key")."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

APP_ID = "io.github.interview_followup.InterviewFollowUp"
_GUI = "followup-desktop"
# Characters that force an argument into double quotes (spec: "reserved characters").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def gui_command() -> list[str]:
    """The installed GUI: the bundle's own executable, the script beside this interpreter
    (a venv or pipx), one on PATH, or this interpreter running the module."""
    windows = sys.platform == "win32"
    suffix = ".exe" if windows else ""
    if getattr(sys, "frozen", False):
        exe = Path(sys.executable)
        sibling = exe.with_name(_GUI + suffix)
        return [str(sibling if sibling.exists() else exe)]
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name.startswith(_GUI) and script.exists():
        return [str(script.resolve())]
    beside = Path(sys.executable).parent / (_GUI + suffix)
    if beside.exists():
        return [str(beside)]
    found = shutil.which(_GUI)
    if found:
        return [found]
    return [sys.executable, "-m", "followup_desktop.app"]


def exec_value(arguments: Sequence[str]) -> str:
    """One ``Exec=`` value: reserved characters quoted, ``%`` doubled, and the whole escaped
    again as a desktop-entry string (so a backslash in a path survives both levels)."""
    parts = []
    for argument in arguments:
        word = argument
        if word == "" or _RESERVED.intersection(word):
            inner = "".join("\\" + c if c in '"`$\\' else c for c in word)
            word = f'"{inner}"'
        parts.append(word.replace("%", "%%"))
    line = " ".join(parts)
    return line.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def parse_exec_value(value: str) -> list[str]:
    """The inverse of :func:`exec_value` (used to check what was written)."""
    unescaped = (
        value.replace("\\\\", "\0").replace("\\n", "\n").replace("\\t", "\t").replace("\0", "\\")
    )
    arguments: list[str] = []
    current: list[str] = []
    quoted = escaped = started = False
    for char in unescaped:
        if escaped:
            current.append(char)
            escaped = False
        elif quoted and char == "\\":
            escaped = True
        elif char == '"':
            quoted = not quoted
            started = True
        elif char == " " and not quoted:
            if current or started:
                arguments.append("".join(current))
            current, started = [], False
        else:
            current.append(char)
    if current or started:
        arguments.append("".join(current))
    return [a.replace("%%", "%") for a in arguments]
