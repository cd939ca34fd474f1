"""The system's time zone, by name: what the plans use when the user set none.

Asked of the operating system through tzlocal; UTC when it names none. A module of its own,
cheap to import, so every reader asks the same way: the settings, the Settings dialog, and
start-up, which shows a new user's first page before the rest of the domain loads.
"""

from __future__ import annotations


def system_zone_name() -> str:
    """The zone's name (tzlocal keeps it once read: ``reread`` asks the system again); UTC
    when the system names none, or a zone this machine's zone data does not have. tzlocal
    passes on what ``/etc/timezone`` says unchecked, and a hand-edited or foreign name there
    must not stop the app or the command line from starting (the Settings dialog shows the
    zone in use, and the user can choose another)."""
    from zoneinfo import ZoneInfo  # noqa: PLC0415  (tzlocal has it loaded)

    import tzlocal  # noqa: PLC0415  (asks the OS; only when needed)

    name = tzlocal.get_localzone_name()
    if not name:
        return "UTC"
    try:
        ZoneInfo(name)  # kept by zoneinfo's own cache for the plans' use
    except (LookupError, ValueError, OSError):  # not found (a KeyError), not a zone's name
        return "UTC"
    return name


def reread() -> None:
    """The system's zone can change while the app runs (a flight, an automatic time zone):
    after this, the next ``system_zone_name`` asks the system again. A zone the system
    cannot name leaves UTC, as at the first reading."""
    import contextlib  # noqa: PLC0415
    import warnings  # noqa: PLC0415

    import tzlocal  # noqa: PLC0415

    # tzlocal warns when it falls back to UTC; a zone it cannot read after the name
    # leaves the name read (the name still has an answer).
    with warnings.catch_warnings(), contextlib.suppress(LookupError, ValueError, OSError):
        warnings.simplefilter("ignore")
        tzlocal.reload_localzone()
