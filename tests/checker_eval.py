"""Precision and recall of the letter checker per rule on the labelled set in tests/data/.

Run ``python tests/checker_eval.py`` to print the table; ``-v`` lists every miss.
Sentences are judged on the phrase rules only (a sentence is not a letter); letters on all.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from followup.checker import PHRASE_RULES, RULE_IDS, Context, Kind, check
from followup.model import Channel

DATA = Path(__file__).parent / "data"
SENTENCE_RULES = frozenset((*PHRASE_RULES, "new-topic"))


@dataclass(frozen=True)
class Case:
    text: str
    labels: frozenset[str]
    judged: frozenset[str]
    context: Context


def sentence_cases(name: str) -> list[Case]:
    found = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        labels, text = line.split("\t", 1)
        wanted = frozenset() if labels == "-" else frozenset(labels.split(","))
        found.append(Case(text, wanted, SENTENCE_RULES, Context()))
    return found


HELD_OUT = ("checker_heldout.tsv", "checker_heldout2.tsv")


def cases(held_out: str | None = None) -> list[Case]:
    """The tuning set (sentences and letters), or one held-out file of sentences."""
    if held_out:
        return sentence_cases(held_out)
    found = sentence_cases("checker_sentences.tsv")
    for item in json.loads((DATA / "checker_letters.json").read_text(encoding="utf-8")):
        c = item["context"]
        context = Context(
            channel=Channel(c.get("channel", "email")),
            kind=Kind(c.get("kind", "letter")),
            topics=tuple(c.get("topics", ())),
            strengths=tuple(c.get("strengths", ())),
            recipient=c.get("recipient", ""),
            already_sent=c.get("already_sent", False),
        )
        found.append(Case(item["text"], frozenset(item["labels"]), frozenset(RULE_IDS), context))
    return found


def evaluate(
    verbose: bool = False, held_out: str | None = None
) -> dict[str, tuple[float, float, int]]:
    """Rule → (precision, recall, positives)."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for case in cases(held_out):
        predicted = {f.rule for f in check(case.text, case.context)} & case.judged
        for rule in case.judged:
            hit, wanted = rule in predicted, rule in case.labels
            tp[rule] += hit and wanted
            fp[rule] += hit and not wanted
            fn[rule] += wanted and not hit
            if verbose and hit != wanted:
                print(f"{'FP' if hit else 'FN'} {rule}: {case.text[:90]!r}")
    result = {}
    for rule in RULE_IDS:
        precision = tp[rule] / (tp[rule] + fp[rule]) if tp[rule] + fp[rule] else 1.0
        recall = tp[rule] / (tp[rule] + fn[rule]) if tp[rule] + fn[rule] else 1.0
        result[rule] = (precision, recall, tp[rule] + fn[rule])
    return result


def main() -> None:
    verbose = "-v" in sys.argv
    for title, held_out in (("tuning set", None), *((name, name) for name in HELD_OUT)):
        scores = evaluate(verbose, held_out)
        print(f"\n{title}: {len(cases(held_out))} labelled cases")
        print(f"{'rule':<20}{'precision':>10}{'recall':>8}{'positives':>11}")
        for rule, (precision, recall, positives) in scores.items():
            if positives or precision < 1:
                print(f"{rule:<20}{precision:>10.2f}{recall:>8.2f}{positives:>11}")


if __name__ == "__main__":
    main()
