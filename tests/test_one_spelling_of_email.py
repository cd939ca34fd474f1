"""One spelling of "e-mail" in everything a user reads.

Widgets, menus, messages, command-line output and help, help pages, templates, the checker's
messages, the desktop entry and the README say "e-mail" ("E-mail" at the start of a sentence).
Identifiers, setting keys, file formats, command-line flags and values (``--email``,
``profile.email``, ``channel: email``) and addresses keep their names: they are stripped
before the scan.
"""

from __future__ import annotations

import argparse
import ast
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from followup.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "desktop"
RESOURCES = ROOT / "resources"

WRONG = re.compile(r"\b(?:email|Email|EMAIL|E-Mail|E-MAIL|eMail|e-Mail)s?\b")
# What is not prose: code spans, placeholders, Jinja, addresses, dotted or dashed names.
NOT_PROSE = [
    re.compile(r"```.*?```", re.S),  # fenced code
    re.compile(r"``[^`]*``|`[^`\n]*`"),  # code spans
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S),  # Jinja
    re.compile(r"\{[^{}\s]*\}"),  # format placeholders: {email}
    re.compile(r"\S+@\S+"),  # addresses
    re.compile(r"--[\w-]+(?:[ =][A-Z][A-Z_]*\b)?"),  # command-line flags and their metavars
    re.compile(r"\b[\w-]+(?:\.[\w-]+)+\b"),  # dotted names: profile.email, me.email
    re.compile(r"\b\w+_email\b|\bemail_\w+\b|\b[\w-]+-email\b|\bemail-[\w-]+\b"),
    re.compile(r"\bemail\s*\|\s*post\b|\bpost\s*\|\s*email\b"),  # channel choices
]
SQL = re.compile(r"\b(?:CREATE|INSERT|UPDATE|SELECT|ALTER)\b")
IDENTIFIER = re.compile(r"[\w.:/-]*")  # a string that is a key or a name, not a sentence


def prose(text: str) -> str:
    for pattern in NOT_PROSE:
        text = pattern.sub(" ", text)
    return text


def wrong_spellings(text: str) -> list[str]:
    return WRONG.findall(prose(text))


def _docstrings(tree: ast.Module) -> set[int]:
    """Ids of the docstring nodes: written for developers (the command line's help is
    checked as it is printed, below)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _python_strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    docs = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            text = node.value
            if IDENTIFIER.fullmatch(text) or SQL.search(text):
                continue
            found.append((node.lineno, text))
    return found


def _python_files() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "egg-info" not in str(p))


def test_the_scan_tells_prose_from_identifiers() -> None:
    assert wrong_spellings("Send it by email.") == ["email"]
    assert wrong_spellings("Email address") == ["Email"]
    assert wrong_spellings("Your E-Mail account") == ["E-Mail"]
    assert wrong_spellings("two emails") == ["emails"]
    assert wrong_spellings("Send it by e-mail. E-mail address") == []
    assert wrong_spellings("use --email or `profile.email`, sam@email.example") == []
    assert wrong_spellings("channel: {{ channel }} {email} thank-you-email.j2") == []


@pytest.mark.parametrize("path", _python_files(), ids=lambda p: str(p.relative_to(SOURCES)))
def test_python_strings_say_e_mail(path: Path) -> None:
    bad = [
        f"{path.name}:{line}: {text[:80]!r}"
        for line, text in _python_strings(path)
        if wrong_spellings(text)
    ]
    assert bad == []


def _text_files() -> list[Path]:
    files = [ROOT / "README.md"]
    files += sorted((RESOURCES / "help").glob("*"))
    files += sorted((RESOURCES / "desktop").glob("*.desktop"))
    files += sorted((RESOURCES / "desktop").glob("*.xml"))
    return [p for p in files if p.is_file()]


@pytest.mark.parametrize("path", _text_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_pages_say_e_mail(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    bad = [f"{path.name}:{n}: {line}" for n, line in enumerate(lines, 1) if wrong_spellings(line)]
    assert bad == []


def test_templates_say_e_mail() -> None:
    """Every shipped template's text (its header names its channel, ``channel: email``)."""
    bad = []
    for path in sorted((RESOURCES / "templates").glob("*.j2")):
        text = path.read_text(encoding="utf-8")
        body = re.sub(r"^\{#.*?#\}", "", text, count=1, flags=re.S)  # the header
        bad += [f"{path.name}: {word}" for word in wrong_spellings(body)]
    assert bad == []


def test_checker_messages_say_e_mail() -> None:
    """The checker's messages; its phrase lists match what users write ("my last email")."""
    rules = tomllib.loads((RESOURCES / "checker" / "rules.toml").read_text(encoding="utf-8"))
    bad = [
        f"{key}: {text}"
        for key, text in rules["messages"].items()
        if isinstance(text, str) and wrong_spellings(text)
    ]
    assert bad == []


def _helps(parser: argparse.ArgumentParser) -> Iterator[str]:
    yield parser.format_help()
    for action in parser._actions:  # argparse keeps its sub-commands here
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _helps(sub)


def test_command_line_help_says_e_mail() -> None:
    """Every command's --help, as a user reads it (flags and values stripped)."""
    texts = list(_helps(build_parser()))
    assert len(texts) > 20  # every command and sub-command was reached
    assert [word for text in texts for word in wrong_spellings(text)] == []
