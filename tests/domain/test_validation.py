"""The value rules (followup.validation) and the records that use them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.errors import InvalidInput
from followup.model import Application, Channel, Contact, Draft, Round
from followup.setting_checks import check_all
from followup.validation import (
    MAX_ID,
    check_day,
    check_id,
    check_moment,
    check_text,
    check_timezone,
    moment_range,
    no_such_day,
    parse_id,
    wall_time,
)
from followup.workdays import format_workdays, parse_workdays

NY = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")


def test_dates_outside_1990_to_2100_are_refused() -> None:
    assert check_day(date(2026, 11, 25), "day") == date(2026, 11, 25)
    for bad in (date(1, 1, 1), date(1989, 12, 31), date(2101, 1, 1), date(9999, 12, 31)):
        with pytest.raises(InvalidInput, match="outside 1990–2100"):
            check_day(bad, "day")
    for bad_moment in (
        datetime(9999, 12, 31, 23, tzinfo=ZoneInfo("Etc/GMT+12")),
        datetime(1, 1, 1, tzinfo=ZoneInfo("Etc/GMT-14")),
    ):
        with pytest.raises(InvalidInput, match="outside"):
            check_moment(bad_moment, "start")
    with pytest.raises(InvalidInput, match="time zone or an offset"):
        check_moment(datetime(2026, 1, 1), "start")


@given(st.timezones())
@settings(max_examples=30)
def test_the_moment_range_is_exactly_what_check_moment_accepts(zone: ZoneInfo) -> None:
    """Date-time editors take their range from here: its ends pass, a microsecond beyond
    each is refused (in a zone far from UTC the UTC date is the narrower bound)."""
    first, last = moment_range(zone)
    assert first.tzinfo is zone and last.tzinfo is zone
    for moment in (first, last):
        assert check_moment(moment, "moment") == moment
    for beyond in (first - timedelta(microseconds=1), last + timedelta(microseconds=1)):
        with pytest.raises(InvalidInput, match="outside"):
            check_moment(beyond.astimezone(zone), "moment")


def test_ids_must_fit_sqlite() -> None:
    assert check_id(MAX_ID, "id") == MAX_ID
    assert check_id(0, "id", new=True) == 0
    for bad in (0, -1, MAX_ID + 1, 2**64, True, 1.0, "1"):
        with pytest.raises(InvalidInput):
            check_id(bad, "id")
    with pytest.raises(InvalidInput, match="not a whole number"):
        parse_id("9" * 5000)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Eve\x1b]52;c;ZWNobyBwd25lZA==\x07", "control character"),
        ("a\nb", "line break"),
        ("a\u2028b", "line break"),
        ("\x9b2J", "control character"),
        ("a\udc80", "surrogate"),
        ("abc\u202etxt.exe", "direction override"),
        ("x" * 201, "too long"),
    ],
)
def test_one_line_text_refuses_what_a_terminal_or_file_cannot_show(text: str, why: str) -> None:
    with pytest.raises(InvalidInput, match=why):
        check_text(text, "the name")


def test_text_people_write_is_kept() -> None:
    for text in ("Zoë Ñúñez", "李雷", "👩🏽‍💻 dev", "O'Brien-Smith", "Jean\u00a0Dupont", ""):
        assert check_text(text, "the name") == text
    assert check_text("Dear Dana,\n\n\tThanks", "body", 100, multiline=True)


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_accepted_text_is_printable_and_storable(text: str) -> None:
    try:
        check_text(text, "the name")
    except InvalidInput:
        return
    assert len(text) <= 200
    text.encode("utf-8")  # no lone surrogates: every export can be written
    assert all(c.isprintable() or c in "\u00ad\u200b\u200c\u200d" or ord(c) > 0x9F for c in text)
    assert "\n" not in text and "\x1b" not in text


@pytest.mark.parametrize(
    "name", ["A" * 100_000, "../../etc/passwd", "Europe/Berlin\x00", "", "/etc/localtime", 5]
)
def test_unknown_zones_are_refused_in_words(name: object) -> None:
    with pytest.raises(InvalidInput, match="time zone"):
        check_timezone(name)


def test_a_zone_that_passed_once_passes_again_and_others_are_still_refused() -> None:
    assert check_timezone("America/New_York") == "America/New_York"
    assert check_timezone("America/New_York") == "America/New_York"  # known now: no new check
    with pytest.raises(InvalidInput, match="time zone"):
        check_timezone("America/New_Yorkk")


def test_wall_times_that_do_not_exist_or_happen_twice() -> None:
    assert wall_time(datetime(2026, 3, 29, 12), BERLIN, "start").utcoffset() == timedelta(hours=2)
    with pytest.raises(InvalidInput, match=r"does not exist in Europe/Berlin.*01:30 or 03:30"):
        wall_time(datetime(2026, 3, 29, 2, 30), BERLIN, "start")
    with pytest.raises(InvalidInput, match=r"happens twice.*-04:00 or -05:00"):
        wall_time(datetime(2026, 11, 1, 1, 30), NY, "start")


def _round(**changes: object) -> Round:
    start = datetime(2026, 11, 25, 15, tzinfo=UTC)
    values: dict[str, object] = {
        "id": 0,
        "application_id": 1,
        "starts_at": start,
        "ends_at": start + timedelta(hours=1),
        "timezone": "America/New_York",
    }
    values.update(changes)
    return Round(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "why"),
    [
        (lambda: Contact(0, "x" * 1_000_000), "too long"),
        (lambda: Contact(2**63, "Dana"), "not an id"),
        (lambda: Contact(0, "Dana", title="CTO\x1b[0m"), "control character"),
        (lambda: Application(0, "Acme", "Dev", applied_on=date(9999, 1, 1)), "outside"),
        (lambda: Application(0, "Acme", "Dev", contact_id=-4), "not an id"),
        (lambda: _round(application_id=2**70), "not an id"),
        (lambda: _round(topics=("ok", "a\nb")), "line break"),
        (lambda: _round(topics=tuple(str(i) for i in range(101))), "at most 100"),
        (lambda: _round(notes="n" * 20_001), "too long"),
        (lambda: _round(ends_at=datetime(2026, 11, 28, tzinfo=UTC)), "at most a day"),
        (
            lambda: _round(
                starts_at=datetime(2101, 1, 1, tzinfo=UTC),
                ends_at=datetime(2101, 1, 1, 1, tzinfo=UTC),
            ),
            "outside",
        ),
        (
            lambda: Draft(1, 1, Channel.EMAIL, "", "Dear \udc80", datetime(2026, 1, 1, tzinfo=UTC)),
            "surrogate",
        ),
    ],
)
def test_records_check_their_values_before_they_are_stored(value: object, why: str) -> None:
    record = value()  # type: ignore[operator]
    with pytest.raises(InvalidInput, match=why):
        record.check()


def test_reading_stays_lenient_for_values_stored_by_an_old_version() -> None:
    """Constructing a value never applies the new rules: old rows must still load."""
    old = Contact(7, "x" * 5000, title="a\x1bb")
    with pytest.raises(InvalidInput):
        old.check()


@pytest.mark.parametrize(
    ("typed", "days"),
    [
        ("Mon-Fri", "mon,tue,wed,thu,fri"),
        ("Sun–Thu", "mon,tue,wed,thu,sun"),
        ("Sun—Thu", "mon,tue,wed,thu,sun"),
        ("Mon Tue Wed", "mon,tue,wed"),
        ("mon,tue", "mon,tue"),
        ("Monday Wednesday FRIDAY", "mon,wed,fri"),
        ("thurs, tues", "tue,thu"),
        ("Fri-Mon", "mon,fri,sat,sun"),
        ("sat-sat", "sat"),
    ],
)
def test_the_work_week_reads_natural_forms(typed: str, days: str) -> None:
    assert format_workdays(parse_workdays(typed)) == days


@pytest.mark.parametrize(
    "typed", ["Mon-Fry", "Monkey", "mo", "Mon-", "Mon-Wed-Fri", "", ",", "x" * 300]
)
def test_the_work_week_is_refused_in_words_never_shrunk(typed: str) -> None:
    with pytest.raises(InvalidInput):
        parse_workdays(typed)


@given(st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_a_work_week_is_read_whole_or_refused(typed: str) -> None:
    """Every word of the text names a day that ends up in the week, or it is refused."""
    try:
        days = parse_workdays(typed)
    except InvalidInput:
        return
    for word in typed.lower().replace(",", " ").split():
        if "-" not in word and "–" not in word and word != "to":
            assert word[:3] in format_workdays(days)


def test_settings_fit_together() -> None:
    assert check_all({}, {"calendar.country": "us", "calendar.subdiv": "ca"}) == {
        "calendar.country": "US",
        "calendar.subdiv": "ca",
    }
    with pytest.raises(InvalidInput, match=r"calendar.subdiv.*unknown subdivision 'ZZ'"):
        check_all({"calendar.country": "US"}, {"calendar.subdiv": "ZZ"})
    with pytest.raises(InvalidInput, match="needs a country"):
        check_all({}, {"calendar.subdiv": "CA"})
    with pytest.raises(InvalidInput, match="unknown subdivision"):
        check_all({"calendar.country": "US", "calendar.subdiv": "CA"}, {"calendar.country": "DE"})
    with pytest.raises(InvalidInput, match="outside 1990–2100"):
        check_all({}, {"calendar.days_off": ["2026-12-24", "0001-01-01"]})
    with pytest.raises(InvalidInput, match="line break"):
        check_all({}, {"profile.name": "Sam\nLee"})
    assert check_all({}, {"profile.address": "1 Main St\nSpringfield"})


@given(st.dates(min_value=date(1, 1, 1)), st.integers(1, 3))
def test_a_day_past_the_end_of_its_month_is_named_as_such(day: date, extra: int) -> None:
    """Every real date passes; the day after its month's last says how long that month is
    (29 February in a common year: "February 2026 has 28 days")."""
    assert no_such_day(day.isoformat()) is None
    assert no_such_day(f"{day.isoformat()}T10:00") is None
    last = (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    beyond = f"{day.year:04d}-{day.month:02d}-{last.day + extra:02d}"
    assert no_such_day(beyond) == f"{day.strftime('%B')} {day.year} has {last.day} days"
    assert no_such_day("2026-13-01") == "there is no month 13"
    assert no_such_day("26-02-29") is None  # not the ISO shape: the format is what is wrong


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.booleans())
def test_a_cleaned_paste_is_always_taken_and_keeps_everything_else(
    text: str, multiline: bool
) -> None:
    """What a paste keeps is what check_text takes; nothing it would take is lost."""
    from followup.validation import check_text, without_refused

    kept, dropped = without_refused(text, multiline=multiline)
    assert check_text(kept, "a paste", 1_000, multiline=multiline) == kept
    plain = text.replace("\r\n", "\n")
    assert dropped == sum(
        1 for c in plain if c not in "\r\n\t\u2028\u2029" and _refused(c, multiline)
    )


def _refused(char: str, multiline: bool) -> bool:
    from followup.errors import InvalidInput
    from followup.validation import check_text

    try:
        check_text(char, "one character", multiline=multiline)
    except InvalidInput:
        return True
    return False
