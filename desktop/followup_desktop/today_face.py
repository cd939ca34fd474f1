"""What Today shows, as words: the values its page and cards are drawn from, and their form as
plain data (dicts, lists, text) for the copy kept for start-up (``today_copy``).

Standard library only: start-up reads a kept face before Qt's views or the domain load. The
values are NamedTuples, not dataclasses: ``dataclasses`` and the code it writes for each class
cost start-up about 3 ms before the first paint (as ``actions.ActionSpec``).
"""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple, get_type_hints

LOADING = "Loading…"  # Today's words before its plans are made
FIRST_RUN = (
    "No interviews yet. Add the one you just had: the app works out "
    "when the thank-you letter is due, and why."
)
# A plan item's state, by its name in ``followup.plan.ItemState`` (colour and icon follow it).
STATES = ("OVERDUE", "DUE", "UPCOMING", "WAITING", "DONE", "CANCELLED", "MISSED")


class CardFace(NamedTuple):
    """One card: the state's word beside its icon, whom, when, and the reason under them."""

    state: str  # one of STATES
    word: str  # "Overdue", "Ready"
    name: str  # the step's own title (the list's text)
    title: str  # as drawn: with the number to dial on a call card
    when: str  # "Today, 17:00"; "" when the step has no time
    reason: str
    action: str  # what Today's button says with this card chosen
    tip: str  # the planner's reason, as the card's tooltip
    spoken: str  # what a screen reader says for the card


class TodayFace(NamedTuple):
    """The page: its heading and summary, the folded line, the week's cards and those after
    it, or the empty state's words."""

    heading: str
    summary: str
    fold: str  # "" when nothing is folded
    empty: str  # the empty state's words (shown only without cards)
    first_run: bool  # no application yet: the empty state offers to add one
    week: tuple[CardFace, ...]
    after: tuple[CardFace, ...]


def heading(long_day: str) -> str:
    """The page's heading for the day, written as a heading (``LocaleDates.long_day``)."""
    return f"Today, {long_day}"


def first_run_face(long_day: str) -> TodayFace:
    """The page with no application yet: it offers to add the first."""
    return TodayFace(heading(long_day), "", "", FIRST_RUN, True, (), ())


class NotAFace(ValueError):
    """Stored words that are not a face (damaged or from another version): not shown."""


def face_to_data(face: TodayFace) -> dict[str, Any]:
    data = face._asdict()
    for name in ("week", "after"):
        data[name] = [card._asdict() for card in data[name]]
    return data


def face_from_data(data: object) -> TodayFace:
    """Every field checked for its type: a kept copy is read before anything else and must
    never stop start-up, nor draw something Today would not."""
    if not isinstance(data, dict):
        raise NotAFace("not an object")
    words = {name: _text(data, name) for name in _words()}
    first_run = data.get("first_run")
    if not isinstance(first_run, bool):
        raise NotAFace("first_run")
    week, after = (tuple(_card(c) for c in _list(data, name)) for name in ("week", "after"))
    return TodayFace(first_run=first_run, week=week, after=after, **words)


@cache
def _words() -> tuple[str, ...]:
    """TodayFace's fields that are text (the others are read one by one)."""
    return tuple(name for name, kind in get_type_hints(TodayFace).items() if kind is str)


def _card(data: object) -> CardFace:
    if not isinstance(data, dict):
        raise NotAFace("a card is not an object")
    card = CardFace(**{name: _text(data, name) for name in CardFace._fields})
    if card.state not in STATES:
        raise NotAFace(f"state {card.state!r}")
    return card


def _text(data: dict[str, Any], name: str) -> str:
    value = data.get(name)
    if not isinstance(value, str):
        raise NotAFace(name)
    return value


def _list(data: dict[str, Any], name: str) -> list[object]:
    value = data.get(name)
    if not isinstance(value, list):
        raise NotAFace(name)
    return value
