"""A "Subscribe to read the rest" box under the paragraphs it stands over, read whole, marks
nothing missing (acc39a L6): the page's `class="paywall"` paragraphs, which its script hides,
are the article, and were read."""

from __future__ import annotations

from reader.extract import extract_article, to_text
from reader.extract.paywall import FOR_SUBSCRIBERS

URL = "https://harbourton.example/c/hidden.html"
SHOWN = "The harbour board met on Thursday to discuss the dredging contract ({})."
HIDDEN = "Councillors asked for every invoice to be published in full before Christmas ({})."
PROMPT = '<div class="paywall-prompt"><p>Subscribe to read the rest.</p></div>'


def page(hidden: int) -> str:
    shown = "".join(f"<p>{SHOWN.format(n)}</p>" for n in range(2))
    rest = "".join(f"<p>{HIDDEN.format(n)}</p>" for n in range(hidden))
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Dredging audit '
        "ordered</title></head><body><article><h1>Dredging audit ordered</h1>"
        f'{shown}<div class="paywall">{rest}</div>{PROMPT}</article></body></html>'
    )


def test_the_prompt_under_the_hidden_paragraphs_read_marks_nothing_missing() -> None:
    article = extract_article(page(6), URL)
    assert all(HIDDEN.format(n) in to_text(article) for n in range(6))
    assert article.incomplete != FOR_SUBSCRIBERS
    assert "Subscribe" not in to_text(article)


def test_the_prompt_after_a_teaser_alone_still_marks_the_article() -> None:
    article = extract_article(page(0), URL)
    assert article.incomplete == FOR_SUBSCRIBERS
