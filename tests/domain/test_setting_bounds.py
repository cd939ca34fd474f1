"""The end of the working day and quiet hours stay where deadlines and reminders still work:
refused when saved (one rule for every surface), set aside with a reason when already
stored, never a reason not to start."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.reminders import after_quiet_hours, in_quiet_hours
from followup.setting_checks import SettingProblems, check_all
from followup.settings import Settings

MINUTES = st.integers(0, 24 * 60 - 1).map(lambda m: f"{m // 60:02d}:{m % 60:02d}")


def test_a_working_day_ending_at_midnight_is_refused_in_words() -> None:
    """Found by the hostile sweep: 00:00 was accepted and put every deadline a day early.
    Failed before: nothing was refused."""
    with pytest.raises(SettingProblems) as refused:
        check_all({}, {"calendar.end_of_day": "00:00"})
    why = refused.value.problems["calendar.end_of_day"]
    assert "a day early" in why and "from 12:00 to 23:59" in why
    with pytest.raises(SettingProblems, match="too early"):
        check_all({}, {"calendar.end_of_day": "11:59"})
    assert check_all({}, {"calendar.end_of_day": "12:00"}) == {"calendar.end_of_day": "12:00"}
    assert check_all({}, {"calendar.end_of_day": "23:59"}) == {"calendar.end_of_day": "23:59"}


def test_quiet_hours_covering_the_whole_day_are_refused_in_words() -> None:
    """Found by the hostile sweep: 00:00–23:59 was accepted and left one minute a day for
    reminders. Failed before: nothing was refused."""
    with pytest.raises(SettingProblems) as refused:
        check_all({}, {"reminders.quiet_start": "00:00", "reminders.quiet_end": "23:59"})
    why = refused.value.problems["reminders.quiet_end"]
    assert "leave only 1 minute a day" in why and "at least 1 hour" in why
    # One value at a time (the command line) meets the other as stored.
    with pytest.raises(SettingProblems) as refused:
        check_all({"reminders.quiet_end": "23:59"}, {"reminders.quiet_start": "00:00"})
    assert set(refused.value.problems) == {"reminders.quiet_start"}
    # Reminders only from 9 to 10 is a choice a user may make; equal times mean none.
    assert check_all({}, {"reminders.quiet_start": "10:00", "reminders.quiet_end": "09:00"})
    assert check_all({}, {"reminders.quiet_start": "00:00", "reminders.quiet_end": "00:00"})


def test_an_unrelated_change_is_not_refused_for_a_bad_pair_already_stored() -> None:
    stored = {"reminders.quiet_start": "00:00", "reminders.quiet_end": "23:59"}
    assert check_all(stored, {"profile.name": "Sam Lee"}) == {"profile.name": "Sam Lee"}


@given(MINUTES)
def test_the_end_of_the_day_is_refused_exactly_before_noon(end: str) -> None:
    if end < "12:00":
        with pytest.raises(SettingProblems, match="too early for the end of the working day"):
            check_all({}, {"calendar.end_of_day": end})
    else:
        assert check_all({}, {"calendar.end_of_day": end}) == {"calendar.end_of_day": end}


@given(MINUTES, MINUTES)
def test_accepted_quiet_hours_leave_an_hour_a_day_for_reminders(start: str, end: str) -> None:
    """Whatever pair is accepted, the reminders' own rules find at least an hour of each day
    outside quiet hours; whatever is refused would leave less."""
    zone = ZoneInfo("Europe/Berlin")
    settings = {"reminders.quiet_start": start, "reminders.quiet_end": end}
    try:
        check_all({}, settings)
        accepted = True
    except SettingProblems:
        accepted = False
    reminders = Settings.from_stored(settings).reminders()
    if accepted:
        assert reminders.quiet_start == time.fromisoformat(start)  # used as stored
    day = datetime(2026, 1, 14, tzinfo=zone)  # no DST change that day
    open_minutes = sum(
        not in_quiet_hours(day + timedelta(minutes=m), reminders, zone) for m in range(0, 1440)
    )
    assert open_minutes >= 60
    if not accepted:
        assert reminders.quiet_start == time(21) and reminders.quiet_end == time(8)
    moment = datetime(2026, 1, 14, 12, tzinfo=UTC)
    assert not in_quiet_hours(after_quiet_hours(moment, reminders, zone), reminders, zone)


def test_bad_values_already_stored_are_set_aside_with_the_reason() -> None:
    """An old database or another program wrote them: the defaults are used and the reason
    is listed (the window's banner, the command line's warnings), never a failed start."""
    settings = Settings.from_stored(
        {
            "calendar.end_of_day": "00:00",
            "reminders.quiet_start": "00:00",
            "reminders.quiet_end": "23:59",
        }
    )
    assert settings.calendar().end_of_day == time(17)
    assert settings.reminders().quiet_start == time(21)
    assert settings.reminders().quiet_end == time(8)
    lines = settings.problems()
    assert any(line.startswith("setting calendar.end_of_day ignored: 00:00") for line in lines)
    assert any("setting reminders.quiet_end ignored: quiet hours" in line for line in lines)
    words = settings.problems(in_words=True)
    assert any("“End of the working day” in Settings" in line for line in words)
    assert any("“Quiet hours begin” in Settings" in line for line in words)
