from datetime import date, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup import workdays as workdays_module
from followup.errors import InvalidInput
from followup.workdays import WorkCalendar, format_workdays, parse_workdays


def test_parse_workdays_accepts_names_in_any_case_and_order() -> None:
    assert parse_workdays("Thu,sun,MON,tue,wed") == {6, 0, 1, 2, 3}
    assert format_workdays(parse_workdays("sunday,monday")) == "mon,sun"


@pytest.mark.parametrize("text", ["", " , ", "funday", "mon,xyz"])
def test_parse_workdays_rejects_nonsense(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_workdays(text)


def test_unknown_country_and_subdivision_are_refused_with_a_reason() -> None:
    with pytest.raises(InvalidInput, match="unknown country code 'XX'"):
        WorkCalendar(country="XX")
    with pytest.raises(InvalidInput, match="unknown subdivision 'ZZ' of US"):
        WorkCalendar(country="us", subdiv="ZZ")
    with pytest.raises(InvalidInput, match="needs a country"):
        WorkCalendar(subdiv="CA")


def test_country_and_subdivision_are_normalised() -> None:
    cal = WorkCalendar(country="de", subdiv="by")
    assert (cal.country, cal.subdiv) == ("DE", "BY")
    assert cal.holiday_name(date(2026, 1, 6)) is not None  # Epiphany: Bavaria only
    assert WorkCalendar(country="DE", subdiv="BE").holiday_name(date(2026, 1, 6)) is None


def test_business_day_reasons() -> None:
    cal = WorkCalendar(country="US", days_off=frozenset({date(2026, 12, 1)}))
    assert cal.why_not_business(date(2026, 11, 28)) == "the weekend"
    assert cal.why_not_business(date(2026, 11, 26)) == "Thanksgiving Day"
    assert cal.why_not_business(date(2026, 12, 1)) == "your day off"
    assert cal.is_business_day(date(2026, 11, 30))


def test_sunday_to_thursday_week() -> None:
    cal = WorkCalendar(country="IL", workdays=parse_workdays("sun,mon,tue,wed,thu"))
    assert cal.nth_business_day_after(date(2026, 11, 19), 1) == date(2026, 11, 22)  # Thu → Sun


def test_a_calendar_with_no_business_days_fails_clearly_instead_of_hanging() -> None:
    every_day = frozenset(date.fromordinal(date(2026, 1, 1).toordinal() + i) for i in range(900))
    cal = WorkCalendar(days_off=every_day, end_of_day=time(17))
    with pytest.raises(InvalidInput, match="no business day"):
        cal.nth_business_day_after(date(2026, 1, 1), 1)


def counted(cal: WorkCalendar, day: date, n: int) -> date | None:
    """The n-th business day after ``day`` counted out day by day (None past two years)."""
    found = 0
    for step in range(1, 801):
        current = day + timedelta(days=step)
        if cal.is_business_day(current):
            found += 1
            if found == n:
                return current
    return None


@settings(max_examples=60, deadline=None)
@given(
    workdays=st.frozensets(st.integers(0, 6), min_size=1),
    days_off=st.frozensets(st.dates(date(2026, 1, 1), date(2027, 12, 31)), max_size=40),
    asked=st.lists(
        st.tuples(st.dates(date(2025, 12, 1), date(2027, 12, 31)), st.integers(1, 12)),
        min_size=1,
        max_size=30,
    ),
    memo_size=st.sampled_from((2, 5, 8192)),
)
def test_business_days_kept_in_memos_are_those_counted_out(
    workdays: frozenset[int],
    days_off: frozenset[date],
    asked: list[tuple[date, int]],
    memo_size: int,
) -> None:
    """The calendar keeps each day's answer; asked again, in any order, and with memos that
    fill up and start again, it gives the answers of counting business days one by one."""
    cal = WorkCalendar(country="US", workdays=workdays, days_off=days_off)
    straight = WorkCalendar(country="US", workdays=workdays, days_off=days_off)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(workdays_module, "MEMO_SIZE", memo_size)
        for day, n in asked + asked[::-1]:
            assert cal.nth_business_day_after(day, n) == counted(straight, day, n)
            assert cal.next_business_day(day) == counted(straight, day, 1)
            assert len(cal._why) <= memo_size and len(cal._next) <= memo_size


def test_a_business_day_beyond_two_years_is_refused_as_before() -> None:
    """Each step finds its next business day, but the n-th lies past two years: refused."""
    off = frozenset(date(2026, 1, 6) + timedelta(days=i) for i in range(796))
    cal = WorkCalendar(days_off=off)
    assert cal.nth_business_day_after(date(2026, 1, 1), 2) == date(2026, 1, 5)
    assert cal.next_business_day(date(2026, 1, 5)) == date(2028, 3, 13)
    with pytest.raises(InvalidInput, match="no business day"):
        cal.nth_business_day_after(date(2026, 1, 1), 3)  # 802 days on
    with pytest.raises(InvalidInput, match="no business day"):
        cal.nth_business_day_after(date(2026, 1, 2), 2)  # 801 days on
    assert cal.nth_business_day_after(date(2026, 1, 4), 2) == date(2028, 3, 13)  # 799
    with pytest.raises(InvalidInput, match="no business day"):
        cal.nth_business_day_after(date(2026, 1, 1), 0)
