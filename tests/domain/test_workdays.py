from datetime import date, time

import pytest

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
