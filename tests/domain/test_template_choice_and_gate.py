"""Template choice from the templates' own headers; subject checks; the send-gate record."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from followup.checker import Finding, Severity
from followup.errors import InvalidInput
from followup.model import Channel, Override, RoundKind
from followup.send_gate import FINDINGS_RULE, combine, exception, findings_override, open_errors
from followup.subject import check_subject
from followup.template_choice import choose, template_for
from followup.templates import all_templates, parse

NOW = datetime(2026, 11, 27, 15, tzinfo=UTC)


def test_choice_follows_kind_channel_and_round_from_the_headers() -> None:
    templates = all_templates()
    pick = lambda channel, kind: choose(templates, "letter", channel, kind).name  # noqa: E731
    assert pick(Channel.EMAIL, RoundKind.ON_SITE) == "thank-you-email"
    assert pick(Channel.POST, RoundKind.ON_SITE) == "thank-you-letter"
    assert pick(Channel.EMAIL, RoundKind.PANEL) == "panel-note"
    assert pick(Channel.POST, RoundKind.PANEL) == "panel-note"
    assert pick(Channel.EMAIL, RoundKind.PHONE) == "phone-screen"
    assert pick(Channel.POST, RoundKind.PHONE) == "thank-you-letter"
    assert choose(templates, "call-script").name == "call-script"
    assert choose(templates, "inquiry", Channel.EMAIL).name == "status-inquiry"


def test_a_renamed_template_is_still_chosen_by_what_it_declares() -> None:
    renamed = parse("zz-anything", "{#\nkind: letter\nrounds: panel\nchannel: any\n#}\nHi", "x")
    chosen = choose([*all_templates(), renamed], "letter", Channel.EMAIL, RoundKind.PANEL)
    assert chosen is not None and chosen.name == "zz-anything"


def test_the_preferred_template_wins_only_while_it_fits_the_channel() -> None:
    templates = all_templates()
    assert choose(templates, "letter", Channel.EMAIL, None, "panel-note").name == "panel-note"
    assert choose(templates, "letter", Channel.POST, None, "thank-you-email").name == (
        "thank-you-letter"
    )


def test_users_own_templates_win_for_every_kind(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    for kind in ("call-script", "inquiry"):
        (folder / f"own-{kind}.j2").write_text(f"{{#\nkind: {kind}\n#}}\nOwn", encoding="utf-8")
    assert template_for(tmp_path, "call-script").name == "own-call-script"
    assert template_for(tmp_path, "inquiry", Channel.EMAIL).name == "own-inquiry"
    assert template_for(None, "inquiry").name == "status-inquiry"


def test_subjects_are_checked() -> None:
    assert {f.rule for f in check_subject("Any update??")} >= {"status-inquiry", "informal"}
    assert check_subject("Thank you for the Backend Engineer interview") == []
    assert [f.severity for f in check_subject("  ")] == [Severity.ERROR]
    assert {f.rule for f in check_subject("Re: our interview")} == {"subject-reply"}
    assert {f.rule for f in check_subject("URGENT decision")} >= {"informal"}
    assert "subject-long" in {f.rule for f in check_subject("Thank you " * 12)}


def test_a_confirmation_is_recorded_like_an_override() -> None:
    text = "Please let me know your decision by Friday."
    error = Finding("asks-for-decision", Severity.ERROR, 0, 41, "Do not ask.")
    missing = Finding("no-thanks", Severity.ERROR, None, None, "Thank them.")
    warning = Finding("informal", Severity.WARNING, 0, 3, "Hmm.")
    assert open_errors([error, warning, missing]) == [error, missing]
    record = findings_override([(error, text), (missing, text)], " They asked ", NOW)
    assert record.rule == FINDINGS_RULE and record.at == NOW
    assert record.reason.startswith("They asked (sent with open findings: “Please let me know")
    assert record.reason.endswith("; no thanks)")
    plain = findings_override([(missing, text)], "", NOW)
    assert plain.reason.startswith("confirmed without a reason")


def test_combined_with_an_etiquette_override_the_rule_stays_the_refusals() -> None:
    refusal = Override("other-channel", "They asked for paper", NOW)
    findings = findings_override([], "ok", NOW)
    both = combine(refusal, findings)
    assert both is not None and both.rule == "other-channel"
    assert "They asked for paper" in both.reason and "ok" in both.reason
    assert combine(None, findings) is findings and combine(refusal, None) is refusal
    assert combine(None, None) is None


def test_going_ahead_in_one_step_is_one_record_for_one_reason() -> None:
    """Mark as sent asks once: the refusal's rule is kept (so the letter is accepted), the
    open errors are named after the reason, and overriding a rule needs that reason."""
    text = "Please let me know your decision by Friday."
    error = Finding("asks-for-decision", Severity.ERROR, 0, 41, "Do not ask.")
    assert exception(None, [], "", NOW) is None  # nothing to go over: nothing recorded
    confirmed = exception(None, [(error, text)], "", NOW)
    assert confirmed is not None and confirmed.rule == FINDINGS_RULE
    both = exception("second-letter", [(error, text)], " They asked again ", NOW)
    assert both is not None and both.rule == "second-letter" and both.at == NOW
    assert both.reason.startswith("They asked again (sent with open findings: “Please let me")
    only = exception("too-early", [], "Sent from the lobby", NOW)
    assert only == Override("too-early", "Sent from the lobby", NOW)
    with pytest.raises(InvalidInput, match="say why this exception is right") as refused:
        exception("second-letter", [(error, text)], "   ", NOW)
    assert refused.value.field == "reason"
