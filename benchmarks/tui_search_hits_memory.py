"""`F`'s hits held by the reader: the peak resident memory of the reader's search of a word every
article holds, on ~20,000 cached articles, this checkout against another side by side
(`--against DIR`, a worktree of main). acc45c C2: `F` with 17,789 hits took 134–152 MB, and a
reader kept in a 120 or 150 MB cgroup was killed.

    uv run python benchmarks/tui_search_hits_memory.py [--articles 20000] [--data-dir DIR]
        [--against DIR] [--word court] [--runs 1] [--trace]

The library is benchmarks/search_common_words.py's (`build`: 15 feeds, each article ~400 words
drawn from 40, so `court` is in every one), written in `--data-dir` and reused when it holds
them (else a temporary one), in about a minute a thousand articles on a loaded machine. Each
checkout gets a copy of it, and runs in a child of its own, by turns: the real `ReaderApp` under
`App.run_test()` (120x40, nothing fetched), every headline read, then `F WORD Enter` and the
whole list of hits; then `G` (the last hit drawn, its line worked out), `k`, Enter and Esc on it
(the reading view opened from a hit), and Esc (the search left). Printed per checkout: the
child's peak RSS (`ru_maxrss`; and before `F`), its anonymous resident memory (RssAnon) at the start, at its
highest while the search ran (read every 10 ms), with the hits listed and after Esc, the hits' count, and the ratios this / against. Nothing is asserted.
With `--trace`, this checkout's child runs again under `tracemalloc` and prints the 25 lines
whose allocations are held with the hits listed.
"""

from __future__ import annotations

import asyncio
import json
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import tracemalloc
from pathlib import Path

from children import checkouts, child_json, compared, comparison_parser

HERE = Path(__file__).resolve().parent
STEPS = ("start", "searching", "hits", "Esc")
"""RssAnon at each step: "searching" its highest while the search ran."""


