"""A feed or a page may not lead the reader to a more private address than it came from
(`address_class`): two real classes of address, this machine's loopback and its network
interface's address (a private network's on most machines, a public one on some), each with a
server of its own.

Without a network interface there is one class only, and these tests fail saying so:
`test_address_class` covers the same checks with the ceiling given as it is.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from reader.address_class import Reach, peer_reach
from reader.fetch import Fetcher
from reader.library import Library
from reader.models import ErrorKind, FetchError

TITLE = "Harbour wall repairs to start before the spring tides"
PARAGRAPHS = (
    "Work to repair the breach in the north harbour wall will start next week, the port "
    "authority said on Wednesday, so that the stone can be set before the spring tides arrive.",
    "The breach opened during the January gales, when a section of the old parapet fell into "
    "the outer basin and left the fish market exposed to the swell on every high water.",
    "Contractors will bring granite blocks from the quarry by barge, since the coast road is "
    "still closed to heavy lorries while the council rebuilds the bridge at the river mouth.",
)


def page(title: str = TITLE, head: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} | Quay '
        f"Courier</title>{head}</head><body><nav><a href='/'>Quay Courier</a></nav><article>"
        f"<h1>{title}</h1>{paragraphs}</article></body></html>"
    )


def feed(items: list[tuple[str, str]]) -> str:
    body = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>Wed, 02 Dec 2026 0{n}:00:00 GMT</pubDate></item>"
        for n, (title, link) in enumerate(items)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Courier</title>'
        f"{body}</channel></rss>"
    )


def interface_address() -> str:
    """This machine's address on its network (the one its default route leaves from)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("198.51.100.1", 9))  # nothing is sent: a route is only chosen
        address = str(probe.getsockname()[0])
    except OSError:
        address = ""
    finally:
        probe.close()
    if not address or peer_reach((address, 0)) in (None, Reach.LOOPBACK):
        pytest.fail(
            "this machine has no network interface besides loopback, so there is only one "
            "class of address to test with; test_address_class covers the checks"
        )
    return address


@pytest.fixture
def servers() -> Iterator[tuple[HTTPServer, HTTPServer]]:
    """A server on this machine's interface address, and one on loopback."""
    outer = HTTPServer(host=interface_address(), port=0)
    inner = HTTPServer(host="127.0.0.1", port=0)
    outer.start()
    inner.start()
    yield outer, inner
    outer.stop()
    inner.stop()


def _url(server: HTTPServer, path: str) -> str:
    return f"http://{server.host}:{server.port}{path}"


def test_a_redirect_may_not_lead_to_a_more_private_address(
    servers: tuple[HTTPServer, HTTPServer],
) -> None:
    outer, inner = servers
    inner.expect_request("/admin").respond_with_data("<p>router settings</p>")
    outer.expect_request("/here").respond_with_data("<p>the same server</p>")
    port = inner.port
    sent_to = [
        f"http://127.0.0.1:{port}/admin",
        f"http://2130706433:{port}/admin",
        f"http://evil.invalid@127.0.0.1:{port}/admin",
        f"http://localhost:{port}/admin",
        f"http://0x7f.1:{port}/admin",
    ]
    for n, target in enumerate(sent_to):
        outer.expect_request(f"/go/{n}").respond_with_data(
            "", status=302, headers={"Location": target}
        )
    outer.expect_request("/stay").respond_with_data(
        "", status=301, headers={"Location": _url(outer, "/here")}
    )
    inner.expect_request("/out").respond_with_data(
        "", status=302, headers={"Location": _url(outer, "/here")}
    )
    inner.expect_request("/in").respond_with_data(
        "", status=302, headers={"Location": f"http://127.0.0.1:{port}/admin"}
    )
    outer_class = peer_reach((outer.host, 0))
    assert outer_class is not None

    async def go() -> None:
        async with Fetcher() as fetcher:
            for n, target in enumerate(sent_to):
                with pytest.raises(FetchError) as caught:
                    await fetcher.get(_url(outer, f"/go/{n}"))
                assert caught.value.kind == ErrorKind.BAD_URL
                # A name and password a redirect names are dropped before it is followed
                # (acc50a A4): the address refused is said without them.
                asked = target.replace("evil.invalid@", "")
                assert caught.value.message == (
                    f"refused a redirect from a {outer_class.noun} address to a loopback one: "
                    f"{asked}"
                )
            # To the same class, or a more public one: followed.
            stayed = await fetcher.get(_url(outer, "/stay"))
            assert stayed.body == b"<p>the same server</p>" and stayed.reach == outer_class
            out = await fetcher.get(_url(inner, "/out"))
            assert out.body == b"<p>the same server</p>" and out.reach == outer_class
            inside = await fetcher.get(_url(inner, "/in"))
            assert inside.body == b"<p>router settings</p>"
            assert inside.reach == Reach.LOOPBACK

    asyncio.run(go())
    assert [r.path for r, _ in inner.log] == ["/out", "/in", "/admin"]


