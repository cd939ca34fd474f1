"""Precision and recall of the letter checker per rule, on the eighth FRESH held-out set.

Run ``python tests/checker_eval.py`` (or ``make checker-eval``) to print the table for
data/checker/fresh8/ (sentences and letters written apart from the model's development, from
sources nothing else used, to be evaluated once at the very end; see its README; the first to
seventh fresh sets were evaluated and then moved into training).
``--old-test`` scores the old test groups
of data/checker/ instead (evaluated many times during development, so no longer an honest measure),
``--fresh8`` names the default explicitly, ``--split train`` the training groups (a sanity
check, not a measure); ``-v`` lists every miss (never look at them for a fresh set: that would
be tuning on it), ``--json`` prints the numbers for a script, ``--legacy`` scores the first
release's small tuning set in tests/data/, ``--phrases-only`` leaves the sentence model out.
Nothing here tunes anything: thresholds are chosen by ``make train-checker`` on the train
groups only.

Sentences are judged on the content rules only (a sentence is not a letter); letters on every
rule, and on "a letter with no fault gets no error".
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``tests`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from followup.checker import PHRASE_RULES, RULE_IDS, Context, Finding, Kind, Severity, check
from followup.model import Channel
from tests.checker_data import (
    CONTENT_RULES,
    FRESH8,
    FRESH8_SPLIT,
    letters,
    sentences,
)

DATA = Path(__file__).parent / "data"
SENTENCE_RULES = frozenset((*PHRASE_RULES, "new-topic"))


@dataclass
class Scores:
    """True and false positives and negatives per rule."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    cases: int = 0

    def add(self, predicted: set[str], wanted: frozenset[str], judged: frozenset[str]) -> None:
        self.cases += 1
        for rule in judged:
            hit, want = rule in predicted, rule in wanted
            self.tp[rule] += hit and want
            self.fp[rule] += hit and not want
            self.fn[rule] += want and not hit

    def precision(self, rule: str) -> float:
        flagged = self.tp[rule] + self.fp[rule]
        return self.tp[rule] / flagged if flagged else 1.0

    def recall(self, rule: str) -> float:
        wanted = self.tp[rule] + self.fn[rule]
        return self.tp[rule] / wanted if wanted else 1.0

    def positives(self, rule: str) -> int:
        return self.tp[rule] + self.fn[rule]

    def table(self) -> dict[str, tuple[float, float, int, int]]:
        """Rule → (precision, recall, positives, flagged) for rules seen at all."""
        return {
            rule: (
                self.precision(rule),
                self.recall(rule),
                self.positives(rule),
                self.tp[rule] + self.fp[rule],
            )
            for rule in RULE_IDS
            if self.positives(rule) or self.fp[rule]
        }


@dataclass
class Report:
    split: str
    sentences: Scores
    letters: Scores
    clean_letters: int = 0
    clean_without_error: int = 0
    misses: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "split": self.split,
            "sentences": {"cases": self.sentences.cases, "rules": self.sentences.table()},
            "letters": {"cases": self.letters.cases, "rules": self.letters.table()},
            "clean_letters": self.clean_letters,
            "clean_letters_without_error": self.clean_without_error,
        }


def _check(text: str, context: Context, model: bool) -> list[Finding]:
    """The checker with or without its sentence model (called plainly when with it, so this
    script also scores an older checker that had no model, for the "before" table)."""
    return check(text, context) if model else check(text, context, model=False)


def evaluate_split(split: str = FRESH8_SPLIT, model: bool = True) -> Report:
    """Score the checker on one split of data/checker/ (sentences and letters), by default the
    eighth fresh held-out set; without the sentence model when ``model`` is False (the phrase rules
    alone)."""
    report = Report(split, Scores(), Scores())
    judged_sentence = frozenset(CONTENT_RULES)
    for item in sentences(split):
        wanted = frozenset() if item.label == "ok" else frozenset({item.label})
        predicted = {f.rule for f in _check(item.text, Context(), model)} & judged_sentence
        report.sentences.add(predicted, wanted, judged_sentence)
        for rule in judged_sentence & (predicted ^ wanted):
            kind = "FP" if rule in predicted else "FN"
            report.misses.append(f"{kind} {rule} [{item.group}]: {item.text[:100]!r}")
    everything = frozenset(RULE_IDS)
    for letter in letters(split):
        findings = _check(letter.text, letter.context, model)
        predicted = {f.rule for f in findings}
        report.letters.add(predicted, letter.faults, everything)
        for rule in sorted(predicted ^ letter.faults):
            kind = "FP" if rule in predicted else "FN"
            report.misses.append(f"{kind} {rule} [letter {letter.id}]")
        if not letter.faults:
            report.clean_letters += 1
            report.clean_without_error += not any(f.severity is Severity.ERROR for f in findings)
    return report


