"""How `reader import` of a read-it-later export grows with its links (acc32b B3: 4,000 links
took 42 s of CPU, twice the links four times the time), this checkout against another side by
side (`--against DIR`, a worktree of main).

    uv run python benchmarks/import_scale.py [--links 1000] [--against DIR]

Saves `links` and twice as many links of a Pocket CSV into a throwaway data directory each,
every link to 127.0.0.1 port 9, so saved as a link, not fetched (no network, no waiting: what
is timed is reading the file and keeping the links); one link in three tagged, one in two
archived there, as an export's are. Each import runs in a child process of its checkout, the
checkouts alternating. Prints both times and their ratio per checkout: 2.0 is linear, 4.0
square. Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

from children import compared, comparison_parser, scaled_runs

HERE = Path(__file__).resolve().parent


def pocket_csv(links: int) -> bytes:
    """A Pocket CSV of `links` links to a closed port, a third tagged, half archived."""
    rows = "".join(
        f"Link {n},http://127.0.0.1:9/x{n},1764568800,,{'tag' + str(n % 5) if n % 3 == 0 else ''},"
        f"{'archive' if n % 2 else 'unread'}\n"
        for n in range(links)
    )
    return f"title,url,time_added,cursor,tags,status\n{rows}".encode()


def child(root: Path, links: int) -> None:
    sys.path.insert(0, str(root))
    from reader.library import Library
    from reader.library.saved_imports import import_saved
    from reader.saved_exports import read_saved_export

    data = pocket_csv(links)

    async def run(home: Path) -> None:
        async with Library(home, workers="thread") as lib:
            export = read_saved_export(data)
            assert export is not None and len(export.links) == links
            done = await import_saved(lib, export.links)
            assert done.local == links
            assert len(lib.store.saved()) == links

    with tempfile.TemporaryDirectory() as home:
        start = time.perf_counter()
        asyncio.run(run(Path(home)))
        print(json.dumps(time.perf_counter() - start))


def main() -> int:
    parser = comparison_parser(__doc__)
    parser.add_argument("--links", type=int, default=1000)
    args = compared(parser, child, child_types=(Path, int))
    if args is None:
        return 0
    seconds = scaled_runs(__file__, args.against, (args.links, 2 * args.links))
    from farm import load_average

    for name, took in seconds.items():
        one, two = took[args.links], took[2 * args.links]
        print(
            f"{name:8} {args.links:,} links {one:.2f} s, {2 * args.links:,} links {two:.2f} s:"
            f" ×{two / one:.2f}"
        )
    if args.against:
        ratio = seconds["against"][2 * args.links] / seconds["this"][2 * args.links]
        print(f"against / this at {2 * args.links:,} links: {ratio:.1f}×")
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
