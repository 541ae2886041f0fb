"""The cache's size limit shared among the feeds: one feed can't crowd the others out of it.

A traveller's two stories from a small paper, synced, then a flood of forty stories a sync
from another feed, each dated the moment it is served (acc28a H10: the flood evicted both).
Each feed with unread articles keeps its share of the limit, its newest first; what the shares
leave goes to the newest of any feed. And a story ranks from the earlier of its date and when
the reader first saw it: a feed dating its stories anew at every fetch can't keep them the
newest, and have the sync fetch them again only to evict what it cached the time before.

Served on 127.0.0.1 by pytest-httpserver; real syncs into a data directory on disk."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.cli import main
from reader.library import Library
from reader.reports import SyncReport
from tests.served_feed import story_page

FLOOD = 40


class Site:
    """A small paper of two stories from last week, and a flood of `FLOOD` stories dated
    when its feed is fetched (each fetch later than the one before)."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.fetches = 0
        week_ago = datetime(2026, 11, 30, 9, tzinfo=UTC)
        self.server.expect_request("/victim.xml").respond_with_data(
            self._feed("The Small Paper", "victim", 2, lambda n: week_ago + timedelta(hours=n)),
            content_type="application/rss+xml",
        )
        self.server.expect_request("/flood.xml").respond_with_handler(self._flood)
        for name, count in (("victim", 2), ("flood", FLOOD)):
            for n in range(count):
                self.server.expect_request(f"/{name}-{n}.html").respond_with_data(
                    story_page(f"{name} story {n}", times=4), content_type="text/html"
                )

    def _feed(self, title: str, name: str, count: int, dated: object) -> str:
        base = self.server.url_for("").rstrip("/")
        items = "".join(
            f"<item><title>{name} story {n}</title><link>{base}/{name}-{n}.html</link>"
            f"<guid>{base}/{name}-{n}.html</guid>"
            f"<pubDate>{format_datetime(dated(n))}</pubDate></item>"  # type: ignore[operator]
            for n in range(count)
        )
        return (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{items}'
            "</channel></rss>"
        )

    def _flood(self, _request: Request) -> Response:
        # Every story dated now, a minute later at each fetch: newer than anything cached.
        self.fetches += 1
        now = datetime.now(UTC) + timedelta(minutes=self.fetches)
        feed = self._feed("The Flood", "flood", FLOOD, lambda n: now - timedelta(seconds=n))
        return Response(feed, content_type="application/rss+xml")

    def url(self, path: str) -> str:
        return self.server.url_for(path)

    def pages_asked(self, name: str) -> Counter[str]:
        return Counter(
            request.path for request, _ in self.server.log if request.path.startswith(f"/{name}-")
        )


@pytest.fixture
def site() -> Iterator[Site]:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    yield Site(server)
    server.clear()
    server.stop()


def _sync(data: Path, max_bytes: int, feeds: list[str]) -> SyncReport:
    async def run() -> SyncReport:
        async with Library(data, cache_max_bytes=max_bytes) as lib:
            for url in feeds:
                if url not in lib.store.feed_urls():
                    lib.add_feed(url)
            return await lib.sync()

    return asyncio.run(run())


def _cached(data: Path, site: Site, name: str, count: int) -> list[int]:
    with closing(Library(data)) as lib:
        return [n for n in range(count) if lib.store.has_article(site.url(f"/{name}-{n}.html"))]


def _article_size(site: Site, tmp_path: Path) -> int:
    """What one story takes in the cache (they are all about the same)."""
    data = tmp_path / "measure"
    _sync(data, 0, [site.url("/victim.xml")])
    with closing(Library(data)) as lib:
        return max(a.size for a in lib.store.cached_articles())


