"""Letter templates: Jinja2 in a sandbox, because users write their own.

A template is a ``.j2`` file whose first lines are a Jinja comment with ``key: value`` lines:
``title`` (shown in the picker), ``kind`` (letter, inquiry, call-script), ``channel`` (email,
post or any), optionally ``rounds`` (the interview kinds it is for: phone, video, on-site,
panel) and ``subject`` (itself a template); ``followup.template_choice`` picks by these.
Built-in ones ship in
``resources/templates``; the user's own live in ``templates/`` in the user data folder and
win over a built-in of the same file name.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from followup.date_style import MONTH_FIRST, WEEKDAY_NAMES, LetterDates
from followup.errors import InvalidInput
from followup.model import Application, Contact, Profile, Round
from followup.note_phrases import strengths_clause, topics_phrase
from followup.salutation import salutation_name, spoken_name

if TYPE_CHECKING:
    from followup.template_sandbox import RenderLimits

_HEADER = re.compile(r"\A\{#(.*?)#\}\s*\n?", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Template:
    name: str  # file name without .j2; stable id
    title: str
    kind: str
    channel: str  # email, post or any
    subject: str
    source: str
    origin: str  # "built-in" or the user's file path
    header_lines: int = 0  # lines before ``source`` in the file, so errors name file lines
    rounds: str = ""  # the round kinds it is written for ("panel", "phone, video"); "" = any


@dataclass(frozen=True, slots=True)
class Rendered:
    subject: str
    body: str


class TemplateProblem(InvalidInput):
    """A template that cannot be used, with the line it went wrong on."""


def parse(name: str, text: str, origin: str) -> Template:
    meta: dict[str, str] = {}
    match = _HEADER.match(text)
    body = text
    skipped = 0
    if match:
        skipped = text.count("\n", 0, match.end())
        for line in match.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip().lower()] = value.strip()
        body = text[match.end() :]
    return Template(
        name,
        meta.get("title", name.replace("-", " ").capitalize()),
        meta.get("kind", "letter"),
        meta.get("channel", "any"),
        meta.get("subject", ""),
        body,
        origin,
        skipped,
        meta.get("rounds", ""),
    )


def builtin_templates() -> list[Template]:
    folder = resources.files("followup_resources") / "templates"
    return sorted(
        (
            parse(entry.name[:-3], entry.read_text(encoding="utf-8"), "built-in")
            for entry in folder.iterdir()
            if entry.name.endswith(".j2")
        ),
        key=lambda t: t.title,
    )


def user_templates(folder: Path) -> tuple[list[Template], list[str]]:
    """The user's templates, and one message per file that could not be read."""
    found, problems = [], []
    for path in sorted(folder.glob("*.j2")) if folder.is_dir() else []:
        try:
            found.append(parse(path.stem, path.read_text(encoding="utf-8"), str(path)))
        except (OSError, UnicodeDecodeError) as error:
            problems.append(f"{path.name}: cannot be read ({error})")
    return found, problems


def all_templates(user_folder: Path | None = None) -> list[Template]:
    by_name = {t.name: t for t in builtin_templates()}
    if user_folder is not None:
        by_name.update({t.name: t for t in user_templates(user_folder)[0]})
    return sorted(by_name.values(), key=lambda t: (t.origin != "built-in", t.title))


def _environment(template: Template, limits: RenderLimits | None) -> Any:
    from jinja2 import DictLoader, StrictUndefined  # noqa: PLC0415  (loads when first used)

    from followup.template_sandbox import BoundedSandbox, RenderLimits  # noqa: PLC0415

    return BoundedSandbox(
        limits or RenderLimits(),
        loader=DictLoader({template.name: template.source}),
        undefined=StrictUndefined,
        autoescape=False,
    )


def _line_of(error: BaseException, name: str) -> int | None:
    line = getattr(error, "lineno", None)
    if isinstance(line, int):
        return line
    frames = [
        f for f in traceback.extract_tb(error.__traceback__) if f.filename in (name, "<template>")
    ]
    return frames[-1].lineno if frames else None


