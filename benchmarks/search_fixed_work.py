"""The fixed work of a search of every cached article before its first hit is looked for: the
articles' times read, the search index compared with them, the headlines' keys gathered, this
checkout against another side by side (`--against DIR`, a worktree of main).

    uv run python benchmarks/search_fixed_work.py --data-dir COPY [--against DIR] [--runs 5]

`--data-dir` is a copy of a big cache (acc30b's year: 51,220 articles) whose search index is
up to date (an `F` run on it once). Each checkout runs in a child process of its own, one after
the other: a `Library` on the copy, then `--runs` times, as `F` does it each time, the
articles' times (`Store.article_times`), the index opened and compared with them
(`SearchIndex.behind`), and the set of the listed headlines' keys; the CPU time of each (the
first run, when nothing is read yet, apart). Nothing is asserted.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from children import checkouts, compared, comparison_parser

HERE = Path(__file__).resolve().parent
STEPS = ("article_times", "behind", "listed keys")


def child(root: Path, data: Path, runs: int) -> None:
    sys.path.insert(0, str(root))
    from reader.keys import link_key
    from reader.library import Library
    from reader.search_index import open_index

    lib = Library(data, workers="thread")
    headlines = lib.headlines(None)
    out: dict[str, list[float]] = {step: [] for step in STEPS}
    for _ in range(runs + 1):
        began = time.process_time()
        stored = lib.store.article_times()
        out["article_times"].append(time.process_time() - began)
        index = open_index(lib.store.root)
        assert index is not None
        began = time.process_time()
        new, gone = index.behind(stored)
        out["behind"].append(time.process_time() - began)
        index.close()
        assert not new and not gone, "the index is not up to date: run F on the copy once"
        began = time.process_time()
        _listed = {h.key or link_key(h.entry.link) for h in headlines}
        out["listed keys"].append(time.process_time() - began)
    lib.close()
    print(json.dumps(out))


def main() -> int:
    parser = comparison_parser(__doc__, "a copy of a big cache")
    parser.add_argument("--runs", type=int, default=5)
    args = compared(parser, child, lambda args: (args.runs,))
    if args is None:
        return 0
    from farm import load_average

    roots = checkouts(args.against)
    for name, root in roots.items():
        command = [sys.executable, __file__, "--child", root, args.data_dir]
        command += ["--runs", str(args.runs)]
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        got = json.loads(out.strip().splitlines()[-1])
        first = sum(got[step][0] for step in STEPS)
        again = sum(statistics.median(got[step][1:]) for step in STEPS)
        steps = ", ".join(f"{step} {statistics.median(got[step][1:]) * 1000:.0f}" for step in STEPS)
        print(
            f"{name:8} CPU before a search's first hit: the first {first * 1000:.0f} ms,"
            f" each after {again * 1000:.0f} ms (median of {args.runs}: {steps} ms)"
        )
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