def test_a_flood_of_new_stories_does_not_evict_another_feeds_unread_ones(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    size = _article_size(site, tmp_path)
    data = tmp_path / "data"
    _sync(data, 0, [site.url("/victim.xml")])
    assert _cached(data, site, "victim", 2) == [0, 1]
    # Room for twelve stories: the two feeds' shares are six each; the small paper uses two,
    # and leaves the rest to the flood's newest.
    max_bytes = 12 * size + size // 2
    (data / "config.toml").write_text(f'[cache]\nmax_size = "{max_bytes}B"\n', encoding="utf-8")
    with closing(Library(data)) as lib:
        lib.add_feed(site.url("/flood.xml"))
    assert main(["--data-dir", str(data), "sync"]) == 0
    said = capsys.readouterr().err
    assert _cached(data, site, "victim", 2) == [0, 1]
    assert "cache limit: evicted" not in said
    flood = _cached(data, site, "flood", FLOOD)
    assert flood == list(range(len(flood))) and len(flood) == 10  # its newest, as room allows
    assert f"10 articles cached for offline, 2 already cached, 0 failed, {FLOOD - 10} left out" in (
        said
    )
    assert site.pages_asked("flood") == Counter(f"/flood-{n}.html" for n in range(10))
    with closing(Library(data)) as lib:
        victim = next(h for h in lib.headlines() if h.entry.link.endswith("/victim-0.html"))
    assert main(["--data-dir", str(data), "show", victim.entry.id, "--offline"]) == 0


def test_a_prune_keeps_each_feeds_share(site: Site, tmp_path: Path) -> None:
    """`reader cache prune --max-size` shares the limit as a sync does: the flood, cached
    whole without a limit, loses its oldest; the small paper's older stories stay."""
    size = _article_size(site, tmp_path)
    data = tmp_path / "data"
    _sync(data, 0, [site.url("/victim.xml"), site.url("/flood.xml")])
    # Twelve stories and half of one: pages differ by a few bytes, and room for twelve of
    # the largest exactly left the tenth of the flood out for a smaller eleventh, now and then.
    limit = 12 * size + size // 2
    assert main(["--data-dir", str(data), "cache", "prune", "--max-size", f"{limit}B"]) == 0
    assert _cached(data, site, "victim", 2) == [0, 1]
    assert _cached(data, site, "flood", FLOOD) == list(range(10))


def test_a_feed_dating_its_stories_anew_at_every_fetch_has_them_fetched_once(
    site: Site, tmp_path: Path
) -> None:
    """Its stories the limit left out rank from when the reader first saw them, not from the
    date of the last fetch: the next sync neither fetches them nor evicts the ones it kept."""
    size = _article_size(site, tmp_path)
    data = tmp_path / "data"
    max_bytes = 10 * size + size // 2
    first = _sync(data, max_bytes, [site.url("/flood.xml")])
    assert first.articles_fetched == 10 and first.left_out == FLOOD - 10
    kept = _cached(data, site, "flood", FLOOD)
    site.server.clear_log()

    again = _sync(data, max_bytes, [site.url("/flood.xml")])
    assert site.pages_asked("flood") == Counter()
    assert again.pruned is None and again.articles_fetched == 0
    assert again.left_out == FLOOD - 10
    assert _cached(data, site, "flood", FLOOD) == kept


def test_every_headline_kept_says_when_it_was_first_seen(site: Site, tmp_path: Path) -> None:
    data = tmp_path / "data"
    before = datetime.now(UTC).timestamp()
    _sync(data, 0, [site.url("/victim.xml")])
    with closing(Library(data)) as lib:
        seen = {e.first_seen for e in lib.store.entries(site.url("/victim.xml"))}
    _sync(data, 0, [site.url("/victim.xml")])
    with closing(Library(data)) as lib:
        assert {e.first_seen for e in lib.store.entries(site.url("/victim.xml"))} == seen
    (first_seen,) = seen
    assert first_seen is not None and first_seen >= int(before)


def _kept_by_the_rule(
    articles: list[tuple[str, tuple[int, float], int, str]], max_bytes: int, feeds: int
) -> set[str]:
    """README's rule, written plainly: each feed's newest unread as far as they fit in its
    share, then from the top of the ranking down each other that fits in what is left."""
    share = max_bytes // feeds
    ranked = sorted(articles, key=lambda a: a[1], reverse=True)
    kept: set[str] = set()
    for feed in {a[3] for a in articles if a[3]}:
        used = 0
        for key, _, size, _ in (a for a in ranked if a[3] == feed):
            used += size
            if used > share:
                break
            kept.add(key)
    left = max_bytes - sum(a[2] for a in articles if a[0] in kept)
    for key, _, size, _ in ranked:
        if key not in kept and size <= left:
            kept.add(key)
            left -= size
    return kept


def test_the_room_keeps_each_feeds_share_in_any_order_of_arrival() -> None:
    """What a sync's room keeps, the articles added, resized and taken back one by one in any
    order, or added all at once as prune adds them, is what the rule keeps."""
    import random

    from reader.library.limit import Room

    rng = random.Random(29)
    for case in range(60):
        feeds = [f"f{n}" for n in range(rng.randint(1, 4))]
        articles = [
            (
                f"a{n}",
                (0, float(n))
                if rng.random() < 0.2
                else (1, float(rng.randint(0, 10_000) * 100 + n)),
                rng.randint(1, 40),
                rng.choice(feeds),
            )
            for n in range(rng.randint(1, 40))
        ]
        articles = [(k, r, s, f if r[0] else "") for k, r, s, f in articles]
        max_bytes = rng.randint(0, sum(a[2] for a in articles) + 10)
        sharing = len({a[3] for a in articles if a[3]}) or 1
        expected = set(a[0] for a in articles) - _kept_by_the_rule(articles, max_bytes, sharing)

        whole = Room(max_bytes, 0, sharing)
        whole.add_all(articles)
        assert whole.out == expected, case

        one_by_one = Room(max_bytes, 0, sharing)
        arrival = articles[:]
        rng.shuffle(arrival)
        for n, (key, rank, size, feed) in enumerate(arrival):
            # Guessed first, measured later; one fetched in vain taken back and added again.
            one_by_one.add(key, rank, rng.randint(1, 40), feed)
            if n % 3 == 0:
                one_by_one.out  # noqa: B018 - asked midway, as a sync asks
            if n % 5 == 0:
                one_by_one.remove(key)
                one_by_one.add(key, rank, size, feed)
        for key, rank, size, feed in arrival[::-1]:
            one_by_one.add(key, rank, size, feed)
        assert one_by_one.out == expected, case
