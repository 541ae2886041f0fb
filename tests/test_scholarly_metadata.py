"""A paper's metadata as journals declare it: Highwire's and Google Scholar's `citation_*` tags
(every author in order, surname first; the date; the journal), Dublin Core's as a last resort,
and an author line whose names carry affiliation marks."""

from __future__ import annotations

from datetime import date

import pytest

from reader.citation import header_lines
from reader.dates import date_only, stated_iso
from reader.extract import extract_article
from reader.models import Article

URL = "https://journals.example.org/jcp/article/42"

PAPER = """
<section class="abstract"><h2>Abstract</h2>
<p>We measure the heat the tide takes from the mudflats of three estuaries over a year of
logging and find that the flats warm the ebb by up to two degrees in the summer months.</p></section>
<section><h2>1. Introduction</h2>
<p>The temperature of an estuary sets how much oxygen its water holds, and with it which fish
and worms can live on its flats through the warmest weeks of the year.</p>
<p>Forty-eight loggers were set in the mud at three sites and read every ten minutes from one
spring to the next, through storms, heat and the lowest tides of the decade.</p></section>
"""

HEADLINE = "Tidal heating in shallow estuaries"


def extract(head: str, lines: str = "", lang: str = "en", h1: str = HEADLINE) -> Article:
    html = (
        f"<!DOCTYPE html><html{f' lang={lang!r}' if lang else ''}><head><meta charset='utf-8'>"
        f"{head}</head><body><div id='banner'><a href='/'>JCP</a></div>"
        f"<article><h1>{h1}</h1>{lines}{PAPER}</article></body></html>"
    )
    return extract_article(html, URL)


SCHOLAR = f"""<title>{HEADLINE} — JCP</title>
<meta name="citation_title" content="{HEADLINE}">
<meta name="citation_author" content="Okafor, Adaeze">
<meta name="citation_author" content="Lindqvist, Per">
<meta name="citation_author" content="Tanaka, Hiroshi">
<meta name="citation_publication_date" content="2026/03/02">
<meta name="citation_journal_title" content="Journal of Coastal Physics">"""


def test_a_paper_s_citation_tags_give_every_author_its_date_and_journal() -> None:
    article = extract(SCHOLAR)
    assert article.author == "Adaeze Okafor, Per Lindqvist, Hiroshi Tanaka"
    assert article.published is not None and date_only(article.published)
    assert stated_iso(article.published) == "2026-03-02"
    assert article.site_name == "Journal of Coastal Physics"
    lines = header_lines(article)
    assert "Author: Adaeze Okafor, Per Lindqvist, Hiroshi Tanaka" in lines
    assert "Published: 2026-03-02" in lines
    assert "Source: Journal of Coastal Physics" in lines


def test_the_citation_tags_beat_one_author_a_byline_shows() -> None:
    article = extract(SCHOLAR, '<p class="byline">Adaeze Okafor</p>')
    assert article.author == "Adaeze Okafor, Per Lindqvist, Hiroshi Tanaka"


@pytest.mark.parametrize(
    ("tag", "value"),
    [
        ("citation_publication_date", "2026-03-02"),
        ("citation_online_date", "2026/03/02"),
        ("citation_date", "2026/03/02"),
    ],
)
def test_each_citation_date_tag_dates_a_paper_that_has_no_other(tag: str, value: str) -> None:
    article = extract(f'<title>{HEADLINE}</title><meta name="{tag}" content="{value}">')
    assert article.published is not None
    assert (date_only(article.published), article.published.date()) == (True, date(2026, 3, 2))


def test_the_publication_date_goes_before_the_day_it_went_online() -> None:
    article = extract(
        f"<title>{HEADLINE}</title>"
        '<meta name="citation_online_date" content="2026/01/15">'
        '<meta name="citation_publication_date" content="2026/03/02">'
    )
    assert article.published is not None and article.published.date() == date(2026, 3, 2)


def test_a_news_page_s_own_publication_time_beats_its_citation_date() -> None:
    article = extract(
        f"<title>{HEADLINE}</title>"
        '<meta property="article:published_time" content="2026-03-05T09:30:00+00:00">'
        '<meta name="citation_date" content="2026/03/02">'
    )
    assert article.published is not None and stated_iso(article.published) == (
        "2026-03-05T09:30:00+00:00"
    )


def test_the_older_citation_authors_tag_lists_them_all() -> None:
    article = extract(
        f'<title>{HEADLINE}</title><meta name="citation_authors" content="Okafor, A.; '
        'van der Berg, Jan; Tanaka, Hiroshi">'
    )
    assert article.author == "A. Okafor, Jan van der Berg, Hiroshi Tanaka"


def test_the_citation_title_is_the_title_when_the_page_s_title_is_the_journal_s() -> None:
    """The page prints its journal's name as its only `h1`, and titles itself by its number."""
    article = extract(
        '<title>JCP — Article 42</title><meta name="citation_title" content="Tidal heating in '
        'shallow estuaries">',
        h1="Journal of Coastal Physics",
    )
    assert article.title == HEADLINE


def test_a_proceedings_name_is_the_source_and_a_declared_site_beats_a_journal() -> None:
    conference = extract(
        f'<title>{HEADLINE}</title><meta name="citation_conference_title" content="Coastal '
        'Dynamics 2026">'
    )
    assert conference.site_name == "Coastal Dynamics 2026"
    declared = extract(SCHOLAR + '<meta property="og:site_name" content="Harbour Press">')
    assert declared.site_name == "Harbour Press"


def test_the_citation_language_is_read_when_the_page_declares_none_else() -> None:
    article = extract(SCHOLAR + '<meta name="citation_language" content="de">', lang="")
    assert article.language == "de"


def test_dublin_core_alone_gives_author_date_title_and_language() -> None:
    article = extract(
        "<title>JCP — Article 42</title>"
        f'<meta name="DC.title" content="{HEADLINE}">'
        '<meta name="DC.creator" content="Adaeze Okafor">'
        '<meta name="DCTERMS.created" content="2026-03-02">'
        '<meta name="DC.language" content="nl">',
        lang="",
    )
    assert (article.title, article.author, article.language) == (HEADLINE, "Adaeze Okafor", "nl")
    assert article.published is not None and article.published.date() == date(2026, 3, 2)


@pytest.mark.parametrize(
    ("line", "author"),
    [
        (
            "Adaeze Okafor<sup>1</sup>, Per Lindqvist<sup>2</sup>, Hiroshi Tanaka<sup>1,3</sup>",
            "Adaeze Okafor, Per Lindqvist, Hiroshi Tanaka",
        ),
        (
            "Adaeze Okafor¹, Per Lindqvist², Hiroshi Tanaka¹˒³",
            "Adaeze Okafor, Per Lindqvist, Hiroshi Tanaka",
        ),
        (
            "Adaeze Okafor<sup>a,*</sup> and Per Lindqvist<sup>b</sup>",
            "Adaeze Okafor, Per Lindqvist",
        ),
        (
            "<span>Adaeze Okafor</span><sup>1</sup>, <span>Per Lindqvist</span><sup>2</sup>",
            "Adaeze Okafor, Per Lindqvist",
        ),
    ],
)
def test_an_author_line_s_affiliation_marks_leave_every_name(line: str, author: str) -> None:
    article = extract(f"<title>{HEADLINE}</title>", f'<div class="authors">{line}</div>')
    assert article.author == author
