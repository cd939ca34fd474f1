"""Morning reminders come before the end of the working day, the hour what they tell of is
due: a later morning (or quiet hours holding it until then) is refused when saved, in words
naming both settings, and set aside with the reason when already stored."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from followup.plan import ItemKind, ItemState, PlanItem
from followup.reminders import ReminderSettings, reminders_for
from followup.setting_bounds import quiet_hours_problem
from followup.setting_checks import SettingProblems, check_all
from followup.settings import Settings
from followup.workdays import WorkCalendar

ZONE = ZoneInfo("Europe/Berlin")
MONDAY = date(2026, 1, 12)  # no DST change near it
KEYS = ("reminders.morning", "calendar.end_of_day", "reminders.quiet_start", "reminders.quiet_end")


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


MINUTES = st.integers(0, 24 * 60 - 1).map(hhmm)
ENDS = st.integers(12 * 60, 24 * 60 - 1).map(hhmm)  # the end of the day's own bounds


def _items(cal: WorkCalendar) -> list[PlanItem]:
    """A letter due Wednesday (interview Monday) and a call due Thursday, both at the end
    of the working day, as the plan makes them."""
    opens = datetime.combine(MONDAY, time(11), tzinfo=ZONE)
    letter_day = cal.nth_business_day_after(MONDAY, 2)
    call_day = letter_day + timedelta(days=1)
    due = [datetime.combine(day, cal.end_of_day, tzinfo=ZONE) for day in (letter_day, call_day)]
    return [
        PlanItem(
            "r1-letter", ItemKind.LETTER, 1, 1, 2, "Letter", "", ItemState.UPCOMING, due[0], opens
        ),
        PlanItem("r1-call", ItemKind.CALL, 1, 1, 2, "Call", "", ItemState.UPCOMING, due[1]),
    ]


def _late_mornings(cal: WorkCalendar, reminders: ReminderSettings) -> list[str]:
    """The morning reminders of what is due that day that arrive at or after its deadline."""
    items = {item.key: item for item in _items(cal)}
    late = []
    for reminder in reminders_for(items.values(), cal, ZONE, reminders):
        due = items[reminder.item_key].due
        assert due is not None
        same_day = reminder.key.endswith(("deadline-morning", ":morning"))
        if same_day and reminder.at >= due:
            late.append(reminder.key)
    return late


def _at(text: str) -> time:
    return time.fromisoformat(text)


def test_a_morning_after_the_end_of_the_working_day_is_refused_naming_both() -> None:
    """Failed before: 18:00 was accepted with the day ending at 17:00, and the letter's
    'due today at 17:00' arrived at 18:00, an hour late."""
    with pytest.raises(SettingProblems) as refused:
        check_all({}, {"reminders.morning": "18:00"})
    why = refused.value.problems["reminders.morning"]
    assert "morning reminders at 18:00" in why and "end of the working day (17:00)" in why
    # Changing the other one meets the morning as stored, and is refused the same way.
    with pytest.raises(SettingProblems) as refused:
        check_all({"reminders.morning": "13:00"}, {"calendar.end_of_day": "12:30"})
    assert set(refused.value.problems) == {"calendar.end_of_day"}
    assert "morning reminders at 13:00" in refused.value.problems["calendar.end_of_day"]
    with pytest.raises(SettingProblems, match="at or after the end of the working day"):
        check_all({}, {"reminders.morning": "17:00"})  # at the deadline is late too
    assert check_all({}, {"reminders.morning": "16:59"}) == {"reminders.morning": "16:59"}


def test_quiet_hours_holding_the_morning_until_the_deadline_are_refused() -> None:
    """A morning in quiet hours arrives when they end (as every held reminder does): fine
    at 08:00, late when they end after the working day."""
    assert check_all({}, {"reminders.morning": "07:00"})  # arrives at 08:00, their end
    with pytest.raises(SettingProblems) as refused:
        check_all({}, {"reminders.quiet_start": "06:00", "reminders.quiet_end": "18:00"})
    why = refused.value.problems["reminders.quiet_start"]
    assert "fall in quiet hours (06:00 to 18:00)" in why and "arrive at 18:00" in why
    assert "end of the working day (17:00)" in why


def test_an_unrelated_change_is_not_refused_for_a_pair_already_stored() -> None:
    stored = {"reminders.morning": "18:00"}
    assert check_all(stored, {"profile.name": "Sam Lee"}) == {"profile.name": "Sam Lee"}


def test_a_late_morning_already_stored_is_set_aside_with_the_reason() -> None:
    """An old version stored it: the default morning is used, named, never a failed start."""
    settings = Settings.from_stored({"reminders.morning": "18:00"})
    assert settings.reminders().morning == time(9)
    assert settings.calendar().end_of_day == time(17)  # the deadline's hour is kept
    (line,) = settings.problems()
    assert line.startswith("setting reminders.morning ignored: morning reminders at 18:00")
    (words,) = settings.problems(in_words=True)
    assert words.startswith("“Morning reminders” in Settings (Reminders) is not used")
    assert words.endswith("(using the default)")


def test_quiet_hours_that_would_hold_even_the_default_morning_go_too() -> None:
    settings = Settings.from_stored(
        {
            "calendar.end_of_day": "12:00",
            "reminders.quiet_start": "06:00",
            "reminders.quiet_end": "13:00",
        }
    )
    assert settings.reminders() == ReminderSettings()  # the defaults: 09:00, 21:00-08:00
    assert settings.calendar().end_of_day == time(12)
    assert {"reminders.morning", "reminders.quiet_start", "reminders.quiet_end"} <= set(
        settings.ignored
    )


@given(MINUTES, ENDS, MINUTES, MINUTES)
def test_accepted_exactly_when_the_reminders_come_before_the_deadline(
    morning: str, end: str, start: str, stop: str
) -> None:
    """Over every minute: the check refuses exactly the settings under which the reminders'
    own code would bring a deadline-day or call-day reminder at or after its deadline."""
    assume(not quiet_hours_problem(start, stop))  # refused on its own account
    chosen = dict(zip(KEYS, (morning, end, start, stop), strict=True))
    try:
        check_all({}, chosen)
        accepted = True
    except SettingProblems:
        accepted = False
    as_given = ReminderSettings(_at(morning), _at(start), _at(stop))
    late = _late_mornings(WorkCalendar(end_of_day=_at(end)), as_given)
    assert accepted == (late == []), (chosen, late)


@given(MINUTES, MINUTES, MINUTES, MINUTES)
def test_whatever_is_stored_the_settings_used_remind_before_the_deadline(
    morning: str, end: str, start: str, stop: str
) -> None:
    """A stored combination never stops the start and never leaves a late reminder: what
    does not fit is set aside (and said), what fits is used as stored."""
    stored = dict(zip(KEYS, (morning, end, start, stop), strict=True))
    settings = Settings.from_stored(stored)
    assert _late_mornings(settings.calendar(), settings.reminders()) == []
    for key in KEYS:
        assert (settings[key] == stored[key]) or key in settings.ignored
