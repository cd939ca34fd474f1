"""Hypothesis over every command and option of ``followup`` with hostile values (issue 9).

The only outcomes allowed: exit 0 with valid data stored, 1 (a refusal), or 2 (one line on
stderr and the database's bytes unchanged). Never a traceback; afterwards the agenda, plans
and both exports still work. ``make test`` runs a quick sample; ``make test-slow`` many more.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli.runner import Outcome, ok, run, seed, state

HOSTILE_TEXT = st.sampled_from(
    [
        "",
        " ",
        "Dana",
        "Zoë 李雷 👩🏽‍💻",
        "a\nb",
        "a\r\nb",
        "\x1b]52;c;ZWNobyBwd25lZA==\x07",
        "\x1b[2J",
        "\x9b31m",
        "\x00",
        "\udc80\udcff",  # what undecodable bytes in argv become
        "\u202etxt.exe",
        "x" * 201,
        "x" * 100_000,
        "-",
        "--help",
        "%s%n{0}{{}}",
    ]
)
TEXT = st.one_of(HOSTILE_TEXT, st.text(max_size=30))
INTEGER = st.one_of(
    st.integers(-3, 5).map(str),
    st.sampled_from(
        [str(2**63 - 1), str(2**63), str(-(2**63)), "9" * 30, "9" * 5000, "1.5", "0x10", "", "١"]
    ),
)
DAY = st.one_of(
    st.sampled_from(
        [
            "2026-11-25",
            "2026-02-30",
            "0001-01-01",
            "9999-12-31",
            "1989-12-31",
            "1990-01-01",
            "2100-12-31",
            "2101-01-01",
            "20261125",
            "tomorrow",
        ]
    ),
    st.dates().map(lambda d: d.isoformat()),
)
MOMENT = st.one_of(
    st.sampled_from(
        [
            "2026-11-25T10:00",
            "2026-11-25T10:00-05:00",
            "2026-03-29T02:30",  # skipped in Europe
            "2026-03-08T02:30",  # skipped in New York
            "2026-11-01T01:30",  # twice in New York
            "9999-12-31T23:59:59+00:00",
            "0001-01-01T00:00-12:00",
            "0001-01-01T00:00",
            "2026-11-25T10:00+24:00",
            "2026-11-25 10:00Z",
            "now",
        ]
    ),
    st.datetimes().map(lambda d: d.isoformat()),
)
ZONE = st.one_of(
    st.sampled_from(
        [
            "UTC",
            "Europe/Berlin",
            "Pacific/Chatham",
            "A" * 100_000,
            "../../etc/passwd",
            "/etc/localtime",
            "Etc/GMT+12",
            "Factory",
            "",
            "Europe/Berlin\x00",
        ]
    ),
    st.text(max_size=20),
)
WEEK = st.one_of(
    st.sampled_from(["Mon-Fri", "Sun–Thu", "Mon Tue Wed", "mon,tue", "Monday", "Mon-Fry", ""]),
    st.text(max_size=20),
)

PATH = st.one_of(
    st.sampled_from(["/dev/zero", "/dev/full", "/", ".", "/no/such/folder/x", "-", "\x00"]),
    TEXT,
)


def _opt(name: str, value: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    """An option that may be absent."""
    return st.one_of(st.just([]), value.map(lambda v: [name, v]))


def _command(*parts: st.SearchStrategy[list[str]]) -> st.SearchStrategy[list[str]]:
    return st.tuples(*parts).map(lambda groups: [word for group in groups for word in group])


def _words(*words: str) -> st.SearchStrategy[list[str]]:
    return st.just(list(words))


CALENDAR = (
    _opt("--country", st.one_of(st.sampled_from(["US", "DE", "ZZ", "us", ""]), TEXT)),
    _opt("--subdiv", st.one_of(st.sampled_from(["CA", "BY", "ZZ"]), TEXT)),
    _opt("--workdays", WEEK),
)
CONTACT = (
    _opt("--name", TEXT),
    _opt("--title", TEXT),
    _opt("--company", TEXT),
    _opt("--email", st.one_of(st.just("a@b.example"), TEXT)),
    _opt("--phone", TEXT),
    _opt("--address", TEXT),
)
APP = (
    _opt("--company", TEXT),
    _opt("--role", TEXT),
    _opt("--url", TEXT),
    _opt("--applied-on", DAY),
    _opt("--source", st.sampled_from(["portal", "referral", "bogus"])),
    _opt("--contact", INTEGER),
)
ROUND = (
    _opt("--start", MOMENT),
    _opt("--end", MOMENT),
    _opt("--tz", ZONE),
    _opt("--kind", st.sampled_from(["video", "on-site", "séance"])),
    _opt("--title", TEXT),
    _opt("--interviewer", INTEGER),
    _opt("--topic", TEXT),
    _opt("--strength", TEXT),
    _opt("--next-steps", TEXT),
    _opt("--decision-on", DAY),
    _opt("--notes", TEXT),
)
JSON = _opt("--json", st.just("")).map(lambda w: w[:1])
SETTING_KEYS = st.sampled_from(
    [
        "profile.name",
        "profile.email",
        "profile.address",
        "calendar.country",
        "calendar.subdiv",
        "calendar.workdays",
        "calendar.days_off",
        "calendar.end_of_day",
        "calendar.timezone",
        "plan.quiet_days",
        "plan.inquiry_wait",
        "reminders.morning",
        "smtp.port",
        "smtp.security",
        "app.close_to_tray",
        "no.such",
    ]
)
SETTING_VALUES = st.one_of(TEXT, INTEGER, DAY, ZONE, WEEK, st.just("2026-12-24,2026-12-31"))

COMMANDS = st.one_of(
    _command(
        _words("deadline", "--interview-at"),
        MOMENT.map(lambda m: [m]),
        _opt("--tz", ZONE),
        *CALENDAR,
        JSON,
    ),
    _command(_words("call-date", "--letter-sent"), DAY.map(lambda d: [d]), *CALENDAR, JSON),
    _command(_words("plan"), INTEGER.map(lambda i: [i]), *CALENDAR, JSON),
    _command(_words("plan", "--app"), INTEGER.map(lambda i: [i]), JSON),
    _command(
        _words("agenda"), _opt("--from", DAY), _opt("--to", DAY), _opt("--days", INTEGER), JSON
    ),
    _command(_words("contact", "add"), *CONTACT, JSON),
    _command(_words("contact", "edit"), INTEGER.map(lambda i: [i]), *CONTACT, JSON),
    _command(
        st.sampled_from(
            [
                ["contact", "show"],
                ["contact", "delete"],
                ["app", "show"],
                ["app", "delete"],
                ["round", "show"],
                ["round", "delete"],
            ]
        ),
        INTEGER.map(lambda i: [i]),
    ),
    _command(_words("app", "add"), *APP, JSON),
    _command(_words("app", "edit"), INTEGER.map(lambda i: [i]), *APP, JSON),
    _command(
        _words("app", "status"),
        INTEGER.map(lambda i: [i]),
        st.sampled_from(["closed", "active", "offer", "gone"]).map(lambda s: [s]),
        _opt("--reason", TEXT),
    ),
    _command(_words("round", "add"), _opt("--app", INTEGER), *ROUND, JSON),
    _command(_words("round", "edit"), INTEGER.map(lambda i: [i]), *ROUND, JSON),
    _command(
        _words("letter", "record"),
        INTEGER.map(lambda i: [i]),
        _opt("--to", INTEGER),
        _opt("--channel", st.sampled_from(["email", "post", "pigeon"])),
        _opt("--sent-at", MOMENT),
        _opt("--override", TEXT),
    ),
    _command(
        _words("call", "record"),
        INTEGER.map(lambda i: [i]),
        _opt("--made-at", MOMENT),
        _opt("--outcome", TEXT),
        _opt("--override", TEXT),
    ),
    _command(
        _words("inquiry", "record"),
        INTEGER.map(lambda i: [i]),
        _opt("--channel", st.sampled_from(["email", "post", "pigeon"])),
        _opt("--sent-at", MOMENT),
        _opt("--override", TEXT),
    ),
    _command(
        _words("settings", "set"),
        SETTING_KEYS.map(lambda k: [k]),
        SETTING_VALUES.map(lambda v: [v]),
    ),
    _command(_words("settings", "get"), SETTING_KEYS.map(lambda k: [k])),
    _command(
        st.sampled_from([["export", "json"], ["export", "ics"]]),
        st.sampled_from(["/no/such/folder/x", "/", ".", "/dev/full", "-"]).map(lambda f: [f]),
    ),
    _command(_words("letter", "list"), _opt("--round", INTEGER), JSON),
    _command(_words("round", "list"), _opt("--app", INTEGER), JSON),
    _command(_words("check", "-"), _opt("--interview", INTEGER), _opt("--to", INTEGER)),
    _command(_words("--now"), MOMENT.map(lambda m: [m]), _words("agenda")),
    _command(
        st.sampled_from([["letter", "pdf"], ["letter", "envelope"]]),
        INTEGER.map(lambda i: [i]),
        _opt("--to", INTEGER),
        _opt("--out", PATH),
        _opt("--file", PATH),
        _opt("--paper", st.sampled_from(["a4", "legal"])),
        _opt("--size", st.sampled_from(["dl", "c5"])),
    ),
    _command(st.sampled_from([["check"], ["import", "json"]]), PATH.map(lambda p: [p])),
    _command(_words("check"), PATH.map(lambda p: [p]), _opt("--channel", TEXT), JSON),
    _command(_words("db", "check"), JSON),
    _command(
        _words("letter", "edit"),
        INTEGER.map(lambda i: [i]),
        _opt("--channel", st.sampled_from(["email", "post", "pigeon"])),
        _opt("--sent-at", MOMENT),
        JSON,
    ),
    _command(
        _words("call", "edit"),
        INTEGER.map(lambda i: [i]),
        _opt("--made-at", MOMENT),
        _opt("--outcome", TEXT),
        JSON,
    ),
    _command(
        _words("inquiry", "edit"),
        INTEGER.map(lambda i: [i]),
        _opt("--channel", st.sampled_from(["email", "post", "pigeon"])),
        _opt("--sent-at", MOMENT),
        JSON,
    ),
    _command(
        st.sampled_from([["letter", "delete"], ["call", "delete"], ["inquiry", "delete"]]),
        INTEGER.map(lambda i: [i]),
    ),
    _command(_words("call", "list"), _opt("--round", INTEGER), JSON),
    _command(_words("inquiry", "list"), _opt("--app", INTEGER), JSON),
)

STILL_WORKS = (["agenda"], ["agenda", "--days", "366"], ["export", "ics", "-"])


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "seed.sqlite3"
    seed(path)
    ok(
        path,
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
    return path


def _check(db: Path, args: list[str], stdin: str = "") -> Outcome:
    before = state(db)
    result = run(db, *args, stdin=stdin)
    assert result.code in (0, 1, 2), (args, result)
    assert "Traceback" not in result.err
    if result.code == 2:
        assert len(result.err.strip().splitlines()) <= 1, result.err[:500]
        assert result.err.strip(), "a refusal says why"
        assert state(db) == before, f"{args[:4]} exited 2 but wrote to the database"
    if result.code != 0:
        assert "\x1b" not in result.err and "\x07" not in result.err
    return result


def _still_works(db: Path) -> None:
    """The agenda, every round's plan and both exports still work on what was stored."""
    for args in STILL_WORKS:
        result = run(db, *args)
        assert result.code == 0, (args, result.err)
    document = json.loads(run(db, "export", "json", "-").out)
    for round_ in document["rounds"]:
        result = run(db, "plan", str(round_["id"]))
        assert result.code == 0, result.err


