"""The publication date a citation gives, as a features editor checks it (acc39a): a date only
the address gives is the publication's (L15); an obituary's "born …" is never the publication
date (L16). Real parts: the pages through the real extractor.
"""

from __future__ import annotations

from datetime import UTC, datetime

from reader.dates import date_only
from reader.extract import extract_article
from tests.test_byline_boxes import URL, story

DATED_URL = "https://courier.example/2026/11/23/dredging-audit.html"


def test_a_date_only_the_address_gives_is_the_publication() -> None:
    article = extract_article(story('<p class="byline">By Maren Holt</p>'), DATED_URL)
    assert article.published is not None and date_only(article.published)
    assert article.published.date().isoformat() == "2026-11-23"


def test_the_pages_own_date_wins_over_its_address() -> None:
    top = '<p class="byline">By Maren Holt</p><p class="meta">Published: 03.11.2026, 09:00</p>'
    article = extract_article(story(top), DATED_URL)
    assert article.published is not None and not date_only(article.published)
    assert article.published.date().isoformat() == "2026-11-03"


def test_no_address_date_where_the_feed_dates_the_item_or_for_a_day_to_come() -> None:
    fed = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    article = extract_article(story(), DATED_URL, fed=fed)
    assert article.published is None  # the feed's date fills it, said to be the feed's
    article = extract_article(story(), "https://courier.example/2099/01/02/x.html")
    assert article.published is None


def test_an_obituarys_birth_date_is_not_its_publication() -> None:
    """Was published 1941-05-03."""
    life = (
        '<p class="dates"><b>Eileen Marsh, lifeboat coxswain, born 3 May 1941; died 12 November'
        " 2026</b></p>"
    )
    article = extract_article(story('<p class="byline">By Tom Averill</p>' + life), URL)
    assert article.published is None
    dated = '<p class="dates">Published 18 November 2026</p>'
    article = extract_article(story('<p class="byline">By Tom Averill</p>' + dated + life), URL)
    assert article.published is not None
    assert article.published.date().isoformat() == "2026-11-18"
