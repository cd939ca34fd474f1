"""Plans for rounds and online applications, and the agenda, on a real database."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from followup.agenda import agenda
from followup.model import Application, Channel, Contact, Round, Status
from followup.plan import ItemKind, ItemState, PlanSettings
from followup.planner import all_items
from followup.storage import Repository
from followup.workdays import WorkCalendar

NY = ZoneInfo("America/New_York")
US = WorkCalendar(country="US")


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=NY)


def setup_round(repo: Repository, interviewers: int = 2) -> Round:
    app = repo.add_application(Application(0, "Acme", "Backend Engineer"))
    ids = tuple(repo.add_contact(Contact(0, f"Person {i}")).id for i in range(interviewers))
    return repo.add_round(
        Round(
            0,
            app.id,
            at(date(2026, 11, 25)),
            at(date(2026, 11, 25), 11),
            "America/New_York",
            interviewer_ids=ids,
        )
    )


def by_kind(items: list, kind: ItemKind) -> list:
    return [i for i in items if i.kind is kind]


def test_one_letter_per_interviewer_then_one_call_then_close(repo: Repository) -> None:
    r = setup_round(repo)
    now = at(date(2026, 11, 25), 9)
    items = all_items(repo, US, NY, now)
    letters = by_kind(items, ItemKind.LETTER)
    assert [i.state for i in letters] == [ItemState.WAITING, ItemState.WAITING]  # not over yet
    assert {i.due for i in letters} == {datetime(2026, 11, 30, 17, tzinfo=NY)}
    assert "Thanksgiving Day (Thu 2026-11-26)" in letters[0].reason
    assert by_kind(items, ItemKind.CALL)[0].state is ItemState.WAITING

    first = r.interviewer_ids[0]
    repo.record_letter(r.id, first, Channel.EMAIL, at(date(2026, 11, 26)))
    items = all_items(repo, US, NY, at(date(2026, 12, 1), 9))
    letters = by_kind(items, ItemKind.LETTER)
    assert [i.state for i in letters] == [ItemState.DONE, ItemState.OVERDUE]
    call = by_kind(items, ItemKind.CALL)[0]
    assert call.due == datetime(2026, 12, 3, 17, tzinfo=NY)  # Thu 26 Nov + 7 = Thu 3 Dec
    assert call.state is ItemState.WAITING

    repo.record_call(r.id, at(date(2026, 12, 3)), "left a message")
    items = all_items(repo, US, NY, at(date(2026, 12, 10)), PlanSettings(quiet_days=14))
    close = by_kind(items, ItemKind.CLOSE)[0]
    assert close.due.date() == date(2026, 12, 17)
    assert close.state is ItemState.WAITING
    items = all_items(repo, US, NY, at(date(2026, 12, 18)))
    assert by_kind(items, ItemKind.CLOSE)[0].state is ItemState.DUE


def test_a_round_without_interviewers_still_plans_a_letter(repo: Repository) -> None:
    setup_round(repo, interviewers=0)
    letters = by_kind(all_items(repo, US, NY, at(date(2026, 11, 26))), ItemKind.LETTER)
    assert len(letters) == 1
    assert "Add who interviewed you" in letters[0].reason


def test_closed_application_cancels_what_is_pending(repo: Repository) -> None:
    r = setup_round(repo)
    repo.set_status(r.application_id, Status.CLOSED, "no response")
    items = all_items(repo, US, NY, at(date(2026, 12, 2)))
    assert {i.state for i in items if i.kind is not ItemKind.INTERVIEW} == {ItemState.CANCELLED}
    assert agenda(items, at(date(2026, 11, 1)), at(date(2027, 1, 1))) == [
        i for i in items if i.kind is ItemKind.INTERVIEW
    ]


def test_online_application_plan(repo: Repository) -> None:
    app = repo.add_application(Application(0, "Globex", "SRE", applied_on=date(2026, 11, 2)))
    items = all_items(repo, US, NY, at(date(2026, 11, 10)))
    kinds = [i.kind for i in items]
    assert kinds == [ItemKind.FIND_CONTACT, ItemKind.INQUIRY]
    inquiry = items[1]
    assert inquiry.due.date() == date(2026, 11, 17)  # 10 business days; Veterans Day skipped
    assert inquiry.state is ItemState.WAITING
    repo.record_inquiry(app.id, Channel.EMAIL, at(date(2026, 11, 17)))
    items = all_items(repo, US, NY, at(date(2026, 12, 2)))
    assert [i.kind for i in items][-1] is ItemKind.CLOSE
    repo.set_status(app.id, Status.RETIRED)
    items = all_items(repo, US, NY, at(date(2026, 12, 2)))
    assert all(i.state in (ItemState.CANCELLED, ItemState.DONE) for i in items)


def test_agenda_lists_overdue_first_then_by_time(repo: Repository) -> None:
    setup_round(repo)
    late = repo.add_application(Application(0, "Initech", "Dev"))
    repo.add_round(
        Round(0, late.id, at(date(2026, 11, 20)), at(date(2026, 11, 20), 11), "America/New_York")
    )  # its letter was due Tue 24 Nov: overdue, and not yet missed (its call would be 1 Dec)
    now = at(date(2026, 11, 27), 12)
    items = all_items(repo, US, NY, now)
    start = at(date(2026, 11, 27), 0)
    chosen = agenda(items, start, start + timedelta(days=7))
    assert chosen[0].state is ItemState.OVERDUE
    assert chosen[0].title == "Thank-you letter for Initech"  # no name yet: the company
    assert [i.due for i in chosen[1:]] == sorted(i.due for i in chosen[1:])
    assert all(i.state is not ItemState.DONE for i in chosen)


def test_open_suggestions_stay_on_the_agenda_however_old(repo: Repository) -> None:
    r = setup_round(repo, interviewers=1)
    repo.record_letter(r.id, r.interviewer_ids[0], Channel.EMAIL, at(date(2026, 11, 26)))
    repo.record_call(r.id, at(date(2026, 12, 3)))
    now = at(date(2027, 2, 1))
    start = at(date(2027, 2, 1), 0)
    chosen = agenda(all_items(repo, US, NY, now), start, start + timedelta(days=7))
    assert [i.kind for i in chosen] == [ItemKind.CLOSE]
    assert chosen[0].state is ItemState.DUE


def test_items_between_finds_what_a_calendar_month_shows(repo: Repository) -> None:
    from followup.planner import items_between

    r = setup_round(repo, interviewers=1)
    repo.record_letter(r.id, r.interviewer_ids[0], Channel.EMAIL, at(date(2026, 11, 26)))
    repo.set_status(r.application_id, Status.CLOSED)  # closed: still on the calendar
    december = items_between(
        repo, US, NY, at(date(2027, 1, 5)), at(date(2026, 12, 1), 0), at(date(2027, 1, 1), 0)
    )
    assert [i.kind for i in december] == [ItemKind.CALL]
    assert december[0].state is ItemState.CANCELLED
    november = items_between(
        repo, US, NY, at(date(2027, 1, 5)), at(date(2026, 11, 1), 0), at(date(2026, 12, 1), 0)
    )
    assert [i.kind for i in november] == [ItemKind.INTERVIEW, ItemKind.LETTER]
    assert november[1].state is ItemState.DONE


def test_the_call_is_to_the_person_whose_letter_went_first(repo: Repository) -> None:
    """Found trying the app as a new user: with only the second interviewer's letter sent,
    Today planned 'Phone call to' the first, whose letter had not gone."""
    r = setup_round(repo)
    first, second = r.interviewer_ids
    repo.record_letter(r.id, second, Channel.POST, at(date(2026, 11, 27)))
    call = by_kind(all_items(repo, US, NY, at(date(2026, 11, 30))), ItemKind.CALL)[0]
    assert call.contact_id == second and call.title == "Phone call to Person 1 at Acme"
    repo.record_letter(r.id, first, Channel.EMAIL, at(date(2026, 11, 30)))  # a later letter
    call = by_kind(all_items(repo, US, NY, at(date(2026, 12, 1))), ItemKind.CALL)[0]
    assert call.contact_id == second, "the call follows up the first letter"
    other = setup_round(repo)  # before any letter: the first interviewer, as the plan says
    items = all_items(repo, US, NY, at(date(2026, 11, 30)))
    call = next(i for i in by_kind(items, ItemKind.CALL) if i.round_id == other.id)
    assert call.contact_id == other.interviewer_ids[0]
