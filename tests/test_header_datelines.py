"""A date line in the article's header, beside the headline and the byline but outside the
body's box and any `<article>` (The Hindu's `p.publish-time-new`, Caixin's `span.time`): read
when the page's markup declares no date. A masthead's date of the day is not the article's."""

from __future__ import annotations

import pytest

from reader.dates import stated_iso
from reader.extract import extract_article

BODY = """<div class="story-body">
<p>The tunnel boring machine working on the harbour stretch of the city's metro broke through
at the depot on Monday, the metro's operating company said in a statement.</p>
<p>The machine had been launched from the river shaft in January and covered nearly two
kilometres in eleven months, slowed by clay and weathered rock during the monsoon.</p>
<p>The corridor is scheduled to open to the public in 2028, officials said, with six stations
between the depot and the bus terminus.</p></div>"""


def hindu_shape(dateline: str, lang: str = "en") -> str:
    """The Hindu's header: the headline, a standfirst, the byline, then the date line, each a
    sibling in the page's container, the body's box after them."""
    return f"""<html lang="{lang}"><head><title>Metro tunnel reaches depot - The Courier</title>
</head><body><div class="top-header"><a href="/">The Courier</a> <a href="/epaper">e-Paper</a>
</div><div class="container article-section">
<h1 class="title">Metro tunnel boring machine reaches the depot</h1>
<h2 class="sub-title">The machine covered nearly two kilometres in eleven months</h2>
<div class="author-name"><a href="/profile/ravi-menon">Ravi Menon</a></div>
{dateline}<div class="share-page"><a>Facebook</a> <a>Copy link</a></div>{BODY}</div>
</body></html>"""


def published(page: str) -> str | None:
    article = extract_article(page, "https://courier.example/metro-tunnel")
    return stated_iso(article.published) if article.published else None


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        (
            '<p class="publish-time-new">December 2, 2026 10:40 PM ET</p>',
            "2026-12-02T22:40:00-05:00",
        ),
        # Caixin's: the time beside the byline, in a box of their own under the standfirst.
        (
            '<div class="author-time"><span class="author">By Ravi Menon</span> '
            '<span class="time">Dec 02, 2026 03:45 PM</span></div>',
            "2026-12-02T15:45:00",
        ),
        # A bare `<time>` with the date as its text.
        ("<p><time>12/02/2026 02:12 PM EST</time></p>", "2026-12-02T14:12:00-05:00"),
    ],
)
def test_a_date_line_in_the_header_dates_the_article(dateline: str, expected: str) -> None:
    assert published(hindu_shape(dateline)) == expected


def test_a_byline_box_of_two_lines_is_read_line_by_line() -> None:
    """Hindustan Times's byline box holds "By …, New Delhi" and "Updated on …" in two `<div>`s:
    their words run together ("New DelhiUpdated on") hid the label, and the revision's time was
    taken for the publication's. Its "New Delhi" says the IST is India's (test_zone_country)."""
    line = (
        '<div class="actionDiv"><div class="storyBy">By <a>Ravi Menon</a>, New Delhi</div>'
        '<div class="dateTime">Updated on Dec 03, 2026 11:32 AM IST</div></div>'
    )
    article = extract_article(hindu_shape(line), "https://courier.example/metro-tunnel")
    assert article.published is None
    assert article.updated is not None
    assert stated_iso(article.updated) == "2026-12-03T11:32:00+05:30"


def test_a_mastheads_date_of_the_day_dates_no_article() -> None:
    """A site's `<h1>` in its masthead with today's date under it: not the article's header
    (the article's headline here an `<h2>`)."""
    page = (
        hindu_shape("")
        .replace('<h1 class="title">', '<h2 class="title">')
        .replace("</h1>", "</h2>")
        .replace(
            '<div class="top-header">',
            '<div class="top-header"><h1 class="site-logo">The Courier</h1>'
            '<p class="today-date">December 3, 2026</p>',
        )
    )
    assert "<h1" in page and published(page) is None


def test_a_date_after_a_long_text_under_the_headline_is_not_the_headlines() -> None:
    """The headline, then the story, then a box dated as a reader's comment is: too far down."""
    story = " ".join(["The council met again on Tuesday to discuss the harbour plans."] * 8)
    page = hindu_shape(
        f'<div class="teaser">{story}</div><p class="comment-time">December 1, 2026</p>'
    )
    assert published(page) is None
