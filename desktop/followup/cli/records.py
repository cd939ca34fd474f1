"""Commands that add, list, edit and delete records, and record what was sent or made."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any
from zoneinfo import ZoneInfo

from followup import rules, transfer
from followup.cli.arguments import EXPORT_BYTES, read_input
from followup.cli.context import Context
from followup.cli.repairs import need_stand_ins, stored
from followup.date_style import PLAIN
from followup.errors import InvalidInput, Refusal
from followup.model import (
    Application,
    Channel,
    Contact,
    Override,
    PostalAddress,
    Round,
    RoundKind,
    Source,
    Status,
    check_timezone,
)
from followup.setting_checks import check_all
from followup.setting_kinds import Kind, Setting
from followup.settings import BY_KEY, SETTINGS


def _given(args: Any, name: str) -> bool:
    return getattr(args, name, None) is not None


def _contact_line(c: Contact) -> str:
    extra = ", ".join(x for x in (c.title, c.company, c.email) if x)
    return f"{c.id:>4}  {c.name}" + (f" ({extra})" if extra else "")


def _show(ctx: Context, record: Any, human: str) -> int:
    ctx.emit(transfer.record(record), human)
    return 0


# -- contacts -------------------------------------------------------------------------------


def contact_add(ctx: Context) -> int:
    a = ctx.args
    contact = Contact(
        0,
        a.name,
        a.title or "",
        a.company or "",
        a.email or "",
        a.phone or "",
        PostalAddress.parse(a.address or ""),
    )
    contact = ctx.repo.add_contact(contact)
    return _show(ctx, contact, f"Added contact {contact.id}: {contact.name}")


def contact_edit(ctx: Context) -> int:
    a = ctx.args
    old, bad = stored(ctx, "contact", a.id, ctx.repo.contact)
    changes: dict[str, Any] = {
        k: getattr(a, k) for k in ("name", "title", "company", "email", "phone") if _given(a, k)
    }
    if _given(a, "address"):
        changes["address"] = PostalAddress.parse(a.address)
    need_stand_ins(bad, changes, {})
    contact = ctx.repo.update_contact(replace(old, **changes))
    return _show(ctx, contact, f"Updated contact {contact.id}: {contact.name}")


def contact_list(ctx: Context) -> int:
    contacts = ctx.repo.contacts()
    ctx.emit(
        [transfer.record(c) for c in contacts],
        "\n".join(_contact_line(c) for c in contacts) or "No contacts yet.",
    )
    return 0


def contact_show(ctx: Context) -> int:
    c = ctx.repo.contact(ctx.args.id)
    address = ("\n      " + str(c.address).replace("\n", "\n      ")) if c.address else ""
    return _show(ctx, c, _contact_line(c) + (f"\n      {c.phone}" if c.phone else "") + address)


def contact_delete(ctx: Context) -> int:
    ctx.repo.delete_contact(ctx.args.id, with_drafts=ctx.args.with_drafts)
    ctx.out.write(f"Deleted contact {ctx.args.id}\n")
    return 0


# -- applications ---------------------------------------------------------------------------


def _app_line(app: Application) -> str:
    return f"{app.id:>4}  {_app_words(app)}"


def _app_words(app: Application) -> str:
    """The application without its id (for a line that names the id already)."""
    when = f"  applied {PLAIN.day(app.applied_on)}" if app.applied_on else ""
    return f"{app.company} — {app.role}  [{app.status.value}]{when}"


def app_add(ctx: Context) -> int:
    a = ctx.args
    app = Application(
        0,
        a.company,
        a.role,
        a.url or "",
        ctx.day(a.applied_on, "--applied-on") if a.applied_on else None,
        Source(a.source),
        contact_id=a.contact,
    )
    app = ctx.repo.add_application(app)
    return _show(ctx, app, f"Added application {app.id}: {app.company} — {app.role}")


def app_edit(ctx: Context) -> int:
    a = ctx.args
    old, bad = stored(ctx, "application", a.id, ctx.repo.application)
    changes: dict[str, Any] = {}
    for name, field_name in (
        ("company", "company"),
        ("role", "role"),
        ("url", "posting_url"),
        ("contact", "contact_id"),
    ):
        if _given(a, name):
            changes[field_name] = getattr(a, name)
    if _given(a, "applied_on"):
        changes["applied_on"] = ctx.day(a.applied_on, "--applied-on") if a.applied_on else None
    if _given(a, "source"):
        changes["source"] = Source(a.source)
    need_stand_ins(bad, changes, {})
    app = ctx.repo.update_application(replace(old, **changes))
    return _show(ctx, app, f"Updated application {app.id}: {_app_words(app)}")


def app_list(ctx: Context) -> int:
    apps = ctx.repo.applications()
    ctx.emit(
        [transfer.record(x) for x in apps],
        "\n".join(_app_line(x) for x in apps) or "No applications yet.",
    )
    return 0


def app_show(ctx: Context) -> int:
    app = ctx.repo.application(ctx.args.id)
    rounds = ctx.repo.rounds(app.id)
    human = _app_line(app) + "".join(
        f"\n      round {r.id}: {r.kind.value} {PLAIN.day_time(r.starts_at.astimezone(ctx.zone))}"
        for r in rounds
    )
    data = transfer.record(app) | {"rounds": [r.id for r in rounds]}
    ctx.emit(data, human)
    return 0


def app_delete(ctx: Context) -> int:
    ctx.repo.delete_application(ctx.args.id)
    ctx.out.write(f"Deleted application {ctx.args.id} with its rounds\n")
    return 0


def app_status(ctx: Context) -> int:
    status = Status(ctx.args.status)
    app = ctx.repo.set_status(ctx.args.id, status, ctx.args.reason or "")
    return _show(ctx, app, f"Application {app.id} is now {status.value}")


# -- rounds ---------------------------------------------------------------------------------


def _round_line(ctx: Context, r: Round) -> str:
    return f"{r.id:>4}  {_round_words(ctx, r)}"


def _round_words(ctx: Context, r: Round) -> str:
    """On the user's clock, then the place's when it keeps another (as agenda and plan say);
    without the round's id (for a line that names it already)."""
    start = rules.shown_time(r.starts_at.astimezone(ZoneInfo(r.timezone)), ctx.zone, PLAIN)
    return f"app {r.application_id}  {start}  {r.kind.value}" + (f"  {r.title}" if r.title else "")


