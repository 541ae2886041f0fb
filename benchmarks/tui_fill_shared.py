"""A refresh's fill of "All feeds" on a year's index held in memory: a feed's headlines read
again join the list (`HeadlineIndex.with_feeds`), and the list is drawn from it as the screen
draws it after each feed (its rows, "All feeds"' unread count, the first row's other feeds),
this checkout against another side by side.

    uv run python benchmarks/tui_fill_shared.py [--against DIR] [--headlines 43000] [--runs 5]

The index (built in memory: no store, no terminal) holds `--headlines` headlines of 60 feeds,
one story in 20 listed by a second feed too (one link); each fill brings one feed's rows again,
two of them stories another feed lists. Each checkout runs in a child of its own, taking turns,
`--runs` times; the median of 20 fills, in ms, and the ratio other / this. Nothing is
asserted: on main the stories a fill brings are listed twice until the links are made again.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace
from pathlib import Path

from children import index_comparison, index_in_memory

FILLS = 20


def child(root: Path, count: int) -> None:
    """The fills timed in this process, by the checkout at `root`; ms each, as JSON."""
    index = index_in_memory(root, count, read=lambda n: n % 3 == 0)
    sys.path.insert(0, str(root))
    from reader.reports import Headline, newest_first
    from reader.ui.headlines import HeadlineIndex

    rows: list[Headline] = list(index.headlines)
    # One story in 20 listed by the next feed as well (its link, its own id and time).
    twins = [
        replace(h, entry=replace(h.entry, id=h.entry.id + "b", feed_url=rows[n + 1].entry.feed_url))
        for n, h in enumerate(rows[:-1])
        if n % 20 == 0
    ]
    index = HeadlineIndex(index.feeds, sorted(rows + twins, key=newest_first))
    index.view(None)
    feed = index.feeds[7].url
    fresh = [h for h in index.headlines if h.entry.feed_url == feed]
    elsewhere = [h for h in index.headlines if h.entry.feed_url != feed][100:102]
    fresh = sorted(
        fresh
        + [
            replace(h, entry=replace(h.entry, id=h.entry.id + "c", feed_url=feed))
            for h in elsewhere
        ],
        key=newest_first,
    )
    took = []
    for _ in range(FILLS):
        start = time.perf_counter()
        index = index.with_feeds(index.feeds, {feed}, fresh, index.edits)
        shown = index.view(None)
        index.unread_in(None)
        index.also_in(shown[0].entry.id)
        took.append((time.perf_counter() - start) * 1000)
    took.sort()
    print(json.dumps({"fill": took[len(took) // 2]}))


def main() -> int:
    return index_comparison(__file__, __doc__, child, "a feed's fill, drawn", digits=1)


if __name__ == "__main__":
    raise SystemExit(main())
