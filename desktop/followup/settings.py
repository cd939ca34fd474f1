"""The user's settings, declared once with type, default and description.

Stored in the database (one file, transactional, backed up with everything else). The settings
dialog and ``followup settings`` both read this declaration. Secrets are never settings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo

from followup.errors import InvalidInput
from followup.model import PostalAddress, Profile, check_email, check_timezone
from followup.plan import PlanSettings
from followup.reminders import ReminderSettings
from followup.validation import LINE, check_day, check_text
from followup.workdays import WorkCalendar, format_workdays, parse_workdays


def _time(text: Any) -> str:
    if not isinstance(text, str) or not re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", text.strip()):
        raise InvalidInput(f"{text!r} is not a time of day like 09:00")
    hour, minute = text.strip().split(":")
    return f"{int(hour):02d}:{minute}"


def _int_range(low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        try:
            number = int(value)
        except (TypeError, ValueError) as error:
            raise InvalidInput(f"{value!r} is not a whole number") from error
        if not low <= number <= high:
            raise InvalidInput(f"{number} is outside {low}–{high}")
        return number

    return check


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidInput(f"{value!r} is not text")
    return check_text(value.strip(), "the value")


def _lines(value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidInput(f"{value!r} is not text")
    text = check_text(value.strip(), "the value", LINE, multiline=True)
    PostalAddress.parse(text).check("the address")
    return text


def _email(value: Any) -> str:
    text = _text(value)
    check_email(text)
    return text


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"1", "true", "yes", "on"}:
        return True
    if text in {"0", "false", "no", "off"}:
        return False
    raise InvalidInput(f"{value!r} is not yes or no")


def _workdays(value: Any) -> str:
    return format_workdays(parse_workdays(_text(value)))


def _days_off(value: Any) -> list[str]:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list):
        raise InvalidInput("days off are a list of dates like 2026-12-24")
    if len(items) > MAX_DAYS_OFF:
        raise InvalidInput(f"at most {MAX_DAYS_OFF} days off")
    days = []
    for item in items:
        if not isinstance(item, str):
            raise InvalidInput(f"{item!r} is not a date like 2026-12-24")
        text = item.strip()
        if not text:
            continue
        try:
            day = date.fromisoformat(text)
        except ValueError as error:
            shown = text if len(text) <= 40 else text[:40] + "…"
            raise InvalidInput(f"{shown!r} is not a date like 2026-12-24") from error
        days.append(check_day(day, "a day off").isoformat())
    return sorted(set(days))


def _country(value: Any) -> str:
    text = _text(value).upper()
    if text:
        WorkCalendar(country=text)
    return text


def _subdiv(value: Any) -> str:
    """Checked against the country when the settings are checked together (``check_all``)."""
    text = _text(value)
    if len(text) > 10:
        raise InvalidInput(f"{text[:20]!r} is not a region code such as CA or BY")
    return text


def _zone(value: Any) -> str:
    text = _text(value)
    if text:
        check_timezone(text)
    return text


MAX_DAYS_OFF = 1_000


class Kind(Enum):
    """What a setting holds, so every surface offers the right control for it."""

    TEXT = "text"
    LINES = "lines"
    EMAIL = "e-mail"
    NUMBER = "number"
    TIME = "time"
    DATES = "dates"
    WEEKDAYS = "weekdays"
    CHOICE = "choice"
    COUNTRY = "country"
    SUBDIVISION = "subdivision"
    ZONE = "zone"
    BOOL = "bool"


_PARSERS: dict[Kind, Callable[[Any], Any]] = {
    Kind.TEXT: _text,
    Kind.LINES: _lines,
    Kind.EMAIL: _email,
    Kind.TIME: _time,
    Kind.DATES: _days_off,
    Kind.WEEKDAYS: _workdays,
    Kind.COUNTRY: _country,
    Kind.SUBDIVISION: _subdiv,
    Kind.ZONE: _zone,
    Kind.BOOL: _bool,
}


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: its kind, range or choices (with the words shown for them), a short
    label and a one-line description. The dialog and ``followup settings`` read only this."""

    key: str
    default: Any
    label: str
    description: str
    kind: Kind
    group: str
    low: int = 0
    high: int = 0
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, words shown for it)

    def parse(self, value: Any) -> Any:
        """The value as stored, or InvalidInput with the reason in words."""
        if self.kind is Kind.NUMBER:
            return _int_range(self.low, self.high)(value)
        if self.kind is Kind.CHOICE:
            text = _text(value).lower()
            options = [option for option, _words in self.choices]
            if text not in options:
                raise InvalidInput(f"{value!r} is not one of {', '.join(options)}")
            return text
        return _PARSERS[self.kind](value)

    def words(self, value: Any) -> str:
        """How a choice is shown ("US Letter" for ``letter``); other values as they are."""
        return dict(self.choices).get(value, str(value))


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "profile.name",
        "",
        "Name",
        "Your name, as it is signed under the letter",
        Kind.TEXT,
        "Profile",
    ),
    Setting(
        "profile.email",
        "",
        "E-mail",
        "Your e-mail address (sender of the letter)",
        Kind.EMAIL,
        "Profile",
    ),
    Setting("profile.phone", "", "Phone", "Your phone number", Kind.TEXT, "Profile"),
    Setting(
        "profile.address",
        "",
        "Postal address",
        "Your postal address, one line per line",
        Kind.LINES,
        "Profile",
    ),
    Setting(
        "calendar.country",
        "",
        "Country",
        "Country whose public holidays are not business days "
        "(ISO code; empty: from the system's region)",
        Kind.COUNTRY,
        "Business calendar",
    ),
    Setting(
        "calendar.subdiv",
        "",
        "State or region",
        "State, province or region for regional holidays",
        Kind.SUBDIVISION,
        "Business calendar",
    ),
    Setting(
        "calendar.workdays",
        "mon,tue,wed,thu,fri",
        "Work week",
        "Working weekdays",
        Kind.WEEKDAYS,
        "Business calendar",
    ),
    Setting(
        "calendar.days_off",
        [],
        "Days off",
        "Your own days off (dates)",
        Kind.DATES,
        "Business calendar",
    ),
    Setting(
        "calendar.end_of_day",
        "17:00",
        "End of the working day",
        "When the working day ends (the letter deadline)",
        Kind.TIME,
        "Business calendar",
    ),
    Setting(
        "calendar.timezone",
        "",
        "Time zone",
        "Your time zone (empty: the system's)",
        Kind.ZONE,
        "Business calendar",
    ),
    Setting(
        "plan.quiet_days",
        14,
        "Quiet days after the call",
        "Days after the call before suggesting to close",
        Kind.NUMBER,
        "Plan",
        low=1,
        high=90,
    ),
    Setting(
        "plan.inquiry_wait",
        10,
        "Wait before a status inquiry",
        "Business days after an online application before the one status inquiry",
        Kind.NUMBER,
        "Plan",
        low=1,
        high=60,
    ),
    Setting(
        "reminders.morning",
        "09:00",
        "Morning reminders",
        "When morning reminders arrive",
        Kind.TIME,
        "Reminders",
    ),
    Setting(
        "reminders.quiet_start",
        "21:00",
        "Quiet hours begin",
        "Quiet hours begin",
        Kind.TIME,
        "Reminders",
    ),
    Setting(
        "reminders.quiet_end",
        "08:00",
        "Quiet hours end",
        "Quiet hours end",
        Kind.TIME,
        "Reminders",
    ),
    Setting(
        "post.delivery_days",
        3,
        "Days in the post",
        "Business days a posted letter takes to arrive",
        Kind.NUMBER,
        "Post",
        low=1,
        high=20,
    ),
    Setting(
        "post.paper",
        "auto",
        "Paper size",
        "Paper size: auto (from the letter's country), letter or a4",
        Kind.CHOICE,
        "Post",
        choices=(
            ("auto", "Automatic (from the letter's country)"),
            ("letter", "US Letter"),
            ("a4", "A4"),
        ),
    ),
    Setting(
        "letters.spelling",
        "en",
        "Spelling",
        "Spelling dictionary for letters: en, de, es, fr, it, nl, pt, or off",
        Kind.CHOICE,
        "Letters",
        choices=(
            ("en", "English"),
            ("de", "German"),
            ("es", "Spanish"),
            ("fr", "French"),
            ("it", "Italian"),
            ("nl", "Dutch"),
            ("pt", "Portuguese"),
            ("off", "Off (no spelling check)"),
        ),
    ),
    Setting("smtp.host", "", "Mail server", "Outgoing mail server", Kind.TEXT, "E-mail"),
    Setting(
        "smtp.port", 587, "Port", "Outgoing mail port", Kind.NUMBER, "E-mail", low=1, high=65535
    ),
    Setting(
        "smtp.security",
        "starttls",
        "Security",
        "ssl, starttls or none",
        Kind.CHOICE,
        "E-mail",
        choices=(
            ("starttls", "STARTTLS (recommended)"),
            ("ssl", "SSL/TLS from the start"),
            ("none", "None: unencrypted (not recommended)"),
        ),
    ),
    Setting(
        "smtp.user",
        "",
        "Login name",
        "Login name at the mail server (the password is kept in the system keyring)",
        Kind.TEXT,
        "E-mail",
    ),
    Setting(
        "smtp.allow_unencrypted_login",
        False,
        "Allow login without encryption",
        "I understand: log in without encryption (security none sends the password "
        "readable by anyone on the network)",
        Kind.BOOL,
        "E-mail",
    ),
    Setting(
        "app.close_to_tray",
        True,
        "Close to the tray",
        "Closing the window keeps the app in the tray",
        Kind.BOOL,
        "App",
    ),
    Setting("app.start_at_login", False, "Start at login", "Start at login", Kind.BOOL, "App"),
)
BY_KEY = {s.key: s for s in SETTINGS}
# What letters and deadlines need from the user, asked on the first start.
SETUP_KEYS = (
    "profile.name",
    "profile.address",
    "profile.email",
    "profile.phone",
    "calendar.country",
    "calendar.subdiv",
    "calendar.workdays",
)


