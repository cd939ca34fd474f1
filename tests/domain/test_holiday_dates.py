"""Holiday dates come from a cache file after the first computation: the same answers as the
``holidays`` package, without importing its every country (start-up and the command line)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import holidays

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
