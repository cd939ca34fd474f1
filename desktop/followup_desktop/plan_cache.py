"""The plans the views read, kept between changes, in one explicit stage at a time.

Start-up plans only what Today can show first (``plans_for_today``) and the whole plans
after Today painted. Before, five flags together said what the kept plans were, and a
reader other than Today could get the part as if it were the whole (the Interviews page
left open last time showed a settled application's plan as its close suggestion alone).
Here the stage says it: nothing, Today's part, or the whole; only ``today`` may answer with
the part, and every other reader gets the whole plans, made at once if need be.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from followup.plan import PlanItem, PlanSettings
from followup.planner import plans_by_application
from followup.storage import Repository
from followup.today_plans import plans_for_today
from followup.workdays import WorkCalendar

__all__ = ["PlanArgs", "PlanCache", "Plans", "Stage"]

Plans = dict[int, list[PlanItem]]  # application id → its items
PlanArgs = tuple[Repository, WorkCalendar, ZoneInfo, datetime, PlanSettings]


class Stage(enum.Enum):
    NONE = "none"  # nothing planned yet, or forgotten (time jumped, unknown change)
    PART = "today's part"  # start-up: only the items Today can show (``plans_for_today``)
    WHOLE = "whole"  # every active application's plan


class PlanCache:
    """Application id → plan items of active applications, planned once and then only for
    the applications a change touched. ``inputs`` gives what planning needs now;
    ``off_thread(now)`` gives work that plans everything for ``now`` on a thread of its own."""

    def __init__(
        self,
        inputs: Callable[[], PlanArgs],
        off_thread: Callable[[datetime], Callable[[], Plans]],
    ) -> None:
        self._inputs = inputs
        self._off_thread = off_thread
        self.stage = Stage.NONE
        # Start-up sets this: the first plans Today asks for are its part alone (once).
        self.today_first = False
        self.planned_at: datetime | None = None  # the moment the kept plans were made for
        self._made: dict[int, datetime] = {}  # each plan's own moment: later if planned again
        self._plans: Plans = {}
        self._items: list[PlanItem] | None = None  # the plans' items, in order
        self._replan: set[int] = set()  # applications changed since their plans were made
        self._changes = 0  # changes noted: plans made from what was read before one are stale
        self._moves = 0  # time moves asked for: only the latest one's plans are used

    # -- reading ---------------------------------------------------------------------------

    def whole(self) -> Plans:
        """The whole plans: the Interviews page, reminders, exports and the composer."""
        if self.stage is not Stage.WHOLE:
            self._make(part=False)
        return self._refreshed()

    def today(self) -> Plans:
        """What Today picks from: at start-up (``today_first``) only its part, otherwise
        whatever is kept (the same items, in the same order, as from the whole plans)."""
        if self.stage is Stage.NONE:
            self._make(part=self.today_first)
        return self._refreshed()

    def items(self) -> list[PlanItem]:
        """The whole plans' items (the tray, reminders, exports)."""
        self.whole()
        return self._flat()

    def today_items(self) -> list[PlanItem]:
        self.today()
        return self._flat()

    def _flat(self) -> list[PlanItem]:
        if self._items is None:
            self._items = [item for items in self._plans.values() for item in items]
        return self._items

    def _make(self, *, part: bool) -> None:
        args = self._inputs()
        self.today_first = False  # start-up's first plans are made: once only
        if part:
            self._set(plans_for_today(*args), Stage.PART, args[3])
        else:
            self._set(plans_by_application(*args, active_only=True), Stage.WHOLE, args[3])

    def _set(self, plans: Plans, stage: Stage, now: datetime) -> None:
        self._plans, self.stage, self.planned_at = plans, stage, now
        self._made = dict.fromkeys(plans, now)
        self._replan, self._items = set(), None

    def _refreshed(self) -> Plans:
        """The kept plans, with the applications changed since planned again."""
        if self._replan:
            args = self._inputs()
            fresh = plans_by_application(*args, active_only=True, only=self._replan)
            for app_id in self._replan:
                self._plans.pop(app_id, None)
                self._made.pop(app_id, None)
            self._plans.update(fresh)
            self._made.update(dict.fromkeys(fresh, args[3]))
            self._replan, self._items = set(), None
        return self._plans

    def made_for(self) -> dict[int, datetime]:
        """Application id → the moment its kept plan was made for (read after the plans)."""
        return self._made

    # -- changing --------------------------------------------------------------------------

    def forget(self) -> None:
        """Plan everything again when next asked (time jumped, anything may have changed)."""
        self._plans, self._replan, self._items, self._made = {}, set(), None, {}
        self.stage = Stage.NONE
        self._changes += 1

    def note_change(self, touched: frozenset[int] | None) -> None:
        """A change to these applications (None or empty: unknown, so all)."""
        if not touched:
            self.forget()
            return
        self._changes += 1
        self._replan |= touched
        self._items = None

    def complete(self, then: Callable[[], object] | None = None) -> None:
        """Today's part is kept: make the whole plans off the GUI thread, for the same
        moment, then call ``then``. A change, new plans or time moving on meanwhile wins:
        those plans are not used (what reads them plans at once instead)."""
        if self.stage is not Stage.PART:
            if then is not None:
                then()
            return
        from followup_desktop.background import run_in_background  # noqa: PLC0415

        assert self.planned_at is not None
        changes, moment = self._changes, self.planned_at

        def arrived(plans: Plans) -> None:  # the part is made once: still kept if PART
            if self.stage is Stage.PART and changes == self._changes:
                self._set(plans, Stage.WHOLE, moment)
            if then is not None:
                then()

        def failed(_error: BaseException) -> None:
            if then is not None:
                then()

        run_in_background(self._off_thread(moment), arrived, failed)

    def move(self, now: datetime, done: Callable[[], None]) -> None:
        """Time moved on: plan everything for ``now`` off the GUI thread, keeping the plans
        of a moment ago meanwhile, then call ``done`` (for the latest move only). A change
        meanwhile wins: then everything is planned again when next asked."""
        from followup_desktop.background import run_in_background  # noqa: PLC0415

        self._moves += 1
        ticket, changes = self._moves, self._changes
        plan = self._off_thread(now)
        kept = dict(self._plans) if self.stage is Stage.WHOLE else {}

        def work() -> Plans:
            return kept_where_equal(plan(), kept)

        def arrived(plans: Plans) -> None:
            if ticket != self._moves:  # a later move is on its way
                return
            if changes != self._changes:
                self.forget()
            else:
                self._set(plans, Stage.WHOLE, now)
            done()

        def failed(_error: BaseException) -> None:
            if ticket == self._moves:
                self.forget()
                done()

        run_in_background(work, arrived, failed)


