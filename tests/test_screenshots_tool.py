"""`make screenshots` makes every view in both themes and both sizes, the @2x set and the
printed letter, and an index that links each (about a minute: `make test-slow`)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_every_view_in_light_and_dark_at_both_sizes(tmp_path: Path) -> None:
    folder = tmp_path / "shots"
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "screenshots.py"), str(folder), "--offscreen"],
        check=True,
        timeout=600,
        capture_output=True,
    )
    names = {p.name for p in folder.glob("*.png")}
    for view in ("today", "interviews", "calendar", "composer-email", "settings", "about"):
        for theme in ("light", "dark"):
            for size in ("800x600", "1440x900"):
                assert f"{view}-{theme}-{size}.png" in names
            assert view not in {"today", "interviews", "composer-email"} or (
                f"{view}-{theme}-800x600@2x.png" in names
            )
    index = (folder / "README.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\(([\w@.-]+\.png)\)", index))
    assert linked == names  # every picture is in the index, and only those
    light = (folder / "today-light-800x600.png").read_bytes()
    assert light != (folder / "today-dark-800x600.png").read_bytes()
