"""Which template fits: chosen from what each template declares, never from file names.

A template's header says its ``kind`` (letter, inquiry, call-script), its ``channel`` (email,
post or any) and, optionally, the interview ``rounds`` it is written for (phone, video,
on-site, panel; none means any). The best fit is the one that declares the most about the
situation at hand (the round kind counts most); the user's own template wins over a built-in
one that only matches the channel, so a ``templates/`` folder beside the data overrides
every kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from followup.model import Channel, RoundKind
from followup.templates import Template, all_templates

TEMPLATES_FOLDER = "templates"  # beside the database, in the user's data folder


def user_folder(data_folder: Path) -> Path:
    """Where the user's own templates live."""
    return data_folder / TEMPLATES_FOLDER


def rounds_of(template: Template) -> frozenset[str]:
    """The round kinds a template declares (``rounds: panel, on-site``); empty for any."""
    return frozenset(r.strip().lower() for r in template.rounds.split(",") if r.strip())


def fits(template: Template, kind: str, channel: Channel | None) -> bool:
    """Usable here at all: the right kind, and the channel (if any) allowed."""
    if template.kind != kind:
        return False
    return channel is None or template.channel in ("any", channel.value)


def _score(template: Template, channel: Channel | None, round_kind: RoundKind | None) -> int:
    rounds = rounds_of(template)
    score = 0
    if rounds:
        score += 4 if round_kind is not None and round_kind.value in rounds else -100
    if channel is not None and template.channel == channel.value:
        score += 2
    if template.origin != "built-in":
        score += 3  # the user's own beats a built-in one that only matches the channel
    return score


def choose(
    templates: Sequence[Template],
    kind: str,
    channel: Channel | None = None,
    round_kind: RoundKind | None = None,
    preferred: str = "",
) -> Template | None:
    """The template to start from: ``preferred`` (a draft's) if it still fits, else the
    best fit for the round kind and the channel, else None."""
    usable = [t for t in templates if fits(t, kind, channel)]
    for template in usable:
        if template.name == preferred:
            return template
    usable = [t for t in usable if _score(t, channel, round_kind) >= 0]
    if not usable:
        return None
    return max(usable, key=lambda t: _score(t, channel, round_kind))


def offered(templates: Sequence[Template], kind: str, channel: Channel | None) -> list[Template]:
    """The templates a picker lists for this kind and channel, in the order they came."""
    return [t for t in templates if fits(t, kind, channel)]


def template_for(
    data_folder: Path | None,
    kind: str,
    channel: Channel | None = None,
    round_kind: RoundKind | None = None,
) -> Template | None:
    """The best template of this kind, the user's own ones included."""
    folder = user_folder(data_folder) if data_folder is not None else None
    return choose(all_templates(folder), kind, channel, round_kind)
