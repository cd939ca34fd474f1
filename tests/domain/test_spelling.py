"""Spelling: flags, suggestions, names never flagged, the personal dictionary on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup.errors import InvalidInput
from followup.spelling import Speller


def words(speller: Speller, text: str) -> list[str]:
    return [text[a:b] for a, b in speller.misspelled(text)]


def test_flags_misspellings_but_not_names_acronyms_or_addresses() -> None:
    speller = Speller("en")
    speller.set_names(["Dana Müller", "Zorblax Ltd", "event sourcing with Kafkaesque"])
    text = (
        "Dear Dana Müller, thank you for the interveiw at Zorblax. I realy enjoyed it: "
        "SQL, PostgreSQL, iOS, dana@zorblax.example, https://zorblax.example/jobs, "
        "Dana’s team, don’t, colour, Kafkaesque."
    )
    assert words(speller, text) == ["interveiw", "realy"]


def test_suggestions_in_the_words_case_and_quick_for_long_words() -> None:
    speller = Speller("en")
    assert speller.suggestions("interveiw")[0] == "interview"
    assert speller.suggestions("Realy")[0] == "Really"
    assert speller.suggestions("oppurtunityyy") == [] or speller.suggestions("oppurtunityyy")


def test_the_personal_dictionary_survives_a_restart(tmp_path: Path) -> None:
    file = tmp_path / "data" / "dictionary.txt"
    speller = Speller("en", file)
    assert words(speller, "Kubectl rocks") == ["Kubectl"]
    speller.add("Kubectl")
    assert words(speller, "Kubectl rocks") == []
    again = Speller("en", file)
    assert words(again, "kubectl rocks") == []
    assert file.read_text(encoding="utf-8") == "kubectl\n"


def test_other_languages_ship_too_and_unknown_ones_are_refused() -> None:
    german = Speller("de")
    assert words(german, "Vielen Dank für das Gespräch") == []
    with pytest.raises(InvalidInput):
        Speller("xx")


def test_a_personal_dictionary_that_cannot_be_written_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    speller = Speller("en", blocker / "dictionary.txt")
    with pytest.raises(InvalidInput, match="not saved"):
        speller.add("Kubectl")
