"""What a sync holds in memory to read a big PDF (a council's report of photographs), this checkout
against another side by side (`--against DIR`, a worktree of main), and how long it takes.

    uv run python benchmarks/pdf_memory.py [--mb 50] [--runs 2] [--against DIR]

Writes a report of about `mb` MB (`reader.demo.pdf_pages.report_pdf`: 150 paragraphs over some
24 pages, each page carrying a photograph's incompressible bytes), serves it and a feed linking
to it on 127.0.0.1 (a stdlib server in this process), and has each checkout's `reader sync` read
it into a throwaway data directory, in a child process of its own, the checkouts alternating. A
checkout whose page cap is under the PDF's size (main's 10 MB) is given `[network] max_bytes` of
64 MB in its config, so that it reads it at all. First, a worker's part alone, in a process of
its own: `read_page` with `extract_for_cache` given the page pickled as the pool sends it (its
RSS then, and its peak from there, VmHWM reset through /proc/self/clear_refs; its CPU). Then the
sync: the command's own peak RSS (the event loop's process: the download) and that of each other
process of its tree (VmHWM, sampled every 20 ms; a worker forked from a fork server may be missed),
their CPU, the wall time, what the sync said, the data directory's size after it, and the load.
Between the two, the PDF opened as the reader's screen opens it (`Library.article` in a process
of its own, the event loop's: its RSS before, its peak from there and its RSS after).
Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # beside this script

from children import checkouts
from farm import _cpu, _process_tree, child_env, load_average, warm_up


def _high_water_mb(pid: int) -> float:
    """A process's peak RSS so far (VmHWM), in MB; 0 when it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def measured_sync(command: list[str], env: dict[str, str], cwd: Path) -> dict[str, object]:
    """`command` (a `reader sync`) run to its end, its process tree sampled every 20 ms: the
    peak RSS of the command's own process, of its busiest other process (the worker that read
    the PDF), the CPU of them all, and its wall time."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    peaks: dict[int, float] = {}
    cpu: dict[int, float] = {}
    while process.poll() is None:
        for pid in _process_tree(process.pid):
            peaks[pid] = max(peaks.get(pid, 0.0), _high_water_mb(pid))
            cpu[pid] = max(cpu.get(pid, 0.0), _cpu(pid))
        time.sleep(0.02)
    wall = time.perf_counter() - start
    said = (process.stderr.read() if process.stderr else b"").decode().strip().splitlines()
    own = peaks.pop(process.pid, 0.0)
    return {
        "status": process.returncode,
        "wall": wall,
        "peak_mb": own,
        "workers_peak_mb": max(peaks.values(), default=0.0),
        "each_mb": sorted(round(peak) for peak in peaks.values()),
        "cpu": sum(cpu.values()),
        "said": said[-1:] or [""],
    }


_TEXT = (
    "The harbour authority puts the cost of the repairs at 2.4 million, of which the insurers "
    "have agreed to pay two thirds. The rest comes from the reserve for the eastern quay. "
) * 3


_WORKER = """
import pickle, sys, time
from pathlib import Path
from reader import page_caching
from reader.config import DEFAULT_LIMITS, FetchLimits
from reader.models import Response
from reader.store import Store
data = Path(sys.argv[2])
Store(data).close()
sent = Path(sys.argv[1]).read_bytes()  # the page pickled, as the pool sends it
def status(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) / 1024
ready = status("VmRSS:")
open("/proc/self/clear_refs", "w").write("5")  # VmHWM from here
cpu = time.process_time()
limits = DEFAULT_LIMITS if hasattr(FetchLimits, "page_bytes") else 64 * 2**20
response = pickle.loads(sent)
del sent
made = page_caching.read_page(
    page_caching.extract_for_cache, frozenset(), response.url, response, limits, None, data, None
)
print(json.dumps({"ready": ready, "peak": status("VmHWM:"), "cpu": time.process_time() - cpu, "words": made.article.word_count}))
""".replace("import pickle", "import json, pickle")


_OPENED = """
import asyncio, json, sys
from pathlib import Path
from reader.library import Library
def status(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) / 1024
async def main():
    async with Library(Path(sys.argv[2])) as lib:
        lib.add_feed(sys.argv[1])
        await lib.refresh()
        (headline,) = lib.headlines()
        ready = status("VmRSS:")
        open("/proc/self/clear_refs", "w").write("5")  # VmHWM from here
        article = await lib.article(headline.entry)
        print(json.dumps({"ready": ready, "peak": status("VmHWM:"), "after": status("VmRSS:"),
                          "words": article.word_count}))
if __name__ == "__main__":
    asyncio.run(main())