def render(
    template: Template, values: dict[str, Any], limits: RenderLimits | None = None
) -> Rendered:
    """Render subject and body; any template error becomes a TemplateProblem naming the line.

    Rendering is bounded (``template_sandbox``): a template that loops, computes or writes
    too much stops within ``limits.seconds`` with a message instead of hanging the caller.
    """
    from jinja2 import TemplateError  # noqa: PLC0415
    from jinja2.exceptions import SecurityError  # noqa: PLC0415

    from followup.template_sandbox import RenderLimit, bounded_output  # noqa: PLC0415

    environment = _environment(template, limits)
    try:
        text = bounded_output(
            environment.get_template(template.name).generate(**values), environment.limits
        )
        subject = bounded_output(
            environment.from_string(template.subject).generate(**values), environment.limits
        )
    except MemoryError as error:
        raise TemplateProblem(
            f"Template “{template.title}” needs more memory than any letter could"
        ) from error
    except (
        RenderLimit,
        TemplateError,
        SecurityError,
        TypeError,
        ValueError,
        ArithmeticError,
        AttributeError,
        LookupError,
        RecursionError,
    ) as error:
        line = _line_of(error, template.name)
        where = f" on line {line + template.header_lines}" if line else ""
        message = getattr(error, "message", None) or str(error)
        raise TemplateProblem(f"Template “{template.title}”{where}: {message}") from error
    return Rendered(" ".join(subject.split()), _tidy(text))


def _tidy(text: str) -> str:
    """At most one blank line between paragraphs; no trailing spaces."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out) + "\n"


def _sentence_list(items: Iterable[str]) -> str:
    values = [i.strip() for i in items if i.strip()]
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " and " + values[-1]


def variables(
    profile: Profile,
    app: Application,
    round_: Round | None,
    recipient: Contact | None,
    today: date,
    interview_day: date | None,
    *,
    dates: LetterDates = MONTH_FIRST,
) -> dict[str, Any]:
    """What templates can use; documented in the README. ``dates``: the writer's country's
    order (``letter_dates_for``): "Tuesday 1 December" in Britain."""
    name = recipient.name if recipient else ""
    parts = name.split()
    return {
        "me": {
            "name": profile.name,
            "email": profile.email,
            "phone": profile.phone,
            "address": list(profile.address.lines),
            "first_name": profile.name.split()[0] if profile.name else "",
        },
        "company": app.company,
        "role": app.role,
        "recipient": {
            "name": name,
            "title": recipient.title if recipient else "",
            "first_name": parts[0] if parts else "",
            "last_name": parts[-1] if parts else "",
            "spoken_name": spoken_name(name),
            "salutation_name": salutation_name(name),
            "company": (recipient.company if recipient else "") or app.company,
            "address": list(recipient.address.lines) if recipient else [],
        },
        "greeting": f"Dear {salutation_name(name)}," if name.strip() else "Dear Hiring Manager,",
        "interview": {
            "date": interview_day.isoformat() if interview_day else "",
            "weekday": WEEKDAY_NAMES[interview_day.weekday()] if interview_day else "",
            "long_date": dates.day(interview_day) if interview_day else "",
            # The same where the sentence goes on after the date ("on …, to discuss").
            "long_date_mid": dates.day_mid_sentence(interview_day) if interview_day else "",
            "kind": round_.kind.value if round_ else "",
            "title": round_.title if round_ else "",
            "topics": list(round_.topics) if round_ else [],
            "strengths": list(round_.strengths) if round_ else [],
            "topics_text": _sentence_list(round_.topics) if round_ else "",
            "strengths_text": _sentence_list(round_.strengths) if round_ else "",
            # Fitted to the sentence: "I {{ interview.strengths_clause }}" reads well for
            # verb and noun phrases alike; "about {{ interview.topics_phrase }}" stays short.
            "strengths_clause": strengths_clause(round_.strengths) if round_ else "",
            "topics_phrase": topics_phrase(round_.topics) if round_ else "",
            "next_steps": round_.next_steps if round_ else "",
        },
        "applied_on": app.applied_on.isoformat() if app.applied_on else "",
        # As a letter writes it: "November 9, 2026" (US) or "9 November 2026" (the ISO form
        # above stays for old templates).
        "applied_on_long": dates.full_date(app.applied_on) if app.applied_on else "",
        "applied_on_mid": dates.full_date_mid_sentence(app.applied_on) if app.applied_on else "",
        "today": today.isoformat(),
    }
