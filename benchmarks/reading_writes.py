"""What reading articles writes to disk (acc48b B3: ~60 KB an article opened on a laptop on
battery): articles opened one after the other as the reader opens them (`n`), each read, its
reading noted, its place kept once the view settles and again as it is left.

    uv run python benchmarks/reading_writes.py DATA_DIR [--before CHECKOUT] [--articles 30]

DATA_DIR is a data directory with cached articles (acc48b's 5,000, or a demo sync); each
checkout reads a copy of it of its own, in a Python process of its own (with `--before`,
another checkout's first, on `PYTHONPATH`), one after the other at the same load. Printed
side by side: the bytes the process wrote (`write_bytes` of /proc/self/io) and the pages the
state's write-ahead log grew by, per article. Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py beside this script

from farm import children_json, load_average

CHILD = r"""
import asyncio, inspect, json, shutil, sys, tempfile, time
from pathlib import Path
from reader.keys import article_key
from reader.library import Library
from reader.store.reading_times import READ_AT

# A copy of the library of its own, as its read marks and places change.
data_dir = Path(tempfile.mkdtemp(prefix="reading-writes-")) / "data"
shutil.copytree(sys.argv[1], data_dir, ignore=shutil.ignore_patterns("*.lock"))
count = int(sys.argv[2])
wal = data_dir / "state" / "cache.db-wal"

def written():
    fields = dict(line.split(": ") for line in Path("/proc/self/io").read_text().splitlines())
    return int(fields["write_bytes"]), wal.stat().st_size if wal.exists() else 0

async def main():
    async with Library(data_dir) as lib:
        feeds = lib.store.feed_urls()
        entries = [e for url in feeds for e in lib.store.entries(url) if e.link][: count * 3]
        cached = [e for e in entries if lib.store.article(e.link) is not None][:count]
        # As the reader of each checkout opens one (this one notes its reading with the mark).
        noted = "noted" in inspect.signature(lib.mark_read).parameters
        opened, marked = ({"noted": False}, {"noted": True}) if noted else ({}, {})
        # Read once first, unmeasured: a library an older extractor cached is read again and
        # rewritten as an article is opened, the same in both checkouts; then its notes of
        # reading dropped again, each article opened as for the first time.
        for entry in cached:
            await lib.article(entry)
        await lib.keep_notes_before_close()
        for entry in cached:
            lib.store._state.delete(READ_AT + article_key(entry.link))
        before = written()
        for entry in cached:
            article = await lib.article(entry, **opened)
            lib.mark_read(entry, True, time.time(), [], **marked)
            await lib.keep_notes_before_close()
            place = {"paragraph": 5, "line": 0}
            lib.remember_place_soon(entry, article, place)  # the view settled
            await lib.keep_notes_before_close()
            lib.remember_place_soon(entry, article, place)  # left: `n`
            await lib.keep_notes_before_close()
        after = written()
    print(json.dumps({"articles": len(cached), "bytes": after[0] - before[0],
                      "frames": (after[1] - before[1]) / (4096 + 24)}))

asyncio.run(main())
shutil.rmtree(data_dir.parent)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--before", type=Path, help="another checkout's root, to compare")
    parser.add_argument("--articles", type=int, default=30)
    args = parser.parse_args()
    argv = [str(args.data_dir.resolve()), str(args.articles)]
    found = children_json(CHILD, argv, args.before)
    print(f"load {load_average()}, {found['after']['articles']:.0f} articles opened")
    for name, got in found.items():
        per = max(got["articles"], 1)
        print(
            f"{name}: {got['bytes'] / per / 1024:.1f} KB written an article,"
            f" {got['frames'] / per:.1f} pages of the state's log"
        )
    if args.before and found["before"]["bytes"]:
        print(
            f"ratio after/before (bytes): {found['after']['bytes'] / found['before']['bytes']:.2f}"
        )


if __name__ == "__main__":
    main()
