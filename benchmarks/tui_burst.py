"""Keys in one burst: how long a burst of `j` (a key held down, a paste) takes to land, this
checkout against another side by side (`--against DIR`, a worktree of main): keys typed ahead
now wait for those before them that may open a screen or move the focus (`key_settling`).

    uv run python benchmarks/tui_burst.py [--against DIR] [--runs 5] [--keys 200]

Each run is a child process per checkout, alternating, on one data directory of 2 feeds × 300
headlines written through the store (`tui_headlines.build_data_dir`, untimed). In each child the
real `ReaderApp` (`refresh_on_start=False`, no fetch ahead) runs under `App.run_test()`; every
key of a burst is queued at once (`tests.tui_pilot.burst`) and the wall clock runs until the
headline cursor is on the last key's row (`time.perf_counter`, polled each millisecond), three
bursts a child. Prints the medians and the ratio. A checkout that takes vim's counts (`counts`)
is timed on the count too, in the same child: `200j` in one burst, against the 200 `j`s
(`--count 9999`: `9999j`, until the cursor is on the last row). Nothing is asserted.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from children import checkouts, child_json, compared, comparison_parser, print_walls, quiet_reader

HERE = Path(__file__).resolve().parent


def child(root: Path, data: Path, keys: int, count: int) -> None:
    sys.path.insert(0, str(root))
    from tests.tui_pilot import burst, started, table

    counts = (root / "reader" / "ui" / "counts.py").exists()

    async def run() -> dict[str, object]:
        async with quiet_reader(data) as (app, pilot):
            await started(pilot)
            rows = table(app)
            walls: dict[str, list[float]] = {"walls": [], "counted": []}
            for _ in range(3):
                for name, typed in (("walls", "j" * keys), ("counted", f"{count}j")):
                    if name == "counted" and not counts:
                        continue
                    goal = min(keys if name == "walls" else count, len(rows.rows) - 1)
                    rows.cursor = 0
                    await pilot.pause(0.2)
                    start = time.perf_counter()
                    burst(app, typed)
                    while rows.cursor < goal and time.perf_counter() - start < 30:
                        await asyncio.sleep(0.001)
                    walls[name].append(time.perf_counter() - start)
            return dict(walls)

    print(json.dumps(asyncio.run(run())))


def main() -> int:
    parser = comparison_parser(__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--count", type=int, help="the count timed (default: --keys)")
    args = compared(parser, child, lambda args: (args.keys, args.count or args.keys), load=False)
    if args is None:
        return 0
    count = args.count or args.keys
    sys.path.insert(1, str(HERE.parent))
    from tui_headlines import build_data_dir

    roots = checkouts(args.against)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        build_data_dir(data, 2, 300)
        walls: dict[str, list[float]] = {name: [] for name in roots}
        counted: dict[str, list[float]] = {name: [] for name in roots}
        for _ in range(args.runs):
            for name, root in roots.items():
                command = [__file__, "--keys", args.keys, "--count", count]
                got = child_json(*command, "--child", root, data)
                walls[name] += got["walls"]
                counted[name] += got["counted"]
    print_walls(walls, f"{args.keys} j in one burst")
    for name in roots:
        if not counted[name]:
            continue
        median = statistics.median(counted[name])
        print(
            f"{name:8} {count}j (a count) in one burst: median {median * 1000:.0f} ms "
            f"(min {min(counted[name]) * 1000:.0f}, max {max(counted[name]) * 1000:.0f}); "
            f"/ {args.keys} j: {median / statistics.median(walls[name]):.2f}×"
        )
    if args.against and counted["this"] and counted["against"]:
        ratio = statistics.median(counted["this"]) / statistics.median(counted["against"])
        print(f"this / against, {count}j: {ratio:.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
