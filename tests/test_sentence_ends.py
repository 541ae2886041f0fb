"""One definition of where a sentence ends (reader/extract/sentence_ends.py), which the rules
telling a sentence from a byline, a label, a field's value or a credit all ask."""

from __future__ import annotations

import pytest

from reader.extract.sentence_ends import ends_sentence, sentences


@pytest.mark.parametrize(
    "text",
    [
        "He left.",
        "said.)",
        "[Alden: Et tu, Lexi?]",
        "“Finally,” said Mira.",
        '말했다."',
        "終わり。」",
        "क्या हुआ।",
        "لماذا؟",
        "Wait… ",
    ],
)
def test_a_sentence_ends_at_its_stop_and_what_closes_it(text: str) -> None:
    assert ends_sentence(text)


@pytest.mark.parametrize("text", ["By Jane Smith", "Updated 14:05", "Source: AP", "the north"])
def test_a_label_or_a_name_ends_no_sentence(text: str) -> None:
    assert not ends_sentence(text)


def test_a_caller_s_own_ends_too() -> None:
    assert not ends_sentence("the report makes three findings:")
    assert ends_sentence("the report makes three findings:", also=":：")


def test_a_text_cut_into_sentences_in_every_script() -> None:
    assert sentences("Subscribe to read on. Comments are closed! 第一句。第二句。") == [
        "Subscribe to read on.",
        "Comments are closed!",
        "第一句。",
        "第二句。",
    ]
