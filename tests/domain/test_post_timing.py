"""The post's timing (R2): a letter that would arrive late says so, and suggests e-mail only
to a recipient who has an address; to one without, it says to post it today."""

from __future__ import annotations

from datetime import date

from followup.post import post_timing
from followup.workdays import WorkCalendar

CAL = WorkCalendar(country="US")
FRIDAY = date(2026, 11, 27)


def test_late_post_suggests_e_mail_only_to_someone_with_an_address() -> None:
    late = post_timing(FRIDAY, 3, CAL, deadline=date(2026, 11, 30))
    assert late.arrives_on == date(2026, 12, 2)
    said_late = (
        "Posted on Fri 2026-11-27, it would arrive about Wed 2026-12-02: after the letter's "
        "deadline (Mon 2026-11-30)."
    )
    assert late.warning.startswith(said_late)
    assert "Send it by e-mail instead" in late.warning
    no_address = post_timing(FRIDAY, 3, CAL, deadline=date(2026, 11, 30), has_email=False)
    assert (
        no_address.warning == f"{said_late} There is no e-mail address for them, so post it today."
    )
    assert "by e-mail" not in no_address.warning


def test_post_in_time_says_nothing_either_way() -> None:
    for has_email in (True, False):
        timing = post_timing(FRIDAY, 1, CAL, deadline=date(2026, 12, 1), has_email=has_email)
        assert timing.warning == ""
