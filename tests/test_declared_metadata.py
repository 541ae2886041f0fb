"""The citation's metadata as news sites' markup declares it in the less common shapes an
acceptance test met: an article nested in a WebPage's JSON-LD, dates that disagree, a byline
declared in capitals with the writer's job, publishers named only in Dublin Core, author lists
written with semicolons or surname first. Real parts: each page through the real extractor.
"""

from __future__ import annotations

from reader.dates import stated_iso
from reader.extract import extract_article
from reader.models import Article

URL = "https://www.harbourtimes.example/news/harbour-plan-vote"

STORY = """
<p>The council will vote on the harbour plan on Thursday, after two years of hearings and three
rewrites of the rules for the waterfront between the ferry terminal and the old cannery.</p>
<p>Supporters say the plan protects the fishing fleet's berths; opponents say it favours the
cruise ships that tie up at the north quay from May to September.</p>
<p>The meeting starts at 6 p.m. at City Hall, and the public may speak for three minutes each.</p>
"""


def _extract(head: str, body: str = "", url: str = URL) -> Article:
    html = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Harbour plan goes to vote</title>{head}</head><body><article>"
        f"<h1>Harbour plan goes to vote</h1>{body}{STORY}</article></body></html>"
    )
    return extract_article(html, url)


def _published(article: Article) -> str | None:
    return stated_iso(article.published) if article.published is not None else None


def test_an_article_nested_as_a_webpages_main_entity_is_read() -> None:
    """Some SEO plugins describe the page first and the article as its `mainEntity`: its
    author and date were lost."""
    ld = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebPage",'
        '"name":"Harbour plan goes to vote","mainEntity":{"@type":"NewsArticle",'
        '"headline":"Harbour plan goes to vote","datePublished":"2026-12-03T09:00:00-05:00",'
        '"author":{"@type":"Person","name":"Nadia Ferreira"}}}</script>'
    )
    article = _extract(ld)
    assert article.author == "Nadia Ferreira"
    assert _published(article) == "2026-12-03T09:00:00-05:00"


def test_a_question_a_webpage_is_about_is_no_article() -> None:
    """A QAPage's or a profile's `mainEntity` declares no article: the page's byline stands."""
    ld = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebPage",'
        '"mainEntity":{"@type":"Person","name":"Harbour Master"}}</script>'
    )
    article = _extract(ld, '<p class="byline">By Tomas Eriksen</p>')
    assert article.author == "Tomas Eriksen"
