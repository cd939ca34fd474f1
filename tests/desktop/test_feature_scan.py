"""Start-up spares PySide6 its source scan of each newly imported module (feature_scan): the
answers it records must be the ones the scan would give, and the scan must then be skipped."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

import followup
import followup_desktop
from followup_desktop.feature_scan import NO_PYSIDE, USES_PYSIDE, declare_modules, package_modules

feature = sys.modules["shibokensupport.feature"]  # PySide6 is imported by the GUI tests


def test_every_module_of_both_packages_is_named_once_and_nothing_else() -> None:
    domain = package_modules("followup")
    gui = package_modules("followup_desktop")
    for names, root in ((domain, followup), (gui, followup_desktop)):
        files = sorted(Path(root.__file__ or "").parent.rglob("*.py"))
        assert len(names) == len(set(names)) == len(files)
        assert all("__init__" not in n and "__pycache__" not in n for n in names)
    assert {"followup", "followup.storage", "followup.storage.repository"} <= set(domain)
    assert {"followup_desktop.app", "followup_desktop.calendar.view"} <= set(gui)


def test_the_answers_are_true_no_domain_module_imports_pyside() -> None:
    """(import-linter says so too; the scan would also have answered "uses" for a module that
    only names PySide6 in a comment, which changes nothing: no module selects a feature.)"""
    root = Path(followup.__file__ or "").parent
    importing = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6)\b", re.MULTILINE)
    found = [p.name for p in root.rglob("*.py") if importing.search(p.read_text(encoding="utf-8"))]
    assert found == []


def _import_afresh(name: str) -> None:
    """Import ``name`` again through ``import`` (the statement PySide's hook watches)."""
    kept = sys.modules.pop(name)
    try:
        __import__(name, fromlist=["__name__"])  # as "from name import ..." does
    finally:
        sys.modules[name] = kept


def test_declared_modules_are_not_scanned_and_a_found_answer_is_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scanned: list[str] = []

    def scan(module: ModuleType) -> bool:
        scanned.append(module.__name__)
        return False

    monkeypatch.setattr(feature, "_mod_uses_pyside", scan)
    table: dict[str, int] = {"followup.ics": 7}  # as if PySide had found something itself
    monkeypatch.setattr(feature, "pyside_feature_dict", table)
    _import_afresh("followup.date_style")
    assert "followup.date_style" in scanned  # undeclared: PySide reads its source

    table.clear()
    table["followup.ics"] = 7
    assert declare_modules() > 100
    assert table["followup.ics"] == 7
    assert table["followup.storage.repository"] == NO_PYSIDE
    assert table["followup_desktop.calendar.view"] == USES_PYSIDE
    assert table["json"] == NO_PYSIDE
    scanned.clear()
    _import_afresh("followup.date_style")
    _import_afresh("followup_desktop.locale_dates")
    assert [name for name in scanned if name.startswith("followup")] == []


def test_without_pyside_s_table_nothing_is_done(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(feature, "pyside_feature_dict")
    assert declare_modules() == 0
