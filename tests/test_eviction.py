"""The cache's size limit: what goes first when the articles synced don't all fit. A traveller
syncs before a flight to read what is new: the articles read go first, the newest unread last,
each feed keeping its share of the limit, a saved one never."""

from __future__ import annotations

import asyncio
from contextlib import closing
from pathlib import Path

import pytest
from conftest import sync_into

from reader.demo.server import DemoServer
from reader.keys import article_key
from reader.library import Library
from reader.reports import Headline


def cacheable(lib: Library) -> list[Headline]:
    """The headlines whose link is an article page, newest first (as the list shows them)."""
    return [h for h in lib.headlines() if h.entry.link and not h.not_article]


def sizes(lib: Library) -> dict[str, int]:
    return {a.key: a.size for a in lib.store.cached_articles()}


def kept_unread(unread: list[tuple[str, str, int]], room: int) -> set[str]:
    """What the limit keeps of `unread` (key, feed, size; the newest first) in `room` bytes, as
    README says: each feed's share (the room divided among the feeds), its newest as far down
    as they fit in it; then, from the newest down, each other that fits in what is left."""
    share = room // len({feed for _, feed, _ in unread})
    used: dict[str, int] = dict.fromkeys((feed for _, feed, _ in unread), 0)
    full: set[str] = set()
    kept = set()
    for key, feed, size in unread:
        if feed not in full and used[feed] + size <= share:
            used[feed] += size
            kept.add(key)
        else:
            full.add(feed)
    left = room - sum(used.values())
    for key, _, size in unread:
        if key not in kept and size <= left:
            left -= size
            kept.add(key)
    return kept


def test_a_size_limit_after_a_sync_keeps_the_newest_unread(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    measured = tmp_path / "measured"
    sync_into(measured, demo_server.feed_urls)
    with closing(Library(measured)) as lib:
        each = sizes(lib)
        total = sum(each.values())
        assert len(each) == len(cacheable(lib)) > 4

    async def sync_with_limit(directory: Path) -> None:
        async with Library(directory, cache_max_bytes=total // 2) as lib:
            for url in demo_server.feed_urls:
                lib.add_feed(url)
            report = await lib.sync()
            # Left out: not fetched, or fetched and evicted at once; no article cached before
            # the sync was evicted, there was none.
            assert report.left_out > 0 and report.pruned is None

    limited = tmp_path / "limited"
    asyncio.run(sync_with_limit(limited))
    with closing(Library(limited)) as lib:
        listed = [(article_key(h.entry.link), h.entry.feed_url, h.cached) for h in cacheable(lib)]
        assert sum(sizes(lib).values()) <= total // 2
    # The newest stories of each feed's share, then the newest of any, are the ones left,
    # whatever order the sync cached them in (a feed's newest first: evicting the first cached
    # evicted the newest).
    kept = {key for key, _, cached in listed if cached}
    assert 0 < len(kept) < len(listed)
    assert listed[0][2]
    assert {feed for key, feed, _ in listed if key in kept} == set(demo_server.feed_urls)
    assert kept == kept_unread([(k, f, each[k]) for k, f, _ in listed], total // 2)


def test_read_articles_go_before_unread_ones_and_a_saved_one_never(synced_dir: Path) -> None:
    with closing(Library(synced_dir)) as lib:
        headlines = cacheable(lib)
        size = sizes(lib)
        total = sum(size.values())
        newest, second, *_, oldest = headlines
        lib.set_saved(oldest.entry, True)
        # Both newest read, the second one last: it is the more recently read of the two.
        for headline in (newest, second):
            lib.mark_read(headline.entry)
            asyncio.run(lib.article(headline.entry, offline=True))

        def key(headline: Headline) -> str:
            return article_key(headline.entry.link)

        # Room for all but the first read: the least recently read goes, nothing else.
        report = lib.prune(max_bytes=total - size[key(newest)])
        assert report.removed == 1 and not lib.store.has_article(newest.entry.link)
        # Room for all but one more article: the other read one goes before any unread one.
        report = lib.prune(max_bytes=total - size[key(newest)] - 1)
        assert report.removed == 1 and not lib.store.has_article(second.entry.link)
        # Then the unread: of a feed over its share, the oldest story first (the saved one,
        # older still, stays).
        unread = [h for h in headlines if h not in (newest, second, oldest)]
        left = total - size[key(newest)] - size[key(second)]
        report = lib.prune(max_bytes=left - 1)
        room = left - 1 - size[key(oldest)]
        kept = kept_unread([(key(h), h.entry.feed_url, size[key(h)]) for h in unread], room)
        (going,) = [h for h in unread if key(h) not in kept]
        assert going != unread[0]
        assert report.removed == 1 and not lib.store.has_article(going.entry.link)
        assert all(lib.store.has_article(h.entry.link) for h in unread if h is not going)
        # Over the limit with nothing but the saved one: it stays.
        report = lib.prune(max_bytes=1)
        assert [h for h in headlines if lib.store.has_article(h.entry.link)] == [oldest]
        assert report.kept_saved == 1


def test_a_cache_under_its_limit_is_not_ranked(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The prune after every sync: a cache under the limit evicts nothing, known from its total
    # (seconds and hundreds of MB to rank a year's 51,000 articles, at every sync).
    with closing(Library(synced_dir)) as lib:
        lib.set_saved(cacheable(lib)[-1].entry, True)
        articles = lib.store.cached_articles()
        total = sum(a.size for a in articles)

        def ranked() -> None:
            raise AssertionError("every article ranked")

        monkeypatch.setattr(lib, "_ranking", ranked)
        report = lib.prune(max_bytes=total)
        assert (report.removed, report.freed_bytes, report.remaining_bytes) == (0, 0, total)
        assert report.kept_saved == 1
        assert len(lib.store.cached_articles()) == len(articles)
        monkeypatch.undo()
        assert lib.prune(max_bytes=total - 1).removed == 1  # one byte over: ranked, one goes
