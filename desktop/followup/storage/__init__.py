"""The SQLite store: one file, WAL, foreign keys, numbered migrations, rolling backups.

Names are loaded on first use, so that ``followup.storage.database`` can be imported (to find
or open the file) without loading every part of the store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from followup.paths import default_db_path
    from followup.storage.database import Database
    from followup.storage.repository import Repository

__all__ = ["Database", "Repository", "default_db_path"]


def __getattr__(name: str) -> Any:
    if name == "default_db_path":
        from followup.paths import default_db_path  # noqa: PLC0415

        return default_db_path
    if name == "Database":
        from followup.storage.database import Database  # noqa: PLC0415

        return Database
    if name == "Repository":
        from followup.storage.repository import Repository  # noqa: PLC0415

        return Repository
    raise AttributeError(name)
