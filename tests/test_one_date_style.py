"""One date style: no view formats a date or a time on its own.

Every GUI module goes through ``followup_desktop.locale_dates`` (the user's locale), so a
list, a heading and a reason beside them never show two styles. A source scan: it fails on
``strftime``, an f-string ``{when:%a %d %b}``, and a hard-coded Qt date or time pattern.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GUI = Path(__file__).resolve().parents[1] / "desktop" / "followup_desktop"
OWNER = GUI / "locale_dates.py"  # the one module that knows how dates look
# Domain modules whose sentences name days: they take a DateStyle (or, in letters, English
# words that do not follow the process's locale) and format nothing themselves.
DOMAIN = Path(__file__).resolve().parents[1] / "desktop" / "followup"
DOMAIN_TEXTS = ("plan.py", "post.py", "reminders.py", "letter_layout.py", "templates.py")
SHOWN_ONLY = ("ddd", "MMM", "AP", "ap")


def _offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FormattedValue) and isinstance(node.format_spec, ast.JoinedStr):
            spec = "".join(
                str(part.value)
                for part in node.format_spec.values
                if isinstance(part, ast.Constant)
            )
            if "%" in spec:
                found.append(f"{path.name}:{node.lineno}: f-string date format {spec!r}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            if name == "strftime":
                found.append(f"{path.name}:{node.lineno}: strftime")
            fixed = [str(a.value) for a in node.args if isinstance(a, ast.Constant)]
            # Any pattern for an editor's display; in toString, one with names or AM/PM (a
            # stored value such as "HH:mm" is a format, not something shown).
            if fixed and (
                name == "setDisplayFormat"
                or (name == "toString" and any(p in f for f in fixed for p in SHOWN_ONLY))
            ):
                found.append(f"{path.name}:{node.lineno}: {name} with a fixed pattern")
    return found


def _gui_modules() -> list[Path]:
    return sorted(p for p in GUI.rglob("*.py") if p != OWNER)


def test_the_scan_finds_what_it_looks_for(tmp_path: Path) -> None:
    bad = tmp_path / "bad_view.py"
    bad.write_text(
        "def f(when, edit, day):\n"
        "    a = f'{when:%a %d %b}'\n"
        "    b = when.strftime('%H:%M')\n"
        "    edit.setDisplayFormat('ddd d MMM yyyy')\n"
        "    edit.time().toString('HH:mm')\n"
        "    return a, b, f'{day:>4}', day.isoformat()\n",
        encoding="utf-8",
    )
    assert len(_offences(bad)) == 3


@pytest.mark.parametrize("path", _gui_modules(), ids=lambda p: str(p.relative_to(GUI)))
def test_no_view_formats_dates_itself(path: Path) -> None:
    assert _offences(path) == []


@pytest.mark.parametrize("name", DOMAIN_TEXTS)
def test_the_domains_sentences_name_days_through_a_date_style(name: str) -> None:
    assert _offences(DOMAIN / name) == []
