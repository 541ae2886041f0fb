"""What "also in" across two addresses of one story costs (`Library.one_story_keys`, net44): the
reader's whole headline index (`HeadlineIndex.load`) and `reader list`'s "also in" map
(`Library.also_listed`; main's `shared_articles`), main's checkout against this one, in turns.

    python benchmarks/story_keys.py DATA_DIR --against /tmp/main-checkout [--rounds 5]

DATA_DIR is a year's cache (benchmarks/year_library.py's), copied first: nothing is written to
it. In the copy, a third of the articles listed are given another address, as an aggregator's
link that ended at them is (`also:` records of an unlisted link), and one in a hundred one
another feed's headline links to (two feeds' rows of one story): the most such a library holds.
Each figure is a side's fastest of `--rounds` (a child process each, the sides taking turns).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

_HERE = Path(__file__).resolve().parent.parent

_CHILD = r"""
import asyncio, json, sys, time
from pathlib import Path
from reader.library import Library
from reader.ui.headlines import HeadlineIndex

async def main(path):
    async with Library(Path(path)) as lib:
        out = {}
        start = time.perf_counter()
        index = HeadlineIndex.load(lib)
        out["index_load"] = (time.perf_counter() - start) * 1000
        listing = getattr(lib, "also_listed", lib.shared_articles)
        start = time.perf_counter()
        listing()
        out["also_map"] = (time.perf_counter() - start) * 1000
        out["headlines"] = len(index.headlines)
        out["joined"] = len(getattr(index, "stories", {}))
    print(json.dumps(out))

asyncio.run(main(sys.argv[1]))
"""


def _other_addresses(data: Path) -> tuple[int, int]:
    """The `also:` records written into the copy at `data`: (unlisted links, joins)."""
    sys.path.insert(0, str(_HERE))
    from reader.library import Library

    async def written() -> tuple[int, int]:
        async with Library(data) as lib:
            heads = [h for h in lib.headlines() if h.entry.link]
            articles = lib.store._articles
            unlisted = joins = 0
            with articles.transact():
                for n, headline in enumerate(heads):
                    key = headline.key or ""
                    if not key:
                        continue
                    if n % 100 == 0 and n + 1 < len(heads):
                        articles.set(f"also:{key}", heads[n + 1].entry.link)
                        joins += 1
                    elif n % 3 == 0:
                        articles.set(f"also:{key}", f"http://aggregator.example/rss/a/{n}?oc=5")
                        unlisted += 1
            return unlisted, joins

    return asyncio.run(written())


def _run(root: Path, data: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(data)],
        env={**os.environ, "PYTHONPATH": str(root)},
        cwd=tempfile.gettempdir(),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--against", type=Path, required=True, help="main's checkout")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="story-keys-") as temp:
        data = Path(temp) / "data"
        shutil.copytree(args.data_dir, data)
        unlisted, joins = _other_addresses(data)
        print(
            f"load: {os.getloadavg()[0]:.1f}; other addresses: {unlisted:,} unlisted, {joins} joins"
        )
        sides: dict[str, dict[str, float]] = {}
        for _ in range(args.rounds):
            for name, root in (("main", args.against), ("this", _HERE)):
                got = _run(root, data)
                kept = sides.setdefault(name, got)
                for key in ("index_load", "also_map"):
                    kept[key] = min(kept[key], got[key])
    main_side, this = sides["main"], sides["this"]
    print(f"headlines: {int(this['headlines']):,}; stories joined (this): {int(this['joined'])}")
    for key, what in (("index_load", "HeadlineIndex.load"), ("also_map", "the also-in map")):
        before, after = main_side[key], this[key]
        print(f"{what:>20}: main {before:8.1f} ms, this {after:8.1f} ms, {after / before:5.2f}x")
    print(f"load: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
