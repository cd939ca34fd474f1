"""The first plans at start-up with 10,000 interviews (demo history, about 960 active rounds):
``plans_by_application`` for the active applications, cold as a start-up runs it — a new
connection, a new business calendar (its memos empty) and a new way of naming days."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from followup.date_style import PLAIN, DateStyle
from followup.demo import populate
from followup.plan import PlanItem, PlanSettings
from followup.planner import plans_by_application
from followup.storage import Database, Repository
from followup.today_plans import plans_for_today
from followup.workdays import WorkCalendar

NOW = datetime(2026, 11, 27, 15, tzinfo=UTC)
NY = ZoneInfo("America/New_York")


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("history") / "big.sqlite3"
    database = Database.open(path, NOW)
    populate(Repository(database), NOW, NY, count=10_000)
    database.close()
    return path


@pytest.fixture
def opened() -> Iterator[list[Database]]:
    databases: list[Database] = []
    yield databases
    for database in databases:
        database.close()


def locale_dates() -> DateStyle:
    """The GUI's way of naming days (what start-up passes), from the system's locale."""
    from PySide6.QtCore import QCoreApplication

    from followup_desktop.locale_dates import LocaleDates

    _ = QCoreApplication.instance() or QCoreApplication([])
    return LocaleDates(NOW.date())


@pytest.mark.parametrize("style", ["plain", "locale"])
def test_first_plans_with_10000_interviews(
    benchmark: BenchmarkFixture, history: Path, opened: list[Database], style: str
) -> None:
    def cold() -> tuple[tuple[Repository, WorkCalendar, ZoneInfo, datetime, PlanSettings], dict]:
        database = Database.open(history, NOW)
        opened.append(database)
        dates = PLAIN if style == "plain" else locale_dates()
        plan = PlanSettings(dates=dates)
        return (Repository(database), WorkCalendar("US"), NY, NOW, plan), {"active_only": True}

    plans: dict[int, list[PlanItem]] = benchmark.pedantic(
        plans_by_application, setup=cold, rounds=12, iterations=1, warmup_rounds=1
    )
    assert 900 < len(plans) < 1_100


def test_todays_part_of_the_first_plans_with_10000_interviews(
    benchmark: BenchmarkFixture, history: Path, opened: list[Database]
) -> None:
    """What start-up plans before Today paints (``plans_for_today``): the rounds still in
    play, and of settled rounds whose call was made only the close suggestion."""

    def cold() -> tuple[tuple[Repository, WorkCalendar, ZoneInfo, datetime, PlanSettings], dict]:
        database = Database.open(history, NOW)
        opened.append(database)
        return (
            Repository(database),
            WorkCalendar("US"),
            NY,
            NOW,
            PlanSettings(dates=locale_dates()),
        ), {}

    plans: dict[int, list[PlanItem]] = benchmark.pedantic(
        plans_for_today, setup=cold, rounds=12, iterations=1, warmup_rounds=1
    )
    assert 600 < sum(map(len, plans.values())) < 1_000  # of about 3,600 items in all
