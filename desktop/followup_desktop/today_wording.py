"""The words Today shows for plans: each card's (``card_face``) and the page's own (heading,
summary, the folded line, the empty state). The live page and the copy kept for start-up
(``today_copy``) are made by these same functions, so the two never differ."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, tzinfo
from typing import TYPE_CHECKING

from followup.errors import FollowUpError
from followup.plan import SUGGESTIONS, ItemKind, ItemState, PlanItem
from followup_desktop.locale_dates import LocaleDates
from followup_desktop.plan_items import (
    DAYS_AHEAD,
    FOLD_AFTER,
    reason_on_both_clocks,
    spoken,
    state_word,
)
from followup_desktop.today_face import FIRST_RUN, LOADING, CardFace, TodayFace, heading

if TYPE_CHECKING:
    from followup.model import Contact

ACTIONS = {
    ItemKind.LETTER: "Write the letter",
    ItemKind.CALL: "Open the call assistant",
    ItemKind.CLOSE: "Close the process",
    ItemKind.INQUIRY: "Write the inquiry",
    ItemKind.FIND_CONTACT: "Add a contact",
    ItemKind.INTERVIEW: "Open the interview",
}
NOTHING_TO_DO = "Nothing to do today. Every letter is sent and every call made."


def read_phones(
    contact: Callable[[int], Contact], items: list[PlanItem], phones: dict[int, str]
) -> None:
    """The numbers call cards dial (``card_face``): only the few contacts call cards name,
    each read once (``contact``: the repository's reader)."""
    for item in items:
        contact_id = item.contact_id
        if item.kind is ItemKind.CALL and contact_id is not None and contact_id not in phones:
            try:
                phones[contact_id] = contact(contact_id).phone
            except FollowUpError:  # gone or unreadable: the card says there is no number
                phones[contact_id] = ""


def card_face(item: PlanItem, zone: tzinfo, dates: LocaleDates, phones: dict[int, str]) -> CardFace:
    """The call card says whom to call and the number to dial; times are the user's, with
    the place's too when it keeps another clock."""
    title = item.title
    if item.kind is ItemKind.CALL and item.contact_id is not None:
        phone = phones.get(item.contact_id, "")
        title = f"{title} · {phone}" if phone else f"{title} · no phone number yet"
    when = ""
    if item.due is not None:
        local = item.due.astimezone(zone)
        day = dates.near_day(local.date())
        when = f"{day}, {dates.time(local)}" if item.kind is not ItemKind.CLOSE else day
    word = state_word(item)
    return CardFace(
        state=item.state.name,
        word=word,
        name=item.title,
        title=title,
        when=when,
        reason=reason_on_both_clocks(item, zone, dates),
        action=ACTIONS[item.kind],
        tip=item.reason,
        spoken=spoken(item),
    )


def today_face(
    week: list[PlanItem],
    after: list[PlanItem],
    *,
    today: date,
    dates: LocaleDates,
    ready: int,
    folded: int,
    expanded: bool,
    loaded: bool,
    first_run: bool,
    cards: tuple[tuple[CardFace, ...], tuple[CardFace, ...]] = ((), ()),
) -> TodayFace:
    """The page's words for these rows: ``ready`` applications are ready to close, ``folded``
    of them out of the rows; ``cards`` are the rows' faces when the caller has them."""
    overdue = sum(1 for r in week if r.state is ItemState.OVERDUE)
    due = sum(1 for r in week if r.state is ItemState.DUE and r.kind not in SUGGESTIONS)
    parts = [f"{overdue} overdue"] if overdue else []
    parts += [f"{due} due today"] if due else []
    ready_now = sum(1 for r in week if r.state is ItemState.DUE and r.kind in SUGGESTIONS)
    parts += [f"{ready_now + folded} ready to close or ask"] if ready_now + folded else []
    parts += [f"{len(week) - overdue - due - ready_now} in the next {DAYS_AHEAD} days"]
    summary = " · ".join(parts) if week or folded else ""
    if after and loaded and not week:  # the week is clear, but the thread goes on
        summary = f"Nothing due in the next {DAYS_AHEAD} days."
    fold = ""
    if ready > FOLD_AFTER:
        fold = (
            f"▾ Hide the {ready} applications ready to close"
            if expanded
            else f"▸ {ready} applications ready to close: no reply after the quiet period"
        )
    empty = LOADING if not loaded else FIRST_RUN if first_run else NOTHING_TO_DO
    return TodayFace(
        heading=heading(dates.long_day(today)),
        summary=summary,
        fold=fold,
        empty=empty,
        first_run=first_run and loaded,
        week=cards[0],
        after=cards[1],
    )
