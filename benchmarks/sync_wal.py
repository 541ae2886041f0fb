"""A sync's write-ahead log, as readers take turns reading the articles' cache meanwhile: the
log's largest size, the cache file's, and the sync's wall time, this checkout beside another.

    uv run python benchmarks/sync_wal.py [--feeds 30] [--before 30] [--after 60]
        [--readers 2] [--runs 1] [--against CHECKOUT]

A site in this process serves `--feeds` feeds on 127.0.0.1, every fifth article with a 43 KB
PNG (one of 30). A library is made once of `--before` articles a feed (a first sync, not
measured); each run then syncs a copy of it (the CLI, `reader sync -q`), the feeds now listing
`--after` a feed, while `--readers` connections of the open reader's kind read the articles'
cache in turns (each read held 0.2 s, one always under way), the log's size looked at every
0.2 s. With `--against`, that checkout's sync of its own copy after this one's, in each run.
acc45c C1: a 377 MB log beside a 120 MB cache.db. Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py beside this script
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's reader

import farm
from farm import child_env, load_average, reader_command, subscribe, warm_up

WORDS = (
    "council",
    "harbour",
    "bread",
    "strike",
    "tramway",
    "mill",
    "railway",
    "school",
    "farmers",
    "magistrates",
    "water",
    "tenants",
    "cathedral",
    "football",
    "hospital",
    "miners",
    "chamber",
    "bypass",
    "fuel",
    "flooded",
    "rents",
    "ironworks",
    "library",
)


def png(seed: int) -> bytes:
    """A 120 × 120 PNG of noise (43 KB)."""
    rng = random.Random(seed)
    raw = b"".join(b"\x00" + bytes(rng.getrandbits(8) for _ in range(360)) for _ in range(120))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 120, 120, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 1))
        + chunk(b"IEND", b"")
    )


class Site:
    """The feeds, their articles' pages and pictures, on a port of its own."""

    def __init__(self, feeds: int, items: int) -> None:
        self.feeds = feeds
        self.items = items
        self.pictures = [png(n) for n in range(30)]
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                found = site.answer(self.path)
                if found is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                body, kind = found
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def feed_urls(self) -> list[str]:
        return [f"{self.base}/f{f}.xml" for f in range(self.feeds)]

    def answer(self, path: str) -> tuple[bytes, str] | None:
        if path.endswith(".xml"):
            feed = int(path[2:-4])
            items = "".join(
                f"<item><title>Story {feed} {n} {WORDS[(feed + n) % len(WORDS)]}</title>"
                f"<link>{self.base}/f{feed}/a{n}.html</link>"
                f"<guid>{self.base}/f{feed}/a{n}.html</guid></item>"
                for n in reversed(range(self.items))
            )
            body = (
                f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {feed}</title>'
                f"<link>{self.base}/</link><description>d</description>{items}</channel></rss>"
            )
            return body.encode(), "application/rss+xml"
        if path.endswith(".png"):
            return self.pictures[int(path.rsplit("/p", 1)[-1][:-4]) % 30], "image/png"
        if path.endswith(".html"):
            feed, n = (int(part) for part in path[2:-5].split("/a"))
            rng = random.Random(feed * 100_000 + n)
            figure = (
                f'<figure><img src="{self.base}/img/p{(feed + n) % 30}.png" alt="photo">'
                "<figcaption>Photo.</figcaption></figure>"
                if (feed + n) % 5 == 0
                else ""
            )
            paragraphs = "".join(
                "<p>"
                + " ".join(
                    " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize()
                    + "."
                    for _ in range(5)
                )
                + "</p>"
                for _ in range(rng.randint(8, 16))
            )
            body = (
                f"<!doctype html><html><head><title>Story {feed} {n}</title></head><body><main>"
                f"<article><h1>Story {feed} {n}</h1>{figure}{paragraphs}</article></main>"
                "</body></html>"
            )
            return body.encode(), "text/html; charset=utf-8"
        return None


def sync_watched(command: list[str], data_dir: Path, readers: int) -> tuple[float, int, int]:
    """The sync's wall time, its log's largest size and the cache file's size after it."""
    cache_file = data_dir / "articles" / "cache.db"
    log = data_dir / "articles" / "cache.db-wal"
    stop = threading.Event()

    def read(offset: float) -> None:
        stop.wait(offset)
        con = sqlite3.connect(cache_file, isolation_level=None, timeout=30)
        try:
            while not stop.is_set():
                con.execute("BEGIN")
                con.execute("SELECT count(*) FROM Cache").fetchall()
                stop.wait(0.2)
                con.execute("COMMIT")
        finally:
            con.close()

    threads = [threading.Thread(target=read, args=(0.2 * n / readers,)) for n in range(readers)]
    for thread in threads:
        thread.start()
    started = time.monotonic()
    largest = 0
    try:
        proc = subprocess.Popen(
            [*command, "--data-dir", str(data_dir), "sync", "-q"],
            env=child_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        while proc.poll() is None:
            if log.exists():
                largest = max(largest, log.stat().st_size)
            time.sleep(0.2)
        wall = time.monotonic() - started
        if proc.returncode:
            print(f"exit {proc.returncode}: {(proc.stderr.read() if proc.stderr else '')[-300:]}")
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    return wall, largest, cache_file.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=30)
    parser.add_argument("--before", type=int, default=30)
    parser.add_argument("--after", type=int, default=60)
    parser.add_argument("--readers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--against", type=Path, help="another checkout, synced after this one")
    args = parser.parse_args()
    site = Site(args.feeds, args.before)
    warm_up()
    cases = [("this", reader_command())]
    if args.against is not None:
        cases.append(("other", farm.checkout_reader(args.against)))
    with tempfile.TemporaryDirectory(prefix="bench-wal-") as tmp:
        made = Path(tmp) / "made"
        subscribe(made, site.feed_urls())
        first = subprocess.run(
            [*cases[0][1], "--data-dir", str(made), "sync", "-q"],
            env=child_env(),
            capture_output=True,
            text=True,
            cwd=tmp,
        )
        print(f"library: {args.feeds * args.before} articles (exit {first.returncode})")
        site.items = args.after
        for run in range(args.runs):
            for name, command in cases:
                copy = Path(tmp) / f"{name}{run}"
                shutil.copytree(made, copy)
                load = load_average()
                wall, largest, db = sync_watched(command, copy, args.readers)
                print(
                    f"run {run + 1} {name:5} sync of {args.feeds * (args.after - args.before)}"
                    f" articles: wall {wall:6.1f} s  largest log {largest / 1e6:6.1f} MB"
                    f"  cache.db {db / 1e6:6.1f} MB  load {load}",
                    flush=True,
                )
                shutil.rmtree(copy)


if __name__ == "__main__":
    main()