def _zone_name(ctx: Context) -> str:
    name = ctx.args.tz or ctx.zone.key
    check_timezone(name)
    return str(name)


def round_add(ctx: Context) -> int:
    a = ctx.args
    zone = _zone_name(ctx)
    # A start without an offset is a clock reading where the interview took place.
    start = ctx.moment(a.start, "--start", ZoneInfo(zone))
    end = ctx.moment(a.end, "--end", ZoneInfo(zone)) if a.end else None
    if end is None:
        raise InvalidInput("--end is required: when did the interview end?")
    r = Round(
        0,
        a.app,
        start,
        end,
        zone,
        RoundKind(a.kind),
        a.title or "",
        tuple(a.interviewer or ()),
        tuple(a.topic or ()),
        tuple(a.strength or ()),
        a.next_steps or "",
        ctx.day(a.decision_on, "--decision-on") if a.decision_on else None,
        a.notes or "",
    )
    r = ctx.repo.add_round(r)
    return _show(ctx, r, f"Added round {r.id}: {_round_words(ctx, r)}")


def round_edit(ctx: Context) -> int:
    a = ctx.args
    old, bad = stored(ctx, "interview round", a.id, ctx.repo.round)
    changes: dict[str, Any] = {}
    if a.tz:
        changes["timezone"] = _zone_name(ctx)
    # Clock readings are read in the round's zone (the new one, with --tz), as ``round add``.
    zone = ZoneInfo(changes.get("timezone", old.timezone))
    if a.start:
        changes["starts_at"] = ctx.moment(a.start, "--start", zone)
    if a.end:
        changes["ends_at"] = ctx.moment(a.end, "--end", zone)
    if a.kind:
        changes["kind"] = RoundKind(a.kind)
    for name in ("title", "next_steps", "notes"):
        if _given(a, name):
            changes[name] = getattr(a, name)
    for name, field_name in (
        ("interviewer", "interviewer_ids"),
        ("topic", "topics"),
        ("strength", "strengths"),
    ):
        if _given(a, name):
            changes[field_name] = tuple(getattr(a, name))
    if _given(a, "decision_on"):
        changes["decision_on"] = ctx.day(a.decision_on, "--decision-on") if a.decision_on else None
    need_stand_ins(bad, changes, {"starts_at": "--start", "ends_at": "--end"})
    r = ctx.repo.update_round(replace(old, **changes))
    return _show(ctx, r, f"Updated round {r.id}: {_round_words(ctx, r)}")


def round_list(ctx: Context) -> int:
    rounds = ctx.repo.rounds(ctx.args.app)
    ctx.emit(
        [transfer.record(r) for r in rounds],
        "\n".join(_round_line(ctx, r) for r in rounds) or "No interview rounds yet.",
    )
    return 0


def round_show(ctx: Context) -> int:
    r = ctx.repo.round(ctx.args.id)
    names = {c.id: c.name for c in ctx.repo.contacts()}
    human = _round_line(ctx, r)
    for label, values in (
        ("interviewers", [names.get(i, str(i)) for i in r.interviewer_ids]),
        ("topics", r.topics),
        ("strengths", r.strengths),
    ):
        if values:
            human += f"\n      {label}: " + "; ".join(values)
    return _show(ctx, r, human)


def round_delete(ctx: Context) -> int:
    ctx.repo.delete_round(ctx.args.id)
    ctx.out.write(f"Deleted round {ctx.args.id}\n")
    return 0


# -- what was sent and made -----------------------------------------------------------------


def _override(ctx: Context, rule: str) -> Override | None:
    reason = ctx.args.override
    return Override(rule, reason, ctx.now) if reason is not None else None


