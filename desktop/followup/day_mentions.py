"""The checker's ``wrong-day`` rule: a letter that names another day than the interview's.

A draft is written when the interview is fresh, and interviews move: after the round's date
was changed, a draft kept "Thank you for meeting with me on Wednesday, November 25" for an
interview on Thursday the 26th, and a person typing the day makes the same slip. Only a
day said about the meeting counts ("meeting with me on Tuesday", "our conversation on
25 November"); a day ahead ("I will call on Friday", "available on Monday") is left alone.
The words that tell which is which live in ``resources/checker/rules.toml`` (``[wrong-day]``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from followup.date_style import MONTH_NAMES, WEEKDAY_NAMES
from followup.findings import Finding, Severity
from followup.rulebook import Rulebook, default_rulebook, finding

_MONTHS = {name.lower(): n for n, name in enumerate(MONTH_NAMES, 1)}
_MONTHS |= {name[:3].lower(): n for name, n in list(_MONTHS.items())} | {"sept": 9}
_WEEKDAYS = {name.lower(): n for n, name in enumerate(WEEKDAY_NAMES)}
_WEEKDAYS_SHORT = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3}
_WEEKDAYS_SHORT |= {"fri": 4, "sat": 5, "sun": 6}

_WEEKDAY = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_WEEKDAY_ANY = "|".join(sorted([*_WEEKDAYS, *_WEEKDAYS_SHORT], key=len, reverse=True))
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
# "Wednesday, November 25", "Wed 25 Nov.", "November 25th", "the 25th of November",
# "Wednesday": bounded alternatives, no nested repetition (linear on any paste).
_MENTION = re.compile(
    rf"\b(?:(?P<wd>{_WEEKDAY_ANY})\.?,?\s+(?:the\s+)?)?"
    rf"(?:(?P<m1>{_MONTH})\.?\s+{_DAY.format('d1')}\b"
    rf"|{_DAY.format('d2')}\s+(?:of\s+)?(?P<m2>{_MONTH})\b)"
    rf"|\b(?P<alone>{_WEEKDAY})\b",
    re.IGNORECASE,
)
LAST_WEEK = -1  # in ``counted_back``: the week before the one the letter is read in


@cache
def _counted_back(words: tuple[str, ...]) -> re.Pattern[str]:
    """Days counted back from the day the letter is read ("yesterday", "last week"), from
    the rulebook's ``counted_back``."""
    spelled = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len)[::-1])
    return re.compile(rf"\b(?:{spelled})\b", re.IGNORECASE)


_WORD = re.compile(r"[a-z']+")
_SENTENCE_END = re.compile(r"[.!?;\n]\s")


@dataclass(frozen=True, slots=True)
class DayMention:
    """A day named in the text: its weekday, its month and day, or both."""

    start: int
    end: int
    weekday: int | None
    month: int | None
    day: int | None
    relative: str | None = None  # "yesterday", "this morning", "last week"

    def fits(
        self, interview: date, today: date | None = None, book: Rulebook | None = None
    ) -> bool:
        """True when it may be the interview's day (a day counted back from ``today``, the
        day the letter is read, fits whenever that is not known)."""
        if self.relative is not None:
            if today is None:
                return True
            back = (book or default_rulebook()).days.counted_back[self.relative]
            if back == LAST_WEEK:
                return interview.isocalendar()[:2] == (today - timedelta(7)).isocalendar()[:2]
            return interview == today - timedelta(back)
        if self.weekday is not None and self.weekday != interview.weekday():
            return False
        return self.month is None or (self.month, self.day) == (interview.month, interview.day)


