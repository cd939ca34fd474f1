"""A command-line writer for the crash test: runs ``followup`` commands one after another on
one database and prints each acknowledged write (the command returned 0) on its own line.

    python crash_writer.py DB_PATH SEED

Prints ``ready`` once imported; the test kills it with SIGKILL at a random moment.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import sys

from followup.cli import main

START, END, SENT = "2026-11-02T10:00-05:00", "2026-11-02T11:00-05:00", "2026-11-03T10:00-05:00"


def run(db: str, *args: str) -> object:
    """One command; its JSON answer when it succeeded, else None."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["--db", db, *args])
    return json.loads(out.getvalue()) if code == 0 else None


def ack(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def loop(db: str, seed: int) -> None:
    rng = random.Random(seed)
    ack("ready")
    while True:
        contact = run(db, "contact", "add", "--name", f"Person {rng.random():.6f}", "--json")
        if not isinstance(contact, dict):
            continue
        ack(f"contact {contact['id']}")
        app = run(db, "app", "add", "--company", "Acme", "--role", "Dev", "--json")
        if not isinstance(app, dict):
            continue
        ack(f"app {app['id']}")
        round_ = run(
            db,
            "round",
            "add",
            "--app",
            str(app["id"]),
            "--start",
            START,
            "--end",
            END,
            "--tz",
            "America/New_York",
            "--interviewer",
            str(contact["id"]),
            "--json",
        )
        if not isinstance(round_, dict):
            continue
        ack(f"round {round_['id']}")
        letter = run(
            db,
            "letter",
            "record",
            str(round_["id"]),
            "--to",
            str(contact["id"]),
            "--channel",
            "email",
            "--sent-at",
            SENT,
            "--json",
        )
        if isinstance(letter, dict):
            ack(f"letter {round_['id']} {contact['id']}")


if __name__ == "__main__":
    loop(sys.argv[1], int(sys.argv[2]))
