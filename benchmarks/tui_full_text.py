"""`F` in a year's cache as the reader runs it: how soon the first hits show, and the memory the
search takes and gives back when it is left, this checkout against another side by side
(`--against DIR`, a worktree of main).

    uv run python benchmarks/tui_full_text.py --data-dir COPY [--against DIR] [--word harbour]
        [--word "harbour -sofia" …]

`--data-dir` is a copy of a big cache (acc30b's year: 51,220 headlines and articles; its read
marks and its search index change: use a copy). Each checkout runs in a child process of its
own, one after the other: the real `ReaderApp` under `App.run_test()` (120x40), "All feeds"
shown and every headline read, then `F`, the word, Enter, and the wall clock until the first
hits are listed and until the whole list replaces them (and the process's CPU meanwhile, its
threads' too); then Esc. The child reports its
anonymous resident memory (RssAnon) before `F`, with the hits shown, and 3 s after Esc, and the
files it maps resident (RssFile: the store's SQLite maps) before `F` and after Esc. The
articles' index of their times (`StoreArticles._index_article_times`) is made before this
checkout's child (its making, once a directory, is printed) and dropped before the other's,
which would read through it too. Each `--word` (a query: spaces, `-word`, quotes typed as keys)
is searched in turn by each checkout. Nothing is asserted.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

from children import checkouts, child_json, compared, comparison_parser, quiet_reader

HERE = Path(__file__).resolve().parent


def anon_mb(field: str = "RssAnon") -> float:
    """A line of /proc/self/status in MB: RssAnon, or RssFile (the files mapped: the store's
    SQLite maps among them, acc48b B1)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def all_feeds(app: Any, pilot: Any) -> None:
    """ "All feeds" shown, whatever a copy was left showing, every headline read, and a
    second's rest."""
    await app.ready.wait()
    await pilot.pause(0.5)
    for key in ("tab", "g", "enter"):
        await pilot.press(key)
        await pilot.pause(0.2)
    while not app.index.whole:
        await pilot.pause(0.2)
    await pilot.pause(1)


_KEYS = {" ": "space", "-": "minus", '"': "quotation_mark", "*": "asterisk"}
"""The keys of the characters of a query that are no key's name."""


async def every_hit(app: Any, pilot: Any, query: str) -> None:
    """`F`, `query` typed, Enter, and back once every hit is listed (the whole list in place
    of its first pages)."""
    from reader.ui.screens.main_full_text import SEARCH_VIEW
    from reader.ui.widgets.main.headline_table import HeadlineTable

    main = app.main_screen
    table = main.query_one(HeadlineTable)
    await pilot.press("F", *(_KEYS.get(char, char) for char in query))

    async def watch() -> None:  # beside the keys: `press` returns only once idle
        while main.feed_url != SEARCH_VIEW or not table.rows:
            await asyncio.sleep(0.005)
        while main._so_far is not None or not main.text_hits:
            await asyncio.sleep(0.02)

    watching = asyncio.ensure_future(watch())
    await pilot.press("enter")
    await watching


def child(root: Path, data: Path, word: str) -> None:
    sys.path.insert(0, str(root))
    from reader.ui.screens.main_full_text import SEARCH_VIEW
    from reader.ui.widgets.main.headline_table import HeadlineTable

    async def run() -> dict[str, float]:
        async with quiet_reader(data) as (app, pilot):
            await all_feeds(app, pilot)
            main = app.main_screen
            result = {"before": anon_mb(), "file_before": anon_mb("RssFile")}
            await pilot.press("F", *(_KEYS.get(char, char) for char in word))

            async def watch() -> None:  # beside the keys: `press` returns only once idle
                while main.feed_url != SEARCH_VIEW or not main.query_one(HeadlineTable).rows:
                    await asyncio.sleep(0.005)
                result["first"] = time.perf_counter() - start
                while main._so_far is not None or not main.text_hits:
                    await asyncio.sleep(0.02)
                result["all"] = time.perf_counter() - start
                result["cpu"] = time.process_time() - cpu

            watching = asyncio.ensure_future(watch())
            start, cpu = time.perf_counter(), time.process_time()
            await pilot.press("enter")
            await watching
            result["hits"] = len(main.text_hits)
            await pilot.pause(1)
            result["with_hits"] = anon_mb()
            await pilot.press("escape")
            await pilot.pause(3)
            result["after"] = anon_mb()
            result["file_after"] = anon_mb("RssFile")
        return result

    print(json.dumps(asyncio.run(run())))


def times_index(data: Path, make: bool) -> float:
    """Make (or drop) the articles' index of their times; the seconds it took."""
    sys.path.insert(0, str(HERE.parent))
    from reader.store.articles import _TIMES_INDEX

    db = sqlite3.connect(data / "articles" / "cache.db", timeout=30)
    start = time.perf_counter()
    if make:
        db.execute(f"CREATE INDEX IF NOT EXISTS {_TIMES_INDEX} ON Cache (key, store_time)")
    else:
        db.execute(f"DROP INDEX IF EXISTS {_TIMES_INDEX}")
    db.commit()
    db.close()
    return time.perf_counter() - start


def main() -> int:
    parser = comparison_parser(__doc__, "a copy of a big cache")
    parser.add_argument("--word", action="append", help="a query (again for more; harbour)")
    args = compared(parser, child, lambda args: ((args.word or ["harbour"])[0],))
    if args is None:
        return 0
    from farm import load_average

    roots = checkouts(args.against)
    words = args.word or ["harbour"]
    for word, (name, root) in ((w, r) for w in words for r in roots.items()):
        took = times_index(args.data_dir, make=name == "this")
        if name == "this":
            print(f"the articles' index of their times made in {took:.2f} s (once a directory)")
        got = child_json(__file__, "--child", root, args.data_dir, "--word", word)
        print(
            f"{name:8} F {word} ({got['hits']:,.0f} hits): first hits {got['first']:.2f} s,"
            f" all {got['all']:.1f} s (the process's CPU {got['cpu']:.1f} s);"
            f" RssAnon {got['before']:.0f} MB before F,"
            f" {got['with_hits']:.0f} MB with the hits, {got['after']:.0f} MB after Esc"
            f" ({got['after'] - got['before']:+.0f} MB); RssFile {got['file_before']:.0f} MB"
            f" before F, {got['file_after']:.0f} MB after Esc"
        )
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
