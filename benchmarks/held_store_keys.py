"""The event loop's longest stall after a key that changes the store (`s`, `E`, `L`, `f`, `m`)
while another program holds the data directory, this checkout against another side by side
(`--against DIR`, a worktree of main).

    uv run python benchmarks/held_store_keys.py [--against DIR] [--hold 3] [--runs 2]

A data directory of 3 × 40 headlines (benchmarks/tui_headlines.py's), copied per child. Each
checkout runs in a child process of its own, alternating: the real `ReaderApp` under
`App.run_test()` (120x30). For each key in turn, the state store is held by a second process's
open write (tests/test_busy_store.py's `held`) for `--hold` seconds; the key is pressed, and the
longest gap between the ticks of a task waking every 2 ms is taken over the `--hold` seconds
after it (all on one cached headline: `s` saves it with no fetch) (what another key pressed then waits for at worst); then the reader's changes are let
in before the next key. Printed: that stall per key, the median over the runs. Nothing is
asserted.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from children import checkouts, child_json, compared, comparison_parser, quiet_reader

HERE = Path(__file__).resolve().parent
KEYS = {"s": "save", "E": "archive", "L": "unread only", "f": "feed list", "m": "read mark"}


def child(root: Path, data: Path, hold: float) -> None:
    sys.path.insert(0, str(root))
    sys.path.insert(1, str(root / "tests"))
    from test_busy_store import held
    from tui_loop_stalls import longest_stall

    from reader.ui.widgets.main.headline_table import HeadlineTable
    from tests.tui_pilot import burst

    async def run() -> dict[str, float]:
        out: dict[str, float] = {}
        async with quiet_reader(data, (120, 30)) as (app, pilot):
            await app.shown.wait()  # the start's work over (the network stack, the workers)
            await pilot.pause(1)
            rows = app.main_screen.query_one(HeadlineTable)
            # A cached article: `s` saves it with no fetch (the network stack's import aside).
            rows.cursor = next(n for n, row in enumerate(rows.rows) if row.cached)
            for key in KEYS:
                with held(data / "state", at_most=hold):
                    stall, _wall, _full = await longest_stall(
                        lambda key=key: burst(app, key), lambda: False, hold
                    )
                out[key] = stall
                while app._unkept or app._writing is not None:  # in before the next key
                    await pilot.pause(0.05)
                await pilot.pause(0.3)
        return out

    print(json.dumps(asyncio.run(run())))


def main() -> int:
    parser = comparison_parser(__doc__)
    parser.add_argument("--hold", type=float, default=3.0, help="seconds the store is held")
    parser.add_argument("--runs", type=int, default=2)
    args = compared(parser, child, lambda args: (args.hold,))
    if args is None:
        return 0
    from farm import load_average
    from tui_headlines import build_data_dir

    roots = checkouts(args.against)
    stalls: dict[str, dict[str, list[float]]] = {name: {k: [] for k in KEYS} for name in roots}
    with tempfile.TemporaryDirectory(prefix="bench-held-keys-") as tmp:
        base = Path(tmp) / "base"
        build_data_dir(base, 3, 40)
        for n in range(args.runs):
            names = list(roots) if n % 2 == 0 else list(reversed(roots))
            for name in names:
                data = Path(tmp) / f"run-{n}-{name}"
                shutil.copytree(base, data)
                got = child_json(__file__, "--child", roots[name], data, "--hold", args.hold)
                for key, stall in got.items():
                    stalls[name][key].append(stall)
    print(f"the loop's longest stall in the {args.hold:g} s after a key, the store held (median):")
    for key, what in KEYS.items():
        cells = {name: statistics.median(stalls[name][key]) for name in roots}
        line = "  ".join(f"{name} {cells[name] * 1000:6.0f} ms" for name in roots)
        ratio = ""
        if "against" in cells and cells["this"] > 0:
            ratio = f"  against ÷ this {cells['against'] / cells['this']:5.1f}"
        print(f"  {key} ({what:<11}) {line}{ratio}")
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
