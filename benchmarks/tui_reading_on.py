"""Reading on with `n`: the memory an article leaves behind when the next one replaces it in the
same reading view, with the strips' cycles undone before each freeze (`collector.unlink_strips`)
and the frozen objects' growth bounded (`collector.THAW_AFTER_GROWTH`), and without, side by
side in one run.

    uv run python benchmarks/tui_reading_on.py [--articles 300] [--every 50] [--data-dir COPY]
        [--against DIR] [--search WORD …]

A data directory of `--articles` + 10 cached articles (benchmarks/search.py's: farm pages
extracted once), or `--data-dir`, a copy of a big cache (acc30b's year: 51,220 headlines), used
as it is (its read marks change: use a copy). The reader is driven with Pilot at 120x40: "All
feeds", its first headline opened, then `n` `--articles` times, each article waited for. Two
children run one after the other: the reader as it is, and the reader with `unlink_strips` made
to do nothing and no bound, as before session 31. At each checkpoint (every `--every` articles) each reports
its anonymous resident memory (RssAnon), the files it maps resident (RssFile: the store's
SQLite maps among them) and both (VmRSS), Python's allocated blocks and the objects frozen;
at the end, how many objects of earlier articles were garbage the collector could not reach
(frozen: found by thawing). The table gives the growth per article after the first checkpoint,
when Textual's caches have filled. With `--against DIR` (a worktree of main), that checkout's
reader runs instead of the second child. With `--search WORD` (again for more: acc48b's flight,
50 articles read then two `F` searches), the article is left with Esc and each WORD searched
with `F` and left with Esc, a checkpoint after each Esc, and a second table splits each
checkpoint's RssAnon into its parts: Python's own allocator's arenas and the bytes of the
objects in them (`sys._debugmallocstats`), and the C heap's bytes in use and free in it
(glibc's `mallinfo2`; free pages of it given back by `malloc_trim` stay counted there), and
SQLite's part of the C heap's bytes in use (its page caches: `sqlite3_memory_used`).
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import ctypes
import gc
import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # search.py, farm.py beside this script
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # reader from this checkout


def anon_mb(field: str = "RssAnon") -> float:
    """A line of /proc/self/status in MB: RssAnon (the process's own), RssFile (files mapped:
    the store's SQLite maps among them, acc48b B1), VmRSS (both, what `top` shows)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


_MALLINFO2 = (
    "arena",
    "ordblks",
    "smblks",
    "hblks",
    "hblkhd",
    "usmblks",
    "fsmblks",
    "uordblks",
    "fordblks",
    "keepcost",
)


class _MallInfo2(ctypes.Structure):
    """glibc's `struct mallinfo2` (2.33 on): every arena's figures, in bytes."""

    _fields_ = [(name, ctypes.c_size_t) for name in _MALLINFO2]


def heap_parts() -> dict[str, float]:
    """RssAnon's parts in MB: Python's arenas (1 MB each) and the bytes of its objects in
    them; the C heap's bytes in use and free (glibc's `mallinfo2`, every arena's; zero
    elsewhere)."""
    with tempfile.TemporaryFile() as said:  # `_debugmallocstats` writes to C's stderr
        stderr = os.dup(2)
        os.dup2(said.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(stderr, 2)
            os.close(stderr)
        said.seek(0)
        stats = said.read().decode()

    def stat(name: str) -> float:
        found = re.search(rf"# {name}\s*=\s*([\d,]+)", stats)
        return int(found.group(1).replace(",", "")) if found else 0

    parts = {"arenas": stat("arenas allocated current"), "py": stat("bytes in allocated blocks")}
    parts["py"] /= 2**20
    parts["sqlite"] = sqlite_heap_mb()
    try:
        mallinfo2 = ctypes.CDLL(None).mallinfo2
    except (OSError, AttributeError):  # no glibc, or older than 2.33
        return parts | {"c_used": 0.0, "c_free": 0.0}
    mallinfo2.restype = _MallInfo2
    info = mallinfo2()
    return parts | {"c_used": info.uordblks / 2**20, "c_free": info.fordblks / 2**20}


def sqlite_heap_mb() -> float:
    """What SQLite holds of the C heap in this process, every connection's page cache and
    statements (`sqlite3_memory_used`, from the library `_sqlite3` is linked to), in MB."""
    import _sqlite3

    try:
        used = ctypes.CDLL(_sqlite3.__file__).sqlite3_memory_used
    except (OSError, AttributeError):  # SQLite built into the module, its names not exported
        return 0.0
    used.restype = ctypes.c_int64
    return used() / 2**20  # type: ignore[no-any-return]


def point(opened: int | str) -> dict[str, float | str]:
    gc.collect()
    return {
        "articles": opened,
        "rss": anon_mb(),
        "file": anon_mb("RssFile"),
        "vmrss": anon_mb("VmRSS"),
        "blocks": sys.getallocatedblocks(),
        "frozen": gc.get_freeze_count(),
    } | heap_parts()


def stuck_in_frozen() -> int:
    """Objects kept only by being frozen: what thawing lets the collector free."""
    gc.collect()
    before = len(gc.get_objects()) + gc.get_freeze_count()
    gc.unfreeze()
    gc.collect()
    return before - len(gc.get_objects())


async def session(
    data_dir: Path, articles: int, every: int, searches: list[str]
) -> dict[str, object]:
    from tui_full_text import every_hit

    from reader.ui.app import ReaderApp
    from reader.ui.screens.article import ArticleScreen
    from reader.ui.widgets.main.headline_table import HeadlineTable

    app = ReaderApp(data_dir, refresh_on_start=False)
    app.prefetch_limit = 0
    points: list[dict[str, float]] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await app.ready.wait()
        await pilot.pause(0.5)
        for key in ("tab", "g", "enter"):  # "All feeds", whatever a copy was left showing
            await pilot.press(key)
            await pilot.pause(0.2)
        app.screen.query_one(HeadlineTable).cursor = 0
        await pilot.press("enter")
        for opened in range(articles + 1):
            while not isinstance(app.screen, ArticleScreen) or not app.screen.loaded:
                await pilot.pause(0.01)
            await pilot.pause(0.05)  # drawn, and settled (`ReaderApp.settle`)
            if opened % every == 0:
                points.append(point(opened))
            if opened < articles:
                await pilot.press("n")
                await pilot.pause(0.02)
        if searches:
            await left(app, pilot)
            points.append(point("Esc"))
        for word in searches:
            await every_hit(app, pilot, word)
            await left(app, pilot)
            points.append(point(f"F {word}, Esc"))
        stuck = stuck_in_frozen()
    return {"points": points, "stuck": stuck}


async def left(app: object, pilot: object) -> None:
    """Esc (twice where the first ends an article's search for a hit's words), then the
    settle after it (`ReaderApp.settle`) and a moment more."""
    from reader.ui.screens.article import ArticleScreen

    await pilot.press("escape")  # type: ignore[attr-defined]
    await pilot.pause(0.3)  # type: ignore[attr-defined]
    if isinstance(app.screen, ArticleScreen):  # type: ignore[attr-defined]
        await pilot.press("escape")  # type: ignore[attr-defined]
    await pilot.pause(3)  # type: ignore[attr-defined]


def child(args: argparse.Namespace) -> None:
    if args.root:
        sys.path.insert(0, str(args.root))
    from reader.ui import app_headlines, collector

    if args.without:
        collector.unlink_strips = lambda objects: 0  # type: ignore[assignment]
        collector.THAW_AFTER_GROWTH = 10**12
    settles: list[float] = []
    collect_and_freeze = app_headlines.collect_and_freeze

    def timed() -> None:  # `ReaderApp.settle`'s work after each article, on the event loop
        began = time.perf_counter()
        collect_and_freeze()
        settles.append(time.perf_counter() - began)

    app_headlines.collect_and_freeze = timed  # type: ignore[assignment]
    result = asyncio.run(session(args.child, args.articles, args.every, args.search or []))
    result["settle_ms"] = [1000 * statistics.median(settles), 1000 * max(settles)]
    print(json.dumps(result))


def run_child(
    args: argparse.Namespace, data_dir: Path, without: bool, root: Path | None
) -> dict[str, object]:
    from children import child_json

    command = [__file__, "--child", data_dir, "--articles", args.articles, "--every", args.every]
    command += ["--without"] if without else []
    command += ["--root", root] if root else []
    command += [item for word in args.search or [] for item in ("--search", word)]
    return child_json(*command)  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="`n` pressed, articles read")
    parser.add_argument("--every", type=int, default=50, help="articles between checkpoints")
    parser.add_argument("--sample", type=int, default=20, help="farm pages extracted")
    parser.add_argument("--data-dir", type=Path, help="a copy of a big cache, used in place")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--without", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--against", type=Path, help="another checkout (a worktree of main)")
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--search", action="append", help="after the articles, Esc, F WORD, Esc (again for more)"
    )
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    from farm import load_average
    from search import build_data_dir, extracted_texts

    print(f"load average {load_average()}")
    names = {"reader": (False, None)}
    if args.against:
        names["against"] = (False, args.against.resolve())
    else:
        names["before (no unlink, no bound)"] = (True, None)
    runs: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-reading-on-") as tmp:
        data_dir = args.data_dir
        if data_dir is None:
            data_dir = Path(tmp) / "data"
            build_data_dir(data_dir, args.articles + 10, extracted_texts(args.sample))
        for name, (without, root) in names.items():
            runs[name] = run_child(args, data_dir, without, root)
    print(f"`n` through {args.articles} articles (120x40), each opened in the same reading view\n")
    first = runs["reader"]["points"]
    print("| | " + " | ".join(f"after {p['articles']}" for p in first) + " |")  # type: ignore[index, union-attr]
    print("|---|" + "---:|" * len(first))  # type: ignore[arg-type]
    for name, run in runs.items():
        points = run["points"]
        cells = " | ".join(
            f"{p['rss']:.1f} MB, {p['frozen']:,.0f} frozen; RssFile {p['file']:.1f}, VmRSS"
            f" {p['vmrss']:.1f} MB"
            for p in points  # type: ignore[union-attr]
        )
        print(f"| {name} | {cells} |")
    if args.search:
        print(
            "\nRssAnon's parts: Python's arenas (MB) and its objects' bytes in them; the C heap's"
        )
        print("bytes in use and free in it, and SQLite's of those in use (MB)\n")
        print("| | " + " | ".join(f"after {p['articles']}" for p in first) + " |")  # type: ignore[index, union-attr]
        print("|---|" + "---:|" * len(first))  # type: ignore[arg-type]
        for name, run in runs.items():
            cells = " | ".join(
                f"{p['arenas']:.0f} / {p['py']:.1f}; {p['c_used']:.1f} / {p['c_free']:.1f}"
                f" (SQLite {p['sqlite']:.1f})"
                for p in run["points"]  # type: ignore[union-attr]
            )
            print(f"| {name} | {cells} |")
    print()
    for name, run in runs.items():
        points = [p for p in run["points"] if isinstance(p["articles"], int)]  # type: ignore[union-attr, index]
        start, last = points[1], points[-1]  # type: ignore[index]
        span = max(1, last["articles"] - start["articles"])
        print(
            f"{name}: after the first {start['articles']:.0f}, per article "
            f"RssAnon {1024 * (last['rss'] - start['rss']) / span:+.0f} KB, "
            f"RssFile {1024 * (last['file'] - start['file']) / span:+.0f} KB, "
            f"blocks {(last['blocks'] - start['blocks']) / span:+,.0f}, "
            f"frozen {(last['frozen'] - start['frozen']) / span:+,.0f}; "
            f"garbage kept frozen at the end {run['stuck']:,} objects; a settle (collect and"
            f" freeze) median {run['settle_ms'][0]:.0f} ms, longest {run['settle_ms'][1]:.0f} ms"  # type: ignore[index]
        )
    print(f"load average {load_average()}")


if __name__ == "__main__":
    main()
