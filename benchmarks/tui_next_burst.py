"""`n` held down in an article: how long a burst of `n` (next article) takes to land on the
article it leads to, drawn, this checkout against another side by side (`--against DIR`, a
worktree of main). acc34a's C6: 20 `n` in one burst took 12 s at load 15–30 (newsboat 0.12 s).

    uv run python benchmarks/tui_next_burst.py [--against DIR] [--runs 3] [--keys 20]
                                               [--data-dir COPY]

A data directory of `--keys` × 2 + 10 cached articles (benchmarks/search.py's: farm pages
extracted once, untimed), or `--data-dir`, a copy of a cache (acc34a's 600 articles), used as it
is (its read marks change: use a copy). Each run is a child process per checkout, alternating.
In each child the real `ReaderApp` (`refresh_on_start=False`, no fetch ahead) runs under
`App.run_test()` at 120x40; "All feeds"' first headline is opened, then every `n` of a burst is
queued at once (`tests.tui_pilot.burst`) and the wall clock runs until the reading view shows the
`--keys`th article after it, drawn (`time.perf_counter`, polled each millisecond); two bursts a
child. Prints the medians and the ratio, and which articles of the burst were marked read.
Nothing is asserted.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

from children import checkouts, compared, comparison_parser, quiet_reader, walls_by_turns

HERE = Path(__file__).resolve().parent


def child(root: Path, data: Path, keys: int) -> None:
    sys.path.insert(0, str(root))
    from tests.tui_pilot import burst, open_row, started, until

    async def run() -> dict[str, object]:
        async with quiet_reader(data) as (app, pilot):
            await started(pilot)
            screen = await open_row(pilot, 0)
            await until(pilot, lambda: screen._drawn, "the first article drawn")
            await pilot.pause(0.5)
            walls: list[float] = []
            marked: list[int] = []
            for _ in range(2):
                start_at = screen.position
                goal = start_at + keys
                start = time.perf_counter()
                burst(app, "n" * keys)
                while not (screen.position == goal and screen._drawn):
                    if time.perf_counter() - start > 300:
                        raise SystemExit("the burst did not land in 300 s")
                    await asyncio.sleep(0.001)
                walls.append(time.perf_counter() - start)
                await pilot.pause(0.5)
                rows = screen.headlines[start_at + 1 : goal + 1]
                marked.append(
                    sum(1 for h in rows if (now := app.index.get(h.entry.id)) and now.read)
                )
            return {"walls": walls, "marked": marked}

    print(json.dumps(asyncio.run(run())))


def main() -> int:
    parser = comparison_parser(__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keys", type=int, default=20, help="`n` in one burst")
    parser.add_argument("--sample", type=int, default=20, help="farm pages extracted")
    parser.add_argument("--data-dir", type=Path, help="a copy of a cache, used in place")
    args = compared(parser, child, lambda args: (args.keys,))
    if args is None:
        return 0
    sys.path.insert(1, str(HERE.parent))
    from search import build_data_dir, extracted_texts

    with tempfile.TemporaryDirectory(prefix="bench-next-burst-") as tmp:
        data = args.data_dir
        if data is None:
            data = Path(tmp) / "data"
            build_data_dir(data, args.keys * 2 + 10, extracted_texts(args.sample))
        walls_by_turns(
            __file__,
            checkouts(args.against),
            args.runs,
            lambda _, root: ["--keys", args.keys, "--child", root, data],
            f"{args.keys} n in one burst",
            lambda got: f"; articles of the burst marked read: {got['marked']}",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
