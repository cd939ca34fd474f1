"""Numbered schema migrations. Append only: a released migration is never edited."""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: the foundation.
    """
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE contacts (
        id      INTEGER PRIMARY KEY,
        name    TEXT NOT NULL CHECK (trim(name) <> ''),
        title   TEXT NOT NULL DEFAULT '',
        company TEXT NOT NULL DEFAULT '',
        email   TEXT NOT NULL DEFAULT '',
        phone   TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE applications (
        id            INTEGER PRIMARY KEY,
        company       TEXT NOT NULL CHECK (trim(company) <> ''),
        role          TEXT NOT NULL CHECK (trim(role) <> ''),
        posting_url   TEXT NOT NULL DEFAULT '',
        applied_on    TEXT,
        source        TEXT NOT NULL,
        status        TEXT NOT NULL DEFAULT 'active',
        status_reason TEXT NOT NULL DEFAULT '',
        contact_id    INTEGER REFERENCES contacts(id) ON DELETE SET NULL
    );
    CREATE TABLE rounds (
        id             INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        starts_at      TEXT NOT NULL,
        ends_at        TEXT NOT NULL,
        timezone       TEXT NOT NULL,
        kind           TEXT NOT NULL,
        title          TEXT NOT NULL DEFAULT '',
        topics         TEXT NOT NULL DEFAULT '[]',
        strengths      TEXT NOT NULL DEFAULT '[]',
        next_steps     TEXT NOT NULL DEFAULT '',
        decision_on    TEXT,
        notes          TEXT NOT NULL DEFAULT '',
        CHECK (ends_at > starts_at)
    );
    CREATE INDEX rounds_by_application ON rounds(application_id);
    CREATE TABLE round_interviewers (
        round_id   INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE RESTRICT,
        position   INTEGER NOT NULL,
        PRIMARY KEY (round_id, contact_id)
    );
    CREATE INDEX interviewers_by_contact ON round_interviewers(contact_id);
    CREATE TABLE letters (
        id              INTEGER PRIMARY KEY,
        round_id        INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        contact_id      INTEGER NOT NULL REFERENCES contacts(id) ON DELETE RESTRICT,
        channel         TEXT NOT NULL CHECK (channel IN ('email', 'post')),
        sent_at         TEXT NOT NULL,
        override_rule   TEXT,
        override_reason TEXT,
        override_at     TEXT
    );
    CREATE INDEX letters_by_round ON letters(round_id);
    CREATE TABLE calls (
        id              INTEGER PRIMARY KEY,
        round_id        INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        made_at         TEXT NOT NULL,
        outcome         TEXT NOT NULL DEFAULT '',
        override_rule   TEXT,
        override_reason TEXT,
        override_at     TEXT
    );
    CREATE INDEX calls_by_round ON calls(round_id);
    CREATE TABLE inquiries (
        id              INTEGER PRIMARY KEY,
        application_id  INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        channel         TEXT NOT NULL CHECK (channel IN ('email', 'post')),
        sent_at         TEXT NOT NULL,
        override_rule   TEXT,
        override_reason TEXT,
        override_at     TEXT
    );
    """,
    # 2: drafts of the one letter, saved as the user types (issue: composer).
    """
    CREATE TABLE drafts (
        round_id   INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        channel    TEXT NOT NULL,
        template   TEXT NOT NULL DEFAULT '',
        body       TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (round_id, contact_id)
    );
    """,
    # 3: reminders delivered, so none is delivered twice (issue: tray).
    """
    CREATE TABLE reminders (
        key          TEXT PRIMARY KEY,
        delivered_at TEXT NOT NULL,
        snoozed_to   TEXT
    );
    """,
    # 4: the calendar asks for rounds, letters and calls by date.
    """
    CREATE INDEX rounds_by_start ON rounds(starts_at);
    CREATE INDEX letters_by_time ON letters(sent_at);
    CREATE INDEX calls_by_time ON calls(made_at);
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
