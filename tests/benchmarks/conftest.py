"""Benchmarks run with ``make benchmark`` (pytest-benchmark); the unit tests never time."""

import gc
import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _nothing_frozen_after() -> Iterator[None]:
    """A benchmark that settles memory as the app does (``settle_memory``: ``gc.freeze``)
    leaves nothing frozen for the next: each is timed with only its own objects set aside."""
    yield
    gc.unfreeze()
