"""When a page was first published and last updated, as an official notice, a page whose
modified time is before its publication, and a byline's zone-less update time say it."""

from __future__ import annotations

from datetime import datetime

from reader.extract import extract_article, to_text
from reader.models import Article

_BODY = (
    "<p>The inner harbour will be closed to all vessels while the north quay is rebuilt.</p>"
    "<p>From 06:00 on 8 December no vessel may enter or leave without the harbour master’s "
    "permission, and vessels over 20 metres must call the harbour radio two hours ahead.</p>"
    "<p>Anyone breaching this notice may be prosecuted under the Harbours Act 1964.</p>"
)


def _govuk_page(extra_meta: str = "") -> Article:
    html = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Notice to Mariners: Penryn river closure - GOV.UK</title>"
        '<meta property="og:site_name" content="GOV.UK">'
        '<meta name="govuk:first-published-at" content="2026-11-20T11:00:00+00:00">'
        '<meta name="govuk:updated-at" content="2026-11-25T16:40:10+00:00">'
        '<meta name="govuk:public-updated-at" content="2026-11-25T16:40:10+00:00">'
        '<meta name="govuk:primary-publishing-organisation" content="Penryn Harbour Office">'
        f"{extra_meta}</head><body><main>"
        '<div class="gem-c-title"><span class="govuk-caption-xl">Notice</span>'
        "<h1>Notice to Mariners: Penryn river closure</h1></div>"
        f'<div class="govuk-govspeak">{_BODY}</div></main></body></html>'
    )
    return extract_article(html, "https://www.gov.uk/government/publications/penryn-closure")


def test_a_govuk_page_is_published_at_its_first_publication_and_updated_at_its_change() -> None:
    article = _govuk_page()
    assert article.published == datetime.fromisoformat("2026-11-20T11:00:00+00:00")
    assert article.updated == datetime.fromisoformat("2026-11-25T16:40:10+00:00")


def test_a_govuk_page_is_cited_with_the_office_that_issued_it() -> None:
    assert _govuk_page().author == "Penryn Harbour Office"
    # A person the page names is still the author.
    named = _govuk_page('<meta name="author" content="Tamsin Rowe">')
    assert named.author == "Tamsin Rowe"


def test_the_document_type_over_the_headline_is_no_paragraph() -> None:
    text = to_text(_govuk_page(), header=False)
    assert text.startswith("The inner harbour will be closed")
    assert "Notice\n" not in text


def _news_page(head: str, byline: str = "") -> Article:
    html = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Harbour wall repaired after storm</title>{head}</head><body><article>"
        f"<h1>Harbour wall repaired after storm</h1>{byline}"
        "<p>The harbour wall at Porthleven was repaired on Tuesday after storm damage last week, "
        "and engineers worked through the night to finish before the next high tide.</p>"
        "<p>The council said the repair cost £40,000 and would last another twenty years.</p>"
        "</article></body></html>"
    )
    return extract_article(html, "https://news.example.com/harbour-wall")


def test_a_modified_time_before_the_publication_is_no_update() -> None:
    article = _news_page(
        '<meta property="article:published_time" content="2026-12-03T10:00:00+01:00">'
        '<meta property="article:modified_time" content="2026-12-02T08:00:00+01:00">'
    )
    assert article.published == datetime.fromisoformat("2026-12-03T10:00:00+01:00")
    assert article.updated is None


def test_a_later_modified_time_is_still_the_update() -> None:
    article = _news_page(
        '<meta property="article:published_time" content="2026-12-03T10:00:00+01:00">'
        '<meta property="article:modified_time" content="2026-12-03T18:30:00+01:00">'
    )
    assert article.updated == datetime.fromisoformat("2026-12-03T18:30:00+01:00")


def test_a_bylines_update_time_in_a_zone_of_several_countries_is_read_in_the_pages() -> None:
    head = '<meta property="article:published_time" content="2026-12-03T08:05:00+05:30">'
    later = _news_page(
        head, "<div class='byline'>Ravi Rao / <span>Updated: Dec 3, 2026, 14:20 IST</span></div>"
    )
    assert later.updated == datetime.fromisoformat("2026-12-03T14:20:00+05:30")
    # The publication's own time again: no update at all.
    head = '<meta property="article:published_time" content="2026-12-03T10:21:00+05:30">'
    same = _news_page(
        head, "<div class='byline'>Ravi Rao / <span>Updated: Dec 3, 2026, 10:21 IST</span></div>"
    )
    assert same.updated is None
