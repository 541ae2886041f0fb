"""`feeds.parse_feed` of a big feed, this checkout and another side by side: its CPU split into
the text's preparation, feedparser's parse and `_feed_of`'s items, and its peak of memory
(tracemalloc), each checkout in a fresh Python of its own, taking turns (bigfeed41, acc40b
P11: the first read of a 5 MB feed of 3,000 items).

    uv run python benchmarks/parse_big_feed.py [--against CHECKOUT] [--items 3000]
                                               [--summary 1540] [--runs 3] [--repeats 5]

The feed is `huge_feed.py`'s (items a minute apart, a summary of `--summary` characters); each
child parses it `--repeats` times and gives the least CPU (`time.process_time`) of each part,
so another process's load moves the figures less than a wall clock's. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # beside this script

from children import checkouts, child_json, comparison_parser
from farm import load_average

URL = "http://127.0.0.1:8000/feed.xml"


def child(items: int, summary: int, repeats: int) -> dict[str, float]:
    """(A child, its checkout on PYTHONPATH.) The least CPU of each part, and the peak."""
    import feedparser
    from huge_feed import feed_of

    from reader import feeds

    body = feed_of(items, URL.removesuffix("/feed.xml"), summary)
    prepared: dict[str, object] = {}
    real_parse = feedparser.parse

    def timed_parse(*args: object, **kwargs: object) -> object:
        started = time.process_time()
        parsed = real_parse(*args, **kwargs)
        prepared["feedparser"] = time.process_time() - started
        return parsed

    feedparser.parse = timed_parse
    real_of = feeds._feed_of

    def timed_of(*args: object) -> object:
        started = time.process_time()
        made = real_of(*args)
        prepared["items"] = time.process_time() - started
        return made

    feeds._feed_of = timed_of
    best: dict[str, float] = {}
    for _ in range(repeats):
        started = time.process_time()
        feeds.parse_feed(body, URL)
        whole = time.process_time() - started
        parts = {"whole": whole, "feedparser": prepared["feedparser"], "items": prepared["items"]}
        parts["text"] = whole - parts["feedparser"] - parts["items"]  # type: ignore[operator]
        best = {k: min(v, best.get(k, v)) for k, v in parts.items()}  # type: ignore[misc]
    tracemalloc.start()
    feeds.parse_feed(body, URL)
    best["peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    return best


def main() -> None:
    parser = comparison_parser(__doc__)
    parser.add_argument("--items", type=int, default=3000)
    parser.add_argument("--summary", type=int, default=1540)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        import json

        print(json.dumps(child(args.items, args.summary, args.repeats)))
        return
    print(f"{args.items:,} items of {args.summary} characters; load {load_average()}", flush=True)
    found: dict[str, list[dict[str, float]]] = {}
    for _ in range(args.runs):
        for name, checkout in checkouts(args.against).items():
            env = dict(os.environ, PYTHONPATH=str(checkout))
            run = child_json(
                "-P", __file__, "--child", "--items", args.items, "--summary", args.summary,
                "--repeats", args.repeats, env=env,
            )  # fmt: skip
            found.setdefault(name, []).append(run)
            print(
                f"{name:8} whole {run['whole'] * 1000:6.0f} ms  feedparser "
                f"{run['feedparser'] * 1000:5.0f}  items {run['items'] * 1000:5.0f}  text "
                f"{run['text'] * 1000:4.0f} ms CPU  peak {run['peak_mb']:5.1f} MB  "
                f"load {load_average()}",
                flush=True,
            )
    if "against" in found:
        for part in ("whole", "feedparser", "items", "text", "peak_mb"):
            this = min(run[part] for run in found["this"])
            other = min(run[part] for run in found["against"])
            print(f"this / against, {part}: {this / other:.2f}")


if __name__ == "__main__":
    main()