def kept_where_equal(plans: Plans, kept: Plans) -> Plans:
    """``plans``, with each plan that reads as the one kept replaced by that very list, on
    the thread that planned: what is kept per plan (its reminders, its moments of change,
    the Interviews row made from it) is kept while the plan is the same list, so a time
    move or another program's write that changed one plan has the GUI thread read that one
    plan again, not every plan (20-30 ms at 10,000 interviews)."""
    return {
        app_id: old if (old := kept.get(app_id)) is not None and same_plan(old, items) else items
        for app_id, items in plans.items()
    }


_MOMENTS = ("due", "opens", "done_at", "missed_at")


def same_plan(old: list[PlanItem], new: list[PlanItem]) -> bool:
    """Equal, with every moment the same instant written in the same zone. Aware datetimes
    in two zones compare as instants, yet an item's day is its due moment's date where that
    moment is written (a zone changed in the settings plans the same instants in another
    zone); in one zone they compare by the wall clock, whose 01:30 comes twice the night
    summer time ends (``fold`` tells them apart, an hour apart)."""
    return old == new and all(
        (was := getattr(a, name)) is None
        or ((now := getattr(b, name)).tzinfo is was.tzinfo and now.fold == was.fold)
        for a, b in zip(old, new, strict=True)
        for name in _MOMENTS
    )
