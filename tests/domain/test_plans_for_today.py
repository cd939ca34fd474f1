"""Start-up plans Today's part first (``plans_for_today``): only the rounds still in play are
read and planned, the history after Today has painted. What Today, the tray, the reminders and
the app's one timer pick from it must be exactly what they pick from the whole plans — for
any history, moment, zone, business calendar and setting — and what it leaves out must be
history only: done, missed, or a call with no date because no letter went.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.agenda import agenda, coming_up
from followup.date_style import PLAIN
from followup.demo import populate
from followup.model import Status
from followup.plan import DEFAULT_PLAN, ItemState, PlanItem, PlanSettings
from followup.planner import plans_by_application
from followup.reminders import reminders_for
from followup.storage import Database, Repository
from followup.timeline import next_change
from followup.today_plans import plans_for_today, settled_before
from followup.workdays import WorkCalendar

from .test_planner import BUILT, ZONES, Spelled, build_varied, calendars, moments

Plans = dict[int, list[PlanItem]]
Calendar = tuple[tuple[str | None, str | None], frozenset[int], frozenset[date], time]


def flat(plans: Plans) -> list[PlanItem]:
    return [item for items in plans.values() for item in items]


def history(item: PlanItem) -> bool:
    """Nothing to do, nothing waiting, nothing that changes by itself."""
    return item.state in (ItemState.DONE, ItemState.MISSED) or (
        item.state is ItemState.WAITING and item.due is None
    )


def assert_today_the_same(
    part: Plans, whole: Plans, cal: WorkCalendar, zone: ZoneInfo, now: datetime
) -> None:
    mine, theirs = flat(part), flat(whole)
    # what the part holds is the whole's, in the whole's order; what it leaves out is history
    kept = iter(theirs)
    assert all(any(item == other for other in kept) for item in mine)
    keys = {item.key for item in mine}
    assert all(history(item) for item in theirs if item.key not in keys)
    assert set(part) <= set(whole)
    # Today's week and what comes after it, the reminders, the timer's next wake-up
    start = datetime.combine(now.astimezone(zone).date(), time(0), tzinfo=zone)
    end = start + timedelta(days=7)
    assert agenda(mine, start, end) == agenda(theirs, start, end)
    assert coming_up(mine, end) == coming_up(theirs, end)
    assert reminders_for(mine, cal, zone) == reminders_for(theirs, cal, zone)
    assert next_change(mine, now, zone) == next_change(theirs, now, zone)


@pytest.fixture(scope="module")
def varied(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    path = tmp_path_factory.mktemp("varied-today") / "varied.sqlite3"
    build_varied(path, seed=21)
    return Repository(Database.open(path, BUILT))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    calendar=calendars,
    now=moments,
    quiet=st.integers(0, 30),
    spelled=st.booleans(),
    zone=st.sampled_from(ZONES),
)
def test_today_picks_the_same_from_its_part_as_from_the_whole_plans(
    varied: Repository, calendar: Calendar, now: datetime, quiet: int, spelled: bool, zone: str
) -> None:
    (country, subdiv), workdays, days_off, end = calendar
    cal = WorkCalendar(country, subdiv, workdays, days_off, end)
    plan = PlanSettings(quiet_days=quiet, dates=Spelled() if spelled else PLAIN)
    user = ZoneInfo(zone)
    part = plans_for_today(varied, cal, user, now, plan)
    whole = plans_by_application(varied, cal, user, now, plan, active_only=True)
    assert_today_the_same(part, whole, cal, user, now)


@pytest.mark.parametrize(
    "now",
    [
        BUILT,
        datetime(2026, 11, 1, 6, 30, tzinfo=UTC),  # the US clock change, before and after
        datetime(2026, 11, 1, 5, 30, tzinfo=UTC),
        datetime(2026, 11, 26, 16, tzinfo=UTC),  # Thanksgiving
        datetime(2027, 1, 1, 4, 59, tzinfo=UTC),  # New Year's Eve in New York, 23:59
        datetime(2027, 3, 14, 7, 30, tzinfo=UTC),
        datetime(2029, 6, 1, 12, tzinfo=UTC),  # years on: the whole demo is history
    ],
)
def test_the_demo_history_gives_today_the_same(tmp_path: Path, now: datetime) -> None:
    database = Database.open(tmp_path / "demo.sqlite3", BUILT)
    repo = Repository(database)
    populate(repo, BUILT, ZoneInfo("America/New_York"), count=400, seed=5)
    cal = WorkCalendar("US", None, frozenset(range(5)), frozenset({date(2026, 11, 27)}))
    user = ZoneInfo("America/New_York")
    part = plans_for_today(repo, cal, user, now, DEFAULT_PLAN)
    whole = plans_by_application(repo, cal, user, now, DEFAULT_PLAN, active_only=True)
    assert_today_the_same(part, whole, cal, user, now)
    # and it is a part: most rounds of the demo are long over
    assert len(flat(part)) < len(flat(whole)) / 2
    database.close()


@pytest.mark.parametrize(
    ("cal", "quiet"),
    [
        (WorkCalendar("US"), 14),
        (WorkCalendar("DE", "BY", frozenset({6, 0, 1, 2, 3})), 0),
        (WorkCalendar(None, None, frozenset({2}), frozenset({date(2026, 11, 25)})), 30),
    ],
)
def test_settled_moments_come_before_any_miss(
    varied: Repository, cal: WorkCalendar, quiet: int
) -> None:
    """A round that ended before ``ended_before`` has every letter done or missed; one whose
    first letter went before ``sent_before`` has its call done or missed: checked on every
    round of the varied history, at many moments."""
    plan = PlanSettings(quiet_days=quiet)
    for days in range(0, 700, 13):
        now = datetime(2025, 9, 1, 3, tzinfo=UTC) + timedelta(days=days, hours=days % 24)
        settled = settled_before(cal, now, plan)
        assert settled is not None and settled.ended_before < now - timedelta(days=10)
        whole = plans_by_application(varied, cal, ZoneInfo("UTC"), now, plan, active_only=True)
        rounds = {r.id: r for r in varied.rounds()}
        letters = varied.letters()
        for item in flat(whole):
            if item.round_id is None:
                continue
            round_ = rounds[item.round_id]
            if item.kind.value == "letter" and round_.ends_at < settled.ended_before:
                assert item.state in (ItemState.DONE, ItemState.MISSED)
            sent = [x.sent_at for x in letters if x.round_id == round_.id]
            if item.kind.value == "call" and sent and min(sent) < settled.sent_before:
                assert item.state in (ItemState.DONE, ItemState.MISSED)


def test_an_application_whose_rounds_cannot_be_read_is_planned_as_the_whole_plans_do(
    tmp_path: Path,
) -> None:
    """Its only round, long over, is unreadable (a hand edit): the whole plans see no round
    and plan it as an online application; Today's part must too, and the round is named."""
    path = tmp_path / "damaged.sqlite3"
    database = Database.open(path, BUILT)
    repo = Repository(database)
    populate(repo, BUILT, ZoneInfo("America/New_York"), count=60, seed=5)
    active = {a.id for a in repo.applications() if a.status is Status.ACTIVE}
    long_ago = BUILT - timedelta(days=200)
    old = next(r for r in repo.rounds() if r.application_id in active and r.starts_at < long_ago)
    database.close()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE rounds SET timezone = 'Mars/Olympus' WHERE id = ?", (old.id,))
    database = Database.open(path, BUILT)
    repo = Repository(database)
    cal, user = WorkCalendar("US"), ZoneInfo("America/New_York")
    part = plans_for_today(repo, cal, user, BUILT)
    assert [u.id for u in repo.unreadable()] == [old.id]
    whole = plans_by_application(repo, cal, user, BUILT, active_only=True)
    assert part[old.application_id] == whole[old.application_id] != []
    assert_today_the_same(part, whole, cal, user, BUILT)
    database.close()
