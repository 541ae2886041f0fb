"""What the size limit's shares cost: `prune`'s decision over a big cache, and a sync's, with
each feed's share (`limit_keeps.Room`) against the ranking alone (the loop prune ran before).

    uv run python benchmarks/limit_room.py [--articles 20000] [--feeds 60] [--new 500] [--runs 3]

A cache of `articles` cached articles (a third read), spread over `feeds` feeds, a few of them
busy (half the articles in three feeds), about 20 KB each, and a limit of half of it. "prune"
times what prune decides: the articles in the ranking's order, each kept if it fits (before),
or the same articles added to a `Room` and its `out` (now). "sync" times a sync's part: a
`SyncRoom` made over the cache, then `new` new stories of the busy feeds, each asked whether it
is kept, reserved and cached, as a sync does (now only: there was no share to keep before).
Nothing is asserted: this prints times and their ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # reader from this checkout

from reader.keys import article_key
from reader.library.limit import SyncRoom
from reader.library.limit_keeps import Ranking, Room
from reader.models import Entry
from reader.store.usage import CachedArticle


def library(articles: int, feeds: int, seed: int = 7) -> tuple[list[tuple[Entry, bool]], list]:
    rng = random.Random(seed)
    busy = [f"https://busy{n}.example/feed" for n in range(3)]
    quiet = [f"https://quiet{n}.example/feed" for n in range(feeds - 3)]
    listed: list[tuple[Entry, bool]] = []
    cached: list[CachedArticle] = []
    for n in range(articles):
        feed = rng.choice(busy) if n % 2 or not quiet else rng.choice(quiet)
        at = 1_700_000_000 + n * 60.0
        link = f"{feed.rsplit('/', 1)[0]}/story-{n}.html"
        entry = Entry(f"e{n}", feed, f"Story {n}", link, datetime.fromtimestamp(at, UTC))
        listed.append((entry, rng.random() < 0.33))
        cached.append(CachedArticle(article_key(link), rng.randint(8_000, 32_000), at, at, False))
    return listed, cached


def prune_before(ranking: Ranking, cached: list[CachedArticle], max_bytes: int) -> int:
    kept, out = 0, 0
    for article in reversed(ranking.order(cached)):
        if kept + article.size <= max_bytes:
            kept += article.size
        else:
            out += 1
    return out


def prune_now(ranking: Ranking, cached: list[CachedArticle], max_bytes: int) -> int:
    room = Room(max_bytes, 0, len(ranking.sharing()))
    room.add_all(
        (a.key, ranking.rank(a.key, a.cached_at, a.last_used), a.size, ranking.feed(a.key))
        for a in cached
    )
    return len(room.out)


def sync_now(listed: list, cached: list[CachedArticle], max_bytes: int, new: int) -> int:
    room = SyncRoom(max_bytes, listed, cached, {})
    kept = 0

    async def run() -> None:
        nonlocal kept
        for n in range(new):
            feed = f"https://busy{n % 3}.example/feed"
            link = f"https://busy{n % 3}.example/new-{n}.html"
            when = datetime.fromtimestamp(1_800_000_000 + n, UTC)
            room.note(Entry(f"n{n}", feed, f"New {n}", link, when))
            key = article_key(link)
            if room.keeps(key) and await room.reserve(key, link):
                room.cached(key, 20_000)
                room.outranked()
                kept += 1

    asyncio.run(run())
    return kept


def timed(run) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--feeds", type=int, default=60)
    parser.add_argument("--new", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    listed, cached = library(args.articles, args.feeds)
    ranking = Ranking.of(listed)
    max_bytes = sum(a.size for a in cached) // 2
    before, now, sync = [], [], []
    for _ in range(args.runs):
        t_before, out_before = timed(lambda: prune_before(ranking, cached, max_bytes))
        t_now, out_now = timed(lambda: prune_now(ranking, cached, max_bytes))
        t_sync, kept = timed(lambda: sync_now(listed, cached, max_bytes, args.new))
        before.append(t_before)
        now.append(t_now)
        sync.append(t_sync)
    print(
        f"{args.articles} articles, {args.feeds} feeds, limit half of them: prune's decision "
        f"{statistics.median(before) * 1000:.0f} ms by the ranking alone ({out_before} out), "
        f"{statistics.median(now) * 1000:.0f} ms with each feed's share ({out_now} out): "
        f"{statistics.median(now) / statistics.median(before):.2f}×"
    )
    print(
        f"a sync's room over them, {args.new} new stories asked, reserved and cached: "
        f"{statistics.median(sync) * 1000:.0f} ms ({kept} kept)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
