"""A feed item's link holding control characters (acc47c C3): an escape sequence written into
`<link>` is no address. Percent-encoded as a page's link is, it read as a path under the feed's
site, whose 404 told a live, cached story "taken down". The real `reader sync` against a feed and
its pages served on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from reader.cli import main

ARTICLE = (
    "<!DOCTYPE html><html><head><title>Ferry timetable changes from Monday</title></head><body>"
    "<article><h1>Ferry timetable changes from Monday</h1>"
    + "<p>The morning ferry to the island leaves at nine from Monday, an hour later than now, "
    "and the last one back at six; the harbour office says the summer timetable returns in "
    "May.</p>" * 5 + "</article></body></html>"
)


def _rss(link: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        "<title>Harbour Gazette</title><link>http://127.0.0.1/</link>"
        "<item><title>Ferry timetable changes from Monday</title>"
        f"<link>{link}</link><guid>ferry</guid>"
        "<pubDate>Sun, 06 Dec 2026 10:00:00 GMT</pubDate></item></channel></rss>"
    )


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(["--data-dir", str(data_dir), *args])
    said = capsys.readouterr()
    assert code == 0, said.err
    return said.out + said.err


def test_an_item_link_turned_to_an_escape_sequence_takes_no_cached_story_down(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    httpserver.no_handler_status_code = 404  # the mangled path's answer, as a site's
    page = httpserver.url_for("/a/ferry.html")
    httpserver.expect_request("/a/ferry.html").respond_with_data(
        ARTICLE, content_type="text/html; charset=utf-8"
    )
    feed = {"rss": _rss(page)}
    httpserver.expect_request("/feed.xml").respond_with_handler(
        lambda _: Response(feed["rss"], content_type="application/rss+xml")
    )
    _run(data_dir, capsys, "add", httpserver.url_for("/feed.xml"))
    _run(data_dir, capsys, "sync")
    # The same story, its link now an escape sequence before the address (&#x1b;, &#7;).
    feed["rss"] = _rss(f"&#x1b;]0;T&#7;{page}")
    said = _run(data_dir, capsys, "sync")
    assert "taken down" not in said
    assert not any("%1B" in request.path for request, _ in httpserver.log)
    (listed,) = json.loads(_run(data_dir, capsys, "list", "--json"))
    assert listed["link"] == page
    shown = _run(data_dir, capsys, "show", "--offline", listed["id"])
    assert "taken down" not in shown and "The morning ferry to the island" in shown


@pytest.mark.parametrize(
    ("href", "link"),
    [
        # An escape sequence goes whole: the address around it is the one meant.
        ("\x1b]0;T\x07http://gazette.example/a.html", "http://gazette.example/a.html"),
        ("http://gazette.example/a\x1b[31m.html", "http://gazette.example/a.html"),
        ("http://gazette.example/a\x9b31m.html", "http://gazette.example/a.html"),
        # A control left in it makes it no address, as `reader add` refuses one.
        ("http://gazette.example/a\x07.html", ""),
        ("http://gazette.example/a\x01.html", ""),
        ("http://gazette.example/a\x85.html", ""),
        # What a browser strips or removes as it reads an address is no control in it.
        ("\x00 http://gazette.example/a.html \x1f", "http://gazette.example/a.html"),
        ("http://gazette.example/a\n\t.html", "http://gazette.example/a.html"),
        ("/a.html", "http://gazette.example/a.html"),
    ],
)
def test_an_item_link_is_no_link_when_a_control_character_is_left_in_it(
    href: str, link: str
) -> None:
    from reader.urls import item_link  # here: the test above runs on readers without it

    assert item_link("http://gazette.example/feed.xml", href) == link
