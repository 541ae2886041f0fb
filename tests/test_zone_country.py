"""An "IST" or "GST" dateline on a page declaring a bare `lang="en"` (The Hindu, Hindustan
Times, Gulf papers) read in the zone of the country the page says it is of otherwise: a region
in its locale, its address or name, the offset of its declared times, the city its dateline or
byline names. A page that says none of these keeps its time without a zone: IST is also
Ireland's and Israel's, GST a sales tax."""

from __future__ import annotations

import json

import pytest

from reader.dates import stated_iso
from reader.extract import extract_article

BODY = """<div class="story-content">
<p>The river authority opened the sluice gates of the upper reservoir on Tuesday night after
three days of heavy rain in the catchment, officials said in a statement.</p>
<p>Residents of the low-lying wards along the embankment were asked to move to the relief camps
set up in six schools, and the ferry across the river was suspended until further notice.</p>
<p>The water level at the gauge near the old bridge stood at 14.2 metres at midnight, half a
metre below the danger mark, the authority said.</p></div>"""


def page(
    dateline: str,
    head: str = "",
    byline: str = '<div class="author">Meera Pillai</div>',
    lang: str = "en",
    body: str = BODY,
) -> str:
    """A regional paper's story: its headline, byline and a date line under them (none for
    ""), no date in its markup unless `head` adds one."""
    line = f'<p class="publish-time">{dateline}</p>' if dateline else ""
    return f"""<html lang="{lang}"><head><title>Sluice gates opened as reservoir fills</title>
<meta property="og:title" content="Sluice gates opened as reservoir fills">{head}</head><body>
<div class="masthead"><a href="/">Front page</a> <a href="/epaper">E-paper</a></div>
<div class="article-wrap"><h1 class="title">Sluice gates opened as reservoir fills</h1>
{byline}{line}
<div class="share"><a>Share</a> <a>Copy link</a></div>{body}</div></body></html>"""


def dates(html: str, url: str = "") -> tuple[str | None, str | None]:
    article = extract_article(html, url)
    return (
        stated_iso(article.published) if article.published else None,
        stated_iso(article.updated) if article.updated else None,
    )


IST = "December 02, 2026 10:40 pm IST"
GST = "December 02, 2026 10:40 pm GST"


@pytest.mark.parametrize(
    ("dateline", "head", "url", "expected"),
    [
        # The page's locale names its region though its `lang` doesn't.
        (IST, '<meta property="og:locale" content="en_IN">', "", "2026-12-02T22:40:00+05:30"),
        # Its address: a host of India's domain, as the page's canonical or as it was fetched.
        (
            IST,
            '<link rel="canonical" href="https://www.riverside-news.co.in/story/sluice">',
            "",
            "2026-12-02T22:40:00+05:30",
        ),
        (IST, "", "https://riverside-news.in/story/sluice", "2026-12-02T22:40:00+05:30"),
        # An Indian paper on a `.com` address, by its address or by its name.
        (
            IST,
            '<link rel="canonical" href="https://www.hindustantimes.com/cities/sluice-1017.html">',
            "",
            "2026-12-02T22:40:00+05:30",
        ),
        (
            IST,
            '<meta property="og:site_name" content="The Hindu">',
            "",
            "2026-12-02T22:40:00+05:30",
        ),
        # The city its date line names (The Hindu's "… IST - CHENNAI").
        (f"Published - {IST} - CHENNAI", "", "", "2026-12-02T22:40:00+05:30"),
        # Gulf papers: GST is +04:00.
        (GST, '<meta property="og:locale" content="en_AE">', "", "2026-12-02T22:40:00+04:00"),
        (
            GST,
            '<link rel="canonical" href="https://www.khaleejtimes.com/uae/sluice">',
            "",
            "2026-12-02T22:40:00+04:00",
        ),
        (f"{GST}, Dubai", "", "", "2026-12-02T22:40:00+04:00"),
    ],
)
def test_an_ist_or_gst_is_read_by_the_country_the_page_says(
    dateline: str, head: str, url: str, expected: str
) -> None:
    assert dates(page(dateline, head), url)[0] == expected


