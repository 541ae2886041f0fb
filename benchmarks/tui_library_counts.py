"""`s` and `E` on a headline in a year's index held in memory: the edit and the feed list's
counts of "Saved" and "Archive" after it, this checkout against another side by side.

    uv run python benchmarks/tui_library_counts.py [--against DIR] [--headlines 43000] [--runs 5]

The reader's index (`HeadlineIndex`, built in memory: no store, no terminal) holds
`--headlines` headlines of 60 feeds, one in 100 saved; each toggle saves (archives) one
headline and unsaves (takes out) it again, as `s` (`E`) does, then reads `saved` and
`archived`, as the feed list does after each, on the event loop. Each checkout runs in a child
of its own, taking turns (this, the other, this…: the machine's load falls on both alike),
`--runs` times; medians, and the ratio other / this. Nothing is asserted.
"""

from __future__ import annotations

import json
import sys
import timeit
from datetime import UTC, datetime, timedelta
from pathlib import Path

from children import compared, comparison_parser

TOGGLES = 200


def child(root: Path, count: int) -> None:
    """Both toggles timed in this process, by the checkout at `root`; ms each, as JSON."""
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
        rows.append(Headline(entry, False, True, saved=n % 100 == 0, key=link))
    index = HeadlineIndex(feeds, rows)

    def save() -> int:
        index.set_saved("e5", True)
        index.set_saved("e5", False)
        return index.saved - index.archived

    def archive() -> int:
        index.set_archived("e5", True)
        index.set_archived("e5", False)
        return index.saved - index.archived

    print(
        json.dumps(
            {
                name: timeit.timeit(toggle, number=TOGGLES) / TOGGLES / 2 * 1000
                for name, toggle in (("s", save), ("E", archive))
            }
        )
    )


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
        __file__, args.against, args.runs, [args.headlines], "an edit and the counts after it", 3
    )
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
