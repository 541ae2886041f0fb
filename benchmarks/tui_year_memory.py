"""The reader's memory on a year of articles: a session's anonymous resident memory at each step,
this checkout against another side by side (`--against DIR`, a worktree of main).

    uv run python benchmarks/tui_year_memory.py --data-dir COPY [--against DIR] [--opens 20]
                                  [--word harbour] [--runs 1] [--trace] [--types]
                                  [--fetch] [--idle SECONDS]

`--data-dir` is a copy of a year's cache (benchmarks/year_library.py's: 51,500 headlines and
articles; its read marks and search index change: use a copy, `cp -a`). Each checkout runs in a
child process of its own, one after the other (`--runs` times, alternating): the real
`ReaderApp` under `App.run_test()` (120x40, no refresh on open, nothing fetched ahead), "All
feeds" shown, and at each step its anonymous resident memory (RssAnon), Python's allocated
blocks and the objects the collector tracks (frozen ones too), its worker processes' RSS
and PSS summed (a process tree's RSS counts their pages shared with it again), and the whole
tree's (the reader's process and its children: the workers, multiprocessing's resource tracker):

- **start**: (with `--refresh`, the refresh on open done: "Refreshed …", COPY's feeds served by
  `year_library.py COPY --serve`) every headline read (`index.whole`: the seconds from the app's making to then
  are printed too), a second after;
- **20 opened**: `--opens` articles opened from the top of the list, each read (`loaded`)
  and left with Esc, `j` between;
- **F hits**: `F`, `--word`, Enter, every hit listed;
- **Esc**: the search left, 3 s after;
- **fetched** (with `--fetch`, COPY's site served by `year_library.py COPY --serve`): the
  first headline's page fetched again and read by a worker (`R` in an article:
  `Library.refresh_article`), timed;
- **idle** (with `--idle SECONDS`): nothing done for that long, then (with `--fetch`) the
  same page fetched again, timed: what the first page read after a spell of idleness waits
  for (a worker started again, where they end when idle).

With `--trace`, this checkout's child runs under `tracemalloc` (slower: its own row, not
compared) and prints, at the start and at the end, the 25 lines of code whose allocations are
held, by size. With `--types`, the 25 types with the most objects tracked by the collector
(strings are not: `--trace` counts them). Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import asyncio
import gc
import json
import statistics
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

from children import checkouts, child_json, compared, comparison_parser

HERE = Path(__file__).resolve().parent
STEPS = ("start", "opened", "F hits", "Esc", "fetched", "idle")


def anon_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssAnon:"):
            return int(line.split()[1]) / 1024
    return 0.0


def children_mb() -> tuple[int, float, float]:
    """This process's children (the workers), their RSS and their PSS summed, in MB: what a
    tester summing a process tree's resident memory counts, and what it shares."""
    import os

    sys.path.insert(0, str(HERE))
    from farm import _process_tree

    pids = [p for p in _process_tree(os.getpid()) if p != os.getpid()]
    rss = pss = 0.0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith(("Rss:", "Pss:")):
                    kb = int(line.split()[1]) / 1024
                    rss, pss = (rss + kb, pss) if line.startswith("Rss:") else (rss, pss + kb)
        except OSError:
            continue
    return len(pids), rss, pss


def own_mb() -> tuple[float, float]:
    """This process's RSS and PSS, in MB."""
    rss = pss = 0.0
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        if line.startswith("Rss:"):
            rss = int(line.split()[1]) / 1024
        elif line.startswith("Pss:"):
            pss = int(line.split()[1]) / 1024
    return rss, pss


def step() -> dict[str, float]:
    gc.collect()
    workers, rss, pss = children_mb()
    own_rss, own_pss = own_mb()
    return {
        "tree_rss": own_rss + rss,
        "tree_pss": own_pss + pss,
        "rss": anon_mb(),
        "blocks": sys.getallocatedblocks(),
        "objects": len(gc.get_objects()) + gc.get_freeze_count(),
        "workers": workers,
        "workers_rss": rss,
        "workers_pss": pss,
    }


def top_lines(limit: int = 25) -> list[str]:
    snapshot = tracemalloc.take_snapshot().filter_traces(
        [tracemalloc.Filter(False, tracemalloc.__file__)]
    )
    stats = snapshot.statistics("lineno")
    total = sum(s.size for s in stats)
    lines = [f"traced {total / 2**20:.1f} MB in all"]
    for stat in stats[:limit]:
        frame = stat.traceback[0]
        lines.append(
            f"{stat.size / 2**20:8.1f} MB {stat.count:>9,} blocks  {frame.filename}:{frame.lineno}"
        )
    return lines


def top_types(limit: int = 25) -> list[str]:
    gc.unfreeze()  # the frozen generation is not listed by get_objects
    gc.collect()
    counts = Counter(type(o).__qualname__ for o in gc.get_objects())
    return [f"{n:>10,} {name}" for name, n in counts.most_common(limit)]


