"""`reader list` on a year's cache: every headline made, its peak memory and time, this checkout
against another side by side (`--against DIR`, a worktree of main).

    uv run python benchmarks/list_memory.py DATA_DIR [--against DIR] [--runs 3]

DATA_DIR is a year's cache (benchmarks/year_library.py's: 51,500 headlines; nothing is written
but the store's notes of its use). Each run is `python -m reader --data-dir DATA_DIR list` of
each checkout in turn (its output read and dropped), so a change of load hits both: the medians
of its wall time, CPU time and peak RSS, and their ratios. What a sync and the reader's start
make of every headline is what `list` makes. Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # children.py, farm.py beside this

from children import checkouts
from farm import child_env, load_average, median, run_measured


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--against", type=Path, help="another checkout (a worktree of main)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.chdir(tempfile.gettempdir())  # not in a checkout: `-m reader` would import its reader
    roots = checkouts(args.against)
    loads = [load_average()]
    got: dict[str, list[tuple[float, float, int]]] = {name: [] for name in roots}
    for run in range(args.runs + 1):  # the first untimed: bytecode and the page cache warm
        for name, root in roots.items():
            command = [sys.executable, "-m", "reader", "--data-dir", str(args.data_dir), "list"]
            result = run_measured(command, env=child_env(PYTHONPATH=str(root)))
            if result.returncode != 0:
                raise SystemExit(f"{name}: {result.stderr[-500:]}")
            if run:
                got[name].append((result.wall, result.cpu, result.peak_rss))
        loads.append(load_average())
    lines = len(result.stdout.splitlines())
    print(f"reader list of {args.data_dir} ({lines:,} lines), {args.runs} runs, load {loads}")
    medians = {}
    for name, runs in got.items():
        wall, cpu = median([r[0] for r in runs]), median([r[1] for r in runs])
        peak = median([r[2] for r in runs]) / 2**20
        medians[name] = (wall, cpu, peak)
        print(f"{name:8} wall {wall:6.2f} s  cpu {cpu:6.2f} s  peak RSS {peak:6.0f} MB")
    if "against" in medians:
        (w, c, p), (w0, c0, p0) = medians["this"], medians["against"]
        print(f"this / against: wall {w / w0:.2f}, cpu {c / c0:.2f}, peak RSS {p / p0:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