def profile_is_empty(stored: dict[str, Any]) -> bool:
    """Nothing about the user stored yet (a first start)."""
    return not any(stored.get(key) for key in SETUP_KEYS if key.startswith("profile."))


class SettingProblems(InvalidInput):
    """Settings refused, each with its reason in words (``problems``: key → reason), so the
    dialog can say each beside its field; the message names the first, for the CLI."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{key}: {why}" for key, why in problems.items()))


def validate(key: str, value: Any) -> Any:
    """The value as stored, or InvalidInput with a plain reason."""
    setting = BY_KEY.get(key)
    if setting is None:
        raise InvalidInput(f"unknown setting {key!r}; see `followup settings list`")
    try:
        return setting.parse(value)
    except InvalidInput as error:
        raise SettingProblems({key: str(error)}) from error


def check_all(stored: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """Each changed value checked, then how they fit together (a region of the country).

    Every surface that saves settings (the dialog, ``followup settings set``, JSON import)
    calls this, so a combination that would stop plans being made is never stored. Every
    refused value is reported at once (``SettingProblems``).
    """
    if not isinstance(changes, dict):
        raise InvalidInput("settings must be an object of key: value")
    checked: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for key, value in changes.items():
        try:
            checked[key] = validate(key, value)
        except SettingProblems as error:
            problems.update(error.problems)
    if problems:
        raise SettingProblems(problems)
    merged = Settings.from_stored({**stored, **checked})
    subdiv = merged["calendar.subdiv"]
    country = merged["calendar.country"]
    if subdiv and not country:
        raise SettingProblems(
            {"calendar.subdiv": "a region needs a country; choose the country first"}
        )
    try:
        merged.calendar(strict=True)
    except InvalidInput as error:
        key = "calendar.subdiv" if subdiv else "calendar.country"
        raise SettingProblems({key: str(error)}) from error
    return checked


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


# Checked when the calendar is first built (they load the holidays package), not at start-up.
_CHECKED_LATER = frozenset({"calendar.country", "calendar.subdiv"})


@dataclass(frozen=True, slots=True)
class Settings:
    """The settings in effect: stored values over declared defaults.

    A stored value that is refused today (an old version's, a hand edit) is not used: its
    default is, and ``ignored`` says which setting and why, so the app still starts.
    """

    values: dict[str, Any]
    ignored: dict[str, str] = field(default_factory=dict)  # key → why its value is not used

    @classmethod
    def from_stored(cls, stored: dict[str, Any]) -> Settings:
        values = {s.key: s.default for s in SETTINGS}
        ignored: dict[str, str] = {}
        for key, value in stored.items():
            setting = BY_KEY.get(key)
            if setting is None:
                continue
            if key in _CHECKED_LATER:
                values[key] = value if isinstance(value, str) else setting.default
                continue
            try:
                values[key] = setting.parse(value)
            except (InvalidInput, TypeError, ValueError, OverflowError) as error:
                ignored[key] = f"{error} (using the default)"
        return cls(values, ignored)

    def problems(self, *, in_words: bool = False) -> list[str]:
        """One line per stored setting that is not used: by key for the command line (where
        ``followup settings set KEY`` fixes it), by its label in Settings for the window."""
        if not in_words:
            return [f"setting {key} ignored: {why}" for key, why in sorted(self.ignored.items())]
        lines = []
        for key, why in sorted(self.ignored.items()):
            setting = BY_KEY.get(key)
            name = f"“{setting.label}” in Settings ({setting.group})" if setting else "A setting"
            lines.append(f"{name} is not used: {why}")
        return lines

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def calendar(
        self,
        fallback_country: str = "",
        *,
        country: str | None = None,
        subdiv: str | None = None,
        workdays: str | None = None,
        strict: bool = False,
    ) -> WorkCalendar:
        """The business calendar; arguments override the stored settings (CLI flags).

        A stored country or region that is not known (any more) is dropped and noted in
        ``ignored``; one given as an argument, or any with ``strict`` (checking values about
        to be saved), is refused."""
        chosen = country if country is not None else (self["calendar.country"] or fallback_country)
        region = (
            subdiv if subdiv is not None else (self["calendar.subdiv"] if country is None else None)
        )
        hour, minute = self["calendar.end_of_day"].split(":")
        days = parse_workdays(workdays or self["calendar.workdays"])
        days_off = frozenset(date.fromisoformat(d) for d in self["calendar.days_off"])
        end = time(int(hour), int(minute))
        while True:
            try:
                return WorkCalendar(
                    country=chosen or None,
                    subdiv=region or None,
                    workdays=days,
                    days_off=days_off,
                    end_of_day=end,
                )
            except InvalidInput as error:
                if strict:
                    raise
                stored_region = region and subdiv is None and country is None
                if stored_region:
                    self.ignored["calendar.subdiv"] = f"{error} (using no region)"
                    region = None
                elif chosen and country is None:
                    key = "calendar.country" if self["calendar.country"] else "the locale's country"
                    self.ignored[key] = f"{error} (using no public holidays)"
                    chosen = ""
                else:
                    raise

    def plan(self) -> PlanSettings:
        return PlanSettings(self["plan.quiet_days"], self["plan.inquiry_wait"])

    def zone(self) -> ZoneInfo:
        """The user's time zone: the setting, else the system's (tzlocal), else UTC."""
        name = self["calendar.timezone"]
        if not name:
            import tzlocal  # noqa: PLC0415  (asks the OS; only when needed)

            name = tzlocal.get_localzone_name() or "UTC"
        return ZoneInfo(name)

    def reminders(self) -> ReminderSettings:
        def at(key: str) -> time:
            hour, minute = self[key].split(":")
            return time(int(hour), int(minute))

        return ReminderSettings(
            at("reminders.morning"), at("reminders.quiet_start"), at("reminders.quiet_end")
        )

    def profile(self) -> Profile:
        return Profile(
            self["profile.name"],
            self["profile.email"],
            self["profile.phone"],
            PostalAddress.parse(self["profile.address"]),
        )
