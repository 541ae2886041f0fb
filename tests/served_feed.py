"""Feeds served on 127.0.0.1: one of one item, the shape of a headline whose link the reader
can't read as an article (a PDF, a podcast's MP3, a story taken down), with the text its feed
carries; one of several dated stories and their pages, from a server as slow as a test asks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from xml.sax.saxutils import escape

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response


@contextmanager
def own_http_server(host: str = "127.0.0.1", threaded: bool = False) -> Iterator[HTTPServer]:
    """A pytest-httpserver on a free port of `host` for one test (`threaded`: each request
    answered in a thread of its own), cleared and stopped after it, unless the test stopped it
    (the network taken away). The session's `httpserver` is shared: stopped, it is gone for the
    tests after."""
    server = HTTPServer(host=host, port=0, threaded=threaded)
    server.start()
    try:
        yield server
    finally:
        server.clear()
        if server.is_running():
            server.stop()


def serve_site(server: HTTPServer, feed: Callable[[str], str], pages: dict[str, str]) -> HTTPServer:
    """`server` answering /feed.xml with the RSS `feed` makes of its address, and each path of
    `pages` with its HTML."""
    base = server.url_for("").rstrip("/")
    server.expect_request("/feed.xml").respond_with_data(
        feed(base), content_type="application/rss+xml"
    )
    for path, html in pages.items():
        server.expect_request(path).respond_with_data(html, content_type="text/html")
    return server


def serve_one_item(
    server: HTTPServer, channel: str, title: str, link: str, description: str = ""
) -> str:
    """Serve an RSS feed at /feed.xml with one item; its address."""
    text = f"<description>{description}</description>" if description else ""
    server.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{channel}</title>'
        f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>{text}</item>"
        "</channel></rss>",
        content_type="application/rss+xml",
    )
    return server.url_for("/feed.xml")


def serve_items(server: HTTPServer, channel: str, items: list[tuple[str, str]]) -> str:
    """Serve an RSS feed at /feed.xml of `items`, each a title and a link (its guid too); its
    address."""
    rows = "".join(
        f"<item><title>{title}</title><link>{escape(link)}</link><guid>{escape(link)}</guid></item>"
        for title, link in items
    )
    server.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{channel}</title>{rows}'
        "</channel></rss>",
        content_type="application/rss+xml",
    )
    return server.url_for("/feed.xml")


def serve_pdf_item(server: HTTPServer, title: str, path: str, pdf: bytes) -> tuple[str, str]:
    """Serve a feed of one item, `title`, linking to the PDF `pdf` served at `path`: the feed's
    address and the PDF's."""
    link = server.url_for(path)
    feed = serve_one_item(server, "Port Notices", title, link, "Read.")
    server.expect_request(path).respond_with_data(pdf, content_type="application/pdf")
    return feed, link


def story_page(title: str, times: int = 1) -> str:
    """A news page of a few paragraphs about `title`, the reader's extraction reads as an
    article: about the same size whatever the title; `times` as long, the paragraphs said
    over again."""
    paragraphs = "".join(
        f"<p>{sentence}</p>"
        for sentence in (
            f"The council confirmed on Monday that the plan for {title.lower()} would go ahead, "
            "after a consultation that drew more replies than any in the town's memory.",
            "Residents who spoke at the meeting were divided: some welcomed it, others asked why "
            "the notice had been posted so late in the season and who would pay for it.",
            "A spokesperson said the decision had not been taken lightly and that the figures "
            "would be published in full before the end of the month, as the law requires.",
            "The harbour committee will hear the matter again in the spring, when the tides "
            "and the budget are both better known and the consultation has been read.",
        )
    )
    return (
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Front page</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs * times}</article><footer>The Gazette</footer></body></html>"
    )


def serve_stories(
    server: HTTPServer,
    channel: str,
    stories: list[tuple[str, int]],
    wait_feed: Callable[[], None] | None = None,
    wait_page: Callable[[str], None] | None = None,
    longer: dict[int, int] | None = None,
    more: dict[int, str] | None = None,
) -> str:
    """Serve an RSS feed at /feed.xml of `stories`, each a title and the hour of 24 November
    2026 it was published at, its page at /story-<hour>.html (`story_page`); the feed's address.
    `wait_feed`, and `wait_page` with the page's path, are called before answering: a slow
    server, or one that answers when a test says so (the server must be `threaded`). The page
    of an hour in `longer` is that many times as long (its paragraphs said over again: stored
    compressed, hardly longer), one in `more` has that text (paragraphs) after its own."""
    base = server.url_for("").rstrip("/")
    items = "".join(
        f"<item><title>{title}</title><link>{base}/story-{hour}.html</link>"
        f"<guid>{base}/story-{hour}.html</guid>"
        f"<pubDate>Tue, 24 Nov 2026 {hour:02d}:00:00 GMT</pubDate></item>"
        for title, hour in stories
    )
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{channel}</title>{items}'
        "</channel></rss>"
    )

    def answer_feed(_request: Request) -> Response:
        if wait_feed is not None:
            wait_feed()
        return Response(feed, content_type="application/rss+xml")

    server.expect_request("/feed.xml").respond_with_handler(answer_feed)
    for title, hour in stories:
        path = f"/story-{hour}.html"

        def answer_page(
            _request: Request, path: str = path, title: str = title, hour: int = hour
        ) -> Response:
            if wait_page is not None:
                wait_page(path)
            page = story_page(title, (longer or {}).get(hour, 1))
            if hour in (more or {}):
                page = page.replace("</article>", f"{(more or {})[hour]}</article>")
            return Response(page, content_type="text/html; charset=utf-8")

        server.expect_request(path).respond_with_handler(answer_page)
    return server.url_for("/feed.xml")
