"""The e-mail subject line, checked like the letter: the first thing the recipient reads.

The letter checker's phrase rules apply (a subject asking "Any update?" is a status inquiry);
whole-letter rules (thanks, recap, length) do not, since a subject is one line. A few rules of
its own cover what only subjects get wrong. Messages live in ``resources/subject.toml``.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from followup.checker import Context, Finding, Severity, check

_REPEATED = re.compile(r"[!?]{2,}")
_CAPS = re.compile(r"\b[A-Z]{4,}\b")
_FAKE_REPLY = re.compile(r"\A\s*(re|fw|fwd|aw|wg|tr)\s*:", re.IGNORECASE)


@cache
def _data() -> dict[str, Any]:
    source = resources.files("followup_resources") / "subject.toml"
    return tomllib.loads(source.read_text(encoding="utf-8"))


def check_subject(subject: str, context: Context | None = None) -> list[Finding]:
    """Findings about the subject line; spans are positions in ``subject``."""
    context = context or Context()
    data = _data()
    messages = data["messages"]
    if not subject.strip():
        return [Finding("subject-missing", Severity.ERROR, None, None, messages["empty"])]
    # Only findings about a phrase: the letter's whole-text rules mean nothing on one line.
    found = [f for f in check(subject, context) if f.start is not None]
    limit = int(data["limits"]["max_chars"])
    if len(subject) > limit:
        found.append(
            Finding(
                "subject-long",
                Severity.WARNING,
                limit,
                len(subject),
                messages["long"].format(count=len(subject)),
            )
        )
    for pattern, key, rule in (
        (_REPEATED, "punctuation", "informal"),
        (_CAPS, "shouting", "informal"),
        (_FAKE_REPLY, "fake_reply", "subject-reply"),
    ):
        for match in pattern.finditer(subject):
            span = (match.start(), match.end())
            if any(f.start == span[0] and f.end == span[1] for f in found):
                continue
            text = match.group(0).strip()
            found.append(Finding(rule, Severity.WARNING, *span, messages[key].format(text=text)))
    return sorted(found, key=lambda f: (f.start or 0, f.rule))
