"""The menu entry, AppStream metainfo and hicolor icons for installs that have no package
manager to put them in place (a wheel, pipx, the PyInstaller folder): written into the
user's XDG data folder, and removed again on request."""

from __future__ import annotations

import os
import shutil
import subprocess
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from followup.launcher import APP_ID, exec_value, gui_command


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def _shipped() -> Traversable:
    return resources.files("followup_resources") / "desktop"


def _targets(home: Path) -> list[tuple[Traversable, Path]]:
    """(shipped file, where it goes) for every file the entry needs."""
    shipped = _shipped()
    pairs: list[tuple[Traversable, Path]] = [
        (shipped / f"{APP_ID}.metainfo.xml", home / "metainfo" / f"{APP_ID}.metainfo.xml"),
        (
            resources.files("followup_resources") / "icons" / "app.svg",
            home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        ),
    ]
    for size_folder in (shipped / "icons" / "hicolor").iterdir():
        name = size_folder.name
        pairs.append(
            (
                size_folder / "apps" / f"{APP_ID}.png",
                home / "icons" / "hicolor" / name / "apps" / f"{APP_ID}.png",
            )
        )
    return pairs


def desktop_file(home: Path | None = None) -> Path:
    return (home or data_home()) / "applications" / f"{APP_ID}.desktop"


def entry_text(command: list[str]) -> str:
    """The shipped entry with ``Exec`` and ``TryExec`` pointing at this install."""
    template = (_shipped() / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    lines = [
        f"Exec={exec_value(command)}" if line.startswith("Exec=") else line
        for line in template.splitlines()
    ]
    return "\n".join(lines) + "\n"


def install(command: list[str] | None = None, home: Path | None = None) -> list[Path]:
    """Write the entry, metainfo and icons; returns the files written."""
    home = home or data_home()
    written = []
    for source, target in _targets(home):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
        written.append(target)
    entry = desktop_file(home)
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(entry_text(command or gui_command()), encoding="utf-8")
    written.append(entry)
    _refresh_caches(home)
    return written


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what :func:`install` wrote (and nothing else); returns the files removed."""
    home = home or data_home()
    removed = []
    for target in [desktop_file(home), *(target for _, target in _targets(home))]:
        if target.exists():
            target.unlink()
            removed.append(target)
    _refresh_caches(home)
    return removed


def is_installed(home: Path | None = None) -> bool:
    return desktop_file(home).exists()


def _refresh_caches(home: Path) -> None:
    """Menus and icon themes notice new files sooner with their caches refreshed; both
    tools are optional."""
    for tool, target in (
        ("update-desktop-database", home / "applications"),
        ("gtk-update-icon-cache", home / "icons" / "hicolor"),
    ):
        if shutil.which(tool) and target.is_dir():
            subprocess.run(
                [tool, "-q", str(target)]
                if tool == "update-desktop-database"
                else [tool, "-q", "-t", "-f", str(target)],
                check=False,
                capture_output=True,
                timeout=30,
            )
