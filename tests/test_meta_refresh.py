"""Pages that send the browser on with a meta refresh are followed, as a browser follows them."""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pytest_httpserver import HTTPServer

from reader.library import Library
from reader.meta_refresh import MAX_DELAY, parse_refresh, refresh_target
from reader.models import FetchError
from reader.url_display import line_url
from tests.test_library import ARTICLE

PAGE = "https://short.example/s/7Hq"


def redirect_page(content: str, extra_head: str = "") -> bytes:
    return (
        f'<!doctype html><html><head>{extra_head}<meta http-equiv="refresh" content="{content}">'
        "<title>Redirecting…</title></head><body><p>Redirecting you to the story. "
        '<a href="/elsewhere">Click here</a> if nothing happens.</p></body></html>'
    ).encode()


@pytest.mark.parametrize(
    ("content", "parsed"),
    [
        ("0; url=https://news.example/a", (0, "https://news.example/a")),
        ("0;URL='/tides?x=1'", (0, "/tides?x=1")),
        ('3 , Url = "/quoted path"', (3, "/quoted path")),
        ("1.5; /without-the-name", (1, "/without-the-name")),
        ("  2.", (2, "")),
        ("300", (300, "")),
        ("0;url='/unterminated", (0, "/unterminated")),
        ("soon; url=/x", None),
        ("5x; url=/x", None),
        ("", None),
    ],
)
def test_parse_refresh_reads_content_as_html_does(
    content: str, parsed: tuple[int, str] | None
) -> None:
    assert parse_refresh(content) == parsed


def test_a_quick_refresh_to_another_page_is_a_redirect() -> None:
    assert refresh_target(redirect_page("0; url=/news/tides.html"), PAGE) == (
        "https://short.example/news/tides.html"
    )
    assert refresh_target(redirect_page("0; url=/no"), PAGE, header="1;url=/yes") == (
        "https://short.example/yes"
    )
    assert refresh_target(b"<p>Moved</p>", PAGE, header="0; https://news.example/a") == (
        "https://news.example/a"
    )
    # Written in any case, with the page's charset, after a malformed one.
    page = redirect_page("0;url=/статья").decode().replace("http-equiv", "HTTP-EQUIV")
    page = page.replace("<head>", '<head><meta http-equiv="Refresh" content="now">')
    assert refresh_target(page.encode("windows-1251"), PAGE, "windows-1251") == (
        "https://short.example/статья"
    )


@pytest.mark.parametrize(
    "page",
    [
        # The page reloading itself, or going to the front page after idle minutes.
        redirect_page(f"{MAX_DELAY + 1}; url=/"),
        redirect_page("60"),
        redirect_page("0; url=https://SHORT.example/s/7Hq#top"),
        # Only without scripts, or commented out.
        redirect_page(
            "x", '<noscript><meta http-equiv="refresh" content="0;url=/nojs"></noscript>'
        ).replace(b'<meta http-equiv="refresh" content="x">', b""),
        b'<html><head><!-- <meta http-equiv="refresh" content="0;url=/old"> --></head>'
        b"<body><p>Story</p></body></html>",
        # Not to a web page.
        redirect_page("0; url=javascript:alert(1)"),
        redirect_page("0; url=file:///etc/passwd"),
        # Only named in the text.
        b"<html><body><p>Use http-equiv=refresh sparingly.</p></body></html>",
    ],
)
def test_what_is_not_a_redirect(page: bytes) -> None:
    assert refresh_target(page, PAGE) is None


