"""Data the app ships (templates, phrase lists, icons), read with importlib.resources."""

from __future__ import annotations

from pathlib import Path


def read_bytes(*parts: str) -> bytes:
    """A shipped file, straight from the package folder when it is one (a checkout, an
    installed wheel): ``importlib.resources`` costs a few milliseconds to import, and the style
    sheet and icons are read before the first paint. From a zip, through it."""
    path = Path(__file__).parent.joinpath(*parts)
    if path.is_file():
        return path.read_bytes()
    from importlib import resources  # noqa: PLC0415

    return resources.files(__name__).joinpath(*parts).read_bytes()
