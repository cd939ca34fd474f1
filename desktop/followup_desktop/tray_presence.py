"""Whether the desktop shows tray icons. Asked before the window's first paint (``app``: a
start in the tray, the no-tray line above Today) and by the shell: a module of its own, so
asking loads nothing else."""

from __future__ import annotations


def tray_available() -> bool:
    """GNOME without an extension, offscreen and many Wayland sessions show none: without a
    tray, closing the window quits rather than hide the app where it cannot be found, and
    reminders go to desktop notifications only. (QSystemTrayIcon is imported on the first
    question: its type builds enums a start that never asks need not wait for.)"""
    from PySide6.QtWidgets import QSystemTrayIcon  # noqa: PLC0415

    return QSystemTrayIcon.isSystemTrayAvailable()
