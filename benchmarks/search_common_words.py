"""`F` and `reader list --search` on ~30,000 cached articles whose words are few (acc37a H4: a
40-word vocabulary, so a common word is in nearly every article), this checkout against another
side by side (`--against DIR`, a worktree of main).

    uv run python benchmarks/search_common_words.py [--articles 30000] [--data-dir DIR]
        [--against DIR] [--runs 2]

A data directory of `--articles` cached articles (kept in `--data-dir` when given and reused
when it holds them; else a temporary one) is written through the store (`merge_entries`,
`put_article`), untimed: 15 feeds, each article ~400 words drawn from 40 (with curly quotes, as
news text has them), one in 500 holding a rare word ("sandpiper"), then its search index made.
Each checkout gets a copy of it, whose index it makes in its own form (a child run first,
untimed), then runs in a child of its own, by turns: for a common pair of words ("court
judge", in nearly every article), a phrase of common words ("senate treaty harbour", in few
as a phrase) and the rare word, the pair and the rare word again with capitals ("Court Judge"),
the search `F` runs (`search_cached` with its pages, on every
headline, and its `details` where the checkout has them): when its first hits came, when the
whole list did, and its CPU; then `reader list --search WORDS --ids` as a command (wall, CPU,
peak RSS). Printed too: each checkout's index on disk and the `F` child's peak RSS. Both find
the same hits, the first 100 with the same lines, and print the same ids (checked). Nothing
is asserted.
"""

from __future__ import annotations

import inspect
import json
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from children import Measured, checkouts, child_json, compared, comparison_parser, measured

QUERIES = (
    "court judge",
    "deal plan",
    '"senate treaty harbour"',
    "sandpiper",
    "Court Judge",
    "Sandpiper",
)
"""In lower case ("deal plan": a word whose first letter an elided name's apostrophe may follow,
"d'eal", acc45 C4), and typed with a name's capital: a capital typed finds only a capital, a small
letter either case (acc40a M4), the ASCII fast path looking for the letters in lower case."""
VOCABULARY = [
    "court",
    "judge",
    "senate",
    "treaty",
    "harbour",
    "tariff",
    "solar",
    "council",
    "budget",
    "ferry",
    "port",
    "strike",
    "union",
    "minister",
    "vote",
    "police",
    "school",
    "river",
    "bridge",
    "market",
    "price",
    "energy",
    "water",
    "city",
    "report",
    "law",
    "health",
    "farm",
    "storm",
    "road",
    "train",
    "rail",
    "bank",
    "tax",
    "fund",
    "crew",
    "deal",
    "talks",
    "plan",
    "trade",
]
_HOST = "https://words.example"
_BASE = datetime(2026, 12, 1, tzinfo=UTC)


