"""The app fits into the desktop: menu entry, metainfo, icons, start at login, one instance
per user and database. Validated with the freedesktop tools where they are installed."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import desktop_entry, login_items
from followup.cli import main as cli
from followup.launcher import APP_ID, exec_value, parse_exec_value

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "resources" / "desktop"
needs_dfv = pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate not installed (Debian package desktop-file-utils)",
)
needs_appstream = pytest.mark.skipif(
    shutil.which("appstreamcli") is None,
    reason="appstreamcli not installed (Debian package appstream)",
)


def validate_entry(path: Path) -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@needs_dfv
def test_shipped_desktop_entry_is_valid() -> None:
    validate_entry(SHIPPED / f"{APP_ID}.desktop")


@needs_appstream
def test_shipped_metainfo_passes_appstream_validation() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(SHIPPED / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for needed in ("<developer", 'type="homepage"', "<image", "<content_rating", "<release "):
        assert needed in (SHIPPED / f"{APP_ID}.metainfo.xml").read_text()


def test_icons_ship_in_every_hicolor_size_and_for_windows_and_macos() -> None:
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = SHIPPED / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", png
    assert (ROOT / "packaging" / "windows" / "interview-followup.ico").read_bytes()[:4] == (
        b"\0\0\1\0"
    )
    assert (ROOT / "packaging" / "macos" / "interview-followup.icns").read_bytes()[:4] == b"icns"


@given(st.lists(st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"])), min_size=1))
def test_exec_value_round_trips_any_arguments(arguments: list[str]) -> None:
    assert parse_exec_value(exec_value(arguments)) == arguments


@needs_dfv
@pytest.mark.parametrize(
    "folder", ["plain", "with space", 'quote\'s "and" dollar$', "back\\slash %percent", "ünï"]
)
def test_entries_are_valid_whatever_the_install_path(tmp_path: Path, folder: str) -> None:
    program = str(tmp_path / folder / "bin" / "followup-desktop")
    home = tmp_path / "data"
    desktop_entry.install([program], home)
    entry = desktop_entry.desktop_file(home)
    validate_entry(entry)
    exec_line = next(x for x in entry.read_text().splitlines() if x.startswith("Exec="))
    assert parse_exec_value(exec_line.removeprefix("Exec=")) == [program]
    autostart = tmp_path / "autostart.desktop"
    autostart.write_text(login_items.autostart_entry([program]))
    validate_entry(autostart)


def test_install_and_uninstall_the_menu_entry(tmp_path: Path) -> None:
    home = tmp_path / "share"
    written = desktop_entry.install(["/opt/x/followup-desktop"], home)
    assert desktop_entry.is_installed(home)
    names = {p.relative_to(home).as_posix() for p in written}
    assert f"applications/{APP_ID}.desktop" in names
    assert f"metainfo/{APP_ID}.metainfo.xml" in names
    assert f"icons/hicolor/scalable/apps/{APP_ID}.svg" in names
    assert f"icons/hicolor/48x48/apps/{APP_ID}.png" in names
    removed = desktop_entry.uninstall(home)
    assert sorted(removed) == sorted(written)
    assert not desktop_entry.is_installed(home)
    caches = {"mimeinfo.cache", "icon-theme.cache"}  # the desktop's own caches, refreshed
    assert not [p for p in home.rglob("*") if p.is_file() and p.name not in caches]


def test_cli_installs_the_menu_entry_into_the_users_data_folder() -> None:
    assert cli(["desktop-entry", "install"]) == 0
    entry = Path(os.environ["XDG_DATA_HOME"]) / "applications" / f"{APP_ID}.desktop"
    assert entry.exists()
    assert cli(["desktop-entry", "status"]) == 0
    assert cli(["desktop-entry", "uninstall"]) == 0
    assert not entry.exists()


def test_settings_set_start_at_login_writes_the_same_entry_as_the_dialog(tmp_path: Path) -> None:
    db = str(tmp_path / "f.sqlite3")
    entry = login_items.xdg_autostart_file()
    assert cli(["--db", db, "settings", "set", "app.start_at_login", "true"]) == 0
    assert entry.exists() and login_items.is_enabled()
    exec_line = next(x for x in entry.read_text().splitlines() if x.startswith("Exec="))
    command = parse_exec_value(exec_line.removeprefix("Exec="))
    assert command[-1] == "--minimized" and Path(command[0]).name.startswith("followup-desktop")
    if shutil.which("desktop-file-validate"):
        validate_entry(entry)
    assert cli(["--db", db, "settings", "set", "app.start_at_login", "false"]) == 0
    assert not entry.exists()


def test_single_instance_socket_is_private_and_keyed_on_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from followup_desktop.app import _server_name

    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    first = _server_name(None)
    assert first is not None and Path(first).parent.parent == runtime
    assert stat.S_IMODE(Path(first).parent.stat().st_mode) == 0o700
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "other"))
    assert _server_name(None) != first  # another data folder: another instance
    assert _server_name(tmp_path / "a.sqlite3") != _server_name(tmp_path / "b.sqlite3")
    assert _server_name(tmp_path / "a.sqlite3") == _server_name(tmp_path / "a.sqlite3")
    # The same file however it is reached is one instance: a second window on it would
    # double its reminders and backups.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    default = _server_name(None)
    assert _server_name(tmp_path / "data" / "interview-followup" / "followup.sqlite3") == default
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data") + "/")
    assert _server_name(None) == default
    (tmp_path / "link").symlink_to(tmp_path / "data")
    assert _server_name(tmp_path / "link" / "interview-followup" / "followup.sqlite3") == default


def test_no_single_instance_name_in_a_folder_others_can_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from followup_desktop.app import _server_name

    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    planted = tmp_path / f"interview-followup-{os.getuid()}"
    planted.mkdir(mode=0o777)
    planted.chmod(0o777)  # another user's trap (or a careless umask): not used
    assert _server_name(None) is None


def test_desktop_entry_flags_of_the_gui_command(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    run = [sys.executable, "-m", "followup_desktop.app"]
    done = subprocess.run(
        [*run, "--install-desktop-entry"], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "applications" / f"{APP_ID}.desktop").exists()
    done = subprocess.run(
        [*run, "--uninstall-desktop-entry"], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert not list((tmp_path / "applications").glob("*.desktop"))


def test_demo_leaves_no_folder_behind(tmp_path: Path) -> None:
    env = {**os.environ, "TMPDIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    shot = tmp_path / "shot.png"
    done = subprocess.run(
        [sys.executable, "-m", "followup_desktop.app", "--demo", "--screenshot", str(shot)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert shot.exists()
    assert not list(tmp_path.glob("followup-demo-*"))


def test_tray_icon_suits_the_panel(qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from followup_desktop.tray import tray_icon_name

    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "KDE")
    assert tray_icon_name() == "tray"  # offscreen reports a light scheme
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "ubuntu:GNOME")
    assert tray_icon_name() == "tray-dark"


def test_the_bundle_offers_the_menu_entry_once(
    qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from followup_desktop.app import offer_menu_entry

    QCoreApplication.setOrganizationName("followup-tests")  # QSettings in the temporary home
    asked: list[str] = []

    def answer(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[1]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    offer_menu_entry(None)  # type: ignore[arg-type]
    assert asked == ["Add to the applications menu?"]
    assert desktop_entry.is_installed()
    desktop_entry.uninstall()
    offer_menu_entry(None)  # type: ignore[arg-type]
    assert len(asked) == 1 and not desktop_entry.is_installed()  # asked once, not again
