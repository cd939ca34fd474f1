"""``wrong-day``: a letter that names another day than the interview's (found trying the app
as a new user: after the interview was moved, the draft still thanked for "Wednesday,
November 25")."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.checker import Context, Severity, check
from followup.date_style import DAY_FIRST, MONTH_FIRST, LetterDates
from followup.day_mentions import mentions
from followup.model import Application, Contact, Profile, Round
from followup.templates import all_templates, render, variables

THURSDAY = date(2026, 11, 26)


def _wrong_days(text: str, day: date | None = THURSDAY) -> list[tuple[str, Severity]]:
    found = check(text, Context(interview_day=day), model=False)
    return [(text[f.start or 0 : f.end or 0], f.severity) for f in found if f.rule == "wrong-day"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Another date said about the meeting: an error, in either order, with or without
        # the weekday, an ordinal or an abbreviation.
        (
            "Thank you for meeting with me on Wednesday, November 25, to discuss the role.",
            [("Wednesday, November 25", Severity.ERROR)],
        ),
        ("Thank you for meeting me on 25 November.", [("25 November", Severity.ERROR)]),
        ("I enjoyed our conversation on Nov. 24th.", [("Nov. 24th", Severity.ERROR)]),
        (
            "Thanks for the interview on the 25th of November.",
            [("25th of November", Severity.ERROR)],
        ),
        # The right date with the wrong weekday is wrong too.
        (
            "Thank you for your time on Wednesday 26 November.",
            [("Wednesday 26 November", Severity.ERROR)],
        ),
        # A weekday alone: a warning (it may be another week's).
        ("Thank you for the call on Tuesday about the role.", [("Tuesday", Severity.WARNING)]),
        ("On Tuesday, we discussed the roadmap.", [("Tuesday", Severity.WARNING)]),
        ("thank you for meeting me monday", [("monday", Severity.WARNING)]),
        # The interview's own day, said any way: nothing.
        ("Thank you for meeting with me on Thursday, November 26, to discuss it.", []),
        ("Thank you for meeting me on Thursday 26 November.", []),
        ("Thanks again for Thursday the 26th of November.", []),
        ("I'm writing to thank you for Thursday's interview.", []),
        # Days ahead, days that are not dates, days not about the meeting: nothing.
        ("I will call you on Friday.", []),
        ("I am available to start on December 1.", []),
        ("Looking forward to our call on Monday.", []),
        ("I gave up my Saturday shift to be there.", []),
        ("I have another interview on Monday afternoon.", []),
        ("My offer from another firm expires on Friday.", []),
        ("I may 2 or 3 times a week work late.", []),
        ("November 25, 2026\n\nDear Dana,\n\nThank you for meeting me.", []),
        (
            "When we met on 24 November, you mentioned the budget.",
            [("24 November", Severity.ERROR)],
        ),
        ("Thank you for your time on Tuesday.", [("Tuesday", Severity.WARNING)]),
        # Found by the review: days of things talked about, and of an earlier meeting.
        ("As discussed, my last day at Acme is December 18.", []),
        ("Thank you for discussing the June 2 deadline with me.", []),
        ("I enjoyed our conversation about the launch on March 3.", []),
        ("Since our first conversation on November 19, I have thought about it.", []),
        ("I spoke at the conference on 3 December as mentioned.", []),
        ("I gave notice on Monday.", []),
        ("Please call me any time after Monday.", []),
        ("We talked about the release planned for Friday.", []),
    ],
)
def test_a_day_said_about_the_meeting_must_be_the_interviews(
    text: str, expected: list[tuple[str, Severity]]
) -> None:
    assert _wrong_days(text) == expected


def test_the_finding_names_the_interviews_day_in_words_either_date_order_reads() -> None:
    found = check("Thank you for meeting me on Tuesday.", Context(interview_day=THURSDAY))
    (wrong,) = [f for f in found if f.rule == "wrong-day"]
    assert "“Tuesday”" in wrong.message and "Thursday the 26th" in wrong.message


@pytest.mark.parametrize(
    ("text", "today", "flagged"),
    [
        ("Thank you for meeting with me yesterday.", THURSDAY, True),  # met on Thursday
        ("Thank you for meeting with me yesterday.", date(2026, 11, 27), False),
        ("It was a pleasure to speak with you this morning.", THURSDAY, False),
        ("It was a pleasure to speak with you this morning.", date(2026, 11, 27), True),
        ("Thank you for yesterday's interview.", date(2026, 11, 30), True),
        ("Thank you for meeting me last week.", date(2026, 12, 1), False),
        ("Thank you for meeting me last week.", date(2026, 11, 27), True),  # this week
        ("Thank you for meeting me last week.", date(2026, 12, 8), True),  # two weeks ago
        # "today" said about the writing, not the meeting.
        ("I'm writing today to thank you for meeting with me.", date(2026, 11, 30), False),
        ("Yesterday I will call you.", date(2026, 11, 30), False),
    ],
)
def test_a_day_counted_back_from_the_day_it_is_read(text: str, today: date, flagged: bool) -> None:
    """A draft that says "yesterday", sent two days later (found trying the app as a new
    user): a warning, counted from the day the letter is read."""
    found = check(text, Context(interview_day=THURSDAY, today=today), model=False)
    wrong = [f for f in found if f.rule == "wrong-day"]
    assert bool(wrong) is flagged, wrong
    assert all(f.severity is Severity.WARNING for f in wrong)
    unknown = check(text, Context(interview_day=THURSDAY), model=False)
    assert not [f for f in unknown if f.rule == "wrong-day"], "no day to count from"


def test_without_the_interviews_day_nothing_is_said() -> None:
    assert _wrong_days("Thank you for meeting me on Tuesday, November 24.", None) == []


def test_a_huge_paste_of_dates_is_checked_in_bounded_time() -> None:
    text = "Thank you for meeting me on Monday, May 4. " * 20_000
    found = check(text, Context(interview_day=THURSDAY), model=False)
    assert sum(f.rule == "wrong-day" for f in found) <= 26  # capped: 25 and a note


PROFILE = Profile("Sam Lee", "sam@example.com")
APP = Application(1, "Acme", "Backend Engineer")
DANA = Contact(1, "Dana Müller", "CTO")
TEMPLATES_WITH_THE_DAY = [t for t in all_templates() if t.kind == "letter"]


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(TEMPLATES_WITH_THE_DAY),
    st.dates(date(2020, 1, 1), date(2035, 12, 31)),
    st.integers(1, 40),
    st.sampled_from([MONTH_FIRST, DAY_FIRST]),
)
def test_a_letter_from_a_template_names_its_day_and_is_flagged_once_the_day_moves(
    template: object, day: date, moved_by: int, dates: LetterDates
) -> None:
    """Every built-in letter template: its own day is never flagged; once the interview
    moves to another day, the day the draft names is (a warning when only the weekday is
    named, which may be the same weekday)."""
    from followup.templates import Template

    assert isinstance(template, Template)
    start = datetime(day.year, day.month, day.day, 15, tzinfo=UTC)
    round_ = Round(1, 1, start, start + timedelta(hours=1), "UTC", topics=("Kafka",))
    values = variables(PROFILE, APP, round_, DANA, day + timedelta(1), day, dates=dates)
    body = render(template, values).body
    named = [m for m in mentions(body) if m.weekday is not None]
    assert named, body  # every letter template names the day
    assert _wrong_days(body, day) == []
    moved = day + timedelta(days=moved_by)
    flagged = _wrong_days(body, moved)
    if moved.weekday() != day.weekday() or named[0].month is not None:
        assert flagged, (body, moved)
