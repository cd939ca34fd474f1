"""The app has Qt paint on the GUI thread alone: its thread pool is off before the first
paint, unless the user set the switch already."""

from __future__ import annotations

import argparse
import os

import pytest

from followup_desktop import app
from followup_desktop.serial_painting import NO_POOL, paint_serially


def test_the_pool_is_turned_off_and_a_users_setting_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(NO_POOL, raising=False)
    paint_serially()
    assert os.environ[NO_POOL] == "1"
    monkeypatch.setenv(NO_POOL, "")  # set, even empty: Qt keeps the pool off
    paint_serially()
    assert os.environ[NO_POOL] == ""


def test_the_app_turns_it_off_before_it_makes_the_qapplication(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Qt reads the switch once, at the first large paint: it must be set by then."""
    monkeypatch.delenv(NO_POOL, raising=False)
    seen: list[str | None] = []

    def run(args: argparse.Namespace) -> int:  # where the QApplication would be made
        seen.append(os.environ.get(NO_POOL))
        return 0

    monkeypatch.setattr(app, "_run", run)
    assert app.main([]) == 0
    assert seen == ["1"]
