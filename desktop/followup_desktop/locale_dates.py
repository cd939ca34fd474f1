"""How the GUI shows a day, a day with its time, and a time: the user's locale, one style.

Every view asks this module, never ``strftime``: the order of day and month, the 12- or
24-hour clock and the month and weekday names all come from ``QLocale()`` (the system's
locale, or the one set with ``QLocale.setDefault``). Forms:

- ``day``: a short day with its weekday for lists and sentences (``Tue 1 Dec`` in en_GB,
  ``Tue, Dec 1`` in en_US, ``Di., 1. Dez.`` in de_DE); the year only when it is not this year;
- ``long_day``: the same day for headings (``Tuesday 1 December``), year likewise;
- ``time``: the locale's short clock (``17:00``, ``5:00 PM``);
- ``day_time``: a day and its time (``Tue 1 Dec, 17:00``);
- ``near_day``: ``today``, ``tomorrow`` or the day, for what is coming up;
- ``month``: a month for a calendar's title (``December 2026``);
- ``first_weekday``: the day a calendar's week starts on (Sunday in en_US).

``LocaleDates`` is also the domain's ``DateStyle``: pass it to the domain so its reasons and
refusals name days the way the dates beside them do.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QTime

if TYPE_CHECKING:  # a first start's first page names its day before the domain loads
    from followup.date_style import DateStyle

__all__ = ["LocaleDates", "day_edit_format", "time_edit_format", "without_year"]

_FIELDS = frozenset("dMy")


def _tokens(form: str) -> list[str]:
    """A Qt date format split into fields (``dddd``, ``MMM``, ``yyyy``) and the literal text
    between them (quoted words included)."""
    tokens: list[str] = []
    i = 0
    while i < len(form):
        char = form[i]
        j = i + 1
        if char in _FIELDS:
            while j < len(form) and form[j] == char:
                j += 1
            tokens.append(form[i:j])
        else:
            if char == "'":
                close = form.find("'", j)
                j = len(form) if close < 0 else close + 1
            if tokens and tokens[-1][0] not in _FIELDS:
                tokens[-1] += form[i:j]  # one literal between two fields
            else:
                tokens.append(form[i:j])
        i = j
    return tokens


def without_year(form: str) -> str:
    """``form`` with its year and the text that joins the year to the rest removed:
    ``dddd, MMMM d, yyyy`` → ``dddd, MMMM d``; ``yyyy年M月d日dddd`` → ``M月d日dddd``;
    ``d MMMM yyyy 'г'.`` → ``d MMMM``."""
    tokens = _tokens(form)
    years = [i for i, token in enumerate(tokens) if token[0] == "y"]
    if not years:
        return form
    at = years[0]
    drop = {at}
    literal_after = at + 1 < len(tokens) and tokens[at + 1][0] not in _FIELDS
    if at == 0:
        if literal_after:
            drop.add(at + 1)  # the year leads: what follows it joins it to the rest
    else:
        drop.add(at - 1)  # what joins the year to the field before it
        if literal_after and at + 1 == len(tokens) - 1:
            drop.add(at + 1)  # a word that ends the form after the year belongs to the year
    return "".join(token for i, token in enumerate(tokens) if i not in drop).strip()


def _short(form: str) -> str:
    """The locale's long form with abbreviated weekday and month names."""
    return "".join(
        "ddd" if token == "dddd" else "MMM" if token == "MMMM" else token for token in _tokens(form)
    )


def day_edit_format(locale: QLocale | None = None) -> str:
    """The display format for a date editor: the short day with its weekday and year, so an
    editor reads like the lists (``ddd, MMM d, yyyy`` in en_US)."""
    return _short(
        (locale if locale is not None else QLocale()).dateFormat(QLocale.FormatType.LongFormat)
    )


def time_edit_format(locale: QLocale | None = None) -> str:
    """The display format for a time editor: the locale's clock (``h:mm AP`` or ``HH:mm``)."""
    return (locale if locale is not None else QLocale()).timeFormat(QLocale.FormatType.ShortFormat)


# Days on which a form written in Python must read exactly as Qt writes it before it is used
# (``_written``): every day of a month (1-31), every weekday, every month, and years of
# either century, so each field is checked for every value it can take.
_PROBES = (
    [date(2026, 1, d) for d in range(1, 32)]
    + [date(2026, m, 1) for m in range(1, 13)]
    + [date(1999, 12, 31), date(1905, 3, 9), date(2100, 10, 10), date(2026, 7, 4)]
)


