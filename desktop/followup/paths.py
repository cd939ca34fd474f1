"""Where the user's data lives (platformdirs), and how its files are made private.

Cheap to import: start-up needs it first. Everything the app writes about a job search is
readable by its owner only: folders 0700, files 0600 from the moment they exist.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

APP_NAME = "interview-followup"
DB_NAME = "followup.sqlite3"  # in the data folder, unless FOLLOWUP_DB or --db names another
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
# What the process creates from now on is its owner's only (the front ends set it first).
PRIVATE_UMASK = 0o077


def default_db_path() -> Path:
    """``FOLLOWUP_DB`` if set, else ``followup.sqlite3`` in the user data folder."""
    override = os.environ.get("FOLLOWUP_DB")
    if override:
        return Path(override).expanduser()
    return data_folder() / DB_NAME


def data_folder() -> Path:
    """The platform's data folder for the app (whatever ``FOLLOWUP_DB`` says)."""
    from platformdirs import user_data_path  # noqa: PLC0415

    return user_data_path(APP_NAME, appauthor=False)


def private_folder(folder: Path) -> Path:
    """Create the folder (0700) if missing. An existing folder is made 0700 only when it is
    the app's own (the data folder or one inside it): a ``--db`` in someone's home or /tmp
    leaves that folder's mode alone."""
    if not folder.exists():
        # The umask can only take bits away from 0700: private from the first moment.
        folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    elif _ours(folder) and folder.stat().st_mode & 0o777 != PRIVATE_FOLDER:
        os.chmod(folder, PRIVATE_FOLDER)
    return folder


def _ours(folder: Path) -> bool:
    home = data_folder().resolve()
    here = folder.resolve()
    return here == home or home in here.parents or here.name == "backups"


def create_private(path: Path) -> None:
    """A new, empty file that is 0600 from its first moment; ``FileExistsError`` if present."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.close(descriptor)


def read_small(path: Path, most: int) -> bytes | None:
    """A cache file's bytes, read before the first paint: only a plain file (not a link, a
    pipe that would block, or a device that never ends) of at most ``most`` bytes, and the
    user's own that no one else may write (the app reads ``marshal`` from its kept files;
    POSIX: on Windows the folder is the user's profile's), else None; never an error."""
    import stat  # noqa: PLC0415

    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_size > most:
            return None
        getuid = getattr(os, "getuid", None)
        if getuid is not None and (info.st_uid != getuid() or info.st_mode & 0o022):
            return None
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(most + 1)
        return data if len(data) <= most else None
    except (OSError, ValueError, MemoryError):
        return None
    finally:
        os.close(descriptor)


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """A URI that opens the database ``path`` without any right to write it (``immutable``:
    no locks and no -wal/-shm either, for files no one else writes, such as backups)."""
    from urllib.parse import quote  # noqa: PLC0415  (loaded already: pathlib uses it)

    flags = "mode=ro" + ("&immutable=1" if immutable else "")
    return f"file:{quote(str(path.absolute()))}?{flags}"


def write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all, 0600 from its first byte: it goes to a
    file beside the target that is then renamed into place, so a full disk or a crash leaves
    the old file as it was. What stops it is said in words (``InvalidInput``)."""
    from followup.errors import InvalidInput  # noqa: PLC0415  (paths is imported first)

    try:  # a name too long is an OSError already here
        if path.is_dir():
            raise InvalidInput(f"{path} is a folder; give a file name")
        if not path.parent.is_dir():
            raise InvalidInput(f"the folder {path.parent} does not exist")
    except OSError as error:
        raise InvalidInput(f"cannot write {path}: {error.strerror or error}") from error
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.unlink(missing_ok=True)
        with os.fdopen(
            os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE), "wb"
        ) as handle:
            handle.write(data)
        os.replace(partial, path)
    except OSError as error:
        raise InvalidInput(f"cannot write {path}: {error.strerror or error}") from error
    finally:
        with contextlib.suppress(OSError):  # a name too long to make cannot be left behind
            partial.unlink(missing_ok=True)


def make_private(*paths: Path) -> None:
    """Files made before this release (0644) lose every right of others (0600); the owner's
    own rights are left as they are (a read-only file stays read-only). Missing ones are
    skipped."""
    for path in paths:
        try:
            mode = path.stat().st_mode & 0o777
            if mode & 0o077:
                os.chmod(path, mode & 0o700)
        except OSError:  # gone, or another user's file: not ours to change
            continue


def cache_dir() -> Path | None:
    """The user's cache folder for this app (computed data that can always be rebuilt)."""
    from platformdirs import user_cache_path  # noqa: PLC0415

    try:
        return user_cache_path(APP_NAME, appauthor=False)
    except OSError:  # pragma: no cover - no home folder at all
        return None
