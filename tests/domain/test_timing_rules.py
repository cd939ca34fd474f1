"""The one call and the one status inquiry wait for their day, like the second letter is
refused: with a reason, and only an override naming the rule lets them through (issue 9)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from followup.errors import Refusal
from followup.model import Application, Channel, Contact, Override, Round
from followup.storage import Repository
from followup.workdays import WorkCalendar

NY = ZoneInfo("America/New_York")
US = WorkCalendar(country="US")


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=NY)


def _round(repo: Repository) -> tuple[Round, Contact]:
    app = repo.add_application(Application(0, "Acme", "Dev"))
    dana = repo.add_contact(Contact(0, "Dana"))
    day = date(2026, 12, 14)  # a Monday
    r = repo.add_round(
        Round(0, app.id, at(day), at(day, 11), "America/New_York", interviewer_ids=(dana.id,))
    )
    return r, dana


def test_a_call_before_any_letter_is_refused(repo: Repository) -> None:
    r, _ = _round(repo)
    with pytest.raises(Refusal, match="send the letter first") as refused:
        repo.record_call(r.id, at(date(2026, 12, 22)), "", None, US)
    assert refused.value.rule == "call-before-letter"
    assert repo.calls() == []
    reason = Override("call-before-letter", "they phoned me first", at(date(2026, 12, 22), 12))
    call = repo.record_call(r.id, at(date(2026, 12, 22)), "", reason, US)
    assert call.override == reason


def test_a_call_before_its_day_is_refused_with_the_day_named(repo: Repository) -> None:
    r, dana = _round(repo)
    repo.record_letter(r.id, dana.id, Channel.EMAIL, at(date(2026, 12, 15)))
    # A week after Tue 15 Dec is Tue 22 Dec; the day after the letter is far too soon.
    for day in (date(2026, 12, 16), date(2026, 12, 21)):
        with pytest.raises(Refusal, match="planned for Tue 2026-12-22") as refused:
            repo.record_call(r.id, at(day), "", None, US)
        assert refused.value.rule == "call-too-soon"
    wrong = Override("second-call", "x", at(date(2026, 12, 16)))
    with pytest.raises(Refusal):
        repo.record_call(r.id, at(date(2026, 12, 16)), "", wrong, US)
    assert repo.calls() == []
    assert repo.record_call(r.id, at(date(2026, 12, 22), 9), "brief", None, US).outcome == "brief"


def test_the_call_day_rolls_over_a_holiday(repo: Repository) -> None:
    r, dana = _round(repo)
    repo.record_letter(r.id, dana.id, Channel.EMAIL, at(date(2026, 12, 18)))  # Friday
    # A week later is Christmas Day: the call waits for Monday 28 December.
    with pytest.raises(Refusal, match=r"Mon 2026-12-28.*Christmas Day"):
        repo.record_call(r.id, at(date(2026, 12, 26)), "", None, US)
    repo.record_call(r.id, at(date(2026, 12, 28)), "", None, US)


def test_the_status_inquiry_waits_ten_business_days(repo: Repository) -> None:
    app = repo.add_application(Application(0, "Globex", "SRE", applied_on=date(2026, 11, 2)))
    # Ten business days after Mon 2 Nov, with Veterans Day off: Tue 17 Nov.
    with pytest.raises(Refusal, match="until Tue 2026-11-17") as refused:
        repo.record_inquiry(app.id, Channel.EMAIL, at(date(2026, 11, 16)), None, US, NY)
    assert refused.value.rule == "inquiry-too-soon"
    assert repo.inquiries() == []
    early = Override("inquiry-too-soon", "the recruiter asked me to", at(date(2026, 11, 16)))
    inquiry = repo.record_inquiry(app.id, Channel.EMAIL, at(date(2026, 11, 16)), early, US, NY)
    assert inquiry.override == early
    with pytest.raises(Refusal) as again:
        repo.record_inquiry(app.id, Channel.EMAIL, at(date(2026, 11, 30)), None, US, NY)
    assert again.value.rule == "status-inquiry"


def test_the_inquiry_wait_follows_the_setting(repo: Repository) -> None:
    app = repo.add_application(Application(0, "Globex", "SRE", applied_on=date(2026, 11, 2)))
    repo.record_inquiry(app.id, Channel.EMAIL, at(date(2026, 11, 6)), None, US, NY, wait=4)
