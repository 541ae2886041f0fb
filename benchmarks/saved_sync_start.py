"""A sync's start with many saved articles no feed lists: what it reads of them to find those
still to fetch (not cached, or missing pages: acc31c W8, W14).

    uv run python benchmarks/saved_sync_start.py [--saved 2000] [--uncached 20] [--repeats 7]

Builds a throwaway data directory of `saved` articles saved by their address (cached, but for
`uncached` of them), no feed, no network; then times, side by side, the median of `repeats`:
`LibrarySync._sync_start` (the saved records read by key, an entry made only of each to fetch)
against every saved article made a headline (`headlines_and_unlisted`, which the reader's
Saved list needs and a first version of the sync used). Nothing is asserted: this prints
numbers.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.library import Library
from reader.models import Article


def _median_ms(call: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saved", type=int, default=2000)
    parser.add_argument("--uncached", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        lib = Library(Path(home), workers="thread")
        try:
            now = datetime.now(UTC)
            for n in range(args.saved):
                url = f"https://news.example/{n}/story.html"
                if n >= args.uncached:
                    lib.store.put_article(url, Article(url, title=f"Story {n}", fetched_at=now))
                lib.store.set_saved(url, True)
            start = _median_ms(lib._sync_start, args.repeats)
            every = _median_ms(lib.headlines_and_unlisted, args.repeats)
            to_fetch = len(lib._sync_start().to_fetch)
        finally:
            lib.close()
    print(f"{args.saved} saved, {to_fetch} to fetch; median of {args.repeats}:")
    print(f"  _sync_start (by key)            {start:8.1f} ms")
    print(f"  headlines_and_unlisted (every)  {every:8.1f} ms  ({every / start:.1f}x)")


if __name__ == "__main__":
    main()
