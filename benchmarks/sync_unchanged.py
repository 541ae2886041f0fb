"""A sync where nothing changed, on a big cache: what it costs beyond the feeds' own requests.

    uv run python benchmarks/sync_unchanged.py DATA_DIR [--against CHECKOUT] [--runs 3]
                                               [--config TOML ...]

DATA_DIR is a data directory whose feeds answer 304 to their ETag (a copy of a year's cache,
its feeds' server running with its clock not moved: acc30b's site.py, or `year_library.py
COPY --serve` for that script's year). Each run syncs it with
the real CLI (`reader --data-dir DATA_DIR sync -q`), this checkout's and, with `--against`,
another checkout's (its own `.venv`, as `uv sync` makes it, else this Python with the checkout
on its path: a worktree of main, say), one after the other, so
the two are measured side by side at the same load; each `--config` (a config file: one with
`max_size = ""`, say) is a row more. A sync with nothing new writes only its feeds' state, so
the same directory serves every run. Each row gives the medians of wall time, CPU (user + sys,
workers included) and the process tree's peak RSS, and the load. Nothing is asserted: this
prints numbers.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py beside this script

from farm import checkout_reader, child_env, load_average, median, run_measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--against", type=Path, help="another checkout, with its own .venv")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--config", type=Path, action="append", default=[])
    args = parser.parse_args()
    here = Path(__file__).resolve().parent.parent
    readers = {"this": checkout_reader(here)}
    if args.against:
        readers["against"] = checkout_reader(args.against.resolve())
    os.chdir(tempfile.gettempdir())  # not in a checkout: `-m reader` would import its reader
    configs: list[Path | None] = [None, *args.config]
    results: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
    loads: list[str] = []
    for run in range(args.runs):
        for config in configs:
            for name, reader in readers.items():
                cmd = [*reader, "--data-dir", str(args.data_dir)]
                if config is not None:
                    cmd += ["--config", str(config)]
                loads.append(load_average())
                result = run_measured([*cmd, "sync", "-q"], env=child_env())
                if result.returncode != 0:
                    print(f"{name} exit {result.returncode}: {result.stderr.strip()[-300:]}")
                row = (name, config.name if config else "its own config")
                results.setdefault(row, []).append((result.wall, result.cpu, result.peak_rss))
                print(
                    f"run {run + 1} {row[0]:8} {row[1]:16} wall {result.wall:6.2f} s  "
                    f"cpu {result.cpu:6.2f} s  peak {result.peak_rss / 2**20:6.0f} MB  "
                    f"load {loads[-1]}",
                    flush=True,
                )
    print(f"\nmedians of {args.runs} runs, load {min(loads)}–{max(loads)}")
    for (name, config), rows in results.items():
        wall = median([r[0] for r in rows])
        cpu = median([r[1] for r in rows])
        peak = median([r[2] for r in rows]) / 2**20
        line = f"{name:8} {config:16} wall {wall:6.2f} s  cpu {cpu:6.2f} s  peak {peak:6.0f} MB"
        if name != "against" and ("against", config) in results:
            other = results[("against", config)]
            line += (
                f"   ({cpu / median([r[1] for r in other]):.2f}× the CPU, "
                f"{peak / (median([r[2] for r in other]) / 2**20):.2f}× the memory of --against)"
            )
        print(line)


if __name__ == "__main__":
    main()
