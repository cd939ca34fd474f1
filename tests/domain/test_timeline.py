"""When views change by themselves: the next opening, due day, deadline or midnight."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from followup.model import Application, Channel, Letter, Round
from followup.plan import (
    SUGGESTIONS,
    ItemKind,
    ItemState,
    PlanItem,
    application_plan,
    round_plan,
)
from followup.timeline import (
    JUST_AFTER,
    change_moments,
    next_change,
    next_midnight,
    soonest_change,
)
from followup.workdays import WorkCalendar

NY = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")


def item(
    state: ItemState,
    due: datetime | None,
    opens: datetime | None = None,
    missed: datetime | None = None,
    kind: ItemKind = ItemKind.LETTER,
) -> PlanItem:
    return PlanItem("k", kind, 1, 1, 1, "Step", "", state, due, opens, None, missed)


def test_midnight_when_nothing_is_sooner() -> None:
    now = datetime(2026, 11, 25, 12, tzinfo=NY)
    assert next_change([], now, NY) == datetime(2026, 11, 26, tzinfo=NY)


def test_a_deadline_today_wakes_just_after_it() -> None:
    now = datetime(2026, 11, 30, 16, tzinfo=NY)
    due = datetime(2026, 11, 30, 17, tzinfo=NY)
    assert next_change([item(ItemState.DUE, due)], now, NY) == due + timedelta(seconds=1)


def test_an_opening_window_and_a_due_day_in_another_zone() -> None:
    now = datetime(2026, 11, 25, 8, tzinfo=NY)
    opens = datetime(2026, 11, 25, 11, tzinfo=NY)
    assert next_change([item(ItemState.WAITING, None, opens)], now, NY) == opens
    due = datetime(2026, 11, 26, 17, tzinfo=BERLIN)  # due day starts at 18:00 New York time
    found = next_change([item(ItemState.UPCOMING, due)], datetime(2026, 11, 25, 17, tzinfo=NY), NY)
    assert found == datetime(2026, 11, 26, tzinfo=BERLIN)


def test_done_and_cancelled_items_never_wake_the_app() -> None:
    now = datetime(2026, 11, 30, 16, tzinfo=NY)
    due = datetime(2026, 11, 30, 17, tzinfo=NY)
    items = [item(ItemState.DONE, due), item(ItemState.CANCELLED, due)]
    assert next_change(items, now, NY) == datetime(2026, 12, 1, tzinfo=NY)


@given(st.datetimes(datetime(2000, 1, 1), datetime(2090, 1, 1), timezones=st.just(UTC)))
def test_next_midnight_is_a_local_midnight_within_a_day_and_an_hour(now: datetime) -> None:
    for zone in (NY, BERLIN, ZoneInfo("Australia/Lord_Howe")):
        midnight = next_midnight(now, zone)
        local = midnight.astimezone(zone)
        assert midnight > now
        assert local.date() == now.astimezone(zone).date() + timedelta(days=1)
        assert midnight - now <= timedelta(hours=25)


def spelled_out(items: list[PlanItem], now: datetime, zone: ZoneInfo) -> datetime:
    """The rule as the module states it, item by item: an opening still ahead, the start of
    a pending step's due day and the second after its deadline (not a suggestion's: it is
    never due on a day nor overdue), when it is missed, else the next midnight."""
    moments = [next_midnight(now, zone)]
    for i in items:
        if i.opens is not None:
            moments.append(i.opens)
        if i.state.pending and i.due is not None and i.kind not in SUGGESTIONS:
            day_start = datetime(i.due.year, i.due.month, i.due.day, tzinfo=i.due.tzinfo)
            moments += [day_start, i.due + JUST_AFTER]
        if i.state.pending and i.missed_at is not None:
            moments.append(i.missed_at)
    # As instants: two times in one zone compare by the clock, an hour the clocks repeat too.
    return min((m for m in moments if m.astimezone(UTC) > now), key=lambda m: m.astimezone(UTC))


ZONES = st.sampled_from([NY, BERLIN, ZoneInfo("Asia/Kolkata"), UTC])
# Days around changes of clocks (New York's and Berlin's, spring and autumn), so that moments
# often fall between now and the next midnight (a year's spread would leave almost every
# answer at midnight).
MOMENTS = st.builds(
    lambda at, zone: at.replace(tzinfo=UTC).astimezone(zone),
    st.datetimes(datetime(2026, 3, 6), datetime(2026, 3, 10))
    | st.datetimes(datetime(2026, 3, 27), datetime(2026, 3, 31))
    | st.datetimes(datetime(2026, 10, 23), datetime(2026, 10, 27))
    | st.datetimes(datetime(2026, 10, 30), datetime(2026, 11, 3)),
    ZONES,
)
ITEMS = st.builds(
    item,
    st.sampled_from(list(ItemState)),
    st.none() | MOMENTS,
    st.none() | MOMENTS,
    st.none() | MOMENTS,
    st.sampled_from(list(ItemKind)),
)


@given(st.lists(st.lists(ITEMS, max_size=6), max_size=6), MOMENTS, ZONES)
def test_kept_moments_of_each_plan_give_the_same_wake_up_as_all_items(
    plans: list[list[PlanItem]], now: datetime, zone: ZoneInfo
) -> None:
    """The app keeps each plan's moments and asks for the soonest over them all: the answer
    is the rule's, however the items fall into plans."""
    everything = [i for plan in plans for i in plan]
    kept = [(change_moments(plan), now) for plan in plans]
    assert all(moments == sorted(moments) for moments, _ in kept)
    assert soonest_change(kept, now, zone) == spelled_out(everything, now, zone)
    assert next_change(everything, now, zone) == spelled_out(everything, now, zone)


