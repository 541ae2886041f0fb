"""Syncs over the cache's size limit: the articles it leaves out are remembered, not fetched by
every sync only to be evicted again at its end; a sync says how many in one line, fetches them
once the cache has room (the limit raised, newer ones read), and opening one fetches it at once.

A harbour town's paper of eight stories, an hour apart, served on 127.0.0.1; the limit holds
three of them."""

from __future__ import annotations

import asyncio
from collections import Counter
from contextlib import closing
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.config import Config
from reader.keys import article_key
from reader.library import Library
from reader.library.gates import PriorityGate
from reader.library.limit import Ranking, Room
from reader.reports import SyncReport
from reader.store.usage import CachedArticle
from reader.ui.app import ReaderApp
from reader.ui.app_sync import sync_summary
from reader.ui.widgets.article.article_body import ArticleBody
from tests.served_feed import serve_stories
from tests.test_library import feed_xml
from tests.tui_pilot import open_row, started, table

SUBJECTS = [
    ("Ferry timetable changes", "the ferry company", "winter crossings"),
    ("Lighthouse keeper retires", "the lighthouse trust", "the keeper's cottage"),
    ("Fish market reopens", "the market traders", "the new cold store"),
    ("Sea wall repairs begin", "the borough engineers", "the promenade"),
    ("Lifeboat crew honoured", "the lifeboat station", "the November rescue"),
    ("Harbour dues to rise", "the harbour board", "visiting yachts"),
    ("School sails to the islands", "the sixth form", "the field trip"),
    ("Old customs house sold", "the heritage society", "the auction"),
]
KEPT = 3  # the newest stories the limit has room for


def page(title: str, who: str, what: str) -> str:
    paragraphs = "".join(
        f"<p>{sentence}</p>"
        for sentence in (
            f"{who.capitalize()} confirmed on Monday that {what} would go ahead as planned, "
            "after a consultation that drew more replies than any in the town's memory.",
            f"Residents who spoke at the meeting were divided: some welcomed {what}, others "
            "asked why the notice had been posted so late in the season.",
            f"A spokesperson for {who} said the decision had not been taken lightly and that "
            "the figures would be published in full before the end of the month.",
            "The council's harbour committee will hear the matter again in the spring, when "
            "the tides and the budget are both better known.",
        )
    )
    return (
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Front page</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article><footer>Quay Daily</footer></body></html>"
    )


def path_of(index: int) -> str:
    return f"/story-{index}.html"


@pytest.fixture
def site(own_server: HTTPServer) -> HTTPServer:
    base = own_server.url_for("").rstrip("/")
    items = [(title, path_of(i), f"s{i}") for i, (title, _, _) in enumerate(SUBJECTS)]
    own_server.expect_request("/feed.xml").respond_with_data(
        feed_xml(base, items), content_type="application/rss+xml"
    )
    for i, subject in enumerate(SUBJECTS):
        own_server.expect_request(path_of(i)).respond_with_data(
            page(*subject), content_type="text/html; charset=utf-8"
        )
    return own_server


def requests(server: HTTPServer) -> Counter[str]:
    """How often each story was asked for, since the log was last cleared."""
    return Counter(r.path for r, _ in server.log if r.path.startswith("/story-"))


async def _sync(directory: Path, limit: int, feed: str = "") -> SyncReport:
    async with Library(directory, cache_max_bytes=limit) as lib:
        if feed:
            lib.add_feed(feed)
        return await lib.sync()


def sync(directory: Path, limit: int, feed: str = "") -> SyncReport:
    return asyncio.run(_sync(directory, limit, feed))


@pytest.fixture
def limit(site: HTTPServer, tmp_path: Path) -> int:
    """Room for the newest `KEPT` stories, and not a byte for a fourth: measured in a cache of
    every story, synced without a limit."""
    whole = tmp_path / "whole"
    sync(whole, 0, site.url_for("/feed.xml"))
    with closing(Library(whole)) as lib:
        sizes = {a.key: a.size for a in lib.store.cached_articles()}
    site.clear_log()
    newest = [sizes[article_key(site.url_for(path_of(i)))] for i in range(len(SUBJECTS))][-KEPT:]
    return sum(newest) + min(sizes.values()) // 2


