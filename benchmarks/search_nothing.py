"""A search the index answers: a word no article holds, a rare one, in a big cache, this checkout
against another side by side (`--against DIR`, a worktree of main).

    uv run python benchmarks/search_nothing.py --data-dir COPY [--against DIR]
        [--against-data-dir COPY2] [--runs 3]
        [--query zzqxnonword --query fernbrake --query "quay fernbrake -harbour" --query 4.2 …]

`--data-dir` is a copy of a big cache whose search index is up to date (acc33b's year: 51,550
headlines and articles; a search first catches its index up, so search it once before;
`--against-data-dir`, a second copy for the other checkout, whose index is of another form:
on one copy, each would make the index anew for itself at every turn). Each
checkout runs in children of its own, taking turns (this, the other, this…: the machine's load
falls on both alike), `--runs` times:
- **search**: `library.text_search.search_cached` of every headline and cached article, as
  `reader list --search` calls it, the headlines read beforehand untimed (they are printed: the
  same for both);
- **command**: `reader list --search QUERY` as a user waits for it, the interpreter and imports
  included, and its CPU (user and system);
- **candidates**: the articles the index leaves to be read for the query's first word (all:
  it narrows none).
Medians, and the ratio other / this. Nothing is asserted.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from children import checkouts, child_json, compared, comparison_parser

HERE = Path(__file__).resolve().parent
QUERIES = (
    "zzqxnonword",
    "fernbrake",
    "quay fernbrake -harbour",
    "4.2",
    "3.14",
    "dont",
    "12,500",
    "hont",
    "EU",
)
"""The last four (acc50d D2, D4, D5): a decimal figure, looked up by its pieces "4" and "2"
before, too short to narrow (every article read); a word whose spelling without a name's
apostrophe ("d'ont") was looked up by its common "ont" alone; a figure with thousands' commas.
Then two short words (acc50d D4): one whose trigrams two other words hold ("hon" of "honour",
"ont" of "front"), one too short for a trigram."""


def child(root: Path, data: Path, query: str) -> None:
    """One search in this process, by the checkout at `root`; its figures as JSON."""
    sys.path.insert(0, str(root))
    from reader.full_text import Query
    from reader.library import Library
    from reader.library.text_search import search_cached
    from reader.search_index import open_index

    lib = Library(data, workers="thread")
    try:
        start = time.perf_counter()
        headlines = lib.headlines()
        read = time.perf_counter() - start
        start = time.perf_counter()
        found = search_cached(lib, headlines, Query(query))
        searched = time.perf_counter() - start
    finally:
        lib.close()
    index = open_index(data)
    assert index is not None
    word = Query(query).words[0]
    try:
        keys = index.candidates(word.typed, (), word.prefix)
    except TypeError:  # a checkout from before a word was looked up whole (acc50d D4)
        keys = index.candidates(word.typed)
    index.close()
    candidates = -1 if keys is None else len(keys)
    print(
        json.dumps(
            {"headlines": read, "search": searched, "hits": len(found.hits), "read": candidates}
        )
    )


def command(root: Path, data: Path, query: str) -> tuple[float, float]:
    """`reader list --search QUERY` by the checkout at `root`: its wall clock and its CPU (user
    and system: steadier than the wall on a loaded machine)."""
    code = f"import sys; sys.path.insert(0, {str(root)!r}); from reader.cli import main; main()"
    args = [sys.executable, "-c", code, "--data-dir", str(data), "list", "--search", query]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = comparison_parser(__doc__, "a copy of a big cache, its index up to date")
    parser.add_argument("--query", action="append", help="a query (again for more)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against-data-dir", type=Path, help="the other checkout's copy")
    args = compared(parser, child, child_types=(Path, Path, str))
    if args is None:
        return 0
    from farm import load_average

    roots = checkouts(args.against)
    data = {"this": args.data_dir, "against": args.against_data_dir or args.data_dir}
    for query in args.query or QUERIES:
        searches: dict[str, list[float]] = {name: [] for name in roots}
        commands: dict[str, list[float]] = {name: [] for name in roots}
        cpus: dict[str, list[float]] = {name: [] for name in roots}
        got: dict[str, dict[str, float]] = {}
        for _ in range(args.runs):
            for name, root in roots.items():
                got[name] = child_json(__file__, "--child", root, data[name], query)
                searches[name].append(got[name]["search"])
                wall, cpu = command(root, data[name], query)
                commands[name].append(wall)
                cpus[name].append(cpu)
        print(f"\n{query!r}")
        for name in roots:
            search, wall = statistics.median(searches[name]), statistics.median(commands[name])
            read = "all" if got[name]["read"] < 0 else f"{got[name]['read']:,.0f}"
            print(
                f"  {name:8} {got[name]['hits']:>6,.0f} hits, {read:>6} candidates:"
                f" search {search * 1000:6.0f} ms"
                f" (headlines read before it {got[name]['headlines']:.2f} s),"
                f" command {wall:5.2f} s, its CPU {statistics.median(cpus[name]):5.2f} s"
            )
        if "against" in roots:
            ratios = [
                statistics.median(figures["against"]) / statistics.median(figures["this"])
                for figures in (searches, commands, cpus)
            ]
            print(
                f"  against / this: search ×{ratios[0]:.1f}, command ×{ratios[1]:.2f},"
                f" its CPU ×{ratios[2]:.2f}"
            )
    print(f"\nload average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
