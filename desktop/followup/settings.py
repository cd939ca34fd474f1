"""The user's settings, declared once with type, default and description.

Stored in the database (one file, transactional, backed up with everything else). The settings
dialog and ``followup settings`` both read this declaration. Secrets are never settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from typing import Any
from zoneinfo import ZoneInfo

from followup.errors import InvalidInput
from followup.model import PostalAddress, Profile
from followup.plan import PlanSettings
from followup.reminders import ReminderSettings
from followup.setting_bounds import check_end_of_day, set_aside_unfitting
from followup.setting_kinds import Kind, Setting
from followup.workdays import WorkCalendar, parse_workdays

SETTINGS: tuple[Setting, ...] = (
    Setting(
        "profile.name",
        "",
        "Name",
        "Your name, as it is signed under the letter",
        Kind.TEXT,
        "Profile",
        example="Alex Morgan",
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
        "When the working day ends: the hour letters and calls are due (12:00 to 23:59)",
        Kind.TIME,
        "Business calendar",
        bound=check_end_of_day,
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
        "When morning reminders arrive: before the end of the working day (in quiet hours: "
        "when they end)",
        Kind.TIME,
        "Reminders",
    ),
    Setting(
        "reminders.quiet_start",
        "21:00",
        "Quiet hours begin",
        "No reminders from this time (the same as the end: no quiet hours)",
        Kind.TIME,
        "Reminders",
    ),
    Setting(
        "reminders.quiet_end",
        "08:00",
        "Quiet hours end",
        "Reminders held in quiet hours arrive at this time (at least an hour a day stays open)",
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
    read: dict[str, Any] = field(default_factory=dict)  # each value read alone, before pairs

    @classmethod
    def from_stored(
        cls, stored: dict[str, Any], unreadable: dict[str, str] | None = None
    ) -> Settings:
        """``unreadable``: key → why, for stored values that could not even be read (their
        defaults are used; ``UserState.unreadable_settings``)."""
        values = {s.key: s.default for s in SETTINGS}
        ignored: dict[str, str] = {
            key: f"{why} (using the default)"
            for key, why in (unreadable or {}).items()
            if key in BY_KEY
        }
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
        read = dict(values)
        defaults = {s.key: s.default for s in SETTINGS}
        for key, why in set_aside_unfitting(values, defaults).items():
            ignored[key] = f"{why} (using the default)"
        return cls(values, ignored, read)

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
        from followup.system_zone import system_zone_name  # noqa: PLC0415  (only when needed)

        return ZoneInfo(self["calendar.timezone"] or system_zone_name())

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
