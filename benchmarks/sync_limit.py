"""Syncs over the cache's size limit: what each one downloads when the feeds list more than fits.

    uv run python benchmarks/sync_limit.py [--cases 6x12,12x6] [--latency 0.05] [--hosts 2]
                                           [--fraction 0.4] [--syncs 3] [--runs 3]
                                           [--against CHECKOUT] [--room-for-all [--slow-feed 2]]

For each case (feeds × items), one loopback news farm (benchmarks/farm.py) serves its article
pages of real-page weight (6x12: the demo's size, six sites, a dozen stories each; 12x6: twice
the feeds, half the stories, so more of the newest stories come in later feeds). A first,
untimed sync of a scratch directory without a limit measures what every article takes in the
cache; then, `runs` times, a fresh data directory gets `[cache] max_size` set to `fraction` of
that and is synced `syncs` times in a row with the real CLI (`reader --data-dir D sync`), the
feeds unchanged between them. With `--against`, another checkout's reader (its own `.venv`, as
`uv sync` makes it: main, say) syncs a fresh directory of its own in each run too, one after
the other, so the two are measured side by side at the same load.

Each row gives the sync's wall time, the requests the farm saw (all, and for article pages),
the bytes it sent, the articles cached after it and the sync's last lines; the summary gives
each reader's first syncs: article pages fetched against articles kept, the waste the limit's
policy is judged by (a page fetched and evicted at the sync's end). Nothing is asserted: this
prints numbers.

With `--room-for-all`, the wait a limit the sync can't reach costs: the last feed answers
`--slow-feed` seconds late; a directory synced with the first half of the feeds (so a page's
size is known) is copied twice per run and reader, subscribed to every feed, and synced once
without a limit and once with `max_size` at `fraction` of the whole (2 by default here), one
after the other. Each gives its wall time and when the first article page was asked for,
counted from the first feed's request: the wait for the feeds (the limit's, and, without one,
none). The ratio of the two walls is the cost of the limit (1.0: none).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py beside this script
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # reader from this checkout

from farm import (
    Farm,
    checkout_reader,
    child_env,
    load_average,
    reader_command,
    run_measured,
    subscribe,
    warm_up,
)

from reader.library import Library


def articles_in(data: Path) -> tuple[int, int]:
    """How many articles the data directory caches, and their bytes (as the limit counts them)."""
    with closing(Library(data)) as lib:
        cached = lib.store.cached_articles()
        return len(cached), sum(a.size for a in cached)


def sync(command: list[str], data: Path) -> tuple[float, str]:
    result = run_measured(
        [*command, "--data-dir", str(data), "sync"], env=child_env(), sample=False
    )
    if result.returncode not in (0, 1):
        raise RuntimeError(f"reader sync failed ({result.returncode}): {result.stderr[-2000:]}")
    said = [line for line in result.stderr.splitlines() if "synced " in line or "limit" in line]
    return result.wall, " / ".join(said)


def parse_case(text: str) -> tuple[int, int]:
    feeds, _, items = text.lower().partition("x")
    return int(feeds), int(items)


def run_case(
    feeds: int, items: int, args: argparse.Namespace, readers: dict[str, list[str]]
) -> None:
    farm = Farm(feeds, items, args.latency, args.hosts)
    with farm, tempfile.TemporaryDirectory(prefix="bench-limit-") as tmp:
        load = [load_average()]
        whole = Path(tmp) / "whole"
        subscribe(whole, farm.feed_urls)
        sync(readers["this"], whole)
        count, total = articles_in(whole)
        limit = int(total * args.fraction)
        rows: list[tuple[str, int, int, float, int, int, int, int, int, str]] = []
        for run in range(1, args.runs + 1):
            for name, command in readers.items():
                data = Path(tmp) / f"limited-{name}-{run}"
                subscribe(data, farm.feed_urls)
                config = f'[cache]\nmax_size = "{limit}B"\n'
                (data / "config.toml").write_text(config, encoding="utf-8")
                for n in range(1, args.syncs + 1):
                    farm.reset_stats()
                    wall, said = sync(command, data)
                    stats = farm.stats()
                    pages = sum(k for path, k in stats.by_path.items() if path.endswith(".html"))
                    cached, size = articles_in(data)
                    rows.append(
                        (
                            name,
                            run,
                            n,
                            wall,
                            stats.requests,
                            pages,
                            stats.bytes_sent,
                            cached,
                            size,
                            said,
                        )
                    )
        load.append(load_average())
    print(
        f"### {feeds} feeds × {items} items = {count} articles ({total / 1e6:.2f} MB in the "
        f"cache), max_size {limit / 1e6:.2f} MB ({args.fraction:g} of it), "
        f"{args.latency * 1000:g} ms latency, {os.cpu_count()} cores, "
        f"load average {' → '.join(load)}"
    )
    print()
    print(
        "| reader | run | sync | wall s | requests | article pages | MB sent | cached after "
        "| MB cached | says |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, run, n, wall, requests, pages, sent, cached, size, said in rows:
        print(
            f"| {name} | {run} | {n} | {wall:.2f} | {requests} | {pages} | {sent / 1e6:.2f} "
            f"| {cached} | {size / 1e6:.2f} | {said} |"
        )
    print()
    for name in readers:
        first = [row for row in rows if row[0] == name and row[2] == 1]
        fetched = [row[5] for row in first]
        kept = [row[7] for row in first]
        walls = [row[3] for row in first]
        waste = sum(fetched) - sum(kept)
        print(
            f"{name}: first sync's article pages fetched / kept "
            f"{', '.join(f'{f}/{k}' for f, k in zip(fetched, kept, strict=True))}"
            f" (fetched and evicted: {waste} in {len(first)} runs, "
            f"{waste / max(1, sum(fetched)):.0%} of the pages); median wall "
            f"{statistics.median(walls):.2f} s"
        )
    print()


def run_room_case(
    feeds: int, items: int, args: argparse.Namespace, readers: dict[str, list[str]]
) -> None:
    farm = Farm(feeds, items, args.latency, args.hosts)
    farm.feed_delay = {feeds - 1: args.slow_feed}
    fraction = args.fraction if args.fraction > 1 else 2.0
    with farm, tempfile.TemporaryDirectory(prefix="bench-room-") as tmp:
        load = [load_average()]
        whole = Path(tmp) / "whole"
        subscribe(whole, farm.feed_urls)
        sync(readers["this"], whole)
        limit = int(articles_in(whole)[1] * fraction)
        seed = Path(tmp) / "seed"
        subscribe(seed, farm.feed_urls[: feeds // 2])
        sync(readers["this"], seed)
        walls: dict[tuple[str, bool], list[float]] = {}
        firsts: dict[tuple[str, bool], list[float]] = {}
        for run in range(1, args.runs + 1):
            for name, command in readers.items():
                for limited in (False, True):
                    data = Path(tmp) / f"{name}-{run}-{limited}"
                    shutil.copytree(seed, data)
                    subscribe(data, farm.feed_urls)
                    if limited:
                        config = f'[cache]\nmax_size = "{limit}B"\n'
                        (data / "config.toml").write_text(config, encoding="utf-8")
                    farm.reset_stats()
                    walls.setdefault((name, limited), []).append(sync(command, data)[0])
                    asked = farm.stats().first_asked
                    feed = min(t for p, t in asked.items() if p.endswith(".xml"))
                    page = min((t for p, t in asked.items() if p.endswith(".html")), default=feed)
                    firsts.setdefault((name, limited), []).append(page - feed)
        load.append(load_average())
    print(
        f"### room for all: {feeds} feeds × {items} items, half cached before, the last feed "
        f"{args.slow_feed:g} s late, max_size {limit / 1e6:.2f} MB ({fraction:g} of the "
        f"whole), {args.latency * 1000:g} ms latency, load average {' → '.join(load)}"
    )
    print()
    for name in readers:
        free, held = walls[(name, False)], walls[(name, True)]
        pairs = ", ".join(f"{h:.2f}/{f:.2f}" for f, h in zip(free, held, strict=True))
        ratio = statistics.median(h / f for f, h in zip(free, held, strict=True))
        print(f"{name}: wall with the limit / without, s: {pairs}; median ratio {ratio:.2f}")
        waits = ", ".join(
            f"{h:.2f}/{f:.2f}"
            for f, h in zip(firsts[(name, False)], firsts[(name, True)], strict=True)
        )
        print(f"{name}: first article page asked after the first feed, s, with / without: {waits}")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", default="6x12,12x6", help="feeds×items, comma-separated")
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per response")
    parser.add_argument("--hosts", type=int, default=2)
    parser.add_argument("--fraction", type=float, default=0.4, help="max_size ÷ all articles")
    parser.add_argument("--syncs", type=int, default=3)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--against", type=Path, help="another checkout whose .venv's reader syncs beside this one"
    )
    parser.add_argument(
        "--room-for-all",
        action="store_true",
        help="measure a limit the sync can't reach against none (see above)",
    )
    parser.add_argument(
        "--slow-feed", type=float, default=2.0, help="seconds the last feed is late"
    )
    args = parser.parse_args(argv)

    readers = {"this": reader_command()}
    if args.against is not None:
        readers["against"] = checkout_reader(args.against)
        # Its .pyc files written before it is measured, as `warm_up` does for this one.
        modules = "import reader.cli, reader.library, reader.fetch, reader.feeds, reader.extract"
        subprocess.run([*readers["against"][:-2], "-c", modules], env=child_env(), check=True)
    warm_up()
    for case in args.cases.split(","):
        (run_room_case if args.room_for_all else run_case)(*parse_case(case), args, readers)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