def test_a_feed_on_the_network_may_not_send_the_sync_to_this_computer(
    servers: tuple[HTTPServer, HTTPServer], data_dir: Path
) -> None:
    """Its article links, refreshes and AMP links to loopback are refused, each one that
    article's failure alone, in one line, nothing cached; its other articles, and a feed the
    user has on loopback itself (a home server, the demo), are read as ever."""
    outer, inner = servers
    html = "text/html; charset=utf-8"
    loopback = _url(inner, "/private/status.html")
    spooler = _url(inner, "/private/spool.html")
    inner.expect_request("/private/status.html").respond_with_data(
        page("Printer queue"), content_type=html
    )
    inner.expect_request("/home/story.html").respond_with_data(
        page("Allotment rota for the winter"), content_type=html
    )
    inner.expect_request("/home/feed.xml").respond_with_data(
        feed([("Allotment rota for the winter", _url(inner, "/home/story.html"))]),
        content_type="application/rss+xml",
    )
    outer.expect_request("/news/wall.html").respond_with_data(page(), content_type=html)
    outer.expect_request("/news/refresh.html").respond_with_data(
        "<p>Moved</p>", content_type=html, headers={"Refresh": f"0; url={loopback}"}
    )
    outer.expect_request("/news/meta.html").respond_with_data(
        f'<html><head><meta http-equiv="refresh" content="0; url={loopback}"></head>'
        "<body><p>Redirecting…</p></body></html>",
        content_type=html,
    )
    # A page a script fills, naming its AMP version: one the sync would read, were it not on
    # loopback.
    outer.expect_request("/news/shell.html").respond_with_data(
        f'<!doctype html><html><head><meta charset="utf-8"><title>Ferry news | Quay Courier'
        f'</title><link rel="amphtml" href="{loopback}"><script src="/app.js" defer></script>'
        '</head><body><div id="root"><div class="spinner">Loading…</div></div><footer>'
        '<a href="/about">About us</a></footer></body></html>',
        content_type=html,
    )
    items = [
        (TITLE, _url(outer, "/news/wall.html")),
        ("Printer queue", loopback),
        ("Print spooler", spooler),
        ("Moved story", _url(outer, "/news/refresh.html")),
        ("Meta story", _url(outer, "/news/meta.html")),
        ("Shell story", _url(outer, "/news/shell.html")),
    ]
    outer.expect_request("/feed.xml").respond_with_data(
        feed(items), content_type="application/rss+xml"
    )
    outer_class = peer_reach((outer.host, 0))
    assert outer_class is not None
    outer_feed, home_feed = _url(outer, "/feed.xml"), _url(inner, "/home/feed.xml")
    led = f"from a {outer_class.noun} address to a loopback one: {loopback}"

    async def go() -> None:
        async with Library(data_dir) as lib:
            lib.add_feed(outer_feed)
            lib.add_feed(home_feed)
            report = await lib.sync()
            failed = {entry.title: error.message for entry, error in report.article_failures}
            assert failed["Printer queue"] == f"refused a feed's link {led}"
            assert failed["Print spooler"] == f"refused a feed's link {led}".replace(
                loopback, spooler
            )
            assert failed["Moved story"] == f"refused a page's refresh {led}"
            assert failed["Meta story"] == f"refused a page's refresh {led}"
            assert "Shell story" in failed
            assert report.articles_fetched == 2  # the wall story, and the home server's
            cached = {h.entry.title: h.cached for h in lib.headlines()}
            assert cached == {
                TITLE: True,
                "Printer queue": False,
                "Print spooler": False,
                "Moved story": False,
                "Meta story": False,
                "Shell story": False,
                "Allotment rota for the winter": True,
            }
            assert lib.store.feed(outer_feed).reach == outer_class  # type: ignore[union-attr]
            assert lib.store.feed(home_feed).reach == Reach.LOOPBACK  # type: ignore[union-attr]
            # Typed by the user, the same address is theirs to read.
            mine = await lib.article(loopback)
            assert mine.title == "Printer queue"

    asyncio.run(go())
    assert sorted(r.path for r, _ in inner.log) == [
        "/home/feed.xml",
        "/home/story.html",
        "/private/status.html",  # the user's own request alone
    ]

    async def later() -> None:
        """A later run, before any feed is fetched again: the feed's class was kept."""
        async with Library(data_dir) as lib:
            entry = next(h.entry for h in lib.headlines() if h.entry.title == "Print spooler")
            with pytest.raises(FetchError) as caught:
                await lib.article(entry)
            assert caught.value.message == f"refused a feed's link {led}".replace(loopback, spooler)

    asyncio.run(later())

    async def from_before() -> None:
        """A feed record from a reader that kept no class: its address's counts."""
        async with Library(data_dir) as lib:
            kept = lib.store.feed(outer_feed)
            assert kept is not None and kept.reach is not None
            lib.store.put_feed(replace(kept, reach=None))
        async with Library(data_dir) as lib:
            entry = next(h.entry for h in lib.headlines() if h.entry.title == "Print spooler")
            with pytest.raises(FetchError) as caught:
                await lib.article(entry)
            assert caught.value.message == f"refused a feed's link {led}".replace(loopback, spooler)

    asyncio.run(from_before())
    assert len(inner.log) == 3


