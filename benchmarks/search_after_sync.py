"""The first search after a sync, with the index left behind (as before session 30: only a
search caught it up) and with the sync bringing it up to date at its end (`index_cached`).

    uv run python benchmarks/search_after_sync.py [--articles 2000 10000] [--sample 20]

For each size, a data directory of that many cached articles (benchmarks/search.py's, farm pages
extracted once), indexed, then `--new` of them cached again as a sync caches new ones; copied
twice. In one copy the search (`search_cached`, a rare word) runs at once: it indexes them first.
In the other the sync's catch-up runs first (timed apart: the sync's end takes it), then the
same search. Side by side in one run; the two searches' ratio printed. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

from farm import load_average
from search import RARE, build_data_dir, extracted_texts


def cache_again(data_dir: Path, count: int) -> None:
    """`count` articles cached again (a new paragraph each): the index is behind by them."""
    from reader.library import Library
    from reader.models import Block, BlockKind, Inline

    lib = Library(data_dir, workers="thread")
    try:
        for headline in lib.headlines()[:count]:
            article = lib.store.article(headline.entry.link)
            assert article is not None
            more = Block(BlockKind.PARAGRAPH, (Inline("A correction was added."),))
            lib.store.put_article(
                headline.entry.link, replace(article, blocks=(*article.blocks, more))
            )
    finally:
        lib.close()


def searched(data_dir: Path, sync_indexes: bool) -> tuple[float, float, int]:
    """The sync's catch-up (0 when it makes none) and the search's seconds, and the hits."""
    from reader.full_text import Query
    from reader.library import Library
    from reader.library.text_search import index_cached, search_cached

    lib = Library(data_dir, workers="thread")
    try:
        start = time.perf_counter()
        if sync_indexes:
            index_cached(lib.store)
        synced = time.perf_counter() - start
        start = time.perf_counter()
        hits = search_cached(lib, lib.headlines(), Query(RARE)).hits
        return synced, time.perf_counter() - start, len(hits)
    finally:
        lib.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--new", type=float, default=0.5, help="the share cached again")
    parser.add_argument("--sample", type=int, default=20)
    args = parser.parse_args(argv)
    texts = extracted_texts(args.sample)
    print(f"load average {load_average()}")
    for articles in args.articles:
        with tempfile.TemporaryDirectory(prefix="bench-after-sync-") as tmp:
            base = Path(tmp) / "base"
            build_data_dir(base, articles, texts)
            searched(base, sync_indexes=True)  # indexed whole, as an earlier search left it
            new = int(articles * args.new)
            cache_again(base, new)
            old_dir, new_dir = Path(tmp) / "old", Path(tmp) / "new"
            shutil.copytree(base, old_dir)
            shutil.copytree(base, new_dir)
            _, old_search, old_hits = searched(old_dir, sync_indexes=False)
            synced, new_search, new_hits = searched(new_dir, sync_indexes=True)
            assert old_hits == new_hits
            print(
                f"{articles:,} articles, {new:,} cached again by the sync, {old_hits} hits:"
                f" first search {old_search:.2f} s (index left behind) →"
                f" {new_search:.2f} s (×{old_search / new_search:.1f} sooner);"
                f" the sync's end takes {synced:.2f} s for it"
            )
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
