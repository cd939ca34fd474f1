"""The system's region, as the desktop knows it: QLocale reads the platform's own setting
(Windows' region, macOS's AppleLocale, LANG/LC_* elsewhere), where Python's locale module
gives no country on Windows ("English_United States") or for a macOS app started from Finder."""

from __future__ import annotations

import locale
from functools import cache

from followup.country import locale_country
from followup.regions import InEffect, in_effect


@cache
def system_country() -> str:
    """ISO 3166 code of the system's region, or empty when it names none (read once: the
    business calendar asks for it often)."""
    from PySide6.QtCore import QLocale  # noqa: PLC0415

    territory = QLocale.system().territory()
    if territory != QLocale.Country.AnyTerritory:
        code = QLocale.territoryToCode(territory)
        if len(code) == 2 and code.isalpha():
            return code.upper()
    return locale_country(locale.getlocale()[0])


def system_locale_name() -> str:
    """The system's locale as Qt reads it (``en_US``), to say where the country came from."""
    from PySide6.QtCore import QLocale  # noqa: PLC0415

    system = QLocale.system()
    if system.territory() != QLocale.Country.AnyTerritory:
        return system.name()
    return (locale.getlocale()[0] or "").split(".")[0]  # where system_country() found it


def holidays_in_effect(country: str, subdiv: str) -> InEffect:
    """Which country's and region's public holidays count, and why (chosen, or the
    system's region, or none at all)."""
    return in_effect(country, subdiv, system_country(), system_locale_name())
