"""What was sent and made: letters, calls, inquiries, each checked against the etiquette
rules (R3, R6) before it is recorded."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, tzinfo
from typing import TypeVar

from followup import rules
from followup.date_style import PLAIN, DateStyle
from followup.errors import CannotUndo, InvalidInput, Refusal
from followup.model import (
    Call,
    Channel,
    Draft,
    Inquiry,
    Letter,
    Override,
)
from followup.storage import history_rows
from followup.storage.base import to_db_time
from followup.storage.history_fixes import HistoryFixes, override_values
from followup.storage.user_state import insert_draft
from followup.unreadable import Unreadable
from followup.workdays import WorkCalendar

_Recorded = TypeVar("_Recorded", Letter, Call, Inquiry)


class History(HistoryFixes):
    """Letters, calls and inquiries; each refused (``Refusal``) unless allowed or overridden."""

    def _dated(
        self,
        rows: Sequence[sqlite3.Row],
        convert: Callable[[sqlite3.Row], _Recorded | Unreadable],
        kind: str,
    ) -> list[_Recorded]:
        """Rows as values; one refused today (its time, channel or text) is left out and named
        (``unreadable()``), with a repaired value a fix can start from."""
        out: list[_Recorded] = []
        for row in rows:
            made = convert(row)
            if isinstance(made, Unreadable):
                self._unreadable[(kind, row["id"])] = made
            else:
                self._unreadable.pop((kind, row["id"]), None)
                out.append(made)
        return out

    # -- letters, calls, inquiries -------------------------------------------------------

    def letters(self, round_id: int | None = None) -> list[Letter]:
        sql = "SELECT * FROM letters" + (" WHERE round_id=?" if round_id is not None else "")
        rows = self._all(sql + " ORDER BY sent_at, id", (round_id,) if round_id is not None else ())
        if round_id is None:
            self._forget_unreadable("letter")
        return self._dated(rows, history_rows.letter, "letter")

    def calls(self, round_id: int | None = None) -> list[Call]:
        sql = "SELECT * FROM calls" + (" WHERE round_id=?" if round_id is not None else "")
        rows = self._all(sql + " ORDER BY made_at, id", (round_id,) if round_id is not None else ())
        if round_id is None:
            self._forget_unreadable("call")
        return self._dated(rows, history_rows.call, "call")

    def inquiries(self, application_id: int | None = None) -> list[Inquiry]:
        where = " WHERE application_id=?" if application_id is not None else ""
        rows = self._all(
            "SELECT * FROM inquiries" + where + " ORDER BY sent_at, id",
            (application_id,) if application_id is not None else (),
        )
        if application_id is None:
            self._forget_unreadable("inquiry")
        return self._dated(rows, history_rows.inquiry, "inquiry")

    def letters_of(self, round_ids: Sequence[int]) -> list[Letter]:
        rows = self._chunked(
            "SELECT * FROM letters WHERE round_id IN ({}) ORDER BY sent_at, id", round_ids
        )
        return self._dated(rows, history_rows.letter, "letter")

    def calls_of(self, round_ids: Sequence[int]) -> list[Call]:
        rows = self._chunked(
            "SELECT * FROM calls WHERE round_id IN ({}) ORDER BY made_at, id", round_ids
        )
        return self._dated(rows, history_rows.call, "call")

    # -- one letter, call or inquiry: read, fix, delete ----------------------------------

    def letter(self, letter_id: int) -> Letter:
        row = self._one("SELECT * FROM letters WHERE id=?", letter_id, "letter")
        return self._only(history_rows.letter(row), "letter", letter_id)

    def call(self, call_id: int) -> Call:
        row = self._one("SELECT * FROM calls WHERE id=?", call_id, "call")
        return self._only(history_rows.call(row), "call", call_id)

    def inquiry(self, inquiry_id: int) -> Inquiry:
        row = self._one("SELECT * FROM inquiries WHERE id=?", inquiry_id, "inquiry")
        return self._only(history_rows.inquiry(row), "inquiry", inquiry_id)

    def delete_letter(
        self, letter_id: int, *, now: datetime | None = None, unless_called: bool = False
    ) -> Draft | None:
        """Delete one letter, whatever its stored values; one transaction. A letter recorded
        by mistake does not take its words with it: the text it kept comes back as the draft
        (saved at ``now``, else when it was sent), unless a draft to that person is there.
        Returns the draft put back, if one was."""
        with self.db.transaction() as cur:
            self._exists("letters", letter_id, "letter")
            if unless_called and self._followed_up(cur, letter_id):
                raise CannotUndo(
                    "A call about this interview is recorded since: it follows up this "
                    "letter, so the letter stays. Nothing was changed."
                )
            draft = self._kept_text(letter_id, now)
            kept = draft is not None and insert_draft(cur, draft, keep_existing=True)
            cur.execute("DELETE FROM letters WHERE id=?", (letter_id,))
        self._unreadable.pop(("letter", letter_id), None)
        return draft if kept else None

    @staticmethod
    def _followed_up(cur: sqlite3.Cursor, letter_id: int) -> bool:
        """The round's call is recorded and this is the only letter it can follow."""
        sql = (
            "SELECT EXISTS(SELECT 1 FROM calls c WHERE c.round_id=l.round_id) AND NOT EXISTS("
            "SELECT 1 FROM letters o WHERE o.round_id=l.round_id AND o.id<>l.id) "
            "FROM letters l WHERE l.id=?"
        )
        return bool(cur.execute(sql, (letter_id,)).fetchone()[0])

    def take_back_letter(self, letter_id: int, *, now: datetime | None = None) -> Draft | None:
        """Undo of recording a letter: ``delete_letter``, refused (``CannotUndo``, nothing
        changed) once the round's one call follows it up with no other letter left for the
        call to follow (R6: the call comes a week after a letter)."""
        return self.delete_letter(letter_id, now=now, unless_called=True)

    def put_back_letter(self, letter: Letter) -> Letter:
        """Redo of a record undone: the same letter (same id, same words) back, one
        transaction; its draft goes unless it was changed since (then it stays stored).
        Refused (``CannotUndo``, nothing changed) when it is back already or a letter to that
        person was recorded meanwhile."""
        letter.check()
        with self.db.transaction() as cur:
            try:
                self.insert_letter(cur, letter)
            except sqlite3.IntegrityError as error:
                raise CannotUndo(
                    "The letter cannot be recorded again: it is back already, or a letter to "
                    "that person was recorded since. Nothing was changed."
                ) from error
            cur.execute(
                "DELETE FROM drafts WHERE round_id=? AND contact_id=? AND body=? AND subject=?",
                (letter.round_id, letter.contact_id, letter.body, letter.subject),
            )
        return letter

    def _kept_text(self, letter_id: int, now: datetime | None) -> Draft | None:
        """The letter's words as a draft; None when it kept none or cannot be read as stored
        (its row is not turned into a half-right draft)."""
        try:
            letter = history_rows.letter(
                self._one("SELECT * FROM letters WHERE id=?", letter_id, "letter")
            )
        except sqlite3.Error:  # text that is not even UTF-8
            return None
        if not isinstance(letter, Letter) or not letter.body:
            return None
        return Draft(  # checked as it is written (insert_draft)
            letter.round_id,
            letter.contact_id,
            letter.channel,
            "",
            letter.body,
            now or letter.sent_at,
            letter.subject,
        )

    def delete_call(self, call_id: int) -> None:
        self._delete_one("calls", call_id, "call")

    def delete_inquiry(self, inquiry_id: int) -> None:
        self._delete_one("inquiries", inquiry_id, "inquiry")

    def _delete_one(self, table: str, row_id: int, kind: str) -> None:
        with self.db.transaction() as cur:
            self._exists(table, row_id, kind)
            cur.execute(f"DELETE FROM {table} WHERE id=?", (row_id,))
        self._unreadable.pop((kind, row_id), None)

    @classmethod
    def insert_letter(cls, cur: sqlite3.Cursor, letter: Letter) -> Letter:
        letter.check()
        cur.execute(
            "INSERT INTO letters(id, round_id, contact_id, channel, sent_at, override_rule, "
            "override_reason, override_at, subject, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                letter.id or None,
                letter.round_id,
                letter.contact_id,
                letter.channel.value,
                to_db_time(letter.sent_at),
                *override_values(letter.override),
                letter.subject,
                letter.body,
            ),
        )
        return replace(letter, id=int(cur.lastrowid or 0))

    @classmethod
    def insert_call(cls, cur: sqlite3.Cursor, call: Call) -> Call:
        call.check()
        cur.execute(
            "INSERT INTO calls(id, round_id, made_at, outcome, override_rule, override_reason, "
            "override_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                call.id or None,
                call.round_id,
                to_db_time(call.made_at),
                call.outcome,
                *override_values(call.override),
            ),
        )
        return replace(call, id=int(cur.lastrowid or 0))

    @classmethod
    def insert_inquiry(cls, cur: sqlite3.Cursor, inquiry: Inquiry) -> Inquiry:
        inquiry.check()
        cur.execute(
            "INSERT INTO inquiries(id, application_id, channel, sent_at, override_rule, "
            "override_reason, override_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                inquiry.id or None,
                inquiry.application_id,
                inquiry.channel.value,
                to_db_time(inquiry.sent_at),
                *override_values(inquiry.override),
            ),
        )
        return replace(inquiry, id=int(cur.lastrowid or 0))

    def record_letter(
        self,
        round_id: int,
        contact_id: int,
        channel: Channel,
        sent_at: datetime,
        override: Override | None = None,
        dates: DateStyle = PLAIN,
        *,
        now: datetime | None = None,
        subject: str = "",
        body: str = "",
    ) -> Letter:
        """R1/R3: refused (``Refusal``) unless allowed or explicitly overridden. Given ``now``,
        a letter dated after it is refused as bad input (``InvalidInput``): it has not gone.
        ``subject`` and ``body`` are the words that left, kept with the record.

        The check and the insert are one ``BEGIN IMMEDIATE`` transaction, and a partial unique
        index backs it: two programs recording at once cannot both record a letter.
        """
        made = Letter(0, round_id, contact_id, channel, sent_at, override, subject, body)
        made.check(now)  # values first
        with self.db.transaction() as cur:
            r = self.round(round_id)
            contact = self.contact(contact_id)
            if contact_id not in r.interviewer_ids:
                raise InvalidInput(f"{contact.name} is not an interviewer of round {round_id}")
            self._allowed(
                lambda: rules.check_letter(
                    r,
                    contact_id,
                    channel,
                    sent_at,
                    self.letters(round_id),
                    {contact_id: contact.name},
                    dates,
                ),
                override,
            )
            letter = self._insert_once(
                lambda: self.insert_letter(cur, made),
                "second-letter",
                f"A letter to {contact.name} for this interview",
            )
            if body:  # its words are kept with the letter
                cur.execute(
                    "DELETE FROM drafts WHERE round_id=? AND contact_id=?", (round_id, contact_id)
                )
            # Recorded without its words (the command line's 'letter record'), the draft stays:
            # deleting a letter recorded by mistake gives its words back.
            return letter

    def record_call(
        self,
        round_id: int,
        made_at: datetime,
        outcome: str = "",
        override: Override | None = None,
        cal: WorkCalendar | None = None,
        dates: DateStyle = PLAIN,
        *,
        now: datetime | None = None,
    ) -> Call:
        """R6: one call per round, a week after the letter (business days of ``cal``);
        checked and recorded in one transaction. Given ``now``, never one still to come."""
        Call(0, round_id, made_at, outcome, override).check(now)  # values before etiquette
        with self.db.transaction() as cur:
            r = self.round(round_id)
            self._allowed(
                lambda: rules.check_call(
                    r, made_at, self.calls(round_id), self.letters(round_id), cal, dates
                ),
                override,
            )
            return self._insert_once(
                lambda: self.insert_call(cur, Call(0, round_id, made_at, outcome, override)),
                "second-call",
                "A call about this interview",
            )

    def record_inquiry(
        self,
        application_id: int,
        channel: Channel,
        sent_at: datetime,
        override: Override | None = None,
        cal: WorkCalendar | None = None,
        zone: tzinfo | None = None,
        wait: int = rules.DEFAULT_INQUIRY_WAIT,
        dates: DateStyle = PLAIN,
        *,
        now: datetime | None = None,
    ) -> Inquiry:
        """One status inquiry per online application, after ``wait`` business days of ``cal``
        (counted in ``zone``); checked and recorded in one transaction. Given ``now``, never
        one dated after it."""
        Inquiry(0, application_id, channel, sent_at, override).check(now)  # values first
        with self.db.transaction() as cur:
            app = self.application(application_id)
            self._allowed(
                lambda: rules.check_inquiry(
                    application_id,
                    self.inquiries(application_id),
                    applied_on=app.applied_on,
                    sent_at=sent_at,
                    cal=cal,
                    wait=wait,
                    zone=zone,
                    dates=dates,
                ),
                override,
            )
            return self._insert_once(
                lambda: self.insert_inquiry(
                    cur, Inquiry(0, application_id, channel, sent_at, override)
                ),
                "status-inquiry",
                "A status inquiry for this application",
            )

    @staticmethod
    def _allowed(check: Callable[[], None], override: Override | None) -> None:
        """Run a rule check; its refusal stands unless the override names that very rule."""
        try:
            check()
        except Refusal as refusal:
            if override is None or override.rule != refusal.rule:
                raise

    @staticmethod
    def _insert_once(insert: Callable[[], _Recorded], rule: str, what: str) -> _Recorded:
        """Insert; the database's one-per-person index is the last word on the rule."""
        try:
            return insert()
        except sqlite3.IntegrityError as error:
            if "UNIQUE" not in str(error):
                raise InvalidInput(f"not recorded: {error}") from error
            raise Refusal(rule, f"{what} is already recorded; only one is allowed.") from error
