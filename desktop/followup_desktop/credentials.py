"""The SMTP password, only in the system keyring (Secret Service, Keychain, Credential
Locker). Where there is none, we say so and the password is asked for at each send: it is
never written to settings, the database, a file or a log."""

from __future__ import annotations

from typing import Any

SERVICE = "interview-followup"
NO_KEYRING = (
    "No system keyring is available (on Linux: GNOME Keyring or KWallet). The "
    "password is not stored; you will be asked for it each time you send."
)


class KeyringUnavailable(Exception):
    """There is no usable keyring; the message says what that means for the user."""


def _backend() -> Any:
    import keyring  # noqa: PLC0415  (loads its backends: only when a password is needed)

    return keyring.get_keyring()


def available() -> bool:
    from keyring.backends import fail  # noqa: PLC0415

    backend = _backend()
    if isinstance(backend, fail.Keyring):
        return False
    chained = getattr(backend, "backends", None)
    return chained is None or bool(chained)


def account_name(user: str, host: str) -> str:
    return f"smtp:{user}@{host}"


def get_password(account: str) -> str | None:
    """The stored password, or None (not stored, or no keyring)."""
    from keyring.errors import KeyringError  # noqa: PLC0415

    try:
        value: str | None = _backend().get_password(SERVICE, account)
    except KeyringError:
        return None
    return value


def set_password(account: str, password: str) -> None:
    from keyring.errors import KeyringError  # noqa: PLC0415

    if not available():
        raise KeyringUnavailable(NO_KEYRING)
    try:
        _backend().set_password(SERVICE, account, password)
    except KeyringError as error:
        raise KeyringUnavailable(
            f"The system keyring refused to store the password "
            f"({error}). It was not stored anywhere else."
        ) from error


def forget_password(account: str) -> None:
    from keyring.errors import KeyringError, PasswordDeleteError  # noqa: PLC0415

    if not available():
        return  # nothing can have been stored
    try:
        _backend().delete_password(SERVICE, account)
    except PasswordDeleteError:
        return
    except KeyringError as error:
        raise KeyringUnavailable(str(error)) from error
