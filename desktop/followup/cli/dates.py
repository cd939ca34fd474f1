"""Commands about dates: deadline, call date, plans, the agenda, calendar export."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from followup import rules
from followup.agenda import agenda
from followup.calendar_export import calendar_of
from followup.cli.context import Context, parse_moment
from followup.date_style import PLAIN
from followup.errors import InvalidInput
from followup.plan import PlanItem, application_plan, round_plan
from followup.planner import all_items, items_between
from followup.validation import check_timezone


def _offset(moment: datetime) -> str:
    text = moment.strftime("%z")
    return f"{text[:3]}:{text[3:]}"


def deadline(ctx: Context) -> int:
    """The deadline is the end of a working day in the interview's real zone (``--tz``, else
    the user's), so a change of clocks between the interview and the deadline is followed."""
    text = ctx.args.interview_at
    zone = ZoneInfo(check_timezone(ctx.args.tz)) if ctx.args.tz else ctx.zone
    when = ctx.moment(text, "--interview-at", zone)
    where: tzinfo = zone
    note = ""
    if parse_moment(text, "--interview-at").tzinfo is not None:
        real = when.astimezone(zone)
        if real.utcoffset() != when.utcoffset():
            if ctx.args.tz:
                raise InvalidInput(
                    f"--interview-at: the offset {_offset(when)} is not {zone.key}'s on that "
                    f"day ({_offset(real)}); give the time without an offset, or the right one"
                )
            where = when.tzinfo or zone  # a place other than yours: only its offset is known
            note = (
                f"\n(At the fixed offset {_offset(when)}: give --tz with the interview's zone so "
                "a change of clocks before the deadline is followed.)"
            )
    result = rules.letter_deadline(when, ctx.calendar(), where)
    ctx.emit(
        {
            "due": result.due.isoformat(),
            "business_days": [d.isoformat() for d in result.business_days],
        },
        f"Letter due: {PLAIN.day_time(result.due)} {result.due:%z}"
        + (f" ({zone.key})" if where is zone else "")
        + f"\n{result.reason}{note}",
    )
    return 0


def call_date(ctx: Context) -> int:
    sent = ctx.day(ctx.args.letter_sent, "--letter-sent")
    result = rules.call_date(sent, ctx.calendar())
    ctx.emit(
        {"call_on": result.day.isoformat()}, f"Call on: {PLAIN.day(result.day)}\n{result.reason}"
    )
    return 0


def item_json(item: PlanItem) -> dict[str, Any]:
    data = asdict(item)
    for key in ("due", "opens", "done_at", "missed_at"):
        data[key] = data[key].isoformat() if data[key] else None
    return data


def _lines(items: list[PlanItem], zone: ZoneInfo) -> str:
    if not items:
        return "Nothing to do."
    rows = []
    for item in items:
        when = rules.shown_time(item.due, zone, PLAIN) if item.due else "(after the letter)"
        rows.append(f"[{item.state.value:^9}] {when}  {item.title}\n              {item.reason}")
    return "\n".join(rows)


def plan(ctx: Context) -> int:
    repo, settings = ctx.repo, ctx.settings
    cal = ctx.calendar()
    if ctx.args.round is not None:
        round_ = repo.round(ctx.args.round)
        names = repo.contact_names()
        items = round_plan(
            repo.application(round_.application_id),
            round_,
            names,
            repo.letters(round_.id),
            repo.calls(round_.id),
            cal,
            ctx.now,
            settings.plan(),
        )
    else:
        app = repo.application(ctx.args.app)
        items = application_plan(
            app, repo.inquiries(app.id), cal, ctx.zone, ctx.now, settings.plan()
        )
    ctx.emit([item_json(i) for i in items], _lines(items, ctx.zone))
    return 0


def _day_start(ctx: Context, text: str | None, what: str) -> datetime | None:
    if text is None:
        return None
    return datetime.combine(ctx.day(text, what), time(0), tzinfo=ctx.zone)


def _agenda_items(ctx: Context, start: datetime, end: datetime) -> list[PlanItem]:
    """What the agenda can show: every item of active applications (the overdue and the
    pending), and of the rest only what falls in the range (their interviews, done). Closed
    applications' items are done or cancelled, so their whole history need not be planned."""
    cal, plan = ctx.calendar(), ctx.settings.plan()
    items = {i.key: i for i in items_between(ctx.repo, cal, ctx.zone, ctx.now, start, end, plan)}
    items.update(
        (i.key, i) for i in all_items(ctx.repo, cal, ctx.zone, ctx.now, plan, active_only=True)
    )
    return list(items.values())


def agenda_cmd(ctx: Context) -> int:
    today = datetime.combine(ctx.now.astimezone(ctx.zone).date(), time(0), tzinfo=ctx.zone)
    start = _day_start(ctx, ctx.args.start, "--from") or today
    end = _day_start(ctx, ctx.args.end, "--to")
    if end is not None and end < start:
        since = f"--from {ctx.args.start.strip()}" if ctx.args.start else "today"
        raise InvalidInput(f"--to {ctx.args.end.strip()} is before {since}; nothing to show")
    end = end + timedelta(days=1) if end else start + timedelta(days=ctx.args.days)
    chosen = agenda(_agenda_items(ctx, start, end), start, end)
    ctx.emit([item_json(i) for i in chosen], _lines(chosen, ctx.zone))
    return 0


def export_ics(ctx: Context) -> int:
    data = calendar_of(ctx.repo, ctx.calendar(), ctx.zone, ctx.now, ctx.settings.plan())
    ctx.write_file(ctx.args.file, data)
    if ctx.args.file != "-":
        ctx.out.write(f"Wrote {ctx.args.file} ({data.count(b'BEGIN:VEVENT')} events)\n")
    return 0
