"""`reader sync`'s progress on a terminal: how often it is drawn, and what it writes, while a
sync waits on stalled pages (acc42a A11: ~50 redraws in a 5-second sync, a line a screen reader
may read again each time).

    uv run python benchmarks/sync_redraws.py --against DIR [--stories 3] [--read-timeout 5]
                                             [--columns 40,80] [--runs 1]

Each run subscribes a new data directory to a site of `--stories` pages that all stall
(tests/failing_site.py, "stall": half a page, then nothing) and runs `reader sync` on a
pseudo-terminal `--columns` wide, its pages given up after `--read-timeout` seconds. Read from
what it writes: the redraws (each goes back to the start of its last row and erases it,
"\\r ESC[2K"), the bytes, and the seconds the process ran. `--against DIR` runs another
checkout's reader (its root: `git worktree add --detach DIR main`) beside this one, alternately,
and prints each figure's ratio, this one's to the other's. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # reader from this checkout

from reader.library import Library
from tests.failing_site import FailingSite
from tests.pty_reader import stderr_on_a_terminal

THIS = Path(__file__).resolve().parent.parent


def _subscribed(home: Path, feed: str, read_timeout: float) -> None:
    home.mkdir()
    (home / "config.toml").write_text(
        f"[network]\nread_timeout = {read_timeout}\ntotal_timeout = {read_timeout * 3}\n"
        "retries = 0\nper_host = 4\n"
    )

    async def run() -> None:
        async with Library(home, workers="thread") as lib:
            lib.add_feed(feed)

    asyncio.run(run())


def _sync(root: Path, home: Path, columns: int) -> tuple[int, int, float]:
    """Redraws, bytes written and seconds of `reader sync` (the checkout at `root`) on `home`,
    its stderr a terminal `columns` wide."""
    env = {**os.environ, "PYTHONPATH": str(root), "READER_HOME": str(home)}
    drawn, seconds = stderr_on_a_terminal(["sync"], env, columns, cwd=root)
    return drawn.count(b"\r\x1b[2K"), len(drawn), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, required=True, help="another checkout's root")
    parser.add_argument("--stories", type=int, default=3)
    parser.add_argument("--read-timeout", type=float, default=5.0)
    parser.add_argument("--columns", default="40,80")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    checkouts = {"this": THIS, "other": args.against.resolve()}
    print(f"load average: {' '.join(f'{n:.2f}' for n in os.getloadavg())}")
    for columns in (int(c) for c in args.columns.split(",")):
        figures: dict[str, list[tuple[int, int, float]]] = {name: [] for name in checkouts}
        for run in range(args.runs):
            for name, root in checkouts.items():
                site = FailingSite(stories=args.stories, mode="stall")
                try:
                    with tempfile.TemporaryDirectory(prefix="sync-redraws-") as work:
                        home = Path(work) / f"{name}-{run}"
                        _subscribed(home, site.base + "/feed.xml", args.read_timeout)
                        figures[name].append(_sync(root, home, columns))
                finally:
                    site.close()
        medians = {
            name: tuple(statistics.median(f[i] for f in runs) for i in range(3))
            for name, runs in figures.items()
        }
        for name, (redraws, written, seconds) in medians.items():
            rate = redraws / seconds if seconds else 0.0
            print(
                f"{columns} columns, {name:>5}: {redraws:.0f} redraws in {seconds:.1f} s"
                f" ({rate:.1f}/s), {written:,.0f} bytes"
            )
        this, other = medians["this"], medians["other"]
        per_second = [m[0] / m[2] if m[2] else 0.0 for m in (this, other)]
        ratio = per_second[0] / per_second[1] if per_second[1] else float("nan")
        bytes_ratio = this[1] / other[1] if other[1] else float("nan")
        print(
            f"{columns} columns, this/other: redraws a second x{ratio:.2f}, bytes x{bytes_ratio:.2f}"
        )


if __name__ == "__main__":
    main()
