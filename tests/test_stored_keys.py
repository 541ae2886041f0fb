"""Each headline's article key kept with it in the store: a store written before keys were kept
(or with keys of another version) lists, marks and finds its cached articles exactly as before,
and gets the keys at its next write; `reader feeds` counts what `reader list` lists."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.codec import entry_to_dict
from reader.keys import ARTICLE_KEY_VERSION, article_key
from reader.library import Library
from reader.store import Store
from reader.urls import CANONICAL_VERSION, canonical_url
from tests.conftest import sync_into

STORY = """<!doctype html><html><head><title>{title} | Saltmarsh Courier</title></head><body>
<nav><a href="/">Home</a> <a href="/harbour">Harbour</a></nav>
<article><h1>{title}</h1>
<p>The harbour board met on Thursday evening to hear the engineers' report on the old sea wall,
which has lost a stretch of its facing stones to the winter's easterly storms.</p>
<p>Members agreed to close the footpath along the wall until the repairs are finished, and to
ask the county for the second half of the money promised to the village last spring.</p>
<p>Work is expected to begin in March, once the spring tides have passed.</p>
</article></body></html>"""

ITEMS = [
    ("Sea wall repairs agreed", "/harbour/sea-wall.html?utm_source=rss", "sc-1"),
    ("Ferry timetable changes for winter", "/harbour/ferry.html", "sc-2"),
    ("Lifeboat crew honoured", "/harbour/lifeboat.html#top", "sc-3"),
]


def _feed(base: str, title: str, items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f"<item><title>{t}</title><link>{base}{path}</link><guid>{guid}</guid>"
        f"<pubDate>Thu, 03 Dec 2026 1{n}:00:00 GMT</pubDate></item>"
        for n, (t, path, guid) in enumerate(items)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>{base}/</link>{body}</channel></rss>"
    )


@pytest.fixture
def site(own_server: HTTPServer) -> HTTPServer:
    """The Courier's feed (with an ETag, 304 to a request that sends it back) and its stories."""
    base = own_server.url_for("").rstrip("/")
    feed = _feed(base, "Saltmarsh Courier", ITEMS)

    def answer_feed(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"courier-1"':
            return Response(status=304, headers={"ETag": '"courier-1"'})
        return Response(feed, content_type="application/rss+xml", headers={"ETag": '"courier-1"'})

    own_server.expect_request("/feed.xml").respond_with_handler(answer_feed)
    for title, path, _ in ITEMS:
        own_server.expect_request(path.split("?")[0].split("#")[0]).respond_with_data(
            STORY.format(title=title), content_type="text/html; charset=utf-8"
        )
    return own_server


@contextmanager
def _opened(data_dir: Path) -> Iterator[Library]:
    lib = Library(data_dir, workers="thread")
    try:
        yield lib
    finally:
        lib.close()


def _records(data_dir: Path, feed_url: str) -> list[dict[str, Any]]:
    store = Store(data_dir)
    try:
        return json.loads(store._state.get(f"entries:{feed_url}"))
    finally:
        store.close()


def _write_the_old_way(data_dir: Path, feed_url: str, key: str | None = None) -> None:
    """The feed's entries written as a reader from before stored keys wrote them (`key` None),
    or with `key` for every entry under another version of the key."""
    store = Store(data_dir)
    try:
        records = [entry_to_dict(e) for e in store.entries(feed_url)]
        if key is not None:
            records = [
                {**r, "article_key": key, "key_version": ARTICLE_KEY_VERSION + 1} for r in records
            ]
        store._save(store._state, f"entries:{feed_url}", records)
    finally:
        store.close()


def _seen(data_dir: Path) -> list[tuple[str, str, bool, bool, bool]]:
    with _opened(data_dir) as lib:
        return [(h.entry.id, h.entry.link, h.read, h.cached, h.saved) for h in lib.headlines()]


def test_entries_are_stored_with_their_article_keys(site: HTTPServer, data_dir: Path) -> None:
    url = site.url_for("/feed.xml")
    sync_into(data_dir, [url], articles=False)
    records = _records(data_dir, url)
    assert len(records) == 3
    for record in records:
        assert record["article_key"] == article_key(record["link"])
        assert record["key_version"] == ARTICLE_KEY_VERSION
    # The key is the canonical address: tracking and fragment gone.
    assert {r["article_key"] for r in records} == {
        f"{site.url_for('')}harbour/{name}.html" for name in ("sea-wall", "ferry", "lifeboat")
    }


@pytest.mark.parametrize("old_key", [None, "http://elsewhere.example/wrong.html"])
def test_a_store_without_keys_reads_as_before_and_gets_them(
    site: HTTPServer, data_dir: Path, old_key: str | None
) -> None:
    url = site.url_for("/feed.xml")
    sync_into(data_dir, [url])  # every story cached
    with _opened(data_dir) as lib:
        first = next(h.entry for h in lib.headlines() if "sea-wall" in h.entry.link)
        lib.mark_read(first)
        lib.set_saved(first, True)
    before = _seen(data_dir)
    assert [cached for *_, cached, _ in before] == [True, True, True]

    _write_the_old_way(data_dir, url, old_key)
    assert all(r.get("key_version") != ARTICLE_KEY_VERSION for r in _records(data_dir, url))
    # Listed, flagged and found as before: the keys made from the links, a wrong one unread.
    assert _seen(data_dir) == before
    with _opened(data_dir) as lib:
        headlines = lib.headlines()
        ferry = next(h.entry for h in headlines if "ferry" in h.entry.link)
        lib.mark_read(ferry)
        assert lib.is_read(ferry)
        article = lib.cached_article(ferry)
        assert article is not None and article.title == "Ferry timetable changes for winter"
        assert lib.is_saved(first)
        assert lib.resolve(first.link) == first
        assert [h.entry.id for h in lib.headlines(saved_only=True)] == [first.id]
        assert [h.entry.id for h in lib.headlines(unread_only=True)] == [
            h.entry.id for h in headlines if h.entry.id not in (first.id, ferry.id)
        ]
    assert all(r.get("key_version") != ARTICLE_KEY_VERSION for r in _records(data_dir, url))

    # The next sync: the feed answers 304 (nothing merged), and the keys are written all the same.
    sync_into(data_dir, [url], articles=False)
    records = _records(data_dir, url)
    assert [r["article_key"] for r in records] == [canonical_url(r["link"]) for r in records]
    assert {r["key_version"] for r in records} == {ARTICLE_KEY_VERSION}
    read = {(i, r) for i, _, r, _, _ in _seen(data_dir)}
    assert read == {(i, r or i in (ferry.id,)) for i, _, r, _, _ in before}


def test_a_moved_link_gets_a_new_key(data_dir: Path) -> None:
    """An item whose link changed (same GUID) is listed under its new article key."""
    from reader.keys import entry_id
    from reader.models import Entry

    feed = "http://127.0.0.1:9/feed.xml"
    store = Store(data_dir)
    try:
        store.add_feed(feed)
        old = Entry(entry_id(feed, "g"), feed, "Harbour dues rise", "http://127.0.0.1:9/a.html")
        store.merge_entries(feed, [old])
        moved = Entry(old.id, feed, "Harbour dues rise", "http://127.0.0.1:9/b.html?utm_medium=x")
        store.merge_entries(feed, [moved])
        assert store.keyed_entries(feed) == [(moved, "http://127.0.0.1:9/b.html")]
    finally:
        store.close()


def test_canonical_forms_are_those_of_their_version() -> None:
    """Keys are stored with the version of `canonical_url` that made them: a change to what it
    gives for any of these must raise `CANONICAL_VERSION` (then change this test)."""
    assert CANONICAL_VERSION == 1
    forms = {
        "HTTP://Example.ORG:80/News/Story?id=7&utm_source=rss#comments": (
            "http://example.org/News/Story?id=7"
        ),
        "https://example.org:443": "https://example.org/",
        "https://editor@example.org:8443/a?fbclid=x&b=2": "https://editor@example.org:8443/a?b=2",
        " http://example.org/a b ": "http://example.org/a b",
    }
    assert {url: canonical_url(url) for url in forms} == forms


def _reader(data_dir: Path, *args: str) -> str:
    env = {**os.environ, "READER_HOME": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return result.stdout


def test_feeds_counts_what_list_shows(site: HTTPServer, tmp_path: Path) -> None:
    second = HTTPServer(host="127.0.0.1", port=0)
    second.start()
    try:
        base = second.url_for("").rstrip("/")
        items = [(f"Allotment notes, week {n}", f"/garden/{n}.html", f"g{n}") for n in range(5)]
        second.expect_request("/rss").respond_with_data(
            _feed(base, "Garden Gazette", items), content_type="application/rss+xml"
        )
        data_dir = tmp_path / "data"
        courier, gazette = site.url_for("/feed.xml"), second.url_for("/rss")
        sync_into(data_dir, [courier, gazette], articles=False)
    finally:
        second.stop()
    with _opened(data_dir) as lib:
        gazette_headlines = lib.headlines(gazette)
        lib.mark_many_read(h.entry for h in gazette_headlines[:2])
        lib.mark_read(lib.headlines(courier)[0].entry)
    counted = {
        f["url"]: (f["entries"], f["unread"])
        for f in json.loads(_reader(data_dir, "feeds", "--json"))
    }
    listed = {}
    for url in (courier, gazette):
        lines = _reader(data_dir, "list", "--feed", url).splitlines()
        unread = _reader(data_dir, "list", "--unread", "--feed", url).splitlines()
        listed[url] = (len(lines), len(unread))
    assert counted == listed == {courier: (3, 2), gazette: (5, 3)}
    text = _reader(data_dir, "feeds")
    assert "Saltmarsh Courier  (2 unread of 3)" in text
    assert "Garden Gazette  (3 unread of 5)" in text


def test_keys_made_where_the_feed_is_parsed_are_the_ones_stored(data_dir: Path) -> None:
    """A sync merges the keys its worker made with the parse (not made again on the event
    loop): parse_feed gives each entry's, and merge_entries keeps those it is given."""
    from reader.feeds import parse_feed
    from reader.models import Entry

    feed = "http://127.0.0.1:9/feed.xml"
    parsed = parse_feed(_feed("http://127.0.0.1:9", "Saltmarsh Courier", ITEMS).encode(), feed)
    assert parsed.keys == {e.id: article_key(e.link) for e in parsed.entries}
    assert "http://127.0.0.1:9/harbour/sea-wall.html" in parsed.keys.values()
    store = Store(data_dir)
    try:
        store.add_feed(feed)
        given = {e.id: f"http://127.0.0.1:9/given/{n}" for n, e in enumerate(parsed.entries)}
        store.merge_entries(feed, parsed.entries, given)
        assert dict((e.id, k) for e, k in store.keyed_entries(feed)) == given
        # A fresh entry with no key given gets its own; a kept one keeps its key.
        extra = Entry("0123456789ab", feed, "Harbour dues rise", "http://127.0.0.1:9/dues.html")
        store.merge_entries(feed, [extra])
        keys = dict((e.id, k) for e, k in store.keyed_entries(feed))
        assert keys == {**given, extra.id: "http://127.0.0.1:9/dues.html"}
    finally:
        store.close()
