"""`J` held down: how long the reader runs on after the key is let go, this checkout against
another side by side (`--against DIR`, a worktree of main). acc41a's A2: 38 `J` held for 1.5 s
ran on 2.9 s after release, 49 for 2 s 5.1 s (load 8–9; newsboat 0.01 s).

    uv run python benchmarks/tui_feed_burst.py [--against DIR] [--runs 3] [--feeds 40]
                                               [--rate 30] [--hold 1.5] [--key J]

A data directory of `--feeds` feeds of 250 headlines each (no article cached, as acc41a's
fixture), built once, untimed; each child works on a copy of it. Each run is a child process per
checkout, alternating. In each child the real `ReaderApp` (`refresh_on_start=False`, no fetch
ahead) runs under `App.run_test()` at 120x40 on the first feed's headlines; `--key` is sent as a
key repeat sends it, one every 1/`--rate` s for `--hold` s, from a thread through the driver as
the terminal's keys come (`tests.tui_pilot.burst`), then the wall clock runs from the last key until every key
is handled (none held nor queued) and the feed shown stays the same for 0.5 s: the time it ran on
(the 0.5 s not counted). Two holds a child. Prints the medians and the ratio, with how many
feeds' headlines were shown, and how many keys sent.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from children import checkouts, compared, comparison_parser, quiet_reader, walls_by_turns
from offline_feeds import OFFLINE_HOST, offline_feeds

HERE = Path(__file__).resolve().parent
_BASE = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def build(data_dir: Path, feeds: int) -> None:
    from reader.keys import entry_id
    from reader.models import Entry

    named = [(f"/feed{n:02d}.xml", f"Feed {n:02d}") for n in range(feeds)]
    for n, (lib, url, title) in enumerate(offline_feeds(data_dir, named, _BASE)):
        entries = [
            Entry(
                id=entry_id(url, link := f"{OFFLINE_HOST}/{n:02d}/{i}.html"),
                feed_url=url,
                title=f"{n:02d}-{i} the week in the city",
                link=link,
                published=_BASE - timedelta(minutes=i),
                feed_title=title,
            )
            for i in range(250)
        ]
        lib.store.merge_entries(url, entries)


def held_down(app: Any, burst: Any, key: str, rate: float, hold: float) -> tuple[int, float]:
    """Send `key` every 1/`rate` s for `hold` s: how many were sent, and when the last was."""
    start = time.perf_counter()
    keys = 0
    while time.perf_counter() - start < hold:
        burst(app, key)
        keys += 1
        time.sleep(1 / rate)
    return keys, time.perf_counter()


def child(root: Path, data: Path, key: str, rate: float, hold: float) -> None:
    sys.path.insert(0, str(root))
    from tests.tui_pilot import burst, keys_handled, started

    async def run() -> dict[str, object]:
        async with quiet_reader(data) as (app, pilot):
            await started(pilot)
            screen = app.main_screen
            await pilot.press("J")  # the first feed's headlines
            await keys_handled(pilot)
            shown: list[str] = []
            show = screen.show_feed

            def showing(feed_url: str) -> None:
                shown.append(feed_url)
                show(feed_url)

            screen.show_feed = showing
            walls: list[float] = []
            counts: list[int] = []
            sent: list[int] = []
            for _ in range(2):
                shown.clear()
                # From a thread of its own, as the terminal's keys come (Textual's input
                # thread): the reader's loop busy showing a feed does not slow the key repeat.
                keys, released = await asyncio.to_thread(held_down, app, burst, key, rate, hold)
                last, still_since = screen.feed_url, released
                while True:
                    await asyncio.sleep(0.005)
                    now = time.perf_counter()
                    if screen.feed_url != last or app._holding_keys:
                        last, still_since = screen.feed_url, now
                    elif now - still_since >= 0.5:
                        break
                    if now - released > 300:
                        raise SystemExit("the keys did not settle in 300 s")
                await keys_handled(pilot)
                walls.append(max(still_since - released, 0.0))
                counts.append(len(shown))
                sent.append(keys)
            return {"walls": walls, "shown": counts, "sent": sent}

    print(json.dumps(asyncio.run(run())))


def main() -> int:
    parser = comparison_parser(__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--feeds", type=int, default=40)
    parser.add_argument("--rate", type=float, default=30.0, help="keys a second, held down")
    parser.add_argument("--hold", type=float, default=1.5, help="seconds the key is held")
    parser.add_argument("--key", default="J")
    args = compared(
        parser,
        child,
        lambda args: (args.key, args.rate, args.hold),
    )
    if args is None:
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-feed-burst-") as tmp:
        built = Path(tmp) / "built"
        build(built, args.feeds)

        def turn(name: str, root: Path) -> list[object]:
            data = Path(tmp) / name  # a fresh copy each run
            shutil.rmtree(data, ignore_errors=True)
            shutil.copytree(built, data)
            keys = ["--key", args.key, "--rate", args.rate, "--hold", args.hold]
            return [*keys, "--child", root, data]

        walls_by_turns(
            __file__,
            checkouts(args.against),
            args.runs,
            turn,
            f"ran on after {args.key} held {args.hold} s at {args.rate:g}/s",
            lambda got: f"; keys sent {got['sent']}, lists shown {got['shown']}",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
