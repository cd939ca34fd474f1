"""Where the user's data lives (platformdirs), cheap to import: start-up needs it first."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "interview-followup"


def default_db_path() -> Path:
    """``FOLLOWUP_DB`` if set, else ``followup.sqlite3`` in the user data folder."""
    override = os.environ.get("FOLLOWUP_DB")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path  # noqa: PLC0415

    return user_data_path(APP_NAME, appauthor=False) / "followup.sqlite3"
