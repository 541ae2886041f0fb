"""A page that claims to be another site's copy and names itself that site ("BBC News", its
og:url on bbc.co.uk) is cited with the host it was read at beside the name, in every style;
a syndicated page naming its own host (Yahoo News's copy of a Reuters story) and an ordinary
page keep their name as it was (acc37b I3). Real parts: the pages and their feed served on
127.0.0.1, fetched, extracted and cached; `reader show` run through its entry point."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.served_feed import serve_one_item, story_page
from tests.test_cli import reader
from tests.test_quoted_markdown import copied_by, copies
from tests.tui_pilot import reading, subscribe

TITLE = "Leak at the ministry"


def page(head: str) -> str:
    """A story's page (`story_page`) with `head` in its `<head>`."""
    return story_page(TITLE).replace("</head>", f"{head}</head>", 1)


def claiming(name: str, claimed: str) -> str:
    """A page's head naming its site `name` in og:site_name and JSON-LD's publisher, its own
    address `claimed` in og:url and JSON-LD."""
    ld = {
        "@type": "NewsArticle",
        "headline": TITLE,
        "url": claimed,
        "mainEntityOfPage": claimed,
        "author": {"@type": "Person", "name": "Jane Roe"},
        "publisher": {"@type": "Organization", "name": name},
        "datePublished": "2026-12-05T09:00:00Z",
    }
    return (
        f'<meta property="og:url" content="{claimed}">'
        f'<meta property="og:site_name" content="{name}">'
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    )


def show(data_dir: Path, ident: str, *args: str) -> str:
    done = reader(data_dir, "show", ident, "--offline", *args)
    assert done.returncode == 0, done
    return done.stdout


def cached(data_dir: Path, head: str, author: str = "") -> tuple[str, str]:
    """`data_dir` subscribed to a feed "Second Site" of one item (by `author`, if any), its
    page with `head` served on 127.0.0.1 and cached: the item's id and the host the page was
    read at."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    link = server.url_for("/p/ogld")
    server.expect_request("/p/ogld").respond_with_data(
        page(head), content_type="text/html; charset=utf-8"
    )
    feed = serve_one_item(server, "Second Site", TITLE, link)
    if author:
        server.clear()  # the feed again, with its byline
        server.expect_request("/p/ogld").respond_with_data(
            page(head), content_type="text/html; charset=utf-8"
        )
        server.expect_request("/feed.xml").respond_with_data(
            '<?xml version="1.0"?><rss version="2.0"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Second Site</title>'
            f"<item><title>{TITLE}</title><link>{link}</link><guid>{link}</guid>"
            f"<dc:creator>{author}</dc:creator></item></channel></rss>",
            content_type="application/rss+xml",
        )
    try:
        (entry,) = subscribe(data_dir, [feed], 1)
    finally:
        server.stop()
    return entry.id, f"127.0.0.1:{server.port}"


@pytest.fixture
def hostile(data_dir: Path) -> tuple[Path, str, str]:
    ident, host = cached(data_dir, claiming("BBC News", "https://www.bbc.co.uk/news/world-123"))
    return data_dir, ident, host


def test_a_name_going_with_another_site_s_address_is_cited_with_the_host_read(
    hostile: tuple[Path, str, str],
) -> None:
    data_dir, ident, host = hostile
    said = f"BBC News (as the page names itself; read at {host})"
    block = show(data_dir, ident, "--format", "citation")
    assert f"Source: {said}\n" in block
    assert f"URL: http://{host}/p/ogld" in block
    assert f"Source: {said}" in show(data_dir, ident, "--format", "text")
    assert said in show(data_dir, ident, "--format", "markdown")
    for style in ("chicago", "apa", "mla"):
        line = show(data_dir, ident, "--format", "citation", "--style", style)
        assert said in line, style
        assert "BBC News," not in line.replace(said, ""), style
    (csl,) = json.loads(show(data_dir, ident, "--format", "csl-json"))
    assert csl["container-title"] == said
    # The page's claim is kept as the page made it, for whoever wants to check it.
    (record,) = [json.loads(show(data_dir, ident, "--format", "json"))]
    assert record["site_name"] == "BBC News"
    assert record["canonical_url"] == "https://www.bbc.co.uk/news/world-123"


def test_a_syndicated_page_naming_its_own_host_keeps_its_name(data_dir: Path) -> None:
    # Read at 127.0.0.1 the name can't be matched to the host; what keeps it is that it does
    # not fit the claimed site (reuters.com): the page names itself, not the story's source.
    ident, _ = cached(data_dir, claiming("Yahoo News", "https://www.reuters.com/world/x-123"))
    assert "Source: Yahoo News\n" in show(data_dir, ident, "--format", "citation")
    chicago = show(data_dir, ident, "--format", "citation", "--style", "chicago")
    assert "Yahoo News," in chicago
    assert "as the page names itself" not in chicago


def test_the_feeds_author_is_cited_over_the_one_going_with_another_site_s_address(
    data_dir: Path,
) -> None:
    # A small blog's page claiming a BBC journalist's story: its site is cited with the host
    # beside it, and its author is the feed's, not the one the page claims (acc50a A3).
    head = claiming("BBC News", "https://www.bbc.co.uk/news/world-123")
    ident, _ = cached(data_dir, head, author="Tiny Blogger")
    assert "Author: Tiny Blogger\n" in show(data_dir, ident, "--format", "citation")
    mla = show(data_dir, ident, "--format", "citation", "--style", "mla")
    assert mla.startswith("Blogger, Tiny.") and "Roe" not in mla
    (csl,) = json.loads(show(data_dir, ident, "--format", "csl-json"))
    assert csl["author"] == [{"family": "Blogger", "given": "Tiny"}]


def test_a_syndicated_page_keeps_its_own_author_over_the_feeds(data_dir: Path) -> None:
    ident, _ = cached(
        data_dir,
        claiming("Yahoo News", "https://www.reuters.com/world/x-123"),
        author="Yahoo Staff",
    )
    assert "Author: Jane Roe\n" in show(data_dir, ident, "--format", "citation")


def test_an_ordinary_page_is_cited_by_its_name(data_dir: Path) -> None:
    ident, _ = cached(data_dir, '<meta property="og:site_name" content="Coastal Courier">')
    assert "Source: Coastal Courier\n" in show(data_dir, ident, "--format", "citation")
    assert "read at" not in show(data_dir, ident, "--format", "citation", "--style", "apa")


def test_y_in_the_reading_view_copies_the_host_beside_the_name(
    hostile: tuple[Path, str, str],
) -> None:
    data_dir, _, host = hostile

    async def run() -> list[str]:
        async with reading(data_dir, "Leak at the ministry", (100, 30)) as (app, pilot, _body):
            copied = copies(app)
            await copied_by(pilot, copied, "y")
            return copied

    (citation,) = asyncio.run(run())
    assert f"BBC News (as the page names itself; read at {host})" in citation
