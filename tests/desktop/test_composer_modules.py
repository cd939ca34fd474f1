"""The composer is split by job (issue 10): picker state and template choice (Qt-free), the
editor, delivery; no module of it over 400 lines, so none becomes the grab bag it once was."""

from __future__ import annotations

from pathlib import Path

from followup_desktop import composer


def test_no_composer_module_is_over_400_lines() -> None:
    folder = Path(composer.__file__).parent
    sizes = {
        path.name: len(path.read_text(encoding="utf-8").splitlines())
        for path in folder.glob("*.py")
    }
    assert len(sizes) >= 8
    assert {name: n for name, n in sizes.items() if n > 400} == {}


def test_the_picker_state_is_qt_free() -> None:
    source = (Path(composer.__file__).parent / "picker.py").read_text(encoding="utf-8")
    assert "PySide6" not in source
