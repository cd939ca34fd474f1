"""Settings about to be saved, checked strictly: each value, then how they fit together.

Every surface that saves settings (the Settings dialog, ``followup settings set``, JSON
import) calls ``check_all``, so they refuse the same values in the same words and a refused
value is never written. Reading what is already stored is lenient instead
(``Settings.from_stored``): a bad stored value is set aside, never a reason not to start.
"""

from __future__ import annotations

from typing import Any

from followup.errors import InvalidInput
from followup.setting_bounds import MORNING, QUIET_HOURS, morning_problem, quiet_hours_problem
from followup.settings import BY_KEY, Settings


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
    """Each changed value checked, then how they fit together (quiet hours' two ends, the
    morning reminders before the end of the working day, a region of the country).

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
    changed = [key for key in QUIET_HOURS if key in checked]
    if changed and (why := quiet_hours_problem(*(merged.read[key] for key in QUIET_HOURS))):
        raise SettingProblems({changed[-1]: why})
    changed = [key for key in MORNING if key in checked]
    read = dict(merged.read)
    if quiet_hours_problem(*(read[key] for key in QUIET_HOURS)):  # stored, set aside
        read.update({key: BY_KEY[key].default for key in QUIET_HOURS})
    if changed and (why := morning_problem(*(read[key] for key in MORNING))):
        raise SettingProblems({changed[0]: why})
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
