"""Whether a computer account's real name is a person's name, fit to sign a letter.

First run offers the account's real name as the name under the user's letters. A login name
("root", "sam42") or a shared account ("Administrator", "Smith family") is not a person's
name: signing a thank-you letter "root" is worse than an empty field that asks. So a name is
offered only when it reads like one; the words that mark an account as not a person live in
``resources/profile/account_names.toml``.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Inside a name: letters and their accents, spaces, hyphens, apostrophes, full stops ("J. R.").
_JOINERS = frozenset(" -‐'’.")
_WORD = re.compile(r"[^\s\-‐.]+")


@dataclass(frozen=True, slots=True)
class _Rules:
    not_person_words: frozenset[str]
    max_chars: int


@cache
def _rules() -> _Rules:
    source = resources.files("followup_resources") / "profile" / "account_names.toml"
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    words = frozenset(str(word).casefold() for word in data["not_person_words"])
    return _Rules(words, int(data["max_chars"]))


def name_in_gecos(gecos: str) -> str:
    """The full name in a Unix account's GECOS field: its first comma-separated part (the
    others are room, phones and notes)."""
    return gecos.partition(",")[0].strip()


def person_name(real_name: str, login: str) -> str:
    """``real_name`` with its spaces tidied when it reads like a person's name, else "".

    Not a name: empty, the login name itself, GECOS's "&" (it stands for the login name),
    digits or symbols, fewer than two letters, longer than a name, or holding a word that
    marks a system or shared account."""
    name = " ".join(real_name.split())
    rules = _rules()
    if not name or len(name) > rules.max_chars:
        return ""
    if name.casefold() == " ".join(login.split()).casefold():
        return ""
    letters = 0
    for char in name:
        category = unicodedata.category(char)
        if category.startswith("L"):
            letters += 1
        elif not (category.startswith("M") or char in _JOINERS):
            return ""  # a digit, "&", "@", "_", brackets: an account, not a person
    if letters < 2:
        return ""
    words = {word.casefold() for word in _WORD.findall(name)}
    if words & rules.not_person_words or name.casefold() in rules.not_person_words:
        return ""
    return name
