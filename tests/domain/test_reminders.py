"""Reminder times with an injected clock: due times, quiet hours, snooze, sleep, DST."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from followup.model import Application, Channel, Contact, Round
from followup.planner import all_items
from followup.reminders import (
    ReminderSettings,
    after_quiet_hours,
    due_now,
    in_quiet_hours,
    next_time,
    reminders_for,
    snooze_until,
)
from followup.storage import Repository
from followup.workdays import WorkCalendar

NY = ZoneInfo("America/New_York")
US = WorkCalendar("US")
QUIET = ReminderSettings(time(9), time(21), time(8))


def at(day: int, hour: int = 10, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=NY)


def interview(repo: Repository, day: date, month: int = 11) -> Round:
    app = repo.add_application(Application(0, "Acme", "Dev"))
    dana = repo.add_contact(Contact(0, "Dana"))
    start = datetime.combine(day, time(10), tzinfo=NY)
    return repo.add_round(
        Round(
            0,
            app.id,
            start,
            start + timedelta(hours=1),
            "America/New_York",
            interviewer_ids=(dana.id,),
        )
    )


def test_letter_reminders_first_business_morning_deadline_morning_and_overdue(
    repo: Repository,
) -> None:
    interview(repo, date(2026, 11, 25))  # Wednesday before Thanksgiving
    items = all_items(repo, US, NY, at(25, 12))
    got = [(r.key.split(":")[1], r.at) for r in reminders_for(items, US, NY, QUIET)]
    assert got == [
        ("first-morning", at(27, 9)),  # Friday (Thursday is Thanksgiving)
        ("deadline-morning", at(30, 9)),  # Monday
        ("overdue", at(30, 17)),
    ]


def test_call_and_close_reminders(repo: Repository) -> None:
    r = interview(repo, date(2026, 11, 16))
    repo.record_letter(r.id, r.interviewer_ids[0], Channel.EMAIL, at(17))
    items = all_items(repo, US, NY, at(18))
    assert [(x.key, x.at) for x in reminders_for(items, US, NY, QUIET)] == [
        (f"round-{r.id}-call:morning", at(24, 9))
    ]
    repo.record_call(r.id, at(24, 11))
    items = all_items(repo, US, NY, at(25))
    assert [(x.key, x.at) for x in reminders_for(items, US, NY, QUIET)] == [
        (f"round-{r.id}-close:morning", at(8, 9, month=12))
    ]


def test_quiet_hours_move_a_reminder_to_their_end() -> None:
    late = ReminderSettings(time(7), time(21), time(8))  # morning reminder inside quiet hours
    assert after_quiet_hours(at(27, 7), late, NY) == at(27, 8)
    assert after_quiet_hours(at(27, 22), late, NY) == at(28, 8)
    assert after_quiet_hours(at(27, 12), late, NY) == at(27, 12)
    assert not in_quiet_hours(at(27, 3), ReminderSettings(time(9), time(8), time(8)), NY)


def test_missed_while_asleep_are_delivered_once_collapsed_per_item(repo: Repository) -> None:
    interview(repo, date(2026, 11, 25))
    # The laptop slept from Wednesday to Tuesday morning: three reminders of one letter passed.
    now = at(1, 10, month=12)
    items = all_items(repo, US, NY, now)
    reminders = reminders_for(items, US, NY, QUIET)
    shown, keys = due_now(reminders, repo.deliveries(), now, QUIET, NY)
    assert [r.key.split(":")[1] for r in shown] == ["overdue"]
    assert len(keys) == 3
    repo.mark_delivered(keys, now)
    again, more = due_now(reminders, repo.deliveries(), now + timedelta(hours=1), QUIET, NY)
    assert again == [] and more == []
    assert next_time(reminders, repo.deliveries(), now, QUIET, NY) is None


def test_nothing_is_shown_in_quiet_hours_and_the_timer_waits_for_their_end(
    repo: Repository,
) -> None:
    interview(repo, date(2026, 11, 25))
    night = at(30, 23)
    reminders = reminders_for(all_items(repo, US, NY, night), US, NY, QUIET)
    assert due_now(reminders, {}, night, QUIET, NY) == ([], [])
    assert next_time(reminders, {}, night, QUIET, NY) == at(1, 8, month=12)


def test_snooze_an_hour_and_until_tomorrow_morning(repo: Repository) -> None:
    interview(repo, date(2026, 11, 25))
    now = at(27, 9, 5)
    reminders = reminders_for(all_items(repo, US, NY, now), US, NY, QUIET)
    shown, keys = due_now(reminders, {}, now, QUIET, NY)
    assert [r.key.split(":")[1] for r in shown] == ["first-morning"]
    repo.mark_delivered(keys, now)
    repo.snooze([shown[0].key], snooze_until("hour", now, QUIET, NY), now)
    assert due_now(reminders, repo.deliveries(), at(27, 9, 30), QUIET, NY)[0] == []
    assert next_time(reminders, repo.deliveries(), at(27, 9, 30), QUIET, NY) == at(27, 10, 5)
    shown, keys = due_now(reminders, repo.deliveries(), at(27, 10, 6), QUIET, NY)
    assert [r.key for r in shown] == [reminders[0].key]
    repo.mark_delivered(keys, at(27, 10, 6))
    assert due_now(reminders, repo.deliveries(), at(27, 11), QUIET, NY)[0] == []
    assert snooze_until("morning", at(27, 23), QUIET, NY) == at(28, 9)
    assert snooze_until("hour", at(27, 20, 30), QUIET, NY) == at(28, 8)


def test_dst_change_keeps_the_local_morning() -> None:
    # The US leaves summer time on Sun 1 Nov 2026; the deadline morning stays 09:00 local.
    from followup.plan import ItemKind, ItemState, PlanItem

    due = datetime(2026, 11, 2, 17, tzinfo=NY)
    item = PlanItem(
        "k",
        ItemKind.LETTER,
        1,
        1,
        1,
        "Letter",
        "",
        ItemState.UPCOMING,
        due,
        opens=datetime(2026, 10, 29, 11, tzinfo=NY),
    )
    got = {r.key: r.at for r in reminders_for([item], US, NY, QUIET)}
    assert got["k:first-morning"] == datetime(2026, 10, 30, 9, tzinfo=NY)
    assert got["k:first-morning"].utcoffset() == timedelta(hours=-4)
    assert got["k:deadline-morning"] == datetime(2026, 11, 2, 9, tzinfo=NY)
    assert got["k:deadline-morning"].utcoffset() == timedelta(hours=-5)


@settings(max_examples=200, deadline=None)
@given(
    st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31)),
    st.sampled_from(["America/New_York", "Europe/London", "Australia/Sydney", "UTC"]),
    st.times(),
    st.times(),
)
def test_after_quiet_hours_is_never_inside_them_and_never_earlier(
    moment: datetime, zone_name: str, start: time, end: time
) -> None:
    zone = ZoneInfo(zone_name)
    rules = ReminderSettings(time(9), start.replace(microsecond=0), end.replace(microsecond=0))
    aware = moment.replace(tzinfo=zone)
    moved = after_quiet_hours(aware, rules, zone)
    assert not in_quiet_hours(moved, rules, zone)
    assert moved >= aware
    assert moved - aware <= timedelta(days=1, hours=2)
