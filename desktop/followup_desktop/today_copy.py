"""A copy of Today's words kept for start-up, so the window opens with the user's data in it
before the domain is even imported (issue 12: time to content).

The copy holds Today's face for each stretch of the coming days over which it cannot change
by itself (``today_copy_maker``): from one moment a card turns due or overdue, or the day
changes, to the next. It is shown only when everything it was made from still holds:

- the database's revision token (``followup.revision``), which every change by any program
  replaces in the same transaction, so a copy made before the CLI added an interview, or
  from a restored backup's other history, is never used;
- the app as installed (its version, and when its files and the holiday data were written),
  Qt's version, the locale with its formats for days and times, the system's time zone and
  zone rules, and the variables that place the user's folders;
- for the database in the data folder (a launch from the applications menu), that folder:
  start-up finds it with Qt (``default_database``), without importing platformdirs (3-4 ms
  before the first paint), and takes the copy only if platformdirs, asked when the copy was
  written, named the same file;
- ``now`` inside one of its stretches (a clock set back, or a day past them: not shown).

Anything else (no copy, damaged, another format) means start-up as before: the frame, then
Today once planned. The copy is a cache: losing it loses nothing. The live Today replaces it
as soon as it is planned, a fraction of a second later. The standard library and QtCore only.

The file is in the app's kept form (``followup.kept_form``: Python's ``marshal`` behind a
header and a checksum), built into the interpreter, where importing ``json`` cost start-up
about 2 ms before the first paint; any bytes that are not that form are no copy.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
import zlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QLocale, QStandardPaths

from followup import __version__, kept_form
from followup.paths import APP_NAME, DB_NAME, read_only_uri, read_small, write_whole
from followup.revision import revision
from followup_desktop.cache_folder import cache_folder, private_cache_folder
from followup_desktop.today_face import TodayFace, face_from_data, face_to_data

FORMAT = 2  # 1: JSON
KIND = f"today {FORMAT}"
HEADER = kept_form.header(KIND)  # what the file starts with (this Python's marshal wrote it)
MOST_BYTES = 4 * 1024 * 1024  # 8 days of Today's words take some 100 KB
# The environment that decides the user's time zone, how dates are written, and where
# platformdirs puts the user's folders (on Windows also any ``WIN_PD_OVERRIDE_*`` folder;
# Qt reads the XDG ones on Linux, and asks the system on macOS and Windows).
_ZONE_VARIABLES = ("TZ",)
_LOCALE_VARIABLES = ("LANG", "LANGUAGE")  # and every LC_* (LC_NUMERIC gives the digits)
_LOCALE_CATEGORIES = "LC_"
_FOLDER_VARIABLES = ("HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")
_FOLDER_OVERRIDES = "WIN_PD_OVERRIDE_"
ZONE_RULES = "/usr/share/zoneinfo/tzdata.zi"  # rewritten with each release of the rules


class Stretch(NamedTuple):  # not a dataclass: see ``today_face``
    """Today's face from ``start`` until ``end`` (UTC, end excluded)."""

    start: datetime
    end: datetime
    face: TodayFace


def copy_path(database: Path) -> Path:
    """The copy for this database, in the app's cache folder (one per database file)."""
    key = str(database).encode()
    return cache_folder() / f"today-{zlib.crc32(key):08x}{zlib.adler32(key):08x}.copy"


def default_database() -> Path | None:
    """The database in the user's data folder, as Qt names that folder (None when it names
    none). Only a guess: platformdirs, which places the folder for the domain, agrees on
    Linux, macOS and Windows in the usual case, but not with every variable (an XDG folder
    on macOS, a ``WIN_PD_OVERRIDE_*`` one on Windows). A copy is shown for the guess only
    if platformdirs named the same file when the copy was written, with the same folder
    variables (``kept_stretch``); otherwise start-up goes on as without a copy."""
    data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(data) / APP_NAME / DB_NAME if data else None


def platformdirs_default() -> str:
    """The data folder's database as the domain names it (resolved), or "" if it cannot."""
    from followup.paths import data_folder  # noqa: PLC0415

    try:
        return str((data_folder() / DB_NAME).resolve())
    except (OSError, RuntimeError):  # no home folder at all
        return ""


def _installed(package: str) -> int:
    """When the package's files were written (an install or upgrade rewrites them), found
    without importing it; 0 when it cannot be found."""
    from importlib.util import find_spec  # noqa: PLC0415

    try:
        spec = find_spec(package)
    except (ImportError, ValueError):
        return 0
    return _written(spec.origin) if spec and spec.origin else 0


def _written(path: str) -> int:
    """When the file was last written; 0 when there is none."""
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0


