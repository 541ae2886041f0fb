"""An item's discussion page (RSS `<comments>`, Atom `rel="replies"`: Hacker News, WordPress),
kept with its headline once its article is cached, and shown: a line in the reading view's
header (a link Tab selects, first in `L`), in `reader show` (text, Markdown, JSON), `reader
list --json` and the exports (acc42c C2). Real parts: feeds served on 127.0.0.1, the store on
disk, the TUI under Pilot.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.codec import entry_from_dict, entry_to_dict
from reader.feeds import parse_feed
from tests.conftest import sync_into
from tests.served_feed import serve_site, story_page

TITLE = "How a small paper built a public spending tracker"


def hn(base: str) -> str:
    """Hacker News's RSS shape: the link is the story, `<comments>` the thread, the
    description one "Comments" link to it."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Hacker News</title><link>{base}/hn/</link>
<item><title>{TITLE}</title><link>{base}/blog/tracker.html</link>
<pubDate>Sat, 05 Dec 2026 09:00:00 GMT</pubDate>
<comments>{base}/hn/item?id=42000</comments>
<description><![CDATA[<a href="{base}/hn/item?id=42000">Comments</a>]]></description></item>
</channel></rss>"""


def atom(base: str) -> str:
    """A WordPress Atom feed's entry: replies as a page and as a feed of the comments."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">
<title>Harbour Society</title><id>{base}/</id><updated>2026-12-05T09:00:00Z</updated>
<entry><title>Open day</title><id>{base}/?p=123</id><updated>2026-12-05T09:00:00Z</updated>
<link rel="alternate" type="text/html" href="{base}/wp/123/open-day/"/>
<link rel="replies" type="application/atom+xml" href="{base}/wp/123/open-day/feed/atom/"/>
<link rel="replies" type="text/html" href="{base}/wp/123/open-day/#comments" thr:count="3"/>
<summary>Over 2,000 visitors came to the harbour.</summary></entry>
<entry><title>Its own thread</title><id>{base}/t/9</id><updated>2026-12-05T09:00:00Z</updated>
<link rel="alternate" href="{base}/t/9"/><link rel="replies" href="{base}/t/9"/></entry>
</feed>"""


@pytest.fixture
def site(own_server: HTTPServer) -> HTTPServer:
    serve_site(own_server, hn, {"/blog/tracker.html": story_page(TITLE)})
    return own_server


# -- the feed ----------------------------------------------------------------------------------
def test_rss_comments_and_atom_replies_are_kept_and_stored() -> None:
    base = "https://example.org"
    (story,) = parse_feed(hn(base).encode(), f"{base}/hn/rss").entries
    assert story.comments == f"{base}/hn/item?id=42000"
    page, own = parse_feed(atom(base).encode(), f"{base}/feed/atom").entries
    # The page, not the feed of the comments; none when it is the item's own page.
    assert page.comments == f"{base}/wp/123/open-day/#comments"
    assert own.comments == ""
    assert entry_from_dict(entry_to_dict(story)) == story
    record = entry_to_dict(story)
    del record["comments"]  # as a reader from before it wrote it
    assert entry_from_dict(record).comments == ""
    assert "comments" not in entry_to_dict(own)  # none: no key in its record


def test_a_hostile_comments_address_is_dropped() -> None:
    feed = hn("https://example.org").replace(
        "<comments>https://example.org/hn/item?id=42000</comments>",
        "<comments>javascript:alert(1)</comments>",
    )
    (story,) = parse_feed(feed.encode(), "https://example.org/hn/rss").entries
    assert story.comments == ""


# -- the command line --------------------------------------------------------------------------
def test_show_list_and_export_name_the_discussion_once_the_article_is_cached(
    site: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def reader(*args: str) -> tuple[int, str]:
        status = main(["--data-dir", str(data_dir), *args])
        return status, capsys.readouterr().out

    thread = site.url_for("/hn/item?id=42000")
    reader("add", site.url_for("/feed.xml"))
    assert reader("sync")[0] == 0
    (item,) = json.loads(reader("list", "--json")[1])
    assert item["cached"] and item["comments"] == thread
    status, text = reader("show", item["id"])
    head, _, body = text.partition("\n\n")
    assert status == 0 and f"Discussion: {thread}" in head.splitlines()
    assert "consultation" in body
    _, markdown = reader("show", item["id"], "--format", "markdown")
    assert f"Discussion: <{thread}>  " in markdown.split("\n\n")[0].splitlines()
    _, shown = reader("show", item["id"], "--format", "json")
    assert json.loads(shown)["comments"] == thread
    _, cited = reader("show", item["id"], "--format", "citation")
    assert "Discussion" not in cited  # the citation is the article's
    out = tmp_path / "export.md"
    assert reader("export", "--format", "markdown", "-o", str(out))[0] == 0
    assert f"Discussion: <{thread}>" in out.read_text(encoding="utf-8")


# -- the reader --------------------------------------------------------------------------------
def test_the_reading_view_shows_the_discussion_and_lists_it_first(
    site: HTTPServer, data_dir: Path
) -> None:
    from reader.ui.dialogs.links import LinksScreen
    from reader.ui.screens.article import ArticleScreen
    from reader.ui.widgets.article.article_body import ArticleBody
    from tests.tui_pilot import on_top, open_row, running, screen_text

    sync_into(data_dir, [site.url_for("/feed.xml")])
    thread = site.url_for("/hn/item?id=42000")

    async def run() -> None:
        async with running(data_dir, (110, 30), prefetch=False) as (app, pilot):
            screen = await open_row(pilot, 0)
            assert isinstance(screen, ArticleScreen)
            shown = screen_text(app)
            assert "consultation" in shown
            assert any(
                line.strip().startswith("Discussion: ") and "hn/item?id=42000" in line
                for line in shown.splitlines()
            )
            await pilot.press("tab")
            assert screen.query_one(ArticleBody).link_address == thread
            await pilot.press("L")
            await on_top(pilot, LinksScreen, "the link list")  # composed a moment after
            listed = screen_text(app)
            assert "1. Discussion" in listed and "hn/item?id=42000" in listed

    asyncio.run(run())
