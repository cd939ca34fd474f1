"""The app's folder in the user's cache folder, as Qt names it: start-up reads its caches
there (the copy of Today, the icons' pixels) before the first paint, without importing
platformdirs (3-4 ms). It is platformdirs' folder on Linux, and on macOS unless an XDG
variable moves that one: a cache only has to be found again where it was left.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from followup.paths import APP_NAME, PRIVATE_FOLDER, cache_dir


def cache_folder() -> Path:
    """Where the caches live (not made here)."""
    cache = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericCacheLocation)
    if cache:
        return Path(cache) / APP_NAME
    folder = cache_dir()  # no home folder Qt can name: platformdirs'
    if folder is None:
        raise OSError("no cache folder can be named")
    return folder


def private_cache_folder(*inside: str) -> Path:
    """The cache folder (and the folders ``inside`` it), made if missing and readable by the
    user alone, whichever cache comes first: it holds the copy of Today, which names
    companies and people. One made open by another hand is closed again."""
    folder = cache_folder()
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    if folder.stat().st_mode & 0o077:
        folder.chmod(PRIVATE_FOLDER)
    for name in inside:
        folder /= name
        folder.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
    return folder