def surroundings(locale: str) -> dict[str, Any]:
    """What the words depend on besides the data: the code and holiday data that made them
    (versions, and when installed: an upgrade keeping the version number still counts), the
    locale and the system's time zone."""
    from PySide6 import __version__ as qt  # noqa: PLC0415  (loaded already)

    try:
        localtime = os.path.realpath("/etc/localtime")
    except OSError:
        localtime = ""
    return {
        "format": FORMAT,
        "app": __version__,
        "installed": [
            _installed(p) for p in ("followup", "followup_desktop", "holidays", "platformdirs")
        ],
        # A bundle's program, and the zone rules (an update of them moves days and times).
        "files": [_written(f) for f in (sys.executable, localtime, ZONE_RULES)],
        "qt": qt,
        "locale": locale,
        "env": {
            name: value
            for name, value in os.environ.items()  # (compared as a dict: in any order)
            if name in _ZONE_VARIABLES + _LOCALE_VARIABLES + _FOLDER_VARIABLES
            or name.startswith((_LOCALE_CATEGORIES, _FOLDER_OVERRIDES))
        },
        "localtime": localtime,
        "tzname": list(time.tzname),
        "offsets": [time.timezone, time.altzone],
    }


def current_token(database: Path) -> str | None:
    """The database's revision token, read-only (None when it cannot be read now)."""
    try:
        connection = sqlite3.connect(read_only_uri(database), uri=True, timeout=0.2)
    except (sqlite3.Error, ValueError):
        return None
    try:
        return revision(connection)
    finally:
        connection.close()


def kept_stretch(
    database: Path, now: datetime, locale: str, *, guessed: bool = False
) -> Stretch | None:
    """The stretch of the copy that holds now, if every condition holds. None otherwise,
    never an error: whatever is in the file (damaged, nested a million deep, huge, another
    format), start-up goes on as it would without a copy. ``guessed``: ``database`` is
    ``default_database()``, taken only if the copy's record of the default agrees."""
    try:
        raw = read_small(copy_path(database), MOST_BYTES)  # not a pipe, a device, a link
        if raw is None:
            return None
        data = from_bytes(raw)
        if not isinstance(data, dict) or data.get("surroundings") != surroundings(locale):
            return None
        if guessed and data.get("default_database") != str(database):
            return None
        token = data.get("token")
        if not isinstance(token, str) or not token or token != current_token(database):
            return None
        for stretch in data.get("stretches", []):
            start = datetime.fromisoformat(stretch["start"])
            end = datetime.fromisoformat(stretch["end"])
            if start.tzinfo is not None and end.tzinfo is not None and start <= now < end:
                return Stretch(start, end, face_from_data(stretch["face"]))
    except Exception:
        return None
    return None


def locale_key(locale: QLocale) -> str:
    """The locale as the words depend on it: its name and the formats days and times are
    written in (on macOS and Windows the user can change those and keep the name)."""
    long_format = locale.dateFormat(QLocale.FormatType.LongFormat)
    short_time = locale.timeFormat(QLocale.FormatType.ShortFormat)
    return f"{locale.name()}|{long_format}|{short_time}"


def keep(database: Path, token: str, stretches: list[Stretch], locale: str) -> None:
    """Write the copy whole or not at all (0600: it names companies and people)."""
    data = {
        "surroundings": surroundings(locale),
        "default_database": platformdirs_default(),
        "token": token,
        "stretches": [
            {
                "start": s.start.astimezone(UTC).isoformat(),
                "end": s.end.astimezone(UTC).isoformat(),
                "face": face_to_data(s.face),
            }
            for s in stretches
        ],
    }
    private_cache_folder()
    path = copy_path(database)
    write_whole(path, to_bytes(data))
    path.with_suffix(".json").unlink(missing_ok=True)  # the copy as format 1 kept it
    _forget_old_place(path)


def _forget_old_place(path: Path) -> None:
    """Remove the copy where platformdirs' cache folder kept it before Qt named the folder
    (another folder on Windows): it names companies and people, and nothing reads it now."""
    from followup.paths import cache_dir  # noqa: PLC0415

    folder = cache_dir()
    old = None if folder is None else folder / path.name
    if old is not None and old.resolve() != path.resolve():  # not the copy just written
        old.unlink(missing_ok=True)


def to_bytes(data: dict[str, Any]) -> bytes:
    """The copy's data in its kept form (``followup.kept_form``)."""
    return kept_form.to_bytes(KIND, data)


def from_bytes(raw: bytes) -> object:
    """What ``to_bytes`` wrote; None for any other bytes (never an error)."""
    return kept_form.from_bytes(KIND, raw)
