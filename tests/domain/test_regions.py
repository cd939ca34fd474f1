"""Countries and regions by name, the usual work week, and which holidays count and why."""

from __future__ import annotations

import pytest

from followup.errors import InvalidInput
from followup.regions import (
    Source,
    country_name,
    country_names,
    in_effect,
    subdivision_names,
    usual_work_week,
)
from followup.setting_checks import SettingProblems, check_all
from followup.setting_kinds import Kind
from followup.settings import BY_KEY, SETTINGS


def test_countries_are_named_in_words() -> None:
    names = country_names()
    assert names["US"] == "United States" and names["GB"] == "United Kingdom"
    assert names["BA"] == "Bosnia and Herzegovina" and names["GW"] == "Guinea-Bissau"
    assert list(names.values()) == sorted(names.values())
    assert country_name("de") == "Germany" and country_name("") == ""


def test_regions_are_named_in_words() -> None:
    assert subdivision_names("US")["CA"] == "California"
    assert subdivision_names("DE")["BY"] == "Bayern"
    assert subdivision_names("IL") == {}
    assert subdivision_names("ZZ") == {}


def test_the_usual_work_week_follows_the_country() -> None:
    assert usual_work_week("IL") == {6, 0, 1, 2, 3}  # Sun–Thu
    assert usual_work_week("US") == {0, 1, 2, 3, 4}
    assert usual_work_week("") == usual_work_week("ZZ") == {0, 1, 2, 3, 4}


def test_which_holidays_count_and_why() -> None:
    system = in_effect("", "", "US", "en_US")
    assert system.source is Source.SYSTEM and system.counted
    assert system.text() == "Public holidays: United States — from your system's region (en_US)"
    chosen = in_effect("us", "CA", "DE", "de_DE")
    assert chosen.text() == "Public holidays: United States, California — chosen by you"
    none = in_effect("", "", "", "C")
    assert not none.counted and "no public holidays are counted" in none.text()


def test_every_setting_declares_its_control() -> None:
    for setting in SETTINGS:
        assert setting.label and setting.description
        if setting.kind is Kind.NUMBER:
            assert setting.low <= setting.default <= setting.high
        if setting.kind is Kind.CHOICE:
            assert setting.default in dict(setting.choices)
        assert setting.parse(setting.default) == setting.default
    assert BY_KEY["post.paper"].words("letter") == "US Letter"
    with pytest.raises(InvalidInput, match="outside 1–90"):
        BY_KEY["plan.quiet_days"].parse(91)


def test_every_refused_setting_is_named_at_once() -> None:
    with pytest.raises(SettingProblems) as raised:
        check_all({}, {"profile.email": "sam at example", "plan.quiet_days": 0, "smtp.port": 25})
    assert set(raised.value.problems) == {"profile.email", "plan.quiet_days"}
    assert "not an e-mail address" in raised.value.problems["profile.email"]
    assert "profile.email" not in raised.value.problems["profile.email"]  # words for a field
    assert "plan.quiet_days: " in str(raised.value)  # the key for the command line
