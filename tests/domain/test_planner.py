"""The planner's fast paths plan exactly what a straightforward reading of the rules plans.

Start-up plans about a thousand rounds, so the planner keeps each day's business-day answers
(``WorkCalendar``), works out each interview day's deadline and each letter day's call once
per pass (``RuleDays``), and reads stored rows with quick checks. Here a varied database (time
zones from Auckland to Los Angeles, interviews on and around clock changes and holidays, late
hours whose date differs in UTC, several interviewers, second letters and calls on record,
closed applications, online ones) and the demo history are planned both ways, for any moment,
calendar and settings: the items must be the same, in the same order, word for word.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup import holiday_dates, rules
from followup.date_style import MONTH_NAMES, PLAIN, WEEKDAY_NAMES, DateStyle
from followup.demo import populate
from followup.errors import InvalidInput
from followup.model import (
    Application,
    Call,
    Channel,
    Contact,
    Inquiry,
    Letter,
    Override,
    Round,
    RoundKind,
    Source,
    Status,
)
from followup.plan import (
    DEFAULT_PLAN,
    MORNING,
    ItemKind,
    ItemState,
    PlanItem,
    PlanSettings,
    RuleDays,
    _finished,
    _state,
    _suggestion_state,
    application_plan,
)
from followup.planner import plans_by_application
from followup.storage import Database, Repository
from followup.timeline import JUST_AFTER, next_change, next_midnight
from followup.workdays import WorkCalendar

BUILT = datetime(2026, 11, 27, 15, tzinfo=UTC)
ZONES = (
    "America/New_York",
    "America/Los_Angeles",
    "Europe/Berlin",
    "Pacific/Auckland",
    "Asia/Kolkata",
    "Australia/Lord_Howe",  # a half-hour clock change
    "UTC",
)
# Clock changes (US, EU, New Zealand, Lord Howe) and holidays (Thanksgiving, Christmas, New
# Year, Independence Day observed, Memorial Day, German Unity Day), and the days around them.
SPECIAL = (
    date(2026, 3, 8),
    date(2026, 11, 1),
    date(2026, 3, 29),
    date(2026, 10, 25),
    date(2026, 4, 5),
    date(2026, 9, 27),
    date(2026, 10, 4),
    date(2026, 11, 26),
    date(2026, 12, 24),
    date(2026, 12, 31),
    date(2026, 7, 3),
    date(2026, 5, 25),
    date(2026, 10, 3),
    date(2027, 3, 14),
)
EXCEPTION = Override("second-letter", "set up by the test", BUILT)


class Straightforward(WorkCalendar):
    """The business calendar with no memo: every answer worked out again from the rules."""

    def why_not_business(self, day: date) -> str | None:
        if day.weekday() not in self.workdays:
            return "the weekend"
        if day in self.days_off:
            return "your day off"
        if self.country is None:
            return None
        return holiday_dates.holidays_in(self.country, self.subdiv, day.year).get(day)

    def nth_business_day_after(self, day: date, n: int) -> date:
        found = 0
        for step in range(1, 801):
            current = day + timedelta(days=step)
            if self.why_not_business(current) is None:
                found += 1
                if found == n:
                    return current
        raise InvalidInput("no business day found within two years")

    def next_business_day(self, day: date) -> date:
        return self.nth_business_day_after(day, 1)

    def on_or_next_business_day(self, day: date) -> date:
        return day if self.why_not_business(day) is None else self.nth_business_day_after(day, 1)


class Spelled:
    """A style of naming days other than PLAIN (as the GUI's locale style is)."""

    def day(self, day: date) -> str:
        return f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"

    def time(self, moment: time | datetime) -> str:
        return f"{moment.hour % 12 or 12}:{moment.minute:02d} {'PM' if moment.hour >= 12 else 'AM'}"

    def day_time(self, moment: datetime) -> str:
        return f"{self.day(moment.date())}, {self.time(moment)}"

    def weekday(self, day: date) -> str:
        return WEEKDAY_NAMES[day.weekday()].upper()


def straight_round_plan(
    app: Application,
    round_: Round,
    names: dict[int, str],
    letters: Sequence[Letter],
    calls: Sequence[Call],
    cal: WorkCalendar,
    now: datetime,
    settings: PlanSettings = DEFAULT_PLAN,
) -> list[PlanItem]:
    """Interview → one letter per interviewer → one call → ready to close (as first written)."""
    zone = ZoneInfo(round_.timezone)
    finished = _finished(app)
    who = f"{app.company} — {app.role}"
    items = [
        PlanItem(
            key=f"round-{round_.id}-interview",
            kind=ItemKind.INTERVIEW,
            application_id=app.id,
            round_id=round_.id,
            contact_id=None,
            title=f"Interview: {who}",
            reason=f"{round_.kind.value.capitalize()} interview"
            + (f": {round_.title}" if round_.title else ""),
            state=ItemState.DONE
            if now >= round_.ends_at
            else (ItemState.CANCELLED if finished else ItemState.UPCOMING),
            due=round_.starts_at.astimezone(zone),
            done_at=round_.ends_at if now >= round_.ends_at else None,
        )
    ]
    dates = settings.dates
    deadline = rules.letter_deadline(round_.starts_at, cal, zone, dates)
    # A letter not sent by the day its call would have been (had it gone on time) is missed:
    # thanking them then would be odd, and an overdue list of months-old letters helps no one.
    letter_missed = datetime.combine(
        rules.call_date(deadline.business_days[1], cal, dates).day + timedelta(days=1),
        time(0),
        zone,
    )
    sent: dict[int, Letter] = {}
    for each in sorted(letters, key=lambda x: x.sent_at):
        if each.round_id == round_.id:
            sent.setdefault(each.contact_id, each)  # the first counts; overrides come later
    recipients: list[int | None] = list(round_.interviewer_ids) or [None]
    for contact_id in recipients:
        letter = sent.get(contact_id) if contact_id is not None else None
        name = names.get(contact_id) if contact_id is not None else None
        state = _state(
            now, deadline.due, round_.ends_at, letter.sent_at if letter else None, finished
        )
        if state is ItemState.OVERDUE and now >= letter_missed:
            state = ItemState.MISSED
        reason = deadline.reason
        if contact_id is None:
            reason += " Add who interviewed you, so the letter has a named recipient."
        if round_.decision_on is not None and round_.decision_on <= deadline.business_days[1]:
            reason += f" They decide on {dates.day(round_.decision_on)}: send it early."
        items.append(
            PlanItem(
                key=f"round-{round_.id}-letter-{contact_id or 0}",
                kind=ItemKind.LETTER,
                application_id=app.id,
                round_id=round_.id,
                contact_id=contact_id,
                # The company too: the tray and the banner show only this line.
                title=f"Thank-you letter to {name} at {app.company}"
                if name
                else f"Thank-you letter for {app.company}",
                reason=reason,
                state=state,
                due=deadline.due,
                opens=round_.ends_at,
                done_at=letter.sent_at if letter else None,
                missed_at=letter_missed,
            )
        )
    first_sent = min((letter.sent_at for letter in sent.values()), default=None)
    call = next((c for c in calls if c.round_id == round_.id), None)
    # The call follows up the letter that went first: its person; before any letter, the
    # first interviewer.
    callee = next(iter(sent), None) if sent else recipients[0]
    caller = names.get(callee) if callee is not None else None
    quiet_end = None
    if first_sent is None:
        call_due = None
        call_reason = "A week after your letter is sent: one brief call, never a second."
        call_state = ItemState.CANCELLED if finished else ItemState.WAITING
    else:
        planned = rules.call_date(first_sent.astimezone(zone).date(), cal, dates)
        call_due = datetime.combine(planned.day, cal.end_of_day, tzinfo=zone)
        call_reason = planned.reason + " One brief call; don't ask for a decision."
        opens = datetime.combine(planned.day, time(0), tzinfo=zone)
        call_state = _state(now, call_due, opens, call.made_at if call else None, finished)
        quiet_end = datetime.combine(
            planned.day + timedelta(days=settings.quiet_days), time(0), zone
        )
        if call_state is ItemState.OVERDUE and now >= quiet_end:
            call_state = ItemState.MISSED  # by the time it would be closed as "no response"
    items.append(
        PlanItem(
            key=f"round-{round_.id}-call",
            kind=ItemKind.CALL,
            application_id=app.id,
            round_id=round_.id,
            contact_id=callee,
            title=f"Phone call to {caller} at {app.company}" if caller else f"Phone call: {who}",
            reason=call_reason,
            state=call_state,
            due=call_due,
            opens=call_due.replace(hour=0, minute=0) if call_due else None,
            done_at=call.made_at if call else None,
            missed_at=quiet_end,
        )
    )
    if call is not None:
        close_on = rules.close_date(call.made_at.astimezone(zone).date(), settings.quiet_days)
        due = datetime.combine(close_on, MORNING, tzinfo=zone)
        items.append(
            PlanItem(
                key=f"round-{round_.id}-close",
                kind=ItemKind.CLOSE,
                application_id=app.id,
                round_id=round_.id,
                contact_id=None,
                title=f"Close as “no response”: {who}",
                reason=f"{settings.quiet_days} quiet days since your call. Candidates who were "
                "not chosen are often never told; close it rather than contact them again.",
                state=_suggestion_state(now, due, None, finished),
                due=due,
                opens=due,
            )
        )
    return items


def straight_plans(
    repo: Repository,
    cal: WorkCalendar,
    zone: ZoneInfo,
    now: datetime,
    settings: PlanSettings,
    *,
    active_only: bool,
) -> dict[int, list[PlanItem]]:
    """Every record read in full, each round planned on its own."""
    apps = {a.id: a for a in repo.applications() if not active_only or a.status is Status.ACTIVE}
    rounds = repo.rounds()
    letters, calls, inquiries = repo.letters(), repo.calls(), repo.inquiries()
    names = repo.contact_names()
    plans: dict[int, list[PlanItem]] = {app_id: [] for app_id in apps}
    for r in rounds:
        if r.application_id in apps:
            plans[r.application_id] += straight_round_plan(
                apps[r.application_id],
                r,
                names,
                [x for x in letters if x.round_id == r.id],
                [x for x in calls if x.round_id == r.id],
                cal,
                now,
                settings,
            )
    with_rounds = {r.application_id for r in rounds}
    for app in apps.values():
        if app.id not in with_rounds:
            mine = [i for i in inquiries if i.application_id == app.id]
            plans[app.id] = application_plan(app, mine, cal, zone, now, settings)
    return plans


def _moment(rng: random.Random, zone: str) -> datetime:
    if rng.random() < 0.6:
        day = rng.choice(SPECIAL) + timedelta(days=rng.randint(-3, 3))
    else:
        day = date(2025, 6, 1) + timedelta(days=rng.randint(0, 700))
    at = time(rng.randint(0, 23), rng.choice((0, 15, 30, 45)))
    return datetime.combine(day, at, tzinfo=ZoneInfo(zone))


def build_varied(path: Path, seed: int = 12) -> None:
    """Applications with rounds, letters and calls as people record them, written with the
    value rules but without the etiquette's refusals (second letters and early calls too)."""
    rng = random.Random(seed)
    database = Database.open(path, BUILT)
    repo = Repository(database)
    with database.transaction() as cur:
        people = [
            repo.insert_contact(cur, Contact(0, f"Person {i}", company=f"Firm {i % 4}")).id
            for i in range(15)
        ]
        for index in range(140):
            online = rng.random() < 0.2
            app = repo.insert_application(
                cur,
                Application(
                    0,
                    f"Firm {index % 9}",
                    rng.choice(("Engineer", "Analyst", "Designer")),
                    applied_on=(date(2025, 9, 1) + timedelta(days=rng.randint(0, 500)))
                    if online or rng.random() < 0.5
                    else None,
                    source=Source.PORTAL,
                    status=rng.choices(list(Status), weights=(7, 1, 1, 1))[0],
                    contact_id=rng.choice((None, *people[:3])),
                ),
            )
            if online:
                if app.applied_on is not None and rng.random() < 0.6:
                    sent = datetime.combine(
                        app.applied_on + timedelta(days=rng.randint(1, 30)), time(15), UTC
                    )
                    repo.insert_inquiry(cur, Inquiry(0, app.id, Channel.EMAIL, sent))
                continue
            for _ in range(rng.randint(1, 3)):
                zone = rng.choice(ZONES)
                starts = _moment(rng, zone)
                first = rng.random() < 0.5
                r = repo.insert_round(
                    cur,
                    Round(
                        0,
                        app.id,
                        starts,
                        starts + timedelta(minutes=rng.choice((30, 60, 90, 240))),
                        zone,
                        kind=rng.choice(list(RoundKind)),
                        title=rng.choice(("", "with the team", "Final")),
                        interviewer_ids=tuple(rng.sample(people, rng.randint(0, 3))),
                        decision_on=starts.date() + timedelta(days=rng.randint(-1, 6))
                        if rng.random() < 0.3
                        else None,
                    ),
                )
                sent_on: list[datetime] = []
                for person in r.interviewer_ids:
                    if rng.random() < 0.65:
                        sent = r.ends_at + timedelta(hours=rng.randint(0, 150))
                        sent_on.append(sent)
                        letter = Letter(0, r.id, person, Channel.EMAIL, sent)
                        repo.insert_letter(cur, letter)
                        if rng.random() < 0.15:  # a second letter, by post, on record
                            later = sent - timedelta(hours=rng.randint(-30, 30))
                            repo.insert_letter(
                                cur, Letter(0, r.id, person, Channel.POST, later, EXCEPTION)
                            )
                if sent_on and (first or rng.random() < 0.6):
                    made = min(sent_on) + timedelta(days=rng.randint(4, 25), hours=3)
                    repo.insert_call(cur, Call(0, r.id, made, "brief"))
    database.close()


@pytest.fixture(scope="module")
def varied(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    path = tmp_path_factory.mktemp("varied") / "varied.sqlite3"
    build_varied(path)
    return Repository(Database.open(path, BUILT))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = Database.open(path, BUILT)
    populate(Repository(database), BUILT, ZoneInfo("America/New_York"), count=150, seed=3)
    return Repository(database)


calendars = st.tuples(
    st.sampled_from(((None, None), ("US", None), ("US", "CA"), ("DE", "BY"), ("NZ", None))),
    st.sampled_from(
        (frozenset(range(5)), frozenset({6, 0, 1, 2, 3}), frozenset({0, 1, 2, 3, 4, 5}))
    ),
    st.frozensets(st.dates(date(2026, 3, 1), date(2027, 1, 31)), max_size=12),
    st.sampled_from((time(17), time(16, 30), time(23, 59))),
)
moments = st.datetimes(
    datetime(2025, 9, 1), datetime(2027, 6, 30), timezones=st.just(UTC)
) | st.sampled_from(SPECIAL).map(lambda d: datetime.combine(d, time(7, 30), UTC))


def both_ways(
    repo: Repository,
    calendar: tuple[tuple[str | None, str | None], frozenset[int], frozenset[date], time],
    now: datetime,
    plan: PlanSettings,
    zone: ZoneInfo,
    *,
    active_only: bool,
) -> tuple[dict[int, list[PlanItem]], dict[int, list[PlanItem]], WorkCalendar]:
    (country, subdiv), workdays, days_off, end = calendar
    fast = WorkCalendar(country, subdiv, workdays, days_off, end)
    mine = plans_by_application(repo, fast, zone, now, plan, active_only=active_only)
    straight = Straightforward(country, subdiv, workdays, days_off, end)
    theirs = straight_plans(repo, straight, zone, now, plan, active_only=active_only)
    return mine, theirs, fast


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    calendar=calendars,
    now=moments,
    quiet=st.integers(1, 30),
    wait=st.integers(1, 15),
    spelled=st.booleans(),
    active_only=st.booleans(),
    zone=st.sampled_from(ZONES),
)
def test_plans_are_those_of_the_rules_read_straight(
    varied: Repository,
    calendar: tuple[tuple[str | None, str | None], frozenset[int], frozenset[date], time],
    now: datetime,
    quiet: int,
    wait: int,
    spelled: bool,
    active_only: bool,
    zone: str,
) -> None:
    dates: DateStyle = Spelled() if spelled else PLAIN
    plan = PlanSettings(quiet_days=quiet, inquiry_wait=wait, dates=dates)
    mine, theirs, cal = both_ways(
        varied, calendar, now, plan, ZoneInfo(zone), active_only=active_only
    )
    assert list(mine.items()) == list(theirs.items())
    again = plans_by_application(varied, cal, ZoneInfo(zone), now, plan, active_only=active_only)
    assert again == theirs  # the calendar's memos, now full, answer the same
    some = sorted(theirs)[::5]
    only = plans_by_application(
        varied, cal, ZoneInfo(zone), now, plan, active_only=active_only, only=some
    )
    assert only == {app_id: theirs[app_id] for app_id in some}


def test_the_varied_database_has_what_it_claims(varied: Repository) -> None:
    """The comparison above means something: every kind of item and state turns up."""
    now = datetime(2026, 11, 27, 15, tzinfo=UTC)
    plans = plans_by_application(varied, WorkCalendar("US"), UTC, now)
    items = [item for items in plans.values() for item in items]
    assert {i.kind for i in items} == set(ItemKind)
    assert {i.state for i in items} >= set(ItemState) - {ItemState.DUE}
    assert any("moved this to" in i.reason for i in items)
    assert any("They decide on" in i.reason for i in items)
    assert len({r.timezone for r in varied.rounds()}) == len(ZONES)


@pytest.mark.parametrize(
    "now",
    [
        BUILT,
        datetime(2026, 11, 1, 6, 30, tzinfo=UTC),  # the US clock change, before and after
        datetime(2026, 11, 1, 5, 30, tzinfo=UTC),
        datetime(2026, 11, 26, 16, tzinfo=UTC),  # Thanksgiving
        datetime(2027, 1, 1, 4, 59, tzinfo=UTC),  # New Year's Eve in New York, 23:59
        datetime(2027, 3, 14, 7, 30, tzinfo=UTC),
    ],
)
def test_the_demo_history_is_planned_the_same(demo: Repository, now: datetime) -> None:
    calendar = (("US", None), frozenset(range(5)), frozenset({date(2026, 11, 27)}), time(17))
    for active_only in (True, False):
        mine, theirs, _ = both_ways(
            demo, calendar, now, DEFAULT_PLAN, ZoneInfo("America/New_York"), active_only=active_only
        )
        assert list(mine.items()) == list(theirs.items())
        assert sum(map(len, mine.values())) > 50


def test_names_kept_for_a_pass_follow_each_moments_own_clock() -> None:
    """Two equal aware moments read on different clocks are each named as its clock reads
    it, however many times a pass names them."""
    kept = RuleDays(WorkCalendar(), PLAIN).dates
    ny = datetime(2026, 11, 25, 23, 30, tzinfo=ZoneInfo("America/New_York"))
    auckland = ny.astimezone(ZoneInfo("Pacific/Auckland"))
    assert ny == auckland
    assert (kept.time(ny), kept.time(auckland)) == ("23:30", "17:30")
    assert (kept.day(ny), kept.day(auckland)) == (PLAIN.day(ny), PLAIN.day(auckland))
    assert kept.time(time(17)) == kept.time(time(17)) == "17:00"
    assert kept.day(date(2026, 11, 26)) == "Thu 2026-11-26" == kept.day(date(2026, 11, 26))
    assert kept.weekday(date(2026, 11, 30)) == "Monday"


WALKS = (
    (WorkCalendar("US", None, frozenset(range(5)), frozenset(), time(17)), "America/New_York", 14),
    (WorkCalendar("NZ", None, frozenset(range(6)), frozenset(), time(17)), "Asia/Kolkata", 1),
    (
        WorkCalendar(None, None, frozenset({6, 0, 1, 2, 3}), frozenset(), time(23, 59)),
        "Australia/Lord_Howe",
        3,
    ),
)


@pytest.mark.parametrize(("cal", "zone", "quiet"), WALKS, ids=["US", "Kolkata", "Lord-Howe"])
def test_plans_hold_from_moment_to_moment_of_the_timeline(
    varied: Repository, cal: WorkCalendar, zone: str, quiet: int
) -> None:
    """What the app's timer relies on when a reminder wakes it, walked through the weeks
    around the varied history, from each moment the timeline names to the next: the plans it
    keeps (the active applications') made again just before the next moment, and at a moment
    in between, are the same, item for item (states, dates, words). A state that changes by
    itself at a moment the timeline does not name would stay wrong on screen until the next
    one (found so: a missed letter, a "find a contact" suggestion that opens, an interview
    ending with its letter already recorded). The timer wakes a second after a deadline
    (``JUST_AFTER``): the plans may lag it by that second."""
    rng = random.Random(zone)
    where, plan = ZoneInfo(zone), PlanSettings(quiet_days=quiet)

    def planned(moment: datetime) -> dict[int, list[PlanItem]]:
        return plans_by_application(varied, cal, where, moment, plan, active_only=True)

    moment, end, met = datetime(2026, 10, 20, tzinfo=UTC), datetime(2027, 1, 10, tzinfo=UTC), 0
    while moment < end:
        before = planned(moment)
        change = next_change([i for items in before.values() for i in items], moment, where)
        for probe in {max(change - JUST_AFTER, moment), moment + (change - moment) * rng.random()}:
            if probe <= change - JUST_AFTER:
                assert planned(probe) == before, f"from {moment} to {change}, at {probe}"
        met += change != next_midnight(moment, where)
        moment = change + JUST_AFTER
    assert met > 100  # the walk met the history's moments, not only midnights
