"""E-mail against a real SMTP server on loopback (aiosmtpd): the message, its encoding, and
every failure: wrong password, refused recipient, no answer, no server."""

from __future__ import annotations

import email
import socket
import ssl
from collections.abc import Iterator
from datetime import UTC, datetime
from email.policy import default
from email.utils import parsedate_to_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.errors import InvalidInput, Refusal
from followup.mail import MailAccount, MailError, build_message, mailto_url, send
from followup.model import Application, Channel, Contact, Round
from followup.sending import send_letter_by_email
from followup.storage import Repository

from ..smtp_server import PASSWORD, USER, Inbox, free_port, make_tls, smtp_server, tls_smtp_server

# The loopback server logs in without TLS on purpose; aiosmtpd warns about exactly that.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
NY = ZoneInfo("America/New_York")
WHEN = datetime(2026, 11, 26, 9, tzinfo=NY)


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, MailAccount]]:
    with smtp_server() as (inbox, port):
        # Loopback: the test's "I understand" to log in without encryption.
        yield inbox, MailAccount("127.0.0.1", port, "none", USER, unencrypted_login_ok=True)


def letter() -> email.message.EmailMessage:
    return build_message(
        "Zoë Ångström",
        "zoe@example.se",
        "Dana Müller",
        "dana@acme.example",
        "Thank you — Backend Engineer interview (Zürich)",
        "Dear Dana Müller,\n\nThank you. Grüße!\n",
        WHEN,
        NY,
    )


def test_the_server_receives_a_correctly_encoded_message(smtp: tuple[Inbox, MailAccount]) -> None:
    inbox, account = smtp
    send(letter(), account, PASSWORD)
    assert inbox.recipients == [["dana@acme.example"]]
    raw = inbox.messages[0]
    assert raw.isascii(), "headers and body go over the wire encoded"
    assert b"=?utf-8?" in raw.split(b"\r\n\r\n")[0]
    parsed = email.message_from_bytes(raw, policy=default)
    assert str(parsed["From"]) == "Zoë Ångström <zoe@example.se>"
    assert str(parsed["To"]) == "Dana Müller <dana@acme.example>"
    assert str(parsed["Subject"]) == "Thank you — Backend Engineer interview (Zürich)"
    assert parsed.get_content().replace("\r\n", "\n") == "Dear Dana Müller,\n\nThank you. Grüße!\n"
    assert parsed["Date"] == "Thu, 26 Nov 2026 09:00:00 -0500"


def test_the_date_header_tells_the_users_own_offset_not_utc(
    smtp: tuple[Inbox, MailAccount],
) -> None:
    """The clock hands over UTC; the reader sees the sender's local time and offset, in winter
    and in summer (found by the hostile sweep: it said +0000). Failed before: +0000."""
    inbox, account = smtp
    for utc, shown in [
        (datetime(2026, 11, 26, 14, 5, tzinfo=UTC), "Thu, 26 Nov 2026 09:05:00 -0500"),
        (datetime(2026, 7, 1, 23, 30, tzinfo=UTC), "Wed, 01 Jul 2026 19:30:00 -0400"),
    ]:
        message = build_message(
            "Sam", "sam@example.com", "Dana", "dana@acme.example", "Thanks", "Body", utc, NY
        )
        send(message, account, PASSWORD)
        received = email.message_from_bytes(inbox.messages[-1], policy=default)
        assert received["Date"] == shown
    kolkata = build_message(
        "Sam",
        "sam@example.com",
        "Dana",
        "dana@acme.example",
        "Thanks",
        "Body",
        datetime(2026, 11, 26, 14, 5, tzinfo=UTC),
        ZoneInfo("Asia/Kolkata"),
    )
    send(kolkata, account, PASSWORD)
    received = email.message_from_bytes(inbox.messages[-1], policy=default)
    assert received["Date"] == "Thu, 26 Nov 2026 19:35:00 +0530"


def test_without_a_chosen_zone_the_date_header_tells_the_systems(
    smtp: tuple[Inbox, MailAccount], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No zone in Settings: the system's (here TZ), as every other time the app shows."""
    from followup.settings import Settings
    from followup.system_zone import reread

    inbox, account = smtp
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    reread()
    try:
        zone = Settings.from_stored({"calendar.timezone": ""}).zone()
    finally:
        monkeypatch.undo()
        reread()
    message = build_message(
        "Sam",
        "sam@example.com",
        "Dana",
        "dana@acme.example",
        "Thanks",
        "Body",
        datetime(2026, 11, 26, 14, 5, tzinfo=UTC),
        zone,
    )
    send(message, account, PASSWORD)
    received = email.message_from_bytes(inbox.messages[-1], policy=default)
    assert received["Date"] == "Thu, 26 Nov 2026 19:35:00 +0530"


ZONES = [
    "UTC",
    "America/New_York",
    "Europe/Berlin",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "America/St_Johns",
    "Pacific/Kiritimati",
]


@settings(max_examples=60, deadline=None)
@given(
    moment=st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2060, 12, 31), timezones=st.just(UTC)
    ),
    zone_name=st.sampled_from(ZONES),
)
def test_the_date_header_is_the_same_moment_in_the_users_zone(
    moment: datetime, zone_name: str
) -> None:
    zone = ZoneInfo(zone_name)
    message = build_message(
        "Sam", "sam@example.com", "Dana", "dana@acme.example", "Thanks", "Body", moment, zone
    )
    said = parsedate_to_datetime(str(message["Date"]))
    assert said == moment.replace(microsecond=0)
    assert said.utcoffset() == moment.astimezone(zone).utcoffset()


