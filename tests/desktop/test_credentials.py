"""The SMTP password: a real Secret Service (gnome-keyring on a private D-Bus session), and
the path where no keyring exists at all."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from followup_desktop import credentials


def test_without_a_keyring_nothing_is_stored_and_the_user_is_told(no_keyring: None) -> None:
    assert credentials.available() is False
    with pytest.raises(credentials.KeyringUnavailable, match="asked for it each time"):
        credentials.set_password("smtp:sam@mail.example", "s3cret")
    assert credentials.get_password("smtp:sam@mail.example") is None
    credentials.forget_password("smtp:sam@mail.example")  # nothing to forget: no error


SCRIPT = """
import sys
from followup_desktop import credentials
action, account = sys.argv[1], sys.argv[2]
if action == "set":
    credentials.set_password(account, sys.argv[3])
elif action == "get":
    print(repr(credentials.get_password(account)))
elif action == "forget":
    credentials.forget_password(account)
print("backend", type(__import__("keyring").get_keyring()).__module__)
"""


def _keyring_missing() -> str:
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return "no private D-Bus session (make test runs pytest inside one)"
    if shutil.which("gnome-keyring-daemon") is None:
        return "gnome-keyring-daemon not installed (Debian package gnome-keyring)"
    return ""


@pytest.mark.dbus
@pytest.mark.skipif(bool(_keyring_missing()), reason=_keyring_missing() or "available")
def test_real_secret_service_set_get_from_another_process_and_delete() -> None:
    # HOME and XDG folders point into a temporary directory (conftest): nothing lands in
    # the real home. The daemon is unlocked with a throw-away password.
    # In the foreground, so the test can stop it: a daemon left running outlives the test.
    daemon = subprocess.Popen(
        ["gnome-keyring-daemon", "--replace", "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        _use_keyring(daemon)
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
        assert daemon.stdout is not None
        daemon.stdout.close()


def _use_keyring(daemon: subprocess.Popen[str]) -> None:
    assert daemon.stdin is not None and daemon.stdout is not None
    daemon.stdin.write("throwaway\n")
    daemon.stdin.close()
    env = dict(os.environ)
    line = daemon.stdout.readline()  # GNOME_KEYRING_CONTROL=... once it is listening
    key, _, value = line.strip().partition("=")
    assert key == "GNOME_KEYRING_CONTROL", line
    env[key] = value

    def run(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-c", SCRIPT, *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    account = "smtp:zoë@mail.example"
    assert "SecretService" in run("set", account, "pässwörd €uro")
    assert run("get", account).startswith("'pässwörd €uro'")  # read by a second process
    run("forget", account)
    assert run("get", account).startswith("None")
