"""The domain has no clock of its own: ruff's banned-api rule (TID251) refuses the wall clock
anywhere in ``followup`` except the command line's composition root, and allows the GUI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
READS_THE_CLOCK = [
    "from datetime import datetime\n\nnow = datetime.now()\n",
    "from datetime import date\n\ntoday = date.today()\n",
    "import time\n\nstamp = time.time()\n",
    "import datetime\n\nnow = datetime.datetime.utcnow()\n",
]


def banned(source: str, as_file: str) -> bool:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--select",
            "TID251",
            "--stdin-filename",
            as_file,
            "-",
        ],
        input=source,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=60,
    )
    return "TID251" in result.stdout


@pytest.mark.parametrize("source", READS_THE_CLOCK)
def test_the_domain_may_not_read_the_clock(source: str) -> None:
    assert banned(source, "desktop/followup/rules.py")
    assert banned(source, "desktop/followup/storage/database.py")
    assert banned(source, "desktop/followup/cli/records.py")


def test_the_composition_roots_may() -> None:
    assert not banned(READS_THE_CLOCK[0], "desktop/followup/cli/__init__.py")
    assert not banned(READS_THE_CLOCK[0], "desktop/followup_desktop/clock.py")
