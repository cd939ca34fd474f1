"""Run the ``followup`` command inside the test process (fast enough for property tests)."""

from __future__ import annotations

import contextlib
import io
import sys
from dataclasses import dataclass
from pathlib import Path

from followup.cli import main

NOW = "2026-11-27T15:00:00+00:00"


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


def run(db: Path, *args: str, stdin: str = "", now: str = NOW) -> Outcome:
    """``followup --db DB --now NOW ARGS``; argparse's own exits become exit codes."""
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(["--db", str(db), "--now", now, *args])
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 2
    finally:
        sys.stdin = old_stdin
    return Outcome(code, out.getvalue(), err.getvalue())


def ok(db: Path, *args: str) -> str:
    result = run(db, *args)
    assert result.code == 0, result.err
    return result.out


def state(db: Path) -> bytes:
    """The database's bytes, its write-ahead log included: 'nothing written' means equal."""
    wal = db.with_name(db.name + "-wal")
    return (db.read_bytes() if db.exists() else b"") + (wal.read_bytes() if wal.exists() else b"")


def seed(db: Path) -> None:
    """One contact, one application, one round in New York with the contact interviewing."""
    ok(db, "settings", "set", "calendar.country", "US")
    ok(db, "settings", "set", "calendar.timezone", "America/New_York")
    ok(db, "contact", "add", "--name", "Dana Müller", "--email", "dana@acme.example")
    ok(db, "app", "add", "--company", "Acme", "--role", "Engineer", "--applied-on", "2026-11-01")
    ok(
        db,
        "round",
        "add",
        "--app",
        "1",
        "--start",
        "2026-11-25T10:00",
        "--end",
        "2026-11-25T11:00",
        "--interviewer",
        "1",
    )
