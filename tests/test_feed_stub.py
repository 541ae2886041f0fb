"""A paywalled page that is a stub of its feed's whole text (acc44c C2): a lead paragraph, then
a "Subscribe to read the rest" box, while the feed item's `content:encoded` carries the whole
article, four times the words. The wall's lines no cleanup knows for offers (a price line, what
a subscription brings), counted as the article's, made the stub look long enough to keep; now
the feed's text opening with the page's and going on far past it is the article, said in the
reading view as the feed's whole text. A feed's text that is another thing (comments, a
digest) or a page that goes on with a text of its own keeps the page. With the feed's summary
only, a teaser ending on a marker ("This article continues for subscribers"), or on a wall whose
own lines follow it, says it is part of the article. Real parts: the feed and page served on
127.0.0.1, the store on disk, the TUI under Pilot.
"""

from __future__ import annotations

import asyncio
import dataclasses
import html
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.extract import extract_article, to_text
from reader.extract.paywall import FOR_SUBSCRIBERS
from reader.extractor_version import EXTRACTOR
from reader.library import Library
from reader.models import FEED_CONTENT_MARK, FEED_WHOLE, Block, BlockKind, Inline
from reader.store import Store
from tests.served_feed import serve_site

TITLE = "Recycling centre to close for 18 months"
STORY = [
    "The county council has agreed to close the Wrenfield household recycling centre for "
    "eighteen months while its weighbridge, drainage and access road are rebuilt, sending "
    "residents of the eastern villages to the Marsh Lane site eleven miles away.",
    "Councillors voted the plan through on Wednesday evening after a debate of nearly three "
    "hours, in which members for the affected wards said older residents without cars would "
    "have nowhere to take garden waste, old furniture or broken appliances.",
    "The council's own consultation drew more than two thousand replies, most of them against "
    "the closure, and a petition by the parish councils of Stainby and Little Wrenfield "
    "gathered four thousand names in a month.",
    "The cabinet member for waste said the contractor had priced the work at four million "
    "pounds, and that patching the weighbridge again would cost nearly as much within five "
    "years without fixing the flooding that closes the site most winters.",
    "A temporary site on the old depot land off Quarry Road was looked at and ruled out, she "
    "said, because its only entrance crosses the primary school's drop-off lane.",
    "Instead a van will call at the village halls in Stainby, Hobb's End and Little Wrenfield "
    "on alternate Saturday mornings to take small electrical items, textiles and batteries.",
    "Opposition councillors asked for the closure to be put off until a second site could be "
    "opened, and said the van would do nothing for anyone clearing a house or a garden.",
    "The centre is due to close on the first of February and to reopen, the council hopes, in "
    "the late summer of the following year.",
]
# The wall's lines loose in the article: the cleanup drops the two saying a wall's words, and
# kept the price and what a subscription brings as the article's.
LOOSE_WALL = (
    "<h2>Subscribe to read the rest</h2>"
    '<p>Already a subscriber? <a href="/login">Sign in</a></p>'
    "<p>Just £1 for your first three months, then £6.99 a month. Cancel any time online.</p>"
    "<p>Every story, the e-edition, the daily puzzles and our archive back to 1898.</p>"
)
# A wall written as a paragraph of prose, longer than any box of offers.
PROSE_WALL = (
    '<div class="article-promo"><p>This is a subscriber-only story. To read on, take out a '
    "subscription to the Wrenfield Echo: just £1 for your first three months, then £6.99 a "
    "month, with every story, the e-edition, the puzzles and the archive, ad-light on every "
    "device, and newsletters from our reporters every weekday morning. Cancel whenever you "
    "like, online, in two clicks. Already a subscriber? Sign in to read the rest of this story "
    "and every other story on the site.</p></div>"
)
# A box the page shows in the rest's place, known for a wall: the teaser is cut before it.
BOXED_WALL = (
    '<div class="subscribe-box"><h3>Subscribe to read the rest</h3><p>Already a subscriber? '
    '<a href="/login">Sign in</a></p><p>£1 for 3 months.</p></div>'
)


def paragraphs(story: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in story)


def page(body: str) -> str:
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | Wrenfield Echo</title><meta property="og:site_name" content="Wrenfield Echo">
</head><body><header><nav><a href="/">Home</a> <a href="/news">News</a>
<a href="/subscribe">Subscribe</a> <a href="/login">Sign in</a></nav></header>
<main><article><h1>{TITLE}</h1><p class="byline">By Tamsin Ferrar</p>
{body}</article></main><footer><p>© Wrenfield Echo</p></footer></body></html>"""


def from_feed(story: list[str]) -> str:
    """The feed's whole text of the item, as the store gives it to the extractor."""
    return FEED_CONTENT_MARK + paragraphs(story)


URL = "https://echo.example/news/recycling"