def child(root: Path, data: Path, word: str, trace: bool) -> None:
    sys.path.insert(0, str(root))
    if trace:
        tracemalloc.start()
    from children import quiet_reader
    from tui_full_text import all_feeds, anon_mb, every_hit

    from reader.ui.screens.article import ArticleScreen

    report: dict[str, object] = {}

    async def run() -> None:
        async with quiet_reader(data) as (app, pilot):
            await all_feeds(app, pilot)
            report["start"] = anon_mb()
            report["before"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            if trace:
                began = tracemalloc.take_snapshot()
                tracemalloc.reset_peak()
            sampled = _Sampled()
            await every_hit(app, pilot, word)
            report["searching"], report["file"] = sampled.stop()
            report["count"] = len(app.main_screen.text_hits)
            await pilot.press("G", "k", "enter")
            while not isinstance(app.screen, ArticleScreen) or not app.screen.loaded:
                await pilot.pause(0.02)
            await pilot.press("escape")
            await pilot.pause(1)
            report["hits"] = anon_mb()
            if trace:
                report["trace"] = grown_lines(began)
            await pilot.press("escape")
            await pilot.pause(3)
            report["Esc"] = anon_mb()

    asyncio.run(run())
    report["peak"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(report))


class _Sampled:
    """The highest RssAnon and RssFile of this process, read every 10 ms in a thread of its
    own until `stop`: the search's own peak (`ru_maxrss` is the whole run's, mapped files
    too)."""

    def __init__(self) -> None:
        self._done = threading.Event()
        self._peaks = [0.0, 0.0]
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._done.wait(0.01):
            for line in Path("/proc/self/status").read_text().splitlines():
                for n, field in enumerate(("RssAnon:", "RssFile:")):
                    if line.startswith(field):
                        self._peaks[n] = max(self._peaks[n], int(line.split()[1]) / 1024)

    def stop(self) -> tuple[float, float]:
        self._done.set()
        self._thread.join()
        return self._peaks[0], self._peaks[1]


def grown_lines(began: tracemalloc.Snapshot, limit: int = 25) -> list[str]:
    """The lines of code whose allocations held grew most since `began`, and the peak of all
    traced since then."""
    _, peak = tracemalloc.get_traced_memory()  # before the snapshot's own (20 MB of it)
    ignored = [tracemalloc.Filter(False, tracemalloc.__file__)]
    now = tracemalloc.take_snapshot().filter_traces(ignored)
    stats = now.compare_to(began.filter_traces(ignored), "lineno")
    lines = [
        f"grown {sum(s.size_diff for s in stats) / 2**20:.1f} MB since the start;"
        f" traced peak {peak / 2**20:.1f} MB"
    ]
    for stat in stats[:limit]:
        frame = stat.traceback[0]
        lines.append(
            f"{stat.size_diff / 2**20:8.1f} MB {stat.count_diff:>+9,} blocks"
            f"  {frame.filename}:{frame.lineno}"
        )
    return lines


def main() -> int:
    parser = comparison_parser(__doc__)
    parser.add_argument("--data-dir", type=Path, help="the library, kept and reused")
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--word", default="court")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--trace", action="store_true", help="where the memory is (tracemalloc)")
    args = compared(parser, child, lambda args: (args.word, args.trace), child_types=(Path, Path))
    if args is None:
        return 0
    from farm import load_average

    with tempfile.TemporaryDirectory(prefix="search-hits-") as scratch:
        library = args.data_dir or Path(scratch) / "library"
        if not (library / "articles").exists():
            from search_common_words import build

            print(f"writing {args.articles:,} articles to {library}…", flush=True)
            build(library, args.articles)
        roots = checkouts(args.against)
        copies = {name: Path(scratch) / name for name in roots}
        got: dict[str, list[dict]] = {name: [] for name in roots}
        loads = [load_average()]
        for _ in range(args.runs):
            for name, root in roots.items():
                shutil.rmtree(copies[name], ignore_errors=True)
                shutil.copytree(library, copies[name])
                extra = ["--word", args.word]
                got[name].append(child_json(__file__, "--child", root, copies[name], *extra))
                loads.append(load_average())
        if args.trace:
            shutil.rmtree(copies["this"], ignore_errors=True)
            shutil.copytree(library, copies["this"])
            traced = child_json(
                __file__, "--child", HERE.parent, copies["this"], "--word", args.word, "--trace"
            )
            print("\n".join(traced["trace"]), end="\n\n")

    def median(runs: list[dict], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    first = next(iter(got.values()))[0]
    print(
        f"F {args.word}: {first['count']:,} hits of {args.articles:,} articles; MB, median of"
        f" {args.runs}; load {', '.join(loads)}"
    )
    print("| checkout | peak RSS | " + " | ".join(f"RssAnon {s}" for s in STEPS) + " | hits |")
    print("|---|---:|" + "---:|" * len(STEPS) + "---:|")
    for name, runs in got.items():
        cells = [f"{median(runs, 'peak'):,.0f}"] + [f"{median(runs, s):,.0f}" for s in STEPS]
        print(f"| {name} | " + " | ".join(cells) + f" | {runs[0]['count']:,} |")
    for name, runs in got.items():
        print(
            f"{name}: RssFile at its highest while searching {median(runs, 'file'):.0f} MB;"
            f" peak RSS before F {median(runs, 'before'):.0f} MB"
        )
    if "against" in got:
        this, against = got["this"], got["against"]
        ratios = [median(this, "peak") / median(against, "peak")]
        ratios += [median(this, s) / median(against, s) for s in STEPS]
        grown = [median(runs, "hits") - median(runs, "start") for runs in (this, against)]
        print("| this / against | " + " | ".join(f"{r:.2f}" for r in ratios) + " | |")
        print(
            f"RssAnon grown by the hits (hits - start): this {grown[0]:.0f} MB, against"
            f" {grown[1]:.0f} MB ({grown[0] / grown[1]:.2f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
