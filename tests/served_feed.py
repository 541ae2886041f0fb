"""A feed of one item served on 127.0.0.1: the shape of a headline whose link the reader can't
read as an article (a PDF, a podcast's MP3, a story taken down), with the text its feed carries."""

from __future__ import annotations

from pytest_httpserver import HTTPServer


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