def test_a_refused_update_keeps_the_copy_cached(
    servers: tuple[HTTPServer, HTTPServer], data_dir: Path
) -> None:
    """A story its feed says was updated, whose page now redirects to loopback: the copy
    cached before stays as it was."""
    outer, inner = servers
    inner.expect_request("/admin").respond_with_data(page("Router settings"))
    story = _url(outer, "/news/wall.html")
    # Updated in the hour to come: after the copy cached, and no wrong date far ahead, which
    # is no update (`retold.updated_since`).
    soon = (datetime.now(UTC) + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Quay Courier</title><id>{_url(outer, '/')}</id><updated>{soon}"
        f"</updated><entry><title>{TITLE}</title><id>tag:quay,2026:wall</id>"
        f'<link href="{story}"/><published>2026-12-02T09:00:00Z</published>'
        f"<updated>{soon}</updated></entry></feed>"
    )
    outer.expect_request("/feed.xml").respond_with_data(atom, content_type="application/atom+xml")
    answers = [
        Response(page(), content_type="text/html; charset=utf-8"),
        Response("", status=302, headers={"Location": _url(inner, "/admin")}),
    ]
    outer.expect_request("/news/wall.html").respond_with_handler(lambda _: answers.pop(0))

    async def go() -> None:
        async with Library(data_dir) as lib:
            lib.add_feed(_url(outer, "/feed.xml"))
            first = await lib.sync()
            assert first.articles_fetched == 1
            before = lib.cached_article(story)
            again = await lib.sync()  # the feed says the story changed after our copy
            assert again.articles_updated == 0
            assert lib.cached_article(story) == before is not None

    asyncio.run(go())
    assert [r.path for r, _ in outer.log].count("/news/wall.html") == 2
    assert not inner.log
