"""One date style, the user's locale's: the same moment in en_US, en_GB and de_DE."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QDate, QLocale

from followup.date_style import PLAIN, DateStyle
from followup.errors import Refusal
from followup.model import Channel
from followup.plan import ItemKind
from followup_desktop.locale_dates import LocaleDates, _written, without_year
from followup_desktop.today import TodayView

TODAY = date(2026, 11, 27)
MOMENT = datetime(2026, 12, 1, 17, 5, tzinfo=ZoneInfo("Europe/Berlin"))


@pytest.fixture
def locale_named() -> Iterator[object]:
    """Sets the default locale as a user's system would; puts the old one back after."""
    before = QLocale()

    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(before)


def test_en_us_puts_the_month_first_and_reads_a_12_hour_clock(locale_named) -> None:  # type: ignore[no-untyped-def]
    locale_named("en_US")
    dates = LocaleDates(TODAY)
    assert dates.day(MOMENT.date()) == "Tue, Dec 1"
    assert dates.long_day(date(2026, 12, 3)) == "Thursday, December 3"
    assert dates.time(MOMENT) in ("5:05 PM", "5:05\u202fPM")
    assert dates.day_time(MOMENT).replace("\u202f", " ") == "Tue, Dec 1, 5:05 PM"
    assert dates.month(MOMENT.date()) == "December 2026"


def test_names_asked_again_read_the_same_and_equal_moments_read_on_their_own_clocks(
    locale_named,  # type: ignore[no-untyped-def]
) -> None:
    """A plan names the same times and weekdays many times (they are kept, asked once)."""
    locale_named("en_GB")
    dates = LocaleDates(TODAY)
    ny = datetime(2026, 11, 25, 23, 30, tzinfo=ZoneInfo("America/New_York"))
    auckland = ny.astimezone(ZoneInfo("Pacific/Auckland"))
    assert ny == auckland
    assert [dates.time(ny), dates.time(auckland), dates.time(ny)] == ["23:30", "17:30", "23:30"]
    assert dates.time(time(17)) == dates.time(time(17, 0)) == "17:00"
    assert [dates.weekday(date(2026, 11, 30)), dates.weekday(date(2026, 12, 1))] == [
        "Monday",
        "Tuesday",
    ]
    assert dates.weekday(date(2026, 12, 7)) == "Monday"


def test_en_gb_puts_the_day_first_on_a_24_hour_clock(locale_named) -> None:  # type: ignore[no-untyped-def]
    locale_named("en_GB")
    dates = LocaleDates(TODAY)
    assert dates.day(MOMENT.date()) == "Tue, 1 Dec"
    assert dates.long_day(date(2026, 12, 3)) == "Thursday, 3 December"
    assert dates.day_time(MOMENT) == "Tue, 1 Dec, 17:05"


def test_de_de_uses_german_names_and_order(locale_named) -> None:  # type: ignore[no-untyped-def]
    locale_named("de_DE")
    dates = LocaleDates(TODAY)
    assert dates.day(MOMENT.date()) == "Di., 1. Dez."
    assert dates.long_day(date(2026, 12, 3)) == "Donnerstag, 3. Dezember"
    assert dates.time(MOMENT) == "17:05"
    assert dates.weekday(MOMENT.date()) == "Dienstag"
    assert dates.month(MOMENT.date()) == "Dezember 2026"


def test_the_year_shows_only_when_it_is_not_this_year(locale_named) -> None:  # type: ignore[no-untyped-def]
    locale_named("en_GB")
    dates = LocaleDates(TODAY)
    assert dates.day(date(2027, 1, 5)) == "Tue, 5 Jan 2027"
    assert dates.long_day(date(2025, 12, 31)) == "Wednesday, 31 December 2025"
    assert dates.full_day(date(2026, 12, 1)) == "Tue, 1 Dec 2026"  # records: always the year
    locale_named("en_US")
    assert LocaleDates(TODAY).day(date(2027, 1, 5)) == "Tue, Jan 5, 2027"


def test_an_explicit_locale_wins_over_the_default(locale_named) -> None:  # type: ignore[no-untyped-def]
    locale_named("en_US")
    assert LocaleDates(TODAY, QLocale("de_DE")).day(TODAY) == "Fr., 27. Nov."


