"""`j` in a year's reader while its first `F` indexes the whole cache (the index's form changed,
or none yet), this checkout against another side by side (`--against DIR`, a worktree of main).

    uv run python benchmarks/tui_indexing_keys.py --data-dir COPY [--against DIR] [--keys 20]
        [--again]

`--data-dir` is a copy of a big cache (acc33b's year: 51,550 headlines; its search index is
deleted before each checkout's child, which makes it again: use a copy). Each checkout runs in a
child process of its own, one after the other: the real `ReaderApp` under `App.run_test()`
(120x40), "All feeds" shown and every headline read (every file of the copy read once
before it, for a page cache alike); then `F`, the word, Enter, and once the
status line says it is indexing, `--keys` presses of `j` one after the other, each timed until
the cursor has moved (what the user waits for), with the event loop's longest stall over them
(a task ticking every 2 ms); with `--again`, then `F`, the word and Enter again, the first
search replaced mid-way. Then the wall clock and the process's CPU until the hits are listed,
and the last of the status line's indexing notes. Nothing is asserted.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from children import checkouts, child_json, compared, comparison_parser, quiet_reader

HERE = Path(__file__).resolve().parent


def child(root: Path, data: Path, word: str, keys: int, again: bool) -> None:
    sys.path.insert(0, str(root))
    from reader.ui.screens.main_full_text import SEARCH_VIEW
    from reader.ui.widgets.main.headline_table import HeadlineTable
    from reader.ui.widgets.status_bar import StatusBar
    from tests.tui_pilot import burst

    async def run() -> dict[str, object]:
        async with quiet_reader(data) as (app, pilot):

            async def until(ready: Callable[[], bool]) -> None:
                while not ready():
                    await pilot.pause(0.02)

            await app.ready.wait()
            await pilot.pause(0.5)
            for key in ("tab", "g", "enter"):  # "All feeds", whatever the copy was left showing
                await pilot.press(key)
                await pilot.pause(0.2)
            await until(lambda: app.index.whole)
            await pilot.pause(1)
            main = app.main_screen
            rows = main.query_one(HeadlineTable)
            bar = main.query_one(StatusBar)
            notes: list[str] = []
            start = time.perf_counter()
            cpu = time.process_time()
            burst(app, "F" + word + "\r")
            # A small cache may be indexed before a note of it is seen: no key to time then.
            await until(
                lambda: (
                    bar._note.startswith("Indexing")
                    or (main.feed_url == SEARCH_VIEW and bool(rows.rows))
                )
            )
            took: list[float] = []
            longest = 0.0
            for _ in range(keys):
                if not bar._note.startswith("Indexing"):
                    break  # the indexing is over: keys timed after it would say nothing
                notes.append(bar._note)
                was = rows.cursor
                pressed = last = time.perf_counter()
                burst(app, "j")
                while rows.cursor == was and time.perf_counter() - pressed < 60:
                    await asyncio.sleep(0.002)
                    now = time.perf_counter()
                    longest, last = max(longest, now - last), now
                took.append(time.perf_counter() - pressed)
                await asyncio.sleep(0.05)
            if again:  # the same search typed again while the first indexes
                burst(app, "F" + word + "\r")
            while main.feed_url != SEARCH_VIEW or not rows.rows:
                if bar._note.startswith("Indexing"):
                    notes.append(bar._note)
                await pilot.pause(0.2)
            return {
                "keys": took,
                "stall": longest,
                "wall": time.perf_counter() - start,
                "cpu": time.process_time() - cpu,
                "note": notes[-1] if notes else "",
            }

    print(json.dumps(asyncio.run(run())))


def warm(data: Path) -> None:
    """Every file of `data` read once: the page cache as warm for each child (the second read
    the articles the first had brought in, and took half as long)."""
    for path in data.rglob("*"):
        if path.is_file():
            with path.open("rb") as f:
                while f.read(1 << 20):
                    pass


def main() -> int:
    parser = comparison_parser(__doc__, "a copy of a big cache")
    parser.add_argument("--word", default="harbour")
    parser.add_argument("--keys", type=int, default=20)
    parser.add_argument(
        "--again", action="store_true", help="F, the word and Enter again after the keys"
    )
    args = compared(parser, child, lambda args: (args.word, args.keys, args.again))
    if args is None:
        return 0
    sys.path.insert(1, str(HERE.parent))
    from farm import load_average

    from reader.search_index import drop_index

    for name, root in checkouts(args.against).items():
        drop_index(args.data_dir)  # the first search makes it whole, as after a change of form
        warm(args.data_dir)
        again = ["--again"] if args.again else []
        got = child_json(
            __file__,
            "--child",
            root,
            args.data_dir,
            "--word",
            args.word,
            "--keys",
            args.keys,
            *again,
        )
        keys = [k * 1000 for k in got["keys"]]
        print(
            f"{name:8} j during the indexing ({len(keys)} presses): median"
            f" {statistics.median(keys) if keys else 0:.0f} ms, max {max(keys, default=0):.0f} ms;"
            f" loop's longest stall {got['stall'] * 1000:.0f} ms; hits after {got['wall']:.1f} s"
            f" ({got['cpu']:.1f} s of CPU);"
            f" last note {got['note']!r}"
        )
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
