"""Qt paints on the GUI thread alone in this app.

Qt 6's raster engine hands every fill of 96 rows or more (a page's background, a list's
viewport, a cell's text over a colour) to a private thread pool, and waits for it. For a
window's fills, waking the pool's threads and waiting for them costs more than the fill: on
two cores the calendar's day list took 4.5 ms to lay out and paint with the pool and 2.6
without it, and a month switch 17.4 ms against 15 (issue 12). Few of the app's images are
large enough to gain from the pool: a printed letter goes to a PDF, not through the raster
engine, and the one image it scales, a scanned signature, takes a little longer once.

Programs the app starts (the browser or mail program a link opens) inherit the variable; a
Qt program among them paints the same way.
"""

from __future__ import annotations

import os

# Qt reads it once, when the pool is first asked for: a widget's first large paint.
NO_POOL = "QT_NO_GUI_THREADPOOL"


def paint_serially() -> None:
    """Before the QApplication. Qt looks only at whether the variable is set, so a value
    set by the user stays as it is."""
    os.environ.setdefault(NO_POOL, "1")
