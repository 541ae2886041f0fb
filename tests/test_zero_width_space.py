"""A zero-width space in a text of spaced words is removed from the extracted text and its copies,
as a soft hyphen is; between Thai or Japanese words, where it parts them, it stays; the joiners
scripts need stay (acc39a L13)."""

from __future__ import annotations

import pytest

from reader.extract import extract_article, to_markdown, to_text
from reader.safe import safe_text

URL = "https://kellow.example/c/shy.html"


def test_a_zero_width_space_is_not_in_the_article_text_nor_its_markdown() -> None:
    sentence = (
        "The council said on Friday that\u200b the Kellow Point site would be sold, and the "
        "har&shy;bour trust said it had not been told of the sale before the meeting."
    )
    html = (
        '<!DOCTYPE html><html lang="en"><head><title>Point site sold</title></head><body>'
        f"<article><h1>Point site sold</h1><p>{sentence}</p><p>{sentence}</p></article>"
        "</body></html>"
    )
    article = extract_article(html, URL)
    for copy in (to_text(article), to_markdown(article)):
        assert "\u200b" not in copy and "\u00ad" not in copy
        assert "said on Friday that the Kellow Point site" in copy
        assert "harbour trust" in copy


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("and that\u200b the", "and that the"),
        ("Bundes\u200bregierung", "Bundesregierung"),
        ("\u200bstart and end\u200b", "start and end"),
        ("ภาษา\u200bไทย", "ภาษา\u200bไทย"),  # Thai: where one word ends
        ("日本語\u200bの", "日本語\u200bの"),
        ("क्\u200dष and \u0645\u200c\u0627", "क्\u200dष and \u0645\u200c\u0627"),  # ZWJ, ZWNJ
    ],
)
def test_safe_text_drops_a_zero_width_space_between_spaced_words_only(
    text: str, shown: str
) -> None:
    assert safe_text(text) == shown
