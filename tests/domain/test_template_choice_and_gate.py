"""Template choice from the templates' own headers; subject checks; the send-gate record."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.checker import Finding, Severity
from followup.errors import InvalidInput
from followup.model import Channel, Override, RoundKind
from followup.send_gate import FINDINGS_RULE, combine, exception, findings_override, open_errors
from followup.subject import check_subject
from followup.template_choice import choose, template_for
from followup.templates import all_templates, parse
from followup.validation import LINE

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


finding_with_text = st.tuples(
    st.text(st.sampled_from("ab “”;…\n\x01\u202e\U0001f600") | st.characters(), max_size=200),
    st.integers(0, 200),
    st.integers(0, 80),
).map(
    lambda t: (
        Finding("asks-for-decision", Severity.ERROR, min(t[1], len(t[0])), t[1] + t[2], "x"),
        t[0],
    )
)


@given(
    errors=st.lists(finding_with_text, min_size=1, max_size=80),
    rule=st.sampled_from([None, "second-letter"]),
)
def test_any_number_of_open_errors_leaves_a_record_that_fits(
    errors: list[tuple[Finding, str]], rule: str | None
) -> None:
    """However many errors are open, the part naming them fits (the rest counted), so the
    record is accepted; the user's words keep the room left, and one character more is
    refused beside the reason field, not later by the store."""
    record = exception(rule, errors, "ok", NOW)
    assert record is not None
    record.check()
    assert record.reason.startswith("ok (sent with open findings: ")
    room = LINE - (len(record.reason) - len("ok"))
    exception(rule, errors, "y" * room, NOW).check()  # type: ignore[union-attr]
    with pytest.raises(InvalidInput, match="the reason is too long") as refused:
        exception(rule, errors, "y" * (room + 1), NOW)
    assert refused.value.field == "reason"
    findings_override(errors, "", NOW).check()


def test_sixty_errors_are_named_until_the_room_is_used_then_counted() -> None:
    text = "Please let me know your decision by Friday. " * 60
    errors = [
        (Finding("asks-for-decision", Severity.ERROR, 44 * n, 44 * n + 43, "x"), text)
        for n in range(60)
    ]
    record = exception(None, errors, "", NOW)
    assert record is not None
    record.check()
    shown = record.reason.count("“Please let me know your decision by Friday.”")
    assert 5 < shown < 60
    assert record.reason.endswith(f"; … and {60 - shown} more)")


def test_words_the_record_would_refuse_are_not_quoted() -> None:
    """A control character or a direction override in the quoted words made the record
    itself refused ('contains a control character')."""
    text = "Please\x01 decide \u202eby Friday"
    record = exception(
        None, [(Finding("asks-for-decision", Severity.ERROR, 0, 26, "x"), text)], "", NOW
    )
    assert record is not None
    record.check()
    assert "“Please decide by Friday”" in record.reason
