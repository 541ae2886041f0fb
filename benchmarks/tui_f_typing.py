"""`F` and a query typed in one burst the moment a big library's reader shows its first
headlines (acc37a H4: 17 letters showed 0.7 s late), this checkout against another side by side
(`--against DIR`, a worktree of main).

    uv run python benchmarks/tui_f_typing.py --data-dir DIR [--against DIR] [--runs 3]

`--data-dir` is a library of tens of thousands of headlines (search_common_words.py's
30,000, say; not written to but for the reader's own state). Each run is a child process per
checkout, taking turns: the real `ReaderApp` under `App.run_test()` (120x40, no refresh), and
as soon as its first headlines are on screen, while it reads the rest, `F` and the 17 letters
of "harbour and court" queued at once (`tests.tui_pilot.burst`, as tmux or a paste sends
them); the wall clock (polled each millisecond) until the search line shows the first letter,
and until it holds the whole query; and when the rest of the headlines were in. Prints the
medians. Nothing is asserted.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

from children import checkouts, child_json, compared, comparison_parser, quiet_reader

QUERY = "harbour and court"


def child(root: Path, data: Path) -> None:
    sys.path.insert(0, str(root))
    import json

    from reader.ui.widgets.article.search_bar import SearchBar
    from tests.tui_pilot import burst

    async def run() -> dict[str, float | bool]:
        async with quiet_reader(data) as (app, _pilot):
            main = app.main_screen
            while not main.query("HeadlineTable") or not main.query_one("HeadlineTable").rows:
                await asyncio.sleep(0.001)
            start = time.perf_counter()
            whole_at_start = app.index.whole
            burst(app, "F" + QUERY)
            bar = main.query_one(SearchBar)
            first = whole = rest = None
            while whole is None and time.perf_counter() - start < 60:
                now = time.perf_counter() - start
                if rest is None and app.index.whole:
                    rest = now
                if first is None and bar.display and bar.input.value:
                    first = now
                if bar.display and bar.input.value == QUERY:
                    whole = now
                await asyncio.sleep(0.001)
            while not app.index.whole and time.perf_counter() - start < 60:
                await asyncio.sleep(0.001)
            rest = time.perf_counter() - start if rest is None else rest
            return {
                "first": first if first is not None else float("nan"),
                "whole": whole if whole is not None else float("nan"),
                "rest": rest,
                "headlines": len(app.index.headlines),
                "read_before": whole_at_start,
            }

    print(json.dumps(asyncio.run(run())))


def main() -> int:
    parser = comparison_parser(__doc__, data_dir="a library of tens of thousands of headlines")
    parser.add_argument("--runs", type=int, default=3)
    args = compared(parser, child)
    if args is None:
        return 0
    from farm import load_average

    roots = checkouts(args.against)
    got: dict[str, list[dict[str, float]]] = {name: [] for name in roots}
    for _ in range(args.runs):
        for name, root in roots.items():
            got[name].append(child_json(__file__, "--child", root, args.data_dir))
    for name in roots:
        runs = got[name]

        def med(key: str, runs: list[dict[str, float]] = runs) -> float:
            return statistics.median(run[key] for run in runs) * 1000

        read = sum(bool(run["read_before"]) for run in runs)
        print(
            f"  {name:8} F + {len(QUERY)} letters at the first screen"
            f" ({int(runs[0]['headlines']):,} headlines; read whole before it in {read} of"
            f" {len(runs)}): first letter {med('first'):5.0f} ms, whole query"
            f" {med('whole'):5.0f} ms; the rest of the headlines in at {med('rest'):5.0f} ms"
        )
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
