"""The details pane beside (or below) the Interviews tree: the selected application or round
in full — interviewers and how to reach them, topics and strengths, the plan with each
step's date, state and reason, what was sent or said — and its actions.

It reads only what the selection needs: records by id, and the plans the session keeps
(a closed application, which the session does not plan, is planned once here and kept until
a change touches it or time moves)."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from followup.errors import FollowUpError
from followup.model import Application, Contact, Round, Status
from followup.plan import PlanItem
from followup_desktop.accessibility import named
from followup_desktop.interviews.details_state import (
    Details,
    Person,
    RoundDetails,
    Sent,
    Step,
    When,
    application_details,
    person,
    round_details,
)
from followup_desktop.locale_dates import LocaleDates
from followup_desktop.plan_items import state_word
from followup_desktop.session import Session

EMPTY = "Select an application or an interview round to see its details."


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _person_html(who: Person) -> str:
    lines = [f"<b>{_e(who.name)}</b>" + (f", {_e(who.title)}" if who.title else "")]
    if who.email:
        lines.append(f'E-mail: <a href="mailto:{_e(who.email)}">{_e(who.email)}</a>')
    if who.phone:
        lines.append(f"Phone: {_e(who.phone)}")
    if who.address:
        lines.append("Post: " + _e(", ".join(who.address)))
    if len(lines) == 1:
        lines.append("<i>No contact details yet: add them with Edit.</i>")
    return "<p>" + "<br>".join(lines) + "</p>"


def _steps_html(steps: tuple[Step, ...]) -> str:
    if not steps:
        return "<p><i>No steps planned.</i></p>"
    rows = "".join(
        f"<li><b>{_e(s.state)}</b>"
        + (f" · {_e(s.when)}" if s.when else "")
        + f" — {_e(s.title)}"
        + (f"<br><small>{_e(s.reason)}</small>" if s.reason else "")
        + "</li>"
        for s in steps
    )
    return f"<ul>{rows}</ul>"


def _sent_html(history: tuple[Sent, ...]) -> str:
    if not history:
        return "<p><i>Nothing sent or called yet.</i></p>"
    items = "".join(
        f"<li><b>{_e(s.what)}</b> {_e(s.when)}"
        + (f"<br><small>{_e(s.note)}</small>" if s.note else "")
        + "</li>"
        for s in history
    )
    return f"<ul>{items}</ul>"


def _list_html(label: str, values: tuple[str, ...]) -> str:
    if not values:
        return f"<p><b>{label}:</b> <i>none noted</i></p>"
    return f"<p><b>{label}:</b> " + _e("; ".join(values)) + "</p>"


def _round_html(r: RoundDetails) -> str:
    parts = [f"<h3>{_e(r.title)} · {_e(r.when)}</h3>", "<h4>Interviewers</h4>"]
    parts += [_person_html(p) for p in r.people] or ["<p><i>No interviewer yet.</i></p>"]
    parts.append(_list_html("Topics", r.topics))
    parts.append(_list_html("Strengths shown", r.strengths))
    if r.next_steps:
        parts.append(f"<p><b>Next steps they mentioned:</b> {_e(r.next_steps)}</p>")
    if r.decision_on:
        parts.append(f"<p><b>Decision expected:</b> {_e(r.decision_on)}</p>")
    if r.notes:
        parts.append(f"<p><b>Notes:</b> {_e(r.notes)}</p>")
    parts += ["<h4>Plan</h4>", _steps_html(r.plan)]
    parts += ["<h4>Letters and calls</h4>", _sent_html(r.history)]
    return "".join(parts)


def details_html(d: Details) -> str:
    """The pane's text: user data escaped, so names with "<" or "&" show as typed."""
    parts = [f"<h3>{_e(d.heading)}</h3>"]
    facts = [f"<b>{_e(d.status)}</b>"] + [f"{_e(k)}: {_e(v)}" for k, v in d.facts]
    parts.append("<p>" + " · ".join(facts) + "</p>")
    if d.contact is not None:
        parts += ["<h4>Contact</h4>", _person_html(d.contact)]
    if d.plan or not d.rounds:
        parts += ["<h4>Plan</h4>", _steps_html(d.plan)]
    if d.history or not d.rounds:
        parts += ["<h4>Status inquiries</h4>", _sent_html(d.history)]
    parts += [_round_html(r) for r in d.rounds]
    return "".join(parts)


