"""The days and moments the domain accepts (``followup.validation``), given to Qt's date and
date-time editors and to the calendar page: a user cannot pick, type or page to a date the
domain would refuse. Qt's own default, 1752 to 9999, let the user choose a year the domain
then refused on Save. The bounds are the domain's; none is written here a second time."""

from __future__ import annotations

from datetime import date, tzinfo

from PySide6.QtCore import QDate, QDateTime, QTimeZone
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit

from followup.validation import EARLIEST, LATEST, moment_range


def within(day: date) -> date:
    """``day``, or the nearest day the domain accepts."""
    return min(max(day, EARLIEST), LATEST)


def bound_days(edit: QDateEdit) -> QDateEdit:
    """The editor (and its calendar pop-up) offers only days the domain accepts."""
    edit.setDateRange(*(QDate(d.year, d.month, d.day) for d in (EARLIEST, LATEST)))
    return edit


def bound_moments(edit: QDateTimeEdit, zone: tzinfo, zone_id: QTimeZone) -> QDateTimeEdit:
    """The editor, showing ``zone`` (as ``zone_id``), offers only moments the domain accepts:
    near an end the UTC date may be the narrower bound."""
    first, last = moment_range(zone)
    edit.setDateTimeRange(
        QDateTime.fromSecsSinceEpoch(int(first.timestamp()), zone_id),
        QDateTime.fromSecsSinceEpoch(int(last.timestamp()), zone_id),
    )
    return edit
