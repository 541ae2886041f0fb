"""The site's name written into a page's title, on a page that declares no og:site_name: split
off the headline, and the citation's Source when the page shows it is the site's name (its
host spells it, its logo says it, or the rest of the title is the headline it prints); a colon
or a dash inside a headline stays."""

from __future__ import annotations

import lxml.html
import pytest

from reader.citation import header_lines
from reader.extract import extract_article
from reader.extract.site_names import site_name_alone, site_name_of_title
from reader.extract.title import TITLE_MOST, article_title
from reader.models import Article

STORY = """
<p>The council's transport committee voted on Tuesday to withdraw three bus routes serving the
north of the city, after hearing that the services carried fewer than forty people a day.</p>
<p>Residents who spoke at the meeting said the routes were the only link to the hospital for many
older people in the area, and asked the committee to delay the decision until the spring.</p>
<p>The operator said it would run a reduced service on one of the routes until the end of March,
when a replacement minibus paid for by the council is expected to begin.</p>
"""


def extract(head: str, body: str = "", url: str = "") -> Article:
    html = (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}</head>"
        f"<body>{body}<article>{STORY}</article></body></html>"
    )
    return extract_article(html, url)


@pytest.mark.parametrize(
    "head",
    [
        # og:title only repeats the <title>: the site's template, cut as a <title> is.
        "<title>Bus routes to be cut | Metro Gazette</title>"
        '<meta property="og:title" content="Bus routes to be cut | Metro Gazette">',
        # The site's name before the headline, in a <title> with no heading to check it by.
        "<title>Metro Gazette - Bus routes to be cut</title>",
        "<title>Metro Gazette » Bus routes to be cut</title>",
    ],
)
def test_site_name_at_an_end_of_a_title_with_no_other_evidence_is_cut(head: str) -> None:
    assert extract(head).title == "Bus routes to be cut"


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # The site's name and slogan after a headline of five words or more.
        (
            "<title>Bus routes in the north to be cut - Metro Gazette - Local news, sport and"
            " weather</title>",
            "Bus routes in the north to be cut",
        ),
        # A question after it is the headline's own.
        (
            "<title>Bus routes in the north to be cut - what happens next?</title>",
            "Bus routes in the north to be cut - what happens next?",
        ),
    ],
)
def test_a_title_s_tail_is_cut_after_a_long_headline(head: str, title: str) -> None:
    assert extract(head).title == title


@pytest.mark.parametrize(
    "title",
    [
        "Brexit: what happens next for the ferry ports",
        "Covid-19 cases rise again in the north",
        "Why the A - B test failed",
        "Minecraft 1.8 - The Bountiful Update",
        "Friday Facts #282 - 0.17 in sight",
    ],
)
def test_a_headline_s_own_colon_or_dash_stays(title: str) -> None:
    head = f'<title>{title}</title><meta property="og:title" content="{title}">'
    article = extract(head)
    assert (article.title, article.site_name) == (title, "")


@pytest.mark.parametrize(
    ("head", "body"),
    [
        # The rest of the <title> is the printed headline: the name after it is the site's.
        ("<title>Bus routes to be cut in north - Metro Gazette</title>", ""),
        # …or before it, a name of two words or more.
        ("<title>Metro Gazette | Bus routes to be cut in north</title>", ""),
        # The logo says it, though the page prints its headline in an h2.
        (
            "<title>Bus routes to be cut in north - Metro Gazette</title>",
            '<header><h1 class="logo"><a href="/">Metro Gazette</a></h1></header>',
        ),
        # A home link's picture says it; the og:title is all the page has.
        (
            '<meta property="og:title" content="Bus routes to be cut in north | Metro Gazette">',
            '<nav><a href="/"><img src="/logo.png" alt="Metro Gazette"></a></nav>',
        ),
    ],
)
def test_site_name_of_the_title_is_the_source_when_the_page_shows_it(head: str, body: str) -> None:
    headline = "<h1>Bus routes to be cut in north</h1>" if "logo" not in body else ""
    if "h1 class" in body:
        headline = "<h2>Bus routes to be cut in north</h2>"
    article = extract(head, body + headline)
    assert (article.title, article.site_name) == ("Bus routes to be cut in north", "Metro Gazette")
    assert "Source: Metro Gazette" in header_lines(article)


def test_site_name_of_the_title_is_the_source_when_the_host_spells_it() -> None:
    article = extract(
        '<meta property="og:title" content="Bus routes to be cut | Metro Gazette">',
        url="https://www.metrogazette.example/news/bus-routes",
    )
    assert (article.title, article.site_name) == ("Bus routes to be cut", "Metro Gazette")


@pytest.mark.parametrize(
    ("title", "byline"),
    [
        # The writer's name after the headline is not the site's.
        ("Bus routes to be cut in north | Jane Okafor", '<p class="byline">By Jane Okafor</p>'),
        # One word before the headline is the site's section as often as its name.
        ("Opinion | Bus routes to be cut in north", ""),
        # Words of a sentence are no name.
        ("Bus routes to be cut in north - what happens next?", ""),
    ],
)
def test_a_part_of_the_title_that_is_no_site_name_is_no_source(title: str, byline: str) -> None:
    article = extract(f"<title>{title}</title>", f"<h1>Bus routes to be cut in north</h1>{byline}")
    assert article.site_name == ""


