"""Start at login: an XDG autostart entry (Linux), the HKCU Run key (Windows), or a
LaunchAgent (macOS). One code path for the settings dialog and ``followup settings set``;
whether it is on is read from the system, not from the stored setting."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from followup.launcher import APP_ID, exec_value, gui_command

_RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def xdg_autostart_file() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart" / f"{APP_ID}.desktop"


def _launch_agent() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / f"{APP_ID}.plist"


def is_enabled() -> bool:
    if sys.platform == "win32":  # pragma: no cover (Windows)
        import winreg  # noqa: PLC0415

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, _RUN_KEY) as key:
                winreg.QueryValueEx(key, APP_ID)
        except OSError:
            return False
        return True
    path = _launch_agent() if sys.platform == "darwin" else xdg_autostart_file()
    return path.exists()


def autostart_entry(command: list[str]) -> str:
    return (
        "[Desktop Entry]\nType=Application\nName=Interview Follow-Up\n"
        "Comment=Reminders for interview follow-ups\n"
        f"Exec={exec_value([*command, '--minimized'])}\nIcon={APP_ID}\nTerminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def set_enabled(enabled: bool, command: list[str] | None = None) -> None:
    """Create or remove the login entry; raises OSError with the reason on failure."""
    command = command or gui_command()
    if sys.platform == "win32":  # pragma: no cover (Windows)
        import subprocess  # noqa: PLC0415
        import winreg  # noqa: PLC0415

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, _RUN_KEY) as key:
            if enabled:
                value = subprocess.list2cmdline([*command, "--minimized"])
                winreg.SetValueEx(key, APP_ID, 0, winreg.REG_SZ, value)
            else:
                with contextlib.suppress(FileNotFoundError):
                    winreg.DeleteValue(key, APP_ID)
        return
    if sys.platform == "darwin":  # pragma: no cover (macOS)
        path = _launch_agent()
        if enabled:
            import plistlib  # noqa: PLC0415

            path.parent.mkdir(parents=True, exist_ok=True)
            arguments = [*command, "--minimized"]
            path.write_bytes(
                plistlib.dumps({"Label": APP_ID, "ProgramArguments": arguments, "RunAtLoad": True})
            )
        else:
            path.unlink(missing_ok=True)
        return
    path = xdg_autostart_file()
    if not enabled:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(autostart_entry(command), encoding="utf-8")
