"""A feed whose server sends no ETag nor Last-Modified is fetched whole at every refresh: when
it brings nothing new, its list of entries in the store is not written again and the refresh
says so (`FeedResult.changed`), so a reader filling its list as feeds come in reads only that
feed's row again. What it lists (order, marks, counts) is the same either way."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.ignore_rules import IgnoreRule, ignore_rules
from reader.library import Library
from reader.reports import FeedResult
from reader.store import Store


def _feed(base: str, items: list[tuple[str, str, int]]) -> str:
    body = "".join(
        f"<item><title>{title}</title><link>{base}/valley/{guid}.html</link><guid>{guid}</guid>"
        f"<pubDate>Wed, 02 Dec 2026 {hour:02d}:15:00 GMT</pubDate>"
        "<description>Councillors heard from residents of the upper valley.</description></item>"
        for title, guid, hour in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Upper Valley Gazette</title>'
        f"<link>{base}/</link>{body}</channel></rss>"
    )


ITEMS = [
    ("Bridge weight limit lowered after survey", "uvg-101", 9),
    ("Library opening hours extended in winter", "uvg-102", 11),
    ("School bus route changes from Monday", "uvg-103", 14),
]


@pytest.fixture
def site(own_server: HTTPServer) -> HTTPServer:
    return own_server


def _serve(site: HTTPServer, items: list[tuple[str, str, int]]) -> str:
    """The Gazette's feed, as a server that asks for no conditional request serves it."""
    site.clear()
    base = site.url_for("").rstrip("/")
    site.expect_request("/feed.xml").respond_with_data(
        _feed(base, items), content_type="application/rss+xml"
    )
    return site.url_for("/feed.xml")


def _refresh(data_dir: Path, ignore: tuple[IgnoreRule, ...] = ()) -> FeedResult:
    async def run() -> FeedResult:
        async with Library(data_dir, workers="thread", ignore=ignore) as lib:
            (result,) = await lib.refresh()
            return result

    return asyncio.run(run())


def _written_at(data_dir: Path, feed_url: str) -> float:
    """When the store last wrote the feed's list of entries (diskcache's own record of it)."""
    store = Store(data_dir)
    try:
        query = "SELECT store_time FROM Cache WHERE key = ?"
        ((at,),) = store._state._sql(query, (f"entries:{feed_url}",)).fetchall()
        return float(at)
    finally:
        store.close()


def _subscribed(site: HTTPServer, data_dir: Path) -> tuple[str, FeedResult]:
    """The Gazette's feed served and subscribed to, and its first refresh."""
    url = _serve(site, ITEMS)
    lib = Library(data_dir, workers="thread")
    lib.add_feed(url)
    lib.close()
    return url, _refresh(data_dir)


def _listed(data_dir: Path) -> list[tuple[str, str, bool]]:
    lib = Library(data_dir, workers="thread")
    try:
        return [(h.entry.id, h.entry.title, h.read) for h in lib.headlines()]
    finally:
        lib.close()


def test_a_feed_served_again_unchanged_is_not_written_again(
    site: HTTPServer, data_dir: Path
) -> None:
    url, first = _subscribed(site, data_dir)
    assert first.changed and first.new_entries == 3
    listed = _listed(data_dir)
    assert [title for _, title, _ in listed] == [
        "School bus route changes from Monday",
        "Library opening hours extended in winter",
        "Bridge weight limit lowered after survey",
    ]
    written = _written_at(data_dir, url)

    again = _refresh(data_dir)

    assert not again.changed and again.new_entries == 0 and again.error is None
    assert len(site.log) == 2  # fetched whole both times: no ETag to send back
    assert _written_at(data_dir, url) == written
    assert _listed(data_dir) == listed