def _print_table(title: str, scores: Scores) -> None:
    print(f"\n{title}: {scores.cases} labelled cases")
    print(f"{'rule':<20}{'precision':>10}{'recall':>8}{'positives':>11}{'flagged':>9}")
    for rule, (precision, recall, positives, flagged) in scores.table().items():
        print(f"{rule:<20}{precision:>10.2f}{recall:>8.2f}{positives:>11}{flagged:>9}")


# The first release's small hand-made set (tests/data/): phrase-rule regression only.
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
# Rules the first release's letters were labelled for (no-signature, grammar and wrong-day came
# later).
LEGACY_LETTER_RULES = frozenset(RULE_IDS) - {"no-signature", "grammar", "wrong-day"}


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
        found.append(Case(item["text"], frozenset(item["labels"]), LEGACY_LETTER_RULES, context))
    return found


def evaluate(
    verbose: bool = False, held_out: str | None = None, model: bool = True
) -> dict[str, tuple[float, float, int]]:
    """On the legacy set: rule → (precision, recall, positives)."""
    scores = Scores()
    for case in cases(held_out):
        predicted = {f.rule for f in check(case.text, case.context, model=model)} & case.judged
        scores.add(predicted, case.labels, case.judged)
        if verbose:
            for rule in case.judged & (predicted ^ case.labels):
                print(f"{'FP' if rule in predicted else 'FN'} {rule}: {case.text[:90]!r}")
    return {
        rule: (scores.precision(rule), scores.recall(rule), scores.positives(rule))
        for rule in RULE_IDS
        if rule in LEGACY_LETTER_RULES
    }


def _legacy(verbose: bool) -> None:
    for title, held_out in (("tuning set", None), *((name, name) for name in HELD_OUT)):
        table = evaluate(verbose, held_out)
        print(f"\n{title}: {len(cases(held_out))} labelled cases")
        print(f"{'rule':<20}{'precision':>10}{'recall':>8}{'positives':>11}")
        for rule, (precision, recall, positives) in table.items():
            if positives or precision < 1:
                print(f"{rule:<20}{precision:>10.2f}{recall:>8.2f}{positives:>11}")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--legacy" in args:
        _legacy("-v" in args)
        return 0
    if "--split" in args:
        split = args[args.index("--split") + 1]
    elif "--fresh8" in args:  # the default too; named so the final run says what it measures
        split = FRESH8_SPLIT
    else:
        split = "test" if "--old-test" in args else FRESH8_SPLIT
    report = evaluate_split(split, model="--phrases-only" not in args)
    if "--json" in args:
        print(json.dumps(report.as_json(), indent=1))
        return 0
    if not report.sentences.cases and not report.letters.cases:
        if split == FRESH8_SPLIT and not FRESH8.exists():
            print(
                "The eighth fresh held-out set, data/checker/fresh8/, is not there yet: "
                "nothing to evaluate (it is written apart from the model and lands separately)."
            )
        else:
            print(f"No labelled {split} data in data/checker/ yet.")
        return 1
    if split == FRESH8_SPLIT:
        print(
            "Checker on the eighth FRESH held-out set, data/checker/fresh8/ "
            "(written apart from the model's development; never trained or tuned on)."
        )
    elif split == "test":
        print(
            "Checker on the OLD TEST groups of data/checker/ (evaluated many times during "
            "development: no longer an honest measure; the fresh set is the default)."
        )
    else:
        print(f"Checker on the {split.upper()} groups of data/checker/.")
    _print_table("sentences (content rules)", report.sentences)
    _print_table("letters (every rule)", report.letters)
    if report.clean_letters:
        rate = report.clean_without_error / report.clean_letters
        print(
            f"\nletters with no fault given no error: {report.clean_without_error}"
            f"/{report.clean_letters} = {rate:.2f}"
        )
    if "-v" in args:
        print("\n" + "\n".join(report.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
