"""Benchmarks run with ``make benchmark`` (pytest-benchmark); the unit tests never time."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
