"""``followup db check`` and ``followup db restore``: the database file itself.

A damaged file is never written to; these say what is wrong and put the latest good backup
in its place, keeping the damaged file beside it (never deleting it).
"""

from __future__ import annotations

from pathlib import Path

from followup.cli.context import Context
from followup.errors import InvalidInput
from followup.storage import backups, health


def db_check(ctx: Context) -> int:
    """Exit 0 when the file passes SQLite's full integrity check, 1 when it is damaged."""
    path = ctx.db_path
    if not path.exists():
        raise InvalidInput(f"there is no database at {path}")
    wrong = health.problem(path, full=True)
    found = backups.backups(path)
    good = backups.newest_good(path) if wrong else None
    data = {
        "path": str(path),
        "ok": wrong is None,
        "problem": wrong,
        "backups": [str(p) for p in found],
        "restore_from": str(good) if good else None,
    }
    if wrong is None:
        newest = f"; the newest backup is {found[0]}" if found else "; there is no backup yet"
        ctx.emit(data, f"ok: {path} passes SQLite's integrity check{newest}.")
        return 0
    advice = (
        f"The latest good backup is {good}; put it back with: followup db restore"
        if good
        else "No good backup was found."
    )
    ctx.emit(data, f"damaged: {path}: {wrong}. It was not changed. {advice}")
    return 1


def db_restore(ctx: Context) -> int:
    """Put a backup (the newest good one unless ``--backup``) in the database's place."""
    path = ctx.db_path
    folder = backups.folder_of(path)
    if ctx.args.backup:
        backup = Path(ctx.args.backup)
    else:
        newest = backups.newest_good(path)
        if newest is None:
            raise InvalidInput(f"no good backup in {folder}; name one with --backup FILE")
        backup = newest
    damaged = path.exists() and health.problem(path) is not None
    if path.exists() and not damaged and not ctx.args.force:
        raise InvalidInput(
            f"{path} is not damaged; restoring would replace your current data. "
            "Add --force to do it anyway (the current file is kept beside it)."
        )
    aside = backups.restore(path, backup, ctx.now, damaged=damaged)
    kept = f" The previous file is kept as {aside}." if aside else ""
    ctx.emit(
        {"restored": str(backup), "path": str(path), "kept": str(aside) if aside else None},
        f"Restored {backup} as {path}.{kept}",
    )
    return 0
