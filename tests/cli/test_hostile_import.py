"""Hypothesis over JSON import: a valid export with any one field replaced by any JSON value
is imported whole (and exports again) or refused whole, in words (issue 9)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli.runner import copy_database, ok, run, seed, state

HOSTILE = st.sampled_from(
    [
        "abc",
        "",
        "\udc80",
        "\x1b]52;c;eA==\x07",
        "a\nb",
        "x" * 100_000,
        2**63,
        -(2**63) - 1,
        10**400,
        1e308,
        -0.0,
        True,
        None,
        [],
        {},
        "9999-12-31T23:59:59+00:00",
        "0001-01-01",
        "2026-03-29T02:30:00",
        "Europe/Berlin",
        "A" * 10_000,
    ]
)
JSON_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=20),
        HOSTILE,
    ),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in the document a value sits, containers included."""
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _replace(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    copy = json.loads(json.dumps(document))
    node = copy
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return copy


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("export") / "seed.sqlite3"
    seed(db)
    ok(
        db,
        "letter",
        "record",
        "1",
        "--to",
        "1",
        "--channel",
        "email",
        "--sent-at",
        "2026-11-26T09:00",
    )
    document: dict[str, Any] = json.loads(ok(db, "export", "json", "-"))
    return document


@pytest.fixture(scope="module")
def empty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("empty") / "empty.sqlite3"
    ok(db, "contact", "list")  # an empty, current database
    return db


def _import(tmp_path: Path, empty: Path, text: str) -> None:
    db = copy_database(empty, tmp_path / "target.sqlite3")  # each example's own copy
    before = state(db)
    result = run(db, "import", "json", "-", stdin=text)
    assert result.code in (0, 2), result
    assert "Traceback" not in result.err
    if result.code == 2:
        assert len(result.err.strip().splitlines()) == 1
        assert "constraint" not in result.err.lower(), "said in SQLite's words"
        assert state(db) == before
    else:
        for args in (["agenda"], ["plan", "1"], ["export", "ics", "-"]):
            assert run(db, *args).code == 0, args
        again = run(db, "export", "json", "-")
        assert again.code == 0, again.err
        json.loads(again.out)


SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS
@given(data=st.data())
def test_one_field_changed_to_anything_imports_whole_or_is_refused(
    exported: dict[str, Any], empty: Path, tmp_path: Path, data: st.DataObject
) -> None:
    path = data.draw(st.sampled_from(_paths(exported)))
    value = data.draw(JSON_VALUES)
    _import(tmp_path, empty, json.dumps(_replace(exported, path, value)))


@pytest.mark.slow
@settings(
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_import_many_more_examples(
    exported: dict[str, Any], empty: Path, tmp_path: Path, data: st.DataObject
) -> None:
    path = data.draw(st.sampled_from(_paths(exported)))
    value = data.draw(JSON_VALUES)
    _import(tmp_path, empty, json.dumps(_replace(exported, path, value)))
