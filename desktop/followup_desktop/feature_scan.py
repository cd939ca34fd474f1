"""Spare start-up PySide6's source scan of every module imported after it.

Once imported, PySide6 looks at each newly imported module once, reading its whole source
file to see whether it mentions "PySide6" (a module may opt in to ``from __feature__ import
snake_case``; this app never does). Over the ~150 modules start-up imports after Qt that read
costs about 12 ms before Today shows its data (issue 12). The answer is known in advance: the
domain never imports Qt (import-linter's first contract), every GUI module may, and the
standard library never does. ``declare_modules`` records those answers in PySide's own table,
so the scan is skipped. (A GUI module that happens not to name PySide6 is marked as using it:
that changes nothing, since no module selects a feature.) With a PySide that keeps no such
table the call does nothing and PySide scans as before.
"""

from __future__ import annotations

import os
import sys

# PySide's values: 0 is "uses PySide, no features selected", -1 "does not use PySide".
USES_PYSIDE = 0
NO_PYSIDE = -1


def _table() -> dict[str, int] | None:
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    return table if isinstance(table, dict) else None


def package_modules(package: str) -> list[str]:
    """Every module of an installed package, by name, from its file names (nothing is
    imported; ``os.walk``, as pathlib's glob costs a few milliseconds here)."""
    root = os.path.dirname(sys.modules[package].__file__ or "")
    names = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [s for s in subfolders if s != "__pycache__"]
        inside = os.path.relpath(folder, root)
        prefix = package if inside == "." else f"{package}.{inside.replace(os.sep, '.')}"
        for file in files:
            if file.endswith(".py"):
                stem = file[:-3]
                names.append(prefix if stem == "__init__" else f"{prefix}.{stem}")
    return names


def answers() -> dict[str, int]:
    """Module name → what PySide's scan would find: our two packages, the standard library
    (top-level names and whatever of it is loaded already)."""
    import followup  # noqa: PLC0415  (the domain package itself: its __init__ is tiny)
    import followup_desktop  # noqa: PLC0415

    found = dict.fromkeys(sys.stdlib_module_names, NO_PYSIDE)
    for name in list(sys.modules):
        if name.partition(".")[0] in sys.stdlib_module_names:
            found[name] = NO_PYSIDE
    found.update(dict.fromkeys(package_modules(followup.__name__), NO_PYSIDE))
    found.update(dict.fromkeys(package_modules(followup_desktop.__name__), USES_PYSIDE))
    return found


def declare_modules() -> int:
    """Record the known answers (never overriding one PySide found itself); how many."""
    table = _table()
    if table is None:
        return 0
    added = 0
    for name, value in answers().items():
        if name not in table:
            table[name] = value
            added += 1
    return added
