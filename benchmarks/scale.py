"""A newsboat user's scale: N feeds × M items synced, then the commands that read them all, beside
the same for a small library (the floor).

    uv run python benchmarks/scale.py [--feeds 120] [--items 100] [--floor-feeds 1]
                                      [--floor-items 10] [--runs 3] [--size 120x40]
                                      [--before DIR]

For each size a loopback farm (`farm.Farm`, no latency, four hosts) serves the feeds: RSS 2.0,
a title and a sentence or two of generated prose an item. A data directory is subscribed to them
and `reader sync --no-articles` fetches the headlines (timed once: wall, CPU of the reader's
process and of its workers). The farm then stops, and these are timed, `--runs` times each,
alternating between the targets so a change of load hits them all:

- `reader feeds`, `reader list`, `reader list --unread` (run to completion, their output read);
- the TUI's first paint: `reader` on a new pseudo-terminal, until the newest headline's title
  is drawn (as `tui_startup.py` measures it; the refresh on open fails at once, the farm gone).

`--before DIR` runs the same with another checkout of the reader (its root: `git archive main
reader | tar -x -C DIR`), each reader syncing its own data directories: a change's before and
after, side by side. The table gives medians, and the large size's ratio to the floor's.
Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py, tui_startup.py beside this
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # reader from this checkout

from farm import Farm, child_env, load_average, median, run_measured, subscribe
from tui_reading import parse_size
from tui_startup import time_to_screen

_MARKER_CHARS = 24
"""The first characters of the newest headline's title: what the TUI's first paint must show
(a title is cut to the column's width, never this short)."""


_WARM_UP_MODULES = (
    "reader.cli, reader.library, reader.fetch, reader.feeds, reader.extract, reader.store, "
    "httpx, feedparser, concurrent.futures.process"
)


@dataclass
class Library:
    """One reader's synced data directory of one size."""

    reader: str
    size: str
    data_dir: Path
    marker: str
    sync_wall: float = 0.0
    sync_cpu: float = 0.0
    sync_main_cpu: float = 0.0


def _readers(before: Path | None) -> dict[str, list[str]]:
    here = Path(__file__).resolve().parent.parent
    if before is None:
        return {"reader": ["env", f"PYTHONPATH={here}", sys.executable, "-m", "reader"]}
    return {
        "before": ["env", f"PYTHONPATH={before.resolve()}", sys.executable, "-m", "reader"],
        "after": ["env", f"PYTHONPATH={here}", sys.executable, "-m", "reader"],
    }


def _sync(
    root: Path, readers: dict[str, list[str]], feeds: int, items: int, env: dict[str, str]
) -> list[Library]:
    """Each reader's data directory of feeds × items headlines, synced from a farm."""
    size = f"{feeds}×{items}"
    made = []
    with Farm(feeds=feeds, items=items, latency=0.0, hosts=4, lifetime=1800.0) as farm:
        farm.prerender()
        marker = farm._story_title(0, 0)[:_MARKER_CHARS]  # feed 0's item 0: the newest
        for name, command in readers.items():
            data_dir = root / f"{name}-{feeds}x{items}"
            subscribe(data_dir, farm.feed_urls)
            run = run_measured(
                [*command, "--data-dir", str(data_dir), "sync", "--no-articles", "-q"],
                env=env,
                timeout=1200.0,
            )
            if run.returncode != 0:
                raise RuntimeError(f"{name}'s sync failed: {run.stderr[-2000:]}")
            made.append(Library(name, size, data_dir, marker, run.wall, run.cpu, run.main_cpu))
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=120)
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--floor-feeds", type=int, default=1)
    parser.add_argument("--floor-items", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", type=parse_size, default=(120, 40))
    parser.add_argument("--before", type=Path, help="another checkout's root, to compare")
    args = parser.parse_args(argv)
    # Not in a checkout: `python -m reader` would import the one in the working directory.
    os.chdir(tempfile.gettempdir())
    env = child_env()
    tui_env = child_env(TERM="xterm-256color", COLORTERM="truecolor")
    readers = _readers(args.before)
    for command in readers.values():  # untimed: each checkout's .pyc files written
        code = f"import reader.ui.app, {_WARM_UP_MODULES}"
        subprocess.run([*command[:-2], "-c", code], env=env, check=True, timeout=300)
    loads = [load_average()]
    with tempfile.TemporaryDirectory(prefix="reader-scale-") as tmp:
        root = Path(tmp)
        floor = _sync(root, readers, args.floor_feeds, args.floor_items, env)
        large = _sync(root, readers, args.feeds, args.items, env)
        loads.append(load_average())
        commands = {"feeds": ["feeds"], "list": ["list"], "list --unread": ["list", "--unread"]}
        # (reader, what) → size → [(wall, cpu)]
        times: dict[tuple[str, str], dict[str, list[tuple[float, float]]]] = {}
        libraries = [*floor, *large]
        for lib in libraries:  # untimed: the disk cache warm
            command = [*readers[lib.reader], "--data-dir", str(lib.data_dir)]
            time_to_screen(command, lib.marker, args.size, tui_env)
            for words in commands.values():
                run_measured(
                    [*readers[lib.reader], "--data-dir", str(lib.data_dir), *words],
                    env=env,
                    sample=False,
                )
        for _ in range(args.runs):
            for name, words in commands.items():
                for lib in libraries:
                    run = run_measured(
                        [*readers[lib.reader], "--data-dir", str(lib.data_dir), *words],
                        env=env,
                        sample=False,
                    )
                    if run.returncode != 0:
                        raise RuntimeError(f"{lib.reader} {name} failed: {run.stderr[-2000:]}")
                    cell = times.setdefault((lib.reader, name), {}).setdefault(lib.size, [])
                    cell.append((run.wall, run.cpu))
            for lib in libraries:
                command = [*readers[lib.reader], "--data-dir", str(lib.data_dir)]
                wall, own_cpu, _ = time_to_screen(command, lib.marker, args.size, tui_env)
                cell = times.setdefault((lib.reader, "TUI first paint"), {})
                cell.setdefault(lib.size, []).append((wall, own_cpu))
            loads.append(load_average())

    small, big = floor[0].size, large[0].size
    print(
        f"{big} headlines against the floor's {small}, {args.runs} runs each, alternating; "
        f"load {', '.join(loads)}"
    )
    print("wall and CPU seconds (medians; CPU: the reader's process, its workers' too for sync)")
    head = f"{'':<30}{small + ' wall':>12}{'cpu':>8}{big + ' wall':>14}{'cpu':>8}{'× floor':>9}"
    print(head)
    for lib_small, lib_big in zip(floor, large, strict=True):
        name = f"{lib_big.reader}: sync --no-articles"
        print(
            f"{name:<30}{lib_small.sync_wall:>12.2f}{lib_small.sync_cpu:>8.2f}"
            f"{lib_big.sync_wall:>14.2f}{lib_big.sync_cpu:>8.2f}"
            f"{lib_big.sync_wall / lib_small.sync_wall:>9.2f}"
        )
        print(
            f"{'  (its own process)':<30}{'':>12}{lib_small.sync_main_cpu:>8.2f}"
            f"{'':>14}{lib_big.sync_main_cpu:>8.2f}"
        )
    for (reader, what), sizes in times.items():
        walls = {s: median([r[0] for r in runs]) for s, runs in sizes.items()}
        cpus = {s: median([r[1] for r in runs]) for s, runs in sizes.items()}
        print(
            f"{reader + ': ' + what:<30}{walls[small]:>12.2f}{cpus[small]:>8.2f}"
            f"{walls[big]:>14.2f}{cpus[big]:>8.2f}{walls[big] / walls[small]:>9.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