def _with_override(ctx: Context, action: Any) -> Any:
    """Run ``action(override)``; with --override, retry carrying the refused rule's id."""
    try:
        return action(None)
    except Refusal as refusal:
        if ctx.args.override is None:
            raise
        return action(_override(ctx, refusal.rule))


def letter_record(ctx: Context) -> int:
    a = ctx.args
    sent = ctx.moment(a.sent_at, "--sent-at") if a.sent_at else ctx.now
    letter = _with_override(
        ctx,
        lambda o: ctx.repo.record_letter(a.round, a.to, Channel(a.channel), sent, o, now=ctx.now),
    )
    note = " (override recorded)" if letter.override else ""
    return _show(ctx, letter, f"Recorded letter {letter.id} by {letter.channel.label()}{note}")


def letter_list(ctx: Context) -> int:
    letters = ctx.repo.letters(ctx.args.round)
    ctx.emit(
        [transfer.record(x) for x in letters],
        "\n".join(
            f"{x.id:>4}  round {x.round_id}  to contact {x.contact_id}  {x.channel.label()}  "
            f"{PLAIN.day_time(x.sent_at.astimezone(ctx.zone))}"
            for x in letters
        )
        or "No letters yet.",
    )
    return 0


def call_record(ctx: Context) -> int:
    a = ctx.args
    made = ctx.moment(a.made_at, "--made-at") if a.made_at else ctx.now
    cal = ctx.calendar()
    call = _with_override(
        ctx, lambda o: ctx.repo.record_call(a.round, made, a.outcome or "", o, cal, now=ctx.now)
    )
    note = " (override recorded)" if call.override else ""
    return _show(ctx, call, f"Recorded call {call.id}{note}")


def inquiry_record(ctx: Context) -> int:
    a = ctx.args
    sent = ctx.moment(a.sent_at, "--sent-at") if a.sent_at else ctx.now
    inquiry = _with_override(
        ctx,
        lambda o: ctx.repo.record_inquiry(
            a.app,
            Channel(a.channel),
            sent,
            o,
            ctx.calendar(),
            ctx.zone,
            ctx.settings.plan().inquiry_wait,
            now=ctx.now,
        ),
    )
    return _show(ctx, inquiry, f"Recorded status inquiry {inquiry.id}")


# -- settings, export, import ---------------------------------------------------------------


def settings_list(ctx: Context) -> int:
    values = ctx.settings.values
    ctx.emit(values, "\n".join(_describe(s, values[s.key]) for s in SETTINGS))
    return 0


def _describe(setting: Setting, value: Any) -> str:
    """``key = value``, then its label and description, and what it takes."""
    lines = [
        f"{setting.key} = {json.dumps(value, ensure_ascii=False)}",
        f"    {setting.label}: {setting.description}",
    ]
    if setting.choices:
        options = ", ".join(f"{option} ({words})" for option, words in setting.choices)
        lines.append(f"    one of: {options}")
    elif setting.kind is Kind.NUMBER:
        lines.append(f"    a whole number from {setting.low} to {setting.high}")
    return "\n".join(lines)


def settings_get(ctx: Context) -> int:
    if ctx.args.key not in BY_KEY:
        raise InvalidInput(f"unknown setting {ctx.args.key!r}; see `followup settings list`")
    value = ctx.settings[ctx.args.key]
    ctx.emit({ctx.args.key: value}, json.dumps(value, ensure_ascii=False))
    return 0


def settings_set(ctx: Context) -> int:
    raw: str = ctx.args.value
    setting = BY_KEY.get(ctx.args.key)
    value: Any = raw
    if setting is not None and isinstance(setting.default, list):
        value = [part for part in raw.split(",") if part.strip()]
    checked = check_all(ctx.repo.settings(), {ctx.args.key: value})[ctx.args.key]
    ctx.repo.save_settings({ctx.args.key: checked})
    if ctx.args.key == "app.start_at_login":
        from followup.cli.system import apply_start_at_login  # noqa: PLC0415

        apply_start_at_login(bool(checked))
    ctx.out.write(f"{ctx.args.key} = {json.dumps(checked, ensure_ascii=False)}\n")
    return 0


def export_json(ctx: Context) -> int:
    text = json.dumps(transfer.export_all(ctx.repo), indent=2, ensure_ascii=False)
    ctx.write_file(ctx.args.file, (text + "\n").encode())
    if ctx.args.file != "-":
        ctx.out.write(f"Wrote {ctx.args.file}\n")
    return 0


def import_json(ctx: Context) -> int:
    source = ctx.args.file
    text = read_input(source, EXPORT_BYTES)
    export = transfer.read_export(text, ctx.now)  # refused before any database is touched
    if ctx.args.replace:
        ctx.repo.db.backup(ctx.now, label="before-import")
    counts = transfer.write_export(ctx.repo, export, replace=ctx.args.replace)
    ctx.out.write("Imported " + ", ".join(f"{n} {k}" for k, n in counts.items()) + "\n")
    return 0
