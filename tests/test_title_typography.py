"""A headline declared in JSON-LD with straight quotes and dashes while the page's `<h1>` sets
them typographically (or the other way round) is one headline: the article is titled once, in
the page's own typography, and the body does not repeat it as a heading."""

from __future__ import annotations

import json

import pytest

from reader.extract import extract_article
from reader.models import BlockKind

STORY = """
<p>Three tide gauges on the north quay stopped reporting two winters ago, when the laptop
that read them over a serial cable finally gave up, and nobody at the harbour office knew how
to rebuild the program that had run on it since the nineties.</p>
<p>A volunteer from the sailing club spent a month of evenings reading the gauges' manuals and
wrote a short program that now posts a reading every ten minutes to the harbour's website.</p>
<p>The harbour master said the readings would be used again to plan the ferry's crossings in
the spring, and thanked the volunteer at the board's meeting on Tuesday evening.</p>
"""


def page(declared: str, printed: str) -> str:
    ld = json.dumps(
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": declared}
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{printed} | Quay Courier</title>"
        f'<script type="application/ld+json">{ld}</script></head><body>'
        f"<article><h1>{printed}</h1><p class='byline'>By Morwenna Tregear</p>{STORY}"
        "</article></body></html>"
    )


@pytest.mark.parametrize(
    ("declared", "printed"),
    [
        (
            "How the harbour's gauges got their code back",
            "How the harbour’s gauges got their code back",
        ),
        (
            'Harbour master: "We were reading them by hand"',
            "Harbour master: “We were reading them by hand”",
        ),
        (
            "Gauges back - after two winters of silence",
            "Gauges back – after two winters of silence",
        ),
        ("Gauges back — and the harbour's readings", "Gauges back - and the harbour’s readings"),
    ],
)
def test_a_headline_differing_only_in_typography_is_given_once(declared: str, printed: str) -> None:
    article = extract_article(page(declared, printed), "https://courier.example/quay/gauges")
    assert article.title == printed
    headings = [b.text for b in article.blocks if b.kind == BlockKind.HEADING]
    assert headings == []
    assert article.blocks[0].text.startswith("Three tide gauges")


def test_a_headline_differing_in_words_gives_way_to_the_one_printed() -> None:
    """A JSON-LD headline the page never prints (a search engine's: acc34b D9) is not the
    citation's title when the `h1` and the `<title>` agree on another: README's "the title as
    the page prints it". (Until the 34th session the declared one was cited.)"""
    declared = "Harbour tide gauges 2026: report, code, volunteers explained"
    printed = "How the harbour’s gauges got their code back"
    article = extract_article(page(declared, printed), "https://courier.example/quay/gauges")
    assert article.title == printed
    assert [b.text for b in article.blocks if b.kind == BlockKind.HEADING] == []


def test_a_declared_headline_stands_where_the_page_prints_none() -> None:
    declared = "Harbour's tide gauges report again after two winters"
    html = page(declared, "How the harbour’s gauges got their code back")
    html = html.replace("<h1>How the harbour’s gauges got their code back</h1>", "")
    article = extract_article(html, "https://courier.example/quay/gauges")
    assert article.title == declared
