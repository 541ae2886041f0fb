"""Time to an uncached article opened while the refresh of every feed runs (acc37a H2), this tree
against another (main) side by side.

    python benchmarks/article_during_refresh.py [--against /work/main] [--feeds 300]
                                                [--items 82] [--after 5] [--runs 2]

A loopback site (this process, a thread) serves `--feeds` feeds of `--items` items each (the
first of 2,000, as the tester's) and their pages, answering at once. One data directory is
subscribed and refreshed once; each run copies it, opens a library as the reader does (worker
processes), starts the refresh of every feed, and once `--after` feeds are in asks for one
uncached article (`Library.article`, as Enter does), timing it and where the refresh was then;
then the refresh's own time. Each tree's run is a child process importing that tree's
`reader`, the trees taking turns. Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

CHILD = r"""
import asyncio, json, sys, time
from pathlib import Path
from reader.library import Library

def main():
    data, url, after = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    async def run():
        lib = Library(data, workers="process")
        lib.workers_when_needed()
        state = {"done": 0}
        reached = asyncio.Event()
        def progress(p):
            state["done"] = p.feeds_done
            if p.feeds_done >= after:
                reached.set()
        started = time.monotonic()
        refresh = asyncio.create_task(lib.refresh(progress=progress))
        await reached.wait()
        at = state["done"]
        asked = time.monotonic()
        await lib.article(url)
        article = time.monotonic() - asked
        shown_at = state["done"]
        await refresh
        whole = time.monotonic() - started
        await lib.aclose()
        return {"article": article, "asked_at": at, "shown_at": shown_at, "refresh": whole}
    print(json.dumps(asyncio.run(run())))

if __name__ == "__main__":
    main()
"""

WORDS = [
    "harbour",
    "council",
    "minister",
    "budget",
    "strike",
    "port",
    "ferry",
    "storm",
    "coast",
    "election",
    "vote",
]


def _feed(base: str, number: int, items: int) -> bytes:
    entries = "".join(
        f"<item><title>Story {number}-{i} {WORDS[i % len(WORDS)]}</title>"
        f"<link>{base}/s{number}/a{i}.html</link><guid>{base}/s{number}/a{i}.html</guid>"
        f"<description>Summary of story {i} about the {WORDS[i % len(WORDS)]}.</description>"
        "</item>"
        for i in range(items)
    )
    return (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>Paper {number}</title>"
        f"<link>{base}/</link>{entries}</channel></rss>"
    ).encode()


def _page(path: str) -> bytes:
    words = " ".join(WORDS[(len(path) + n) % len(WORDS)] for n in range(40))
    paragraphs = "".join(f"<p>{words.capitalize()} said the official, page {path}.</p>" * 8)
    return (
        f"<!doctype html><html><head><title>{path}</title></head><body><nav>Home</nav>"
        f"<main><article><h1>Story {path}</h1>{paragraphs}</article></main></body></html>"
    ).encode()


def serve(feeds: int, items: int) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path.startswith("/feeds/"):
                number = int(self.path[7:-4])
                body, kind = _feed(base, number, 2000 if number == 0 else items), "rss+xml"
                kind = "application/" + kind
            else:
                body, kind = _page(self.path), "text/html"
            self.send_response(200)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.request_queue_size = 512
    base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base


def run_child(tree: Path, data: Path, url: str, after: int, script: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(
        [sys.executable, str(script), str(data), url, str(after)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=script.parent,  # not a checkout: its workers' server would import `reader` from it
    )
    if done.returncode:
        raise SystemExit(f"{tree}: {done.stderr[:3000]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--against", type=Path, default=Path("/work/main"))
    parser.add_argument("--feeds", type=int, default=300)
    parser.add_argument("--items", type=int, default=82)
    parser.add_argument("--after", type=int, default=5)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    server, base = serve(args.feeds, args.items)
    work = Path(tempfile.mkdtemp(prefix="during-refresh-"))
    try:
        script = work / "child.py"
        script.write_text(CHILD)
        prepared = work / "prepared"
        urls = work / "urls"
        urls.write_text("".join(f"{base}/feeds/{n}.xml\n" for n in range(args.feeds)))
        env = {**os.environ, "PYTHONPATH": str(HERE)}
        reader = [sys.executable, "-m", "reader", "--data-dir", str(prepared)]
        subprocess.run([*reader, "import", str(urls)], env=env, check=True, capture_output=True)
        subprocess.run([*reader, "sync", "--no-articles", "-q"], env=env, capture_output=True)
        trees = {"this": HERE, "main": args.against.resolve()}
        results: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
        for run in range(args.runs):
            for name, tree in trees.items():
                data = work / f"{name}-{run}"
                shutil.copytree(prepared, data)
                # A different old story each run: never cached, the first of the big feed's.
                url = f"{base}/s0/a{1990 - run}.html"
                results[name].append(run_child(tree, data, url, args.after, script))
                shutil.rmtree(data)
                print(name, run, results[name][-1], file=sys.stderr)
        load = os.getloadavg()[0]
        print(
            f"{args.feeds} feeds × {args.items} items (feed 0: 2000), article asked once "
            f"{args.after} were in, {args.runs} runs each, load {load:.1f}"
        )
        print("| tree | to the article (median) | refresh at, asked → shown | whole refresh |")
        print("|---|---:|---|---:|")
        for name, runs in results.items():
            article = statistics.median(r["article"] for r in runs)
            whole = statistics.median(r["refresh"] for r in runs)
            where = ", ".join(f"{r['asked_at']:.0f}→{r['shown_at']:.0f}" for r in runs)
            print(f"| {name} | {article:.2f} s | {where} | {whole:.1f} s |")
        this = statistics.median(r["article"] for r in results["this"])
        main_ = statistics.median(r["article"] for r in results["main"])
        print(f"main ÷ this, to the article: {main_ / this:.1f}×")
    finally:
        server.shutdown()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