def build(data_dir: Path, articles: int) -> None:
    """`articles` cached, with their headlines, and the index made (untimed)."""
    from reader.indexed_search import index_cached
    from reader.keys import entry_id
    from reader.library import Library
    from reader.models import Article, Block, BlockKind, Entry, Feed, Inline

    rnd = random.Random(37)
    lib = Library(data_dir, workers="thread")
    try:
        per_feed = -(-articles // 15)
        for first in range(0, articles, per_feed):
            url = f"{_HOST}/feed/{first}.xml"
            lib.add_feed(url)
            lib.store.put_feed(Feed(url, title=f"Paper {first}", last_success=_BASE))
            entries = []
            for i in range(first, min(articles, first + per_feed)):
                link = f"{_HOST}/{i:05d}.html"
                entries.append(
                    Entry(
                        id=entry_id(url, link),
                        feed_url=url,
                        title=" ".join(rnd.choices(VOCABULARY, k=6)).capitalize(),
                        link=link,
                        published=_BASE - timedelta(minutes=i),
                        feed_title=f"Paper {first}",
                    )
                )
            lib.store.merge_entries(url, entries)
            for n, entry in enumerate(entries):
                paragraphs = []
                for _ in range(8):
                    words = rnd.choices(VOCABULARY, k=50)
                    words[rnd.randrange(40)] = f"“{words[0]}”"
                    paragraphs.append(" ".join(words).capitalize() + ".")
                if (first + n) % 500 == 0:
                    paragraphs.append("A sandpiper was seen on the harbour wall.")
                blocks = tuple(Block(BlockKind.PARAGRAPH, (Inline(p),)) for p in paragraphs)
                article = Article(url=entry.link, title=entry.title, blocks=blocks)
                lib.store.put_article(entry.link, article)
        index_cached(lib.store)
    finally:
        lib.close()


def child(root: Path, data: Path) -> None:
    """One checkout's figures, as JSON: per query, F's first page and whole list (wall, CPU),
    the hits and the lines of the first 100; the process's peak RSS; the index's bytes."""
    sys.path.insert(0, str(root))
    from reader.full_text import Query
    from reader.library import Library
    from reader.library.text_search import index_cached, search_cached
    from reader.search_index import index_bytes

    lib = Library(data, workers="thread")
    index_cached(lib.store)  # made by an untimed run of this child first: nothing to do
    rows = lib.headlines()
    has_details = "details" in inspect.signature(search_cached).parameters
    out: dict[str, object] = {}
    for query in QUERIES:
        extra = {"details": 100} if has_details else {}
        out[query] = paged_figures(
            lambda page, query=query, extra=extra: search_cached(
                lib, rows, Query(query), page=page, **extra
            )
        )
    lib.close()
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["index_mb"] = index_bytes(data) / 2**20
    print(json.dumps(out))


def paged_figures(
    search: Callable[[Callable[[list[Any]], None]], Any], lines: int = 100
) -> dict[str, Any]:
    """`F`'s search run by `search` (given the pages' callback; its `TextSearch` returned),
    measured: when its first hits came, when the whole list did, its CPU; the hits, and the
    lines of the first `lines`."""
    first: list[float] = []
    wall, cpu = time.perf_counter(), time.process_time()

    def page(hits: list[Any]) -> None:
        if not first:
            first.append(time.perf_counter() - wall)

    found = search(page)
    whole = time.perf_counter() - wall
    return {
        "first": first[0] if first else whole,
        "whole": whole,
        "cpu": time.process_time() - cpu,
        "hits": [hit.headline.entry.id for hit in found.hits],
        "lines": [hit.line for hit in found.hits[:lines]],
    }


def command(root: Path, data: Path, query: str) -> tuple[Measured, list[str]]:
    """`reader list --search QUERY --ids` of `root`, measured, and the ids it printed."""
    import os

    env = {**os.environ, "PYTHONPATH": str(root)}
    listing = ["list", "--search", query, "--ids"]
    done = measured(
        [sys.executable, "-P", "-m", "reader", "--data-dir", str(data), *listing],
        env,
        said_on="stdout",
    )
    return done, done.said


def main() -> int:
    parser = comparison_parser(__doc__)
    parser.add_argument("--articles", type=int, default=30000)
    parser.add_argument("--data-dir", type=Path, help="where the library is kept (reused)")
    parser.add_argument("--runs", type=int, default=2)
    args = compared(parser, child)
    if args is None:
        return 0
    from farm import load_average

    with tempfile.TemporaryDirectory() as scratch:
        data = args.data_dir or Path(scratch) / "data"
        marker = data / f"built-{args.articles}"
        if not marker.exists():
            began = time.perf_counter()
            build(data, args.articles)
            marker.touch()
            print(
                f"{args.articles} articles cached and indexed in {time.perf_counter() - began:.0f} s"
            )
        roots = checkouts(args.against)
        # A copy of the library for each checkout: each its own index (made in its own form,
        # untimed, by a first run of its child).
        copies = {name: Path(scratch) / f"copy-{name}" for name in roots}
        for name, root in roots.items():
            shutil.copytree(data, copies[name])
            began = time.perf_counter()
            child_json(__file__, "--child", root, copies[name])
            print(f"{name}: its index made (or found) in {time.perf_counter() - began:.0f} s")
        got: dict[str, list[dict[str, Any]]] = {name: [] for name in roots}
        commands: dict[str, dict[str, list[Measured]]] = {
            name: {q: [] for q in QUERIES} for name in roots
        }
        ids: dict[str, list[str]] = {}
        for _ in range(args.runs):
            for name, root in roots.items():
                got[name].append(child_json(__file__, "--child", root, copies[name]))
                for query in QUERIES:
                    done, listed = command(root, copies[name], query)
                    commands[name][query].append(done)
                    assert ids.setdefault(query, listed) == listed, f"{name}: other ids"
        print(f"load average {load_average()}")
        for name in roots:
            runs = got[name]
            print(
                f"  {name:8} index on disk {runs[0]['index_mb']:.1f} MB;"
                f" F's process peak RSS {statistics.median(r['peak_mb'] for r in runs):.0f} MB"
            )
        for query in QUERIES:
            print(f"{query}:")
            theirs = {json.dumps([r[query]["hits"], r[query]["lines"]]) for r in got["this"]}
            for name in roots:
                runs = got[name]
                found = {json.dumps([r[query]["hits"], r[query]["lines"]]) for r in runs}
                assert found == theirs and len(found) == 1, "the checkouts found other hits"

                def med(key: str, runs: list[dict[str, Any]] = runs, query: str = query) -> float:
                    return statistics.median(float(run[query][key]) for run in runs)

                listings = commands[name][query]
                print(
                    f"  {name:8} F: first hits {med('first'):6.2f} s, all"
                    f" {len(runs[0][query]['hits']):>6} {med('whole'):6.2f} s"
                    f" (CPU {med('cpu'):6.2f} s); list --ids"
                    f" {statistics.median(m.wall for m in listings):6.2f} s"
                    f" (CPU {statistics.median(m.cpu for m in listings):6.2f} s,"
                    f" peak {statistics.median(m.peak_mb for m in listings):4.0f} MB)"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
