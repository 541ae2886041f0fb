"""Full prefetch: `reader sync` (every article fetched and extracted) against its floor.

    uv run python benchmarks/sync_prefetch.py [--feeds 50] [--items 40] [--latency 0.05]
                                              [--hosts 4] [--runs 1] [--sample 100]

One loopback news farm (benchmarks/farm.py) serves feeds × items article pages of real-page
weight. Each run syncs a fresh data directory with the real CLI (`reader --data-dir D sync`) and
measures its wall time, the CPU time of the process and its workers, the peak RSS of the whole
process tree (sampled every 50 ms from /proc) and the requests the farm saw. In the same run the
script times `reader.extract.extract_article` on a sample of the farm's pages in one process,
and compares the sync with the floor

    max(requests × latency ÷ max_connections, pages × extraction time ÷ cores)

where max_connections is the fetch layer's global cap (reader.config.DEFAULT_LIMITS). The floor
leaves out feed parsing, storage and process start-up, so a ratio of 1.0 cannot be reached;
the target is ≤ 1.5. Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py beside this script
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # reader from this checkout

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

from reader.config import DEFAULT_LIMITS


def extraction_time(farm: Farm, sample: int) -> tuple[float, float]:
    """Mean and median seconds of `extract_article` per page over `sample` pages of the farm."""
    from reader.extract import extract_article

    urls = farm.article_urls
    step = max(1, len(urls) // sample)
    chosen = urls[::step][:sample]
    extract_article(farm.page(chosen[0]), chosen[0], "utf-8")  # warm: imports, caches
    times = []
    for url in chosen:
        body = farm.page(url)
        started = time.perf_counter()
        extract_article(body, url, "utf-8")
        times.append(time.perf_counter() - started)
    return statistics.mean(times), statistics.median(times)


def _self_cpu() -> float:
    """user + sys seconds of this process (the farm's serving thread, mostly)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_sync(farm: Farm, workdir: Path) -> tuple[RunResult, str]:
    data = Path(tempfile.mkdtemp(prefix="data-", dir=workdir))
    subscribe(data, farm.feed_urls)
    result = run_measured([*reader_command(), "--data-dir", str(data), "sync"], env=child_env())
    summary = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""
    if result.returncode != 0:
        print(f"reader sync exited {result.returncode}:\n{result.stderr[-3000:]}", file=sys.stderr)
    shutil.rmtree(data, ignore_errors=True)
    return result, summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per response")
    parser.add_argument("--hosts", type=int, default=4)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--sample", type=int, default=100, help="pages timed for extraction")
    parser.add_argument("--no-gzip", action="store_true")
    args = parser.parse_args(argv)

    cores = os.cpu_count() or 1
    concurrency = DEFAULT_LIMITS.max_connections
    warm_up()
    farm = Farm(args.feeds, args.items, args.latency, args.hosts, gzip=not args.no_gzip)
    runs: list[tuple[RunResult, str, int, dict[int, int], dict[str, int], float]] = []
    with farm, tempfile.TemporaryDirectory(prefix="bench-prefetch-") as tmp:
        load = [load_average()]
        mean_extract, median_extract = extraction_time(farm, args.sample)
        for _ in range(args.runs):
            farm.reset_stats()
            farm_cpu = _self_cpu()
            result, summary = run_sync(farm, Path(tmp))
            farm_cpu = _self_cpu() - farm_cpu
            stats = farm.stats()
            runs.append(
                (
                    result,
                    summary,
                    stats.requests,
                    dict(stats.by_status),
                    stats.peak_inflight_per_host,
                    farm_cpu,
                )
            )
        load.append(load_average())

    pages = args.feeds * args.items
    requests = farm.expected_requests
    network_floor = requests * args.latency / concurrency
    cpu_floor = pages * mean_extract / cores
    floor = max(network_floor, cpu_floor)
    wall = median([r.wall for r, *_ in runs])
    result, summary, seen, statuses, peaks, farm_cpu = sorted(runs, key=lambda r: r[0].wall)[
        len(runs) // 2
    ]
    print(
        f"Full prefetch: {args.feeds} feeds × {args.items} items = {pages} articles, "
        f"{args.latency * 1000:g} ms latency, {args.hosts} hosts, {cores} cores, "
        f"median of {args.runs} run(s), load average {' → '.join(load)}"
    )
    print()
    print("| measure | value |")
    print("|---|---:|")
    rows = [
        ("`reader sync` wall time", f"{wall:.2f} s"),
        (
            f"extraction per page (mean / median of {args.sample}, one process)",
            f"{mean_extract * 1000:.1f} / {median_extract * 1000:.1f} ms",
        ),
        (
            f"network floor: {requests} requests × {args.latency * 1000:g} ms ÷ {concurrency}",
            f"{network_floor:.2f} s",
        ),
        (f"CPU floor: {pages} pages × extraction ÷ {cores} cores", f"{cpu_floor:.2f} s"),
        ("**ratio wall / floor** (target ≤ 1.5)", f"**{wall / floor:.2f}**"),
        (
            "requests the farm saw",
            f"{seen} ({', '.join(f'{k}: {v}' for k, v in statuses.items())})",
        ),
        ("peak requests in flight per host", ", ".join(str(v) for v in peaks.values()) or "-"),
        (
            "peak RSS of the process tree (target < 300 MB)",
            f"{result.peak_rss / 2**20:.0f} MB ({result.peak_processes} processes)",
        ),
        (
            "CPU (user+sys of reader and its workers) / wall",
            f"{result.cpu:.1f} s / {result.wall:.1f} s = {result.cpu_utilisation:.2f} cores",
        ),
        (
            "CPU of the main process / of the worker processes (sampled, ≥ 50 ms late)",
            f"{result.main_cpu:.1f} s / {result.others_cpu:.1f} s",
        ),
        ("CPU of the farm serving it (this process, same 2 cores)", f"{farm_cpu:.1f} s"),
        ("exit status, summary", f"{result.returncode}: {summary}"),
    ]
    for name, value in rows:
        print(f"| {name} | {value} |")
    if len(runs) > 1:
        print()
        print("runs: " + ", ".join(f"{r.wall:.2f} s" for r, *_ in runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