def child(
    root: Path,
    data: Path,
    opens: int,
    word: str,
    trace: bool,
    types: bool,
    refresh: bool,
    fetch: bool,
    idle: float,
) -> None:
    sys.path.insert(0, str(root))
    sys.path.insert(1, str(HERE))
    if trace:
        tracemalloc.start()
    from reader.ui.app import ReaderApp
    from reader.ui.widgets.main.headline_table import HeadlineTable

    report: dict[str, object] = {}

    async def run() -> None:
        # After `root`'s reader is imported: tui_memory puts this checkout's on the path first.
        from tui_full_text import all_feeds, every_hit
        from tui_memory import open_and_leave

        began = time.perf_counter()
        app = ReaderApp(data, refresh_on_start=refresh)
        app.prefetch_limit = 0
        async with app.run_test(size=(120, 40)) as pilot:
            while not (app.index.whole and app.index.headlines):  # whole, empty, at first
                await pilot.pause(0.01)
            report["whole_s"] = time.perf_counter() - began
            while refresh and "Refreshed" not in str(app.status):
                await pilot.pause(0.2)
            await all_feeds(app, pilot)
            report["start"] = step()
            if trace:
                report["trace start"] = top_lines()
            main = app.main_screen
            table = main.query_one(HeadlineTable)
            table.cursor = 0
            for _ in range(opens):
                await open_and_leave(app, pilot)
                await pilot.press("j")
            await pilot.pause(1)
            report["opened"] = step()
            await every_hit(app, pilot, word)
            report["hits"] = len(main.text_hits)
            await pilot.pause(1)
            report["F hits"] = step()
            await pilot.press("escape")
            await pilot.pause(3)
            report["Esc"] = step()
            entry = table.rows[0].entry

            async def fetched(name: str) -> None:
                began = time.perf_counter()
                await app.lib.refresh_article(entry)
                report[name] = time.perf_counter() - began

            if fetch:
                await fetched("fetch_s")
                await pilot.pause(1)
                report["fetched"] = step()
            if idle:
                await asyncio.sleep(idle)
                report["idle"] = step()
                if fetch:
                    await fetched("fetch_after_idle_s")
            if trace:
                report["trace end"] = top_lines()
            if types:
                report["types"] = top_types()

    asyncio.run(run())
    print(json.dumps(report))


def main() -> int:
    parser = comparison_parser(__doc__, "a copy of a year's cache")
    parser.add_argument("--opens", type=int, default=20)
    parser.add_argument("--word", default="harbour")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--trace", action="store_true", help="where the memory is (tracemalloc)")
    parser.add_argument("--types", action="store_true", help="the objects tracked, by type")
    parser.add_argument(
        "--refresh", action="store_true", help="refresh on open (COPY's feeds served)"
    )
    parser.add_argument(
        "--fetch", action="store_true", help="a page fetched again, timed (COPY's site served)"
    )
    parser.add_argument(
        "--idle", type=float, default=0.0, help="seconds left idle after the rest (0: none)"
    )
    args = compared(
        parser,
        child,
        lambda args: (
            args.opens,
            args.word,
            args.trace,
            args.types,
            args.refresh,
            args.fetch,
            args.idle,
        ),
        load=False,
    )
    if args is None:
        return 0
    from farm import load_average

    loads = [load_average()]
    roots = checkouts(args.against)
    got: dict[str, list[dict]] = {name: [] for name in roots}
    extra = [
        "--opens",
        args.opens,
        "--word",
        args.word,
        "--idle",
        args.idle,
        *(["--refresh"] if args.refresh else []),
        *(["--fetch"] if args.fetch else []),
    ]
    for _ in range(args.runs):
        for name, root in roots.items():
            got[name].append(child_json(__file__, "--child", root, args.data_dir, *extra))
            loads.append(load_average())
    if args.trace or args.types:
        flags = [*(["--trace"] if args.trace else []), *(["--types"] if args.types else [])]
        traced = child_json(__file__, "--child", HERE.parent, args.data_dir, *extra, *flags)
        for key in ("trace start", "trace end", "types"):
            if key in traced:
                print(f"\n{key}:")
                print("\n".join(traced[key]))
        print()
    first = next(iter(got.values()))[0]
    steps = [what for what in STEPS if what in first]

    def median(runs: list[dict], what: str, key: str) -> float:
        return statistics.median(r[what][key] for r in runs)

    print(
        f"{args.data_dir}: {first['hits']:,} hits for F {args.word}; RssAnon MB (median of "
        f"{args.runs}), Python's allocated blocks, objects tracked; load {', '.join(loads)}"
    )
    print("| checkout | " + " | ".join(steps) + " |")
    print("|---|" + "---:|" * len(steps))
    for name, runs in got.items():
        cells = [
            f"{median(runs, what, 'rss'):,.0f} MB, {median(runs, what, 'blocks') / 1e6:.2f} M"
            f" blocks, {median(runs, what, 'objects') / 1e6:.2f} M obj"
            for what in steps
        ]
        print(f"| {name} | " + " | ".join(cells) + " |")
    print("\nThe process tree (the reader and its children): RSS / PSS summed, MB (children)")
    print("| checkout | " + " | ".join(steps) + " |")
    print("|---|" + "---:|" * len(steps))
    for name, runs in got.items():
        cells = [
            f"{median(runs, what, 'tree_rss'):,.0f} / {median(runs, what, 'tree_pss'):,.0f}"
            f" ({median(runs, what, 'workers'):.0f})"
            for what in steps
        ]
        print(f"| {name} | " + " | ".join(cells) + " |")
    if "against" in got:
        ratios = " | ".join(
            f"{median(got['this'], w, 'tree_rss') / median(got['against'], w, 'tree_rss'):.2f}"
            f" / {median(got['this'], w, 'tree_pss') / median(got['against'], w, 'tree_pss'):.2f}"
            for w in steps
        )
        print(f"| this / against | {ratios} |")
    for name, runs in got.items():
        seconds = sorted(r["whole_s"] for r in runs if "whole_s" in r)
        if seconds:
            print(f"{name}: every headline read {', '.join(f'{s:.2f}' for s in seconds)} s")
        for key, what in (("fetch_s", "a page fetched again"), ("fetch_after_idle_s", "idle")):
            if key in runs[0]:
                times = ", ".join(f"{r[key] * 1000:.0f}" for r in runs)
                label = what if key == "fetch_s" else f"the same after {args.idle:.0f} s idle"
                print(f"{name}: {label}: {times} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
