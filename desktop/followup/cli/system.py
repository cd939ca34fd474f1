"""Commands that fit the app into the user's desktop: the menu entry and start at login."""

from __future__ import annotations

from followup import desktop_entry, login_items
from followup.cli.context import Context
from followup.errors import InvalidInput


def desktop_entry_cmd(ctx: Context) -> int:
    action = ctx.args.entry_action
    try:
        if action == "install":
            written = desktop_entry.install()
            ctx.emit(
                {"installed": [str(p) for p in written]},
                f"Added Interview Follow-Up to the applications menu ({len(written)} files, "
                f"entry {desktop_entry.desktop_file()}).",
            )
        elif action == "uninstall":
            removed = desktop_entry.uninstall()
            ctx.emit(
                {"removed": [str(p) for p in removed]},
                f"Removed the menu entry ({len(removed)} files)."
                if removed
                else "There was no menu entry to remove.",
            )
        else:
            installed = desktop_entry.is_installed()
            ctx.emit(
                {"installed": installed, "file": str(desktop_entry.desktop_file())},
                f"Menu entry: {'installed' if installed else 'not installed'} "
                f"({desktop_entry.desktop_file()})",
            )
    except OSError as error:
        raise InvalidInput(f"the menu entry could not be written: {error}") from error
    return 0


def apply_start_at_login(enabled: bool) -> None:
    """The login entry follows the setting, from the CLI as from the settings dialog."""
    try:
        login_items.set_enabled(enabled)
    except OSError as error:
        raise InvalidInput(f"start at login could not be changed: {error}") from error
