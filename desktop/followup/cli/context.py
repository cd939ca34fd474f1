"""What every command needs: the clock, the database, the settings, and output helpers."""

from __future__ import annotations

import argparse
import json
import locale
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from followup.errors import InvalidInput
from followup.settings import Settings, locale_country
from followup.storage import Database, Repository, default_db_path
from followup.workdays import WorkCalendar


@dataclass
class Context:
    args: argparse.Namespace
    now: datetime
    out: Any = field(default=sys.stdout)

    @property
    def db_path(self) -> Path:
        return Path(self.args.db) if self.args.db else default_db_path()

    @cached_property
    def repo(self) -> Repository:
        return Repository(Database.open(self.db_path, self.now))

    @cached_property
    def settings(self) -> Settings:
        """Stored settings; an absent database is not created just to read them."""
        if "repo" not in self.__dict__ and not self.db_path.exists():
            return Settings.from_stored({})
        return Settings.from_stored(self.repo.settings())

    @cached_property
    def zone(self) -> ZoneInfo:
        return self.settings.zone()

    def calendar(self) -> WorkCalendar:
        """From --country/--subdiv/--workdays where given, else the user's settings."""
        args = self.args
        return self.settings.calendar(
            locale_country(locale.getlocale()[0]),
            country=getattr(args, "country", None),
            subdiv=getattr(args, "subdiv", None),
            workdays=getattr(args, "workdays", None),
        )

    def moment(self, text: str, what: str) -> datetime:
        """An ISO date-time; with an offset it is taken in that offset, else in the user's zone."""
        try:
            value = datetime.fromisoformat(text.strip())
        except ValueError as error:
            raise InvalidInput(
                f"{what}: {text!r} is not an ISO date-time like "
                "2026-11-25T14:00 or 2026-11-25T14:00-05:00"
            ) from error
        return value if value.tzinfo is not None else value.replace(tzinfo=self.zone)

    @staticmethod
    def day(text: str, what: str) -> date:
        try:
            return date.fromisoformat(text.strip())
        except ValueError as error:
            raise InvalidInput(f"{what}: {text!r} is not an ISO date like 2026-11-25") from error

    def emit(self, data: Any, human: str) -> None:
        """JSON with --json, else the human text."""
        if getattr(self.args, "json", False):
            json.dump(data, self.out, indent=2, ensure_ascii=False, default=str)
            self.out.write("\n")
        else:
            self.out.write(human.rstrip("\n") + "\n")
