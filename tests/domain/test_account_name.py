"""An account's real name is offered to sign letters only when it reads like a person's."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.account_name import name_in_gecos, person_name


@pytest.mark.parametrize(
    ("gecos", "login", "offered"),
    [
        ("Sam Lee,Room 4,555-0100,,", "sam", "Sam Lee"),
        ("Zoë Ångström", "zoe", "Zoë Ångström"),
        ("J. R. O’Neil-Smith", "jr", "J. R. O’Neil-Smith"),
        ("李小龍", "bruce", "李小龍"),
        ("  Noa   Levi  ", "noa", "Noa Levi"),
        ("Cher", "cher1", "Cher"),
        ("root", "root", ""),
        ("Root", "root", ""),
        ("sam", "sam", ""),
        ("", "sam", ""),
        (",,,", "sam", ""),
        ("&", "sam", ""),
        ("Administrator", "admin", ""),
        ("System administrator", "sysadm", ""),
        ("Mailing List Manager", "list", ""),
        ("systemd Network Management", "systemd-network", ""),
        ("Smith Family", "smiths", ""),
        ("sam42", "sam", ""),
        ("sam_lee", "sam", ""),
        ("sam@example.com", "sam", ""),
        ("Sam (work)", "sam", ""),
        ("X", "x1", ""),
        ("A" * 71, "a", ""),
    ],
)
def test_only_a_persons_name_is_offered(gecos: str, login: str, offered: str) -> None:
    assert person_name(name_in_gecos(gecos), login) == offered


@given(st.text(max_size=30), st.text(max_size=12))
def test_the_login_name_is_never_offered_and_nothing_is_made_up(text: str, login: str) -> None:
    offered = person_name(text, login)
    assert offered in ("", " ".join(text.split()))
    assert person_name(login, login) == ""
    assert not any(char.isdigit() for char in offered)


@given(st.text(max_size=20), st.integers(0, 9))
def test_a_digit_anywhere_means_an_account_not_a_person(text: str, digit: int) -> None:
    assert person_name(f"{text}{digit}", "someone") == ""