"""


def opened(checkout: Path, feed: str, work: Path) -> dict[str, float]:
    """The PDF opened as the reader's screen opens it (`Library.article` on the event loop's
    process, the page read by a worker), in a process of its own: its RSS before, its peak
    from there and its RSS after."""
    env = child_env(PYTHONPATH=str(checkout))
    data = Path(tempfile.mkdtemp(dir=work))
    if not caps_pdfs(checkout):
        (data / "config.toml").write_text(f"[network]\nmax_bytes = {64 * 2**20}\n")
    script = work / "opened.py"  # a file, not `-c`: the workers' fork server imports it
    script.write_text(_OPENED)
    done = subprocess.run(
        [sys.executable, str(script), feed, str(data)],
        env=env,
        cwd=checkout,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def pickled(pdf: bytes, work: Path) -> Path:
    """The page as the pool sends it to a worker: its `Response` pickled, in a file."""
    import pickle

    from reader.models import Response

    path = work / "response.pickle"
    url = "http://127.0.0.1:9/report.pdf"
    path.write_bytes(pickle.dumps(Response(url, 200, "application/pdf", None, pdf)))
    return path


def worker(checkout: Path, pdf: Path, work: Path) -> dict[str, float]:
    """What a worker does with the PDF (`read_page` with `extract_for_cache`: read, packed,
    cached), in a process of its own: its peak RSS before it has the page (the page pickled
    as the pool sends it) and after, its CPU."""
    env = child_env(PYTHONPATH=str(checkout))
    data = Path(tempfile.mkdtemp(dir=work))
    done = subprocess.run(
        [sys.executable, "-c", _WORKER, str(pdf), str(data)],
        env=env,
        cwd=checkout,  # `-c` imports from its directory first
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(mb: int) -> bytes:
    from reader.demo.pdf_pages import report_pdf

    blocks = [("p", f"{_TEXT}(Part {n}.)") for n in range(150)]
    pages = 24  # what 150 such paragraphs take
    return report_pdf(
        "Eastquay storm damage: the inspectors' report",
        blocks,
        author="Harbour Safety Board",
        running_head="Eastquay inspection report 2026",
        picture_bytes=mb * 2**20 // pages,
    )


def serve(pdf: bytes) -> tuple[ThreadingHTTPServer, str]:
    """A server of a feed (at /feed.xml) whose one item links to the PDF (at /report.pdf)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            host = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/report.pdf":
                body, kind = pdf, "application/pdf"
            else:
                body = (
                    '<?xml version="1.0"?><rss version="2.0"><channel><title>Port Notices'
                    f"</title><item><title>Inspectors' report</title><link>{host}/report.pdf"
                    f"</link><guid>{host}/report.pdf</guid></item></channel></rss>"
                ).encode()
                kind = "application/rss+xml"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/feed.xml"


def caps_pdfs(checkout: Path) -> bool:
    """Whether the checkout has a PDF's own cap (`pdf_max_bytes`)."""
    return "pdf_max_bytes" in (checkout / "reader" / "config.py").read_text()


def run(checkout: Path, feed: str, work: Path) -> dict[str, object]:
    env = child_env(PYTHONPATH=str(checkout))
    data = Path(tempfile.mkdtemp(dir=work))
    if not caps_pdfs(checkout):
        (data / "config.toml").write_text(f"[network]\nmax_bytes = {64 * 2**20}\n")
    python = [sys.executable, "-m", "reader", "--data-dir", str(data)]
    # Run from the checkout: `-m` imports from its directory first.
    subprocess.run([*python, "add", feed], env=env, cwd=checkout, check=True, capture_output=True)
    figures = measured_sync([*python, "sync"], env, checkout)
    listed = subprocess.run(
        [*python, "list", "--json"], env=env, cwd=checkout, capture_output=True, text=True
    )
    items = json.loads(listed.stdout or "[]")
    size = sum(f.stat().st_size for f in data.rglob("*") if f.is_file())
    return {
        **figures,
        "cached": bool(items and items[0].get("cached")),
        "data_mb": size / 2**20,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=50)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--against", type=Path)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    pdf = report(args.mb)
    server, feed = serve(pdf)
    warm_up()
    print(f"a PDF of {len(pdf) / 2**20:.1f} MB; load {load_average()}")
    with tempfile.TemporaryDirectory() as work:
        sent = pickled(pdf, Path(work))
        for run_number in range(args.runs):
            for name, checkout in checkouts(args.against).items():
                read = worker(checkout, sent, Path(work))
                print(
                    f"{name:8} run {run_number + 1}: a worker's read_page: RSS {read['ready']:5.0f}"
                    f" MB holding the page pickled, peak {read['peak']:5.0f} MB, cpu "
                    f"{read['cpu']:5.1f} s, {read['words']} words, load {load_average()}"
                )
                shown = opened(checkout, feed, Path(work))
                print(
                    f"{name:8} run {run_number + 1}: opened (the reader's loop process): RSS "
                    f"{shown['ready']:5.0f} MB, peak {shown['peak']:5.0f} MB, after "
                    f"{shown['after']:5.0f} MB, {shown['words']} words, load {load_average()}"
                )
                got = run(checkout, feed, Path(work))
                print(
                    f"{name:8} run {run_number + 1}: peak {got['peak_mb']:5.0f} MB, workers "
                    f"{got['workers_peak_mb']:5.0f} MB, cpu {got['cpu']:5.1f} s, wall "
                    f"{got['wall']:5.1f} s, exit {got['status']}, cached {got['cached']}, data "
                    f"{got['data_mb']:5.1f} MB, load {load_average()}, each process {got['each_mb']}  {got['said'][0][:60]}"
                )
    server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
