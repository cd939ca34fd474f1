"""The .ics text is written by hand (fast): any calendar reads it back exactly, however long
or strange the words; no physical line is longer than 75 octets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from followup.ics import to_ics
from followup.plan import ItemKind, ItemState, PlanItem

NOW = datetime(2026, 11, 27, 15, tzinfo=UTC)
words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r"),
    max_size=300,
) | st.sampled_from(["Dana Müller, CTO; \\ back\nslash", "😀" * 60, "é" * 200])


def item(kind: ItemKind, title: str, reason: str, state: ItemState) -> PlanItem:
    return PlanItem(
        key=f"round-7-{kind.value}",
        kind=kind,
        title=title,
        reason=reason,
        due=NOW + timedelta(days=2),
        state=state,
        application_id=1,
        round_id=7,
        contact_id=None,
    )


@settings(max_examples=60, deadline=None)
@given(
    title=words.filter(lambda t: t.strip() != ""),
    reason=words,
    kind=st.sampled_from(list(ItemKind)),
    state=st.sampled_from([ItemState.UPCOMING, ItemState.DONE, ItemState.OVERDUE]),
)
def test_any_words_come_back_exactly(
    title: str, reason: str, kind: ItemKind, state: ItemState
) -> None:
    data = to_ics([item(kind, title, reason, state)], NOW, {7: NOW + timedelta(days=2, hours=1)})
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    [event] = Calendar.from_ical(data).walk("VEVENT")
    assert str(event["summary"]) == title + (" (done)" if state is ItemState.DONE else "")
    assert str(event["description"]) == reason.replace("\r\n", "\n")
    alarms = event.walk("VALARM")
    assert len(alarms) == (0 if state is ItemState.DONE else 1)
    if alarms:
        assert alarms[0]["trigger"].dt <= timedelta(0)
