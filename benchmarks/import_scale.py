"""How `reader import` of a read-it-later export grows with its links (acc32b B3: 4,000 links
took 42 s of CPU, twice the links four times the time).

    uv run python benchmarks/import_scale.py [--links 1000]

Saves, side by side in one run, `links` and twice as many links of a Pocket CSV into two
throwaway data directories: each to 127.0.0.1 port 9, so saved as links, not fetched (no network,
no waiting: what is timed is reading the file and keeping the links). Prints both times and
their ratio: 2.0 is linear, 4.0 square. Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.library import Library
from reader.library.saved_imports import import_saved
from reader.saved_exports import read_saved_export


def _seconds(links: int) -> float:
    rows = "".join(f"Link {n},http://127.0.0.1:9/x{n},1764568800,,,unread\n" for n in range(links))
    data = f"title,url,time_added,cursor,tags,status\n{rows}".encode()

    async def run(home: Path) -> None:
        async with Library(home, workers="thread") as lib:
            export = read_saved_export(data)
            assert export is not None and len(export.links) == links
            done = await import_saved(lib, export.links)
            assert done.local == links

    with tempfile.TemporaryDirectory() as home:
        start = time.perf_counter()
        asyncio.run(run(Path(home)))
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=1000)
    args = parser.parse_args()
    one = _seconds(args.links)
    two = _seconds(2 * args.links)
    print(f"{args.links} links {one:.2f} s, {2 * args.links} links {two:.2f} s: ×{two / one:.2f}")


if __name__ == "__main__":
    main()
