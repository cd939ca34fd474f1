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

from followup.country import locale_country
from followup.errors import InvalidInput
from followup.paths import write_whole
from followup.settings import Settings
from followup.storage import Database, Repository, default_db_path
from followup.validation import check_day, check_moment, no_such_day, wall_time
from followup.workdays import WorkCalendar


@dataclass
class Context:
    args: argparse.Namespace
    now: datetime
    out: Any = field(default_factory=lambda: sys.stdout)

    @property
    def db_path(self) -> Path:
        return Path(self.args.db) if self.args.db else default_db_path()

    @cached_property
    def repo(self) -> Repository:
        return Repository(Database.open(self.db_path, self.now))

    def close(self) -> None:
        """Close the database if this command opened it."""
        repo = self.__dict__.get("repo")
        if repo is not None:
            repo.db.close()

    @cached_property
    def settings(self) -> Settings:
        """Stored settings; an absent database is not created just to read them."""
        if "repo" not in self.__dict__ and not self.db_path.exists():
            return Settings.from_stored({})
        return Settings.from_stored(self.repo.settings(), self.repo.unreadable_settings())

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

    def moment(self, text: str, what: str, zone: ZoneInfo | None = None) -> datetime:
        """An ISO date-time between 1990 and 2100; with an offset it is taken in that offset,
        else as a clock reading in ``zone`` (default: the user's), which must exist there."""
        value = parse_moment(text, what)
        check_day(value.date(), what)
        value = wall_time(value, zone or self.zone, what)
        return check_moment(value, what)

    @staticmethod
    def day(text: str, what: str) -> date:
        try:
            value = date.fromisoformat(text.strip())
        except ValueError as error:
            wrong = no_such_day(text)
            raise InvalidInput(
                f"{what}: {_shown(text)} is not a date ({wrong})"
                if wrong
                else f"{what}: {_shown(text)} is not an ISO date like 2026-11-25"
            ) from error
        return check_day(value, what)

    def write_file(self, name: str, data: bytes) -> None:
        """Write ``data`` to ``name`` (``-``: standard output) completely or not at all.

        A file is written as the app writes its own (``paths.write_whole``: beside itself,
        then renamed into place, 0600), so a full disk leaves the old file intact; a device or
        pipe is written directly.
        """
        if name == "-":
            self.out.write(data.decode())
            return
        target = Path(name)
        if target.exists() and not target.is_dir() and not target.is_file():
            try:  # a device or a pipe: written directly
                with target.open("wb") as handle:
                    handle.write(data)
            except OSError as error:
                raise InvalidInput(f"cannot write {name}: {error.strerror or error}") from error
            return
        write_whole(target, data)

    def warn_about_stored_values(self) -> None:
        """Name, on stderr, each stored record or setting this command could not use."""
        lines = self.settings.problems() if "settings" in self.__dict__ else []
        if "repo" in self.__dict__:
            lines += [f"{u.message()}; fix it (edit) or delete it" for u in self.repo.unreadable()]
        for line in lines:
            print(f"followup: warning: {_one_line(line)}", file=sys.stderr)

    def emit(self, data: Any, human: str) -> None:
        """JSON with --json, else the human text."""
        if getattr(self.args, "json", False):
            json.dump(data, self.out, indent=2, ensure_ascii=False, default=str)
            self.out.write("\n")
        else:
            self.out.write(human.rstrip("\n") + "\n")


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:40] + "…")


def parse_moment(text: str, what: str) -> datetime:
    """An ISO date-time as typed (naive when it has no offset); refused in words."""
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError as error:
        wrong = no_such_day(text)
        raise InvalidInput(
            f"{what}: {_shown(text)} is not a date ({wrong})"
            if wrong
            else f"{what}: {_shown(text)} is not an ISO date-time like "
            "2026-11-25T14:00 or 2026-11-25T14:00-05:00"
        ) from error


def _one_line(text: str) -> str:
    return "".join(c if c.isprintable() else " " for c in text)[:500]
