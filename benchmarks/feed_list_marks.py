"""The feed list's mark on feeds with articles not offline yet (`TO_FETCH_MARK`), at what it costs
a reader of many feeds, this checkout against another side by side.

    uv run python benchmarks/feed_list_marks.py [--against DIR] [--feeds 200] [--runs 5]

`--feeds` feeds of 40 headlines each, a quarter of them with three articles not cached, in an
index with no store behind it (`HeadlineIndex`): the index made; what the feed list asks of it
at each change (`show_feeds`: the unread counts, and with the marks the feeds short of offline),
per call; a headline's article cached (`set_cached`, as a sync's each is), per headline; then
a `FeedList` alone in an app of its own (Textual's headless driver) filled and drawn, and one
row changed and drawn again 20 times (with the marks a feed's mark taken off, as the sync
caching its last article does; without, its unread count). Each checkout in a child of its
own, taking turns; medians, and the ratio. Nothing is asserted.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PER_FEED = 40
CHANGES = 20
ASKS = 200


def child(root: Path, count: int) -> None:
    """Every step timed in this process, by the checkout at `root`; ms each, as JSON."""
    sys.path.insert(0, str(root))
    from datetime import UTC, datetime, timedelta

    from textual.app import App, ComposeResult

    from reader.models import Entry, Feed
    from reader.reports import Headline
    from reader.ui.headlines import HeadlineIndex
    from reader.ui.widgets.main.feed_list import FeedList

    feeds = [
        Feed(f"http://127.0.0.1:9/{n}.xml", title=f"Publisher {n % 25} News — Section {n}")
        for n in range(count)
    ]
    now = datetime(2026, 12, 1, tzinfo=UTC)
    rows = []
    for n in range(count * PER_FEED):
        feed, link = feeds[n % count], f"http://127.0.0.1:9/{n}.html"
        entry = Entry(f"e{n}", feed.url, f"t{n}", link, now - timedelta(minutes=n))
        # The first three of every fourth feed's headlines not cached.
        cached = not ((n % count) % 4 == 0 and n < 3 * count)
        rows.append(Headline(entry, False, cached, key=link))
    start = time.perf_counter()
    index = HeadlineIndex(feeds, rows)
    built = time.perf_counter() - start
    marking = hasattr(index, "short_of_offline")
    start = time.perf_counter()
    for _ in range(ASKS):
        index.unread_counts()
        if marking:
            index.short_of_offline()
    asked = (time.perf_counter() - start) / ASKS
    uncached = [h.entry.id for h in rows if not h.cached]
    start = time.perf_counter()
    for entry_id in uncached:
        index.set_cached(entry_id)
    cached_each = (time.perf_counter() - start) / len(uncached)
    marked = frozenset(f.url for f in feeds[::4])

    class Alone(App[None]):
        def compose(self) -> ComposeResult:
            yield FeedList(id="feeds")

    def shown(listed: FeedList, to_fetch: frozenset[str], unread: dict[str, int]) -> None:
        if marking:
            listed.set_feeds(feeds, unread, 0, to_fetch=to_fetch)
        else:
            listed.set_feeds(feeds, unread, 0)

    async def run() -> dict[str, float]:
        app = Alone()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            listed = app.query_one(FeedList)
            counts = {feed.url: 10 for feed in feeds}
            start = time.perf_counter()
            shown(listed, marked, counts)
            await pilot.pause()
            filled = time.perf_counter() - start
            start = time.perf_counter()
            changes = min(CHANGES, len(marked))
            left = set(marked)
            for n in range(changes):
                gone = feeds[4 * n].url
                left.discard(gone)
                shown(listed, frozenset(left), counts if marking else {**counts, gone: 9})
                await pilot.pause()
            changed = (time.perf_counter() - start) / changes
        return {
            "index": built * 1000,
            "asked": asked * 1000,
            "cached": cached_each * 1000,
            "filled": filled * 1000,
            "row": changed * 1000,
        }

    print(json.dumps(asyncio.run(run())))


def main() -> int:
    sys.path.insert(0, str(HERE))
    from children import compared, comparison_parser, taking_turns
    from farm import load_average

    parser = comparison_parser(__doc__ or "")
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = compared(parser, child, child_types=(Path, int))
    if args is None:
        return 0
    what = "index made; counts asked per change; a headline cached; list filled; one row changed"
    taking_turns(__file__, args.against, args.runs, [args.feeds], what, 3)
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
