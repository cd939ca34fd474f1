"""The system's time zone when the user has chosen none (``system_zone``): a name the
system gives that this machine cannot load never stops a start."""

from __future__ import annotations

from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
import tzlocal

from followup.settings import Settings
from followup.system_zone import reread, system_zone_name


@pytest.fixture(autouse=True)
def _read_afresh() -> Iterator[None]:
    """tzlocal keeps the name once read: each test reads it, and leaves it unread."""
    reread()
    yield
    reread()


@pytest.mark.parametrize(
    "named",
    [
        "garbage/Zone",  # a hand edit of /etc/timezone, which tzlocal passes on unchecked
        "Mars/Olympus_Mons",
        "../../etc/passwd",  # not even a zone's form of name
        "America/New York",
        "",
        None,
    ],
)
def test_a_zone_the_system_names_but_this_machine_lacks_is_utc(
    named: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: named)
    assert system_zone_name() == "UTC"
    assert Settings.from_stored({"calendar.timezone": ""}).zone() == ZoneInfo("UTC")


def test_a_zone_the_machine_has_is_the_one_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "Asia/Kolkata")
    assert system_zone_name() == "Asia/Kolkata"
    assert Settings.from_stored({"calendar.timezone": ""}).zone() == ZoneInfo("Asia/Kolkata")
    # A zone the user chose wins over the system's.
    chosen = Settings.from_stored({"calendar.timezone": "Europe/Berlin"}).zone()
    assert chosen == ZoneInfo("Europe/Berlin")
