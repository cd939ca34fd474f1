"""Domain errors: the GUI and the command line decide how to show them."""

from __future__ import annotations


def as_sentence(message: str) -> str:
    """A message as a window shows it: a capital first letter and a closing full stop (the
    domain's messages are written to follow "error:" on the command line)."""
    text = message.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…" else text + "."


class FollowUpError(Exception):
    """Base of every error the domain raises on purpose."""


class InvalidInput(FollowUpError):
    """Input that cannot be accepted; nothing was written.

    ``field`` names the value's field at fault (``company``, ``starts_at``), when one is, so a
    form can say it beside that field; the message alone still says it in words.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(InvalidInput):
    """An id that names nothing in the database. ``kind`` says what it was to name
    ("application", "interview round", "contact"), for a front end to say it in words."""

    def __init__(self, message: str, field: str | None = None, kind: str = "") -> None:
        super().__init__(message, field)
        self.kind = kind


class Refusal(FollowUpError):
    """An etiquette rule forbids the action; the user may override it explicitly.

    ``rule`` is a stable id (e.g. ``second-letter``) so front ends can explain it.
    """

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message


class CorruptDatabase(FollowUpError):
    """The database file cannot be read; it is left untouched."""

    def __init__(self, path: str, detail: str, backups: list[str]) -> None:
        latest = backups[0] if backups else None
        hint = f" The latest backup is {latest}." if latest else " No backup was found."
        super().__init__(
            f"The database {path} cannot be read ({detail}); it was not changed.{hint}"
        )
        self.path = path
        self.backups = backups


class DatabaseUnavailable(FollowUpError):
    """The database is not damaged but cannot be used now; nothing was written.

    ``reason`` is one of ``REASONS``: another program holds the lock, the file or its folder is
    read-only, or the disk is full. A front end says so and never offers to restore a backup.
    """

    REASONS = ("busy", "read-only", "full", "unreachable")

    def __init__(self, path: str, reason: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.reason = reason


class CannotUndo(FollowUpError):
    """An undo that cannot be applied (what it would put back conflicts with what is there
    now); nothing was changed."""
