"""Screenshots of every view on demo data, for the README and docs/ (offscreen, so they look
the same on every machine): `make screenshots`, or `python tools/screenshots.py FOLDER`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

VIEWS = ("today", "interviews", "calendar", "composer", "call")


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    folder.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for view in VIEWS:
        target = folder / f"{view}.png"
        command = [sys.executable, "-m", "followup_desktop.app", "--demo", "--view", view]
        subprocess.run([*command, "--screenshot", str(target)], env=env, check=True, timeout=120)
        print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
