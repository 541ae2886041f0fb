"""A date far after the moment it was read (a hostile or broken feed's 2099, a page claiming
it) is not believed for the order of the lists: the item is sorted as of when it was first
read, and stays there, not first of every list for decades (acc26a H4). Since acc43c C3, so is
a feed's date more than an hour ahead (a zone's slip of hours sat first of the list all that
time), the date it claims kept apart ("claimed"); a page's date is judged as before."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.test_page_dated_headlines import _page, listed, run


def _serve(server: HTTPServer, soon: str) -> str:
    items = [
        ("Far ahead by its feed", "/feed-2099", "Thu, 01 Jan 2099 00:00:00 GMT", ""),
        ("Far ahead by its page", "/page-2099", "", "2099-01-01T00:00:00Z"),
        ("A zone's slip ahead", "/soon", soon, ""),
        ("Dated normally", "/normal", "Tue, 01 Dec 2026 08:00:00 GMT", ""),
    ]
    rss = []
    for title, path, feed_date, page_date in items:
        server.expect_request(path).respond_with_data(
            _page(title, page_date, "The harbour board met on Tuesday. "), content_type="text/html"
        )
        date = f"<pubDate>{feed_date}</pubDate>" if feed_date else ""
        link = server.url_for(path)
        rss.append(
            f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>{date}</item>"
        )
    server.expect_request("/feed.xml").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile Dates</title>'
        f"{''.join(rss)}</channel></rss>",
        content_type="application/rss+xml",
    )
    return server.url_for("/feed.xml")


def test_a_date_far_ahead_is_sorted_as_of_when_it_was_read(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "home"
    soon = datetime.now(UTC) + timedelta(hours=6)
    feed = _serve(httpserver, soon.strftime("%a, %d %b %Y %H:%M:%S GMT"))
    started = datetime.now(UTC)
    assert run(data, capsys, "add", feed)[0] == 0
    assert run(data, capsys, "sync", "-q")[0] == 0
    first = {str(row["title"]): row["published"] for row in listed(data, capsys)}
    # Read by the sync, so dated no later than now; so is a zone's slip of a few hours.
    when = datetime.fromisoformat(str(first["Far ahead by its feed"]))
    assert started - timedelta(minutes=1) <= when <= datetime.now(UTC), when
    # A page's date over a day past its retrieval (its server's clock agreeing with ours) is
    # believed nowhere since the 34th session (acc34b D3): the item is undated, as its feed
    # left it, never first of every list.
    assert first["Far ahead by its page"] is None
    slipped = datetime.fromisoformat(str(first["A zone's slip ahead"]))
    assert started - timedelta(minutes=1) <= slipped <= datetime.now(UTC), slipped
    # Refreshed again, each keeps the moment it was first read: no first place for good.
    assert run(data, capsys, "sync", "-q")[0] == 0
    again = {str(row["title"]): row["published"] for row in listed(data, capsys)}
    assert again == first
    # Nor is it cited: the page's own header has no date rather than 2099's.
    page = next(r for r in listed(data, capsys) if r["title"] == "Far ahead by its page")
    status, out, _ = run(data, capsys, "show", str(page["id"]), "--format", "json")
    assert status == 0 and json.loads(out)["published"] is None
