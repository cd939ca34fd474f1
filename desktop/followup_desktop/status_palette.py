"""One status palette for the whole app, derived from the system palette: each status keeps
its hue (red overdue, amber due, blue upcoming, grey waiting, green done) and gets the
lightness that reads on the palette's own background (WCAG contrast ≥ 4.5:1), so the same
words stay readable in light, dark and high-contrast themes."""

from __future__ import annotations

from enum import Enum
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QGuiApplication, QPalette

if TYPE_CHECKING:
    from followup.plan import ItemState


class Tone(Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    MUTED = "muted"
    SUCCESS = "success"
    ACCENT = "accent"
    SPELLING = "spelling"


# Hue and saturation only: lightness comes from the background in use.
_HUES = {
    Tone.ERROR: QColor("#c0392b"),
    Tone.WARNING: QColor("#b9770e"),
    Tone.INFO: QColor("#2e86c1"),
    Tone.MUTED: QColor("#6b7580"),
    Tone.SUCCESS: QColor("#1e8449"),
    Tone.ACCENT: QColor("#2e6fd8"),
    Tone.SPELLING: QColor("#e0245e"),
}
# By the state's name: the style sheet needs the tones before the domain is imported.
STATE_TONES = {
    "OVERDUE": Tone.ERROR,
    "DUE": Tone.WARNING,
    "UPCOMING": Tone.INFO,
    "WAITING": Tone.MUTED,
    "DONE": Tone.SUCCESS,
    "CANCELLED": Tone.MUTED,
    "MISSED": Tone.MUTED,
}
MIN_CONTRAST = 4.5


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(hue: QColor, background: QColor) -> QColor:
    """The hue at the lightness nearest its own that reads on ``background``. (Copies are
    made with ``fromRgba``: ``QColor(a_colour)`` has PySide weigh QColor's constructors,
    which builds the whole Qt namespace's enums, 12 ms, before the window's first paint.)"""
    if contrast(hue, background) >= MIN_CONTRAST:
        return QColor.fromRgba(hue.rgba())
    h, s, lightness = hue.hslHueF(), hue.hslSaturationF(), hue.lightnessF()
    darker = _luminance(background) > 0.18  # a light background wants darker text
    step = -0.02 if darker else 0.02
    candidate = QColor.fromRgba(hue.rgba())
    while 0.0 <= lightness <= 1.0:
        lightness += step
        candidate = QColor.fromHslF(h, s, min(max(lightness, 0.0), 1.0))
        if contrast(candidate, background) >= MIN_CONTRAST:
            return candidate
    return QColor("black") if darker else QColor("white")


def tone(kind: Tone, palette: QPalette | None = None) -> QColor:
    """The colour of a tone for text on the palette's base (lists, cards, editors)."""
    palette = palette or QGuiApplication.palette()
    return QColor.fromRgba(_tone_on(kind, palette.color(QPalette.ColorRole.Base).rgba()))


@cache
def _tone_on(kind: Tone, base: int) -> int:
    """Kept per background: a calendar page paints hundreds of entries in a few tones."""
    return readable(_HUES[kind], QColor.fromRgba(base)).rgba()


def state_colour(state: ItemState, palette: QPalette | None = None) -> QColor:
    return tone(STATE_TONES.get(state.name, Tone.MUTED), palette)


def style_tokens(palette: QPalette | None = None) -> dict[str, str]:
    """Values for the style sheet's ``@error`` … placeholders (resources/style.qss)."""
    palette = palette or QGuiApplication.palette()
    return {f"@{kind.value}": tone(kind, palette).name() for kind in Tone}
