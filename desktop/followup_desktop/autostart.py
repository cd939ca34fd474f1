"""Start at login: an XDG autostart entry (Linux), the HKCU Run key (Windows), or a
LaunchAgent (macOS). The app id is the one used everywhere (desktop file, metainfo)."""

from __future__ import annotations

import contextlib
import os
import shlex
import sys
from pathlib import Path

APP_ID = "io.github.interview_followup.InterviewFollowUp"
_RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def command() -> list[str]:
    """How to start the app minimized: the installed script, or this interpreter."""
    script = Path(sys.argv[0]).resolve()
    if script.name.startswith("followup-desktop"):
        return [str(script), "--minimized"]
    return [sys.executable, "-m", "followup_desktop.app", "--minimized"]


def _xdg_file() -> Path:
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
    path = _launch_agent() if sys.platform == "darwin" else _xdg_file()
    return path.exists()


def set_enabled(enabled: bool) -> None:
    """Create or remove the login entry; raises OSError with the reason on failure."""
    if sys.platform == "win32":  # pragma: no cover (Windows)
        import winreg  # noqa: PLC0415

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, _RUN_KEY) as key:
            if enabled:
                value = " ".join(f'"{part}"' for part in command())
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
            path.write_bytes(
                plistlib.dumps({"Label": APP_ID, "ProgramArguments": command(), "RunAtLoad": True})
            )
        else:
            path.unlink(missing_ok=True)
        return
    path = _xdg_file()
    if not enabled:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "[Desktop Entry]\nType=Application\nName=Interview Follow-Up\n"
        "Comment=Reminders for interview follow-ups\n"
        f"Exec={shlex.join(command())}\nIcon={APP_ID}\nTerminal=false\n"
        "X-GNOME-Autostart-enabled=true\n",
        encoding="utf-8",
    )