@pytest.mark.parametrize(
    ("teaser", "wall", "whole"),
    [
        (1, LOOSE_WALL, 4),  # the feed four times the lead
        (1, PROSE_WALL, 4),
        (2, LOOSE_WALL, 8),
        (2, BOXED_WALL, 4),  # the wall known; the feed twice the teaser
    ],
    ids=["loose-wall", "prose-wall", "two-paragraphs", "known-wall-twice"],
)
def test_the_feeds_whole_text_stands_in_for_a_stub_of_it(
    teaser: int, wall: str, whole: int
) -> None:
    stub = page(paragraphs(STORY[:teaser]) + wall)
    article = extract_article(stub, URL, None, from_feed(STORY[:whole]))
    assert article.partial and article.stood_in_for == FEED_WHOLE
    assert article.incomplete == "" and not article.in_part
    text = to_text(article)
    assert all(p in text for p in STORY[:whole])
    assert "£" not in text and "Subscribe" not in text and "subscriber" not in text


@pytest.mark.parametrize("feed_text", [paragraphs(STORY[:4]), ""], ids=["summary", "none"])
def test_a_stub_with_no_feed_text_is_kept_as_a_teaser_without_its_walls_lines(
    feed_text: str,
) -> None:
    """Only the feed's whole text stands in: a summary, however long, is no article. The page's
    teaser is kept, said to be the start of the article, and the lines its wall left loose after
    it (its price, what a subscription brings) are not kept as the article's."""
    stub = page(paragraphs(STORY[:1]) + LOOSE_WALL)
    article = extract_article(stub, URL, None, feed_text)
    assert not article.partial and article.incomplete == FOR_SUBSCRIBERS
    text = to_text(article)
    assert STORY[0] in text
    assert "£" not in text and "e-edition" not in text


def test_a_page_going_on_with_a_text_of_its_own_is_kept() -> None:
    """The page opens as the feed's text does, then tells more of its own (an edited version):
    its words the feed lacks are no wall's leftovers."""
    own = [
        f"{sentence} The council's spokesman added this in a statement on Thursday morning, "
        "after the vote, when asked about the eastern villages and the bus service."
        for sentence in STORY[2:6]
    ]
    whole_page = page(paragraphs(STORY[:1] + own))
    article = extract_article(whole_page, URL, None, from_feed(STORY[:5]))
    assert not article.partial
    assert all(p in to_text(article) for p in own)


@pytest.mark.parametrize(
    "feed_text",
    [
        # Readers' comments under the story: another text.
        paragraphs(
            [
                f"Comment {n}: my mother has no car and Marsh Lane is two buses away from "
                "Stainby; the van on alternate Saturdays will not take a fridge or a sofa."
                for n in range(12)
            ]
        ),
        # A digest of the week's stories, this one's lead the first.
        paragraphs(
            [
                *STORY[:1],
                *(
                    f"Also this week, story {n}: the bypass opening is put back again, the "
                    "choir of St Anne's wins its prize and the market moves to Fridays."
                    for n in range(8)
                ),
            ]
        ),
    ],
    ids=["comments", "digest"],
)
def test_a_feed_text_of_another_thing_leaves_a_whole_page(feed_text: str) -> None:
    whole_page = page(paragraphs(STORY[:4]))
    article = extract_article(whole_page, URL, None, FEED_CONTENT_MARK + feed_text)
    assert not article.partial
    assert all(p in to_text(article) for p in STORY[:4])


MARKED_TITLE = "Quarry Road depot sold to housing trust"
MARKED_STORY = [
    "The council has sold the old depot off Quarry Road to the Wrenfield Housing Trust for one "
    "pound, on condition that it builds forty homes for rent there within five years.",
    "The trust said the first twelve homes could be ready in two years if the planning "
    "committee agreed to the plans it will submit in the spring.",
]
MARKER = "<p><em>This article continues for subscribers.</em></p>"


def rss(base: str) -> str:
    """Two items: the stub's, carrying the whole story; the marked teaser's, a summary only."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Wrenfield Echo</title><link>{base}/</link>
<item><title>{TITLE}</title><link>{base}/news/recycling</link><guid>recycling</guid>
<description>The Wrenfield tip shuts in February for a rebuild.</description>
<content:encoded>{html.escape(paragraphs(STORY[:4]))}</content:encoded></item>
<item><title>{MARKED_TITLE}</title><link>{base}/news/depot</link><guid>depot</guid>
<description>Forty homes for rent on the old depot.</description></item>
</channel></rss>"""


@pytest.fixture
def site(own_server: HTTPServer) -> HTTPServer:
    pages = {
        "/news/recycling": page(paragraphs(STORY[:1]) + LOOSE_WALL),
        "/news/depot": page(paragraphs(MARKED_STORY) + MARKER).replace(TITLE, MARKED_TITLE),
    }
    return serve_site(own_server, rss, pages)


