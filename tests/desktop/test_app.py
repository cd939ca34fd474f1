"""Start-up: a corrupt database is never overwritten (the last backup is offered), one
instance per database, and the demo screenshot for every view."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalServer
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from followup.model import Application
from followup.storage import Database, Repository
from followup.storage.early_check import EarlyCheck
from followup_desktop import app
from followup_desktop.app import _server_name
from followup_desktop.single_instance import ask_running_instance
from followup_desktop.start_dialogs import open_database

from .conftest import NOW


def corrupt_with_backup(path: Path) -> bytes:
    database = Database.open(path, NOW)
    Repository(database).add_application(Application(0, "Acme", "Dev"))
    database.backup(NOW)
    database.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    return bytes(data)


@pytest.mark.parametrize("checked", ["as it opens", "early, beside the imports"])
def test_a_corrupt_database_is_kept_and_the_backup_restored_on_request(
    qtbot: QtBot,
    tmp_path: Path,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
    checked: str,
) -> None:
    path = tmp_path / "followup.sqlite3"
    damaged = corrupt_with_backup(path)
    early = EarlyCheck(path) if checked.startswith("early") else None
    asked: list[str] = []

    def restore(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    on_next_modal(restore)
    database = open_database(path, NOW, None, early)
    assert database is not None
    assert "cannot be read" in asked[0] and "backup" in asked[0]
    assert [a.company for a in Repository(database).applications()] == ["Acme"]
    kept = list(tmp_path.glob("followup.sqlite3.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    database.close()


def test_declining_the_restore_changes_nothing(
    qtbot: QtBot, tmp_path: Path, on_next_modal: Callable[[Callable[[QWidget], None]], None]
) -> None:
    path = tmp_path / "followup.sqlite3"
    damaged = corrupt_with_backup(path)
    on_next_modal(lambda box: box.button(QMessageBox.StandardButton.No).click())  # type: ignore[attr-defined]
    assert open_database(path, NOW) is None
    assert path.read_bytes() == damaged
    assert not list(tmp_path.glob("*.damaged-*"))


def test_a_second_launch_finds_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    name = _server_name(str(tmp_path / "one.sqlite3"))
    assert name != _server_name(str(tmp_path / "two.sqlite3")), "one instance per database"
    assert ask_running_instance(name) is False
    server = QLocalServer()
    assert server.listen(name)
    try:
        with qtbot.waitSignal(server.newConnection, timeout=3000):
            assert ask_running_instance(name) is True
    finally:
        server.close()


@pytest.mark.parametrize("view", ["today", "interviews", "calendar", "composer", "call"])
def test_demo_screenshot_of_every_view(tmp_path: Path, view: str) -> None:
    """Also: the demo's throw-away folder is gone afterwards (not one left per run)."""
    target = tmp_path / f"{view}.png"
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "followup_desktop.app",
            "--demo",
            "--screenshot",
            str(target),
            "--view",
            view,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "TMPDIR": str(temporary)},
    )
    assert result.returncode == 0, result.stderr
    assert list(temporary.iterdir()) == []
    assert target.stat().st_size > 10_000
    assert target.read_bytes().startswith(b"\x89PNG")


def test_a_launch_with_no_arguments_is_answered_as_the_parser_would(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The menu's launch skips building the parser (~3 ms of gettext and locale lookups
    before the first paint); what it gets must be what the parser gives for no arguments."""
    monkeypatch.delenv(app.BENCHMARK_START, raising=False)
    assert vars(app._parser().parse_args([])) == app.NO_ARGUMENTS

    def no_parser() -> None:
        raise AssertionError("the parser was built for a launch with no arguments")

    monkeypatch.setattr(app, "_parser", no_parser)
    assert vars(app.parse_args([])) == app.NO_ARGUMENTS


def test_the_benchmark_asks_by_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(app.BENCHMARK_START, "0")
    assert app.parse_args([]).exit_after_content
    assert app.parse_args(["--db", "x.sqlite3"]).exit_after_content
    monkeypatch.delenv(app.BENCHMARK_START)
    assert not app.parse_args(["--db", "x.sqlite3"]).exit_after_content