def test_a_moment_that_is_now_is_behind_us() -> None:
    """Woken at the very second an item turned overdue, the next wake-up is later, never
    the same second again (a timer that would fire at once, forever)."""
    due = datetime(2026, 11, 30, 17, tzinfo=NY)
    now = due + JUST_AFTER
    midnight = datetime(2026, 12, 1, tzinfo=NY)
    assert soonest_change([(change_moments([item(ItemState.DUE, due)]), now)], now, NY) == midnight


@given(st.lists(ITEMS, max_size=8), MOMENTS, st.timedeltas(timedelta(0), timedelta(days=3)), ZONES)
def test_a_plan_made_earlier_changes_at_its_first_moment_after_it_was_made(
    plan: list[PlanItem], made: datetime, since: timedelta, zone: ZoneInfo
) -> None:
    """A plan made for an earlier moment than now is stale from its first moment after that
    one, whether or not that moment is past: the app plans again at once if it is."""
    now = made + since
    found = soonest_change([(change_moments(plan), made)], made, zone)
    assert found == spelled_out(plan, made, zone)
    assert (found <= now) == (next_change(plan, made, zone) <= now)


def test_an_hour_the_clocks_repeat_is_counted_by_time_not_by_the_clock() -> None:
    """New York falls back on 1 November 2026: 01:30 EST comes after 01:45 EDT (sorted by
    their clock they would not be, and the search would pass 01:30 EST by)."""
    first = datetime(2026, 11, 1, 5, 45, tzinfo=UTC).astimezone(NY)  # 01:45 EDT
    second = datetime(2026, 11, 1, 6, 30, tzinfo=UTC).astimezone(NY)  # 01:30 EST
    assert second.fold == 1 and (first.hour, first.minute) == (1, 45)
    items = [item(ItemState.WAITING, None, first), item(ItemState.WAITING, None, second)]
    between = datetime(2026, 11, 1, 6, 0, tzinfo=UTC)
    # (compared in UTC: Python never finds a time in a repeated hour equal to another zone's)
    assert soonest_change([(change_moments(items), between)], between, NY) == second.astimezone(UTC)
    assert next_change(items, between, NY) == second.astimezone(UTC)


def test_a_suggestion_to_find_a_contact_opens_at_a_moment_the_timeline_knows() -> None:
    """Applied on Monday: "find a named contact" waits until the end of Tuesday, then is
    ready; the timer must wake then (it stayed waiting on screen until midnight)."""
    cal = WorkCalendar("US")
    app = Application(0, "Globex", "SRE", applied_on=datetime(2026, 11, 2).date())
    now = datetime(2026, 11, 3, 12, tzinfo=NY)
    waiting = application_plan(app, [], cal, NY, now)
    find = next(i for i in waiting if i.kind is ItemKind.FIND_CONTACT)
    assert find.state is ItemState.WAITING
    change = next_change(waiting, now, NY)
    assert change == datetime(2026, 11, 3, 17, tzinfo=NY)
    ready = application_plan(app, [], cal, NY, change + JUST_AFTER)
    assert next(i for i in ready if i.kind is ItemKind.FIND_CONTACT).state is ItemState.DUE


def test_an_interview_whose_letter_went_before_it_ended_is_done_at_its_end() -> None:
    """A letter recorded before the interview ended (an exception the user confirmed):
    no letter waits for the end, yet the interview turns done then, and the timer must
    wake for it (Today would list it as coming until midnight)."""
    cal = WorkCalendar("US")
    app = Application(1, "Acme", "Engineer")
    starts = datetime(2026, 11, 24, 10, tzinfo=NY)
    round_ = Round(
        1, 1, starts, starts + timedelta(hours=3), "America/New_York", interviewer_ids=(7,)
    )
    early = Letter(1, 1, 7, Channel.EMAIL, starts + timedelta(hours=1))
    now = starts + timedelta(hours=2)
    items = round_plan(app, round_, {7: "Dana"}, [early], [], cal, now)
    interview = next(i for i in items if i.kind is ItemKind.INTERVIEW)
    assert interview.state is ItemState.UPCOMING
    assert all(i.state is not ItemState.WAITING or i.kind is ItemKind.CALL for i in items)
    assert next_change(items, now, NY) == round_.ends_at
