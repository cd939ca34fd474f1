from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from followup.checker import Context, Kind, check
from followup.model import Application, Contact, PostalAddress, Profile, Round
from followup.templates import (
    TemplateProblem,
    all_templates,
    parse,
    render,
    user_templates,
    variables,
)

PROFILE = Profile("Sam Lee", "sam@example.com", "+1 555 0100", PostalAddress(("1 Elm St",)))
APP = Application(1, "Acme", "Backend Engineer")
ROUND = Round(
    1,
    1,
    datetime(2026, 11, 25, 15, tzinfo=UTC),
    datetime(2026, 11, 25, 16, tzinfo=UTC),
    "UTC",
    topics=("event sourcing", "on-call"),
    strengths=("scaled the billing service",),
)
BARE = Round(1, 1, ROUND.starts_at, ROUND.ends_at, "UTC")
DANA = Contact(1, "Dana Müller", "CTO")


def values(round_: Round = ROUND, contact: Contact | None = DANA) -> dict:
    return variables(PROFILE, APP, round_, contact, date(2026, 11, 26), date(2026, 11, 25))


def test_the_six_built_in_templates_exist() -> None:
    kinds = sorted((t.kind, t.channel) for t in all_templates())
    assert kinds == [
        ("call-script", "any"),
        ("inquiry", "email"),
        ("letter", "any"),
        ("letter", "email"),
        ("letter", "email"),
        ("letter", "post"),
    ]


@pytest.mark.parametrize("round_", [ROUND, BARE], ids=["with notes", "without notes"])
@pytest.mark.parametrize("contact", [DANA, None], ids=["named", "no contact"])
def test_every_built_in_template_passes_its_own_checker(
    round_: Round, contact: Contact | None
) -> None:
    for template in all_templates():
        out = render(template, values(round_, contact))
        kind = Kind.CALL_SCRIPT if template.kind == "call-script" else Kind(template.kind)
        context = Context(kind=kind, topics=round_.topics, strengths=round_.strengths)
        assert check(out.body, context) == [], template.name
        assert "\n\n" in out.body and "{" not in out.body
        assert out.subject and "Backend Engineer" in out.subject


def test_variables_reach_the_letter() -> None:
    email = next(t for t in all_templates() if t.name == "thank-you-email")
    body = render(email, values()).body
    assert body.startswith("Dear Dana Müller,\n\nThank you")
    assert "on Wednesday" in body and "event sourcing and on-call" in body
    assert "I scaled the billing service" in body and body.rstrip().endswith("Sam Lee")
    assert render(email, values(contact=None)).body.startswith("Dear Hiring Manager,")


def test_user_templates_override_and_join(tmp_path: Path) -> None:
    (tmp_path / "thank-you-email.j2").write_text("{#\ntitle: Mine\n#}\nHi {{ recipient.name }}")
    (tmp_path / "short.j2").write_text("Thanks, {{ me.name }}")
    templates = {t.name: t for t in all_templates(tmp_path)}
    assert templates["thank-you-email"].title == "Mine"
    assert render(templates["short"], values()).body == "Thanks, Sam Lee\n"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{#\ntitle: Broken\n#}\nline one\n{% if %}\n", "line 5"),
        ("{#\ntitle: Undefined\n#}\nok\n{{ nobody.name }}\n", "line 5"),
        ("Hello\n{{ recipient.name.__class__.__mro__ }}", "unsafe"),
        ("{{ ''.__class__.__subclasses__() }}", "unsafe"),
        ("{% for x in range(10**9) %}{% endfor %}", "Range too big"),
    ],
)
def test_broken_or_hostile_templates_fail_with_a_message_naming_the_line(
    source: str, message: str
) -> None:
    with pytest.raises(TemplateProblem, match=message):
        render(parse("x", source, "user"), values())


def test_unreadable_user_templates_are_reported_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "bad.j2").write_bytes(b"\xff\xfe\x00garbage")
    found, problems = user_templates(tmp_path)
    assert found == [] and "bad.j2" in problems[0]