def test_a_moment_without_a_zone_is_a_mistake_not_a_guess() -> None:
    with pytest.raises(ValueError, match="zone"):
        build_message(
            "Sam",
            "sam@example.com",
            "Dana",
            "dana@acme.example",
            "s",
            "b",
            datetime(2026, 11, 26, 9),
            NY,
        )


def test_wrong_password_is_said_plainly(smtp: tuple[Inbox, MailAccount]) -> None:
    inbox, account = smtp
    with pytest.raises(MailError, match="refused the user name or password"):
        send(letter(), account, "wrong")
    assert inbox.messages == []


def test_refused_recipient(smtp: tuple[Inbox, MailAccount]) -> None:
    inbox, account = smtp
    message = build_message(
        "Sam", "sam@example.com", "Nobody", "nobody@acme.example", "Hi", "Body", WHEN, NY
    )
    with pytest.raises(MailError, match=r"refused the recipient.*No such user"):
        send(message, account, PASSWORD)
    assert inbox.messages == []


def test_a_server_that_never_answers_times_out() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        account = MailAccount("127.0.0.1", silent.getsockname()[1], "none", "")
        with pytest.raises(MailError, match="did not answer in time"):
            send(letter(), account, None, timeout=0.5)


def test_no_server_at_all() -> None:
    account = MailAccount("127.0.0.1", free_port(), "starttls", "sam")
    with pytest.raises(MailError, match="Could not reach the mail server"):
        send(letter(), account, "x")


def test_missing_addresses_and_settings_are_refused_before_sending() -> None:
    with pytest.raises(Exception, match="your e-mail address is not set"):
        build_message("Sam", "", "Dana", "dana@acme.example", "s", "b", WHEN, NY)
    with pytest.raises(Exception, match="Dana has no e-mail address"):
        build_message("Sam", "sam@example.com", "Dana", "", "s", "b", WHEN, NY)
    with pytest.raises(Exception, match="no outgoing mail server"):
        send(letter(), MailAccount("", 587, "starttls", ""), None)


def test_mailto_link_carries_the_letter() -> None:
    url = mailto_url("dana@acme.example", "Thank you — Zürich", "Dear Dana,\n\nThanks & more")
    assert url.startswith("mailto:dana@acme.example?subject=Thank%20you%20%E2%80%94%20Z")
    assert "body=Dear%20Dana%2C%0A%0AThanks%20%26%20more" in url


def _round(repo: Repository) -> tuple[Round, Contact]:
    app = repo.add_application(Application(0, "Acme", "Dev"))
    dana = repo.add_contact(Contact(0, "Dana Müller", email="dana@acme.example"))
    start = datetime(2026, 11, 25, 10, tzinfo=NY)
    return repo.add_round(
        Round(
            0, app.id, start, start.replace(hour=11), "America/New_York", interviewer_ids=(dana.id,)
        )
    ), dana


def test_recorded_as_sent_only_after_the_server_accepted(
    repo: Repository, smtp: tuple[Inbox, MailAccount]
) -> None:
    inbox, account = smtp
    r, dana = _round(repo)
    with pytest.raises(MailError):
        send_letter_by_email(repo, r.id, dana.id, letter(), account, "wrong", WHEN)
    assert repo.letters() == [] and inbox.messages == []
    sent = send_letter_by_email(repo, r.id, dana.id, letter(), account, PASSWORD, WHEN)
    assert repo.letters() == [sent] and sent.channel is Channel.EMAIL
    assert len(inbox.messages) == 1
    with pytest.raises(Refusal):  # a second letter is refused before anything is sent
        send_letter_by_email(repo, r.id, dana.id, letter(), account, PASSWORD, WHEN)
    assert len(inbox.messages) == 1


@pytest.mark.parametrize(("security", "implicit"), [("starttls", False), ("ssl", True)])
def test_encrypted_connections(tmp_path: Path, security: str, implicit: bool) -> None:
    server_context, client_context = make_tls(tmp_path)
    with tls_smtp_server(server_context, implicit=implicit) as (inbox, port):
        account = MailAccount("127.0.0.1", port, security, USER)
        send(letter(), account, PASSWORD, context=client_context)
        assert len(inbox.messages) == 1
        assert [encrypted for _mechanism, encrypted in inbox.logins] == [True]
        # A server whose certificate is not trusted is refused, plainly.
        with pytest.raises(MailError, match="secure connection"):
            send(letter(), account, PASSWORD, context=ssl.create_default_context())
    assert len(inbox.messages) == 1


def test_no_password_crosses_the_network_unencrypted_without_an_i_understand() -> None:
    with smtp_server() as (inbox, port):
        refused = MailAccount("127.0.0.1", port, "none", USER)
        with pytest.raises(InvalidInput, match="unencrypted") as said:
            send(letter(), refused, PASSWORD)
        assert "Settings, E-mail" in str(said.value) and PASSWORD not in str(said.value)
        assert inbox.logins == [] and inbox.messages == []
        understood = MailAccount("127.0.0.1", port, "none", USER, unencrypted_login_ok=True)
        send(letter(), understood, PASSWORD)
        assert inbox.logins == [("PLAIN", False)] and len(inbox.messages) == 1


def test_without_a_login_no_tls_is_needed() -> None:
    """A relay that takes mail without a login (on this computer, say): no password to
    protect, so security none is fine as it is."""
    MailAccount("127.0.0.1", 25, "none", "").check()


def test_the_i_understand_is_a_recorded_setting_off_by_default() -> None:
    from followup.setting_checks import validate
    from followup.settings import Settings

    assert Settings.from_stored({})["smtp.allow_unencrypted_login"] is False
    assert validate("smtp.allow_unencrypted_login", True) is True
