"""How `reader import` of an OPML file grows with its feeds (acc41b B3: 2,000 feeds 17 s,
8,000 98 s, each outline rewriting the whole subscription list), this checkout against
another side by side (`--against DIR`, a worktree of main).

    uv run python benchmarks/opml_import_scale.py [--feeds 2000] [--against DIR]

Imports an OPML file of `feeds` feeds and one of four times as many (in 20 folders, so each
feed filed under a tag) into a throwaway data directory each, every feed at 127.0.0.1 port 9 (nothing is fetched: `import` only subscribes).
Each import is the `reader import` command run in a child process of its checkout, the
checkouts alternating. Prints each wall and CPU time and the growth per checkout: 4.0 is linear,
16.0 square. Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

from children import compared, comparison_parser, scaled_runs

FOLDERS = 20


def opml(feeds: int) -> str:
    """An OPML file of `feeds` feeds at a closed port in `FOLDERS` folders (each a tag), as a
    shared "all the news" list is."""
    folders = "".join(
        f'<outline text="topic {folder}">\n'
        + "".join(
            f'<outline type="rss" text="f{n}" xmlUrl="http://127.0.0.1:9/many/{n}.xml"/>\n'
            for n in range(folder, feeds, FOLDERS)
        )
        + "</outline>\n"
        for folder in range(FOLDERS)
    )
    return f'<?xml version="1.0"?>\n<opml version="2.0"><body>\n{folders}</body></opml>\n'


def child(root: Path, feeds: int) -> None:
    sys.path.insert(0, str(root))
    from reader.cli import main

    with tempfile.TemporaryDirectory() as home:
        file = Path(home) / "feeds.opml"
        file.write_text(opml(feeds), encoding="utf-8")
        os.environ["READER_CONFIG"] = os.devnull
        wall, cpu = time.perf_counter(), time.process_time()
        with open(os.devnull, "w", encoding="utf-8") as quiet:
            sys.stdout = quiet
            status = main(["--data-dir", str(Path(home) / "data"), "import", str(file)])
            sys.stdout = sys.__stdout__
        assert status == 0, status
        print(json.dumps([time.perf_counter() - wall, time.process_time() - cpu]))


def main() -> int:
    parser = comparison_parser(__doc__)
    parser.add_argument("--feeds", type=int, default=2000)
    args = compared(parser, child, child_types=(Path, int))
    if args is None:
        return 0
    sizes = (args.feeds, 4 * args.feeds)
    took = scaled_runs(__file__, args.against, sizes)
    from farm import load_average

    for name, times in took.items():
        (one, one_cpu), (four, four_cpu) = times[sizes[0]], times[sizes[1]]
        print(
            f"{name:8} {sizes[0]:,} feeds {one:.2f} s ({one_cpu:.2f} CPU),"
            f" {sizes[1]:,} feeds {four:.2f} s ({four_cpu:.2f} CPU): ×{four / one:.1f} wall,"
            f" ×{four_cpu / one_cpu:.1f} CPU"
        )
    if args.against:
        for feeds in sizes:
            wall = took["against"][feeds][0] / took["this"][feeds][0]
            cpu = took["against"][feeds][1] / took["this"][feeds][1]
            print(f"against / this at {feeds:,} feeds: {wall:.1f}× wall, {cpu:.1f}× CPU")
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
