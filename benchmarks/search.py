"""Searching every cached article's text (`reader list --search`): the scan and the index, timed.

    uv run python benchmarks/search.py [--articles 30 2000 10000] [--sample 20] [--runs 3]

For each size, a data directory of that many headlines, every one's article cached, is written
through the store (`Store.merge_entries`, `Store.put_article`), untimed. Their texts are real
extractions: `--sample` article pages of the loopback news farm (benchmarks/farm.py: 1,000–1,500
words of news prose each, inside a news site's furniture) are extracted once with
`extract_article`, and each headline caches one of them with a paragraph of its own added, so
every text differs and a rare word is in a few of them only. 30 is the demo's size.

Measured, the median of `--runs`:
- **index built**: the first search's catch-up of the search index (`search_index`: every
  article indexed, as an old data directory's first search does), once, and the index's size
  beside the cache's.
- **scan**: `library.text_search.search_cached` with no index (the headlines read, then every
  article read from the cache, decompressed and matched), for a query of two common words (most articles hold both:
  most give a snippet), one of a rare word (few hits) and a rare phrase.
- **index**: the same through the index (the headlines read, the index caught up, then only its
  candidates read and matched): the same hits (checked); the ratio scan / index.
- **command**: `reader list --search WORDS` as a child process, as a user waits for it: the
  interpreter, imports, the store read and the search through the index.

Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py beside this script
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # reader from this checkout

from farm import Farm, child_env, load_average, reader_command, run_measured

_BASE = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
_OFFLINE_HOST = "http://127.0.0.1:9"  # nothing listens: the search must never need it
COMMON = "council harbour"
RARE = "quillwort"
PHRASE = '"quillwort beds"'


def extracted_texts(sample: int) -> list:
    """`sample` articles extracted from the farm's pages."""
    from reader.extract import extract_article

    farm = Farm(feeds=1, items=sample, latency=0.0, hosts=1)
    with farm:
        return [extract_article(farm.page(url), url, "utf-8") for url in farm.article_urls]


def build_data_dir(data_dir: Path, articles: int, texts: list) -> None:
    from dataclasses import replace

    from reader.keys import entry_id
    from reader.library import Library
    from reader.models import Block, BlockKind, Entry, Feed, Inline

    lib = Library(data_dir, workers="thread")
    try:
        entries = []
        # A feed keeps 2,000 entries (`MAX_ENTRIES_PER_FEED`): one feed for each 2,000, so
        # every article cached has its headline.
        for first in range(0, articles, 2000):
            url = f"{_OFFLINE_HOST}/feed/{first}/rss.xml"
            lib.add_feed(url)
            lib.store.put_feed(Feed(url, title="The Example Chronicle", last_success=_BASE))
            chunk = []
            for i in range(first, min(articles, first + 2000)):
                link = f"{_OFFLINE_HOST}/2026/11/story-{i:05d}.html"
                chunk.append(
                    Entry(
                        id=entry_id(url, link),
                        feed_url=url,
                        title=f"Story {i}: the week in the city",
                        link=link,
                        published=_BASE - timedelta(minutes=i),
                        feed_title="The Example Chronicle",
                    )
                )
            lib.store.merge_entries(url, chunk)
            entries += chunk
        for i, entry in enumerate(entries):
            source = texts[i % len(texts)]
            rare = f" The {RARE} beds were surveyed." if i % 97 == 0 else ""
            own = Block(BlockKind.PARAGRAPH, (Inline(f"Story number {i} of the week.{rare}"),))
            article = replace(
                source, url=entry.link, title=entry.title, blocks=(*source.blocks, own)
            )
            lib.store.put_article(entry.link, article)
    finally:
        lib.close()


def in_process(data_dir: Path, query: str, runs: int) -> tuple[float, float, int]:
    """The median seconds of the scan and of the search through the index, and the hits."""
    from reader.full_text import Query
    from reader.library import Library
    from reader.library.text_search import search_cached

    scans, indexed = [], []
    hits = 0
    for _ in range(runs):
        lib = Library(data_dir, workers="thread")
        try:
            start = time.perf_counter()
            found = search_cached(lib, lib.headlines(), Query(query), use_index=False).hits
            scans.append(time.perf_counter() - start)
            start = time.perf_counter()
            through = search_cached(lib, lib.headlines(), Query(query)).hits
            indexed.append(time.perf_counter() - start)
            if [h.headline.entry.id for h in through] != [h.headline.entry.id for h in found]:
                raise SystemExit(f"the index found other hits than the scan for {query!r}")
            hits = len(found)
        finally:
            lib.close()
    return statistics.median(scans), statistics.median(indexed), hits


def build_index(data_dir: Path) -> tuple[float, int]:
    """The first search's catch-up (every article indexed), timed; the index's bytes."""
    from reader.full_text import Query
    from reader.library import Library
    from reader.library.text_search import search_cached
    from reader.search_index import index_bytes

    lib = Library(data_dir, workers="thread")
    try:
        start = time.perf_counter()
        search_cached(lib, lib.headlines(), Query(RARE))
        seconds = time.perf_counter() - start
    finally:
        lib.close()
    return seconds, index_bytes(data_dir)


def command(data_dir: Path, query: str, runs: int) -> float:
    cmd = [*reader_command(), "--data-dir", str(data_dir), "list", "--search", query]
    env = child_env()
    run_measured(cmd, env=env, sample=False)  # warm: bytecode, the page cache
    return statistics.median(run_measured(cmd, env=env, sample=False).wall for _ in range(runs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[30, 2000, 10000])
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    texts = extracted_texts(args.sample)
    words = statistics.mean(t.word_count for t in texts)
    print(f"load average {load_average()}; texts: {len(texts)} farm pages, {words:,.0f} words each")
    for articles in args.articles:
        with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
            data = Path(tmp) / "data"
            build_data_dir(data, articles, texts)
            size = sum(f.stat().st_size for f in data.rglob("*") if f.is_file())
            built, index_size = build_index(data)
            print(
                f"\n{articles:,} cached articles ({size / 1e6:.1f} MB on disk); index built in"
                f" {built:.2f} s, {index_size / 1e6:.1f} MB ({index_size / size:.0%} of the cache)"
            )
            for label, query in (
                ("common words", COMMON),
                ("a rare word", RARE),
                ("a phrase", PHRASE),
            ):
                scan, indexed, hits = in_process(data, query, args.runs)
                wall = command(data, query, args.runs)
                print(
                    f"  {label:<13} {query!r:<19} {hits:>5} hits  in process: scan"
                    f" {scan * 1000:7.0f} ms ({scan / articles * 1e6:4.0f} µs an article),"
                    f" index {indexed * 1000:6.0f} ms (×{scan / indexed:5.1f})"
                    f"  command {wall:6.2f} s"
                )
    print(f"\nload average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
