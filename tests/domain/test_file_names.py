"""File names made from what the user typed: readable, and taken by every file system."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.file_names import DEVICES, MOST_CHARS, REFUSED, file_name


def test_company_role_and_what_it_is_read_as_typed() -> None:
    assert (
        file_name("Acme Analytics", "Data Engineer", "letter to Ms. Dana Whitfield")
        == "Acme Analytics - Data Engineer - letter to Ms. Dana Whitfield"
    )
    assert file_name("Müller & Söhne", "Dev/Ops", "letter") == "Müller & Söhne - Dev Ops - letter"


def test_refused_characters_device_names_and_empty_parts() -> None:
    assert file_name('A<b>:"c"|d?*', "", "  ", "letter") == "A b c d - letter"
    assert file_name("CON") == "letter CON"
    assert file_name("...", "") == "letter"
    assert file_name("Acme.", "Role. ") == "Acme. - Role"  # no dot at the end


@given(st.lists(st.text(max_size=200), max_size=4))
def test_any_typing_gives_a_name_every_file_system_takes(parts: list[str]) -> None:
    name = file_name(*parts)
    assert name and len(name) <= MOST_CHARS + len("letter ")
    assert not REFUSED.search(name)
    assert name == name.strip(" .")
    assert name.split(".")[0].strip().upper() not in DEVICES


def test_a_name_in_a_script_of_many_bytes_fits_the_file_system(tmp_path: Path) -> None:
    """Found by the review: 124 characters of Japanese are 358 bytes, past Linux's 255; the
    PDF could not be written and the error was lost in the clean-up."""
    from followup.paths import write_whole

    name = (
        file_name("株式会社テクノロジー" * 5, "データエンジニア" * 5, "山田太郎への手紙") + ".pdf"
    )
    assert len(name.encode("utf-8")) <= 255
    write_whole(tmp_path / name, b"%PDF")
    assert (tmp_path / name).read_bytes() == b"%PDF"


def test_a_name_too_long_to_write_is_said_in_words(tmp_path: Path) -> None:
    from followup.errors import InvalidInput
    from followup.paths import write_whole

    with pytest.raises(InvalidInput, match="cannot write"):
        write_whole(tmp_path / ("é" * 200 + ".pdf"), b"%PDF")
