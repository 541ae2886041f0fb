"""The source a citation names, as a features editor checks it (acc39a): a `<meta
name="author">` naming the paper is the Source, not lost (L5); a wire's story on a paper's own
site, its JSON-LD `provider` credited in the text, is the wire's via the paper's (L7). Real
parts: the pages through the real extractor.
"""

from __future__ import annotations

import json

from reader.extract import extract_article
from tests.test_byline_boxes import PARAGRAPHS, URL, story


def test_an_author_tag_naming_the_paper_is_its_source() -> None:
    """Was Source "" : the title's "| The Harbourton Courier" taken for the author's name."""
    page = story(
        '<p class="byline">Maren Holt, Political Editor</p>',
        '<meta name="author" content="The Harbourton Courier">',
    )
    article = extract_article(page, URL)
    assert article.author == "Maren Holt"
    assert article.site_name == "The Harbourton Courier"


def test_a_blog_named_for_its_writer_keeps_her_as_the_author() -> None:
    page = (
        "<!doctype html><html lang='en'><head><title>Notes on dredging | Jane Smith</title>"
        '<meta name="author" content="Jane Smith"></head><body><article>'
        f'<h1>Notes on dredging</h1><p class="byline">By Jane Smith</p>{PARAGRAPHS}'
        "</article></body></html>"
    )
    article = extract_article(page, "https://notes.example/dredging")
    assert article.author == "Jane Smith"
    assert article.site_name == ""


def _wire_ld(provider: str) -> str:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Harbour board orders dredging audit",
        "author": [{"@type": "Person", "name": "Anna de Vries"}],
        "publisher": {"@type": "Organization", "name": "The Harbourton Courier"},
        "provider": {"@type": "Organization", "name": provider},
    }
    return f'<script type="application/ld+json">{json.dumps(ld)}</script>'


def test_a_wire_story_on_the_papers_site_is_the_wires_via_the_paper() -> None:
    dateline = '<p class="dateline"><b>ROTTERDAM (Reuters)</b> – Dockworkers struck.</p>'
    article = extract_article(story(dateline, _wire_ld("Reuters")), URL)
    assert article.site_name == "Reuters via The Harbourton Courier"
    credit = "<p>This story originally appeared in Reuters. Editing by Mark Potter.</p>"
    article = extract_article(story("", _wire_ld("Reuters"), credit), URL)
    assert article.site_name == "Reuters via The Harbourton Courier"


def test_a_provider_the_text_does_not_credit_is_no_source() -> None:
    """A declaration alone: a provider may be the site's company."""
    article = extract_article(story("", _wire_ld("Courier Media Group")), URL)
    assert article.site_name == "The Harbourton Courier"
