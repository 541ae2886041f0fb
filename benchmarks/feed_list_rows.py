"""The feed list of many feeds on the event loop: filled, drawn, and a count changed (as a
refresh changes them feed by feed), this checkout against another side by side.

    uv run python benchmarks/feed_list_rows.py [--against DIR] [--feeds 500] [--runs 5] [--folders]

A `FeedList` alone in an app of its own (Textual's headless driver, 80 columns): `--feeds`
feeds of 25 publishers ("Publisher 3 News — Section 41": their names cut alike, so cut in the
middle since layout35), set and drawn; then one count changed and drawn again, 20 times. Each
checkout runs in a child of its own, taking turns (this, the other, this…: the machine's load
falls on both alike), `--runs` times; medians, and the ratio. Nothing is asserted.

`--folders`: each feed in a folder of a folder ("Group 3 › Publisher 13", as an OPML file
nests them), the list grouped by folder (`folder_tree`) in a checkout that groups it; against
one that doesn't, what the grouping costs over the flat list.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHANGES = 20


def child(root: Path, count: int, folders: bool = False) -> None:
    """Both steps timed in this process, by the checkout at `root`; ms each, as JSON."""
    sys.path.insert(0, str(root))
    from textual.app import App, ComposeResult

    from reader.models import Feed
    from reader.ui.widgets.main.feed_list import FeedList

    def filed(n: int) -> dict[str, object]:
        path = (f"Group {n % 5}", f"Publisher {n % 25}")
        return {"tags": path, "folders": (path,)} if folders else {}

    feeds = [
        Feed(
            f"http://127.0.0.1:9/{n}.xml",
            title=f"Publisher {n % 25} News — Section {n}",
            **filed(n),
        )
        for n in range(count)
    ]
    unread = {feed.url: 10 for feed in feeds}
    names = sorted({tag for feed in feeds for tag in feed.tags})
    tags = [(tag, 10 * sum(tag in feed.tags for feed in feeds)) for tag in names]

    class Alone(App[None]):
        def compose(self) -> ComposeResult:
            yield FeedList(id="feeds")

    async def run() -> dict[str, float]:
        app = Alone()
        async with app.run_test(size=(80, 40)) as pilot:
            await pilot.pause()
            listed = app.query_one(FeedList)
            start = time.perf_counter()
            listed.set_feeds(feeds, unread, 0, tags)
            await pilot.pause()
            filled = time.perf_counter() - start
            start = time.perf_counter()
            changes = min(CHANGES, len(feeds))
            for n in range(changes):
                listed.set_feeds(feeds, {**unread, feeds[n].url: 9}, 0, tags)
                await pilot.pause()
            changed = (time.perf_counter() - start) / changes
        return {"filled": filled * 1000, "count": changed * 1000}

    print(json.dumps(asyncio.run(run())))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", type=Path, help="another checkout (a worktree of main)")
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--folders", action="store_true", help="every feed in nested folders")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), int(args.child[1]), args.child[2] == "1")
        return 0
    sys.path.insert(0, str(HERE))
    from children import taking_turns
    from farm import load_average

    print(f"load average {load_average()}")
    taking_turns(
        __file__,
        args.against,
        args.runs,
        [args.feeds, int(args.folders)],
        "filled and drawn; one count changed and drawn",
        1,
    )
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
