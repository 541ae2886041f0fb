"""A long reading session: memory kept by opening and closing articles, with and without the
two work-arounds for Textual's caches, side by side in one run.

    uv run python benchmarks/tui_memory.py [--opens 100] [--every 25]

The demo site's long read (10,950 words) goes into a data directory of its own; the reader is
driven with Pilot: Enter, wait for the article, Esc, `--opens` times. At each checkpoint the
child process reports the objects Python holds (tracked and frozen, after a full collection)
and its resident memory. Two children run one after the other: the reader as it is, and the
reader with the watcher pruning (the key bar's and the status line's) and the style cache's
clearing turned off (Textual issues #6666 and #6665), which is how it was before. The table gives objects kept per article
opened and the growth of resident memory, for both, and their ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tui_reading.py beside this script
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # reader from this checkout


def rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def objects() -> int:
    gc.collect()
    return len(gc.get_objects()) + gc.get_freeze_count()


async def session(data_dir: Path, opens: int, every: int) -> list[dict[str, float]]:
    from reader.ui.app import ReaderApp

    app = ReaderApp(data_dir, refresh_on_start=False)
    points: list[dict[str, float]] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await app.ready.wait()
        await pilot.pause()
        for done in range(opens + 1):
            if done % every == 0:
                points.append({"opens": done, "objects": objects(), "rss": rss_mb()})
            await open_and_leave(app, pilot)
    return points


async def open_and_leave(app: Any, pilot: Any) -> None:
    """Enter on the headline under the cursor, its article read (`loaded`), then Esc."""
    from reader.ui.screens.article import ArticleScreen

    await pilot.press("enter")
    while not isinstance(app.screen, ArticleScreen) or not app.screen.loaded:
        await pilot.pause(0.01)
    await pilot.pause(0.05)
    await pilot.press("escape")
    await pilot.pause(0.05)


def child(args: argparse.Namespace) -> None:
    from tui_reading import build_data_dir, demo_article

    if args.without_fixes:
        from reader.ui import app_headlines
        from reader.ui.widgets import key_bar, status_bar

        key_bar.forget_watchers = lambda *_: None  # type: ignore[assignment]
        status_bar.forget_watchers = lambda *_: None  # type: ignore[assignment]
        app_headlines.release_closed_widgets = lambda: None  # type: ignore[assignment]
    entry, article = demo_article()
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        data_dir = Path(tmp) / "data"
        build_data_dir(data_dir, entry, article)
        points = asyncio.run(session(data_dir, args.opens, args.every))
    print(json.dumps(points))


def run_child(args: argparse.Namespace, without_fixes: bool) -> list[dict[str, float]]:
    from children import child_json

    command = [__file__, "--child", "--opens", args.opens, "--every", args.every]
    return child_json(*command, *(["--without-fixes"] if without_fixes else []))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--opens", type=int, default=100, help="articles opened and closed")
    parser.add_argument("--every", type=int, default=25, help="opens between checkpoints")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--without-fixes", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    runs = {"reader": run_child(args, False), "without the work-arounds": run_child(args, True)}
    print(f"Opening and closing the demo's long read {args.opens} times (120x40)\n")
    print("| reader | " + " | ".join(f"after {p['opens']:.0f}" for p in runs["reader"]) + " |")
    print("|---|" + "---:|" * len(runs["reader"]))
    for name, points in runs.items():
        cells = " | ".join(f"{p['objects']:,.0f} obj, {p['rss']:.0f} MB" for p in points)
        print(f"| {name} | {cells} |")
    kept = {}
    for name, points in runs.items():
        # From the first checkpoint after the start: caches that fill once are full by then.
        first, last = points[1], points[-1]
        per_open = (last["objects"] - first["objects"]) / max(1, last["opens"] - first["opens"])
        kept[name] = per_open
        growth = last["rss"] - points[0]["rss"]
        after = last["rss"] - first["rss"]
        print(
            f"\n{name}: {per_open:,.0f} objects kept per article after the first "
            f"{first['opens']:.0f}; RSS +{growth:.1f} MB in all, {after:+.1f} MB after the first "
            f"{first['opens']:.0f}"
        )
    ratio = max(0.0, kept["reader"]) / kept["without the work-arounds"]
    print(f"\nobjects kept per article, reader / without the work-arounds: {ratio:.2f}")


if __name__ == "__main__":
    main()