class _Written:
    """A Qt date format written in Python from the locale's own names and digits: for a
    planner off the GUI thread, where each call into Qt would let go of the GIL (see
    ``LocaleDates.for_planner``). Only the Gregorian fields QLocale writes; anything else
    is refused when made (``ValueError``), and the form is then asked of Qt as before."""

    def __init__(self, locale: QLocale, form: str) -> None:
        zero = locale.zeroDigit()
        if len(zero) != 1:
            raise ValueError("a zero digit of more than one character")
        digits = str.maketrans("0123456789", "".join(chr(ord(zero) + n) for n in range(10)))
        short, long_ = QLocale.FormatType.ShortFormat, QLocale.FormatType.LongFormat
        weekdays = {
            "ddd": [locale.dayName(n, short) for n in range(1, 8)],
            "dddd": [locale.dayName(n, long_) for n in range(1, 8)],
        }
        months = {
            "MMM": [locale.monthName(n, short) for n in range(1, 13)],
            "MMMM": [locale.monthName(n, long_) for n in range(1, 13)],
        }
        numbers: dict[str, Callable[[date], int]] = {
            "d": lambda day: day.day,
            "dd": lambda day: day.day,
            "M": lambda day: day.month,
            "MM": lambda day: day.month,
            "yy": lambda day: day.year % 100,
            "yyyy": lambda day: day.year,
        }

        def number(token: str) -> Callable[[date], str]:
            value, width = numbers[token], 4 if token == "yyyy" else len(token)
            return lambda day: str(value(day)).zfill(width).translate(digits)

        def names(table: list[str], index: Callable[[date], int]) -> Callable[[date], str]:
            return lambda day: table[index(day)]

        def text(words: str) -> Callable[[date], str]:
            return lambda _day: words

        self.parts: list[Callable[[date], str]] = []
        for token in _tokens(form):
            if token in weekdays:
                self.parts.append(names(weekdays[token], date.weekday))
            elif token in months:
                self.parts.append(names(months[token], lambda day: day.month - 1))
            elif token in numbers:
                self.parts.append(number(token))
            elif token[0] in _FIELDS:
                raise ValueError(f"field {token!r}")
            else:  # literal text: quotes removed, a doubled quote kept as one
                self.parts.append(text(_unquoted(token)))

    def __call__(self, day: date) -> str:
        return "".join(part(day) for part in self.parts)


def _unquoted(literal: str) -> str:
    """A literal of a Qt format as written: quotes removed, two quotes in a row (inside
    quoted text or out) written as one."""
    out = []
    i = 0
    while i < len(literal):
        if literal.startswith("''", i):
            out.append("'")
            i += 2
        elif literal[i] == "'":
            i += 1
        else:
            out.append(literal[i])
            i += 1
    return "".join(out)


def _written(locale: QLocale, form: str) -> _Written | None:
    """``form`` written in Python, if it writes every probe day exactly as Qt does."""
    try:
        written = _Written(locale, form)
    except ValueError:
        return None
    for day in _PROBES:
        if written(day) != locale.toString(QDate(day.year, day.month, day.day), form):
            return None
    return written


