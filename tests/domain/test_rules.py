"""R1, R3, R6: deadlines, the call date and the refusals, with DESIGN 1.1's examples."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup import rules
from followup.errors import Refusal
from followup.model import Call, Channel, Letter, Round
from followup.workdays import WorkCalendar, parse_workdays

US = WorkCalendar(country="US")
NY = ZoneInfo("America/New_York")


def at(day: date, hour: int = 10, zone: ZoneInfo = NY) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=zone)


@pytest.mark.parametrize(
    ("interview", "due", "why"),
    [
        (date(2026, 11, 20), date(2026, 11, 24), "The weekend moved this to Tuesday"),  # Fri → Tue
        (date(2026, 11, 21), date(2026, 11, 24), "The weekend"),  # Sat → Tue
        # Wednesday before a Thursday holiday → Monday
        (
            date(2026, 11, 25),
            date(2026, 11, 30),
            "Thanksgiving Day (Thu 2026-11-26) and the weekend",
        ),
        (date(2026, 11, 16), date(2026, 11, 18), ""),  # Mon → Wed, nothing moved it
    ],
)
def test_design_examples(interview: date, due: date, why: str) -> None:
    deadline = rules.letter_deadline(at(interview), US, NY)
    assert deadline.business_days[1] == due
    assert deadline.due == datetime.combine(due, time(17), tzinfo=NY)
    assert why in deadline.reason
    if not why:
        assert "moved" not in deadline.reason


def test_the_interview_date_is_its_date_where_it_took_place() -> None:
    # 23:30 in New York on Friday is already Saturday in UTC; the deadline counts from Friday.
    late = datetime(2026, 11, 20, 23, 30, tzinfo=NY)
    assert rules.letter_deadline(late, US, NY).interview_date == date(2026, 11, 20)
    # Given only an offset, the date is the date at that offset.
    offset = datetime.fromisoformat("2026-11-21T01:00:00+09:00")
    assert rules.letter_deadline(offset, US).interview_date == date(2026, 11, 21)


def test_deadline_across_a_dst_change_keeps_the_end_of_the_day_local() -> None:
    # Europe leaves summer time on Sun 25 Oct 2026.
    berlin = ZoneInfo("Europe/Berlin")
    deadline = rules.letter_deadline(at(date(2026, 10, 23), 10, berlin), WorkCalendar("DE"), berlin)
    assert deadline.due.date() == date(2026, 10, 27)
    assert deadline.due.hour == 17
    assert deadline.due.utcoffset() == timedelta(hours=1)


def test_call_date_is_a_week_later_rolled_to_a_business_day() -> None:
    assert rules.call_date(date(2026, 11, 30), US).day == date(2026, 12, 7)
    christmas = rules.call_date(date(2026, 12, 18), US)
    assert christmas.day == date(2026, 12, 28)
    assert "Christmas Day (Fri 2026-12-25)" in christmas.reason


def _round(**kw: object) -> Round:
    base: dict[str, object] = dict(
        id=1,
        application_id=1,
        starts_at=at(date(2026, 11, 25), 10),
        ends_at=at(date(2026, 11, 25), 11),
        timezone="America/New_York",
        interviewer_ids=(7, 8),
    )
    base.update(kw)
    return Round(**base)  # type: ignore[arg-type]


def test_no_letter_before_the_interview_ended() -> None:
    with pytest.raises(Refusal) as refused:
        rules.check_letter(_round(), 7, Channel.EMAIL, at(date(2026, 11, 25), 10), [])
    assert refused.value.rule == "too-early"


def test_second_letter_and_other_channel_are_refused_with_the_reason() -> None:
    sent = [Letter(1, 1, 7, Channel.EMAIL, at(date(2026, 11, 26)))]
    later = at(date(2026, 11, 27))
    with pytest.raises(Refusal, match="desperate") as refused:
        rules.check_letter(_round(), 7, Channel.EMAIL, later, sent, {7: "Dana"})
    assert refused.value.rule == "second-letter"
    with pytest.raises(Refusal, match="Dana already had your letter by e-mail") as refused:
        rules.check_letter(_round(), 7, Channel.POST, later, sent, {7: "Dana"})
    assert refused.value.rule == "other-channel"
    # The other interviewer gets their own letter; another round's letter does not count.
    rules.check_letter(_round(), 8, Channel.POST, later, sent)
    rules.check_letter(_round(id=2), 7, Channel.EMAIL, later, sent)


def test_one_call_per_round() -> None:
    made = at(date(2026, 12, 7))
    rules.check_call(_round(), made, [Call(1, 2, made)])
    with pytest.raises(Refusal) as refused:
        rules.check_call(_round(), made, [Call(1, 1, made)])
    assert refused.value.rule == "second-call"


COUNTRIES = st.sampled_from(["US", "GB", "DE", "FR", "JP", "IL", "AU", "BR", "IN", "CA"])
WEEKS = st.sampled_from(["mon,tue,wed,thu,fri", "sun,mon,tue,wed,thu", "mon,tue,wed,thu"])
ZONES = st.sampled_from(
    [
        "America/New_York",
        "Europe/Berlin",
        "Australia/Sydney",
        "Asia/Jerusalem",
        "America/Sao_Paulo",
        "UTC",
    ]
)
MOMENTS = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2045, 12, 31))


@settings(max_examples=150, deadline=None)
@given(
    COUNTRIES,
    WEEKS,
    ZONES,
    MOMENTS,
    st.sets(st.dates(date(2000, 1, 1), date(2046, 2, 1)), max_size=20),
)
def test_deadline_is_always_the_second_business_day_after(
    country: str, week: str, zone_name: str, moment: datetime, days_off: set[date]
) -> None:
    zone = ZoneInfo(zone_name)
    cal = WorkCalendar(country=country, workdays=parse_workdays(week), days_off=frozenset(days_off))
    start = moment.replace(tzinfo=zone)
    deadline = rules.letter_deadline(start, cal, zone)
    local_day = start.astimezone(zone).date()
    assert deadline.interview_date == local_day
    first, second = deadline.business_days
    assert local_day < first < second == deadline.due.date()
    for day in (first, second):
        assert day.weekday() in cal.workdays
        assert cal.holiday_name(day) is None
        assert day not in days_off
    # Exactly one business day lies strictly between the interview and the deadline.
    between = [local_day + timedelta(days=i) for i in range(1, (second - local_day).days)]
    assert [d for d in between if cal.is_business_day(d)] == [first]
    # 17:00 local on the day, whatever the DST offset that day.
    assert deadline.due.tzinfo is zone
    assert (deadline.due.hour, deadline.due.minute) == (17, 0)
    assert deadline.due.astimezone(UTC).astimezone(zone).date() == second


@settings(max_examples=150, deadline=None)
@given(COUNTRIES, WEEKS, st.dates(date(2000, 1, 1), date(2045, 12, 31)))
def test_call_is_never_before_a_week_and_always_on_a_business_day(
    country: str, week: str, sent: date
) -> None:
    cal = WorkCalendar(country=country, workdays=parse_workdays(week))
    call = rules.call_date(sent, cal).day
    assert call >= sent + timedelta(days=7)
    assert cal.is_business_day(call)
    assert all(
        not cal.is_business_day(sent + timedelta(days=d)) for d in range(7, (call - sent).days)
    )