@pytest.mark.parametrize(
    ("form", "short"),
    [
        ("dddd, MMMM d, yyyy", "dddd, MMMM d"),  # en_US
        ("dddd, d. MMMM yyyy", "dddd, d. MMMM"),  # de_DE
        ("dddd, d 'de' MMMM 'de' yyyy", "dddd, d 'de' MMMM"),  # es_ES
        ("yyyy年M月d日dddd", "M月d日dddd"),  # ja_JP
        ("dddd, d MMMM yyyy 'г'.", "dddd, d MMMM"),  # ru_RU
        ("d MMM", "d MMM"),  # no year at all
    ],
)
def test_without_year_drops_the_year_and_what_joins_it(form: str, short: str) -> None:
    assert without_year(form) == short


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
    st.sampled_from(["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "ja_JP", "ru_RU", "C"]),
)
def test_every_locale_names_the_year_exactly_when_it_is_another(day: date, name: str) -> None:
    dates = LocaleDates(TODAY, QLocale(name))
    shown = dates.day(day)
    assert shown.strip() == shown and shown
    assert (str(day.year) in shown) is (day.year != TODAY.year)
    assert str(day.year) in dates.full_day(day)


def test_the_gui_style_is_a_domain_date_style() -> None:
    styles: list[DateStyle] = [LocaleDates(TODAY, QLocale("en_GB")), PLAIN]
    assert [s.time(time(9, 30)) for s in styles] == ["09:30", "09:30"]


def test_reasons_and_dates_beside_them_share_the_users_style(  # type: ignore[no-untyped-def]
    locale_named, qtbot, session, interview
) -> None:
    """A Today card in de_DE: the date on the card and the days in its reason read alike."""
    locale_named("de_DE")
    letter = next(i for i in session.items() if i.kind is ItemKind.LETTER)
    assert "Mi., 25. Nov." in letter.reason  # the interview's day
    assert "Mo., 30. Nov." in letter.reason and "Montag" in letter.reason  # moved to Monday
    assert "2026" not in letter.reason  # this year's year is left out, as on the card
    assert "Thanksgiving Day (Do., 26. Nov.)" in letter.reason  # the holiday's day too
    assert ".." not in letter.reason  # "Mo., 30. Nov." ends its sentence with its own dot
    view = TodayView(session)
    qtbot.addWidget(view)
    assert view.heading.text() == "Today, Freitag, 27. November"
    when = view.list.itemDelegate().face_of(letter).when  # type: ignore[attr-defined]
    assert when == "Mo., 30. Nov., 17:00"


def test_refusals_name_days_in_the_style_passed_in(session, interview) -> None:  # type: ignore[no-untyped-def]
    """The domain's refusal, raised inside the store, tells its day the GUI's way."""
    repo = session.repo
    dana = interview.interviewer_ids[0]
    repo.record_letter(interview.id, dana, Channel.EMAIL, session.now())
    gb = LocaleDates(TODAY, QLocale("en_GB"))
    with pytest.raises(Refusal) as refused:
        repo.record_letter(interview.id, dana, Channel.POST, session.now(), None, gb)
    assert "on Fri, 27 Nov;" in refused.value.message
    with pytest.raises(Refusal) as plain:
        repo.record_letter(interview.id, dana, Channel.POST, session.now())
    assert "on Fri 2026-11-27;" in plain.value.message  # the command line's style


def test_the_session_keeps_one_style_per_day_and_locale(  # type: ignore[no-untyped-def]
    session, clock, locale_named
) -> None:
    """Views ask ``session.dates()`` for every card and cell: one is kept, but a new day
    (a new year, whose year is then left out) or another locale makes a new one."""
    kept = session.dates()
    assert session.dates() is kept
    new_year = date(2027, 1, 1)
    assert kept.day(new_year) == "Fri, 1 Jan 2027"  # C locale; another year: with its year
    clock.set(datetime(2027, 1, 1, 12, tzinfo=ZoneInfo("America/New_York")))
    assert session.dates() is not kept and session.dates().day(new_year) == "Fri, 1 Jan"
    locale_named("de_DE")
    assert session.dates().day(new_year) == "Fr., 1. Jan."


class CountingLocale(QLocale):
    """A locale that counts the names Qt is asked to make."""

    asked = 0

    def toString(self, *args):  # type: ignore[no-untyped-def]
        CountingLocale.asked += 1
        return super().toString(*args)


def test_a_sibling_style_shares_the_names_made_either_side() -> None:
    """The planner off the GUI thread uses a sibling of the GUI's style: what either named is
    not asked of Qt again (on the planner's side each call would let go of the GIL, which
    starves the GUI thread)."""
    CountingLocale.asked = 0
    gui = LocaleDates(TODAY, CountingLocale("en_GB"))
    days = [date(2026, 12, n) for n in range(1, 20)]
    planner = gui.sibling(date(2026, 12, 2))
    named = [planner.day(d) for d in days] + [planner.long_day(d) for d in days]
    assert CountingLocale.asked == 0  # the sibling asks a QLocale of its own
    assert [gui.day(d) for d in days] + [gui.long_day(d) for d in days] == named
    assert CountingLocale.asked == 0  # and the GUI's style did not ask again
    assert gui.today == TODAY and planner.today == date(2026, 12, 2)
    assert planner.near_day(date(2026, 12, 3)) == "tomorrow"
    assert gui.near_day(date(2026, 12, 3)) == "Thu, 3 Dec"
    assert gui.day(date(2027, 3, 1)) == "Mon, 1 Mar 2027"
    assert CountingLocale.asked == 1  # a day neither named: asked once


@given(
    st.sampled_from(["en_US", "en_GB", "de_DE", "fr_FR", "ja_JP", "ar_EG", "C"]),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    st.lists(st.dates(min_value=date(1990, 1, 1), max_value=date(2110, 12, 31)), max_size=8),
)
def test_a_sibling_names_every_day_as_a_new_style_for_its_today_would(
    name: str, first: date, second: date, days: list[date]
) -> None:
    """A name depends on the locale, the day and the form, never on ``today``: the names one
    style made serve a sibling for any other today (a new year included)."""
    locale = QLocale(name)
    style = LocaleDates(first, locale)
    for day in days:  # whatever the first style named, for its own today
        style.day(day), style.long_day(day), style.full_day(day)
    sibling, fresh = style.sibling(second), LocaleDates(second, locale)
    for day in [*days, second, first]:
        for form in ("day", "long_day", "full_day", "near_day"):
            assert getattr(sibling, form)(day) == getattr(fresh, form)(day)


# Every locale Qt knows, as objects: 46 of them (script variants such as Adlam or Chakma)
# do not come back from ``QLocale(name)``.
LOCALES = QLocale.matchingLocales(
    QLocale.Language.AnyLanguage, QLocale.Script.AnyScript, QLocale.Country.AnyCountry
)
_WRITTEN: dict[tuple[int | str, str], object] = {}


def written_form(locale: int | str, form: str):  # type: ignore[no-untyped-def]
    """``_written`` for a locale (its index in ``LOCALES``, or a name) and form, made once
    per test run (it asks Qt ~50 times)."""
    key = (locale, form)
    if key not in _WRITTEN:
        chosen = LOCALES[locale] if isinstance(locale, int) else QLocale(locale)
        _WRITTEN[key] = _written(chosen, form)
    return _WRITTEN[key]


def test_every_common_locale_has_its_forms_written_in_python() -> None:
    """Not an empty promise: the planner's forms are written in Python for these (a form
    that is not falls back to Qt, correct but slower for the window)."""
    for name in ("en_US", "en_GB", "de_DE", "fr_FR", "ru_RU", "ja_JP", "ar_EG", "fa_IR", "he_IL"):
        style = LocaleDates(TODAY, QLocale(name))
        for form in (style._short, style._short_year, style._long, style._long_year):
            assert written_form(name, form) is not None, (name, form)


@given(
    st.integers(min_value=0, max_value=len(LOCALES) - 1),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
    st.sampled_from(["_short", "_short_year", "_long", "_long_year"]),
)
def test_a_form_written_in_python_reads_as_qt_writes_it_on_any_day(
    index: int, day: date, which: str
) -> None:
    """Any of Qt's locales, any day: Python's words are Qt's, digits and names included."""
    locale = LOCALES[index]
    form = getattr(LocaleDates(TODAY, locale), which)
    written = written_form(index, form)
    if written is not None:
        assert written(day) == locale.toString(QDate(day.year, day.month, day.day), form)


@pytest.mark.parametrize(
    "form", ["d 'de' MMMM 'o''clock' yyyy", "dd.MM.yy", "''d''", "yyyy年M月d日dddd", "ddd d"]
)
def test_quoted_text_and_every_field_read_as_qt_writes_them(form: str) -> None:
    locale = QLocale("es_ES")
    written = written_form("es_ES", form)
    assert written is not None
    for day in (date(2026, 2, 3), date(2031, 12, 25), date(1987, 6, 9)):
        assert written(day) == locale.toString(QDate(day.year, day.month, day.day), form)


def test_a_form_python_does_not_write_is_left_to_qt() -> None:
    """A field Python does not write (five d's: Qt writes the weekday, then the day) is
    refused, not guessed; letters that are no date field are text, as in Qt."""
    assert written_form("en_US", "ddddd MMM") is None
    assert written_form("en_US", "d MMM h") is not None


def test_the_planners_style_names_new_days_without_asking_qt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Off the GUI thread each call into Qt lets go of the GIL and starves the window; the
    planner's style writes the days no one named yet in Python, the same words."""
    locale = QLocale("de_DE")
    planner = LocaleDates(TODAY, locale).for_planner(TODAY)  # on the GUI thread: asks Qt
    real = QLocale.toString
    asked: list[object] = []

    def counted(self: QLocale, *args: object) -> str:
        asked.append(args)
        return real(self, *args)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(QLocale, "toString", counted)
    days = [date(2019, 1, 1) + n * (date(2028, 1, 1) - date(2019, 1, 1)) / 500 for n in range(500)]
    named = [(planner.day(d), planner.long_day(d), planner.full_day(d)) for d in days]
    assert asked == []
    monkeypatch.undo()
    fresh = LocaleDates(TODAY, locale)
    assert named == [(fresh.day(d), fresh.long_day(d), fresh.full_day(d)) for d in days]
