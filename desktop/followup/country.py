"""Which country the user is in, from a locale name, and the paper size that country posts
on. Qt-free: the GUI passes QLocale's name in."""

from __future__ import annotations

import re


def locale_country(locale_name: str | None) -> str:
    """``en_US.UTF-8`` → ``US``; Windows' ``English_United States.1252`` → ``US`` too; empty
    when the locale names no country (``C.UTF-8``, a bare ``en``)."""
    name = (locale_name or "").split(".")[0].split("@")[0]
    match = re.fullmatch(r"[A-Za-z]{2,3}[_-]([A-Za-z]{2})", name)
    if match:
        return match.group(1).upper()
    if "_" in name:  # Windows: Language_Country, the country by its English name
        return country_code(name.split("_", 1)[1])
    return ""


def country_code(name: str) -> str:
    """An English country name (``United States``, ``Korea, South``) as its ISO code, from
    the holidays package's own registry; empty when unknown."""
    from holidays.registry import COUNTRIES  # noqa: PLC0415  (only for Windows-style names)

    def key(text: str) -> str:
        return "".join(c for c in text.lower() if c.isalpha())

    wanted = key(name)
    aliases = {"unitedstatesofamerica": "US", "greatbritain": "GB", "korea": "KR", "usa": "US"}
    if wanted in aliases:
        return aliases[wanted]
    for module, (class_name, code, *_rest) in COUNTRIES.items():
        if wanted in (key(class_name), key(module)):
            return str(code)
    return ""


# Where Letter paper is the norm; everywhere else A4 (ISO 216).
LETTER_COUNTRIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "SV", "PR", "DO", "PA", "NI", "BZ", "BO"}
)


def paper_for(setting: str, country: str) -> str:
    """``letter`` or ``a4``: the setting, or with ``auto`` the norm of the letter's country
    (the user's business-calendar country: letters are posted where the user lives)."""
    if setting in ("letter", "a4"):
        return setting
    return "letter" if country.upper() in LETTER_COUNTRIES else "a4"
