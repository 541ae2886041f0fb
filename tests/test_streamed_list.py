"""`reader list` prints each headline as it is read (`Library.streamed_headlines`, a merge of the
feeds' lists kept newest first): the same lines in the same order as the list read whole, ties
between feeds and within one, a headline its feed left undated but dated by its cached page, the
read ones left out with `--unread`, and a feed whose kept list is out of order or damaged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.library import Library
from reader.store import Store
from tests.conftest import sync_into

PAGE = """<!doctype html><html><head><title>{title}</title>{meta}</head><body>
<article><h1>{title}</h1>
<p>The parish council met in the village hall on Tuesday to hear from residents about the
state of the lane to the mill, which floods after every heavy rain this autumn.</p>
<p>A decision on resurfacing was put off until the county's survey is published next month,
and the clerk will write to the water board about the blocked culvert by the bridge.</p>
</article></body></html>"""

# (feed, guid, title, pubDate or "" for none, the page's own date or "")
ITEMS = [
    ("mill", "m-1", "Mill lane flooding raised again", "Tue, 01 Dec 2026 09:00:00 GMT", ""),
    ("mill", "m-2", "Culvert by the bridge blocked", "Tue, 01 Dec 2026 09:00:00 GMT", ""),
    ("mill", "m-3", "Survey of the lane due next month", "", "2026-12-02T10:00:00Z"),
    ("mill", "m-4", "Parish notices for December", "", ""),
    ("mill", "m-5", "Hall bookings open for spring", "Mon, 30 Nov 2026 18:30:00 GMT", ""),
    ("down", "d-1", "Water board answers the clerk", "Tue, 01 Dec 2026 09:00:00 GMT", ""),
    ("down", "d-2", "Bus shelter repaired at last", "Wed, 02 Dec 2026 08:00:00 GMT", ""),
    ("down", "d-3", "Footpath diversion lifted", "Sun, 29 Nov 2026 12:00:00 GMT", ""),
]


def _feed(base: str, name: str) -> str:
    items = ""
    for feed, guid, title, date, _ in ITEMS:
        if feed == name:
            when = f"<pubDate>{date}</pubDate>" if date else ""
            items += (
                f"<item><title>{title}</title><link>{base}/{feed}/{guid}.html</link>"
                f"<guid>{guid}</guid>{when}</item>"
            )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>The {name} Parish News'
        f"</title><link>{base}/</link>{items}</channel></rss>"
    )


@pytest.fixture
def library_dir(data_dir: Path) -> Iterator[Path]:
    """Two feeds synced, their articles cached (one page dating an item its feed left
    undated), and some headlines read."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    base = server.url_for("").rstrip("/")
    for name in ("mill", "down"):
        server.expect_request(f"/{name}.xml").respond_with_data(
            _feed(base, name), content_type="application/rss+xml"
        )
    for feed, guid, title, _, page_date in ITEMS:
        meta = (
            f'<meta property="article:published_time" content="{page_date}">' if page_date else ""
        )
        server.expect_request(f"/{feed}/{guid}.html").respond_with_data(
            PAGE.format(title=title, meta=meta), content_type="text/html; charset=utf-8"
        )
    sync_into(data_dir, [f"{base}/mill.xml", f"{base}/down.xml"])
    lib = Library(data_dir, workers="thread")
    try:
        read = [h.entry for h in lib.headlines() if h.entry.id and h.entry.title[0] in "BCW"]
        lib.mark_many_read(read)
    finally:
        lib.close()
    yield data_dir
    server.stop()


def _both(data_dir: Path, feed: str | None = None, unread: bool = False) -> tuple[list, list]:
    lib = Library(data_dir, workers="thread")
    try:
        return lib.headlines(feed, unread_only=unread), list(
            lib.streamed_headlines(feed, unread_only=unread)
        )
    finally:
        lib.close()


def test_the_list_as_read_is_the_list_read_whole(library_dir: Path) -> None:
    whole, streamed = _both(library_dir)
    assert streamed == whole
    titles = [h.entry.title for h in streamed]
    # The undated item its cached page dates sits at that date; the one no page dates, last.
    assert titles.index("Survey of the lane due next month") == 0  # 10:00 on the 2nd
    assert titles[-1] == "Parish notices for December"
    # Three items at 09:00 on the 1st: the first feed's first, in its order, then the other's.
    assert titles[2:5] == [
        "Mill lane flooding raised again",
        "Culvert by the bridge blocked",
        "Water board answers the clerk",
    ]
    unread_whole, unread_streamed = _both(library_dir, unread=True)
    assert unread_streamed == unread_whole
    assert 0 < len(unread_streamed) < len(streamed)
    assert all(not h.read for h in unread_streamed)
    mill = streamed[0].entry.feed_url
    assert _both(library_dir, feed=mill)[1] == _both(library_dir, feed=mill)[0]


def test_a_feed_kept_out_of_order_or_damaged_lists_as_before(library_dir: Path) -> None:
    whole, _ = _both(library_dir)
    feeds = sorted({h.entry.feed_url for h in whole})
    store = Store(library_dir)
    try:
        # One feed's records in reverse (written so by some other reader), the other's with a
        # record a reader can't decode (no id): that feed's list is dropped, as reading it
        # whole drops it.
        records = json.loads(store._state.get(f"entries:{feeds[0]}"))
        store._save(store._state, f"entries:{feeds[0]}", records[::-1])
        records = json.loads(store._state.get(f"entries:{feeds[1]}"))
        store._save(store._state, f"entries:{feeds[1]}", [{"title": "no id"}, *records])
    finally:
        store.close()
    lib = Library(library_dir, workers="thread")
    try:
        streamed = list(lib.streamed_headlines())
    finally:
        lib.close()
    lib = Library(library_dir, workers="thread")
    try:
        assert streamed == lib.headlines()
    finally:
        lib.close()
    assert {h.entry.feed_url for h in streamed} == {feeds[0]}
    assert [h.entry.title for h in streamed] == [
        h.entry.title for h in whole if h.entry.feed_url == feeds[0]
    ]


def test_reader_list_prints_what_the_list_read_whole_holds(library_dir: Path) -> None:
    env = {**os.environ, "READER_HOME": str(library_dir), "PYTHONIOENCODING": "utf-8"}

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "reader", "list", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=True,
        )
        return done.stdout

    ids = [row["id"] for row in json.loads(run("--json"))]  # read whole
    assert run("--ids").split() == ids
    lines = run().splitlines()
    assert [line.split()[0] for line in lines] == ids
    assert "Survey of the lane due next month" in lines[0]
    unread = [row["id"] for row in json.loads(run("--json", "--unread"))]
    assert run("--ids", "--unread").split() == unread
    assert run("--ids", "--since", "2026-12-01T09:00Z").split() == ids[:5]