def test_the_reader_follows_a_refresh_and_caches_the_article_under_the_link(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    httpserver.expect_request("/s/7Hq").respond_with_data(
        redirect_page("0; url=/news/2026/tides.html"), content_type="text/html"
    )
    httpserver.expect_request("/news/2026/tides.html").respond_with_data(
        ARTICLE, content_type="text/html; charset=utf-8"
    )
    # The same in an HTTP header: it comes before the page's own.
    httpserver.expect_request("/s/header").respond_with_data(
        redirect_page("0; url=/elsewhere"),
        content_type="text/html",
        headers={"Refresh": "0;url=/news/2026/tides.html"},
    )
    # A loop of refreshes ends as a loop of redirects does.
    httpserver.expect_request("/loop/a").respond_with_data(
        redirect_page("0; url=/loop/b"), content_type="text/html"
    )
    httpserver.expect_request("/loop/b").respond_with_data(
        redirect_page("1; url=/loop/a"), content_type="text/html"
    )
    link = httpserver.url_for("/s/7Hq")

    async def go() -> None:
        async with Library(data_dir, workers="process") as lib:
            article = await lib.article(link)
            assert "silted more quickly" in " ".join(b.text for b in article.blocks)
            assert article.url == httpserver.url_for("/news/2026/tides.html")
            assert lib.cached_article(link) == article
            body, _ = lib.store.raw_page(link)
            assert body == ARTICLE.encode()
            by_header = await lib.article(httpserver.url_for("/s/header"))
            assert by_header.blocks == article.blocks
            with pytest.raises(FetchError) as caught:
                await lib.article(httpserver.url_for("/loop/a"))
            host = urlsplit(link).netloc
            assert caught.value.message == f"more than 5 redirects from {host}"
            assert lib.cached_article(httpserver.url_for("/loop/a")) is None

    asyncio.run(go())


def test_a_delay_of_thousands_of_digits_is_only_late() -> None:
    assert parse_refresh("9" * 5000 + "; url=/x") == (10**6, "/x")
    assert parse_refresh("0000000000003; url=/x") == (3, "/x")
    assert refresh_target(redirect_page("9" * 5000 + "; url=/x"), PAGE) is None


def test_an_xhtml_page_that_declares_its_encoding_is_read_too() -> None:
    page = b'<?xml version="1.0" encoding="utf-8"?>' + redirect_page("0; url=/news/a.html")
    assert refresh_target(page, PAGE) == "https://short.example/news/a.html"


_TO_NO_WEB_PAGE = pytest.mark.parametrize(
    ("refresh", "header", "shown"),
    [
        ("0; url=file:///etc/passwd", "", "file:///etc/passwd"),
        ("600", "0; url=data:text/html,<script>alert(1)</script>", "data:text/html,<script>"),
        ("1; URL='javascript:alert(1)'", "", "javascript:alert(1)"),
    ],
)


@_TO_NO_WEB_PAGE
@pytest.mark.parametrize("how", ["article", "add"])
def test_a_refresh_to_no_web_page_is_a_redirect_refused_and_nothing_kept(
    httpserver: HTTPServer, data_dir: Path, refresh: str, header: str, shown: str, how: str
) -> None:
    """acc50a A9: the "Redirecting" stub was kept as the article, counted readable offline;
    `add` searched it for a feed, found none, and said so as of any page (left by drip50)."""
    httpserver.expect_request("/r/stub").respond_with_data(
        redirect_page(refresh),
        content_type="text/html",
        headers={"Refresh": header} if header else {},
    )
    link = httpserver.url_for("/r/stub")

    async def go() -> None:
        async with Library(data_dir) as lib:
            with pytest.raises(FetchError) as caught:
                await (lib.article(link) if how == "article" else lib.add(link))
            said = caught.value.message
            lead = "refused a redirect (a refresh) to a non-web link: "
            if how == "add":  # in one line, as an HTTP redirect there is refused
                lead = f"{line_url(link)} answered: {lead}"
                assert said.endswith("; not subscribed") and "\n" not in said, said
                assert lib.store.feed_urls() == []
            assert said.startswith(lead) and shown in said, said
            assert lib.cached_article(link) is None and lib.store.raw_page(link) is None

    asyncio.run(go())
    # Nothing on its site looked for: the page, once.
    assert [request.path for request, _ in httpserver.log] == ["/r/stub"]
