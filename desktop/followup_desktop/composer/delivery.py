"""How the letter leaves: e-mail (SMTP, or the user's mail app) or the post (preview, print,
PDF, envelope), or marked as sent by hand. Each path first lists the letter's open errors
(fix them, or confirm and have that recorded), checks the etiquette, and records the letter
only when it has really gone; a failure says why and keeps the draft."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage, QPageSize
from PySide6.QtWidgets import QMessageBox, QWidget

from followup import letter_layout, rules
from followup.errors import FollowUpError, Refusal
from followup.file_names import file_name
from followup.letter_layout import BusinessLetter, business_letter, envelope, missing_for_post
from followup.mail import MailAccount, build_message, mailto_url, send
from followup.model import Channel, Letter, Override, Profile
from followup.post import post_timing
from followup.send_gate import combine
from followup.sending import check_allowed
from followup_desktop import credentials
from followup_desktop.background import run_in_background
from followup_desktop.composer.gate import pass_gate
from followup_desktop.composer.outgoing import Outgoing
from followup_desktop.composer.record_undo import MarkedSent
from followup_desktop.composer.send_dialog import SendDialog
from followup_desktop.composer.sent_question import ask_sent
from followup_desktop.session import Session

EMPTY = "The letter is empty. Write it first, or start from a template."


class Delivery(QObject):
    """Signals: ``letter_sent(Letter)``; ``busy(bool)`` while a mail server is talking;
    ``status(str)`` for the composer's status line."""

    letter_sent = Signal(object)
    busy = Signal(bool)
    status = Signal(str)

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent

    # -- checks ----------------------------------------------------------------------------

    def gate(self, out: Outgoing, action: str) -> tuple[bool, Override | None]:
        """Something is written, and the open errors are fixed or explicitly confirmed,
        before anything leaves (an empty letter, say one whose text was not kept, went out
        as an empty e-mail: found by the review)."""
        if not out.body.strip():
            self.session.dialogs.error(self.parent_widget, "Nothing to send", EMPTY)
            return False, None
        return pass_gate(self.parent_widget, out.errors, action, self.session.now(), out.subject)

    def etiquette(self, out: Outgoing, channel: Channel) -> tuple[bool, Override | None]:
        """(go ahead?, the recorded override if the user chose one)."""
        now = self.session.now()
        try:
            out.letter(channel, now).check()  # what is recorded must fit before it leaves
            check_allowed(
                self.session.repo,
                out.round.id,
                out.contact.id,
                channel,
                now,
                dates=self.session.dates(),
            )
        except Refusal as refusal:
            reason = self.session.dialogs.confirm_override(self.parent_widget, refusal)
            if reason is None:
                return False, None
            return True, Override(refusal.rule, reason, now)
        except FollowUpError as error:
            self.session.dialogs.error(self.parent_widget, "Not sent", str(error))
            return False, None
        return True, None

    def post_warning(self, out: Outgoing) -> str:
        """Empty, or why the post would be late (then e-mail is the better choice)."""
        cal = self.session.calendar()
        zone = self.session.zone
        place = rules.zone_of(out.round)  # counted where the interview was, as plans count
        deadline = rules.letter_deadline(out.round.starts_at, cal, place).business_days[1]
        today = self.session.now().astimezone(zone).date()
        timing = post_timing(
            today,
            int(self.session.settings["post.delivery_days"]),
            cal,
            deadline,
            out.round.decision_on,
            self.session.dates(),
            has_email=bool(out.contact.email),
        )
        return timing.warning

    # -- e-mail ----------------------------------------------------------------------------

    def _account(self) -> MailAccount:
        s = self.session.settings
        return MailAccount(
            s["smtp.host"],
            int(s["smtp.port"]),
            s["smtp.security"],
            s["smtp.user"],
            bool(s["smtp.allow_unencrypted_login"]),
        )

    def _password(self, account: MailAccount) -> tuple[bool, str | None]:
        """(go ahead?, password). From the keyring, else asked; kept only if the user says so."""
        if not account.user:
            return True, None
        key = credentials.account_name(account.user, account.host)
        stored = credentials.get_password(key)
        if stored is not None:
            return True, stored
        from followup_desktop.composer.password_dialog import PasswordDialog  # noqa: PLC0415

        available = credentials.available()
        dialog = PasswordDialog(account.user, account.host, available, self.parent_widget)
        if not dialog.exec():
            return False, None
        password = dialog.password.text()
        if available and dialog.keep.isChecked():  # only with the user's yes
            try:
                credentials.set_password(key, password)
            except credentials.KeyringUnavailable as error:
                self.status.emit(str(error))
        return True, password

    def send_email(self, out: Outgoing) -> None:
        profile = self.session.settings.profile()
        account = self._account()
        try:
            account.check()
            message = build_message(
                profile.name,
                profile.email,
                out.contact.name,
                out.contact.email,
                out.subject,
                out.body,
                self.session.now(),
                self.session.zone,  # the Date header in the user's own offset
            )
        except FollowUpError as error:
            self.session.dialogs.error(self.parent_widget, "Not sent", str(error))
            return
        # A refusal (too early, a second letter) first: no point confirming findings for it.
        go, refusal = self.etiquette(out, Channel.EMAIL)
        if not go:
            return
        go, confirmed = self.gate(out, "Send")
        if not go:
            return
        override = combine(refusal, confirmed)
        go, password = self._password(account)
        if not go:
            return
        if confirmed is None:  # confirmed at the gate already: no second question
            answer = QMessageBox.question(
                self.parent_widget,
                "Send the letter?",
                f"Send “{out.subject}” to {out.contact.name} <{out.contact.email}> now?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.busy.emit(True)
        self.status.emit(f"Sending to {account.host}…")
        run_in_background(
            lambda: send(message, account, password),
            lambda _: self._sent(out, Channel.EMAIL, override),
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self.busy.emit(False)
        self.status.emit("Not sent; your draft is kept.")
        self.session.dialogs.error(self.parent_widget, "Not sent", str(error))

    def _sent(
        self,
        out: Outgoing,
        channel: Channel,
        override: Override | None,
        when: datetime | None = None,
    ) -> None:
        self.busy.emit(False)
        made = out.letter(channel, when or self.session.now())  # with the words that left
        letter: Letter | None = self.session.run(
            self.parent_widget,
            lambda: self.session.repo.record_letter(
                made.round_id,
                made.contact_id,
                channel,
                made.sent_at,
                override,
                self.session.dates(),
                subject=made.subject,
                body=made.body,
            ),
        )
        if letter is not None:
            self.letter_sent.emit(letter)  # first: the composer shows the letter as it left
            self.status.emit(
                f"Sent by {channel.label()} and recorded. The call is planned a week from now."
            )

    def open_mail_app(self, out: Outgoing) -> None:
        if not out.contact.email:
            self.session.dialogs.error(
                self.parent_widget,
                "No e-mail address",
                f"{out.contact.name} has no e-mail address.",
            )
            return
        go, refusal = self.etiquette(out, Channel.EMAIL)
        if not go:
            return
        go, confirmed = self.gate(out, "Open in mail app")
        if not go:
            return
        override = combine(refusal, confirmed)
        opened = QDesktopServices.openUrl(
            QUrl(mailto_url(out.contact.email, out.subject, out.body))
        )
        if not opened:
            QGuiApplication.clipboard().setText(out.body)
            self.status.emit("No mail app opened; the letter is copied to the clipboard.")
        to = f"{out.contact.name} <{out.contact.email}>"
        if ask_sent(self.parent_widget, out.subject, out.body, to, opened):  # never assumed
            self._sent(out, Channel.EMAIL, override)

    # -- post --------------------------------------------------------------------------------

    def _addresses(self, out: Outgoing, what: str) -> Profile | None:
        """The profile, if both addresses are there for the post; else say what is missing."""
        profile = self.session.settings.profile()
        missing = missing_for_post(profile, out.contact)
        if missing:
            self.session.dialogs.error(
                self.parent_widget,
                letter_layout.missing_title(profile, out.contact),
                f"The {what} needs " + ", ".join(missing) + ".",
            )
            return None
        return profile

    def business_letter(self, out: Outgoing) -> BusinessLetter | None:
        profile = self._addresses(out, "letter")
        if profile is None:
            return None
        app = self.session.repo.application(out.round.application_id)
        today = self.session.now().astimezone(self.session.zone).date()
        return business_letter(
            out.body, profile, out.contact, app.company, today, self.session.letter_dates()
        )

    def _signature_and_paper(self) -> tuple[QImage | None, QPageSize.PageSizeId]:
        from followup_desktop import signature as signatures  # noqa: PLC0415
        from followup_desktop.printing import default_paper  # noqa: PLC0415

        image = signatures.load(signatures.signature_path(self.session.repo.db.path.parent))
        country = self.session.calendar().country or ""  # the letter's country, not the locale's
        paper = default_paper(self.session.settings["post.paper"], country)
        return image, paper

    def print_letter(self, out: Outgoing, *, preview: bool) -> None:
        from followup_desktop.printing import preview_and_print  # noqa: PLC0415

        letter = self.business_letter(out)
        if letter is None:
            return
        go, confirmed = self.gate(out, "Print")
        if not go:
            return
        image, paper = self._signature_and_paper()
        try:
            printed = preview_and_print(self.parent_widget, letter, image, paper, preview=preview)
        except FollowUpError as error:
            self.session.dialogs.error(self.parent_widget, "Not printed", str(error))
            return
        if printed:
            self._offer_to_record(out, confirmed)

    def save_pdf(self, out: Outgoing, path: Path | None = None) -> Path | None:
        from followup_desktop.printing import letter_pdf  # noqa: PLC0415

        letter = self.business_letter(out)
        if letter is None:
            return None
        go, _confirmed = self.gate(out, "Save the PDF")
        if not go:
            return None
        path = path or self._choose_pdf(out, "Save the letter as PDF", "letter")
        if path is None:
            return None
        image, paper = self._signature_and_paper()
        try:
            pages = letter_pdf(path, letter, image, paper)
        except FollowUpError as error:  # a folder that cannot be written, a full disk
            self.session.dialogs.error(self.parent_widget, "Not saved", str(error))
            return None
        self.status.emit(
            f"Saved {path.name} ({pages} page{'s' if pages > 1 else ''}). "
            "Print it, sign it if it has no signature, and post it."
        )
        return path

    def save_envelope(self, out: Outgoing, kind: str, path: Path | None = None) -> Path | None:
        from followup_desktop.printing import envelope_pdf  # noqa: PLC0415

        profile = self._addresses(out, "envelope")
        if profile is None:
            return None
        path = path or self._choose_pdf(out, "Save the envelope as PDF", "envelope")
        if path is None:
            return None
        app = self.session.repo.application(out.round.application_id)
        try:
            envelope_pdf(path, envelope(profile, out.contact, app.company), kind)
        except FollowUpError as error:
            self.session.dialogs.error(self.parent_widget, "Not saved", str(error))
            return None
        return path

    def _choose_pdf(self, out: Outgoing, title: str, what: str) -> Path | None:
        """Named "Acme - Data Engineer - letter to Dana Müller.pdf", in the folder used last."""
        from followup_desktop.view_state import save_path  # noqa: PLC0415

        app = self.session.repo.application(out.round.application_id)
        name = file_name(app.company, app.role, f"{what} to {out.contact.name}")
        return save_path(self.parent_widget, title, f"{name}.pdf", "PDF (*.pdf)")

    def _offer_to_record(self, out: Outgoing, confirmed: Override | None) -> None:
        answer = QMessageBox.question(
            self.parent_widget,
            "Posted?",
            "Once the signed letter is in the post, record it as sent. Is it posted?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        go, refusal = self.etiquette(out, Channel.POST)
        if go:
            self._sent(out, Channel.POST, combine(refusal, confirmed))

    # -- by hand -----------------------------------------------------------------------------

    def mark_sent(self, out: Outgoing) -> Letter | None:
        """Record a letter the user sent another way, in one window: which channel and when,
        the open errors to confirm and the etiquette refusal to override, if any."""
        session, contact, round_id = self.session, out.contact, out.round.id
        label = contact.name + (f", {contact.title}" if contact.title else "")

        def check(channel: Channel, sent_at: datetime) -> None:
            out.letter(channel, sent_at).check(session.now())
            check_allowed(session.repo, round_id, contact.id, channel, sent_at, None, dates)

        dates = session.dates()
        dialog = SendDialog(
            out.channel,
            session.now(),
            session.zone,
            label,
            self.parent_widget,
            check=check,
            errors=out.errors,
            subject=out.subject,
        )
        if not dialog.exec():
            return None
        channel, sent_at = dialog.chosen_channel(), dialog.sent_at()
        chosen = dialog.exception(session.now())
        # Refused after all (another program recorded a letter meanwhile): asked there and then.
        letter: Letter | None = session.run_with_override(
            self.parent_widget,
            lambda refusal: session.repo.record_letter(
                round_id,
                contact.id,
                channel,
                sent_at,
                combine(refusal, chosen),
                dates,
                now=session.now(),
                subject=out.letter(channel, sent_at).subject,
                body=out.body,
            ),
        )
        if letter is not None:  # marked by mistake? Edit → Undo takes it back
            session.undo_stack.push(MarkedSent(session, letter, contact.name, self.parent_widget))
            self.letter_sent.emit(letter)
            self.status.emit(
                f"Recorded as sent by {channel.label()}. The call is planned a week after it."
            )
        return letter
