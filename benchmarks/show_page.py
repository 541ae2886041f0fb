"""`reader show URL` of a page not cached: what reading it in a worker process under its time
limit costs a one-off command, beside another checkout that read it in a thread.

    uv run python benchmarks/show_page.py [--against CHECKOUT] [--runs 5] [--page FILE] [--cached]

A page (tests/data/article-with-related-box.html unless `--page`) is served on 127.0.0.1; each
run shows it with the real CLI into a fresh data directory (`reader --data-dir D show URL`), this
checkout's and, with `--against`, another checkout's (its own `.venv`: main, say), one after the
other, so the two are measured side by side at the same load. Each row gives the medians of
wall time and CPU (user + sys of the command and every process it started, sampled from /proc:
a page worker's fork server is no child the command waits for) and the load. Nothing is
asserted: this prints numbers. `--cached` shows it a second time, from the cache (what the
page worker started at the command's start costs when no page is read).
"""

from __future__ import annotations

import argparse
import http.server
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py beside this script

from farm import checkout_reader, child_env, load_average, median, run_measured

HERE = Path(__file__).resolve().parent.parent


def _serve(page: bytes) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/news/story.html"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--against", type=Path, help="another checkout, with its own .venv")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--page", type=Path, default=HERE / "tests/data/article-with-related-box.html"
    )
    parser.add_argument("--cached", action="store_true", help="time a show from the cache")
    args = parser.parse_args()
    readers = {"this": checkout_reader(HERE)}
    if args.against:
        readers["against"] = checkout_reader(args.against)
    server, url = _serve(args.page.read_bytes())
    results: dict[str, list[tuple[float, float]]] = {}
    loads: list[str] = []
    env = child_env()
    with tempfile.TemporaryDirectory() as scratch:
        for name, reader in readers.items():  # once untimed: .pyc files written
            run_measured([*reader, "--data-dir", f"{scratch}/warm-{name}", "show", url], env)
        for run in range(args.runs):
            for name, reader in readers.items():
                home = f"{scratch}/{name}-{run}"
                if args.cached:
                    run_measured([*reader, "--data-dir", home, "show", url], env=env)
                loads.append(load_average())
                result = run_measured([*reader, "--data-dir", home, "show", url], env=env)
                if result.returncode != 0:
                    print(f"{name} exit {result.returncode}: {result.stderr.strip()[-300:]}")
                cpu = max(result.cpu, result.main_cpu + result.others_cpu)
                results.setdefault(name, []).append((result.wall, cpu))
                print(
                    f"run {run + 1} {name:8} wall {result.wall:6.2f} s  cpu {cpu:6.2f} s  "
                    f"load {loads[-1]}",
                    flush=True,
                )
    server.shutdown()
    print(f"\nmedians of {args.runs} runs, load {min(loads)}–{max(loads)}")
    walls = {name: median([r[0] for r in rows]) for name, rows in results.items()}
    cpus = {name: median([r[1] for r in rows]) for name, rows in results.items()}
    for name in results:
        line = f"{name:8} wall {walls[name]:6.2f} s  cpu {cpus[name]:6.2f} s"
        if name != "against" and "against" in results:
            line += (
                f"   ({walls[name] / walls['against']:.2f}× the wall time, "
                f"{cpus[name] / cpus['against']:.2f}× the CPU of --against)"
            )
        print(line)


if __name__ == "__main__":
    main()
