"""A page whose head names no feed but whose footer links to one ("RSS", an RSS icon with its
title) has it found by `reader add` (acc45 A20): bounded to links that read or look like a
feed's, on the page's own site. The real command against pages served on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.discovery import MAX_ANCHORS, page_feeds

RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>The Harbour Gazette</title>'
    "<link>{site}</link><item><title>Harbour dues rise for the winter moorings</title>"
    "<link>{site}dues.html</link><guid>{site}dues.html</guid></item></channel></rss>"
)


def _home(footer: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>The Harbour Gazette</title></head><body><main>"
        "<h2><a href='/dues.html'>Harbour dues rise for the winter moorings</a></h2>"
        "<p><a href='/about.html'>About us</a></p></main>"
        f"<footer>{footer}</footer></body></html>"
    )


@pytest.fixture(autouse=True)
def _not_found(httpserver: HTTPServer) -> None:
    httpserver.no_handler_status_code = 404


def _add(data_dir: Path, url: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "add", url])
    said = capsys.readouterr()
    return code, said.out, said.err


def _subscribed(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> list[object]:
    assert main(["--data-dir", str(data_dir), "feeds", "--json"]) == 0
    return [feed["url"] for feed in json.loads(capsys.readouterr().out)]


@pytest.mark.parametrize(
    "footer",
    [
        "<a href='/syndication/everything'>RSS</a>",
        "<a href='/syndication/everything' title='Subscribe via RSS'><img src='/i/rss.svg'></a>",
        "<a href='/syndication/everything'><img src='/i/rss.svg' alt='RSS feed'></a>",
        "<a href='/syndication/everything' aria-label='Atom feed'><svg></svg></a>",
    ],
)
def test_a_footers_rss_link_is_found_when_the_head_names_no_feed(
    footer: str, httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    httpserver.expect_request("/").respond_with_data(
        _home(footer), content_type="text/html; charset=utf-8"
    )
    httpserver.expect_request("/syndication/everything").respond_with_data(
        RSS.format(site=httpserver.url_for("/")), content_type="application/rss+xml"
    )
    feed = httpserver.url_for("/syndication/everything")
    code, out, err = _add(data_dir, httpserver.url_for("/"), capsys)
    assert (code, err) == (0, "")
    assert (
        out.splitlines()[0] == f"found the feed {feed} linked from that page (its head names none)"
    )
    assert _subscribed(data_dir, capsys) == [feed]
    # Asked before any well-known address, and nothing else of the page's links.
    assert [request.path for request, _ in httpserver.log] == ["/", "/syndication/everything"]


def test_a_link_that_looks_like_a_feed_is_asked_but_not_another_sites(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    footer = (
        "<a href='https://feeds.elsewhere.example/harbour'>RSS</a> "
        "<a href='/contact.html'>Feedback</a> <a href='/rss.xml'>Stay in touch</a>"
    )
    httpserver.expect_request("/").respond_with_data(
        _home(footer), content_type="text/html; charset=utf-8"
    )
    httpserver.expect_request("/rss.xml").respond_with_data(
        RSS.format(site=httpserver.url_for("/")), content_type="application/rss+xml"
    )
    code, _, err = _add(data_dir, httpserver.url_for("/"), capsys)
    assert (code, err) == (0, "")
    assert _subscribed(data_dir, capsys) == [httpserver.url_for("/rss.xml")]
    assert [request.path for request, _ in httpserver.log] == ["/", "/rss.xml"]


def test_a_page_full_of_rss_links_costs_a_few_requests() -> None:
    links = "".join(f"<a href='/section/{n}'>RSS</a>" for n in range(5000))
    read = page_feeds(_home(links).encode(), "http://127.0.0.1:8000/")
    assert read.anchors == tuple(f"http://127.0.0.1:8000/section/{n}" for n in range(MAX_ANCHORS))
    assert read.links == ()


def test_a_head_naming_its_feed_is_all_that_is_read() -> None:
    head_named = _home("<a href='/rss.xml'>RSS</a>").replace(
        "</title>", "</title><link rel='alternate' type='application/rss+xml' href='/feed/'>"
    )
    read = page_feeds(head_named.encode(), "http://127.0.0.1:8000/")
    assert [link.url for link in read.links] == ["http://127.0.0.1:8000/feed/"]
    assert read.anchors == ()
