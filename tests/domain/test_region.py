"""Which country's holidays and paper apply when the user has not said: the system's region,
whatever form its locale name takes."""

from __future__ import annotations

import pytest

from followup.country import country_code, locale_country, paper_for


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("en_US.UTF-8", "US"),
        ("de_DE@euro", "DE"),
        ("fr-CA", "CA"),
        ("English_United States.1252", "US"),  # Windows, locale.getlocale()
        ("German_Germany.1252", "DE"),
        ("English_United Kingdom", "GB"),
        ("Portuguese_Brazil.1252", "BR"),
        ("C.UTF-8", ""),
        ("en", ""),
        ("", ""),
        (None, ""),
        ("English_Atlantis.1252", ""),
    ],
)
def test_locale_names_of_every_platform_give_the_country(name: str | None, country: str) -> None:
    assert locale_country(name) == country


def test_country_names_as_windows_writes_them() -> None:
    assert country_code("New Zealand") == "NZ"
    assert country_code("united states of america") == "US"
    assert country_code("Nowhere") == ""


@pytest.mark.parametrize(
    ("setting", "country", "paper"),
    [
        ("auto", "US", "letter"),
        ("auto", "ca", "letter"),
        ("auto", "MX", "letter"),
        ("auto", "DE", "a4"),
        ("auto", "", "a4"),
        ("a4", "US", "a4"),
        ("letter", "FR", "letter"),
    ],
)
def test_paper_follows_the_setting_or_the_letters_country(
    setting: str, country: str, paper: str
) -> None:
    assert paper_for(setting, country) == paper
