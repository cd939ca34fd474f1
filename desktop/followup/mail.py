"""The one letter by e-mail: a proper message, sent over SMTP, or a mailto: link.

The password is a parameter: it comes from the system keyring (or the user, per send), never
from settings, the database or a log.
"""

from __future__ import annotations

import base64
import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime, tzinfo
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from urllib.parse import quote

from followup.errors import FollowUpError, InvalidInput

DEFAULT_TIMEOUT = 20.0


class MailError(FollowUpError):
    """Sending failed; ``reason`` says why in plain words. The letter was not sent."""


@dataclass(frozen=True, slots=True)
class MailAccount:
    """``unencrypted_login_ok``: the user's recorded "I understand" that with security
    ``none`` the password crosses the network readable by anyone on the way (setting
    ``smtp.allow_unencrypted_login``). Without it, no password is sent without TLS."""

    host: str
    port: int
    security: str  # "ssl", "starttls" or "none"
    user: str
    unencrypted_login_ok: bool = False

    def check(self) -> None:
        if not self.host:
            raise InvalidInput("no outgoing mail server is set (Settings, E-mail)")
        if self.security not in ("ssl", "starttls", "none"):
            raise InvalidInput(f"unknown mail security {self.security!r}")
        if self.security == "none" and self.user and not self.unencrypted_login_ok:
            raise InvalidInput(
                f"With security 'none' your password for {self.user} would cross the network "
                "unencrypted, readable by anyone on the way; it was not sent. Choose ssl or "
                "starttls in Settings, E-mail. Only if the server is on this computer or you "
                "accept the risk, turn on 'I understand: log in without encryption' "
                "(smtp.allow_unencrypted_login)."
            )


def _address(name: str, email: str) -> Address:
    local, at, domain = email.partition("@")
    if not at or not local or not domain:
        raise InvalidInput(f"{email!r} is not an e-mail address")
    return Address(display_name=name, username=local, domain=domain)


def build_message(
    sender_name: str,
    sender_email: str,
    to_name: str,
    to_email: str,
    subject: str,
    body: str,
    when: datetime,
    zone: tzinfo,
) -> EmailMessage:
    """A plain-text message; non-ASCII names and subject are encoded as the RFCs say.

    ``when`` (aware) is the moment of sending; the Date header tells it in ``zone``, the
    user's own, as a mail app would: the reader sees the sender's local time and offset,
    not the UTC the clock may hand over."""
    if not sender_email:
        raise InvalidInput("your e-mail address is not set (Settings, Profile)")
    if not to_email:
        raise InvalidInput(f"{to_name} has no e-mail address (Interviews, the contact)")
    message = EmailMessage()
    message["From"] = _address(sender_name, sender_email)
    message["To"] = _address(to_name, to_email)
    message["Subject"] = subject
    if when.utcoffset() is None:
        raise ValueError("the moment of sending must carry its zone")
    message["Date"] = format_datetime(when.astimezone(zone))
    message["Message-ID"] = make_msgid(domain=sender_email.partition("@")[2])
    message.set_content(body, cte="quoted-printable")  # 7-bit safe for every server
    return message


def send(
    message: EmailMessage,
    account: MailAccount,
    password: str | None,
    timeout: float = DEFAULT_TIMEOUT,
    context: ssl.SSLContext | None = None,
) -> None:
    """Hand the message to the server; returns only once the server accepted it.

    ``context``: whom to trust for SSL/STARTTLS (default: the system's certificate store).
    """
    account.check()
    context = context or ssl.create_default_context()
    try:
        if account.security == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                account.host, account.port, timeout=timeout, context=context
            )
        else:
            client = smtplib.SMTP(account.host, account.port, timeout=timeout)
        with client:
            client.ehlo()
            if account.security == "starttls":
                client.starttls(context=context)
                client.ehlo()
            if account.user:
                _login(client, account.user, password or "")
            refused = client.send_message(message)
    except smtplib.SMTPAuthenticationError as error:
        raise MailError(
            "The mail server refused the user name or password; check them in "
            "Settings, E-mail. The letter was not sent."
        ) from error
    except smtplib.SMTPRecipientsRefused as error:
        raise MailError(
            f"The mail server refused the recipient {message['To']}: "
            f"{_server_says(error.recipients)}. The letter was not sent."
        ) from error
    except smtplib.SMTPSenderRefused as error:
        raise MailError(
            f"The mail server refused your address as sender "
            f"({error.smtp_code} {error.smtp_error.decode(errors='replace')}). "
            "The letter was not sent."
        ) from error
    except TimeoutError as error:
        raise MailError(
            f"The mail server {account.host} did not answer in time. The letter "
            "was not sent; try again later."
        ) from error
    except ssl.SSLError as error:
        raise MailError(
            f"A secure connection to {account.host} failed ({error.reason}); check "
            "the port and security in Settings, E-mail. The letter was not sent."
        ) from error
    except smtplib.SMTPServerDisconnected as error:
        if isinstance(error.__context__, TimeoutError):  # smtplib's word for a read time-out
            raise MailError(
                f"The mail server {account.host} did not answer in time. The "
                "letter was not sent; try again later."
            ) from error
        raise MailError(
            f"The mail server {account.host} closed the connection ({error}). "
            "The letter was not sent."
        ) from error
    except smtplib.SMTPNotSupportedError as error:
        raise MailError(
            f"{account.host} does not support STARTTLS or login on port "
            f"{account.port}. The letter was not sent."
        ) from error
    except (smtplib.SMTPException, OSError) as error:
        raise MailError(
            f"Could not reach the mail server {account.host}:{account.port} "
            f"({error}). Check your network. The letter was not sent."
        ) from error
    if refused:
        raise MailError(
            f"The mail server refused the recipient: {_server_says(refused)}. "
            "The letter was not sent."
        )


def _login(client: smtplib.SMTP, user: str, password: str) -> None:
    """AUTH PLAIN by hand where the server offers it: it is UTF-8 (RFC 4616), while smtplib
    encodes credentials as ASCII, and one clear answer beats smtplib trying mechanism after
    mechanism on a wrong password."""
    offered = client.esmtp_features.get("auth", "").upper().split()
    if "PLAIN" not in offered:
        client.login(user, password)  # CRAM-MD5 or LOGIN, ASCII only
        return
    token = base64.b64encode(b"\0" + user.encode() + b"\0" + password.encode()).decode()
    code, reply = client.docmd("AUTH", f"PLAIN {token}")
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _server_says(refused: dict[str, tuple[int, bytes]]) -> str:
    return "; ".join(
        f"{who} ({code} {text.decode(errors='replace')})" for who, (code, text) in refused.items()
    )


def mailto_url(to_email: str, subject: str, body: str) -> str:
    """A mailto: link that opens the user's mail app with the letter filled in."""
    return f"mailto:{quote(to_email, safe='@')}?subject={quote(subject)}&body={quote(body)}"