class DetailsPane(QWidget):
    """Signals: ``action_requested(PlanItem)`` (write the letter, record the call, close
    after the quiet period: the window's one handler for items); ``close_requested()``
    (close now, before the plan suggests it); ``edit_requested()``."""

    action_requested = Signal(object)
    close_requested = Signal()
    edit_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.record: Application | Round | None = None
        self.details: Details | None = None
        self._closed_plans: dict[int, list[PlanItem]] = {}  # not-active applications
        self.text = named(QTextBrowser(), "Details of the selected item", style="details")
        self.text.setOpenExternalLinks(True)  # e-mail addresses open the mail app
        self.letter = named(QPushButton("Write the letter…"), "Write the follow-up letter")
        self.call = named(QPushButton("Record the call…"), "Record the phone call")
        self.close_button = named(QPushButton("Close…"), "Close the application")
        self.edit = named(QPushButton("Edit…"), "Edit the selected item's details")
        self.letter.clicked.connect(lambda: self._act("letter"))
        self.call.clicked.connect(lambda: self._act("call"))
        self.close_button.clicked.connect(self._close)
        self.edit.clicked.connect(self.edit_requested)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.letter, self.call, self.close_button, self.edit):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.show_record(None)

    # -- what it shows ------------------------------------------------------------------

    def forget(self, app_ids: frozenset[int] | None = None) -> None:
        """Plans made here for these applications (all: None) are out of date."""
        if app_ids is None:
            self._closed_plans = {}
        else:
            for app_id in app_ids:
                self._closed_plans.pop(app_id, None)

    def _plan(self, app: Application) -> list[PlanItem]:
        if app.status is Status.ACTIVE:
            return self.session.plans().get(app.id, [])
        if app.id not in self._closed_plans:
            from followup.planner import plans_by_application  # noqa: PLC0415

            s = self.session
            found = plans_by_application(
                s.repo, s.calendar(), s.zone, s.now(), s.settings.plan(), only=(app.id,)
            )
            self._closed_plans[app.id] = found.get(app.id, [])
        return self._closed_plans[app.id]

    def _people(self, ids: tuple[int, ...]) -> list[Person]:
        found = []
        for contact_id in ids:
            try:
                contact: Contact = self.session.repo.contact(contact_id)
            except FollowUpError:  # gone or unreadable: the name is still known, perhaps
                name = self.session.contact_names().get(contact_id, "An interviewer")
                found.append(Person(name))
                continue
            found.append(person(contact))
        return found

    def show_record(self, record: Application | Round | None) -> None:
        """Show this application or round (None: nothing selected)."""
        self.record = record
        self.details = None
        if record is not None:
            try:
                self.details = self._details(record)
            except FollowUpError as error:  # the database could not be read just now
                self.text.setHtml(f"<p>{_e(str(error))}</p>")
                self._enable()
                return
        self.text.setHtml(details_html(self.details) if self.details else f"<p>{_e(EMPTY)}</p>")
        self._enable()

    def _details(self, record: Application | Round) -> Details:
        s = self.session
        repo = s.repo
        zone = s.zone
        when = When(LocaleDates(s.now().astimezone(zone).date()), zone)  # the user's style
        app = record if isinstance(record, Application) else repo.application(record.application_id)
        items = self._plan(app)
        if isinstance(record, Round):
            rounds = [record]
            items = [i for i in items if i.round_id == record.id]
        else:
            rounds = sorted(repo.rounds(app.id), key=lambda r: r.starts_at)
        names = s.contact_names()
        shown = [
            round_details(
                r,
                self._people(r.interviewer_ids),
                [i for i in items if i.round_id == r.id],
                repo.letters(r.id),
                repo.calls(r.id),
                names,
                state_word,
                when,
            )
            for r in rounds
        ]
        online = isinstance(record, Application) and not rounds
        contact = None
        if online and app.contact_id is not None:
            contact = self._people((app.contact_id,))[0]
        inquiries = repo.inquiries(app.id) if isinstance(record, Application) else []
        return application_details(app, shown, items, inquiries, contact, state_word, when)

    def _enable(self) -> None:
        d = self.details
        self.letter.setEnabled(d is not None and d.letter is not None)
        self.call.setEnabled(d is not None and d.call is not None)
        self.close_button.setEnabled(d is not None and d.active)
        self.edit.setEnabled(self.record is not None)

    # -- what it does -------------------------------------------------------------------

    def _act(self, which: str) -> None:
        """The shown plan's open letter or call goes to the window's handler for items."""
        d = self.details
        item = None if d is None else d.letter if which == "letter" else d.call
        if item is not None:
            self.action_requested.emit(item)

    def _close(self) -> None:
        """When the plan suggests closing (the quiet period passed), that suggestion is
        acted on; before that, the page asks and closes it at once."""
        d = self.details
        if d is None or not d.active:
            return
        if d.close is not None and d.close.state.pending:
            self.action_requested.emit(d.close)
        else:
            self.close_requested.emit()
