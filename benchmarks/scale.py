"""A newsboat user's scale: N feeds × M items synced, then the commands that read them all, beside
the same for a small library (the floor).

    uv run python benchmarks/scale.py [--feeds 120] [--items 100] [--floor-feeds 1]
                                      [--floor-items 10] [--runs 3] [--size 120x40]
                                      [--before DIR] [--refresh]

For each size a loopback farm (`farm.Farm`, no latency, four hosts) serves the feeds: RSS 2.0,
a title and a sentence or two of generated prose an item. A data directory is subscribed to them
and `reader sync --no-articles` fetches the headlines (timed once: wall, CPU of the reader's
process and of its workers). These are then timed, `--runs` times each, alternating between the
targets so a change of load hits them all:

- `reader feeds`, `reader list`, `reader list --unread` (run to completion, their output read),
  and `reader list | head -1` (until the first line is read and the command has ended);
- the TUI's first paint, first headline and every headline: `reader` on a new pseudo-terminal,
  until its first screen is drawn (the feed list's title, "Feeds", there before any headline is
  read), until the newest headline's title is (as `tui_startup.py` measures it), and until the
  status line counts every headline ("… unread of 42000 ·": the rest read after the newest are
  shown); the refresh on open fails at once, the farm gone.

With `--refresh` the farms stay up and answer every request whole (no ETag, no Last-Modified:
as many real servers do, and the acceptance test's site), and two more are timed: the TUI's
refresh on open (launch until its "Refreshed …" line is drawn; every feed unchanged) and, beside
it, `reader sync --no-articles` of the same unchanged feeds. A year's library (Y7 of the 25th
acceptance test: 60 feeds, 42,912 headlines) is about `--feeds 60 --items 700 --refresh`.

`--before DIR` runs the same with another checkout of the reader (its root: `git archive main
reader | tar -x -C DIR`), each reader syncing its own data directories: a change's before and
after, side by side. The table gives medians, and the large size's ratio to the floor's.
Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
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


_FIRST_PAINT = "Feeds"
"""What the TUI's first screen shows however many headlines it has read: the feed list's title."""

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
    headlines: int
    sync_wall: float = 0.0
    sync_cpu: float = 0.0
    sync_main_cpu: float = 0.0


def _readers(before: Path | None) -> dict[str, list[str]]:
    here = Path(__file__).resolve().parent.parent
    if before is None:
        return {"reader": ["env", f"PYTHONPATH={here}", sys.executable, "-P", "-m", "reader"]}
    return {
        "before": ["env", f"PYTHONPATH={before.resolve()}", sys.executable, "-P", "-m", "reader"],
        "after": ["env", f"PYTHONPATH={here}", sys.executable, "-P", "-m", "reader"],
    }


def _sync(
    root: Path, readers: dict[str, list[str]], farm: Farm, env: dict[str, str]
) -> list[Library]:
    """Each reader's data directory of the farm's feeds × items headlines, synced from it."""
    feeds, items = farm.n_feeds, farm.n_items
    size = f"{feeds}×{items}"
    made = []
    for feed in range(feeds):  # the feeds alone: no article is fetched (42,000 pages: 4 GB)
        farm.resource(farm.host_of(feed), farm.feed_path(feed))
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
        made.append(
            Library(name, size, data_dir, marker, feeds * items, run.wall, run.cpu, run.main_cpu)
        )
    return made


def _first_line(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """`command | head -1`: seconds until its first line is read and it has ended (its pipe
    closed after that line), and the CPU seconds it spent."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    if not proc.stdout.readline():
        raise RuntimeError(f"{command} printed nothing")
    proc.stdout.close()
    proc.wait(timeout=600)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=120)
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--floor-feeds", type=int, default=1)
    parser.add_argument("--floor-items", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", type=parse_size, default=(120, 40))
    parser.add_argument("--before", type=Path, help="another checkout's root, to compare")
    parser.add_argument(
        "--refresh", action="store_true", help="time the refresh on open too (farms kept up)"
    )
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
    with tempfile.TemporaryDirectory(prefix="reader-scale-") as tmp, ExitStack() as farms:
        root = Path(tmp)
        sizes = ((args.floor_feeds, args.floor_items), (args.feeds, args.items))
        floor_farm, large_farm = (
            Farm(
                feeds=feeds,
                items=items,
                latency=0.0,
                hosts=4,
                lifetime=7200.0,
                validators=not args.refresh,
            ).start()
            for feeds, items in sizes
        )
        farms.callback(floor_farm.stop)
        farms.callback(large_farm.stop)
        floor = _sync(root, readers, floor_farm, env)
        large = _sync(root, readers, large_farm, env)
        if not args.refresh:
            farms.close()  # the refresh on open fails at once: the first paint alone is timed
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
                command = [*readers[lib.reader], "--data-dir", str(lib.data_dir), "list"]
                cell = times.setdefault((lib.reader, "list | head -1"), {})
                cell.setdefault(lib.size, []).append(_first_line(command, env))
            for what in ("first paint", "first headline", "every headline"):
                for lib in libraries:
                    command = [*readers[lib.reader], "--data-dir", str(lib.data_dir)]
                    marker = {
                        "first paint": _FIRST_PAINT,
                        "first headline": lib.marker,
                        "every headline": f"unread of {lib.headlines} · ",
                    }[what]
                    wall, own_cpu, _ = time_to_screen(command, marker, args.size, tui_env)
                    cell = times.setdefault((lib.reader, f"TUI {what}"), {})
                    cell.setdefault(lib.size, []).append((wall, own_cpu))
            if args.refresh:
                for lib in libraries:
                    command = [*readers[lib.reader], "--data-dir", str(lib.data_dir)]
                    wall, own_cpu, _ = time_to_screen(
                        command, "Refreshed ", args.size, tui_env, timeout=900.0
                    )
                    cell = times.setdefault((lib.reader, "TUI refresh on open"), {})
                    cell.setdefault(lib.size, []).append((wall, own_cpu))
                    sync = [*command, "sync", "--no-articles", "-q"]
                    run = run_measured(sync, env=env, timeout=900.0, sample=False)
                    cell = times.setdefault((lib.reader, "sync again (unchanged)"), {})
                    cell.setdefault(lib.size, []).append((run.wall, run.cpu))
            loads.append(load_average())

    small, big = floor[0].size, large[0].size
    print(
        f"{big} headlines against the floor's {small}, {args.runs} runs each, alternating; "
        f"load {', '.join(loads)}"
    )
    print(
        "wall and CPU seconds (medians; CPU: the reader's process, its workers' too for sync; "
        "the TUI's: its own process until then)"
    )
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
