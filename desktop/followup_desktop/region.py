"""The system's region, as the desktop knows it: QLocale reads the platform's own setting
(Windows' region, macOS's AppleLocale, LANG/LC_* elsewhere), where Python's locale module
gives no country on Windows ("English_United States") or for a macOS app started from Finder."""

from __future__ import annotations

import locale
from functools import cache

from followup.settings import locale_country


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
