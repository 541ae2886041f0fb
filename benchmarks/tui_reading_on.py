"""Reading on with `n`: the memory an article leaves behind when the next one replaces it in the
same reading view, with the strips' cycles undone before each freeze (`collector.unlink_strips`)
and the frozen objects' growth bounded (`collector.THAW_AFTER_GROWTH`), and without, side by
side in one run.

    uv run python benchmarks/tui_reading_on.py [--articles 300] [--every 50] [--data-dir COPY]
        [--against DIR]

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
reader runs instead of the second child. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
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


def point(opened: int) -> dict[str, float]:
    gc.collect()
    return {
        "articles": opened,
        "rss": anon_mb(),
        "file": anon_mb("RssFile"),
        "vmrss": anon_mb("VmRSS"),
        "blocks": sys.getallocatedblocks(),
        "frozen": gc.get_freeze_count(),
    }


def stuck_in_frozen() -> int:
    """Objects kept only by being frozen: what thawing lets the collector free."""
    gc.collect()
    before = len(gc.get_objects()) + gc.get_freeze_count()
    gc.unfreeze()
    gc.collect()
    return before - len(gc.get_objects())


async def session(data_dir: Path, articles: int, every: int) -> dict[str, object]:
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
        stuck = stuck_in_frozen()
    return {"points": points, "stuck": stuck}


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
    result = asyncio.run(session(args.child, args.articles, args.every))
    result["settle_ms"] = [1000 * statistics.median(settles), 1000 * max(settles)]
    print(json.dumps(result))


def run_child(
    args: argparse.Namespace, data_dir: Path, without: bool, root: Path | None
) -> dict[str, object]:
    from children import child_json

    command = [__file__, "--child", data_dir, "--articles", args.articles, "--every", args.every]
    command += ["--without"] if without else []
    command += ["--root", root] if root else []
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
    print("| | " + " | ".join(f"after {p['articles']:.0f}" for p in first) + " |")  # type: ignore[index, union-attr]
    print("|---|" + "---:|" * len(first))  # type: ignore[arg-type]
    for name, run in runs.items():
        points = run["points"]
        cells = " | ".join(
            f"{p['rss']:.1f} MB, {p['frozen']:,.0f} frozen; RssFile {p['file']:.1f}, VmRSS"
            f" {p['vmrss']:.1f} MB"
            for p in points  # type: ignore[union-attr]
        )
        print(f"| {name} | {cells} |")
    print()
    for name, run in runs.items():
        points = run["points"]
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
