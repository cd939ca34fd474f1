"""Add and edit applications, rounds and contacts. Bad input: a clear message, nothing saved."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from followup.errors import InvalidInput, NotFound, as_sentence
from followup.model import (
    Application,
    Contact,
    PostalAddress,
    Round,
    RoundKind,
    Source,
    Status,
)
from followup.unreadable import Unreadable
from followup.validation import wall_time
from followup_desktop.accessibility import named
from followup_desktop.date_range import bound_days
from followup_desktop.interviews.form import FormDialog, OptionalDate, qdate, text_line
from followup_desktop.interviews.people import PeopleList, PeopleModel
from followup_desktop.locale_dates import day_edit_format, time_edit_format
from followup_desktop.plain_text import PlainText
from followup_desktop.session import Session
from followup_desktop.unsaved import FINDS
from followup_desktop.wrapping import within_screen


def no_longer_a_contact(names: list[str]) -> str:
    """Contacts another program deleted, by name."""
    who = " and ".join(names) or "A contact"
    are = "is" if len(names) < 2 else "are"
    return f"{who} {are} no longer among your contacts: another program may have deleted them."


class ContactDialog(FormDialog):
    def __init__(
        self,
        session: Session,
        contact: Contact | None = None,
        parent: QWidget | None = None,
        *,
        company: str = "",
    ) -> None:
        super().__init__(session, "Edit contact" if contact else "New contact", parent)
        self.contact = contact
        c = contact or Contact(0, "-", company=company)
        self.name = text_line(c.name if contact else "", "Name")
        self.title = text_line(c.title, "Job title")
        self.company = text_line(c.company, "Company")
        self.email = text_line(c.email, "E-mail")
        self.phone = text_line(c.phone, "Phone")
        self.address = named(PlainText(str(c.address)), "Postal address")
        self.address.setPlaceholderText("Company\nStreet\nTown, postcode")
        self.address.setFixedHeight(90)
        wrap = self.fields.wrap
        form = QFormLayout()
        form.addRow("Name", wrap("name", self.name))
        form.addRow("Job title", wrap("title", self.title))
        form.addRow("Company", wrap("company", self.company))
        form.addRow("E-mail", wrap("email", self.email))
        form.addRow("Phone", wrap("phone", self.phone))
        form.addRow("Postal address", wrap("address", self.address))
        self.body.addLayout(form)
        self.finish()
        self.saved: Contact | None = None

    def gone_words(self, error: NotFound) -> str:
        if error.kind == "contact" and self.contact is not None:
            return no_longer_a_contact([self.contact.name])
        return super().gone_words(error)

    @classmethod
    def fixing(cls, session: Session, bad: Unreadable, parent: QWidget | None) -> ContactDialog:
        """The form on a stored contact that cannot be read: its repaired value, and beside
        each bad field why (saving checks the whole contact again)."""
        assert isinstance(bad.repaired, Contact)
        dialog = cls(session, bad.repaired, parent)
        for field, reason in bad.by_field:
            dialog.fields.note(field, reason)
        return dialog

    def save(self) -> None:
        value = Contact(
            self.contact.id if self.contact else 0,
            self.name.text(),  # spaces around each value are trimmed by the domain
            self.title.text(),
            self.company.text(),
            self.email.text(),
            self.phone.text(),
            PostalAddress.parse(self.address.toPlainText()),
        )
        repo = self.session.repo
        self.saved = self.session.commit(
            lambda: repo.update_contact(value) if self.contact else repo.add_contact(value)
        )


class ApplicationDialog(FormDialog):
    def __init__(
        self, session: Session, app: Application | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, "Edit application" if app else "New application", parent)
        self.app = app
        a = app or Application(0, "-", "-")
        today = session.now().astimezone(session.zone).date()
        self.company = text_line(a.company if app else "", "Company")
        self.role = text_line(a.role if app else "", "Role")
        self.url = text_line(a.posting_url, "Job posting link")
        self.applied = OptionalDate("Applied on", a.applied_on if app else today, today)
        self.source = named(QComboBox(), "Source")
        for source in Source:
            self.source.addItem(source.value.capitalize(), source.value)
        self.source.setCurrentIndex(list(Source).index(a.source))
        self.status = named(QComboBox(), "Status")
        for status in Status:
            self.status.addItem(status.value.capitalize(), status.value)
        self.status.setCurrentIndex(list(Status).index(a.status))
        self.contact = within_screen(named(QComboBox(), "Named contact"))
        self.contact.addItem("None yet", None)
        for contact_id, name in sorted(session.repo.contact_names().items(), key=lambda kv: kv[1]):
            self.contact.addItem(name, contact_id)
        if a.contact_id is not None:
            self.contact.setCurrentIndex(max(self.contact.findData(a.contact_id), 0))
        self.details = named(QPushButton("More details…"), "Show more details")
        wrap = self.fields.wrap
        form = QFormLayout()
        form.addRow("Company", wrap("company", self.company))
        form.addRow("Role", wrap("role", self.role))
        form.addRow("", wrap("applied_on", self.applied, focus=self.applied.edit))
        form.addRow("Applied through", wrap("source", self.source))
        form.addRow("Named contact", wrap("contact_id", self.contact))
        unfold = lambda: self.details.setChecked(True)  # noqa: E731
        more = QFormLayout()
        more.addRow("Job posting", wrap("posting_url", self.url, reveal=unfold))
        more.addRow("Status", wrap(("status", "status_reason"), self.status, reveal=unfold))
        self.body.addLayout(form)
        self.details.setCheckable(True)
        extra = QWidget()
        extra.setLayout(more)
        extra.setVisible(app is not None)
        self.details.setChecked(app is not None)
        self.details.toggled.connect(extra.setVisible)
        self.body.addWidget(self.details, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(extra)
        self.finish()
        self.saved: Application | None = None

    def save(self) -> None:
        value = Application(
            self.app.id if self.app else 0,
            self.company.text(),  # trimmed by the domain: the saved value is the one shown
            self.role.text(),
            self.url.text(),
            self.applied.value(),
            Source(self.source.currentData()),
            Status(self.status.currentData()),
            self.app.status_reason if self.app else "",
            self.contact.currentData(),
        )
        repo = self.session.repo
        self.saved = self.session.commit(
            lambda: repo.update_application(value) if self.app else repo.add_application(value)
        )


def _lines(edit: QPlainTextEdit) -> tuple[str, ...]:
    """One item a line (the domain trims each and drops the blank ones)."""
    return tuple(edit.toPlainText().splitlines())


@cache
def _zone_names() -> list[str]:
    """The places' zones (read from the system's files once: 12 ms each dialog otherwise)."""
    return sorted(z for z in available_timezones() if "/" in z and not z.startswith("Etc/"))


def last_whole_hour(now: datetime) -> tuple[datetime, datetime]:
    """The default for a new interview: the last whole hour that has ended, on one day, in
    ``now``'s zone; people mostly enter an interview they have just had, and one in the
    future could not be thanked for yet."""
    end = now.replace(minute=0, second=0, microsecond=0)
    start = (end.astimezone(UTC) - timedelta(hours=1)).astimezone(now.tzinfo)
    if start.date() != end.date():  # just after midnight: the hour before, yesterday
        start, end = (start.astimezone(UTC) - timedelta(hours=1)).astimezone(now.tzinfo), start
    return start, end


class RoundDialog(FormDialog):
    """When and how, who interviewed, and the notes the letter draws on."""

    def __init__(
        self,
        session: Session,
        application_id: int,
        round_: Round | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, "Edit interview" if round_ else "New interview", parent)
        self.application_id = application_id
        self.round = round_
        zone = ZoneInfo(round_.timezone) if round_ else session.zone
        now = session.now().astimezone(zone)
        start, end = (
            (round_.starts_at.astimezone(zone), round_.ends_at.astimezone(zone))
            if round_
            else last_whole_hour(now)
        )
        self.day = bound_days(named(QDateEdit(), "Date"))
        self.day.setDate(qdate(start.date()))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(day_edit_format())
        self.start = named(QTimeEdit(QTime(start.hour, start.minute)), "Start time")
        self.end = named(QTimeEdit(QTime(end.hour, end.minute)), "End time")
        for edit in (self.start, self.end):
            edit.setDisplayFormat(time_edit_format())
        self.zone = named(QComboBox(), "Time zone")
        self.zone.setEditable(True)
        self.zone.addItems(_zone_names())
        self.zone.setCurrentText(zone.key)
        self.kind = named(QComboBox(), "Kind")
        for kind in RoundKind:
            self.kind.addItem(kind.value.capitalize(), kind.value)
        self.kind.setCurrentIndex(list(RoundKind).index(round_.kind if round_ else RoundKind.VIDEO))
        self.title = text_line(round_.title if round_ else "", "Title")
        self.title.setPlaceholderText("e.g. Second round with the team")

        names = sorted(session.repo.contact_names().items(), key=lambda kv: kv[1])
        self.people_model = PeopleModel(names, round_.interviewer_ids if round_ else ())
        self.people = named(PeopleList(self.people_model), "Interviewers")
        # Among hundreds of contacts, the one who interviewed you is found by name.
        self.find_person = named(QLineEdit(), "Find a contact")
        self.find_person.setPlaceholderText("Find by name…")
        self.find_person.setClearButtonEnabled(True)
        self.find_person.setProperty(FINDS, True)  # closing with a search typed loses nothing
        self.find_person.textChanged.connect(self._show_people)
        add_person = named(QPushButton("New contact…"), "Add a new contact")
        add_person.clicked.connect(self._new_contact)
        self.edit_person = named(
            QPushButton("Edit contact…"), "Edit the selected contact: title, e-mail, postal address"
        )
        self.edit_person.clicked.connect(self.edit_contact)

        self.topics = named(
            PlainText("\n".join(round_.topics) if round_ else ""),
            "Topics discussed, one per line",
        )
        self.strengths = named(
            PlainText("\n".join(round_.strengths) if round_ else ""),
            "Strengths you showed, one per line",
        )
        # Examples of both ways people write notes; the letter templates fit either.
        self.topics.setPlaceholderText("e.g.\nevent sourcing\nhow the team plans releases")
        self.strengths.setPlaceholderText(
            "e.g.\nled the migration to Kubernetes\nfive years of SQL and Python in production"
        )
        self.next_steps = text_line(
            round_.next_steps if round_ else "", "What they said about next steps"
        )
        today = now.date()
        self.decision = OptionalDate(
            "They decide by", round_.decision_on if round_ else None, today
        )
        self.notes = named(PlainText(round_.notes if round_ else ""), "Other notes")

        wrap = self.fields.wrap
        when = QWidget()
        form = QFormLayout(when)
        form.addRow("Date", wrap("day", self.day))
        times = QWidget()
        times_row = QHBoxLayout(times)
        times_row.setContentsMargins(0, 0, 0, 0)
        times_row.addWidget(self.start)
        times_row.addWidget(QLabel("to"))
        times_row.addWidget(self.end)
        times_row.addStretch(1)
        form.addRow("Time", wrap("starts_at", times, focus=self.start))
        self.fields.also("ends_at", "starts_at", self.end)
        form.addRow("Time zone", wrap("timezone", self.zone))
        form.addRow("Kind", wrap("kind", self.kind))
        form.addRow("Title", wrap("title", self.title))
        who = QWidget()
        who_layout = QVBoxLayout(who)
        self.people_hint = QLabel()
        self.people_hint.setWordWrap(True)
        self._say_who()
        who_layout.addWidget(self.people_hint)
        who_layout.addWidget(self.find_person)
        who_layout.addWidget(wrap("interviewer_ids", self.people))
        people_buttons = QHBoxLayout()
        people_buttons.addWidget(add_person)
        people_buttons.addWidget(self.edit_person)
        people_buttons.addStretch(1)
        who_layout.addLayout(people_buttons)
        notes = QWidget()
        notes_form = QFormLayout(notes)
        notes_form.addRow("Topics discussed\n(one per line)", wrap("topics", self.topics))
        notes_form.addRow("Strengths you showed\n(one per line)", wrap("strengths", self.strengths))
        notes_form.addRow("Next steps", wrap("next_steps", self.next_steps))
        notes_form.addRow("", wrap("decision_on", self.decision, focus=self.decision.edit))
        notes_form.addRow("Other notes", wrap("notes", self.notes))
        tabs = QTabWidget()
        tabs.addTab(when, "Interview")
        tabs.addTab(who, "Interviewers")
        tabs.addTab(notes, "Notes")
        self.tabs = tabs
        self.body.addWidget(tabs)
        self.people_model.show_only("")  # now that the list is in its place
        self.finish()
        self.saved: Round | None = None

    def _say_who(self) -> None:
        """An empty list says how to fill it; a list says what ticking means."""
        self.people_hint.setText(
            "Tick everyone who interviewed you: one letter each."
            if self.people_model.count()
            else "No contacts yet. Add each person who interviewed you with “New contact…”: "
            "each gets a letter of their own."
        )

    def _show_people(self, text: str) -> None:
        """Only the contacts whose name holds the text (any case); the ticked ones always,
        so a tick is never out of sight."""
        self.people_model.show_only(text)
        self.people.scrollToTop()

    def edit_contact(self) -> None:
        """Edit the highlighted person (their postal address is what a posted letter needs)."""
        current = self.people.currentIndex()
        if not current.isValid():
            return  # nobody highlighted
        row = current.row()
        contact_id = self.people_model.contact_at(row)
        repo = self.session.repo
        try:
            dialog = ContactDialog(self.session, repo.contact(contact_id), self)
        except NotFound:  # another program deleted it while this form was open
            name = self.people_model.name_of(contact_id)
            QMessageBox.warning(self, "Contact not found", no_longer_a_contact([name]))
            return
        except InvalidInput as unreadable:  # stored so that it cannot be read (a hand edit)
            bad = repo.unreadable_record("contact", contact_id)
            if bad is None or not isinstance(bad.repaired, Contact):  # nothing to start from
                QMessageBox.warning(self, "Contact cannot be read", as_sentence(str(unreadable)))
                return
            dialog = ContactDialog.fixing(self.session, bad, self)
        if dialog.exec() and dialog.saved is not None:
            self.people_model.rename(row, dialog.saved.name)

    def _new_contact(self) -> None:
        try:  # the company the new contact is likely at
            company = self.session.repo.application(self.application_id).company
        except InvalidInput:  # deleted by another program (saving says so), or unreadable
            company = ""
        dialog = ContactDialog(self.session, None, self, company=company)
        if dialog.exec() and dialog.saved is not None:
            self.people_model.add(dialog.saved.id, dialog.saved.name)
            self._say_who()

    def interviewers(self) -> tuple[int, ...]:
        return self.people_model.interviewers()

    def gone_words(self, error: NotFound) -> str:
        """A ticked interviewer deleted meanwhile is named (the user never sees ids)."""
        if error.field != "interviewer_ids":
            return super().gone_words(error)
        ticked = self.interviewers()
        there = self.session.repo.contact_names(ticked)
        gone = [self.people_model.name_of(i) for i in ticked if i not in there]
        return f"{no_longer_a_contact(gone)} Untick them to save."

    def _moment(self, at: QTime, zone: ZoneInfo, what: str, field: str) -> datetime:
        """The clock reading in the interview's zone; one the clocks skip or repeat there is
        refused by the domain's rule, with the choices."""
        day = self.day.date().toPython()
        assert isinstance(day, date)
        moment = datetime.combine(day, time(at.hour(), at.minute()))
        return wall_time(moment, zone, what, field=field)

    def save(self) -> None:
        from followup.model import check_timezone  # noqa: PLC0415

        zone_name = self.zone.currentText().strip()
        check_timezone(zone_name)
        zone = ZoneInfo(zone_name)
        value = Round(
            self.round.id if self.round else 0,
            self.application_id,
            self._moment(self.start.time(), zone, "the start", "starts_at"),
            self._moment(self.end.time(), zone, "the end", "ends_at"),
            zone_name,
            RoundKind(self.kind.currentData()),
            self.title.text(),  # spaces around each value are trimmed by the domain
            self.interviewers(),
            _lines(self.topics),
            _lines(self.strengths),
            self.next_steps.text(),
            self.decision.value(),
            self.notes.toPlainText(),
        )
        if self.unreadable is not None:
            self.unreadable.check_fix(value)
        repo = self.session.repo
        self.saved = self.session.commit(
            lambda: repo.update_round(value) if self.round else repo.add_round(value)
        )
