"""Run the ``followup`` command for the CLI tests: inside the test process (``run``, ``ok``:
fast, what most tests use), or as the real ``python -m followup`` process (``run_process``:
the entry point, exit codes, the process's locale, several processes at once)."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

from followup.cli import main

NOW = "2026-11-27T15:00:00+00:00"


class Outcome(NamedTuple):
    """What a command did: its exit code, stdout and stderr (unpacks as a triple)."""

    code: int
    out: str
    err: str


def run(db: Path, *args: str, stdin: str = "", now: str | None = NOW) -> Outcome:
    """``followup --db DB --now NOW ARGS`` (no ``--now`` when ``now`` is None: the real
    clock); argparse's own exits become exit codes."""
    clock = ["--now", now] if now else []
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(["--db", str(db), *clock, *args])
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 2
    finally:
        sys.stdin = old_stdin
    return Outcome(code, out.getvalue(), err.getvalue())


def ok(db: Path, *args: str) -> str:
    result = run(db, *args)
    assert result.code == 0, result.err
    return result.out


def run_process(db: Path, *args: str, stdin: str | None = None, now: str | None = NOW) -> Outcome:
    """``python -m followup [--now NOW] ARGS`` as its own process, the database named by
    ``FOLLOWUP_DB`` as a user's session would, under the C.UTF-8 locale."""
    env = dict(os.environ, FOLLOWUP_DB=str(db), LC_ALL="C.UTF-8")
    clock = ["--now", now] if now else []
    done = subprocess.run(
        [sys.executable, "-m", "followup", *clock, *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=60,
        check=False,
    )
    return Outcome(done.returncode, done.stdout, done.stderr)


def state(db: Path) -> bytes:
    """The database's bytes, its write-ahead log included: 'nothing written' means equal."""
    wal = db.with_name(db.name + "-wal")
    return (db.read_bytes() if db.exists() else b"") + (wal.read_bytes() if wal.exists() else b"")


def copy_database(source: Path, target: Path) -> Path:
    """A closed database file copied whole (a test's own copy of a file built once)."""
    assert not source.with_name(source.name + "-wal").exists(), "the source is still open"
    shutil.copyfile(source, target)
    return target


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
