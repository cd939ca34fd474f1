"""The SQLite store: one file, WAL, foreign keys, numbered migrations, rolling backups."""

from followup.storage.database import Database, default_db_path
from followup.storage.repository import Repository

__all__ = ["Database", "Repository", "default_db_path"]