def mentions(text: str, book: Rulebook | None = None) -> list[DayMention]:
    """Every day named in ``text`` (a weekday alone only in full: "Wed" is also a word), in
    the order they come."""
    book = book or default_rulebook()
    found = [
        DayMention(m.start(), m.end(), None, None, None, " ".join(m.group().lower().split()))
        for m in _counted_back(tuple(book.days.counted_back)).finditer(text)
    ]
    for match in _MENTION.finditer(text):
        weekday_name = match["wd"] or match["alone"]
        weekday = None
        if weekday_name:
            key = weekday_name.lower()
            weekday = _WEEKDAYS.get(key, _WEEKDAYS_SHORT.get(key))
        month_name = match["m1"] or match["m2"]
        month = _MONTHS[month_name.lower()] if month_name else None
        day_text = match["d1"] or match["d2"]
        day = int(day_text) if day_text else None
        if day is not None and not 1 <= day <= 31:
            continue
        if month_name and month_name[0].islower() and month_name.lower() == "may":
            continue  # "you may 2 …" is not a date
        found.append(DayMention(match.start(), match.end(), weekday, month, day))
    return sorted(found, key=lambda m: m.start)


def _words_before(text: str, at: int, count: int) -> list[str]:
    start = max(0, at - 12 * count)
    piece = text[start:at]
    ends = list(_SENTENCE_END.finditer(piece))
    if ends:
        piece = piece[ends[-1].end() :]
    return _WORD.findall(piece.lower())[-count:]


def _words_after(text: str, at: int, count: int) -> list[str]:
    piece = text[at : at + 12 * count]
    end = _SENTENCE_END.search(piece)
    if end:
        piece = piece[: end.start()]
    return _WORD.findall(piece.lower())[:count]


def about_the_interview(text: str, mention: DayMention, book: Rulebook) -> bool:
    """The day says when the meeting was: the meeting's word governs it ("meeting with me
    on Tuesday", "the interview on 25 November", "thank you for Tuesday", "Tuesday's
    interview"), or it opens a sentence about the meeting ("On Tuesday, we discussed …").
    A day of something else talked about ("the launch on March 3", "the June 2 deadline",
    "my last day … is December 18"), an earlier meeting ("our first conversation on …") and
    a day ahead ("I will call on Friday") are left alone."""
    words = book.days
    before = _words_before(text, mention.start, words.before)
    if words.ahead & set(before):
        return False
    if mention.month is None and before and before[-1] in words.not_a_date_after:
        return False
    after = _words_after(text, mention.end, words.after)
    if text.startswith("'s", mention.end):  # "Tuesday's interview"
        return bool(after[1:2]) and after[1] in words.meeting
    ends_phrase = text[mention.end : mention.end + 1] in (",", ".", ";", ":", "!", "?", ")")
    if after and after[0] not in words.may_follow and not ends_phrase:
        return False  # "the June 2 deadline": the day of a thing, not of the meeting
    governing = [i for i, w in enumerate(before) if w not in words.glue]
    if governing:
        at = governing[-1]
        your_time = before[at] == "time" and before[at - 1 : at] == ["your"]  # "your time on"
        return before[at] in words.meeting or your_time
    # Nothing but glue before it: the sentence opens with the day.
    return mention.relative is None and bool(words.meeting & set(after))


def _day_text(day: date) -> str:
    """ "Thursday the 26th": the same in either date order."""
    n = day.day
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{WEEKDAY_NAMES[day.weekday()]} the {n}{suffix}"


def wrong_days(
    text: str, interview: date, book: Rulebook, today: date | None = None
) -> list[Finding]:
    """A finding on each day said about the meeting that is not the interview's: an error
    when it names a date, a warning for a weekday alone or a day counted back from
    ``today`` (the day the letter is read: "yesterday" in a draft sent two days later)."""
    findings = []
    for mention in mentions(text, book):
        if mention.fits(interview, today, book) or not about_the_interview(text, mention, book):
            continue
        said = " ".join(text[mention.start : mention.end].split())
        found = finding(
            book, "wrong-day", (mention.start, mention.end), said=said, day=_day_text(interview)
        )
        if mention.month is None:
            found = replace(found, severity=Severity.WARNING)
        findings.append(found)
    return findings
