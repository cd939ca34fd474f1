"""Test set-up: offscreen Qt, and every user folder pointed into a temporary directory."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("FOLLOWUP_DB", None)

from followup.storage import Database, Repository
from followup_desktop.serial_painting import paint_serially
from tests.leftovers import adopt_orphans, survivors

NOW = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)
paint_serially()  # as the app paints (before pytest-qt makes the QApplication)


@pytest.fixture(autouse=True)
def _private_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep data, config, cache and the keyring out of the real home."""
    home = tmp_path_factory.mktemp("home")
    for name, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        folder = home / sub
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(folder))
    monkeypatch.delenv("FOLLOWUP_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "followup.sqlite3"


def copy_of_new_database(
    factory: pytest.TempPathFactory, settings: dict[str, str] | None = None
) -> Path:
    """A new database (with these settings), created once and closed, for tests to copy:
    creating the schema costs each test ~20 ms, a copy ~1 ms."""
    path = factory.mktemp("new-database") / "new.sqlite3"
    database = Database.open(path, NOW)
    if settings:
        Repository(database).save_settings(settings)
    database.close()
    return path


@pytest.fixture(scope="session")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_of_new_database(tmp_path_factory)


@pytest.fixture
def repo(db_path: Path, template_database: Path) -> Iterator[Repository]:
    """A new database of the test's own (a copy of one created once)."""
    shutil.copyfile(template_database, db_path)
    database = Database.open(db_path, NOW)
    yield Repository(database)
    database.close()


def pytest_configure(config: pytest.Config) -> None:
    """Processes that tests start and orphan become ours, so the end of the run sees them."""
    adopt_orphans()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """``make test`` leaves no processes behind: any child still alive fails the run."""
    left = survivors()
    if left:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line("processes left running by the tests:", red=True)
            for line in left:
                reporter.write_line(f"  {line}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
