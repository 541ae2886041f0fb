"""The store read from several threads, as the reader reads it (asyncio's worker threads, a
search's thread): memory kept and time taken, with SQLite's page cache at diskcache's size
(8,192 pages a connection, before session 30) and at the store's (`CACHE_SETTINGS`), side by
side in one run.

    uv run python benchmarks/store_threads.py [--articles 3000] [--threads 6] [--runs 2]

A data directory of `--articles` cached articles (benchmarks/search.py's, farm pages extracted
once), copied per mode; or `--data-dir`, a copy of a year's cache (its file past SQLite's memory
map: a small cache is read through the map alone), read in place, its first `--articles`. Each mode runs in a child process of its own, alternating: the Library
opened, every article's text read in the main thread, then in `--threads` threads one after
another (diskcache opens a connection per thread), then a search of the cache
(`search_cached`, two common words). Printed: the process's anonymous resident memory (RssAnon)
at the start and after, and the seconds of the reads and the search. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

OLD_PAGES = 2**13


def anon_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssAnon:"):
            return int(line.split()[1])
    return 0


def child(data: Path, old: bool, threads: int, articles: int) -> None:
    from reader.store import directory

    if old:
        directory.CACHE_SETTINGS["sqlite_cache_size"] = OLD_PAGES
    from search import COMMON

    from reader.full_text import Query
    from reader.library import Library
    from reader.library.text_search import search_cached

    lib = Library(data, workers="thread")
    try:
        start_kb = anon_kb()
        keys = list(lib.store.article_times())[:articles]

        def read() -> None:
            for key in keys:
                lib.store.searched_by_key(key)

        began = time.perf_counter()
        read()
        for _ in range(threads):
            thread = threading.Thread(target=read)
            thread.start()
            thread.join()
        reads = time.perf_counter() - began
        began = time.perf_counter()
        search_cached(lib, lib.headlines(), Query(COMMON))
        searched = time.perf_counter() - began
        print(json.dumps({"start": start_kb, "end": anon_kb(), "reads": reads, "search": searched}))
    finally:
        lib.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--threads", type=int, default=6)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--data-dir", type=Path, help="a copy of a big cache, read in place")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--old", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.old, args.threads, args.articles)
        return 0
    from children import child_json
    from farm import load_average
    from search import build_data_dir, extracted_texts

    print(f"load average {load_average()}")
    results: dict[str, list[dict[str, float]]] = {"8,192 pages": [], "store's": []}
    with tempfile.TemporaryDirectory(prefix="bench-threads-") as tmp:
        base = Path(tmp) / "base"
        if args.data_dir is None:
            build_data_dir(base, args.articles, extracted_texts(args.sample))
        for n in range(args.runs):
            modes = list(results) if n % 2 == 0 else list(reversed(results))
            for mode in modes:
                data = args.data_dir
                if data is None:
                    data = Path(tmp) / f"run-{n}-{len(mode)}"
                    shutil.copytree(base, data)
                old = ["--old"] if mode.startswith("8") else []
                command = [__file__, "--child", data, "--threads", args.threads, *old]
                results[mode].append(child_json(*command, "--articles", args.articles))
    print(
        f"{args.articles:,} articles read in the main thread and {args.threads} more, then a search:"
    )
    for mode, runs in results.items():
        grown = statistics.median((r["end"] - r["start"]) / 1024 for r in runs)
        end = statistics.median(r["end"] / 1024 for r in runs)
        reads = statistics.median(r["reads"] for r in runs)
        search = statistics.median(r["search"] for r in runs)
        print(
            f"  page cache {mode:<12} RssAnon +{grown:5.0f} MB (to {end:4.0f} MB);"
            f" reads {reads:5.2f} s, search {search:5.2f} s"
        )
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
