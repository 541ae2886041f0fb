"""The same sync's peak memory onto libraries of different sizes, side by side (acc45c C3: 87 →
203 MB for syncs of 1,325 articles as the library grew from 0 to 4,000).

    uv run python benchmarks/sync_memory_library.py [--feeds 30] [--sizes 10 70] [--more 10]

For each of `--sizes` (articles a feed), a library of that many is made by a first sync (not
measured) from a site in this process (`sync_wal.Site`: every fifth article with a picture),
then the feeds list `--more` more each and `reader sync -q` (the CLI) fetches them: its main
process's peak resident memory, and of it the anonymous and the file-backed parts (each its own
peak, sampled every 0.1 s from /proc), and the most mappings of articles/cache.db it held at
once (one a thread's connection, each mapping up to diskcache's `sqlite_mmap_size` of the file,
each counted in the resident size apart). Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py beside this script
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's reader

from farm import child_env, load_average, reader_command, subscribe, warm_up
from sync_wal import Site

_FIELDS = ("VmRSS", "RssAnon", "RssFile")


def sampled(pid: int) -> dict[str, int]:
    """The process's resident sizes (MB) and its mappings of the articles' cache file."""
    found: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                name, _, value = line.partition(":")
                if name in _FIELDS:
                    found[name] = int(value.split()[0]) // 1024
        with open(f"/proc/{pid}/maps") as maps:
            found["maps"] = sum(line.rstrip().endswith("articles/cache.db") for line in maps)
    except (OSError, ValueError):
        pass
    return found


def sync(command: list[str], data_dir: Path) -> tuple[int, dict[str, int]]:
    """The sync's exit status and the peak of each of `sampled`'s figures."""
    proc = subprocess.Popen(
        [*command, "--data-dir", str(data_dir), "sync", "-q"],
        env=child_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    peak: dict[str, int] = {}
    while proc.poll() is None:
        for name, value in sampled(proc.pid).items():
            peak[name] = max(peak.get(name, 0), value)
        time.sleep(0.1)
    return proc.returncode, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=30)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 70])
    parser.add_argument("--more", type=int, default=10)
    args = parser.parse_args()
    warm_up()
    command = reader_command()
    with tempfile.TemporaryDirectory(prefix="bench-sync-memory-") as tmp:
        for size in args.sizes:
            site = Site(args.feeds, size)
            data_dir = Path(tmp) / f"d{size}"
            subscribe(data_dir, site.feed_urls())
            made, _ = sync(command, data_dir)
            site.items = size + args.more
            load = load_average()
            status, peak = sync(command, data_dir)
            db = (data_dir / "articles" / "cache.db").stat().st_size / 1e6
            print(
                f"library {args.feeds * size:6} articles (cache.db {db:5.1f} MB), sync of"
                f" {args.feeds * args.more} more: peak RSS {peak.get('VmRSS', 0)} MB, anonymous"
                f" {peak.get('RssAnon', 0)} MB, file-backed {peak.get('RssFile', 0)} MB,"
                f" mappings of cache.db {peak.get('maps', 0)} (exit {made}/{status}) load {load}",
                flush=True,
            )
            site.server.shutdown()
            shutil.rmtree(data_dir)


if __name__ == "__main__":
    main()
