"""The Interviews page's rows: each application's and round's shown words and sort keys,
made from its records and plan items, and their order. Plain Python over the session's
values (its ``LocaleDates`` made for a thread), so rows can be made off the GUI thread: 10,000
applications read and written out take 0.35 s (``InterviewsModel.reload_in_background``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from followup.model import Application, Round, Status
from followup.plan import ItemKind, ItemState, PlanItem
from followup.unreadable import Unreadable
from followup_desktop.locale_dates import LocaleDates


class Store(Protocol):
    """What the rows are read from: the session's repository, or one of a thread's own."""

    def applications(self) -> list[Application]: ...
    def applications_of(self, app_ids: Iterable[int]) -> list[Application]: ...
    def rounds(
        self, application_id: int | None = None, *, active_only: bool = False
    ) -> list[Round]: ...
    def unreadable(self) -> list[Unreadable]: ...


SEPARATOR = "\x1f"  # between a row's cells in its words to find: no match spans two cells
STATUS_WORDS = {
    Status.ACTIVE: "Active",
    Status.OFFER: "Offer",
    Status.CLOSED: "Closed",
    Status.RETIRED: "Retired",
}

Cells = list[tuple[str, Any]]  # per column: (shown text, sort key)


@dataclass(eq=False)  # a row is itself: compared field by field, finding one cost 20 ms
class AppRow:
    app: Application
    rounds: list[Round] = field(default_factory=list)
    next_step: str = ""
    next_due: datetime | None = None
    cells: Cells = field(default_factory=list)  # computed once per reload, not per paint
    round_cells: list[Cells] = field(default_factory=list)
    invalid: Unreadable | None = None  # stored values that cannot be read (shown repaired)
    invalid_rounds: dict[int, Unreadable] = field(default_factory=dict)
    plan: list[PlanItem] | None = None  # the items the cells were made from
    words: str = ""  # the shown words, casefolded: what the filter looks in
    round_words: list[str] = field(default_factory=list)
    shown: list[int] | None = None  # under a filter, the rounds that match (None: all)

    def round_count(self) -> int:
        """How many rounds show under it."""
        return len(self.rounds) if self.shown is None else len(self.shown)

    def round_at(self, row: int) -> int:
        """The shown round ``row``'s place in ``rounds``."""
        return row if self.shown is None else self.shown[row]


def words_of(cells: Cells) -> str:
    return SEPARATOR.join(text for text, _key in cells).casefold()


INVALID = "⚠ Invalid"


def fix_hint(bad: Unreadable) -> str:
    return f"Cannot be read: {bad.reason}. Edit it to fix, or delete it."


NO_STEP = "No step planned: add a round, or close it"


def next_step(
    items: list[PlanItem], dates: LocaleDates, zone: ZoneInfo, company: str = ""
) -> tuple[str, datetime | None]:
    """The nearest open step; else the nearest waiting one (a call whose week has not come)."""
    open_ = [i for i in items if i.state.pending and i.due is not None]
    waiting = [i for i in items if i.state is ItemState.WAITING and i.due is not None]
    if not open_ and not waiting:
        return "", None
    first = min(open_ or waiting, key=lambda i: (i.state is not ItemState.OVERDUE, i.due))
    assert first.due is not None
    word = "Overdue: " if first.state is ItemState.OVERDUE else ""
    step = first.title.split(":")[0]
    if company:  # the row already names the company
        step = step.removesuffix(f" at {company}").removesuffix(f" for {company}")
    return f"{word}{step} by {dates.day(first.due.astimezone(zone).date())}", first.due


