"""`/` in a long headline list: a query typed in one burst, until the cursor is on its match,
this checkout against another side by side (`--against DIR`, a worktree of main).

    uv run python benchmarks/tui_slash.py [--against DIR] [--runs 3] [--feeds 40] [--items 950]

One data directory of feeds × items headlines (`tui_headlines.build_data_dir`: 38,000 by
default, a year's "All feeds"), written untimed. Each run is a child process per checkout,
alternating: the real `ReaderApp` under `App.run_test()`, "All feeds" shown, then `/` and the
query "900 of feed 37" queued at once (`tests.tui_pilot.burst`, as tmux or a paste sends them),
and the wall clock (`time.perf_counter`, polled each millisecond) until the line holds the whole
query and the cursor is on its one match (the letter before it leaves the cursor on another
headline), twice a child. Prints the medians and the ratio. Nothing is asserted.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from children import checkouts, child_json, compared, comparison_parser, quiet_reader

HERE = Path(__file__).resolve().parent


def query(feeds: int, items: int) -> str:
    """The words `/` looks for: story 900 of feed 37, deep in the list (the last one of a
    smaller library's)."""
    return f"{min(900, items - 1)} of feed {min(37, feeds - 1)}"


def child(root: Path, data: Path, feeds: int, items: int) -> None:
    sys.path.insert(0, str(root))
    from reader.ui.widgets.article.search_bar import SearchBar
    from tests.tui_pilot import burst, started, table

    async def run() -> dict[str, object]:
        async with quiet_reader(data) as (app, pilot):
            await started(pilot)
            rows = table(app)
            words = query(feeds, items)
            target = next(n for n, h in enumerate(rows.rows) if f"Story {words}:" in h.entry.title)
            walls = []
            for _ in range(2):
                rows.cursor = 0
                await pilot.pause(0.3)
                start = time.perf_counter()
                burst(app, "/" + words)
                bar = app.screen.query_one(SearchBar)
                while (bar.input.value != words or rows.cursor != target) and (
                    time.perf_counter() - start < 60
                ):
                    await asyncio.sleep(0.001)
                walls.append(time.perf_counter() - start)
                burst(app, "\x1b")
                await pilot.pause(0.3)
            return {"walls": walls, "rows": len(rows.rows)}

    print(json.dumps(asyncio.run(run())))


def main() -> int:
    parser = comparison_parser(__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--feeds", type=int, default=40)
    parser.add_argument("--items", type=int, default=950)
    args = compared(parser, child, lambda args: (args.feeds, args.items))
    if args is None:
        return 0
    sys.path.insert(1, str(HERE.parent))
    from farm import load_average
    from tui_headlines import build_data_dir

    roots = checkouts(args.against)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        build_data_dir(data, args.feeds, args.items)
        walls: dict[str, list[float]] = {name: [] for name in roots}
        for _ in range(args.runs):
            for name, root in roots.items():
                got = child_json(
                    __file__,
                    "--child",
                    root,
                    data,
                    "--feeds",
                    args.feeds,
                    "--items",
                    args.items,
                )
                walls[name] += got["walls"]
    for name in roots:
        median = statistics.median(walls[name])
        print(
            f"{name:8} /{query(args.feeds, args.items)} in one burst over {got['rows']:,} headlines: median"
            f" {median * 1000:.0f} ms (min {min(walls[name]) * 1000:.0f},"
            f" max {max(walls[name]) * 1000:.0f})"
        )
    if args.against:
        ratio = statistics.median(walls["against"]) / statistics.median(walls["this"])
        print(f"against / this: {ratio:.1f}× (load average {load_average()})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