def test_a_synced_stub_is_read_whole_from_the_feed_and_a_marked_teaser_says_it_is_part(
    site: HTTPServer, data_dir: Path
) -> None:
    from tests.tui_pilot import open_row, running, screen_text, table

    async def sync() -> None:
        async with Library(data_dir, workers="thread") as lib:
            lib.add_feed(site.url_for("/feed.xml"))
            report = await lib.sync()
            assert report.ok and report.articles_fetched == 2

    asyncio.run(sync())
    store = Store(data_dir)
    stub = store.article(site.url_for("/news/recycling"))
    teaser = store.article(site.url_for("/news/depot"))
    store.close()
    assert stub is not None and stub.stood_in_for == FEED_WHOLE and not stub.in_part
    text = to_text(stub)
    assert all(p in text for p in STORY[:4]) and "£" not in text
    assert teaser is not None and teaser.incomplete == FOR_SUBSCRIBERS and teaser.in_part
    assert "continues" not in to_text(teaser)

    async def read() -> None:
        async with running(data_dir, (120, 40), prefetch=False) as (app, pilot):
            rows = table(app).rows
            for title, said, text, unsaid in (
                (TITLE, "the whole text as the feed carried it", STORY[3], "£6.99"),
                (
                    MARKED_TITLE,
                    "Not all of it: the page is for subscribers and shows only the start",
                    MARKED_STORY[1],
                    "continues for subscribers",
                ),
            ):
                await open_row(pilot, next(i for i, h in enumerate(rows) if h.entry.title == title))
                shown = " ".join(screen_text(app).split())
                assert said in shown and text[:60] in shown and unsaid not in shown
                await pilot.press("escape")

    asyncio.run(read())


def test_a_stub_an_older_extractor_cached_is_read_whole_when_extracted_again_offline(
    site: HTTPServer, data_dir: Path
) -> None:
    """What was cached before stays, the page and the feed's text kept beside it: extracted
    again (`reader reextract --outdated`, as an upgrade asks), the stub gives way offline."""
    link = site.url_for("/news/recycling")

    async def sync() -> None:
        async with Library(data_dir, workers="thread") as lib:
            lib.add_feed(site.url_for("/feed.xml"))
            await lib.sync()
            # The stub as the extractor before this one kept it.
            stub = extract_article(page(paragraphs(STORY[:1]) + LOOSE_WALL), link, None, "")
            price = Block(BlockKind.PARAGRAPH, (Inline("Just £1 a month. Cancel any time."),))
            stub = dataclasses.replace(stub, blocks=(*stub.blocks, price))
            assert not stub.partial and "£1" in to_text(stub)
            lib.store.put_article(link, dataclasses.replace(stub, extractor=EXTRACTOR - 1))

    async def reextract() -> None:
        async with Library(data_dir, workers="thread") as lib:
            result = await lib.reextract(outdated=True)
            assert result.failures == [] and result.done >= 1

    asyncio.run(sync())
    site.stop()  # offline
    asyncio.run(reextract())
    store = Store(data_dir)
    article = store.article(link)
    store.close()
    assert article is not None and article.extractor == EXTRACTOR
    assert article.stood_in_for == FEED_WHOLE and STORY[3] in to_text(article)


@pytest.mark.parametrize(
    "marker",
    [
        MARKER,
        '<div class="note"><p>The story continues for subscribers.</p>'
        '<p><a href="/subscribe">Subscribe</a></p></div>',
        '<div class="c-marker">The full article is available to subscribers. '
        '<a href="/offers">See our offers</a></div>',
        "<p>To continue reading, subscribe.</p>",
        "<p>Keep reading with a digital subscription.</p>",
    ],
    ids=["continues", "story-continues", "available", "to-continue", "keep-reading"],
)
def test_a_teaser_ending_on_a_marker_with_a_summary_only_is_part_of_the_article(
    marker: str,
) -> None:
    """A teaser whose page says where it stops read as the whole article, the marker its
    last line."""
    article = extract_article(
        page(paragraphs(STORY[:2]) + marker), URL, None, "The Wrenfield tip shuts in February."
    )
    assert article.incomplete == FOR_SUBSCRIBERS and not article.partial
    text = to_text(article)
    assert STORY[1] in text
    said = ("continues", "available", "To continue", "Keep reading", "Subscribe", "offers")
    assert not any(words in text for words in said)


@pytest.mark.parametrize(
    "wall",
    [
        LOOSE_WALL,
        '<div class="subscribe-box"><h3>Subscribe to read the rest</h3><p>Already a subscriber? '
        '<a href="/login">Sign in</a></p><p>Just £1 for your first three months, then £6.99 a '
        "month. Cancel any time.</p><p>Every story, the e-edition, the daily puzzles and our "
        "archive back to 1898.</p></div>",
    ],
    ids=["loose", "boxed"],
)
def test_a_walls_own_lines_after_it_are_not_the_article_going_on(wall: str) -> None:
    """Its price line and what a subscription brings, under "Subscribe to read the rest", were
    taken for the article's paragraphs going on past a label: the teaser read whole."""
    article = extract_article(page(paragraphs(STORY[:2]) + wall), URL, None, "")
    assert article.incomplete == FOR_SUBSCRIBERS
    assert STORY[1] in to_text(article)


def test_a_heading_over_the_article_saying_it_is_for_subscribers_labels_it() -> None:
    """Over the text, no teaser before it, such a heading is a label: what follows is the
    article (a subscriber's copy)."""
    label = "<h2>Subscribers only</h2>"
    article = extract_article(page(label + paragraphs(STORY[:3])), URL, None, "")
    assert article.incomplete == ""
    assert all(p in to_text(article) for p in STORY[:3])
