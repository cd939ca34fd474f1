"""A letter (or call) whose window is long gone is "missed": kept in history, no longer in the
overdue list, so Today stays short however old the database (issue 9)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from followup.agenda import agenda
from followup.ics import to_ics
from followup.model import Application, Call, Channel, Contact, Letter, Round
from followup.plan import ItemKind, ItemState, round_plan
from followup.planner import all_items
from followup.reminders import reminders_for
from followup.storage import Repository
from followup.workdays import WorkCalendar

NY = ZoneInfo("America/New_York")
US = WorkCalendar(country="US")


def _round(day: date, round_id: int = 1) -> Round:
    start = datetime.combine(day, time(10), tzinfo=NY)
    return Round(
        round_id, 1, start, start + timedelta(hours=1), "America/New_York", interviewer_ids=(1,)
    )


def _letter_state(now: datetime, letters: list[Letter] | None = None) -> ItemState:
    items = round_plan(
        Application(1, "Acme", "Dev"),
        _round(date(2026, 11, 2)),
        {1: "Dana"},
        letters or [],
        [],
        US,
        now,
    )
    return next(i for i in items if i.kind is ItemKind.LETTER).state


def test_a_letter_is_overdue_until_its_call_would_have_been_then_missed() -> None:
    # Interview Mon 2 Nov: letter due Wed 4 Nov 17:00; sent then, the call would be Wed 11 Nov
    # (Veterans Day, a holiday) -> Thu 12 Nov. Missed from Fri 13 Nov 00:00 New York.
    assert _letter_state(datetime(2026, 11, 4, 23, tzinfo=NY)) is ItemState.OVERDUE
    assert _letter_state(datetime(2026, 11, 12, 23, 59, tzinfo=NY)) is ItemState.OVERDUE
    assert _letter_state(datetime(2026, 11, 13, 0, 0, tzinfo=NY)) is ItemState.MISSED
    late = Letter(1, 1, 1, Channel.EMAIL, datetime(2027, 1, 5, tzinfo=UTC))
    assert _letter_state(datetime(2027, 2, 1, tzinfo=UTC), [late]) is ItemState.DONE


def test_a_call_is_missed_when_the_quiet_period_is_over() -> None:
    round_ = _round(date(2026, 11, 2))
    sent = [Letter(1, 1, 1, Channel.EMAIL, datetime(2026, 11, 3, 15, tzinfo=UTC))]

    def call_state(now: datetime, calls: list[Call] | None = None) -> ItemState:
        items = round_plan(
            Application(1, "Acme", "Dev"), round_, {1: "Dana"}, sent, calls or [], US, now
        )
        return next(i for i in items if i.kind is ItemKind.CALL).state

    # Call on Tue 10 Nov; fourteen quiet days later (24 Nov) it is no longer overdue.
    assert call_state(datetime(2026, 11, 11, 12, tzinfo=NY)) is ItemState.OVERDUE
    assert call_state(datetime(2026, 11, 24, 0, 0, tzinfo=NY)) is ItemState.MISSED


def test_missed_items_stay_in_history_but_leave_the_agenda_reminders_and_alarms() -> None:
    now = datetime(2026, 12, 20, tzinfo=UTC)
    items = round_plan(
        Application(1, "Acme", "Dev"), _round(date(2026, 11, 2)), {1: "Dana"}, [], [], US, now
    )
    missed = [i for i in items if i.state is ItemState.MISSED]
    assert [i.kind for i in missed] == [ItemKind.LETTER]
    start = datetime(2026, 12, 20, tzinfo=NY)
    assert agenda(items, start, start + timedelta(days=7)) == []
    assert reminders_for(items, US, NY) == []
    ics = to_ics(items, now, {})
    assert b"Thank-you letter to Dana at Acme (missed)" in ics
    assert ics.count(b"BEGIN:VALARM") == 0


def test_two_thousand_old_rounds_leave_a_short_overdue_list(repo: Repository) -> None:
    """The issue's database: 2,000 rounds over two years, no letters sent."""
    now = datetime(2026, 11, 27, 15, tzinfo=UTC)
    with repo.db.transaction() as cur:
        dana = repo.insert_contact(cur, Contact(0, "Dana"))
        app = repo.insert_application(cur, Application(0, "Acme", "Dev"))
        for index in range(2000):
            day = date(2026, 11, 26) - timedelta(days=index * 365 * 2 // 2000)
            start = datetime.combine(day, time(10), tzinfo=NY)
            repo.insert_round(
                cur,
                Round(
                    0,
                    app.id,
                    start,
                    start + timedelta(hours=1),
                    "America/New_York",
                    interviewer_ids=(dana.id,),
                ),
            )
    items = all_items(repo, US, NY, now)
    today = datetime(2026, 11, 27, tzinfo=NY)
    overdue = [
        i for i in agenda(items, today, today + timedelta(days=7)) if i.state is ItemState.OVERDUE
    ]
    # Only letters of the last couple of weeks can still be written; the rest are history.
    assert 0 < len(overdue) <= 40
    oldest = min(i.due for i in overdue if i.due is not None)
    assert now - oldest < timedelta(days=14)
    assert sum(1 for i in items if i.state is ItemState.MISSED) > 1900
