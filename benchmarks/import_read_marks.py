"""How long another reader's read marks take to find their headlines after `reader import`
(`read_marks.ReadMarks.read_ones`), with many marks over many feeds (a newsraft database keeps
every item it ever fetched), this checkout against another side by side (`--against DIR`, a
worktree of main).

    uv run python benchmarks/import_read_marks.py [--marks 20000] [--feeds 100] [--against DIR]

Each checkout's child builds the same marks (by GUID, one in ten by a link only) spread over
`feeds` feeds, and 50 unread headlines a feed, half of them marked, then times finding the
marked ones feed by feed, as the import does once each feed is fetched. Prints each checkout's
seconds, the headlines found (which must agree) and their ratio. Nothing is asserted: this
prints numbers.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from children import checkouts, child_json, compared, comparison_parser


def child(root: Path, marks: int, feeds: int) -> None:
    sys.path.insert(0, str(root))
    try:
        from reader.read_marks import ReadMarks
    except ImportError:  # main before the marks had a module of their own
        from reader.newsboat_marks import ReadMarks  # type: ignore[no-redef]
    from reader.keys import entry_id
    from reader.models import Entry

    urls = [f"https://site{n}.example/feed.xml" for n in range(feeds)]
    rows = []
    for n in range(marks):
        feed = urls[n % feeds]
        link = f"https://site{n % feeds}.example/story/{n}"
        rows.append((feed, link if n % 10 == 0 else f"guid-{n}", link))
    read = ReadMarks(tuple(rows))
    entries = []
    for f, feed in enumerate(urls):
        for k in range(50):
            n = f + feeds * k * 2 if k % 2 == 0 else marks + f * 50 + k  # half of them marked
            key = f"https://site{f}.example/story/{n}" if n % 10 == 0 else f"guid-{n}"
            link = f"https://site{f}.example/story/{n}"
            entries.append(Entry(entry_id(feed, key), feed, f"Story {n}", link))
    by_feed: dict[str, list[Entry]] = {}
    for entry in entries:
        by_feed.setdefault(entry.feed_url, []).append(entry)
    start = time.perf_counter()
    found = sum(len(read.read_ones(listed)) for listed in by_feed.values())
    print(json.dumps([time.perf_counter() - start, found]))


def main() -> int:
    parser = comparison_parser(__doc__)
    parser.add_argument("--marks", type=int, default=20_000)
    parser.add_argument("--feeds", type=int, default=100)
    args = compared(parser, child, child_types=(Path, int, int))
    if args is None:
        return 0
    from farm import load_average

    took: dict[str, float] = {}
    for name, root in checkouts(args.against).items():
        seconds, found = child_json(__file__, "--child", root, args.marks, args.feeds)
        took[name] = seconds
        print(
            f"{name:8} {args.marks:,} marks over {args.feeds} feeds: {seconds:.3f} s,"
            f" {found:,} headlines found"
        )
    if "against" in took:
        print(f"against / this: {took['against'] / took['this']:.1f}×")
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
