"""Where a passage chosen by keyboard grows and shrinks: the sentences of a paragraph."""

from __future__ import annotations

from reader.ui.widgets.article.sentences import sentences


def split(text: str) -> list[str]:
    return [text[start:end] for start, end in sentences(text)]


def test_sentences_end_at_their_marks_with_the_quotes_after_them() -> None:
    text = "  The ferry stops. “Why?” she asked! About 400 cross each day…  Then rain (again.) "
    assert split(text) == [
        "The ferry stops.",
        "“Why?” she asked!",
        "About 400 cross each day…",
        "Then rain (again.)",
    ]


def test_initials_abbreviations_and_numbers_end_no_sentence() -> None:
    text = (
        "J. R. Ruiz told the U.S. Senate on Jan. 5 that approx. five ships sank, said Mr. "
        "Holm. Prices rose 3.5 per cent. The end"
    )
    assert split(text) == [
        "J. R. Ruiz told the U.S. Senate on Jan. 5 that approx. five ships sank, said Mr. Holm.",
        "Prices rose 3.5 per cent.",
        "The end",
    ]


def test_a_heading_is_one_sentence_and_cjk_full_stops_end_one() -> None:
    assert split("Heading without a stop") == ["Heading without a stop"]
    assert split("港口今天关闭。渡轮停航！明天") == ["港口今天关闭。", "渡轮停航！", "明天"]
    assert split("   ") == []
