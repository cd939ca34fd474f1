"""Correct or delete one recorded letter, call or inquiry by id, whatever its stored values.

A record an old version or a hand edit left with values refused today (a year 9999, an
unknown channel, control characters) is named by every command; these put it right, or
remove it, one record and one transaction at a time. Edits of contacts, applications and
rounds start from the same repaired value (``stored``), so those can be fixed too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar, cast

from followup import transfer
from followup.cli.context import Context
from followup.date_style import PLAIN
from followup.errors import InvalidInput
from followup.model import Call, Channel, Inquiry, Letter
from followup.unreadable import Unreadable

T = TypeVar("T")


def stored(
    ctx: Context, kind: str, record_id: int, read: Callable[[int], T]
) -> tuple[T, Unreadable | None]:
    """The record as stored; one that cannot be read comes back repaired (bad fields
    replaced), with what was wrong, so an edit can put it right. Not found stays not found."""
    try:
        return read(record_id), None
    except InvalidInput:
        bad = ctx.repo.unreadable_record(kind, record_id)
        if bad is None or bad.repaired is None:
            raise
        return cast(T, bad.repaired), bad  # the same kind: it is kept by kind and id


def need_stand_ins(bad: Unreadable | None, given: dict[str, Any], options: dict[str, str]) -> None:
    """Refuse an edit that would store a made-up stand-in for a value that could not be read
    (the time, the channel): the user gives it, the app does not guess."""
    if bad is None:
        return
    missing = [
        f"{options[name]} ({bad.reason_for(name) or 'cannot be read'})"
        for name in bad.stand_ins
        if name in options and name not in given
    ]
    if missing:
        raise InvalidInput(f"{bad.kind} {bad.id} needs " + "; ".join(missing))


def _shown(ctx: Context, record: Any, human: str) -> int:
    ctx.emit(transfer.record(record), human)
    return 0


def _when(ctx: Context, record: Letter | Call | Inquiry) -> str:
    moment = record.made_at if isinstance(record, Call) else record.sent_at
    return PLAIN.day_time(moment.astimezone(ctx.zone))


# -- letters ----------------------------------------------------------------------------------


def letter_edit(ctx: Context) -> int:
    a = ctx.args
    old, bad = stored(ctx, "letter", a.id, ctx.repo.letter)
    changes: dict[str, Any] = {}
    if a.sent_at:
        changes["sent_at"] = ctx.moment(a.sent_at, "--sent-at")
    if a.channel:
        changes["channel"] = Channel(a.channel)
    need_stand_ins(bad, changes, {"sent_at": "--sent-at", "channel": "--channel"})
    letter = ctx.repo.fix_letter(replace(old, **changes), now=ctx.now)
    return _shown(
        ctx, letter, f"Updated letter {letter.id}: {letter.channel.label()}, {_when(ctx, letter)}"
    )


def letter_delete(ctx: Context) -> int:
    draft = ctx.repo.delete_letter(ctx.args.id, now=ctx.now)
    kept = "; its text is the draft again" if draft is not None else ""
    ctx.out.write(f"Deleted letter {ctx.args.id}{kept}\n")
    return 0


# -- calls ------------------------------------------------------------------------------------


def call_list(ctx: Context) -> int:
    calls = ctx.repo.calls(ctx.args.round)
    ctx.emit(
        [transfer.record(x) for x in calls],
        "\n".join(
            f"{x.id:>4}  round {x.round_id}  {_when(ctx, x)}"
            + (f"  {' '.join(x.outcome.split())[:60]}" if x.outcome else "")
            for x in calls
        )
        or "No calls yet.",
    )
    return 0


def call_edit(ctx: Context) -> int:
    a = ctx.args
    old, bad = stored(ctx, "call", a.id, ctx.repo.call)
    changes: dict[str, Any] = {}
    if a.made_at:
        changes["made_at"] = ctx.moment(a.made_at, "--made-at")
    if a.outcome is not None:
        changes["outcome"] = a.outcome
    need_stand_ins(bad, changes, {"made_at": "--made-at"})
    call = ctx.repo.fix_call(replace(old, **changes), now=ctx.now)
    return _shown(ctx, call, f"Updated call {call.id}: {_when(ctx, call)}")


def call_delete(ctx: Context) -> int:
    ctx.repo.delete_call(ctx.args.id)
    ctx.out.write(f"Deleted call {ctx.args.id}\n")
    return 0


# -- inquiries --------------------------------------------------------------------------------


def inquiry_list(ctx: Context) -> int:
    inquiries = ctx.repo.inquiries(ctx.args.app)
    ctx.emit(
        [transfer.record(x) for x in inquiries],
        "\n".join(
            f"{x.id:>4}  app {x.application_id}  {x.channel.label()}  {_when(ctx, x)}"
            for x in inquiries
        )
        or "No status inquiries yet.",
    )
    return 0


def inquiry_edit(ctx: Context) -> int:
    a = ctx.args
    old, bad = stored(ctx, "inquiry", a.id, ctx.repo.inquiry)
    changes: dict[str, Any] = {}
    if a.sent_at:
        changes["sent_at"] = ctx.moment(a.sent_at, "--sent-at")
    if a.channel:
        changes["channel"] = Channel(a.channel)
    need_stand_ins(bad, changes, {"sent_at": "--sent-at", "channel": "--channel"})
    inquiry: Inquiry = ctx.repo.fix_inquiry(replace(old, **changes), now=ctx.now)
    return _shown(
        ctx,
        inquiry,
        f"Updated inquiry {inquiry.id}: {inquiry.channel.label()}, {_when(ctx, inquiry)}",
    )


def inquiry_delete(ctx: Context) -> int:
    ctx.repo.delete_inquiry(ctx.args.id)
    ctx.out.write(f"Deleted status inquiry {ctx.args.id}\n")
    return 0