def cached_stories(directory: Path, site: HTTPServer) -> list[int]:
    with closing(Library(directory)) as lib:
        return [i for i in range(len(SUBJECTS)) if lib.store.has_article(site.url_for(path_of(i)))]


def test_two_syncs_over_the_limit_fetch_the_left_out_articles_at_most_once(
    site: HTTPServer, data_dir: Path, limit: int
) -> None:
    first = sync(data_dir, limit, site.url_for("/feed.xml"))
    kept = list(range(len(SUBJECTS)))[-KEPT:]
    assert cached_stories(data_dir, site) == kept  # the newest
    # What stayed is said to be cached; the rest is said to be left out, not cached.
    assert first.articles_fetched == KEPT and first.left_out == len(SUBJECTS) - KEPT
    assert first.full.startswith("5 left out: the cache is full (max_size ")
    asked_first = requests(site)

    second = sync(data_dir, limit)
    assert requests(site) == asked_first  # the second sync asked for no story at all
    assert max(asked_first.values()) == 1
    assert second.articles_fetched == 0 and second.articles_already_cached == KEPT
    assert second.left_out == len(SUBJECTS) - KEPT and second.pruned is None
    assert " · 5 left out: the cache is full (max_size " in sync_summary(second)  # the TUI's
    assert cached_stories(data_dir, site) == kept


def test_a_tags_sync_keeps_what_the_limit_left_out_of_the_other_feeds(
    site: HTTPServer, data_dir: Path, limit: int, httpserver: HTTPServer
) -> None:
    """`reader sync --tag`: the articles the limit left out of the feeds not synced stay
    remembered (the sync forgot every record its own headlines did not list), so the next
    whole sync does not fetch them only to evict them."""
    wire = serve_stories(httpserver, "Wire", [("Tide tables", 23)])
    sync(data_dir, limit, site.url_for("/feed.xml"))
    with closing(Library(data_dir)) as lib:
        lib.add_feed(wire)
        lib.tag_feed(wire, ["wires"])
        left_out = lib.store.left_out_keys()
    assert len(left_out) == len(SUBJECTS) - KEPT

    async def tag_sync() -> SyncReport:
        async with Library(data_dir, cache_max_bytes=limit) as lib:
            return await lib.sync(feeds=lib.tagged_urls(["wires"]))

    report = asyncio.run(tag_sync())
    assert [r.feed.url for r in report.feeds] == [wire]
    with closing(Library(data_dir)) as lib:
        assert left_out <= lib.store.left_out_keys()
    site.clear_log()
    sync(data_dir, limit)
    assert not requests(site)


