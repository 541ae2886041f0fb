"""A date the feed gave, cited for a page that states none, is said to be the feed's (acc21b
F19): in the citation (`reader show`, `y`), in the JSON (`published_source`), in the reading
view's header. The page may print a date in words the reader can't read yet, and a journalist
must know that the date cited is only the feed's. Real parts: the pages and the feed served on
127.0.0.1, the store on disk, the app driven by Pilot."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.cli.common import render
from reader.codec import article_to_json
from reader.library import Library
from reader.models import Article
from tests.test_quoted_markdown import copied_by, copies
from tests.tui_pilot import reading

TITLE = "Ferry timetable cut for the winter"
STORY = "".join(
    f"<p>{text}</p>"
    for text in (
        "The island's ferry will sail twice a day from the first of December, the operator "
        "said, instead of the five crossings of the summer timetable.",
        "Islanders said the early sailing carries pupils to the mainland school and asked the "
        "council to keep it; the operator said it would look again in March.",
        "The council's transport committee meets on Tuesday to discuss a subsidy for the route, "
        "which its chair called a lifeline for the island's three hundred households.",
    )
)
# The date in words the page writes it in ("Kamis, 3 Desember 2026" is in no `<meta>`): here a
# date line the reader doesn't take for one, as in a language it can't read yet.
UNDATED = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | Island Times</title></head><body><article><h1>{TITLE}</h1>
<p class="when">On the third day of the last month, at twenty past two</p>
{STORY}</article></body></html>"""
DATED = UNDATED.replace(
    "<title>", '<meta property="article:published_time" content="2026-12-01T06:30:00Z"><title>'
)
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Island Times</title>
<item><title>{title}</title><link>{link}</link><guid>{link}</guid>
<pubDate>Thu, 03 Dec 2026 20:00:00 GMT</pubDate></item></channel></rss>"""


def synced(data_dir: Path, page: str) -> Article:
    """The article a sync caches of a feed's one item, dated 3 December 20:00 by the feed,
    whose page is `page`; the server stopped after."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    link = server.url_for("/ferry.html")
    server.expect_request("/feed.xml").respond_with_data(
        FEED.format(title=TITLE, link=link), content_type="application/rss+xml"
    )
    server.expect_request("/ferry.html").respond_with_data(page, content_type="text/html")

    async def run() -> Article:
        async with Library(data_dir) as lib:
            lib.add_feed(server.url_for("/feed.xml"))
            assert (await lib.sync()).articles_fetched == 1
            article = lib.cached_article(link)
            assert article is not None
            return article

    try:
        return asyncio.run(run())
    finally:
        server.stop()


def test_a_date_only_the_feed_gave_is_cited_as_the_feeds(data_dir: Path) -> None:
    article = synced(data_dir, UNDATED)
    assert article.published_by_feed
    citation = render(article, "markdown").split("\n\n")[0]
    assert "Published: 2026-12-03T20:00:00+00:00 (per the feed)" in citation
    shown = article_to_json(article)
    assert shown["published"] == "2026-12-03T20:00:00+00:00"
    assert shown["published_source"] == "feed"
    # feedparser gives an RSS item's pubDate as its update too: the same time, no revision.
    assert shown["updated_source"] in ("feed", None)
    assert "Updated" not in citation


def test_the_pages_own_date_is_cited_as_it_is(data_dir: Path) -> None:
    article = synced(data_dir, DATED)
    assert not article.published_by_feed
    citation = render(article, "markdown").split("\n\n")[0]
    assert "Published: 2026-12-01T06:30:00+00:00  \n" in citation
    assert "per the feed" not in render(article, "markdown")
    assert article_to_json(article)["published_source"] == "page"


def test_the_pages_time_without_a_zone_takes_the_feeds_zone_for_the_same_time(
    data_dir: Path,
) -> None:
    """The page's "3 December 2026, 20:00" (no zone) beside the feed's 20:00 GMT was cited
    "(zone not given)" (acc31b M11): the same wall-clock time, so the feed's zone is its
    zone. Still the page's date; a page's other time keeps its unknown zone."""
    same = UNDATED.replace(
        "On the third day of the last month, at twenty past two", "3 December 2026, 20:00"
    )
    article = synced(data_dir, same)
    shown = article_to_json(article)
    assert shown["published"] == "2026-12-03T20:00:00+00:00"
    assert shown["published_source"] == "page"
    other = UNDATED.replace(
        "On the third day of the last month, at twenty past two", "3 December 2026, 18:00"
    )
    assert article_to_json(synced(data_dir / "other", other))["published"] == (
        "2026-12-03T18:00:00"
    )


def test_reextraction_keeps_a_feeds_date_said_so(data_dir: Path) -> None:
    """Extracted again from the kept page (an upgrade's `reader reextract`), the article takes
    its date from the copy cached before, which had it from the feed: still the feed's."""
    article = synced(data_dir, UNDATED)

    async def run() -> Article | None:
        async with Library(data_dir) as lib:
            result = await lib.reextract()
            done, failures = result.done, result.failures
            assert done == 1 and not failures
            return lib.cached_article(article.url)

    again = asyncio.run(run())
    assert again is not None and again.published == article.published
    assert again.published_by_feed


def test_a_record_from_before_dates_were_said_whose_has_the_feeds_said_so_once_read_again(
    data_dir: Path,
) -> None:
    """An article cached by an older reader, its date the feed's but not said so: extracted
    again (as it is on opening it after an upgrade), the page states no date, so the one the
    old copy carries was the feed's."""
    article = synced(data_dir, UNDATED)
    old = replace(article, published_by_feed=False, updated_by_feed=False, extractor=38)

    async def run() -> Article | None:
        async with Library(data_dir) as lib:
            lib.store.put_article(article.url, old)
            result = await lib.reextract()
            done, failures = result.done, result.failures
            assert done == 1 and not failures
            return lib.cached_article(article.url)

    again = asyncio.run(run())
    assert again is not None and again.published_by_feed