def test_a_byline_naming_an_indian_city_places_the_date_line_beside_it() -> None:
    """Hindustan Times's byline box: "By …, New Delhi" and "Updated on … IST" in two `<div>`s
    of one short box."""
    box = (
        '<div class="actionDiv"><div class="storyBy">By <a>Meera Pillai</a>, New Delhi</div>'
        '<div class="dateTime">Updated on Dec 03, 2026 11:32 AM IST</div></div>'
    )
    assert dates(page("", byline=box)) == (None, "2026-12-03T11:32:00+05:30")


def test_a_declared_time_at_indias_offset_gives_the_date_lines_ist_its_zone() -> None:
    """The page's JSON-LD declares only its revision, at +05:30; the publication is the date
    line's "IST": India's."""
    ld = {"@type": "NewsArticle", "dateModified": "2026-12-03T09:05:00+05:30"}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    assert dates(page(f"Published: {IST}", head)) == (
        "2026-12-02T22:40:00+05:30",
        "2026-12-03T09:05:00+05:30",
    )


@pytest.mark.parametrize(
    ("dateline", "head", "url"),
    [
        # Nothing says the country: IST is also Ireland's and Israel's, GST Georgia's or a tax.
        (IST, "", "https://riverside-news.example/story/sluice"),
        (GST, "", "https://riverside-news.example/story/sluice"),
        # An Indian paper's GST is no zone of India's.
        (GST, "", "https://www.thehindu.com/news/sluice"),
        # A time declared at another offset, or at UTC, says nothing of India.
        (
            IST,
            '<meta property="article:modified_time" content="2026-12-03T09:05:00Z">',
            "",
        ),
        (
            IST,
            '<meta property="article:modified_time" content="2026-12-03T09:05:00+01:00">',
            "",
        ),
        # A city named in the story's text is not the date line's place.
        (IST, "", ""),
    ],
)
def test_an_ist_or_gst_of_no_country_said_keeps_no_zone(dateline: str, head: str, url: str) -> None:
    html = page(dateline, head).replace("the old bridge", "the old bridge in Chennai")
    published, _ = dates(html, url)
    assert published == "2026-12-02T22:40:00"


def test_a_page_declaring_its_countrys_language_keeps_its_own_reading() -> None:
    """English of Ireland on an Indian paper's address (a syndicated copy): the page's own
    declaration of its language decides, as it did."""
    url = "https://www.thehindu.com/news/sluice"
    assert dates(page(IST, lang="en-IE"), url)[0] == "2026-12-02T22:40:00+01:00"
    assert dates(page(IST, lang="he"), url)[0] == "2026-12-02T22:40:00+02:00"
    # The article keeps the language it declares.
    assert extract_article(page(IST), url).language == "en"


def test_a_date_line_opening_the_body_is_placed_by_its_city() -> None:
    """The line as the body's first paragraph, in no element named a date: read as the
    header's line, its "CHENNAI" placing its IST."""
    line = "<p>Updated - December 02, 2026 10:40 pm IST - CHENNAI</p>"
    body = BODY.replace('<div class="story-content">', f'<div class="story-content">{line}')
    assert dates(page("", body=body)) == (None, "2026-12-02T22:40:00+05:30")


@pytest.mark.parametrize(
    ("url", "head", "expected"),
    [
        ("https://northerntide.example.co.uk/news/sluice", "", "2026-12-02T18:40:00"),
        ("https://tide.example.ie/news/sluice", "", "2026-12-02T18:40:00"),
        ("https://tide.example.com.au/news/sluice", "", "2026-12-02T18:40:00"),
        ("https://tide.example.nz/news/sluice", "", "2026-12-02T18:40:00"),
        # The locale a British site declares beside its bare `lang`.
        ("", '<meta property="og:locale" content="en_GB">', "2026-12-02T18:40:00"),
        # A `.com` is the United States' as much as anyone's: left unread, as before.
        ("https://tide.example.com/news/sluice", "", None),
    ],
)
def test_a_slashed_date_on_a_bare_en_page_is_read_day_first_by_its_country(
    url: str, head: str, expected: str | None
) -> None:
    """acc27a A20: "Published: 02/12/2026 18:40" on a `lang="en"` page of a `.co.uk` host got
    no date; the host's country settles the order, day first."""
    assert dates(page("Published: 02/12/2026 18:40", head), url)[0] == expected
