"""A command-line writer killed (SIGKILL) at random moments: after every kill the file passes
SQLite's integrity check, our own check does not call it damaged, and every write a command
acknowledged (it returned 0) is there. Ten rounds in ``make test``, 200 in ``make test-slow``."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from followup.paths import read_only_uri
from followup.storage import health

WRITER = Path(__file__).with_name("crash_writer.py")


def acknowledged(output: str) -> list[list[str]]:
    """Complete lines only: a line cut by the kill was never acknowledged."""
    return [line.split() for line in output.split("\n")[:-1] if line != "ready"]


def check(db: Path, acks: dict[str, set[tuple[int, ...]]]) -> None:
    if not db.exists():
        assert not any(acks.values()), "acknowledged writes, but the file is gone"
        return
    assert health.problem(db) is None  # a kill never makes the file look damaged
    con = sqlite3.connect(read_only_uri(db), uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        present = {
            "contact": set(con.execute("SELECT id FROM contacts")),
            "app": set(con.execute("SELECT id FROM applications")),
            "round": set(con.execute("SELECT id FROM rounds")),
            "letter": set(con.execute("SELECT round_id, contact_id FROM letters")),
        }
    finally:
        con.close()
    for kind, wanted in acks.items():
        assert wanted <= present[kind], f"lost {kind}: {sorted(wanted - present[kind])[:5]}"


def crash_rounds(folder: Path, rounds: int, seed: int) -> int:
    db = folder / "crash.sqlite3"
    rng = random.Random(seed)
    acks: dict[str, set[tuple[int, ...]]] = {
        k: set() for k in ("contact", "app", "round", "letter")
    }
    env = dict(os.environ, LC_ALL="C.UTF-8")
    for number in range(rounds):
        writer = subprocess.Popen(
            [sys.executable, str(WRITER), str(db), str(seed + number)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        try:
            assert writer.stdout is not None
            assert writer.stdout.readline() == "ready\n"
            time.sleep(rng.uniform(0, 0.25))  # a random moment: opening, checking, writing
            writer.kill()
            out, err = writer.communicate(timeout=60)
        finally:
            if writer.poll() is None:
                writer.kill()
                writer.wait()
        assert err == "", err  # no command failed, none found the file damaged
        for kind, *ids in acknowledged(out):
            acks[kind].add(tuple(int(i) for i in ids))
        check(db, acks)
    return sum(len(v) for v in acks.values())


def test_a_killed_writer_loses_nothing_it_acknowledged(tmp_path: Path) -> None:
    assert crash_rounds(tmp_path, rounds=10, seed=1) > 0


@pytest.mark.slow
def test_two_hundred_kills_lose_nothing_acknowledged(tmp_path: Path) -> None:
    written = crash_rounds(tmp_path, rounds=200, seed=1000)
    print(f"{written} acknowledged writes survived 200 kills")
    assert written > 200