@dataclass(frozen=True)
class RowMaker:
    """How rows read and sort: the day names, the zone, the interviewers' names, and the
    column (-1: the store's order) and way the user sorted by."""

    dates: LocaleDates
    zone: ZoneInfo
    names: dict[int, str]
    column: int = -1
    descending: bool = False

    def fill(self, row: AppRow, items: list[PlanItem]) -> None:
        """The row's shown values, from its plan items (active applications have some)."""
        row.plan = items
        steps = [i for i in items if i.kind is not ItemKind.INTERVIEW]
        by_round: dict[int, list[PlanItem]] = defaultdict(list)
        for item in steps:
            if item.round_id is not None:
                by_round[item.round_id].append(item)
        row.next_step, row.next_due = next_step(steps, self.dates, self.zone, row.app.company)
        if not row.next_step and row.app.status is Status.ACTIVE:
            row.next_step = NO_STEP  # never blank while the application is open
        row.cells = self.app_values(row)
        row.words = words_of(row.cells)
        row.round_cells = [
            self.round_values(
                r,
                next_step(by_round[r.id], self.dates, self.zone, row.app.company)[0],
                row.invalid_rounds.get(r.id),
            )
            for r in row.rounds
        ]
        row.round_words = [words_of(cells) for cells in row.round_cells]

    def sorted(self, rows: list[AppRow]) -> list[AppRow]:
        """Two stable sorts: by id, then by the key (ties keep the store's order both ways)."""
        ordered = sorted(rows, key=lambda r: r.app.id)
        column = self.column
        if column < 0:
            return ordered
        return sorted(ordered, key=lambda r: r.cells[column][1], reverse=self.descending)

    def sort_rounds(self, row: AppRow) -> None:
        order = self.round_order(row)
        if order:
            reorder_rounds(row, order)

    def round_order(self, row: AppRow) -> list[int] | None:
        """The application's rounds' places in the order asked; None if they are in it."""
        if len(row.rounds) < 2:
            return None
        order = sorted(range(len(row.rounds)), key=lambda n: row.rounds[n].id)
        column = self.column
        if column >= 0:
            cells = row.round_cells
            order.sort(key=lambda n: cells[n][column][1], reverse=self.descending)
        return None if order == list(range(len(order))) else order

    def place(self, row: AppRow, rows: list[AppRow]) -> int:
        """Where ``row`` goes among ``rows`` (sorted): the order ``sorted`` makes."""
        column, descending = self.column, self.descending

        def before(a: AppRow, b: AppRow) -> bool:
            if column >= 0:
                ka, kb = a.cells[column][1], b.cells[column][1]
                if ka != kb:
                    return bool(ka > kb if descending else ka < kb)
            return a.app.id < b.app.id

        low, high = 0, len(rows)
        while low < high:
            middle = (low + high) // 2
            if before(rows[middle], row):
                low = middle + 1
            else:
                high = middle
        return low

    def app_values(self, row: AppRow) -> Cells:
        app = row.app
        applied = app.applied_on.isoformat() if app.applied_on else ""
        shown = f"applied {self.dates.day(app.applied_on)}" if app.applied_on else ""
        if row.invalid is not None:
            hint = fix_hint(row.invalid)
            return [
                (app.company, app.company.casefold()),
                (app.role, app.role.casefold()),
                (shown, applied),
                (INVALID, "!"),
                (hint, "!"),
            ]
        return [
            (app.company, app.company.casefold()),
            (app.role, app.role.casefold()),
            (shown, applied),
            (STATUS_WORDS[app.status], app.status.value),
            (row.next_step, row.next_due.isoformat() if row.next_due else "~"),
        ]

    def round_values(
        self, round_: Round, note: str = "", invalid: Unreadable | None = None
    ) -> Cells:
        start = round_.starts_at.astimezone(self.zone)
        people = ", ".join(self.names.get(i, "?") for i in round_.interviewer_ids)
        title = f"{round_.kind.value.capitalize()} interview" + (
            f": {round_.title}" if round_.title else ""
        )
        if invalid is not None:
            title = title[:80]
            return [
                (title, title.casefold()),
                (people or "no interviewer yet", people.casefold()),
                (INVALID, "!"),
                ("", ""),
                (fix_hint(invalid), "!"),
            ]
        return [
            (title, title.casefold()),
            (people or "no interviewer yet", people.casefold()),
            (self.dates.day_time(start), start.isoformat()),
            ("", ""),
            (note, note),
        ]


