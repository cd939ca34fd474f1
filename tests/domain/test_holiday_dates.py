"""Holiday dates come from a cache file after the first computation: the same answers as the
``holidays`` package, without importing its every country (start-up and the command line)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from threading import Event, Thread
from typing import Any

import holidays
import pytest

from followup import holiday_dates
from followup.workdays import WorkCalendar

PROBE = """
import sys
from datetime import date
from followup.workdays import WorkCalendar
cal = WorkCalendar(country="US", subdiv="CA")
print(cal.holiday_name(date(2026, 11, 26)))
print(cal.holiday_name(date(2026, 3, 31)))
print("holidays.countries" in sys.modules)
"""


def probe() -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, env=os.environ
    )
    return done.stdout.split("\n")[:3]


def test_a_second_process_reads_the_cache_and_imports_no_country() -> None:
    first = probe()
    second = probe()
    assert first[:2] == second[:2] == ["Thanksgiving Day", "Cesar Chavez Day"]
    assert first[2] == "True"  # computed once by the package...
    assert second[2] == "False"  # ...then read back without its 250 country modules


def test_cached_dates_equal_the_package() -> None:
    table = holidays.country_holidays("DE", subdiv="BY", years=2027)
    assert holiday_dates.holidays_in("DE", "BY", 2027) == dict(table.items())
    assert holiday_dates.subdivisions("DE") == tuple(table.subdivisions)
    assert holiday_dates.subdivisions("ZZ") is None


def test_a_damaged_cache_file_is_computed_again() -> None:
    # An entry kept from an earlier test remembers that test's cache folder: start afresh.
    holiday_dates._entry.cache_clear()
    cal = WorkCalendar(country="FR")
    assert cal.holiday_name(date(2026, 7, 14)) is not None
    path = holiday_dates._cache_file("FR", None)
    assert path is not None and path.is_file()
    path.write_text("{not json", encoding="utf-8")
    holiday_dates._entry.cache_clear()
    assert WorkCalendar(country="FR").holiday_name(date(2026, 7, 14)) is not None
    assert "2026" in json.loads(Path(path).read_text(encoding="utf-8"))["years"]


THANKSGIVING_2031 = date(2031, 11, 27)


@pytest.fixture
def fresh_entries() -> Iterator[None]:
    """Entries made in this test's own cache folder (and none kept for later tests)."""
    holiday_dates._entry.cache_clear()
    yield
    holiday_dates._entry.cache_clear()


def pausing_in(monkeypatch: pytest.MonkeyPatch, year: int) -> tuple[Event, Event]:
    """Make computing ``year`` pause as it goes through the package's dates, until the
    second event is set (or a moment passed: a fixed cache keeps the other thread out
    meanwhile). Returns (paused, go on)."""
    paused, go_on = Event(), Event()
    real = holidays.country_holidays

    def slow(*args: Any, **kwargs: Any) -> Any:
        table = real(*args, **kwargs)
        if kwargs.get("years") != [year]:
            return table
        days = list(table.items())

        def items() -> Iterator[tuple[date, str]]:
            paused.set()
            go_on.wait(0.2)
            yield from days

        table.items = items
        return table

    monkeypatch.setattr(holidays, "country_holidays", slow)
    return paused, go_on


def test_a_year_being_computed_is_never_seen_half_filled(
    monkeypatch: pytest.MonkeyPatch, fresh_entries: None
) -> None:
    """Two threads (the GUI's and the planner's) ask for the same year at once: both get
    Thanksgiving, and the shared calendar never remembers it as a business day."""
    cal = WorkCalendar(country="US")
    paused, go_on = pausing_in(monkeypatch, 2031)
    answers: dict[str, object] = {}

    def ask(name: str, done: Event | None = None) -> None:
        try:
            answers[name] = holiday_dates.holidays_in("US", None, 2031).get(THANKSGIVING_2031)
            answers[f"{name} calendar"] = cal.why_not_business(THANKSGIVING_2031)
        except Exception as error:  # failed below, not lost in the thread
            answers[name] = error
        if done is not None:
            done.set()

    first = Thread(target=ask, args=("first",))
    first.start()
    assert paused.wait(5)
    second = Thread(target=ask, args=("second", go_on))
    second.start()
    second.join(5)
    first.join(5)
    assert answers == {
        "first": "Thanksgiving Day",
        "first calendar": "Thanksgiving Day",
        "second": "Thanksgiving Day",
        "second calendar": "Thanksgiving Day",
    }
    assert not cal.is_business_day(THANKSGIVING_2031)


def test_the_cache_file_written_while_another_year_is_computed(
    monkeypatch: pytest.MonkeyPatch, fresh_entries: None
) -> None:
    """Another thread writes the file while one year is being computed: no error, and the
    file never holds that year half-filled (nor is a temporary file left behind)."""
    holiday_dates.subdivisions("US")
    path = holiday_dates._cache_file("US", None)
    assert path is not None
    paused, go_on = pausing_in(monkeypatch, 2031)
    seen: dict[str, object] = {}

    def compute(year: int, done: Event | None = None) -> None:
        try:
            holiday_dates.holidays_in("US", None, year)
            if done is not None:  # what the file held as this thread's write ended
                seen["file"] = json.loads(path.read_text(encoding="utf-8"))["years"]
        except Exception as error:  # failed below, not lost in the thread
            seen[str(year)] = error
        if done is not None:
            done.set()

    first = Thread(target=compute, args=(2031,))
    first.start()
    assert paused.wait(5)
    second = Thread(target=compute, args=(2032, go_on))
    second.start()
    second.join(5)
    first.join(5)
    file = seen.pop("file")
    assert seen == {}, "no thread failed"
    assert isinstance(file, dict) and "2032" in file
    assert file.get("2031", {"2031-11-27": "Thanksgiving Day"}).get("2031-11-27") == (
        "Thanksgiving Day"
    )
    years = json.loads(path.read_text(encoding="utf-8"))["years"]
    assert years["2031"]["2031-11-27"] == "Thanksgiving Day" and "2032" in years
    assert list(path.parent.glob("*.tmp")) == []
