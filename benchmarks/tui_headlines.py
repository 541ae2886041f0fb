"""Headline list: start the TUI on 10,000 cached headlines and move around them.

    uv run python benchmarks/tui_headlines.py [--feeds 50] [--items 200] [--starts 5]
                                              [--steps 500] [--size 120x40]
                                              [--rest-ms 25]

Target: "a TUI with 10,000 cached headlines opens in under 1 s and moving the cursor costs under
20 ms".

The data directory is written through the store directly (`Store.merge_entries`, one call per
feed: feeds × items entries, newest first by a per-item time), untimed; a tenth of the headlines
are marked read (`Store.set_read`) and a twentieth have their article cached (`Store.put_article`,
a one-paragraph article). Links point at a closed port on 127.0.0.1, as when reading offline:
the app's prefetch of the first 30 uncached articles of a list fails at once and is not retried.

The real `ReaderApp` (`refresh_on_start=False`) runs headless under Textual's `App.run_test()`;
frames are timed by a hook on the app's `_display` (see `tui_reading.FrameClock`), each one also
converted to the escape sequences a terminal would get. Measures, with `time.perf_counter`:

- **start, in process**: `run_test()` entered → the first frame in which the headline table holds
  every headline (so `app.ready` is set and the list was drawn); `--starts` starts, the first
  apart (it imports the UI modules and parses the CSS).
- **start, new process**: a child Python process started → the same frame (interpreter, imports,
  app, store read, first frame), as a user would wait for it; `--starts` runs, median.
- **keys**: key sent → the first frame showing its effect: `j` (`--steps` presses, going back to
  the top when at the bottom), `G`, `g`, `pagedown` (each `--steps // 10` times), switching the
  feed (Tab to the feed list, `j` past "Saved", then `j`: one feed's list shown; `g`: "All
  feeds" again, every headline shown; Tab back). Mean and p95 of the key → frame latency, the
  work of each frame (screen update and output) and the CPU time of the process per key. Every key is measured at two
  paces: back to back (the next key as soon as the frame is out: Textual's 60 fps cap then
  sets the latency, ~16.7 ms) and `--rest-ms` after the frame (as a person types or a key
  repeats: the latency is then the app's own work).

Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py, tui_reading.py beside this
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # reader from this checkout

from farm import child_env, load_average
from offline_feeds import OFFLINE_HOST, offline_feeds
from tui_reading import FrameClock, parse_size, percentile, send_key, warm_up_tui

TARGET_START_S = 1.0
TARGET_KEY_MS = 20.0
_BASE = datetime(2024, 11, 20, 12, 0, tzinfo=UTC)


def build_data_dir(
    data_dir: Path, feeds: int, items: int, cached_every: int = 20
) -> tuple[int, int, int]:
    """feeds × items headlines, a tenth read, one in `cached_every` cached (a twentieth; 1: every
    one, as a sync leaves them); returns (headlines, read, cached)."""
    from reader.keys import entry_id
    from reader.models import Article, Block, BlockKind, Entry, Inline

    read = cached = 0
    named = [
        (f"/feed-{f:03d}/rss.xml", f"Feed {f:03d} · The Example Chronicle") for f in range(feeds)
    ]
    for f, (lib, url, title) in enumerate(offline_feeds(data_dir, named, _BASE)):
        entries = []
        for i in range(items):
            link = f"{OFFLINE_HOST}/feed-{f:03d}/2024/11/story-{i:04d}.html"
            entries.append(
                Entry(
                    id=entry_id(url, link),
                    feed_url=url,
                    title=f"Story {i} of feed {f}: the harbour council's inquiry reports on "
                    f"dredging, ferries and the budget (part {i % 7 + 1})",
                    link=link,
                    published=_BASE - timedelta(minutes=i * feeds + f),
                    author="Maria Lindqvist",
                    feed_title=title,
                )
            )
        lib.store.merge_entries(url, entries)
        for number, entry in enumerate(entries):
            if number % 10 == 3:
                lib.store.set_read(entry, True)
                read += 1
            if number % cached_every == 5 % cached_every:
                body = (Block(BlockKind.PARAGRAPH, (Inline("A cached article's text."),)),)
                lib.store.put_article(entry.link, Article(entry.link, entry.title, blocks=body))
                cached += 1
    return feeds * items, read, cached


# -- in process ----------------------------------------------------------------------------------
@dataclass
class KeyStats:
    """Key sent → first frame showing its effect, in ms; frame work and CPU per key."""

    name: str
    latency: list[float] = field(default_factory=list)
    frame_work: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)


async def timed_key(
    app: Any,
    clock: FrameClock,
    key: str,
    done: Callable[[], bool],
    stats: KeyStats,
    rest: float = 0.0,
) -> None:
    """Press `key` `rest` s after the last frame and wait for the first frame after which
    `done()` holds."""
    if rest:
        await asyncio.sleep(rest)
    work_from, cpu = len(clock.work), time.process_time()
    sent = send_key(app, key)
    shown = await clock.wait(lambda _now: done())
    stats.latency.append((shown - sent) * 1000)
    stats.cpu.append((time.process_time() - cpu) * 1000)
    stats.frame_work.extend(w * 1000 for w in clock.work[work_from:])


async def one_start(data_dir: Path, expected: int, size: tuple[int, int]) -> float:
    """ms from entering `run_test()` to the first frame with every headline in the table."""
    from reader.ui.app import ReaderApp
    from reader.ui.widgets.main.headline_table import HeadlineTable

    started = time.perf_counter()
    app = ReaderApp(data_dir, refresh_on_start=False)
    clock = FrameClock(app).install()

    def listed(_now: float) -> bool:
        if not app.ready.is_set():
            return False
        table = app.main_screen.query(HeadlineTable)
        return bool(table) and len(table.first().rows) == expected

    async with app.run_test(size=size):
        shown = await clock.wait(listed, timeout=60)
    return (shown - started) * 1000


async def measure_keys(
    data_dir: Path,
    expected: int,
    per_feed: int,
    steps: int,
    size: tuple[int, int],
    rests: tuple[float, ...],
) -> list[tuple[float, list[KeyStats]]]:
    """Every key of the table, for each pace in `rests` (seconds from a frame to the next key)."""
    from reader.ui.app import ReaderApp

    app = ReaderApp(data_dir, refresh_on_start=False)
    clock = FrameClock(app).install()
    async with app.run_test(size=size) as pilot:
        await asyncio.wait_for(app.ready.wait(), 60)
        await pilot.pause()
        await pilot.pause(0.5)  # the start's prefetch attempts fail meanwhile
        return [
            (rest, await _keys_at_pace(app, clock, expected, per_feed, steps, size, rest))
            for rest in rests
        ]


async def _keys_at_pace(
    app: Any,
    clock: FrameClock,
    expected: int,
    per_feed: int,
    steps: int,
    size: tuple[int, int],
    rest: float,
) -> list[KeyStats]:
    from reader.ui.widgets.main.feed_list import FeedList
    from reader.ui.widgets.main.headline_table import HeadlineTable

    table = app.main_screen.query_one(HeadlineTable)
    feeds = app.main_screen.query_one(FeedList)
    if len(table.rows) != expected:
        raise RuntimeError(f"{len(table.rows)} headlines listed, {expected} expected")

    async def key(name: str, done: Callable[[], bool], stats: KeyStats) -> None:
        await timed_key(app, clock, name, done, stats, rest)

    await key("g", lambda: table.cursor == 0, KeyStats(""))
    out: list[KeyStats] = []
    down = KeyStats("`j` (cursor down one row)")
    for _ in range(steps):
        if table.cursor == len(table.rows) - 1:
            await key("g", lambda: table.cursor == 0, KeyStats(""))
        target = table.cursor + 1
        await key("j", lambda t=target: table.cursor == t, down)
    out.append(down)

    jumps = max(1, steps // 10)
    last, first = KeyStats("`G` (last row)"), KeyStats("`g` (first row)")
    page = KeyStats("`pagedown` (a page of rows)")
    for _ in range(jumps):
        await key("G", lambda: table.cursor == len(table.rows) - 1, last)
        await key("g", lambda: table.cursor == 0, first)
    for _ in range(jumps):
        if table.cursor >= len(table.rows) - size[1]:
            await key("g", lambda: table.cursor == 0, KeyStats(""))
        before = table.cursor
        await key("pagedown", lambda b=before: table.cursor > b, page)
    out += [last, first, page]

    one_feed = KeyStats(f"feed list `j`: one feed's {per_feed} headlines shown")
    all_feeds = KeyStats(f"feed list `g`: all {expected:,} headlines shown again")
    await key("tab", lambda: feeds.has_focus, KeyStats(""))
    for _ in range(jumps):
        # Past "Saved" (empty here), between "All feeds" and the first feed; not timed.
        await key("j", lambda: not table.rows, KeyStats(""))
        await key("j", lambda: len(table.rows) == per_feed, one_feed)
        await key("g", lambda: len(table.rows) == expected, all_feeds)
    out += [one_feed, all_feeds]
    await key("tab", lambda: table.has_focus, KeyStats(""))
    return out


def child_start(data_dir: Path, expected: int, size: tuple[int, int]) -> None:
    """In a child process: one start, then print 'drawn' as soon as the first full frame is."""
    asyncio.run(one_start(data_dir, expected, size))
    print("drawn", flush=True)


def process_starts(data_dir: Path, expected: int, size: tuple[int, int], runs: int) -> list[float]:
    """ms from starting a child Python process to its first frame with every headline."""
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        str(data_dir),
        "--expected",
        str(expected),
        "--size",
        f"{size[0]}x{size[1]}",
    ]
    env = child_env(TZ="UTC")
    subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=120)  # .pyc files
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        with subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, text=True) as proc:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            drawn = time.perf_counter()
            proc.communicate(timeout=60)
        if line.strip() != "drawn":
            raise RuntimeError(f"the child start failed (exit {proc.returncode})")
        times.append((drawn - started) * 1000)
    return times


# -- the report ----------------------------------------------------------------------------------
def _mean(values: list[float]) -> float:
    return statistics.mean(values) if values else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--starts", type=int, default=5, help="starts measured (each kind)")
    parser.add_argument("--steps", type=int, default=500, help="`j` presses")
    parser.add_argument("--size", type=parse_size, default=(120, 40), help="terminal, WxH")
    parser.add_argument(
        "--rest-ms", type=float, default=25.0, help="pause between a frame and the next key"
    )
    parser.add_argument("--child", metavar="DATA_DIR", help=argparse.SUPPRESS)
    parser.add_argument("--expected", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    os.environ.setdefault("TZ", "UTC")
    if args.child:
        child_start(Path(args.child), args.expected, args.size)
        return 0

    warm_up_tui()
    load = [load_average()]
    with tempfile.TemporaryDirectory(prefix="bench-tui-headlines-") as tmp:
        data_dir = Path(tmp) / "data"
        built = time.perf_counter()
        total, read, cached = build_data_dir(data_dir, args.feeds, args.items)
        built = time.perf_counter() - built
        starts = max(1, args.starts)
        in_process = [asyncio.run(one_start(data_dir, total, args.size)) for _ in range(starts + 1)]
        children = process_starts(data_dir, total, args.size, starts)
        rests = (0.0, args.rest_ms / 1000)
        paces = asyncio.run(measure_keys(data_dir, total, args.items, args.steps, args.size, rests))
    load.append(load_average())

    command = "uv run python benchmarks/tui_headlines.py " + " ".join(
        sys.argv[1:] if argv is None else argv
    )
    print(
        f"Headline list: {total:,} headlines ({args.feeds} feeds × {args.items}), {read:,} read, "
        f"{cached:,} cached, written through the store in {built:.1f} s; "
        f"{args.size[0]}x{args.size[1]}; load average {' → '.join(load)}"
    )
    print(f"command: {command.strip()}")
    print()
    start_ms = statistics.median(in_process[1:])
    child_ms = statistics.median(children)
    print("| start → every headline on screen | ms | target | verdict |")
    print("|---|---:|---|---|")
    rows = [
        ("in process, first start (imports the UI, parses the CSS)", in_process[0]),
        (f"in process, median of {starts} more (max {max(in_process[1:]):.0f})", start_ms),
        (f"new Python process, median of {starts} (max {max(children):.0f})", child_ms),
    ]
    for label, value in rows:
        verdict = "met" if value < TARGET_START_S * 1000 else "**missed**"
        print(f"| {label} | {value:.0f} | < {TARGET_START_S * 1000:.0f} | {verdict} |")
    print()
    print(
        "| key | pressed | presses | key → frame ms (mean) | p95 | max | ms per frame "
        f"| CPU ms per key | target < {TARGET_KEY_MS:g} ms |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---|")
    for rest, keys in paces:
        pace = f"{rest * 1000:g} ms after a frame" if rest else "back to back"
        for stats in keys:
            mean = _mean(stats.latency)
            verdict = "met" if mean < TARGET_KEY_MS else "**missed**"
            print(
                f"| {stats.name} | {pace} | {len(stats.latency)} | {mean:.1f} | "
                f"{percentile(stats.latency, 95):.1f} | {max(stats.latency):.1f} | "
                f"{_mean(stats.frame_work):.2f} | {_mean(stats.cpu):.1f} | {verdict} |"
            )
    print()
    print(
        "Textual draws at most 60 frames a second: a change waits for the screen's update timer, "
        "which fires at once when idle but 16.7 ms after the previous frame otherwise. Pressed "
        "back to back (the next key as soon as a frame shows the last one), every key waits out "
        "that period: about 16.7 ms + this frame's work − the last frame's, a rate cap, not the "
        f"cost of a move. Pressed {args.rest_ms:g} ms after a frame (a key every ~"
        f"{args.rest_ms + 8:.0f} ms, as typing or a fast key repeat), the latency is the app's "
        "own: handling the key and making the frame. 'ms per frame' is the work of one frame "
        "(layout, compositor, `render_line`, terminal output)."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
