"""A first sync of the demo site with its articles' pictures kept (`[cache] keep_pictures`) and
without: what keeping them costs in time, CPU and disk.

    uv run python benchmarks/sync_pictures.py [--runs 3] [--against CHECKOUT] [--shared N]

The demo site (`reader.demo`, its six figures small PNGs, one SVG-free drawing each) runs in
this process; each run syncs a fresh data directory subscribed to its three feeds with the real
CLI (`reader --data-dir D sync -q`), once with `keep_pictures = true` and once with `false`, one
after the other, so the two are measured side by side at the same load. Each row gives the
medians of wall time and CPU (user + sys, workers included), the data directory's size on disk,
what the size limit counts (`Store.cached_total`) and the pictures' part of it, and the ratios of
keeping them to not. With `--against`, this checkout's sync and another's (main, say), both
keeping pictures, one after the other in each run, and the ratios of this one to the other.

With `--shared N`, the site synced is no demo but one of N stories (`SharedSite`, served in this
process) showing many pictures in common, as a historian's library does (acc45c C5): each a
series' map (one of `SERIES`), an agency photo (one of three) and a photo of its own, 40 KB
each; the pictures asked of the site are counted too.
Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py beside this script
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's reader

import farm
from farm import child_env, load_average, median, reader_command, run_measured, subscribe, warm_up

SERIES = 12
PICTURE = 40_000  # over diskcache's 32 KB: a file each, as most photographs are


def _picture(name: str) -> bytes:
    """A PNG's first bytes, then noise (a photograph's size, compressing not at all)."""
    return b"\x89PNG\r\n\x1a\n" + random.Random(name).randbytes(PICTURE)


class SharedSite:
    """A site of `stories` stories on 127.0.0.1 whose pictures are shared: story n shows the map
    of its series (n % `SERIES`), one of three agency photos (n % 3) and a photo of its own.
    `asked` counts the pictures' requests."""

    def __init__(self, stories: int) -> None:
        self.asked: Counter[str] = Counter()
        site = self
        prose = "".join(
            f"<p>The council said on Monday that the plan for the harbour, part {n}, would go "
            "ahead after a consultation that drew more replies than any in the town's memory, "
            "and that the figures would be published in full before the end of the month.</p>"
            for n in range(6)
        )

        def page(n: int) -> bytes:
            figures = "".join(
                f'<figure><img src="/{name}.png" alt="{name}"><figcaption>{name}'
                "</figcaption></figure>"
                for name in (f"map{n % SERIES}", f"agency{n % 3}", f"own{n}")
            )
            title = f"The harbour plan, part {n}"
            return (
                f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
                f"{prose}{figures}{prose}</article></body></html>"
            ).encode()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.strip("/")
                if path == "feed.xml":
                    body, kind = site.feed, "application/rss+xml"
                elif path.startswith("story"):
                    body, kind = page(int(path[5:].split(".")[0])), "text/html"
                else:
                    site.asked[path] += 1
                    body, kind = _picture(path), "image/png"
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        base = f"http://127.0.0.1:{self._server.server_address[1]}"
        items = "".join(
            f"<item><title>The harbour plan, part {n}</title><link>{base}/story{n}.html</link>"
            f"<guid>{base}/story{n}.html</guid></item>"
            for n in range(stories)
        )
        self.feed = (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title>{items}'
            "</channel></rss>"
        ).encode()
        self.feed_urls = [f"{base}/feed.xml"]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self._server.shutdown()


def sizes(data_dir: Path) -> tuple[int, int, int, int]:
    """The directory's bytes on disk, what the size limit counts, the pictures' bytes and how
    many pictures are kept."""
    from reader.library import Library

    lib = Library(data_dir)
    try:
        counted, _ = lib.store.cached_total()
        pictures = lib.store.pictures_total()
        kept = sum(
            sum(p.kept for p in lib.store.pictures(key_url))
            for key_url in (h.entry.link for h in lib.headlines())
        )
    finally:
        lib.close()
    disk = sum(p.stat().st_size for p in data_dir.rglob("*") if p.is_file())
    return disk, counted, pictures, kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", type=Path, help="another checkout, synced side by side")
    parser.add_argument("--shared", type=int, help="a site of N stories sharing pictures")
    args = parser.parse_args()
    from reader.demo.server import start_demo_server

    server = SharedSite(args.shared) if args.shared else start_demo_server()
    warm_up()
    reader = reader_command()
    # Each row: its name, the reader that syncs, and whether it keeps pictures.
    cases = [("on", reader, "true"), ("off", reader, "false")]
    if args.against is not None:
        cases = [("this", reader, "true"), ("other", farm.checkout_reader(args.against), "true")]
    os.chdir(tempfile.gettempdir())  # not in a checkout: `-m reader` would import its reader
    rows: dict[str, list[tuple[float, float, int, int, int, int]]] = {c[0]: [] for c in cases}
    loads: list[str] = []
    try:
        for run in range(args.runs):
            for name, command, keep in cases:
                with tempfile.TemporaryDirectory(prefix="bench-pictures-") as tmp:
                    data_dir = Path(tmp) / "d"
                    subscribe(data_dir, server.feed_urls)
                    config = Path(tmp) / "config.toml"
                    config.write_text(f"[cache]\nkeep_pictures = {keep}\n")
                    loads.append(load_average())
                    cmd = [*command, "--data-dir", str(data_dir), "--config", str(config)]
                    if isinstance(server, SharedSite):
                        server.asked.clear()
                    result = run_measured([*cmd, "sync", "-q"], env=child_env())
                    if isinstance(server, SharedSite):
                        print(f"  {name}: {server.asked.total()} pictures asked of the site")
                    if result.returncode != 0:
                        print(f"{name} exit {result.returncode}: {result.stderr.strip()[-300:]}")
                    disk, counted, pictures, kept = sizes(data_dir)
                    rows[name].append((result.wall, result.cpu, disk, counted, pictures, kept))
                    print(
                        f"run {run + 1} {name:5} wall {result.wall:5.2f} s  cpu"
                        f" {result.cpu:5.2f} s  disk {disk / 1024:7.0f} KB  counted"
                        f" {counted / 1024:6.0f} KB  pictures {pictures / 1024:5.0f} KB ({kept})"
                        f"  load {loads[-1]}",
                        flush=True,
                    )
    finally:
        server.stop()
    print(f"\nmedians of {args.runs} runs, load {min(loads)}–{max(loads)}")
    medians = {
        name: [median([float(r[i]) for r in found]) for i in range(6)]
        for name, found in rows.items()
    }
    for name, (wall, cpu, disk, counted, pictures, kept) in medians.items():
        print(
            f"{name:5}  wall {wall:5.2f} s  cpu {cpu:5.2f} s  disk {disk / 1024:7.0f} KB"
            f"  counted {counted / 1024:6.0f} KB  pictures {pictures / 1024:5.0f} KB ({kept:.0f})"
        )
    first, second = (name for name, _, _ in cases)
    on, off = medians[first], medians[second]
    print(
        f"{first} ÷ {second}: wall {on[0] / off[0]:.2f}×, cpu {on[1] / off[1]:.2f}×, disk"
        f" {on[2] / off[2]:.2f}×, counted {on[3] / off[3]:.2f}×"
    )


if __name__ == "__main__":
    main()
