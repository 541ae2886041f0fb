"""A read mark and the feed list's search feed rows after it, in a year's index held in memory:
each search feed's unread hits counted, this checkout against another side by side.

    uv run python benchmarks/tui_search_feed_counts.py [--against DIR] [--headlines 43000] [--runs 5]

The reader's index (`HeadlineIndex`, built in memory: no store, no terminal) holds
`--headlines` headlines of 60 feeds, a third read; three search feeds hit one headline in 2, in
10 and in 100 (a common word's, a story's, a name's). Each step marks one hit read and unread
again, as `m` does, and counts the three rows' unread hits after each mark, as the feed list
does after every change on the event loop: this checkout by `SearchFeedCounts`, a checkout
without it (main before search36) by its walk of every hit, copied here as
`MainScreenUnread.search_feed_rows` had it. Each checkout runs in a child of its own, taking
turns (this, the other, this…: the machine's load falls on both alike), `--runs` times;
medians, and the ratio other / this. Nothing is asserted.
"""

from __future__ import annotations

import json
import sys
import timeit
from datetime import UTC, datetime, timedelta
from pathlib import Path

from children import compared, comparison_parser

MARKS = 100


def child(root: Path, count: int) -> None:
    """The marks and counts timed in this process, by the checkout at `root`; ms each, as JSON."""
    sys.path.insert(0, str(root))
    from reader.models import Entry, Feed
    from reader.reports import Headline
    from reader.ui.headlines import HeadlineIndex

    feeds = [Feed(f"http://127.0.0.1:9/{n}.xml", title=f"Feed {n}") for n in range(60)]
    now = datetime(2026, 12, 1, tzinfo=UTC)
    rows = []
    for n in range(count):
        feed, link = feeds[n % 60], f"http://127.0.0.1:9/{n}.html"
        entry = Entry(f"e{n}", feed.url, f"t{n}", link, now - timedelta(minutes=n))
        rows.append(Headline(entry, n % 3 == 0, True, key=link))
    index = HeadlineIndex(feeds, rows)
    hits = {
        name: frozenset(f"e{n}" for n in range(0, count, every))
        for name, every in (("common", 2), ("story", 10), ("name", 100))
    }
    try:
        from reader.ui.search_feed_counts import SearchFeedCounts
    except ImportError:  # the walk of every hit at each count, as main had it

        def counted() -> list[int]:
            return [sum(not h.read for i in ids if (h := index.get(i))) for ids in hits.values()]
    else:
        counts = SearchFeedCounts()
        counts.found(hits)

        def counted() -> list[int]:
            return [counts.unread(index, name) for name in hits]

    counted()  # the first count, after a search: every hit looked up, on both

    def mark() -> list[int]:
        index.set_read("e10", True)
        counted()
        index.set_read("e10", False)
        return counted()

    print(json.dumps({"m": timeit.timeit(mark, number=MARKS) / MARKS / 2 * 1000}))


def main() -> int:
    parser = comparison_parser(__doc__)
    parser.add_argument("--headlines", type=int, default=43_000)
    parser.add_argument("--runs", type=int, default=5)
    args = compared(parser, child, child_types=(Path, int))
    if args is None:
        return 0
    from children import taking_turns
    from farm import load_average

    taking_turns(
        __file__, args.against, args.runs, [args.headlines], "a read mark and the counts after", 3
    )
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
