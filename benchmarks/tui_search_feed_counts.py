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
import timeit
from pathlib import Path

from children import index_comparison, index_in_memory

MARKS = 100


def child(root: Path, count: int) -> None:
    """The marks and counts timed in this process, by the checkout at `root`; ms each, as JSON."""
    index = index_in_memory(root, count, read=lambda n: n % 3 == 0)
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
    return index_comparison(__file__, __doc__, child, "a read mark and the counts after")


if __name__ == "__main__":
    raise SystemExit(main())
