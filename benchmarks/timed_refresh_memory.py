"""Memory of a reader left open with a short refresh interval: the reader process and its
worker processes (RSS, from /proc), sampled through ten timed refreshes, this checkout and
another (`--against`, a worktree of main) side by side in one run.

acc43c C6: with `refresh_interval = "1m"`, under the workers' two-minute idle spell, the workers
never ended (the open reader ~240 MB, ~110 MB of it its children, against newsboat's 30). Here
the interval is 10 s (ten refreshes in 100 s; `--interval 30 --refreshes 5` for others), the feeds on 127.0.0.1 growing by an item every
5 s, so that each refresh has a feed to parse. Each checkout runs the real `ReaderApp` under
Pilot in a child of its own, both at once, on a data directory of its own.

    PYTHONPATH=. python benchmarks/timed_refresh_memory.py --against /work/main
"""

from __future__ import annotations

import asyncio
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from children import compared, comparison_parser, descendants

SAMPLE_EVERY = 1.0
FEEDS = ("wire", "desk", "briefs")


class GrowingFeeds(http.server.BaseHTTPRequestHandler):
    """/wire.xml, /desk.xml, /briefs.xml: 40 items and one more every 5 s."""

    def do_GET(self) -> None:
        name = self.path.strip("/").removesuffix(".xml")
        count = 40 + int(time.time() // 5) % 100_000
        items = "".join(
            f"<item><title>{name} update {n}</title><link>http://127.0.0.1:9/{name}/{n}</link>"
            f"<guid>{name}-{n}</guid><description>Update {n} from the {name} desk.</description>"
            "</item>"
            for n in range(count, count - 40, -1)
        )
        body = (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name}</title>'
            f"{items}</channel></rss>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: object) -> None:
        pass


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def child(root: Path, data: Path, base: str, interval: int, refreshes: int) -> None:
    """The reader of checkout `root` on `data`, its feeds at `base`: open for ten timed
    refreshes; its RSS and its children's, each second, printed as JSON."""
    sys.path.insert(0, str(root))
    from reader.cli import main
    from reader.config import load_config
    from reader.ui.app import ReaderApp

    data.mkdir(parents=True, exist_ok=True)
    for name in FEEDS:
        main(["--data-dir", str(data), "add", f"{base}/{name}.xml"])
    data.joinpath("config.toml").write_text(
        f'[feeds]\nrefresh_interval = "{interval}s"\nrefresh_on_open = false\nfetch_ahead = 0\n',
        "utf-8",
    )
    samples: list[tuple[float, float, float]] = []

    async def run() -> None:
        app = ReaderApp(data, config=load_config(data / "config.toml"))
        async with app.run_test(size=(120, 40)):
            start = time.monotonic()
            while (at := time.monotonic() - start) < interval * refreshes + interval / 2:
                pids = descendants(os.getpid())
                kids = sum(rss_mb(pid) for pid in pids)
                samples.append((round(at, 1), rss_mb(os.getpid()), kids, len(pids)))
                await asyncio.sleep(SAMPLE_EVERY)

    asyncio.run(run())
    print(json.dumps(samples))


def main() -> None:
    parser = comparison_parser(__doc__ or "")
    parser.add_argument("--interval", type=int, default=10, help="seconds between refreshes")
    parser.add_argument("--refreshes", type=int, default=10, help="timed refreshes to watch")
    args = compared(
        parser, child, lambda a: (a.interval, a.refreshes), child_types=(Path, Path, str)
    )
    if args is None:
        return
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), GrowingFeeds)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    roots = {"this": Path(__file__).resolve().parent.parent}
    if args.against:
        roots["against"] = args.against.resolve()
    running = {}
    made: list[Path] = []
    for name, root in roots.items():
        data = Path(tempfile.mkdtemp(prefix=f"timed-refresh-memory-{name}-"))
        made.append(data)
        running[name] = subprocess.Popen(
            [
                *(sys.executable, __file__, "--child", str(root), str(data), base),
                *("--interval", str(args.interval), "--refreshes", str(args.refreshes)),
            ],
            env={**os.environ, "PYTHONPATH": str(root)},
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
    means = {}
    for name, process in running.items():
        out, _ = process.communicate(timeout=args.interval * args.refreshes * 4 + 120)
        samples = json.loads(out.strip().splitlines()[-1])
        own = [s[1] for s in samples]
        kids = [s[2] for s in samples]
        total = [a + b for a, b in zip(own, kids, strict=True)]
        fewest = min(s[3] for s in samples)
        at_fewest = min(s[2] for s in samples if s[3] == fewest)
        share = sum(s[3] == fewest for s in samples) / len(samples)
        means[name] = statistics.mean(total)
        print(
            f"{name:8} reader {statistics.mean(own):6.1f} MB, children mean"
            f" {statistics.mean(kids):6.1f} MB (max {max(kids):6.1f}), total mean"
            f" {means[name]:6.1f} MB (max {max(total):6.1f}); at the fewest children"
            f" ({fewest}) {at_fewest:5.1f} MB, {share:4.0%} of {len(samples)} samples"
        )
    if "against" in means:
        print(f"this / against (total mean): {means['this'] / means['against']:.2f}×")
    server.shutdown()
    for data in made:
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