def test_a_declared_site_name_is_kept_over_the_title_s() -> None:
    article = extract(
        "<title>Bus routes to be cut in north - Metro Gazette</title>"
        '<meta property="og:site_name" content="The Metro Gazette">',
        "<h1>Bus routes to be cut in north</h1>",
    )
    assert article.site_name == "The Metro Gazette"


def test_a_section_before_the_site_s_name_is_no_site_name_to_cut() -> None:
    """Both parts read as names: the section, then the site (its copyright notice says so),
    not the site, then a headline."""
    article = extract(
        "<title>Village Notes - The Dale Advertiser</title>",
        '<p class="footer">© 2024 The Dale Advertiser Ltd</p>',
    )
    assert (article.title, article.site_name) == ("Village Notes", "The Dale Advertiser")


# A colon after the site's name ("Metro Gazette: Bus routes to be cut") is cut only where the page
# backs the name by more than its headline: a headline's own colon is as common.


@pytest.mark.parametrize(
    ("head", "body", "url"),
    [
        ('<meta property="og:site_name" content="Metro Gazette">', "", ""),
        ("", '<header><a href="/" class="logo">Metro Gazette</a></header>', ""),
        ("", '<p class="footer">© 2026 Metro Gazette Ltd</p>', ""),
        ("", "", "https://www.metrogazette.example/news/bus-routes"),
    ],
)
def test_a_site_s_name_before_a_colon_is_cut_when_the_page_backs_it(
    head: str, body: str, url: str
) -> None:
    article = extract(f"<title>Metro Gazette: Bus routes to be cut</title>{head}", body, url)
    assert (article.title, article.site_name) == ("Bus routes to be cut", "Metro Gazette")
    assert "Source: Metro Gazette" in header_lines(article)


@pytest.mark.parametrize(
    "title", ["Ferry Ports: what happens next", "Climate Change: What happens next"]
)
def test_a_headline_s_kicker_before_a_colon_is_no_source(title: str) -> None:
    """The rest printed as the headline does not make the kicker a site's name."""
    article = extract(f"<title>{title}</title>", "<h1>What happens next</h1>")
    assert article.site_name == ""


def test_a_blog_s_name_over_its_post_is_the_source_not_the_title() -> None:
    """Blogger's <title> names the blog, a colon, the post; its masthead `h1` names the blog."""
    article = extract(
        "<title>Harbour Diary: A wet week at the quay</title>",
        '<div class="header"><h1 class="title"><a href="/">Harbour Diary</a></h1>'
        '<p class="description">Notes from the quay</p></div>',
    )
    assert (article.title, article.site_name) == ("A wet week at the quay", "Harbour Diary")


def test_a_menu_s_link_to_the_page_itself_is_no_logo() -> None:
    """A documentation menu marks the current page with `href="#"`: not a home link, so the
    page's own name in it is not the site's."""
    article = extract(
        "<title>Configuration — tidecalc 2.1 documentation</title>",
        '<ul><li><a href="install.html">Installation</a></li>'
        '<li class="current"><a href="#">Configuration</a></li></ul><h1>Configuration</h1>',
    )
    assert (article.title, article.site_name) == ("Configuration", "")


# A word naming a kind of page ends many titles: the section, not the site.


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Bus routes to be cut in north - News", "Bus routes to be cut in north"),
        ("Bus routes to be cut in north | Blog", "Bus routes to be cut in north"),
        (
            "港の水位 過去最高に 専門家「対策急ぐべき」 | ニュース",
            "港の水位 過去最高に 専門家「対策急ぐべき」",
        ),
        (
            "Buslinien im Norden werden gestrichen - Nachrichten",
            "Buslinien im Norden werden gestrichen",
        ),
    ],
)
def test_a_generic_word_after_the_headline_is_no_source(title: str, headline: str) -> None:
    article = extract(
        f"<title>{title}</title>", f'<h1>{headline}</h1><a href="/">{title.split()[-1]}</a>'
    )
    assert article.site_name == ""


def test_a_generic_word_the_page_declares_as_its_site_s_name_is_the_source() -> None:
    article = extract(
        '<title>Bus routes to be cut in north - News</title><meta property="og:site_name"'
        ' content="News">',
        "<h1>Bus routes to be cut in north</h1>",
    )
    assert article.site_name == "News"


def test_a_title_or_site_name_is_compared_over_its_first_characters_whoever_asks() -> None:
    """The cap that keeps thousands of separators from being compared one by one (acc29c S9)
    holds at the entry of what compares titles, not in one caller."""
    doc = lxml.html.fromstring("<html><body><p>No heading.</p></body></html>")
    title, name = "Bus routes to be cut" + " | b" * 3000, "Metro Gazette" + " | c" * 3000
    url = "https://news.example/bus"
    assert len(article_title(doc, [title], title, [name], url)) <= TITLE_MOST
    assert site_name_alone(name, [], [title], url) == name[:TITLE_MOST]
    assert site_name_of_title(doc, [title + " | Metro Gazette"], url) == ""
