"""A sync against a host whose article pages come on without end, each cut at `[network]
longest_answer` still coming (acc50a A1: `steady.py` at 5 KB/s), with the give-up after one round
of its connections dripped so (`StalledHosts.dripping`) and without it, side by side in one run.

    uv run python benchmarks/dripping_host.py [--articles 40] [--longest 3] [--per-host 4]

The host (tests/dripping_site.py, on 127.0.0.1, in the sync's own loop) answers its feed, then
every page 2 KB every 0.25 s for ever. `--longest` stands for longest_answer's 120 s (the walls
scale with it: 40 articles at 120 s took the sync ~6 minutes). "without" makes the host's drips
count for nothing (`Fetcher.drips_in_a_row` 0): it is given up after three rounds of timeouts in
a row, as before. Each sync starts from a fresh data directory. Prints each sync's wall time and
the pages asked, and the ratio of the walls. Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.config import FetchLimits
from reader.fetch import Fetcher
from reader.library import Library
from tests.dripping_site import dripping_site


def one_sync(articles: int, limits: FetchLimits) -> tuple[float, int, str]:
    """A sync of a fresh data directory against the dripping host: its wall time, the pages
    asked, and its summary's line for the host."""
    asked: list[str] = []

    async def go() -> str:
        server = await dripping_site(articles, True, asked)
        port = server.sockets[0].getsockname()[1]
        with tempfile.TemporaryDirectory() as data:
            async with server, Library(Path(data), limits=limits) as lib:
                lib.store.add_feed(f"http://127.0.0.1:{port}/feed.xml")
                told, _ = (await lib.sync()).told_failures()
                return told[0].line() if told else ""

    began = time.perf_counter()
    line = asyncio.run(go())
    return time.perf_counter() - began, len(asked), line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--longest", type=float, default=3.0)
    parser.add_argument("--per-host", type=int, default=4)
    args = parser.parse_args()
    limits = FetchLimits(
        total_timeout=1.0,
        longest_answer=args.longest,
        read_timeout=5.0,
        retries=0,
        per_host=args.per_host,
    )
    with_wall, with_asked, with_line = one_sync(args.articles, limits)
    drips = Fetcher.drips_in_a_row
    Fetcher.drips_in_a_row = lambda self, url: 0  # type: ignore[method-assign]
    try:
        without_wall, without_asked, without_line = one_sync(args.articles, limits)
    finally:
        Fetcher.drips_in_a_row = drips  # type: ignore[method-assign]
    print(f"{args.articles} articles, longest_answer {args.longest:g} s, per_host {args.per_host}")
    print(f"{'':8} {'wall':>8} {'pages asked':>12}")
    print(f"{'with':8} {with_wall:7.1f}s {with_asked:12}   {with_line}")
    print(f"{'without':8} {without_wall:7.1f}s {without_asked:12}   {without_line}")
    print(f"ratio (without / with): {without_wall / with_wall:.2f}")


if __name__ == "__main__":
    main()
