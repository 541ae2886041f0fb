"""A sync's own bookkeeping on a big cache, without the network: the size limit's view as the
sync starts (`_sync_room`) and what is not readable offline, counted as it ends (`not_offline`).

    uv run python benchmarks/sync_bookkeeping.py DATA_DIR [--against CHECKOUT] [--runs 3]
                                                 [--max-size 2GB]

DATA_DIR is a data directory (a copy of a year's cache: acc30b's). Each run measures, in a
Python process of its own, this checkout's and, with `--against`, another checkout's (its own
`.venv`: main, say), one after the other, so the two are measured side by side at the same
load: each part's CPU, and the peak of the memory it allocated run again, traced (tracemalloc).
The headlines the sync starts with are read first, as the sync reads them, and not counted.
Nothing is written to DATA_DIR's articles; nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py beside this script

from farm import checkout_python, child_env, load_average, median

PARTS = ("_sync_room", "not_offline")

CHILD = r"""
import inspect, json, sys, time, tracemalloc
from pathlib import Path
from reader.library import Library
from reader.config import parse_size

lib = Library(Path(sys.argv[1]), cache_max_bytes=parse_size(sys.argv[2]))
headlines = lib.headlines()
articles = len(lib.store.article_keys())
takes = len(inspect.signature(lib._sync_room).parameters)
parts = {
    "_sync_room": lambda: lib._sync_room(*(headlines, articles)[:takes]),
    "not_offline": lib.not_offline,
}
out = {}
for name, part in parts.items():
    cpu = time.process_time()
    part()
    cpu = time.process_time() - cpu
    tracemalloc.start()  # again, traced: tracing slows it
    part()
    out[name] = (cpu, tracemalloc.get_traced_memory()[1])
    tracemalloc.stop()
lib.close()
print(json.dumps(out))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--against", type=Path, help="another checkout, with its own .venv")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--max-size", default="2GB")
    args = parser.parse_args()
    here = Path(__file__).resolve().parent.parent
    roots = {"this": here}
    if args.against:
        roots["against"] = args.against.resolve()
    results: dict[str, list[dict[str, list[float]]]] = {name: [] for name in roots}
    loads: list[str] = []
    for run in range(args.runs):
        for name, root in roots.items():
            loads.append(load_average())
            done = subprocess.run(
                [str(checkout_python(root)), "-c", CHILD, str(args.data_dir), args.max_size],
                capture_output=True,
                text=True,
                env=child_env(),
                cwd=root,  # `-c` imports from where it runs
                check=False,
            )
            if done.returncode != 0:
                sys.exit(f"{name}: {done.stderr.strip()[-500:]}")
            parts = json.loads(done.stdout)
            results[name].append(parts)
            shown = "  ".join(
                f"{part} {cpu:5.2f} s {peak / 2**20:6.1f} MB" for part, (cpu, peak) in parts.items()
            )
            print(f"run {run + 1} {name:8} {shown}  load {loads[-1]}", flush=True)
    print(
        f"\nmedians of {args.runs} runs, max_size {args.max_size}, load {min(loads)}–{max(loads)}"
    )
    for part in PARTS:
        for name, runs in results.items():
            cpu = median([r[part][0] for r in runs])
            peak = median([r[part][1] for r in runs]) / 2**20
            line = f"{part:12} {name:8} cpu {cpu:6.3f} s  allocated at most {peak:7.1f} MB"
            if name == "this" and "against" in results:
                other = results["against"]
                line += (
                    f"   ({cpu / median([r[part][0] for r in other]):.2f}× the CPU, "
                    f"{peak / (median([r[part][1] for r in other]) / 2**20):.2f}× the memory "
                    "of --against)"
                )
            print(line)


if __name__ == "__main__":
    main()
