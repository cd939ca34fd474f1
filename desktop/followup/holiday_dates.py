"""Public holidays by country, region and year, kept in a small cache file.

The ``holidays`` package can only load a country through ``holidays.countries``, whose
``__init__`` imports every country it knows (about 250 modules; 0.1–0.3 s, more under
PySide6's import hook). The dates it computes never change for a given package version, so
they are computed once per country, region, year and language and kept in the user's cache
folder, in a file named for the package's version: a new version recomputes them. A cache
that cannot be read or written is only slower, never wrong.

The GUI thread and the planner's own thread (time moving on, start-up's whole plans) share
one calendar, so one lock guards the cache: a year is handed out only once it is whole (a
year seen half-filled made Thanksgiving a business day until the app restarted), and a file
is written from a snapshot no other thread is changing, under a temporary name of its own.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import threading
import warnings
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

_LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")  # as ``holidays`` reads
# One lock for the whole cache, not one per country: computing also changes the process's
# warning filters (``warnings.catch_warnings``), which two threads must not do at once.
_LOCK = threading.Lock()


@cache
def package_version() -> str:
    """The installed ``holidays`` version, read without importing the package."""
    from importlib.util import find_spec  # noqa: PLC0415

    spec = find_spec("holidays")
    if spec is None or spec.origin is None:
        return "missing"
    folder = Path(spec.origin).parent
    try:
        text = (folder / "version.py").read_text(encoding="utf-8")
    except OSError:
        return f"mtime{folder.stat().st_mtime_ns}"
    found = re.search(r"""__version__\s*=\s*["']([^"']+)["']""", text)
    return found.group(1) if found else f"mtime{folder.stat().st_mtime_ns}"


def _language() -> str:
    """Holiday names follow the environment's language: part of what a cache file holds."""
    for variable in _LANGUAGE_VARIABLES:
        value = os.environ.get(variable)
        if value:
            return re.sub(r"[^A-Za-z0-9_]", "_", value)[:40]
    return "default"


def _cache_file(country: str, subdiv: str | None) -> Path | None:
    from followup.paths import cache_dir  # noqa: PLC0415

    folder = cache_dir()
    if folder is None:
        return None
    name = f"{country}-{subdiv or ''}-{_language()}.json"
    return folder / "holidays" / package_version() / re.sub(r"[^A-Za-z0-9_.-]", "_", name)


class _Entry:
    """One country and region: its subdivisions and the holidays of the years asked so far."""

    def __init__(self, country: str, subdiv: str | None) -> None:
        self.country = country
        self.subdiv = subdiv
        self.path = _cache_file(country, subdiv)
        self.subdivisions: tuple[str, ...] | None = None
        self.years: dict[int, dict[date, str]] = {}
        self.known = True
        self._read()

    def _read(self) -> None:
        if self.path is None:
            return
        try:
            stored: dict[str, Any] = json.loads(self.path.read_text(encoding="utf-8"))
            self.subdivisions = tuple(str(s) for s in stored["subdivisions"])
            self.years = {
                int(year): {date.fromisoformat(day): str(name) for day, name in days.items()}
                for year, days in stored["years"].items()
            }
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.subdivisions, self.years = None, {}

    def _write(self) -> None:
        """Replace the file at once (callers hold ``_LOCK``, so the years do not change)."""
        if self.path is None or self.subdivisions is None:
            return
        stored = {
            "subdivisions": list(self.subdivisions),
            "years": {
                str(year): {day.isoformat(): name for day, name in sorted(days.items())}
                for year, days in sorted(self.years.items())
            },
        }
        text = json.dumps(stored, ensure_ascii=False)
        temporary: str | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(
                prefix=f"{self.path.name}.", suffix=".tmp", dir=self.path.parent
            )
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
            os.replace(temporary, self.path)
        except OSError:
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)

    def _compute(self, years: list[int]) -> None:
        """Ask the ``holidays`` package (imported here, on a cache miss only)."""
        import holidays  # noqa: PLC0415

        with warnings.catch_warnings():
            # Some countries' rules cover a range of years; outside it no holidays are known.
            warnings.simplefilter("ignore", UserWarning)
            try:
                table = holidays.country_holidays(self.country, subdiv=self.subdiv, years=years)
            except NotImplementedError:
                self.known = False
                return
            subdivisions = tuple(table.subdivisions)
            # Each year whole before anyone can see it (only the years asked for: a day of
            # another year would make that year look known with one day in it).
            built: dict[int, dict[date, str]] = {year: {} for year in years}
            for day, name in table.items():
                if day.year in built:
                    built[day.year][day] = str(name)
        self.subdivisions = subdivisions
        self.years.update(built)
        self._write()

    def ensure_subdivisions(self) -> tuple[str, ...] | None:
        if self.subdivisions is None and self.known:
            self._compute([])
        return self.subdivisions if self.known else None

    def year(self, year: int) -> dict[date, str]:
        if year not in self.years and self.known:
            self._compute([year])
        return self.years.get(year, {})


@cache
def _entry(country: str, subdiv: str | None) -> _Entry:
    """Called with ``_LOCK`` held: one entry per country and region, read once."""
    return _Entry(country, subdiv)


def subdivisions(country: str) -> tuple[str, ...] | None:
    """One country's subdivision codes; None if the package does not know the country."""
    if not re.fullmatch(r"[A-Z]{2,3}", country):
        return None
    with _LOCK:
        return _entry(country, None).ensure_subdivisions()


def holidays_in(country: str, subdiv: str | None, year: int) -> dict[date, str]:
    """Date → name (several joined with '; ') of the public holidays in one year."""
    with _LOCK:
        return _entry(country, subdiv).year(year)
