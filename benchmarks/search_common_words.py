"""`F` and `reader list --search` on ~30,000 cached articles whose words are few (acc37a H4: a
40-word vocabulary, so a common word is in nearly every article), this checkout against another
side by side (`--against DIR`, a worktree of main).

    uv run python benchmarks/search_common_words.py [--articles 30000] [--data-dir DIR]
        [--against DIR] [--runs 2]

A data directory of `--articles` cached articles (kept in `--data-dir` when given and reused
when it holds them; else a temporary one) is written through the store (`merge_entries`,
`put_article`), untimed: 15 feeds, each article ~400 words drawn from 40 (with curly quotes, as
news text has them), one in 500 holding a rare word ("sandpiper"), then its search index made.
Each checkout then runs in a child of its own, by turns: for a common pair of words ("court
judge", in nearly every article), a phrase of common words ("senate treaty harbour", in few
as a phrase) and the rare word, the search `F` runs (`search_cached` with its pages, on every
headline, and its `details` where the checkout has them): when its first hits came, when the
whole list did, and its CPU; then `reader list --search WORDS --ids` as a command (wall and
CPU). Both find the same hits (checked). Nothing is asserted.
"""

from __future__ import annotations

import inspect
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from children import checkouts, compared, comparison_parser

QUERIES = ("court judge", '"senate treaty harbour"', "sandpiper")
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
    """One checkout's figures, as JSON: per query, F's first page and whole list (wall, CPU)."""
    sys.path.insert(0, str(root))
    from reader.full_text import Query
    from reader.library import Library
    from reader.library.text_search import search_cached

    lib = Library(data, workers="thread")
    rows = lib.headlines()
    has_details = "details" in inspect.signature(search_cached).parameters
    out: dict[str, dict[str, object]] = {}
    for query in QUERIES:
        first: list[float] = []
        wall, cpu = time.perf_counter(), time.process_time()
        extra = {"details": 100} if has_details else {}

        def page(hits: list[object], first: list[float] = first, wall: float = wall) -> None:
            if not first:
                first.append(time.perf_counter() - wall)

        found = search_cached(lib, rows, Query(query), page=page, **extra)
        whole = time.perf_counter() - wall
        out[query] = {
            "first": first[0] if first else whole,
            "whole": whole,
            "cpu": time.process_time() - cpu,
            "hits": [hit.headline.entry.id for hit in found.hits],
        }
    lib.close()
    print(json.dumps(out))


def command(root: Path, data: Path, query: str) -> tuple[float, float, list[str]]:
    """`reader list --search QUERY --ids` of `root`: wall, CPU (user + sys), the ids."""
    import os

    env = {**os.environ, "PYTHONPATH": str(root)}
    start = time.perf_counter()
    before = os.times()
    listing = ["list", "--search", query, "--ids"]
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data), *listing],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return time.perf_counter() - start, cpu, done.stdout.split()


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
        got: dict[str, list[dict[str, dict[str, object]]]] = {name: [] for name in roots}
        commands: dict[str, dict[str, list[tuple[float, float]]]] = {
            name: {q: [] for q in QUERIES} for name in roots
        }
        ids: dict[str, list[str]] = {}
        for _ in range(args.runs):
            for name, root in roots.items():
                out = subprocess.run(
                    [sys.executable, __file__, "--child", str(root), str(data)],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                got[name].append(json.loads(out.strip().splitlines()[-1]))
                for query in QUERIES:
                    wall, cpu, listed = command(root, data, query)
                    commands[name][query].append((wall, cpu))
                    assert ids.setdefault(query, listed) == listed, f"{name}: other ids"
        print(f"load average {load_average()}")
        for query in QUERIES:
            print(f"{query}:")
            for name in roots:
                runs = got[name]
                hits = {tuple(run[query]["hits"]) for run in runs}  # type: ignore[arg-type]
                assert len(hits) == 1 and set(hits) == {
                    tuple(r[query]["hits"])
                    for r in got["this"]  # type: ignore[arg-type]
                }, "the checkouts found other hits"

                def med(
                    key: str,
                    runs: list[dict[str, dict[str, object]]] = runs,
                    query: str = query,
                ) -> float:
                    return statistics.median(float(run[query][key]) for run in runs)  # type: ignore[arg-type]

                walls = [w for w, _ in commands[name][query]]
                cpus = [c for _, c in commands[name][query]]
                print(
                    f"  {name:8} F: first hits {med('first'):6.2f} s, all"
                    f" {len(next(iter(hits))):>6} {med('whole'):6.2f} s (CPU {med('cpu'):6.2f} s);"
                    f" list --ids {statistics.median(walls):6.2f} s"
                    f" (CPU {statistics.median(cpus):6.2f} s)"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
