"""Syncs over the cache's size limit: what each one downloads when the feeds list more than fits.

    uv run python benchmarks/sync_limit.py [--feeds 6] [--items 12] [--latency 0.05] [--hosts 2]
                                           [--fraction 0.4] [--syncs 3]

One loopback news farm (benchmarks/farm.py) serves feeds × items article pages of real-page
weight (the demo's size by default: six sites, a dozen stories each). A first, untimed sync of
a scratch directory without a limit measures what every article takes in the cache; then a
fresh data directory gets `[cache] max_size` set to `fraction` of that and is synced `syncs`
times in a row with the real CLI (`reader --data-dir D sync`), the feeds unchanged between them.
Each row gives the sync's wall time, the requests the farm saw (all, and for article pages),
the bytes it sent, the articles cached after it and the sync's last lines. Nothing is asserted:
this prints numbers.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py beside this script
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # reader from this checkout

from farm import Farm, child_env, load_average, reader_command, run_measured, subscribe, warm_up

from reader.library import Library


def articles_in(data: Path) -> tuple[int, int]:
    """How many articles the data directory caches, and their bytes (as the limit counts them)."""
    with closing(Library(data)) as lib:
        cached = lib.store.cached_articles()
        return len(cached), sum(a.size for a in cached)


def sync(data: Path) -> tuple[float, str]:
    result = run_measured(
        [*reader_command(), "--data-dir", str(data), "sync"], env=child_env(), sample=False
    )
    if result.returncode not in (0, 1):
        raise RuntimeError(f"reader sync failed ({result.returncode}): {result.stderr[-2000:]}")
    said = [line for line in result.stderr.splitlines() if "synced " in line or "limit" in line]
    return result.wall, " / ".join(said)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=6)
    parser.add_argument("--items", type=int, default=12)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per response")
    parser.add_argument("--hosts", type=int, default=2)
    parser.add_argument("--fraction", type=float, default=0.4, help="max_size ÷ all articles")
    parser.add_argument("--syncs", type=int, default=3)
    args = parser.parse_args(argv)

    warm_up()
    farm = Farm(args.feeds, args.items, args.latency, args.hosts)
    with farm, tempfile.TemporaryDirectory(prefix="bench-limit-") as tmp:
        load = [load_average()]
        whole = Path(tmp) / "whole"
        subscribe(whole, farm.feed_urls)
        sync(whole)
        count, total = articles_in(whole)
        limit = int(total * args.fraction)
        data = Path(tmp) / "limited"
        subscribe(data, farm.feed_urls)
        (data / "config.toml").write_text(f'[cache]\nmax_size = "{limit}"\n', encoding="utf-8")
        rows = []
        for _ in range(args.syncs):
            farm.reset_stats()
            wall, said = sync(data)
            stats = farm.stats()
            pages = sum(n for path, n in stats.by_path.items() if path.endswith(".html"))
            rows.append((wall, stats.requests, pages, stats.bytes_sent, *articles_in(data), said))
        load.append(load_average())
    print(
        f"Syncs over the size limit: {args.feeds} feeds × {args.items} items = {count} articles "
        f"({total / 1e6:.2f} MB in the cache), max_size {limit / 1e6:.2f} MB "
        f"({args.fraction:g} of it), {args.latency * 1000:g} ms latency, {os.cpu_count()} cores, "
        f"load average {' → '.join(load)}"
    )
    print()
    print(
        "| sync | wall s | requests | article pages | MB sent | cached after | MB cached | says |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---|")
    for n, (wall, requests, pages, sent, cached, size, said) in enumerate(rows, 1):
        print(
            f"| {n} | {wall:.2f} | {requests} | {pages} | {sent / 1e6:.2f} | {cached} "
            f"| {size / 1e6:.2f} | {said} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