def test_the_cli_says_what_the_limit_left_out(
    site: HTTPServer, data_dir: Path, limit: int, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir(exist_ok=True)
    (data_dir / "config.toml").write_text(f'[cache]\nmax_size = "{limit}B"\n', encoding="utf-8")
    assert main(["--data-dir", str(data_dir), "add", site.url_for("/feed.xml")]) == 0
    for _ in range(2):
        assert main(["--data-dir", str(data_dir), "sync"]) == 0
    err = capsys.readouterr().err.splitlines()
    summaries = [line for line in err if "synced 1 of 1 feed" in line]
    assert summaries[0].endswith(
        "3 articles cached for offline, 0 already cached, 0 failed, 5 left out: the cache is "
        f"full (max_size {limit / 1024:.1f} KB; unread ones first: each feed's share, its "
        "newest first, then the newest of any)"
    )
    assert "0 articles cached for offline, 3 already cached, 0 failed, 5 left out" in summaries[1]
    assert not any("cache limit: evicted" in line for line in err)  # nothing cached was lost
    assert max(requests(site).values()) == 1

    assert main(["--data-dir", str(data_dir), "cache"]) == 0
    said = capsys.readouterr().out
    assert "left out        5: the cache is full (max_size " in said
    oldest = site.url_for(path_of(0))
    assert main(["--data-dir", str(data_dir), "show", "--offline", oldest]) == 1
    assert "not available offline: the cache is full" in capsys.readouterr().err
    # Asked for, it is fetched at once, whatever the limit says.
    assert main(["--data-dir", str(data_dir), "show", oldest]) == 0
    assert "Ferry timetable changes" in capsys.readouterr().out
    # The syncs never asked for it (the first one's size guess is the newest story's now,
    # not the first item's): this is its one download.
    assert requests(site)[path_of(0)] == 1


def test_a_raised_limit_lets_the_next_sync_fetch_them(
    site: HTTPServer, data_dir: Path, limit: int
) -> None:
    sync(data_dir, limit, site.url_for("/feed.xml"))
    site.clear_log()
    report = sync(data_dir, limit * 3)
    assert report.articles_fetched == len(SUBJECTS) - KEPT and report.left_out == 0
    assert cached_stories(data_dir, site) == list(range(len(SUBJECTS)))
    assert set(requests(site)) == {path_of(i) for i in range(len(SUBJECTS) - KEPT)}
    # No limit at all: nothing is left out, nothing remembered.
    with closing(Library(data_dir)) as lib:
        assert lib.cache_stats().left_out == 0


def test_newer_articles_read_make_room_for_the_next_unread(
    site: HTTPServer, data_dir: Path, limit: int
) -> None:
    sync(data_dir, limit, site.url_for("/feed.xml"))
    newest = len(SUBJECTS) - 1
    with closing(Library(data_dir)) as lib:
        entry = next(h.entry for h in lib.headlines() if h.entry.link.endswith(path_of(newest)))
        lib.mark_read(entry)
    site.clear_log()
    report = sync(data_dir, limit)
    # The story read goes; the newest unread left out before takes its place.
    next_unread = len(SUBJECTS) - KEPT - 1
    assert requests(site) == Counter({path_of(next_unread): 1})
    assert report.articles_fetched == 1 and report.left_out == len(SUBJECTS) - KEPT
    assert report.pruned is not None and report.pruned.removed == 1
    assert cached_stories(data_dir, site) == [next_unread, newest - 2, newest - 1]


def test_a_saved_left_out_article_is_cached_for_good(
    site: HTTPServer, data_dir: Path, limit: int
) -> None:
    sync(data_dir, limit, site.url_for("/feed.xml"))

    async def save_oldest() -> None:
        async with Library(data_dir, cache_max_bytes=limit) as lib:
            await lib.save(site.url_for(path_of(0)))

    asyncio.run(save_oldest())
    sync(data_dir, limit)
    # Saved, it stays; the limit makes room for it with the oldest of the unread it kept.
    assert cached_stories(data_dir, site) == [0, *range(len(SUBJECTS) - KEPT + 1, len(SUBJECTS))]


def test_the_reader_opens_a_left_out_article_and_does_not_fetch_them_ahead(
    site: HTTPServer, data_dir: Path, limit: int
) -> None:
    sync(data_dir, limit, site.url_for("/feed.xml"))
    site.clear_log()

    async def open_oldest() -> str:
        config = Config(data_dir / "config.toml", cache_max_bytes=limit)
        app = ReaderApp(data_dir, config=config, refresh_on_start=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            rows = table(app).rows
            assert [h.left_out for h in rows] == [False] * KEPT + [True] * (len(rows) - KEPT)
            oldest = next(i for i, h in enumerate(rows) if h.entry.link.endswith(path_of(0)))
            screen = await open_row(pilot, oldest)
            article = screen.query_one(ArticleBody).article
            assert article is not None
            return article.title

    assert asyncio.run(open_oldest()) == "Ferry timetable changes"
    # Opened, it was fetched; the others left out were not fetched ahead of the reader.
    assert requests(site) == Counter({path_of(0): 1})


def _article(key: str, size: int, at: float) -> CachedArticle:
    return CachedArticle(key, size, cached_at=at, last_used=at, saved=False)


def test_the_room_keeps_what_prune_would_in_any_order() -> None:
    # Ranked as prune ranks them: read ones (by last use), then unread by story, oldest first.
    ranking = Ranking(read={"r1", "r2"}, unread={f"u{i}": float(i) for i in range(6)})
    sizes = {"r1": 5, "r2": 7, "u0": 4, "u1": 9, "u2": 3, "u3": 6, "u4": 2, "u5": 8}
    articles = [_article(k, s, float(i)) for i, (k, s) in enumerate(sizes.items())]
    order = [a.key for a in ranking.order(articles)]
    assert order == ["r1", "r2", "u0", "u1", "u2", "u3", "u4", "u5"]
    for max_bytes in (0, 10, 16, 19, 30, 44, 100):
        kept, used = [], 0
        for key in reversed(order):  # prune's loop: from the top down, each that fits
            if used + sizes[key] <= max_bytes:
                kept.append(key)
                used += sizes[key]
        for arrival in (order, order[::-1], sorted(order, key=lambda k: sizes[k])):
            room = Room(max_bytes, saved_bytes=0)
            for key in arrival:
                a = next(a for a in articles if a.key == key)
                room.add(key, ranking.rank(key, a.cached_at, a.last_used), a.size)
            assert sorted(set(order) - room.out) == sorted(kept), (max_bytes, arrival)


def test_the_sync_lets_the_waiting_in_by_priority_and_passes_a_cancelled_ones_slot_on() -> None:
    async def run() -> list[str]:
        gate = PriorityGate(1)
        order: list[str] = []
        held = asyncio.Event()

        async def one(name: str, priority: tuple[float, ...], hold: bool = False) -> None:
            async with gate.slot(priority):
                order.append(name)
                if hold:
                    await held.wait()

        first = asyncio.create_task(one("first", (9.0,), hold=True))
        await asyncio.sleep(0)
        waiting = {
            name: asyncio.create_task(one(name, priority))
            for name, priority in [
                ("older", (2.0,)),
                ("newest", (1.0,)),
                ("cancelled", (0.0,)),
                ("new", (1.0,)),
            ]
        }
        await asyncio.sleep(0)
        waiting["cancelled"].cancel()
        held.set()
        await asyncio.gather(first, *waiting.values(), return_exceptions=True)
        # Free again: the next one in goes at once.
        await asyncio.wait_for(one("later", (5.0,)), 5)
        return order

    assert asyncio.run(run()) == ["first", "newest", "new", "older", "later"]


def test_a_read_article_never_cached_is_not_fetched_once_the_limit_is_reached() -> None:
    """A year's library, its headlines nearly all marked read unopened: over the limit, a sync
    must not fetch every read article it never cached, each to evict one read before (the
    data directory at three times the limit mid-sync). Never cached, a read article ranks
    under every cached one: once the cache is full, it is left out."""
    from datetime import UTC, datetime

    from reader.library.limit import SyncRoom
    from reader.models import Entry

    def entry(name: str) -> Entry:
        return Entry(
            name, "f", name, f"http://127.0.0.1:9/{name}.html", datetime(2026, 1, 1, tzinfo=UTC)
        )

    old1, old2, news, skimmed = (entry(n) for n in ("old1", "old2", "news", "skimmed"))
    cached = [
        CachedArticle(article_key(old1.link), 1_000, 100.0, 100.0, False),
        CachedArticle(article_key(old2.link), 1_000, 200.0, 200.0, False),
    ]
    listed = [(old1, True), (old2, True), (news, False), (skimmed, True)]
    room = SyncRoom(2_000, listed, cached, {})
    assert room.keeps(article_key(news.link))  # new and unread: fetched, evicting old1
    room.cached(article_key(news.link), 1_000)
    assert room.room.out == {article_key(old1.link)}
    # Read, never cached: it would only evict old2, read too and cached before it.
    assert not room.keeps(article_key(skimmed.link))
    # Fetched last of all while there is room.
    assert room.priority(article_key(skimmed.link)) > room.priority(article_key(news.link))
    # Left out so (never fetched, no size), it is not fetched by the next sync either, to
    # evict a read one cached before it.
    from reader.store.usage import LeftOut

    later = SyncRoom(
        1_999,  # a byte short: old2 goes at the end of the next sync
        listed,
        [cached[1], CachedArticle(article_key(news.link), 1_000, 300.0, 300.0, False)],
        {article_key(skimmed.link): LeftOut(0, 400.0, 400.0, 400.0)},
    )
    # 999 bytes are left under old2 (which goes), less than an article takes (the mean of
    # those known): not fetched.
    assert not asyncio.run(later.reserve(article_key(skimmed.link), skimmed.link))
    assert article_key(skimmed.link) in later.skipped


def test_a_sync_into_an_empty_cache_fetches_no_more_than_the_limit_keeps(
    site: HTTPServer, data_dir: Path, limit: int
) -> None:
    """Every headline marked read unopened, the cache empty: the first sync over the limit
    fetched every story at once (16 downloads a host under way), only for the limit to evict
    all but three at its end. One is fetched alone to tell an article's size; the room the
    others will take is held as they are fetched, so none is asked for that would not fit."""
    asyncio.run(_headlines_only(data_dir, site.url_for("/feed.xml")))
    with closing(Library(data_dir)) as lib:
        for headline in lib.headlines():
            lib.mark_read(headline.entry)
    site.clear_log()
    report = sync(data_dir, limit)
    asked = requests(site)
    assert max(asked.values()) == 1
    # The mean of the stories' sizes may fit a fourth where the one fetched does not.
    assert sum(asked.values()) <= KEPT + 1, asked
    assert len(cached_stories(data_dir, site)) == KEPT
    assert report.left_out == len(SUBJECTS) - KEPT


async def _headlines_only(directory: Path, feed: str) -> None:
    async with Library(directory) as lib:
        lib.add_feed(feed)
        await lib.refresh()


def test_a_page_bigger_than_the_limit_dated_far_ahead_leaves_the_others_cached(
    site: HTTPServer, data_dir: Path, limit: int
) -> None:
    """A hostile feed's one item, dated 2099 (the newest unread of all, so the last the limit
    would evict) and bigger than the whole limit: the limit went down its ranking evicting
    until the cache fit, every other article first, then it; the cache was left empty and
    each sync said it was full. It keeps from the top down each article that fits."""
    import random

    rng = random.Random(26)
    words = [
        "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(3, 9))) for _ in range(4000)
    ]
    paragraphs = "".join(
        "<p>" + " ".join(rng.choices(words, k=120)) + ".</p>" for _ in range(limit // 200)
    )
    site.expect_request("/far.html").respond_with_data(
        f"<html><head><title>Far ahead</title></head><body><article><h1>Far ahead</h1>"
        f"{paragraphs}</article></body></html>",
        content_type="text/html; charset=utf-8",
    )
    far = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Far Ahead</title>'
        f"<item><title>Far ahead</title><link>{site.url_for('/far.html')}</link><guid>far</guid>"
        "<pubDate>Thu, 01 Jan 2099 00:00:00 GMT</pubDate></item></channel></rss>"
    )
    site.expect_request("/far.xml").respond_with_data(far, content_type="application/rss+xml")
    sync(data_dir, 0, site.url_for("/feed.xml"))
    with closing(Library(data_dir)) as lib:
        lib.add_feed(site.url_for("/far.xml"))
    for _ in range(2):
        report = sync(data_dir, limit)
        assert cached_stories(data_dir, site) == list(range(len(SUBJECTS)))[-KEPT:]
        assert report.left_out == len(SUBJECTS) - KEPT + 1  # and the far one
    site.clear_log()
    sync(data_dir, limit)
    assert not any(r.path == "/far.html" for r, _ in site.log)  # left out: not fetched again


def test_a_story_dated_after_it_was_cached_ranks_as_of_when_it_was_cached() -> None:
    ranking = Ranking(unread={"far": 4_070_908_800.0, "week": 1_000.0, "undated": float("inf")})
    # Cached a year before the week-old story: evicted first, 2099 or not.
    assert ranking.rank("far", cached_at=500.0, last_used=500.0) == (1, 500.0)
    assert ranking.rank("far", 500.0, 500.0) < ranking.rank("week", 1_100.0, 1_100.0)
    assert ranking.rank("undated", 700.0, 700.0) == (1, 700.0)
