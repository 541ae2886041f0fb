"""What finding the articles whose own files are gone costs a sync's start (acc31a F17): the
cached articles' keys as every list reads them (the key index alone), and the same with each
row kept in a file of its own checked (`Store.drop_missing_files`: a read of the table, and a
stat a file), side by side in one process, the best of `--runs`.

    uv run python benchmarks/missing_files.py DATA_DIR [--runs 5]

DATA_DIR is a copy of a data directory (a year's cache: acc30b's); nothing in it is missing,
so nothing is written. This prints numbers; nothing is asserted.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from reader.store import Store


def best(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    store = Store(args.data_dir)
    try:
        keys = store.article_keys()
        store.drop_missing_files()  # both read once first: the system's file cache warm
        alone = best(store.article_keys, args.runs)
        checked = best(lambda: (store.drop_missing_files(), store.article_keys()), args.runs)
    finally:
        store.close()
    print(
        f"{len(keys)} articles: their keys {alone * 1000:.0f} ms; with the files checked"
        f" {checked * 1000:.0f} ms ({checked / alone:.1f}×, +{(checked - alone) * 1000:.0f} ms)"
    )


if __name__ == "__main__":
    main()
