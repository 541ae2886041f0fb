"""The event loop's longest stall in a year's reader: Esc from an article back to the list, and
`F` until its first page of hits, this checkout against another side by side (`--against DIR`,
a worktree of main).

    uv run python benchmarks/tui_loop_stalls.py --data-dir COPY [--against DIR] [--word harbour]

`--data-dir` is a copy of a big cache (acc30b's year: 51,220 headlines; its read marks and its
search index change: use a copy). Each checkout runs in a child process of its own, one after
the other: the real `ReaderApp` under `App.run_test()` (120x40), "All feeds" shown and every
headline read. Then, `--opens` times, a headline opened (Enter), its article left to settle a
second, and Esc: the longest gap between the ticks of a task that wakes every 2 ms over the
`--after` seconds that follow (what a key pressed then waits for at worst), with the full
(generation-2) collections run meanwhile and their longest. Then `F`, the word and Enter: the
longest gap until the first hits are listed, and their wall clock; once all are in, Esc, and
the same search again. Nothing is asserted.
"""

from __future__ import annotations

import asyncio
import gc
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from children import checkouts, compared, comparison_parser, quiet_reader

HERE = Path(__file__).resolve().parent


class FullCollections:
    """The full collections run while it watches, and how long each took."""

    def __init__(self) -> None:
        self.took: list[float] = []
        self._began = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._began = time.perf_counter()
        else:
            self.took.append(time.perf_counter() - self._began)


async def longest_stall(
    act: Callable[[], None], done: Callable[[], bool], limit: float
) -> tuple[float, float, list[float]]:
    """`act()`, then the longest gap between ticks every 2 ms until `done()` (or `limit` s):
    that gap, the wall clock, and the full collections run meanwhile (seconds each)."""
    gaps: list[float] = []
    collections = FullCollections()
    gc.callbacks.append(collections)
    start = last = time.perf_counter()
    act()
    try:
        while not done() and time.perf_counter() - start < limit:
            await asyncio.sleep(0.002)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now
    finally:
        gc.callbacks.remove(collections)
    return max(gaps, default=0.0), time.perf_counter() - start, collections.took


def child(root: Path, data: Path, word: str, opens: int, after: float) -> None:
    sys.path.insert(0, str(root))
    from reader.ui.screens.article import ArticleScreen
    from reader.ui.screens.main_full_text import SEARCH_VIEW
    from reader.ui.widgets.main.headline_table import HeadlineTable
    from tests.tui_pilot import burst

    async def run() -> dict[str, object]:
        out: dict[str, object] = {"esc": []}
        async with quiet_reader(data) as (app, pilot):

            async def until(ready: Callable[[], bool]) -> None:
                while not ready():
                    await pilot.pause(0.02)

            pause: Callable[[float], Awaitable[None]] = pilot.pause
            await app.ready.wait()
            await pause(0.5)
            for key in ("tab", "g", "enter"):  # "All feeds", whatever the copy was left showing
                await pilot.press(key)
                await pause(0.2)
            await until(lambda: app.index.whole)
            await pause(1)
            main = app.main_screen
            rows = main.query_one(HeadlineTable)
            for n in range(opens):
                rows.cursor = 3 * n
                await pilot.press("enter")
                await until(lambda: isinstance(app.screen, ArticleScreen) and app.screen.loaded)
                await pause(1)
                stall, _wall, full = await longest_stall(
                    lambda: burst(app, "\x1b"), lambda: False, after
                )
                out["esc"].append([stall, full])  # type: ignore[union-attr]
            await pause(1)
            stall, wall, full = await longest_stall(
                lambda: burst(app, "F" + word + "\r"),
                lambda: main.feed_url == SEARCH_VIEW and bool(rows.rows),
                120,
            )
            out["find"] = [stall, wall, full]
            while main._so_far is not None:  # the whole list in
                await pause(0.2)
            await pilot.press("escape")
            await pause(1)
            stall, wall, full = await longest_stall(
                lambda: burst(app, "F" + word + "\r"),
                lambda: main.feed_url == SEARCH_VIEW and bool(rows.rows),
                120,
            )
            out["again"] = [stall, wall, full]
        return out

    print(json.dumps(asyncio.run(run())))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def main() -> int:
    parser = comparison_parser(__doc__, "a copy of a big cache")
    parser.add_argument("--word", default="harbour")
    parser.add_argument("--opens", type=int, default=5, help="articles opened and left")
    parser.add_argument("--after", type=float, default=2.5, help="seconds watched after Esc")
    args = compared(parser, child, lambda args: (args.word, args.opens, args.after))
    if args is None:
        return 0
    from farm import load_average

    roots = checkouts(args.against)
    for name, root in roots.items():
        command = [sys.executable, __file__, "--child", root, args.data_dir, "--word", args.word]
        command += ["--opens", str(args.opens), "--after", str(args.after)]
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        got = json.loads(out.strip().splitlines()[-1])
        stalls = [stall for stall, _full in got["esc"]]
        full = [took for _stall, took in got["esc"] for took in took]
        print(
            f"{name:8} Esc from an article ({len(stalls)} times): the loop's longest stall"
            f" median {ms(statistics.median(stalls))} ms, max {ms(max(stalls))} ms"
            f" (runs: {', '.join(ms(s) for s in stalls)}); full collections"
            f" {len(full)}, longest {ms(max(full, default=0))} ms"
        )
        for what in ("find", "again"):
            stall, wall, full = got[what]
            print(
                f"{name:8} F {args.word}{' again' if what == 'again' else ''}: first hits"
                f" {wall:.2f} s, the loop's longest stall meanwhile {ms(stall)} ms; full"
                f" collections {len(full)}, longest {ms(max(full, default=0))} ms"
            )
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