def test_a_feed_served_with_a_title_changed_is_written(site: HTTPServer, data_dir: Path) -> None:
    _subscribed(site, data_dir)
    retold = [("Bridge weight limit lowered to 7.5 tonnes", "uvg-101", 9), *ITEMS[1:]]
    _serve(site, retold)

    result = _refresh(data_dir)

    assert result.changed and result.new_entries == 0
    assert [title for _, title, _ in _listed(data_dir)][-1] == (
        "Bridge weight limit lowered to 7.5 tonnes"
    )


def test_a_feed_with_one_item_more_is_written_and_lists_it_first(
    site: HTTPServer, data_dir: Path
) -> None:
    _subscribed(site, data_dir)
    _serve(site, [*ITEMS, ("Flood warning lifted for the lower fields", "uvg-104", 16)])

    result = _refresh(data_dir)

    assert result.changed and result.new_entries == 1
    assert _listed(data_dir)[0][1] == "Flood warning lifted for the lower fields"
    assert len(_listed(data_dir)) == 4


def test_the_same_bytes_again_are_neither_parsed_nor_merged(
    site: HTTPServer, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """acc40b P11: a 5 MB feed sent again byte for byte, by a server that sends no validators,
    cost more than its first read (parsed, its 2,000 items compared one by one): now taken as
    a 304 would be, the feed counted as read just now and its headlines as they were."""
    from reader.library import feed_refresh

    parsed: list[str] = []
    parse = feed_refresh.parse_feed

    def counted(body: bytes, url: str, *args: object) -> object:
        parsed.append(url)
        return parse(body, url, *args)

    monkeypatch.setattr(feed_refresh, "parse_feed", counted)
    url, first = _subscribed(site, data_dir)
    lib = Library(data_dir, workers="thread")
    lib.mark_read(lib.store.entries(url)[0])
    lib.close()
    listed, written = _listed(data_dir), _written_at(data_dir, url)

    again = _refresh(data_dir)

    assert parsed == [url]  # the first read alone
    assert again.not_modified and again.error is None and not again.changed
    assert len(site.log) == 2  # asked for whole both times
    assert again.feed.last_success is not None and first.feed.last_success is not None
    assert again.feed.last_success > first.feed.last_success
    assert again.feed.title == "Upper Valley Gazette"
    assert _written_at(data_dir, url) == written
    assert _listed(data_dir) == listed and sum(read for *_, read in listed) == 1


def test_a_byte_changed_is_read_again(site: HTTPServer, data_dir: Path) -> None:
    _subscribed(site, data_dir)
    _refresh(data_dir)  # the same bytes: not read
    base = site.url_for("").rstrip("/")
    site.clear()
    changed = _feed(base, ITEMS).replace("hours extended", "hours Extended")
    site.expect_request("/feed.xml").respond_with_data(changed, content_type="application/rss+xml")

    result = _refresh(data_dir)

    assert not result.not_modified and result.changed
    assert "Library opening hours Extended in winter" in [t for _, t, _ in _listed(data_dir)]


def test_the_same_bytes_under_a_new_ignore_rule_are_read_again(
    site: HTTPServer, data_dir: Path
) -> None:
    """The bytes compared only while what reads them is the same: a rule added since takes the
    item it matches out, as when the feed changed."""
    _subscribed(site, data_dir)
    result = _refresh(data_dir, ignore_rules([{"title": "School bus"}]))

    assert not result.not_modified
    assert [t for _, t, _ in _listed(data_dir)] == [
        "Library opening hours extended in winter",
        "Bridge weight limit lowered after survey",
    ]


def test_the_same_bytes_bring_back_a_list_lost_since(site: HTTPServer, data_dir: Path) -> None:
    """A feed's list dropped as damaged is made again at its next read, the bytes the same."""
    url, _ = _subscribed(site, data_dir)
    listed = _listed(data_dir)
    store = Store(data_dir)
    try:
        store._state.set(f"entries:{url}", '[{"id": "uvg-1')  # torn at its first record
    finally:
        store.close()
    assert _listed(data_dir) == []

    again = _refresh(data_dir)

    assert not again.not_modified and again.new_entries == 3
    assert _listed(data_dir) == listed
