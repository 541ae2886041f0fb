"""`reader list --search` and `F`'s search on a year's library (benchmarks/year_library.py's),
this checkout against another side by side (`--against DIR`, a worktree of main), each on a
copy of its own.

    uv run python benchmarks/search_year.py --data-dir YEAR [--against DIR] [--runs 2]
        [--query '"tunnel wanted"' --query council …]

YEAR is a library year_library.py made (acc34's 51,500 articles, or fewer: `--feeds 50` makes
10,300); it is copied once for each checkout, whose first search catches its index up (a run
untimed first). Then, by turns, `--runs` times: per query, `reader list --search QUERY` as a
command, its output read through a pipe as a terminal's reader would (the wall clock to its first
line and to its end, its CPU and peak RSS), and `F`'s search as the reader's thread runs it
(`search_cached` over every headline and the unlisted ones, its pages, the first 100 hits given
their lines): when its first hits came, when the whole list did, and its CPU. Checked: both
print the same lines, and `F` finds the same hits, the first 100 with the same lines (the
script stops otherwise). Nothing is asserted of the times.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from children import checkouts, child_json, compared, comparison_parser
from search_common_words import paged_figures

QUERIES = ['"tunnel wanted"', "council", "tunnel ministers", "Tunnel"]
"""A rare phrase of two common words, a word in nearly every article, two common words, and a
word typed with its capital (its hits, then how many more the word in lower case finds)."""
LINES_FIRST = 100
"""The hits `F` gives their lines as it finds them (`main_full_text._LINES_FIRST`)."""


def child(root: Path, data: Path, queries: list[str]) -> None:
    """`F`'s search of each query in this process (`root`'s reader), as JSON: first page and
    whole list (wall, CPU), the hits, the lines of the first 100."""
    sys.path.insert(0, str(root))
    from reader.library import Library
    from reader.library.text_search import search_cached
    from reader.reports import merged_newest_first
    from reader.search_query import Query

    lib = Library(data, workers="thread")
    out: dict[str, Any] = {}
    try:
        listed, unlisted = lib.headlines_and_unlisted()
        rows = merged_newest_first(listed, unlisted)
        for query in queries:
            out[query] = paged_figures(
                lambda page, query=query: search_cached(
                    lib, rows, Query(query), unlisted=True, page=page, details=LINES_FIRST
                ),
                LINES_FIRST,
            )
    finally:
        lib.close()
    print(json.dumps(out))


def listing(root: Path, data: Path, query: str) -> dict[str, Any]:
    """`reader list --search QUERY` of `root` on `data`, read line by line from its pipe: the
    seconds to its first line and to its end, its CPU (user + system) and peak RSS, its lines."""
    env = {**os.environ, "PYTHONPATH": str(root), "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-P", "-m", "reader", "--data-dir", str(data)]
    start = time.perf_counter()
    process = subprocess.Popen(
        [*command, "list", "--search", query],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = None
    lines = []
    for line in process.stdout:
        if first is None:
            first = time.perf_counter() - start
        lines.append(line.decode())
    said = process.stderr.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    whole = time.perf_counter() - start
    return {
        "status": status,
        "first": whole if first is None else first,
        "whole": whole,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
        "lines": lines,
        "said": said,
    }


def main() -> int:
    parser = comparison_parser(__doc__, data_dir="a year's library (year_library.py's)")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--query", action="append", help="a query (repeat; default: QUERIES)")
    args = compared(parser, child, lambda args: (args.query or QUERIES,))
    if args is None:
        return 0
    from farm import load_average

    queries = args.query or QUERIES
    asked = [part for query in queries for part in ("--query", query)]  # the child's too
    roots = checkouts(args.against)
    with tempfile.TemporaryDirectory(prefix="search-year-") as scratch:
        copies = {name: Path(scratch) / name for name in roots}
        for name, root in roots.items():
            shutil.copytree(args.data_dir, copies[name])
            began = time.perf_counter()
            child_json(__file__, "--child", root, copies[name], *asked)  # its index caught up
            print(f"{name}: copied, its index caught up in {time.perf_counter() - began:.0f} s")
        lists: dict[str, dict[str, list[dict[str, Any]]]] = {
            n: {q: [] for q in queries} for n in roots
        }
        fs: dict[str, list[dict[str, Any]]] = {name: [] for name in roots}
        loads = [load_average()]
        for _ in range(args.runs):
            for name, root in roots.items():
                fs[name].append(child_json(__file__, "--child", root, copies[name], *asked))
                for query in queries:
                    lists[name][query].append(listing(root, copies[name], query))
            loads.append(load_average())
        print(f"load average through the runs: {', '.join(map(str, loads))}")
        for query in queries:
            said = {
                json.dumps([run["status"], run["lines"], run["said"]])
                for name in roots
                for run in lists[name][query]
            }
            assert len(said) == 1, f"{query}: the checkouts' lists differ"
            found = {
                json.dumps([run[query]["hits"], run[query]["lines"]])
                for name in roots
                for run in fs[name]
            }
            assert len(found) == 1, f"{query}: F's hits differ"
            lines = len(lists["this"][query][0]["lines"])
            hits = len(fs["this"][0][query]["hits"])
            print(f"{query}: list {lines:,} lines (the same), F {hits:,} hits (the same)")
            medians: dict[str, dict[str, float]] = {}
            for name in roots:

                def med(runs: list[dict[str, Any]], key: str) -> float:
                    return statistics.median(float(run[key]) for run in runs)

                of_f = [run[query] for run in fs[name]]
                mine = medians[name] = {
                    "list first": med(lists[name][query], "first"),
                    "list whole": med(lists[name][query], "whole"),
                    "list CPU": med(lists[name][query], "cpu"),
                    "list peak MB": med(lists[name][query], "peak_mb"),
                    "F first": med(of_f, "first"),
                    "F whole": med(of_f, "whole"),
                    "F CPU": med(of_f, "cpu"),
                }
                print(f"  {name:8} " + ", ".join(f"{k} {v:.2f}" for k, v in mine.items()))
            if "against" in roots:
                ratios = ", ".join(
                    f"{k} ×{medians['this'][k] / v:.2f}" for k, v in medians["against"].items() if v
                )
                print(f"  this / against: {ratios}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
