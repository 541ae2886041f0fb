"""`F` in a big cache: the first hits handed over in pages (`search_cached`'s `page`, the
newest headlines searched first) against the whole list at once, side by side in one run.

    uv run python benchmarks/search_pages.py [--data-dir COPY] [--articles 10000] [--words W ...]

On `--data-dir` (a copy of a year's cache: it is read, and its index caught up first, untimed)
or a data directory of `--articles` cached articles (benchmarks/search.py's, farm pages extracted
once), each word is searched as `F` from "All feeds" searches it: the whole list at once (as
before session 30, what the reader showed after it all) and in pages (when the first page came,
and when the last). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

from farm import load_average
from search import COMMON, RARE, build_data_dir, extracted_texts


def measure(data_dir: Path, words: list[str]) -> None:
    from reader.full_text import Query
    from reader.library import Library
    from reader.library.text_search import index_cached, search_cached

    lib = Library(data_dir, workers="thread")
    try:
        index_cached(lib.store)
        headlines = lib.headlines()
        print(f"{len(headlines):,} headlines")
        for word in words:
            start = time.perf_counter()
            whole = search_cached(lib, headlines, Query(word)).hits
            at_once = time.perf_counter() - start
            first: list[float] = []
            start = time.perf_counter()
            paged = search_cached(
                lib,
                headlines,
                Query(word),
                page=lambda hits, first=first, start=start: first.append(
                    time.perf_counter() - start
                ),
            ).hits
            last = time.perf_counter() - start
            assert [h.headline.entry.id for h in paged] == [h.headline.entry.id for h in whole]
            shown = first[0] if first else last
            print(
                f"  {word!r:<18} {len(whole):>6,} hits: at once {at_once:6.2f} s;"
                f" in pages the first {shown:5.2f} s (×{at_once / shown:5.1f} sooner),"
                f" all {last:6.2f} s ({len(first)} pages before the last)"
            )
    finally:
        lib.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--words", nargs="+", default=[COMMON, RARE])
    args = parser.parse_args(argv)
    print(f"load average {load_average()}")
    if args.data_dir is not None:
        measure(args.data_dir, args.words)
    else:
        with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
            data = Path(tmp) / "data"
            build_data_dir(data, args.articles, extracted_texts(args.sample))
            measure(data, args.words)
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
