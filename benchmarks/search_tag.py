"""A search narrowed to a tag's list (`tag:NAME word`, `F` and `reader list --search`) against
the same words searched in every list, side by side in one process on one big cache.

    uv run python benchmarks/search_tag.py --data-dir COPY [--tag strikes] [--runs 5] [WORD…]

`--data-dir` is a copy of a big cache (acc30b's year: 51,220 articles; never the original: the
first search brings its index up to date) with a few hundred articles tagged (`reader tag ID
TAG`). A `Library` on it, every feed's headlines read once, then each run searches each word
(`search_cached`, as `reader list --search` calls it: the index, the headlines, the articles no
feed lists) with and without `tag:TAG` before it, the order swapped each run, and the tag's
filter alone (`in_tag_lists` over every headline, its CPU time too). Prints the median wall
time of each, their ratio and the hits. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, required=True, help="a copy of a big cache")
    parser.add_argument("--tag", default="strikes")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("words", nargs="*", default=["crane", "marlinspike"])
    args = parser.parse_args()

    from reader.full_text import Query
    from reader.library import Library
    from reader.library.text_search import in_tag_lists, search_cached

    lib = Library(args.data_dir, workers="thread")
    try:
        headlines = lib.headlines()
        tagged = len(lib.tagged_keys([args.tag]))
        print(f"{len(headlines):,} headlines, {tagged:,} articles tagged {args.tag}")
        queries = {
            (word, narrowed): Query(f"tag:{args.tag} {word}" if narrowed else word)
            for word in args.words
            for narrowed in (False, True)
        }
        hits: dict[tuple[str, bool], int] = {}
        for key, query in queries.items():  # the index caught up, the store's caches warm
            hits[key] = len(search_cached(lib, headlines, query).hits)
        times: dict[tuple[str, bool], list[float]] = {key: [] for key in queries}
        filtered: list[tuple[float, float]] = []
        for run in range(args.runs):
            for word in args.words:
                for narrowed in (False, True) if run % 2 == 0 else (True, False):
                    began = time.perf_counter()
                    search_cached(lib, headlines, queries[word, narrowed])
                    times[word, narrowed].append(time.perf_counter() - began)
            began, cpu = time.perf_counter(), time.process_time()
            in_tag_lists(lib.store, headlines, queries[args.words[0], True])
            filtered.append((time.perf_counter() - began, time.process_time() - cpu))
    finally:
        lib.close()
    wall = statistics.median(f[0] for f in filtered) * 1000
    cpu = statistics.median(f[1] for f in filtered) * 1000
    print(f"the tag's filter alone over every headline: {wall:.0f} ms ({cpu:.0f} ms CPU)")
    print(f"{'query':<32}{'every list':>12}{'tag:' + args.tag:>16}{'ratio':>8}{'hits':>16}")
    for word in args.words:
        every = statistics.median(times[word, False])
        narrowed = statistics.median(times[word, True])
        print(
            f"{word:<32}{every:>11.2f}s{narrowed:>15.2f}s{narrowed / every:>8.2f}"
            f"{hits[word, False]:>9,} / {hits[word, True]:,}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
