"""Countries and their regions by name, each country's usual work week, and which country and
region the business calendar uses and why.

The names come from the ``holidays`` package: countries from its registry (no country module
is imported for them), a country's regions from that one country's holiday table. Both are
asked for only when a dialog shows them, never at start-up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING

from followup.workdays import MON_FRI

if TYPE_CHECKING:
    from holidays import HolidayBase

# Where the words in the package's class names need more than spaces between them.
_NAME_FIXES = {
    "D R Congo": "DR Congo",
    "Guinea Bissau": "Guinea-Bissau",
    "Timor Leste": "Timor-Leste",
    "Heard Island and Mc Donald Islands": "Heard Island and McDonald Islands",
}
_SMALL_WORDS = frozenset({"And", "Of", "The", "Da", "Du", "Del", "De"})


@cache
def country_names() -> dict[str, str]:
    """ISO code → English name of every country the ``holidays`` package knows, by name."""
    from holidays.registry import COUNTRIES  # noqa: PLC0415  (a table; no country is loaded)

    names = {}
    for class_name, code, *_rest in COUNTRIES.values():
        words = re.findall(r"[A-Z][a-z]*|[a-z]+|\d+", class_name)
        name = " ".join(w.lower() if i and w in _SMALL_WORDS else w for i, w in enumerate(words))
        names[code] = _NAME_FIXES.get(name, name)
    return dict(sorted(names.items(), key=lambda item: item[1]))


def country_name(code: str) -> str:
    """The country's name, or the code itself when the package does not know it."""
    return country_names().get(code.upper(), code.upper()) if code else ""


@cache
def subdivision_names(country: str) -> dict[str, str]:
    """Region code → name for one country, by name (empty when it has no regions or is not
    known). Loads that country's holiday table (the ``holidays`` package)."""
    table = _table(country)
    if table is None:
        return {}
    aliases: dict[str, list[str]] = table.get_subdivision_aliases()
    names = {}
    for code in table.subdivisions:
        words = [a for a in aliases.get(code, []) if any(c.islower() for c in a)]
        names[str(code)] = str(words[0]) if words else str(code)
    return dict(sorted(names.items(), key=lambda item: item[1].lower()))


def usual_work_week(country: str) -> frozenset[int]:
    """The weekdays people work in the country (Monday is 0): its weekend taken from Mon–Sun
    (Sun–Thu in Israel); Mon–Fri when the country is not known."""
    table = _table(country) if country else None
    weekend = frozenset(int(d) for d in getattr(table, "weekend", ()) or ())
    week = frozenset(range(7)) - weekend
    return week if table is not None and weekend and week else MON_FRI


def _table(country: str) -> HolidayBase | None:
    import warnings  # noqa: PLC0415

    import holidays  # noqa: PLC0415  (loads every country module: only when asked)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        try:
            return holidays.country_holidays(country.upper())
        except NotImplementedError:
            return None


class Source(Enum):
    """Where the country in effect comes from."""

    USER = "user"
    SYSTEM = "system"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class InEffect:
    """The country and region the business calendar uses, and why."""

    country: str
    subdiv: str
    source: Source
    system_locale: str  # e.g. ``en_US``: named when the country comes from it

    @property
    def counted(self) -> bool:
        """Whether any public holidays are counted at all."""
        return self.source is not Source.NONE

    def text(self) -> str:
        """E.g. "Public holidays: United States, California — from your system's region
        (en_US)"; with no country, a warning that no public holidays are counted."""
        if self.source is Source.NONE:
            return (
                "Public holidays: no country — no public holidays are counted. "
                "Choose your country so deadlines skip them."
            )
        place = country_name(self.country)
        if self.subdiv:
            region = subdivision_names(self.country).get(self.subdiv.upper(), self.subdiv)
            place = f"{place}, {region}"
        if self.source is Source.USER:
            return f"Public holidays: {place} — chosen by you"
        locale = f" ({self.system_locale})" if self.system_locale else ""
        return f"Public holidays: {place} — from your system's region{locale}"


def in_effect(chosen: str, subdiv: str, system_country: str, system_locale: str) -> InEffect:
    """Which country counts: the one the user chose, else the system's region, else none."""
    if chosen:
        return InEffect(chosen.upper(), subdiv, Source.USER, system_locale)
    if system_country:
        return InEffect(system_country.upper(), "", Source.SYSTEM, system_locale)
    return InEffect("", "", Source.NONE, system_locale)
