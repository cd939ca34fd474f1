"""The checker must keep up with typing: 300 words under 5 ms; a 1 MB paste under 200 ms."""

from pytest_benchmark.fixture import BenchmarkFixture

from followup.checker import Context, check

PARAGRAPH = (
    "Thank you for taking the time to meet with me on Tuesday about the Data Engineer "
    "position. I enjoyed our conversation about the streaming pipeline, and as we discussed, "
    "I led the migration of forty batch jobs to Kafka at my previous employer. I would "
    "welcome the chance to bring that experience to your team. Have you made a decision? "
)


def letter(words: int) -> str:
    text = ""
    while len(text.split()) < words:
        text += PARAGRAPH + "\n\n"
    return " ".join(text.split(" ")[:words])


def test_300_word_letter(benchmark: BenchmarkFixture) -> None:
    text = letter(300)
    context = Context(topics=("streaming pipeline",), strengths=("led the migration",))
    findings = benchmark(check, text, context)
    assert any(f.rule == "asks-for-decision" for f in findings)


def test_one_megabyte_paste(benchmark: BenchmarkFixture) -> None:
    text = (PARAGRAPH * (1_000_000 // len(PARAGRAPH) + 1))[:1_000_000]
    findings = benchmark(check, text, Context())
    assert any(f.rule == "too-long" for f in findings)
