"""What a page of millions of tags costs in memory before it is refused, this checkout against
another side by side (`--against DIR`, a worktree of main): `reader add PAGE`'s feed discovery
(`discovery.page_feeds`) parsed a 9 MB page of 2.3 million list items whole, past the 400,000
tags extraction refuses, and `reader show` parsed it for a refresh, a sign-in form… before
extraction refused it (acc47c C8).

    uv run python benchmarks/discovery_memory.py [--items 2300000] [--runs 1] [--against DIR]

Writes an article page whose body holds `items` unclosed `<li>`s (and, as a control, the same
page with a thousand), serves it on 127.0.0.1, and in a child process of each checkout runs
`page_feeds` on it, `reader add` of it and `reader show` of it (each in a throwaway data
directory), the checkouts alternating; each line gives the child's peak RSS (`ru_maxrss`), its
CPU and wall time, the load, and the feed links found or the command's last line. Nothing is
asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # beside this script

from children import checkouts, measured
from farm import child_env, load_average, warm_up

HEAD = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Ferry timetable changes</title>"
    "<link rel='alternate' type='application/rss+xml' href='/feed.xml' title='Gazette'>"
    "</head><body><article><h1>Ferry timetable changes</h1><p>The morning ferry leaves at"
    " nine from Monday.</p><ul>"
)
CHILD = (
    "import sys; from reader.discovery import page_feeds; "
    "found = page_feeds(open(sys.argv[1], 'rb').read(), 'http://127.0.0.1/a/ferry.html'); "
    "print(len(found.links))"
)


def page(path: Path, items: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(HEAD)
        out.write("<li>" * items)  # 9.2 MB: under the 10 MB a page is read to
        out.write("</ul></article></body></html>")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def _serve(folder: str) -> ThreadingHTTPServer:
    handler = functools.partial(_Quiet, directory=folder)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.handle_error = lambda *args: None  # type: ignore[method-assign]  # a page refused
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=2_300_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--against", type=Path, help="another checkout (a worktree of main)")
    args = parser.parse_args()
    warm_up()
    with tempfile.TemporaryDirectory() as temp:
        server = _serve(temp)
        for items in (1000, args.items):
            file = Path(temp) / f"page-{items}.html"
            page(file, items)
            url = f"http://127.0.0.1:{server.server_address[1]}/{file.name}"
            print(f"{items:,} list items, {file.stat().st_size / 2**20:.1f} MB", flush=True)
            for what in ("page_feeds", "add", "show"):
                peaks: dict[str, float] = {}
                for run in range(args.runs):
                    for name, checkout in checkouts(args.against).items():
                        home = Path(temp) / f"{name}-{what}-{items}-{run}"
                        home.mkdir()
                        command = (
                            [sys.executable, "-c", CHILD, str(file)]
                            if what == "page_feeds"
                            else [
                                sys.executable,
                                "-m",
                                "reader",
                                "--data-dir",
                                str(home),
                                what,
                                url,
                            ]
                        )
                        load = load_average()
                        env = child_env(PYTHONPATH=str(checkout))
                        measure = measured(command, env, checkout, said_on="stdout")
                        said = measure.said[-1][:50] if measure.said else f"exit {measure.status}"
                        peaks[name] = max(peaks.get(name, 0.0), measure.peak_mb)
                        print(
                            f"  {what:10} {name:8} {measure.figures()}  load {load}  ({said})",
                            flush=True,
                        )
                if "against" in peaks:
                    ratio = peaks["this"] / peaks["against"]
                    print(f"  {what:10} peak, this / against: {ratio:.2f}", flush=True)
        server.shutdown()


if __name__ == "__main__":
    main()