class LocaleDates:
    """The user's locale's way of showing days and times, relative to ``today`` (whose year
    is left out). Build one when the view refreshes: it is cheap, and a new year is then
    noticed with the next refresh."""

    def __init__(self, today: date, locale: QLocale | None = None) -> None:
        self.today = today
        self.locale = locale if locale is not None else QLocale()
        long = self.locale.dateFormat(QLocale.FormatType.LongFormat)
        self._long_year = long
        self._long = without_year(long)
        self._short_year = _short(long)
        self._short = without_year(self._short_year)
        # A plan names the same days, times and weekdays again and again: each is asked once.
        self._shown: dict[tuple[date, str], str] = {}
        self._times: dict[tuple[int, int], str] = {}
        self._weekdays: dict[int, str] = {}
        # Forms written in Python (None: Qt writes them), for a planner's style only.
        self._forms: dict[str, _Written | None] = {}
        self._qt_free = False

    def sibling(self, today: date) -> LocaleDates:
        """The same locale's style relative to another ``today`` (a new day, or a plan made
        for another moment), knowing every name this one made: a name depends only on the
        locale, the day and the form, never on ``today``.

        The names are shared, not copied, and the sibling may run on another thread: each
        is a whole string set once under the GIL, so either thread sees it or asks Qt. A
        planner off the GUI thread that asked Qt for each day would let go of the GIL at
        every call, which keeps the GUI thread from taking it (it is woken, finds the lock
        taken again, and waits anew): time moving once froze the window for 50–80 ms so.
        The locale is copied: each thread asks a QLocale of its own."""
        other = LocaleDates(today, QLocale(self.locale))
        other._shown = self._shown
        other._times = self._times
        other._weekdays = self._weekdays
        other._forms = self._forms
        return other

    def for_planner(self, today: date) -> LocaleDates:
        """A sibling for a planner off the GUI thread, which names days the GUI has not
        (the 10,000-interview history's stale applications: some 1,700) without asking Qt:
        from the locale's names and digits, in Python, each form checked here first against
        what Qt writes on every day of a month, weekday, month and a few years; a form that
        differs anywhere is left to Qt. Made on the GUI thread (about 1 ms the first time)."""
        for form in (self._short, self._short_year, self._long, self._long_year):
            if form not in self._forms:
                self._forms[form] = _written(self.locale, form)
        other = self.sibling(today)
        other._qt_free = True
        return other

    def _format(self, day: date, this_year: str, other_year: str) -> str:
        form = this_year if day.year == self.today.year else other_year
        key = (day, form)
        shown = self._shown.get(key)
        if shown is None:
            written = self._forms.get(form) if self._qt_free else None
            if written is not None:
                shown = written(day)
            else:
                shown = self.locale.toString(QDate(day.year, day.month, day.day), form)
            self._shown[key] = shown
        return shown

    def day(self, day: date) -> str:
        """A day in a list or a sentence: ``Tue 1 Dec`` (``Tue 1 Dec 2027`` another year)."""
        return self._format(day, self._short, self._short_year)

    def long_day(self, day: date) -> str:
        """A day as a heading: ``Tuesday 1 December``."""
        return self._format(day, self._long, self._long_year)

    def full_day(self, day: date) -> str:
        """A day with its year whatever the year, for records: ``Tue 1 Dec 2026``."""
        return self._format(day, self._short_year, self._short_year)

    def near_day(self, day: date) -> str:
        """``today``, ``tomorrow``, or the day: for what is coming up."""
        if day == self.today:
            return "today"
        if day == self.today + timedelta(days=1):
            return "tomorrow"
        return self.day(day)

    def time(self, moment: time | datetime) -> str:
        """A time of day on the locale's clock: ``17:00`` or ``5:00 PM``."""
        key = (moment.hour, moment.minute)  # as its own clock reads it
        shown = self._times.get(key)
        if shown is None:
            shown = self._times[key] = self.locale.toString(
                QTime(*key), QLocale.FormatType.ShortFormat
            )
        return shown

    def day_time(self, moment: datetime) -> str:
        """A day and its time as its wall clock reads them: ``Tue 1 Dec, 17:00``."""
        return f"{self.day(moment.date())}, {self.time(moment)}"

    def weekday(self, day: date) -> str:
        """The weekday's full name: ``Tuesday``."""
        number = day.isoweekday()
        shown = self._weekdays.get(number)
        if shown is None:
            shown = self._weekdays[number] = self.locale.dayName(
                number, QLocale.FormatType.LongFormat
            )
        return shown

    def short_weekday(self, day: date) -> str:
        """The weekday's short name, for a calendar's column heads: ``Tue``."""
        return self.locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)

    def first_weekday(self) -> int:
        """The day a week starts on here, as ``date.weekday()`` counts (Monday 0): Sunday in
        en_US, Monday in en_GB and de_DE, Saturday in fa_IR."""
        return self.locale.firstDayOfWeek().value - 1

    def month(self, day: date) -> str:
        """The month of ``day`` with its year, for a calendar's title: ``December 2026``."""
        name = self.locale.standaloneMonthName(day.month, QLocale.FormatType.LongFormat)
        return f"{name} {day.year}"


def _is_style(dates: LocaleDates) -> DateStyle:
    return dates  # mypy checks here that LocaleDates is a DateStyle
