"""How long a sync's end is silent while the search index takes in what it cached: before
session 31 the whole catch-up (nothing said: the sync seemed to hang), now until its first
progress report ("Indexing 5000 new articles for search…", on a terminal and in the reader).

    uv run python benchmarks/sync_index_said.py [--articles 5000] [--new 1.0] [--sample 20]

A data directory of `--articles` cached articles (benchmarks/search.py's, farm pages extracted
once), indexed, then `--new` of them cached again as a sync caches new ones; then the sync's
catch-up (`index_cached`) is timed, with the progress it reports: when the first report came,
and the longest stretch between two (or before the first, or after the last). The silence
before is the catch-up's whole time, measured in the same run. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

from farm import load_average
from search import build_data_dir, extracted_texts
from search_after_sync import cache_again, searched


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--new", type=float, default=1.0, help="the share cached again")
    parser.add_argument("--sample", type=int, default=20)
    args = parser.parse_args(argv)
    from reader.library import Library
    from reader.library.text_search import index_cached

    texts = extracted_texts(args.sample)
    print(f"load average {load_average()}")
    with tempfile.TemporaryDirectory(prefix="bench-index-said-") as tmp:
        data_dir = Path(tmp) / "d"
        build_data_dir(data_dir, args.articles, texts)
        searched(data_dir, sync_indexes=True)  # indexed whole, as an earlier sync left it
        new = int(args.articles * args.new)
        cache_again(data_dir, new)
        lib = Library(data_dir, workers="thread")
        said: list[tuple[float, int, int]] = []
        try:
            start = time.perf_counter()
            indexed = index_cached(
                lib.store, lambda done, total: said.append((time.perf_counter(), done, total))
            )
            end = time.perf_counter()
        finally:
            lib.close()
    times = [start, *(at for at, _, _ in said), end]
    longest = max(b - a for a, b in itertools.pairwise(times))
    first = said[0][0] - start if said else end - start
    print(
        f"{indexed:,} articles indexed in {end - start:.2f} s, {len(said)} progress reports"
        f" (the first: {said[0][1]}/{said[0][2]})"
        if said
        else " (none)"
    )
    print(
        f"silent before it was said: {end - start:.2f} s before (nothing said) → {first:.3f} s"
        f" (×{(end - start) / max(first, 1e-6):.0f} sooner); the longest silence after: "
        f"{longest:.2f} s (a batch)"
    )
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