def test_the_reading_view_and_its_citation_say_the_date_is_the_feeds(data_dir: Path) -> None:
    synced(data_dir, UNDATED)

    async def run() -> tuple[str, list[str]]:
        async with reading(data_dir, "Ferry timetable", (120, 40)) as (app, pilot, body):
            copied = copies(app)
            await copied_by(pilot, copied, "y")
            return body.text.splitlines()[1], copied

    meta, copied = asyncio.run(run())
    # TZ=UTC in tests.
    assert meta.endswith("Thursday 3 December 2026, 20:00 UTC (per the feed)"), meta
    assert copied and "Published: 2026-12-03T20:00:00+00:00 (per the feed)" in copied[-1]


# A page declaring two publication dates weeks apart, and nothing else to tell them by: the
# JSON-LD's is a draft's, left by the CMS (the story went out on 3 December, as its feed says).
TWO_DATES = UNDATED.replace(
    "<title>",
    '<meta property="article:published_time" content="2026-12-03T19:40:00Z">'
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry",'
    ' "datePublished": "2026-11-12T08:00:00Z"}</script><title>',
)


def test_the_feeds_date_decides_between_two_the_page_declares(data_dir: Path) -> None:
    """Cited by the earlier of its two declarations, the story was dated three weeks before it
    went out, its real date given as an update; the feed, dating the item 3 December, is the
    witness: the page's own 19:40 is cited, said to be the page's, and stays so when the page
    is extracted again (an upgrade's `reader reextract`), offline, with no feed to ask."""
    article = synced(data_dir, TWO_DATES)
    shown = article_to_json(article)
    assert shown["published"] == "2026-12-03T19:40:00+00:00"
    assert shown["published_source"] == "page"
    assert article.updated is None

    async def run() -> Article | None:
        async with Library(data_dir) as lib:
            assert (await lib.reextract()).done == 1
            return lib.cached_article(article.url)

    again = asyncio.run(run())
    assert again is not None and again.published == article.published


def test_the_feeds_date_never_stands_for_the_pages_own(data_dir: Path) -> None:
    """A feed dating the item on neither of the page's days decides nothing: the page's earlier
    date is cited, as without a feed, and no date of the feed's is made the page's."""
    other = TWO_DATES.replace("2026-12-03T19:40:00Z", "2026-12-20T19:40:00Z")
    article = synced(data_dir, other)
    shown = article_to_json(article)
    assert shown["published"] == "2026-11-12T08:00:00+00:00"
    assert shown["published_source"] == "page"


def test_an_undated_amp_version_of_a_page_that_gave_nothing_is_cited_with_the_feeds_date(
    data_dir: Path,
) -> None:
    """A page scripts fill, its feed carrying no text, read from its AMP version, which states
    no date: cited with no date at all, where any other page stating none is cited with the
    feed's, said so."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    link = server.url_for("/ferry.html")
    shell = f"""<!doctype html><html lang="en"><head><title>{TITLE}</title>
<link rel="amphtml" href="/amp/ferry.html"></head><body><div id="root"></div></body></html>"""
    server.expect_request("/feed.xml").respond_with_data(
        FEED.format(title=TITLE, link=link), content_type="application/rss+xml"
    )
    server.expect_request("/ferry.html").respond_with_data(shell, content_type="text/html")
    server.expect_request("/amp/ferry.html").respond_with_data(UNDATED, content_type="text/html")

    async def run() -> Article | None:
        async with Library(data_dir) as lib:
            lib.add_feed(server.url_for("/feed.xml"))
            assert (await lib.sync()).articles_fetched == 1
            return lib.cached_article(link)

    try:
        article = asyncio.run(run())
    finally:
        server.stop()
    assert article is not None and article.page_url.endswith("/amp/ferry.html")
    citation = render(article, "markdown").split("\n\n")[0]
    assert "Published: 2026-12-03T20:00:00+00:00 (per the feed)" in citation


def test_the_feeds_date_is_kept_in_the_record_and_a_damaged_one_costs_no_article(
    data_dir: Path,
) -> None:
    from reader.codec import article_from_dict, article_to_dict

    article = synced(data_dir, TWO_DATES)
    record = article_to_dict(article)
    assert record["feed_date"] == "2026-12-03T20:00:00+00:00"
    assert article_from_dict(record) == article
    for damaged in ("the third of December", 20261203, ["2026"]):
        read = article_from_dict({**record, "feed_date": damaged})
        assert read.feed_date is None and read.blocks == article.blocks
    assert "feed_date" not in article_to_json(article)


def test_the_feeds_date_never_makes_a_revision_the_publication() -> None:
    """A feed dating the item by its latest revision (an Atom feed's `updated` alone) agrees
    with the page's declared revision: the publication stays the page's first date."""
    from datetime import UTC, datetime

    from reader.extract import extract_article

    revised = TWO_DATES.replace(
        '"datePublished": "2026-11-12T08:00:00Z"',
        '"datePublished": "2026-11-12T08:00:00Z", "dateModified": "2026-12-03T19:40:00Z"',
    )
    fed = datetime(2026, 12, 3, 20, 0, tzinfo=UTC)
    article = extract_article(revised, "https://times.example/ferry.html", fed=fed)
    assert article.published == datetime(2026, 11, 12, 8, 0, tzinfo=UTC)
    assert article.updated == datetime(2026, 12, 3, 19, 40, tzinfo=UTC)
    # The page alone, as `reader extract` reads it: the same, the feed deciding nothing here.
    assert extract_article(revised, "https://times.example/ferry.html").published == (
        article.published
    )
