"""The distribution ships every package and every resource file."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT / "desktop").parts)
        for p in (ROOT / "desktop").rglob("__init__.py")
    }
    assert found <= listed, f"not shipped: {sorted(found - listed)}"


def test_every_resource_file_matches_a_package_data_pattern() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["followup_resources"]
    for path in (ROOT / "resources").rglob("*"):
        if path.is_file() and path.name != "__init__.py" and "__pycache__" not in path.parts:
            relative = path.relative_to(ROOT / "resources")
            assert any(relative.match(p.removeprefix("**/")) for p in patterns), relative
