from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from followup.checker import Context, Kind, check
from followup.model import Application, Channel, Contact, PostalAddress, Profile, Round
from followup.template_sandbox import RenderLimits
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
        channel = Channel.POST if template.channel == "post" else Channel.EMAIL
        context = Context(
            channel=channel, kind=kind, topics=round_.topics, strengths=round_.strengths
        )
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


HOSTILE = {
    "nested loops": "{% for i in range(100000) %}{% for j in range(100000) %}"
    "x{% endfor %}{% endfor %}",
    "silent nested loops": "{% for i in range(100000) %}{% for j in range(100000) %}"
    "{% endfor %}{% endfor %}",
    "huge power": "{{ 9**9999999 }}",
    "huge repetition": "{{ 'x'*10**12 }}",
    "repetition, number first": "{{ 10**12 * 'x' }}",
    "huge list": "{{ [1]*10**9 }}",
    "squaring in a loop": "{% set ns = namespace(x=9) %}{% for i in range(40) %}"
    "{% set ns.x = ns.x*ns.x %}{% endfor %}{{ ns.x }}",
    "padding filter": "{{ 'x'|center(10**9) }}",
    "padding method": "{{ 'x'.ljust(10**9) }}",
    "format width": "{{ '{:>999999999}'.format(1) }}",
    "percent width": "{{ '%999999999s' % 1 }}",
    "format filter width": "{{ '%999999999s'|format(1) }}",
    "replace blow-up": "{{ ('a'*100000)|replace('a', 'b'*1000) }}",
    "slices": "{{ range(10)|slice(10**9)|list }}",
    "endless recursion": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
    "recursive loop": "{% for i in range(10) recursive %}{{ loop(range(10)) }}{% endfor %}",
    "too much output": "{% for i in range(99999) %}{{ 'x' * 100 }}{% endfor %}",
}


@pytest.mark.parametrize("source", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_templates_end_with_a_message_not_a_hang(source: str) -> None:
    template = parse("hostile", "{#\ntitle: Hostile\n#}\n" + source, "user")
    with pytest.raises(TemplateProblem, match="Template “Hostile”") as raised:
        render(template, values())
    assert "MemoryError" not in str(raised.value) and str(raised.value).strip()


def test_a_hostile_subject_is_bounded_too() -> None:
    template = parse("s", "{#\nsubject: {{ 'x'*10**12 }}\n#}\nHello", "user")
    with pytest.raises(TemplateProblem, match="repeats a text"):
        render(template, values())


def test_work_is_bounded_by_time_as_well_as_by_steps() -> None:
    """With a step budget no template reaches, the deadline still stops the render."""
    slow = parse("slow", HOSTILE["silent nested loops"], "user")
    limits = RenderLimits(seconds=0.05, steps=10**12)
    with pytest.raises(TemplateProblem, match=r"took longer than 0\.05 seconds"):
        render(slow, values(), limits)


def test_ordinary_big_numbers_and_loops_still_work() -> None:
    source = (
        "{{ '{:,}'.format(1000000) }} {{ 2**64 }} {{ 'ab' * 3 }} "
        "{% for t in interview.topics %}{{ t }};{% endfor %} {{ '%5s' % 'x' }} {{ 1.5 * 2 }}"
    )
    body = render(parse("ok", source, "user"), values()).body
    assert body == "1,000,000 18446744073709551616 ababab event sourcing;on-call;     x 3.0\n"
