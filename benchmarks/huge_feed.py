"""A feed of far more items than the reader keeps: what `reader add` and `reader sync` of it
hold in memory and spend in CPU, this checkout and another side by side (acc34b D5: a 19 MB
feed of 100,000 items, under the 20 MB cap, of which 2,000 are kept).

    uv run python benchmarks/huge_feed.py [--against CHECKOUT] [--items 100000] [--runs 1]
                                          [--tui] [--summary CHARS] [--no-articles]
                                          [--newsboat]

A loopback server serves the feed (items of ~190 bytes, as acc34b's) and answers each item's
page with 404 (the sync's page work is not what is measured). Each checkout runs in a Python of
its own, `PYTHONPATH` naming it, this one first and then `--against` (a worktree of main, say),
one after the other, so the two are measured at the same load: `add` into a fresh data
directory, then `sync` of it (the feed read again: the server sends no ETag), then `first`: a
`sync` of another fresh directory subscribed to it and never synced (its first read by a sync's
worker, bigfeed41); with `--tui`,
the reader (Pilot, in a child) opened on a fresh directory subscribed to it, until its refresh
on start has the 2,000 headlines. Each row gives
wall time, CPU (user + sys, workers included), the process tree's peak RSS (processes, not
their threads, sampled every 50 ms) and the load. Nothing is asserted: this prints numbers.

acc40b's big feed (P11: 5.2 MB, 3,000 items of a 1,540-character summary, each dated apart),
read first and then again unchanged, as `reader sync --no-articles` and newsboat's reload:
`--items 3000 --summary 1540 --no-articles --newsboat` (newsboat's rows, when it is installed:
`newsboat -x reload` on a cache of its own, its first reload and then its second).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import subprocess
import sys
import tempfile
import threading
from contextlib import suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # beside this script

from children import checkouts
from farm import child_env, load_average, run_measured


def feed_of(items: int, base: str, summary: int = 0) -> bytes:
    """An RSS feed of `items` items, newest first (a minute apart), each linking to a page of
    `base`, with a summary of `summary` characters ("short" for 0)."""
    text = ("Lorem ipsum dolor sit amet. " * (summary // 28 + 1))[:summary] or "short"
    body = "".join(
        f"<item><title>Item number {i}</title><link>{base}/bf/{i}</link><guid>bf{i}</guid>"
        f"<pubDate>Sat, 05 Dec 2026 {23 - i // 60 % 24:02d}:{59 - i % 60:02d}:00 +0000</pubDate>"
        f"<description>{text}</description></item>"
        for i in range(items)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Feed of {items} items</title><link>{base}/</link><description>d</description>"
        f"{body}</channel></rss>"
    ).encode()


def serve(items: int, summary: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """The feed at /feed.xml, 404 for anything else; the server and the feed's address."""
    feed: list[bytes] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            found = self.path == "/feed.xml"
            body = feed[0] if found else b"not here"
            self.send_response(200 if found else 404)
            self.send_header("Content-Type", "application/rss+xml" if found else "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with suppress(OSError):  # a reader that stopped reading (a sync ending)
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    feed.append(feed_of(items, base, summary))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"{base}/feed.xml"


async def refreshed_in_reader(data: Path) -> None:
    """The reader opened on `data` (one feed subscribed), until its refresh on start is done."""
    from reader.ui.app import ReaderApp

    app = ReaderApp(data, refresh_on_start=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.ready.wait()
        assert app.library is not None
        url = app.library.feeds()[0].url
        while True:
            await pilot.pause(0.5)
            done = len(app.library.store.entries(url)) >= 2000
            if done and not app._busy and not app.refresh_coming:
                break


def subscribed(data: Path, url: str, env: dict[str, str]) -> None:
    """A fresh data directory `data` subscribed to the feed at `url`, never read."""
    subscribe = (
        "import sys; from pathlib import Path; from reader.library import Library; "
        "lib = Library(Path(sys.argv[1])); lib.add_feed(sys.argv[2]); lib.close()"
    )
    subprocess.run([sys.executable, "-P", "-c", subscribe, data, url], env=env, check=True)


def tui_row(data: Path, url: str, env: dict[str, str]) -> Any:
    """The reader's refresh of the feed at `url`, measured in a child of its own."""
    subscribed(data, url, env)
    cmd = [sys.executable, "-P", __file__, "--tui-child", str(data)]
    return run_measured(cmd, env=env, timeout=1200)


def newsboat_rows(url: str, temp: Path) -> None:
    """newsboat's first reload of the feed at `url` and its second (the feed unchanged), on
    an urls file and a cache of their own."""
    folder = temp / "newsboat"
    folder.mkdir(exist_ok=True)
    (folder / "urls").write_text(f"{url}\n", encoding="utf-8")
    (folder / "cache.db").unlink(missing_ok=True)
    cmd = ["newsboat", "-u", str(folder / "urls"), "-c", str(folder / "cache.db")]
    for name in ("first", "again"):
        load = load_average()
        result = run_measured([*cmd, "-C", "/dev/null", "-x", "reload"], timeout=1200)
        print(
            f"newsboat reload {name:5} wall {result.wall:6.1f} s  cpu {result.cpu:6.1f} s  "
            f"peak tree RSS {result.peak_rss / 2**20:5.0f} MB  load {load}  "
            f"rc {result.returncode}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, help="another checkout (a worktree of main)")
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--tui", action="store_true", help="the reader's refresh on start too")
    parser.add_argument("--summary", type=int, default=0, help="characters of each summary")
    parser.add_argument("--no-articles", action="store_true", help="sync --no-articles")
    parser.add_argument("--newsboat", action="store_true", help="newsboat's reloads too")
    parser.add_argument("--tui-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.tui_child:  # a child: the reader's refresh (spawned workers import this again)
        asyncio.run(refreshed_in_reader(args.tui_child))
        return
    server, url = serve(args.items, args.summary)
    size = len(feed_of(args.items, url.removesuffix("/feed.xml"), args.summary))
    print(f"feed of {args.items:,} items ({size / 2**20:.1f} MB) at {url}", flush=True)
    sync = ["sync", "-q", *(["--no-articles"] if args.no_articles else [])]
    try:
        with tempfile.TemporaryDirectory() as temp:
            for run in range(args.runs):
                for name, checkout in checkouts(args.against).items():
                    data = Path(temp) / f"{name}-{run}"
                    env = child_env(PYTHONPATH=str(checkout))
                    commands = [["add", url], sync, ["first", *sync[1:]]]
                    commands += [["tui"]] if args.tui else []
                    for command in commands:
                        load = load_average()
                        # -P: the checkout on PYTHONPATH, not the current directory's.
                        cmd = [sys.executable, "-P", "-m", "reader", "--data-dir", str(data)]
                        if command == ["tui"]:
                            result = tui_row(Path(f"{data}-tui"), url, env)
                        elif command[0] == "first":  # a sync's first read of it
                            subscribed(Path(f"{data}-first"), url, env)
                            cmd[-1] = f"{data}-first"
                            result = run_measured(
                                [*cmd, "sync", *command[1:]], env=env, timeout=1200
                            )
                        else:
                            result = run_measured([*cmd, *command], env=env, timeout=1200)
                        said = (result.stdout.strip() or result.stderr.strip()).splitlines()
                        print(
                            f"{name:8} {command[0]:5} wall {result.wall:6.1f} s  "
                            f"cpu {result.cpu:6.1f} s  peak tree RSS "
                            f"{result.peak_rss / 2**20:5.0f} MB  load {load}  "
                            f"rc {result.returncode}  ({said[-1][:70] if said else ''})",
                            flush=True,
                        )
                if args.newsboat and shutil.which("newsboat"):
                    newsboat_rows(url, Path(temp))
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
