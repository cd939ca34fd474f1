"""When views change by themselves: the next opening, due day, deadline or midnight."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from followup.plan import ItemKind, ItemState, PlanItem
from followup.timeline import next_change, next_midnight

NY = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")


def item(state: ItemState, due: datetime | None, opens: datetime | None = None) -> PlanItem:
    return PlanItem("k", ItemKind.LETTER, 1, 1, 1, "Letter", "", state, due, opens)


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
