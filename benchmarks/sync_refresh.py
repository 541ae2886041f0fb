"""Feed refresh: `reader sync --no-articles` against a plain sequential loop and newsboat.

    uv run python benchmarks/sync_refresh.py [--feeds 50] [--items 40] [--latency 0.05] [--hosts 4]
                                             [--runs 3] [--no-newsboat] [--no-gzip]

All three clients refresh the same loopback news farm (benchmarks/farm.py), in the same run, one
after another in each round (so they see the same machine load), each from a fresh state:

* reader      the real CLI, `reader --data-dir FRESH sync --no-articles` (subscribed beforehand,
              untimed, without fetching)
* sequential  a new Python process fetching each feed one after another with httpx (keep-alive)
              and parsing it with feedparser: the floor of a naive client
* newsboat    `newsboat -u urls -c cache.db -C config -x reload` with `reload-threads 8` and a
              throwaway cache, when newsboat is installed

Wall times include process start-up, as a user sees them. The table gives the median of the runs
and the ratios of the medians. Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py beside this script

from farm import (
    Farm,
    RunResult,
    child_env,
    load_average,
    median,
    reader_command,
    run_measured,
    subscribe,
    warm_up,
)


@dataclass
class Series:
    """The runs of one client."""

    name: str
    runs: list[RunResult] = field(default_factory=list)
    requests: list[int] = field(default_factory=list)
    items: list[int] = field(default_factory=list)

    @property
    def walls(self) -> list[float]:
        return [r.wall for r in self.runs]


def sequential_worker(urls_file: str) -> int:
    """Fetch and parse each feed one after another; print the number of items parsed."""
    import feedparser
    import httpx

    urls = Path(urls_file).read_text(encoding="utf-8").split()
    items = 0
    with httpx.Client(timeout=20, trust_env=False) as client:
        for url in urls:
            response = client.get(url)
            response.raise_for_status()
            items += len(feedparser.parse(response.content).entries)
    print(items)
    return 0


def run_reader(farm: Farm, workdir: Path) -> tuple[RunResult, int]:
    data = Path(tempfile.mkdtemp(prefix="data-", dir=workdir))
    subscribe(data, farm.feed_urls)
    result = run_measured(
        [*reader_command(), "--data-dir", str(data), "sync", "--no-articles"], env=child_env()
    )
    if result.returncode != 0:
        raise RuntimeError(f"reader sync failed ({result.returncode}): {result.stderr[-2000:]}")
    # The summary line: "synced N of N feeds (K new headlines)".
    summary = next(x for x in reversed(result.stderr.splitlines()) if x.startswith("synced "))
    items = int(summary.split("(")[1].split()[0])
    shutil.rmtree(data, ignore_errors=True)
    return result, items


def run_sequential(farm: Farm, workdir: Path) -> tuple[RunResult, int]:
    urls = workdir / "urls.txt"
    urls.write_text("\n".join(farm.feed_urls) + "\n", encoding="utf-8")
    result = run_measured(
        [sys.executable, __file__, "--sequential-worker", str(urls)], env=child_env()
    )
    if result.returncode != 0:
        raise RuntimeError(f"sequential loop failed: {result.stderr[-2000:]}")
    return result, int(result.stdout.split()[-1])


def run_newsboat(farm: Farm, workdir: Path, threads: int) -> tuple[RunResult, int]:
    home = Path(tempfile.mkdtemp(prefix="newsboat-", dir=workdir))
    (home / "urls").write_text("\n".join(farm.feed_urls) + "\n", encoding="utf-8")
    (home / "config").write_text(f"reload-threads {threads}\n", encoding="utf-8")
    env = dict(
        os.environ,
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config.d"),
        XDG_DATA_HOME=str(home / "data.d"),
    )
    cache = home / "cache.db"
    cmd = ["newsboat", "-u", str(home / "urls"), "-c", str(cache), "-C", str(home / "config")]
    result = run_measured([*cmd, "-x", "reload"], env=env)
    if result.returncode != 0:
        raise RuntimeError(f"newsboat failed ({result.returncode}): {result.stderr[-2000:]}")
    with sqlite3.connect(cache) as db:
        items = db.execute("SELECT count(*) FROM rss_item").fetchone()[0]
    shutil.rmtree(home, ignore_errors=True)
    return result, items


def measure(args: argparse.Namespace) -> list[Series]:
    newsboat = shutil.which("newsboat") if not args.no_newsboat else None
    if not args.no_newsboat and newsboat is None:
        print("newsboat is not installed: skipped (apt-get install newsboat)", file=sys.stderr)
    series = [Series("reader sync --no-articles"), Series("sequential httpx + feedparser")]
    if newsboat:
        series.append(Series(f"newsboat -x reload (reload-threads {args.newsboat_threads})"))
    farm = Farm(
        feeds=args.feeds,
        items=args.items,
        latency=args.latency,
        hosts=args.hosts,
        gzip=not args.no_gzip,
    )
    warm_up()
    with farm, tempfile.TemporaryDirectory(prefix="bench-refresh-") as tmp:
        workdir = Path(tmp)
        args.load = [load_average()]
        for _ in range(args.runs):
            for s in series:
                farm.reset_stats()
                if s.name.startswith("reader"):
                    result, items = run_reader(farm, workdir)
                elif s.name.startswith("sequential"):
                    result, items = run_sequential(farm, workdir)
                else:
                    result, items = run_newsboat(farm, workdir, args.newsboat_threads)
                s.runs.append(result)
                s.requests.append(farm.stats().requests)
                s.items.append(items)
        args.load.append(load_average())
    return series


def print_table(args: argparse.Namespace, series: list[Series]) -> None:
    print(
        f"Feed refresh: {args.feeds} feeds × {args.items} items, {args.latency * 1000:g} ms latency, "
        f"{args.hosts} hosts, gzip {'off' if args.no_gzip else 'on'}, "
        f"median of {args.runs} run(s), {os.cpu_count()} cores, "
        f"load average {' → '.join(args.load)}"
    )
    print()
    print("| client | median s | min s | max s | CPU s | requests | items |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for s in series:
        print(
            f"| {s.name} | {median(s.walls):.3f} | {min(s.walls):.3f} | {max(s.walls):.3f} "
            f"| {median([r.cpu for r in s.runs]):.2f} | {max(s.requests)} | {min(s.items)} |"
        )
    print()
    reader = median(series[0].walls)
    for s in series[1:]:
        short = s.name.split()[0]
        print(f"ratio reader/{short}: {reader / median(s.walls):.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per response")
    parser.add_argument("--hosts", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-newsboat", action="store_true")
    parser.add_argument("--newsboat-threads", type=int, default=8)
    parser.add_argument("--no-gzip", action="store_true")
    parser.add_argument("--sequential-worker", metavar="URLS_FILE", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.sequential_worker:
        return sequential_worker(args.sequential_worker)
    print_table(args, measure(args))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
