"""A subtitle set in the `<h1>` under a line break is the standfirst; the headline is not
repeated at the top of the text (acc39a L11)."""

from __future__ import annotations

import pytest

from reader.extract import extract_article, to_text

URL = "https://harbourton.example/news/harbour-chief.html"
PARAGRAPH = (
    "The harbour board met on Thursday to discuss the dredging contract, which has doubled in "
    "cost since the spring, and councillors asked for every invoice to be published ({})."
)


def page(
    h1: str, title: str = "<title>Harbour chief quits | The Harbourton Courier</title>"
) -> str:
    body = "".join(f"<p>{PARAGRAPH.format(n)}</p>" for n in range(4))
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{title}</head><body>'
        f'<article><h1>{h1}</h1><p class="byline">By Maren Holt</p>{body}</article></body></html>'
    )


@pytest.mark.parametrize("title", ["<title>Harbour chief quits | The Courier</title>", ""])
@pytest.mark.parametrize("tag", ["small", "span"])
def test_the_subtitle_under_a_break_in_the_headline_is_the_standfirst(title: str, tag: str) -> None:
    h1 = f"Harbour chief quits<br><{tag}>Carvalho says she was never told of the overspend</{tag}>"
    article = extract_article(page(h1, title), URL)
    assert article.title == "Harbour chief quits"
    text = to_text(article, header=False)
    assert text.startswith("Carvalho says she was never told of the overspend\n")
    assert "Harbour chief quits" not in text
    assert PARAGRAPH.format(0) in text


def test_a_headline_of_two_lines_without_a_subtitle_is_left_as_it_was() -> None:
    article = extract_article(page("Harbour chief quits<br>after audit"), URL)
    assert "Carvalho" not in to_text(article, header=False)
    assert PARAGRAPH.format(0) in to_text(article, header=False)
