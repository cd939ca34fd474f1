"""Rule codes (R1–R8) are for DESIGN and the code's comments, never for what a user reads:
no string in the GUI or the domain, and no message in the shipped data, may carry one."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CODE = re.compile(r"\bR[1-8]\b")


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def user_facing_strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
    ]


def test_no_string_in_the_gui_or_the_domain_names_a_rule_code() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for package in ("followup", "followup_desktop")
        for path in sorted((ROOT / "desktop" / package).rglob("*.py"))
        for line, text in user_facing_strings(path)
        if CODE.search(text)
    ]
    assert offenders == []


def test_no_shipped_message_or_template_names_a_rule_code() -> None:
    offenders = []
    for path in sorted((ROOT / "resources").rglob("*")):
        if path.suffix not in (".toml", ".j2", ".txt", ".md"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith("#") or "{#" in line:
                continue  # comments for the people who tune the data
            if CODE.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_scan_would_catch_a_code() -> None:
    source = 'x = f"Never more than one letter ({rule}) (R3)."\n'
    tree = ast.parse(source)
    texts = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)]
    assert any(CODE.search(str(t)) for t in texts)