# A full read that finds more rows changed than this puts every row in again (one reset of
# the model): each changed row costs the GUI thread a move or an insert, and renumbering
# 10,000 rows, about 2 ms; a reset with the tree's layout after it, 70-100 ms.
MOST_CHANGES = 20


@dataclass(frozen=True)
class RowChanges:
    """What a full read found different from the rows the page had: rows new or changed
    (by application id), and the ids of those gone."""

    rows: dict[int, AppRow]
    gone: frozenset[int]

    def app_ids(self) -> frozenset[int]:
        return self.gone | self.rows.keys()


def same_row(old: AppRow, new: AppRow) -> bool:
    """Whether the row reads, sorts and refers to its records as before (what the filter
    shows of it is the model's, not compared)."""
    return (
        old.cells == new.cells
        and old.round_cells == new.round_cells
        and old.app == new.app
        and old.rounds == new.rounds
        and old.invalid == new.invalid
        and old.invalid_rounds == new.invalid_rounds
        and old.next_due == new.next_due
        and old.plan == new.plan
    )


def changes(before: list[AppRow], after: dict[int, AppRow]) -> RowChanges | None:
    """The rows of ``after`` (a full read) that differ from ``before`` (the rows shown),
    made on the reading thread: another program's write most often changes one row, and
    putting one row in spares the GUI thread a reset of 10,000 (the rows read alike are
    let go there, too). None when more than ``MOST_CHANGES`` differ."""
    fresh: dict[int, AppRow] = {}
    gone: set[int] = set()
    for old in before:
        new = after.get(old.app.id)
        if new is None:
            gone.add(old.app.id)
        elif not same_row(old, new):
            fresh[old.app.id] = new
        if len(fresh) + len(gone) > MOST_CHANGES:
            return None
    known = {old.app.id for old in before}
    for app_id, new in after.items():
        if app_id not in known:
            fresh[app_id] = new
            if len(fresh) + len(gone) > MOST_CHANGES:
                return None
    return RowChanges(fresh, frozenset(gone))


def reorder_rounds(row: AppRow, order: list[int]) -> None:
    row.rounds = [row.rounds[n] for n in order]
    row.round_cells = [row.round_cells[n] for n in order]
    row.round_words = [row.round_words[n] for n in order]


def read_rows(
    repo: Store,
    plans: dict[int, list[PlanItem]],
    maker: RowMaker,
    app_ids: Iterable[int] | None = None,
) -> dict[int, AppRow]:
    """Every application's row (or only these applications'), filled and its rounds in
    order: records that cannot be read are listed with their bad fields replaced, and
    marked."""
    if app_ids is None:
        rows = {a.id: AppRow(a) for a in repo.applications()}
        rounds = repo.rounds()
    else:
        wanted = set(app_ids)
        rows = {a.id: AppRow(a) for a in repo.applications_of(wanted)}
        rounds = [r for app_id in rows for r in repo.rounds(app_id)]
    for bad in repo.unreadable():
        if isinstance(bad.repaired, Application) and (app_ids is None or bad.id in wanted):
            rows[bad.id] = AppRow(bad.repaired, invalid=bad)
            if app_ids is not None:
                rounds += repo.rounds(bad.id)
    for bad in repo.unreadable():  # (again: reading a bad application's rounds adds some)
        if isinstance(bad.repaired, Round) and bad.repaired.application_id in rows:
            rounds.append(bad.repaired)
            rows[bad.repaired.application_id].invalid_rounds[bad.id] = bad
    for round_ in rounds:
        if round_.application_id in rows:
            rows[round_.application_id].rounds.append(round_)
    for row in rows.values():
        maker.fill(row, plans.get(row.app.id, []))
        maker.sort_rounds(row)
    return rows
