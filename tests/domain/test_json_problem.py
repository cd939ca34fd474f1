"""A file that is not JSON is said in plain words, with its line and column: never the JSON
reader's own "Unterminated string starting at" followed by our "at line 1" ("at at")."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup import json_problem, transfer
from followup.errors import InvalidInput
from followup.storage import Repository

DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)

BROKEN = [
    ('{"applications": [{"company": "Acme', "line 1, column 31: a text in quotes is never"),
    ('{"company": "Acme\n"}', "line 1, column 18: a text in quotes holds a control character"),
    ('{"a": 1,}', "line 1, column 9: a name in double quotes is expected"),
    ('{"a" 1}', 'line 1, column 6: a ":" is missing after a name'),
    ("[1 2]", 'line 1, column 4: a "," is missing between two values'),
    ('{"applications": [', "line 1, column 19: the file ends before the JSON does"),
    ("{}\n[]", "line 2, column 1: more follows after the end of the JSON"),
    ('"a\\qb"', "line 1, column 3: a backslash that starts no JSON escape"),
    ('"\\u12"', "line 1, column 3: a \\u escape without four hexadecimal digits"),
    ("  \n ", "the file is empty"),
]


def message(text: str) -> str:
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        return json_problem.describe(error)
    raise AssertionError(f"{text!r} is JSON")


@pytest.mark.parametrize(("text", "said"), BROKEN)
def test_each_fault_is_said_in_plain_words_where_it_is(text: str, said: str) -> None:
    shown = message(text)
    assert shown == f"not JSON: {said}" or shown.startswith(f"not JSON: {said}")
    assert not DOUBLED.search(shown), shown


@pytest.mark.parametrize(("text", "said"), BROKEN[:3])
def test_import_of_a_broken_file_says_so_and_writes_nothing(
    repo: Repository, text: str, said: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        transfer.import_all(repo, text)
    assert said in str(refused.value) and " at at " not in str(refused.value)
    assert repo.applications() == [] and repo.contacts() == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='{}[]:,"\\ aeu0129\n\t', max_size=30))
def test_no_message_repeats_a_word_or_ends_on_at(text: str) -> None:
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        shown = json_problem.describe(error)
        assert not DOUBLED.search(shown), shown
        assert not shown.endswith((" at", " at.")), shown
        assert shown.startswith("not JSON: ")
