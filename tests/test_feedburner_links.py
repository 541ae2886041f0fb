"""A FeedBurner-proxied feed's items: the link is the tracker's `~r/` redirect, and
`feedburner:origLink` the story's own address. Many of those redirects are dead since FeedBurner
stopped tracking items; a story read through one that works was cited at its real address, one
through a dead one was "taken down" and cited at the tracker's (acc42c C13)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from tests.served_feed import story_page

TITLE = "Harbour open day draws record crowd"


def _feed(base: str, original: str) -> str:
    # No GUID: the item is told by its link, as many WordPress feeds' are.
    return (
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel>'
        "<title>Harbour Society</title><link>http://harbour.example/</link><item>"
        f"<title>{TITLE}</title><link>{base}/~r/HarbourSociety/~3/xYz123/</link>{original}"
        "<description>Over 2,000 visitors came to the harbour on Saturday.</description>"
        "</item></channel></rss>"
    )


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    capsys.readouterr()
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def _serve(httpserver: HTTPServer, original: str) -> str:
    """The feed, its tracker's dead redirect and the story's own page; the story's address."""
    httpserver.clear()
    base = httpserver.url_for("").rstrip("/")
    story = f"{base}/wp/123/harbour-open-day-draws-record-crowd/"
    httpserver.expect_request("/feed.xml").respond_with_data(
        _feed(base, original.format(story=story)), content_type="application/rss+xml"
    )
    httpserver.expect_request("/~r/HarbourSociety/~3/xYz123/").respond_with_data("gone", status=404)
    httpserver.expect_request("/wp/123/harbour-open-day-draws-record-crowd/").respond_with_data(
        story_page(TITLE), content_type="text/html"
    )
    return story


def test_the_original_address_is_read_and_cited_and_the_headline_stays_itself(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = ["--data-dir", str(data_dir)]
    _serve(httpserver, "")
    assert main([*home, "add", httpserver.url_for("/feed.xml")]) == 0
    main([*home, "sync"])
    (before,) = _json(capsys, *home, "list", "--json")
    assert before["link"].endswith("/~r/HarbourSociety/~3/xYz123/") and not before["cached"]
    assert main([*home, "mark-read", before["id"]]) == 0

    # The feed states the story's own address beside the tracker's.
    story = _serve(httpserver, "<feedburner:origLink>{story}</feedburner:origLink>")
    main([*home, "sync"])
    (row,) = _json(capsys, *home, "list", "--json")
    assert row["id"] == before["id"] and row["read"]  # the same headline: its mark kept
    assert row["link"] == story and row["cached"]
    shown = _json(capsys, *home, "show", row["id"], "--offline", "--format", "json")
    assert shown["url"] == story and "~r/" not in json.dumps(shown)


def test_an_original_address_that_is_no_web_address_is_not_read(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = ["--data-dir", str(data_dir)]
    _serve(httpserver, "<feedburner:origLink>javascript:alert(1)</feedburner:origLink>")
    assert main([*home, "add", httpserver.url_for("/feed.xml")]) == 0
    (row,) = _json(capsys, *home, "list", "--json")
    assert row["link"].endswith("/~r/HarbourSociety/~3/xYz123/")