def _property(seeded: Path, tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "db.sqlite3"
    shutil.copyfile(seeded, db)
    result = _check(db, args, stdin="Dear Dana,\n\nthank you.")
    if result.code == 0:
        _still_works(db)
    db.unlink()


QUICK = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize("typed", ["\x85", "\u2028", "a\nb", "\x1b[31m"])
def test_a_usage_error_quoting_a_line_break_stays_one_line(seeded: Path, typed: str) -> None:
    """Found by the sweep: ``--file`` followed by U+0085 (NEL, a line break to Python) came
    back as two lines. What was typed is shown escaped."""
    result = run(
        seeded, "letter", "envelope", "1", "--to", "1", "--out", "/dev/null", "--file", typed
    )
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1, result.err
    assert "\x1b" not in result.err and "unrecognized arguments" in result.err


@QUICK
@given(args=COMMANDS)
def test_every_command_ends_in_0_1_or_2_and_refusals_write_nothing(
    seeded: Path, tmp_path: Path, args: list[str]
) -> None:
    _property(seeded, tmp_path, args)


@pytest.mark.slow
@settings(
    max_examples=3000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(args=COMMANDS)
def test_every_command_many_more_examples(seeded: Path, tmp_path: Path, args: list[str]) -> None:
    _property(seeded, tmp_path, args)
