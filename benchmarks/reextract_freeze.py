"""The event loop's longest stall while an article an older extractor made is opened (extracted
again from its kept page, as `Library.article` does it for the reader), in a fresh Python:

    uv run python benchmarks/reextract_freeze.py [--runs 5] [--before DIR]

The reader's first opening of such an article (after an upgrade) imported the extractor (lxml,
readability: hundreds of milliseconds) on its event loop, every key waiting meanwhile. Each run
starts a Python on a data directory synced from the demo site, one article's extractor version
set older; its worker processes are started and ready first (as the reader's are once its first
screen is drawn: spawned, a thread running as the reader's do); then a task ticking every millisecond measures the loop's longest gap while
the article is opened (**stall**), and the whole opening (**open**).

`--before DIR` runs another checkout of the reader (its root: `git archive main reader | tar -x
-C DIR`) too, alternately with this one: a change's before and after in one run. Nothing is
asserted: this prints medians and their ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py beside this
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # reader from this checkout

from farm import child_env, load_average, median, warm_up

_CHILD = """
import asyncio, json, sys, threading, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from reader.library import Library


async def main(directory, link):
    lib = Library(directory, workers="process")
    try:
        # A thread running, as the reader's are: its workers are spawned, not forked with
        # the extractor imported here first (as a command's are).
        threading.Thread(target=time.sleep, args=(60,), daemon=True).start()
        lib.start_workers()
        await lib._cpu(sum, [1])  # a worker is up, its modules imported
        entry = next(h.entry for h in lib.headlines() if h.entry.link == link)
        gaps = []
        done = False

        async def tick():
            last = time.perf_counter()
            while not done:
                await asyncio.sleep(0.001)
                now = time.perf_counter()
                gaps.append(now - last)
                last = now

        ticker = asyncio.create_task(tick())
        await asyncio.sleep(0.01)
        start = time.perf_counter()
        await lib.article(entry, offline=True)
        opened = time.perf_counter() - start
        done = True
        await ticker
        print(json.dumps({"stall": max(gaps) * 1000, "open": opened * 1000,
                          "extract": "reader.extract" in sys.modules}))
    finally:
        await lib.aclose()


asyncio.run(main(Path(sys.argv[2]), sys.argv[3]))
"""


def prepare(directory: Path) -> str:
    """Synced from the demo site; the address of the article to open."""
    from reader.demo.server import start_demo_server
    from reader.library import Library

    server = start_demo_server()
    try:

        async def sync() -> None:
            async with Library(directory, workers="thread") as lib:
                for url in server.feed_urls:
                    lib.add_feed(url)
                await lib.sync()

        asyncio.run(sync())
    finally:
        server.stop()
    lib = Library(directory, workers="thread")
    try:
        return next(h.entry.link for h in lib.headlines() if h.cached)
    finally:
        lib.close()


def outdated(directory: Path, link: str) -> None:
    """The article as an older extractor left it: extracted again at its next opening."""
    from reader.extractor_version import EXTRACTOR
    from reader.library import Library

    lib = Library(directory, workers="thread")
    try:
        article = lib.store.article(link)
        assert article is not None
        lib.store.put_article(link, dataclasses.replace(article, extractor=EXTRACTOR - 1))
    finally:
        lib.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", type=Path, help="another checkout's root, run alternately")
    args = parser.parse_args()
    warm_up()
    here = str(Path(__file__).resolve().parent.parent)
    checkouts = {"this": here}
    if args.before:
        checkouts = {"before": str(args.before.resolve()), **checkouts}
    results: dict[str, list[dict[str, float]]] = {name: [] for name in checkouts}
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "data"
        link = prepare(directory)
        for run in range(args.runs):
            order = list(checkouts.items())
            for name, root in order if run % 2 == 0 else order[::-1]:
                outdated(directory, link)
                done = subprocess.run(
                    [sys.executable, "-c", _CHILD, root, str(directory), link],
                    capture_output=True,
                    text=True,
                    env=child_env(),
                    timeout=300,
                    check=True,
                )
                results[name].append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"load average {load_average()}, {args.runs} runs each (ms, median)")
    print(f"{'reader':8} {'stall':>8} {'open':>8}  extractor in the loop's process")
    for name, runs in results.items():
        stall = median([r["stall"] for r in runs])
        opened = median([r["open"] for r in runs])
        loaded = sum(bool(r["extract"]) for r in runs)
        print(f"{name:8} {stall:8.1f} {opened:8.1f}  {loaded} of {len(runs)}")
    if "before" in results:
        before = median([r["stall"] for r in results["before"]])
        after = median([r["stall"] for r in results["this"]])
        print(f"longest stall, before / this: {before / after:.1f}×")


if __name__ == "__main__":
    main()
