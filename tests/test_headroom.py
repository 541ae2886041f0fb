"""A sync of a cache well under its size limit ranks no article (`headroom`): it knows from the
cache's bytes at most that every article fits. One that brings the cache past the limit ranks
them once it nears it, and keeps what the limit keeps, fetching none it then evicts.

A paper of sixty stories, a minute apart, served on 127.0.0.1, each page of its own words (so
that no two compress alike)."""

from __future__ import annotations

import asyncio
import random
import string
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.library import Library
from reader.library.headroom import Headroom
from reader.reports import SyncReport

STORIES = 60


def page(number: int) -> str:
    rng = random.Random(number)
    words = " ".join(
        "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 9)))
        for _ in range(1500)
    )
    paragraphs = "".join(f"<p>{words[n : n + 600]}.</p>" for n in range(0, len(words), 600))
    title = f"Story {number}"
    return (
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Front page</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article><footer>The Paper</footer></body></html>"
    )


class Paper:
    """The paper's server; its feed lists the stories of `listed` (numbers: the higher, the
    newer)."""

    def __init__(self) -> None:
        self.server = HTTPServer(host="127.0.0.1", port=0)
        self.listed: list[int] = []
        self.server.expect_request("/feed.xml").respond_with_handler(self._feed)
        for number in range(STORIES):
            self.server.expect_request(f"/story-{number}.html").respond_with_data(
                page(number), content_type="text/html; charset=utf-8"
            )
        self.server.start()
        self.url = self.server.url_for("/feed.xml")

    def _feed(self, _request: Request) -> Response:
        base = self.server.url_for("").rstrip("/")
        items = "".join(
            f"<item><title>Story {n}</title><link>{base}/story-{n}.html</link>"
            f"<guid>{base}/story-{n}.html</guid>"
            f"<pubDate>Tue, 24 Nov 2026 10:{n:02d}:00 GMT</pubDate></item>"
            for n in self.listed
        )
        feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>The Paper</title>{items}'
        return Response(feed + "</channel></rss>", content_type="application/rss+xml")

    def asked(self) -> Counter[int]:
        """How often each story was asked for."""
        return Counter(
            int(r.path[len("/story-") : -len(".html")])
            for r, _ in self.server.log
            if r.path.startswith("/story-")
        )


@pytest.fixture
def paper() -> Iterator[Paper]:
    served = Paper()
    yield served
    served.server.stop()


def sync(directory: Path, url: str, max_bytes: int | None = None) -> SyncReport:
    async def run() -> SyncReport:
        async with Library(directory, cache_max_bytes=max_bytes, workers="thread") as lib:
            if url not in lib.store.feed_urls():
                lib.add_feed(url)
            return await lib.sync()

    return asyncio.run(run())


def cached(directory: Path, paper: Paper) -> set[int]:
    with closing(Library(directory)) as lib:
        link = paper.server.url_for
        return {n for n in range(STORIES) if lib.store.has_article(link(f"/story-{n}.html"))}


def bound(directory: Path) -> int:
    with closing(Library(directory)) as lib:
        return lib.store.cached_bound()


def test_the_bound_is_never_under_what_the_limit_counts(paper: Paper, data_dir: Path) -> None:
    paper.listed = list(range(10))
    sync(data_dir, paper.url)
    with closing(Library(data_dir)) as lib:
        counted = sum(a.size for a in lib.store.cached_articles())
        assert counted == lib.store.cached_total()[0]
        assert counted <= lib.store.cached_bound() <= 3 * counted


def test_a_sync_well_under_the_limit_reads_and_ranks_no_article(
    paper: Paper, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paper.listed = list(range(4))
    sync(data_dir, paper.url)
    paper.listed = list(range(12))
    read: list[str] = []

    async def run() -> tuple[SyncReport, object]:
        async with Library(data_dir, cache_max_bytes=50 * 2**20, workers="thread") as lib:
            store = lib.store
            for name in ("cached_articles", "cached_total"):
                real = getattr(store, name)
                monkeypatch.setattr(
                    store, name, lambda real=real, name=name: read.append(name) or real()
                )
            room = lib._sync_room(lib.headlines(), len(store.article_keys()))
            return await lib.sync(), room

    report, room = asyncio.run(run())
    assert read == []  # every article's size read and ranked at each sync, before
    assert isinstance(room, Headroom)
    assert report.articles_fetched == 8 and report.left_out == 0
    assert cached(data_dir, paper) == set(range(12))


def test_a_sync_from_well_under_the_limit_to_past_it_keeps_what_the_limit_keeps(
    paper: Paper, data_dir: Path
) -> None:
    paper.listed = list(range(0, STORIES, 10))  # six stories, the newest the 50th
    sync(data_dir, paper.url)
    limit = 2 * bound(data_dir) + 2  # the cache at most half of it: a `Headroom`
    paper.server.clear_log()
    paper.listed = list(range(STORIES))
    report = sync(data_dir, paper.url, limit)
    kept = cached(data_dir, paper)
    newest = sorted(kept)[0]
    assert 6 < len(kept) < STORIES  # past the limit: it left some out
    assert kept == set(range(newest, STORIES))  # the newest, as the limit keeps them
    asked = paper.asked()
    assert max(asked.values()) == 1
    assert set(asked) <= kept  # none fetched to be evicted at the end
    assert report.left_out == STORIES - len(kept)
    with closing(Library(data_dir)) as lib:
        assert lib.store.cached_total()[0] <= limit
