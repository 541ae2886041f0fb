"""The Wi-Fi login-page watch (`portal`) and one page reached by several addresses (acc37b I1):
two spellings of one address ("/story" and "/story/", one with a user name) are one page, and a
feed's own headlines can't make a login page of a story another feed links to; a network
answering every address with its login form is still told."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.library import Library
from reader.models import ErrorKind, FetchError
from tests.served_feed import story_page

LOGIN = """<!DOCTYPE html><html><head><title>Welcome to Quayside Guest WiFi</title></head>
<body><div class="portal"><h1>Welcome to Quayside Guest WiFi</h1>
<p>To get online, please accept the terms and conditions below. Free access is limited to
forty minutes per day per device, after which you may buy a day pass at the desk.</p>
<form action="/login" method="post"><input type="checkbox" name="accept"> I accept
<button>Connect</button></form></div></body></html>"""


@pytest.fixture
def server(httpserver: HTTPServer) -> HTTPServer:
    """pytest-httpserver's server, by a name that says what it plays: the sites."""
    return httpserver


def _feed(server: HTTPServer, path: str, channel: str, items: list[tuple[str, str]]) -> str:
    """Serve at `path` an RSS feed of `items` (headline, link); its address."""
    body = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid>{channel}-{n}</guid></item>"
        for n, (title, link) in enumerate(items)
    )
    server.expect_request(path).respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{channel}</title>{body}'
        "</channel></rss>",
        content_type="application/rss+xml",
    )
    return server.url_for(path)


def _page(server: HTTPServer, paths: list[str], html: str) -> None:
    for path in paths:
        server.expect_request(path).respond_with_data(html, content_type="text/html")


def _sync(data_dir: Path, feeds: list[str]) -> tuple[str, dict[str, bool]]:
    """Sync `feeds` into `data_dir`: the login page the sync named ("" for none), and whether
    each headline's article is cached."""

    async def run() -> tuple[str, dict[str, bool]]:
        async with Library(data_dir) as lib:
            for url in feeds:
                lib.add_feed(url)
            report = await lib.sync()
            return report.portal, {h.entry.title: h.cached for h in lib.headlines()}

    return asyncio.run(run())


def test_a_feed_listing_anothers_story_twice_makes_no_login_page_of_it(
    server: HTTPServer, data_dir: Path
) -> None:
    """The tester's case: an aggregator lists the paper's story at "/p/canon/" and at
    "http://x@…/p/canon", under headlines of its own; the paper's own item was refused as "a
    login page" and the user told to log in to a network that has none."""
    _page(server, ["/p/canon", "/p/canon/"], story_page("Leak at the agency"))
    paper = _feed(
        server, "/c.xml", "Honest Paper", [("Leak at the agency", server.url_for("/p/canon"))]
    )
    named = server.url_for("/p/canon").replace("://", "://x@")
    aggregator = _feed(
        server,
        "/d.xml",
        "Aggregator",
        [("Totally different", server.url_for("/p/canon/")), ("Another thing", named)],
    )
    portal, cached = _sync(data_dir, [paper, aggregator])
    assert portal == ""
    assert cached == {"Leak at the agency": True, "Totally different": True, "Another thing": True}


def test_a_feeds_own_headlines_at_two_paths_of_one_story_make_no_login_page(
    server: HTTPServer, data_dir: Path
) -> None:
    """A site serving a story whatever its slug ("/story/123/any-words"): a feed listing it
    under two slugs and two headlines of its own makes nothing of the paper's item."""
    _page(
        server,
        ["/story/123/leak", "/story/123/x", "/story/123/y"],
        story_page("Leak at the agency"),
    )
    paper = _feed(
        server,
        "/c.xml",
        "Honest Paper",
        [("Leak at the agency", server.url_for("/story/123/leak"))],
    )
    aggregator = _feed(
        server,
        "/d.xml",
        "Aggregator",
        [
            ("Totally different", server.url_for("/story/123/x")),
            ("Another thing", server.url_for("/story/123/y")),
        ],
    )
    portal, cached = _sync(data_dir, [paper, aggregator])
    assert portal == ""
    assert cached["Leak at the agency"]


def test_two_feeds_linking_one_story_with_and_without_its_slash(
    server: HTTPServer, data_dir: Path
) -> None:
    """No one hostile: two feeds link one story as "/story" and "/story/", each under a
    headline sharing no word with the page's title."""
    _page(server, ["/story", "/story/"], story_page("Council budget approved"))
    first = _feed(server, "/a.xml", "Morning", [("Morning briefing", server.url_for("/story"))])
    second = _feed(server, "/b.xml", "Digest", [("Totally different", server.url_for("/story/"))])
    assert _sync(data_dir, [first, second]) == (
        "",
        {"Morning briefing": True, "Totally different": True},
    )


def test_a_network_answering_every_address_with_its_login_form_is_still_told(
    server: HTTPServer, data_dir: Path
) -> None:
    """Feeds added on the real network; then every address, feeds' and articles' (two of them
    one story's two spellings), is answered with the network's login form."""
    links = {
        "Ferry timetable cut": server.url_for("/ferry"),
        "Ferry timetable cut again": server.url_for("/ferry/"),
        "School roof repaired": server.url_for("/school"),
    }
    feeds = [
        _feed(server, "/a.xml", "Quay Gazette", list(links.items())[:2]),
        _feed(server, "/b.xml", "Town News", list(links.items())[2:]),
    ]

    async def add() -> None:
        async with Library(data_dir) as lib:
            for url in feeds:
                lib.add_feed(url)
            await lib.refresh()

    asyncio.run(add())
    server.clear()
    server.expect_request(re.compile(".*")).respond_with_data(LOGIN, content_type="text/html")
    portal, cached = _sync(data_dir, [])
    assert "(Welcome to Quayside Guest WiFi)" in portal
    assert not any(cached.values())


def test_articles_of_two_feeds_opened_alone_behind_a_login_form_are_told(
    server: HTTPServer, data_dir: Path
) -> None:
    """No feed fetched to give it away: two feeds' articles, at paths of their own, answered
    with one login form, are the network's, as before."""
    _page(server, ["/ferry", "/school"], LOGIN)
    feeds = [
        _feed(
            server, "/a.xml", "Quay Gazette", [("Ferry timetable cut", server.url_for("/ferry"))]
        ),
        _feed(server, "/b.xml", "Town News", [("School roof repaired", server.url_for("/school"))]),
    ]

    async def open_both() -> list[ErrorKind]:
        async with Library(data_dir) as lib:
            for url in feeds:
                lib.add_feed(url)
            await lib.refresh()
            kinds = []
            for headline in lib.headlines():
                with pytest.raises(FetchError) as failed:
                    await lib.article(headline.entry)
                kinds.append(failed.value.kind)
            return kinds

    assert asyncio.run(open_both())[-1] == ErrorKind.PORTAL
