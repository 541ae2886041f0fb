"""`/` in a huge open article: a query typed in one burst, until its matches are shown, and the
event loop's longest stall meanwhile, this checkout against another side by side
(`--against DIR`, a worktree of main).

    uv run python benchmarks/tui_find_in_article.py [--against DIR] [--words 15000 700000]

For each `--words`, one data directory holding a generated article of that many words
(`tui_reading.generated_article`: acc30b's 5 MB article was 700,000), written untimed. Each
checkout runs in a child process of its own, one after the other: the real `ReaderApp` under
`App.run_test()` (120x40), the article opened and laid out whole, then `/` and the query queued
at once (`tests.tui_pilot.burst`, as tmux or a paste sends them). Measured: the wall clock until
the search line counts the whole query's matches, and the longest gap between the ticks of a
task that wakes every 2 ms (what a key or a frame waited for at worst), twice a child. Then,
the search kept (Enter), the longest such gap as `/`, a key and Esc give it back, and as `n`
brings it back once Esc has cleared it. Nothing is asserted.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from children import checkouts, child_json, compared, comparison_parser

HERE = Path(__file__).resolve().parent
QUERY = "ministers"


def child(root: Path, data: Path) -> None:
    sys.path.insert(0, str(root))
    from reader.ui.screens.article import ArticleScreen
    from reader.ui.widgets.article.article_body import ArticleBody
    from tests.tui_pilot import burst, open_row, running

    async def run() -> dict[str, list[float]]:
        out: dict[str, list[float]] = {
            "walls": [],
            "stalls": [],
            "matches": [],
            "given_back": [],
            "brought_back": [],
        }
        async with running(data, (120, 40), prefetch=False) as (app, pilot):
            screen = await open_row(pilot, 0)
            body = screen.query_one(ArticleBody)
            while body.laying_out:
                await pilot.pause(0.1)

            def found() -> bool:
                return body.query == QUERY and getattr(screen, "_finding", None) is None

            async def stalled(keys: str, done: Callable[[], bool]) -> tuple[float, float]:
                """`keys` in one burst: the wall clock until `done()`, and the longest gap
                between the ticks of a task waking every 2 ms meanwhile."""
                gaps: list[float] = []
                start = last = time.perf_counter()
                burst(app, keys)
                while not done() and time.perf_counter() - start < 120:
                    await asyncio.sleep(0.002)
                    now = time.perf_counter()
                    gaps.append(now - last)
                    last = now
                return time.perf_counter() - start, max(gaps, default=0.0)

            for _ in range(2):
                await pilot.pause(0.5)
                wall, stall = await stalled("/" + QUERY, found)
                out["walls"].append(wall)
                out["stalls"].append(stall)
                out["matches"].append(body.match_count)
                burst(app, "\r")  # the search line closed, the search kept
                await pilot.pause(0.5)
                # `/`, a key, Esc: the search kept before is given back.
                before = screen._searches  # bumped by the key's search, by Esc's

                def given_back(before: int = before) -> bool:
                    return screen._searches >= before + 2 and found() and not screen.searching

                _wall, stall = await stalled("/q\x1b", given_back)
                out["given_back"].append(stall)
                await pilot.pause(0.5)
                burst(app, "\x1b")  # the search cleared
                await pilot.pause(0.5)
                _wall, stall = await stalled("n", found)  # and brought back
                out["brought_back"].append(stall)
                await pilot.pause(0.5)
                burst(app, "\x1b")
                while body.query:
                    await pilot.pause(0.1)
                assert isinstance(app.screen, ArticleScreen)
        return out

    print(json.dumps(asyncio.run(run())))


def main() -> int:
    parser = comparison_parser(__doc__)
    parser.add_argument("--words", type=int, nargs="+", default=[15_000, 700_000])
    args = compared(parser, child)
    if args is None:
        return 0
    sys.path.insert(1, str(HERE.parent))
    from farm import load_average
    from tui_reading import build_data_dir, generated_article

    roots = checkouts(args.against)
    for words in args.words:
        with tempfile.TemporaryDirectory(prefix="bench-find-") as tmp:
            data = Path(tmp) / "data"
            build_data_dir(data, *generated_article(words))
            for name, root in roots.items():
                got = child_json(__file__, "--child", root, data)
                print(
                    f"{words:>7,} words  {name:8} /{QUERY} in one burst:"
                    f" matches shown {statistics.median(got['walls']) * 1000:6.0f} ms,"
                    f" the loop's longest stall {statistics.median(got['stalls']) * 1000:6.0f} ms"
                    f" (runs: {', '.join(f'{s * 1000:.0f}' for s in got['stalls'])});"
                    f" {got['matches'][0]:,.0f} matches; longest stall as Esc gives it back"
                    f" {max(got['given_back']) * 1000:.0f} ms, as n brings it back after Esc"
                    f" {max(got['brought_back']) * 1000:.0f} ms"
                )
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
