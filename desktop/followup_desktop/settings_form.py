"""A form of declared settings: a label, the control the declaration asks for, and a line
beside it where a refused value is explained in words (``field_errors``). Used by Settings
and by the first-run dialog; the country and region lists are filled here (their names
loaded only now) and the region list follows the country, with a line saying which
holidays count and why."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from followup.errors import InvalidInput
from followup.setting_checks import SettingProblems, check_all
from followup.setting_kinds import Kind, Setting
from followup_desktop.accessibility import named
from followup_desktop.field_errors import FieldErrors
from followup_desktop.setting_editors import PlaceList, make_editor, read

if TYPE_CHECKING:
    from followup_desktop.session import Session


class SettingsForm(QWidget):
    """Rows for the given settings; ``values()`` reads them, ``show_problems`` explains."""

    def __init__(
        self,
        settings: Iterable[Setting],
        current: Mapping[str, Any],
        today: date,
        parent: QWidget | None = None,
        *,
        general: QLabel | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.editors: dict[str, QWidget] = {}
        # Beside-the-field messages: the shared piece the record dialogs use too.
        self.fields = FieldErrors(general or named(QLabel(), "Problem", style="error"))
        self.in_effect: QLabel | None = None
        self.listed_country = ""
        declared = list(settings)
        keys = {setting.key for setting in declared}
        for setting in declared:
            editor = make_editor(setting, current[setting.key], today)
            shown: QWidget = editor
            if setting.kind is Kind.BOOL and setting.description != setting.label:
                shown = QWidget()  # a box's own text does not wrap: the rest goes under it
                column = QVBoxLayout(shown)
                column.setContentsMargins(0, 0, 0, 0)
                column.setSpacing(2)
                note = named(QLabel(setting.description), style="summary")
                note.setWordWrap(True)
                column.addWidget(editor)
                column.addWidget(note)
            self.editors[setting.key] = editor
            label = "" if setting.kind is Kind.BOOL else setting.label
            self.form.addRow(label, self.fields.wrap(setting.key, shown, focus=editor))
            if setting.key == "calendar.subdiv" or (
                setting.key == "calendar.country" and "calendar.subdiv" not in keys
            ):
                self._add_in_effect_row()
        self._fill_places(current)

    def _add_in_effect_row(self) -> None:
        self.in_effect = named(QLabel(), "Public holidays in effect")
        self.in_effect.setWordWrap(True)
        self.form.addRow("", self.in_effect)

    def add_row(self, label: str, widget: QWidget) -> None:
        """A row that is not a declared value (the signature, the mail password)."""
        self.form.addRow(label, widget)

    def _place(self, key: str) -> PlaceList | None:
        editor = self.editors.get(key)
        return editor if isinstance(editor, PlaceList) else None

    def _fill_places(self, current: Mapping[str, Any]) -> None:
        from followup.regions import country_name, country_names  # noqa: PLC0415
        from followup_desktop.region import system_country  # noqa: PLC0415

        country = self._place("calendar.country")
        if country is not None:
            system = system_country()
            automatic = (
                f"Automatic: your system's region ({country_name(system)})"
                if system
                else "Automatic: your system names no region (no public holidays)"
            )
            country.set_places(automatic, country_names(), str(current["calendar.country"]))
            country.currentIndexChanged.connect(self._country_changed)
        subdiv = self._place("calendar.subdiv")
        if subdiv is not None:
            self._fill_subdivisions(str(current.get("calendar.subdiv", "")))
            subdiv.currentIndexChanged.connect(self._show_in_effect)
        zone = self._place("calendar.timezone")
        if zone is not None:
            from zoneinfo import available_timezones  # noqa: PLC0415

            from followup.system_zone import system_zone_name  # noqa: PLC0415

            system_zone = system_zone_name()
            zones = {name: name for name in sorted(available_timezones())}
            zone.set_places(
                f"The system's time zone ({system_zone})", zones, str(current["calendar.timezone"])
            )
        self._show_in_effect()

    def chosen_country(self) -> str:
        """The country whose regions are listed: the chosen one, else the system's."""
        from followup_desktop.region import system_country  # noqa: PLC0415

        country = self._place("calendar.country")
        code = ""
        if country is not None:
            try:
                code = country.code()
            except InvalidInput:
                code = ""
        return code or system_country()

    def _fill_subdivisions(self, current: str) -> None:
        from followup.regions import subdivision_names  # noqa: PLC0415

        subdiv = self._place("calendar.subdiv")
        if subdiv is None:
            return
        country = self.chosen_country()
        self.listed_country = country  # the regions shown are this country's
        names = subdivision_names(country) if country else {}
        shown = {code: f"{name} ({code})" if name != code else code for code, name in names.items()}
        empty = "None: national holidays only" if names else "None (the country has no regions)"
        subdiv.set_places(empty, shown, current)
        subdiv.setEnabled(bool(names))

    def _country_changed(self) -> None:
        self._fill_subdivisions("")
        self._show_in_effect()

    def _show_in_effect(self) -> None:
        if self.in_effect is None:
            return
        from followup_desktop.region import holidays_in_effect  # noqa: PLC0415

        try:
            values = self.place_values()
        except SettingProblems:
            return
        shown = holidays_in_effect(values["calendar.country"], values["calendar.subdiv"])
        self.in_effect.setText(shown.text())
        self.in_effect.setObjectName("" if shown.counted else "warning")
        self.in_effect.style().unpolish(self.in_effect)
        self.in_effect.style().polish(self.in_effect)

    def place_values(self) -> dict[str, str]:
        """Country and region as they will be saved: a region chosen while the country is
        automatic pins the country it belongs to (a region needs its country)."""
        values: dict[str, str] = {}
        problems: dict[str, str] = {}
        for key in ("calendar.country", "calendar.subdiv"):
            place = self._place(key)
            try:
                values[key] = place.code() if place is not None else ""
            except InvalidInput as error:
                problems[key] = str(error)
        if problems:
            raise SettingProblems(problems)
        if values["calendar.subdiv"] and not values["calendar.country"]:
            values["calendar.country"] = self.listed_country
        return values

    def read(self) -> tuple[dict[str, Any], dict[str, str]]:
        """Every value the domain can be asked about, and the reasons for controls that
        cannot be read at all (a typed name that is in no list)."""
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for key, editor in self.editors.items():
            if isinstance(editor, PlaceList) and key != "calendar.timezone":
                continue
            try:
                values[key] = read(editor)
            except InvalidInput as error:
                problems[key] = str(error)
        if "calendar.country" in self.editors:
            try:
                values.update(self.place_values())
            except SettingProblems as error:
                problems.update(error.problems)
        return values, problems

    def clear_problems(self) -> None:
        self.fields.clear()

    def problems(self) -> dict[str, str]:
        """Key → the words shown beside its field now."""
        return self.fields.shown()

    def show_problems(self, problems: Mapping[str, str], *, focus: bool = True) -> list[str]:
        """Each reason beside its control (and as its accessible description); the keys
        shown here, in the form's order; the first one gets the focus."""
        shown = [key for key in self.editors if key in problems]
        for key in shown:
            reason = problems[key]
            self.fields.note(key, reason[:1].upper() + reason[1:])
        if shown and focus:
            self.editors[shown[0]].setFocus()
        return shown


def save_forms(session: Session, forms: Sequence[SettingsForm]) -> dict[str, str]:
    """Read every form, check everything, save in one transaction. Empty when saved; else
    every refusal at once (key → words), each shown beside its field, and nothing written.
    Other failures (the disk) are raised."""
    values: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for form in forms:
        form.clear_problems()
        read_values, unreadable = form.read()
        values.update(read_values)
        problems.update(unreadable)
    try:
        if problems:  # the readable rest is checked too, so every refusal is said at once
            check_all(session.repo.settings(), values)
            raise SettingProblems(problems)
        session.save_settings_or_raise(values)
    except SettingProblems as error:
        found = {**error.problems, **problems}
        focused = False
        for form in forms:  # the first refused field of all gets the focus
            focused = bool(form.show_problems(found, focus=not focused)) or focused
        return found
    return {}
