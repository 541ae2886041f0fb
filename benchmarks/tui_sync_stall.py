"""TUI responsiveness during a full sync: event-loop stalls and key latency while `S` runs.

    uv run python benchmarks/tui_sync_stall.py [--feeds 50] [--items 40] [--latency 0.05]
                                               [--hosts 4] [--probe-every 0.1] [--sample]

Target: "TUI responsiveness during a 2,000-article sync: the largest event-loop stall (a timer's
drift) under 100 ms".

A loopback news farm (benchmarks/farm.py) runs **in its own process** (in this one it would
take the GIL from the app's event loop and inflate every stall), serving feeds × items article
pages of real-page weight after `--latency` seconds each. A fresh data directory is subscribed
to its feeds, nothing fetched. The real `ReaderApp` (`refresh_on_start=False`, its process pool
for extraction as in a terminal) runs headless under Textual's `App.run_test()`; frames are timed
by a hook on the app's `_display` (see `tui_reading.FrameClock`). Then:

- **idle baseline**: the stall monitor runs for `--idle` seconds before anything happens (the
  floor: timer granularity and the idle app's own timers).
- `S` is pressed; the sync's **wall time** runs from the key to the status line's "Synced …".
- **stall monitor**: a task on the app's event loop sleeps 10 ms in a loop and records how late
  it wakes (actual − requested sleep): every callback that holds the loop shows up as drift.
- **key probe**: every `--probe-every` s, `j` is sent to the headline list and the time to the
  first frame in which the cursor moved is recorded (skipped while the list is empty; a key with
  no frame within 5 s counts as lost).
- afterwards, whether every article got cached (the cache's article keys against the headlines)
  and what the farm saw.
- `--sample`: a thread samples the event-loop thread's Python stack every 2 ms; for every stall
  over `--stall-ms`, the samples inside it are attributed to the innermost frame of `reader/`
  (else of textual, else anything), and the script prints the callers that held the loop the
  longest. Sampling costs some CPU itself: the stall numbers of the table come from a run
  without it unless `--sample` is given.

Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py, tui_reading.py beside this
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # reader from this checkout

from farm import load_average, subscribe
from tui_reading import FrameClock, parse_size, percentile, send_key, warm_up_tui

TARGET_STALL_MS = 100.0
TICK = 0.010


# -- the farm, in its own process ----------------------------------------------------------------
class FarmProcess:
    """`benchmarks/farm.py` as a child process; its feed URLs once it is ready."""

    def __init__(self, feeds: int, items: int, latency: float, hosts: int, workdir: Path) -> None:
        self.urls_file = workdir / "feed-urls.txt"
        self.cmd = [
            sys.executable,
            str(Path(__file__).resolve().parent / "farm.py"),
            f"--feeds={feeds}",
            f"--items={items}",
            f"--latency={latency}",
            f"--hosts={hosts}",
            "--lifetime=1800",
            f"--urls={self.urls_file}",
        ]
        self.proc: subprocess.Popen[str] | None = None
        self.served = ""

    def __enter__(self) -> list[str]:
        self.proc = subprocess.Popen(
            self.cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith("ready in"):
                return self.urls_file.read_text(encoding="utf-8").split()
        raise RuntimeError(
            f"the farm did not start: {self.proc.stderr.read() if self.proc.stderr else ''}"
        )

    def __exit__(self, *exc: object) -> None:
        if self.proc is None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            out, _err = self.proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, _err = self.proc.communicate()
        self.served = next((line for line in out.splitlines() if line.startswith("served")), "")


# -- the stall monitor and the key probe ---------------------------------------------------------
@dataclass
class Stall:
    start: float  # when the sleep should have ended
    end: float  # when it did
    drift: float  # seconds late
    cpu: float = 0.0  # CPU s of the event-loop thread from the sleep's start to the wake-up


@dataclass
class Collection:
    """One run of Python's cyclic garbage collector (it holds the GIL, so it stalls the loop
    whichever thread triggered it)."""

    start: float
    end: float
    generation: int


class GcWatch:
    """Times every garbage collection through `gc.callbacks`."""

    def __init__(self) -> None:
        self.collections: list[Collection] = []
        self._started = 0.0

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.collections.append(
                Collection(self._started, time.perf_counter(), info["generation"])
            )

    def __enter__(self) -> GcWatch:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._callback)

    def inside(self, begin: float, end: float) -> float:
        """Seconds of garbage collection between `begin` and `end`."""
        return sum(max(0.0, min(end, c.end) - max(begin, c.start)) for c in self.collections)


@dataclass
class Probe:
    latency: list[float] = field(default_factory=list)  # ms, key sent → frame
    lost: int = 0
    skipped: int = 0


async def monitor(stop: asyncio.Event, out: list[Stall]) -> None:
    """Sleep TICK in a loop; record how late each wake-up is."""
    while not stop.is_set():
        before, cpu = time.perf_counter(), time.thread_time()
        await asyncio.sleep(TICK)
        now = time.perf_counter()
        drift = max(0.0, now - before - TICK)
        out.append(Stall(before + TICK, now, drift, time.thread_time() - cpu))


async def probe_keys(
    app: Any, clock: FrameClock, every: float, stop: asyncio.Event, out: Probe
) -> None:
    """Every `every` s, `j` on the headline list → the frame where the cursor moved."""
    from reader.ui.widgets.main.headline_table import HeadlineTable

    table = app.main_screen.query_one(HeadlineTable)
    next_at = time.perf_counter()
    while not stop.is_set():
        next_at += every
        await asyncio.sleep(max(0.0, next_at - time.perf_counter()))
        if stop.is_set():
            break
        if app.screen is not app.main_screen or table.cursor + 1 >= len(table.rows):
            out.skipped += 1
            if table.rows and table.cursor + 1 >= len(table.rows):
                table.cursor = 0
            continue
        before = table.cursor
        sent = send_key(app, "j")
        try:
            shown = await clock.wait(lambda _now, b=before: table.cursor != b, timeout=5)
        except TimeoutError:
            out.lost += 1
            continue
        out.latency.append((shown - sent) * 1000)
        next_at = max(next_at, time.perf_counter())


class StackSampler:
    """Samples one thread's Python stack every `interval` s from a background thread."""

    def __init__(self, thread_id: int, interval: float = 0.002) -> None:
        self.thread_id = thread_id
        self.interval = interval
        self.samples: list[tuple[float, tuple[tuple[str, int, str], ...]]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stack-sampler", daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            frame: FrameType | None = sys._current_frames().get(self.thread_id)
            stack = []
            while frame is not None and len(stack) < 60:
                code = frame.f_code
                stack.append((code.co_filename, frame.f_lineno, code.co_name))
                frame = frame.f_back
            self.samples.append((time.perf_counter(), tuple(stack)))

    def __enter__(self) -> StackSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)


def _where(stack: tuple[tuple[str, int, str], ...]) -> str:
    """The innermost frame of reader/ (else textual/, else the innermost), and its chain."""
    root = str(Path(__file__).resolve().parent.parent)
    for marker in (root + "/reader/", "/textual/"):
        for number, (filename, line, name) in enumerate(stack):
            if marker in filename:
                short = filename.split(marker.rstrip("/").rsplit("/", 1)[-1] + "/", 1)[-1]
                inner = stack[0]
                inner_name = f"{Path(inner[0]).name}:{inner[2]}" if number else ""
                prefix = "reader/" if "reader" in marker else "textual/"
                return f"{prefix}{short}:{line} {name}" + (
                    f" → … {inner_name}" if inner_name else ""
                )
    if not stack:
        return "(no stack)"
    filename, line, name = stack[0]
    return f"{Path(filename).name}:{line} {name}"


def attribute(
    samples: list[tuple[float, tuple[tuple[str, int, str], ...]]], stalls: list[Stall], over: float
) -> tuple[Counter[str], Counter[str], int]:
    """Samples inside stalls longer than `over` s, by where they were and by the outermost reader
    function on the stack; returns (by innermost place, by reader entry point, stalls used)."""
    long = [s for s in stalls if s.drift >= over]
    inner: Counter[str] = Counter()
    entry: Counter[str] = Counter()
    root = str(Path(__file__).resolve().parent.parent) + "/reader/"
    index = 0
    ordered = sorted(samples)
    for stall in sorted(long, key=lambda s: s.start):
        begin = stall.end - stall.drift
        while index < len(ordered) and ordered[index][0] < begin:
            index += 1
        j = index
        while j < len(ordered) and ordered[j][0] <= stall.end:
            stack = ordered[j][1]
            inner[_where(stack)] += 1
            outer = [f for f in stack if root in f[0]]
            if outer:
                filename, line, name = outer[-1]
                entry[f"reader/{filename.split(root, 1)[1]}:{line} {name}"] += 1
            else:
                entry["(no reader/ frame: textual or asyncio)"] += 1
            j += 1
    return inner, entry, len(long)


# -- the run -------------------------------------------------------------------------------------
@dataclass
class Result:
    idle: list[Stall]
    stalls: list[Stall]
    probe: Probe
    wall: float
    status: str
    headlines: int
    cached: int
    frames: int
    loop_cpu: float  # CPU s of the event-loop thread during the sync
    process_cpu: float  # CPU s of this process (loop, its threads, the sampler) during the sync
    workers_cpu: float  # CPU s of the app's worker processes (the farm's excluded)
    collections: list[Collection] = field(default_factory=list)
    peak_rss_mb: float = 0.0  # of this process (the app; the farm and the workers apart)
    inner: Counter[str] = field(default_factory=Counter)
    entry: Counter[str] = field(default_factory=Counter)
    attributed: int = 0


def _workers_cpu(farm_pid: int) -> float:
    """CPU s so far of this process's descendants, the farm's process tree left out."""
    from farm import _cpu, _process_tree

    farm = set(_process_tree(farm_pid))
    return sum(_cpu(pid) for pid in _process_tree(os.getpid())[1:] if pid not in farm)


async def run(data_dir: Path, args: argparse.Namespace, farm_pid: int) -> Result:
    from reader.ui.app import ReaderApp

    app = ReaderApp(data_dir, refresh_on_start=False)
    clock = FrameClock(app).install()
    idle: list[Stall] = []
    stalls: list[Stall] = []
    probe = Probe()
    sampler = StackSampler(threading.get_ident()) if args.sample else None
    async with app.run_test(size=args.size) as pilot:
        await asyncio.wait_for(app.ready.wait(), 60)
        await pilot.pause()
        stop = asyncio.Event()
        watching = asyncio.ensure_future(monitor(stop, idle))
        await asyncio.sleep(args.idle)
        stop.set()
        await watching

        stop = asyncio.Event()
        if sampler:
            sampler.__enter__()
        watching = asyncio.ensure_future(monitor(stop, stalls))
        probing = asyncio.ensure_future(probe_keys(app, clock, args.probe_every, stop, probe))
        workers_before = _workers_cpu(farm_pid)
        gc_watch = GcWatch().__enter__()
        loop_cpu, process_cpu = time.thread_time(), time.process_time()
        started = time.perf_counter()
        send_key(app, "S")
        deadline = started + args.timeout
        while not app.status.startswith("Synced"):
            if time.perf_counter() > deadline:
                raise TimeoutError(f"the sync did not end in {args.timeout:g} s ({app.status!r})")
            await asyncio.sleep(0.02)
        wall = time.perf_counter() - started
        status = app.status
        loop_cpu, process_cpu = time.thread_time() - loop_cpu, time.process_time() - process_cpu
        gc_watch.__exit__()  # the window ends with the sync, as the stall monitor's does
        workers = _workers_cpu(farm_pid) - workers_before
        stop.set()
        await asyncio.gather(watching, probing)
        if sampler:
            sampler.__exit__()
        headlines = [h for h in app.index.headlines if h.entry.link]
        keys = app.lib.store.article_keys()
        from reader.keys import article_key

        cached = sum(article_key(h.entry.link) in keys for h in headlines)
        frames = len(clock.frames)
    result = Result(
        idle,
        stalls,
        probe,
        wall,
        status,
        len(headlines),
        cached,
        frames,
        loop_cpu,
        process_cpu,
        workers,
        gc_watch.collections,
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    )
    if sampler:
        result.inner, result.entry, result.attributed = attribute(
            sampler.samples, stalls, args.stall_ms / 1000
        )
    return result


def _drift_row(name: str, stalls: list[Stall]) -> str:
    drifts = [s.drift * 1000 for s in stalls]
    if not drifts:
        return f"| {name} | 0 | - | - | - | - | - | - |"
    over50 = sum(d > 50 for d in drifts)
    over100 = sum(d > TARGET_STALL_MS for d in drifts)
    return (
        f"| {name} | {len(drifts)} | {max(drifts):.1f} | {percentile(drifts, 99):.1f} | "
        f"{percentile(drifts, 95):.1f} | {statistics.median(drifts):.1f} | {over50} | {over100} |"
    )


def _collections_line(collections: list[Collection]) -> str:
    """Garbage collections during the sync: how many of each generation, their time."""
    parts = []
    for generation in (0, 1, 2):
        times = [(c.end - c.start) * 1000 for c in collections if c.generation == generation]
        if times:
            parts.append(
                f"gen {generation}: {len(times)} ({sum(times):.0f} ms, max {max(times):.1f} ms)"
            )
    return "Garbage collections during the sync: " + ("; ".join(parts) or "none")


def print_longest_stalls(result: Result, over: float, top: int) -> None:
    """The longest stalls, each with how much of it the loop's thread ran and how much was the
    garbage collector: a stall with little CPU was the thread waiting (for the GIL, held by
    another thread of the process, or for a core the OS gave to another process)."""
    long = sorted((s for s in result.stalls if s.drift >= over), key=lambda s: -s.drift)
    if not long:
        print(f"No stall ≥ {over * 1000:g} ms.")
        return
    gc_watch = GcWatch()
    gc_watch.collections = result.collections
    print(f"The {min(top, len(long))} longest of {len(long)} stalls ≥ {over * 1000:g} ms:")
    print()
    print("| stall ms | loop thread on CPU ms | garbage collection ms (generations) |")
    print("|---:|---:|---|")
    for stall in long[:top]:
        begin = stall.end - stall.drift - TICK
        generations = sorted(
            {c.generation for c in result.collections if c.end > begin and c.start < stall.end}
        )
        print(
            f"| {stall.drift * 1000:.0f} | {stall.cpu * 1000:.0f} | "
            f"{gc_watch.inside(begin, stall.end) * 1000:.0f} "
            f"({', '.join(map(str, generations)) or '-'}) |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per response")
    parser.add_argument("--hosts", type=int, default=4)
    parser.add_argument("--probe-every", type=float, default=0.1, help="seconds between `j` probes")
    parser.add_argument("--idle", type=float, default=2.0, help="seconds of idle baseline")
    parser.add_argument("--size", type=parse_size, default=(120, 40), help="terminal, WxH")
    parser.add_argument("--timeout", type=float, default=600.0, help="give up on the sync after")
    parser.add_argument("--sample", action="store_true", help="sample the loop's stack in stalls")
    parser.add_argument("--stall-ms", type=float, default=50.0, help="stalls attributed (--sample)")
    parser.add_argument("--top", type=int, default=12, help="places listed (--sample)")
    args = parser.parse_args(argv)
    os.environ.setdefault("TZ", "UTC")

    warm_up_tui()
    load = [load_average()]
    with tempfile.TemporaryDirectory(prefix="bench-tui-sync-") as tmp:
        farm = FarmProcess(args.feeds, args.items, args.latency, args.hosts, Path(tmp))
        with farm as feed_urls:
            data_dir = Path(tmp) / "data"
            subscribe(data_dir, feed_urls)
            assert farm.proc is not None
            result = asyncio.run(run(data_dir, args, farm.proc.pid))
    load.append(load_average())

    command = "uv run python benchmarks/tui_sync_stall.py " + " ".join(
        sys.argv[1:] if argv is None else argv
    )
    pages = args.feeds * args.items
    print(
        f"TUI during a sync: {args.feeds} feeds × {args.items} items = {pages} articles, "
        f"{args.latency * 1000:g} ms latency, {args.hosts} hosts, farm in its own process; "
        f"{args.size[0]}x{args.size[1]}; load average {' → '.join(load)}"
        + ("; stack sampler ON" if args.sample else "")
    )
    print(f"command: {command.strip()}")
    print()
    print(
        f"| event-loop drift of a {TICK * 1000:g} ms timer | wake-ups | max ms | p99 ms | p95 ms "
        "| median ms | > 50 ms | > 100 ms |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    print(_drift_row(f"idle app, {args.idle:g} s before the sync", result.idle))
    print(_drift_row('during the sync (`S` → "Synced")', result.stalls))
    print()
    lat = result.probe.latency
    worst = max((s.drift for s in result.stalls), default=0.0) * 1000
    rows = [
        ('sync wall time (`S` → status "Synced …")', f"{result.wall:.2f} s"),
        (
            f"`j` every {args.probe_every * 1000:g} ms: key → frame, mean / p95 / max",
            f"{statistics.mean(lat):.1f} / {percentile(lat, 95):.1f} / {max(lat):.1f} ms "
            f"({len(lat)} keys, {result.probe.lost} lost, {result.probe.skipped} skipped)"
            if lat
            else f"no key measured ({result.probe.skipped} skipped, {result.probe.lost} lost)",
        ),
        ("frames drawn during the run", f"{result.frames}"),
        ("peak RSS of the app's process", f"{result.peak_rss_mb:.0f} MB"),
        (
            "CPU during the sync: event-loop thread / whole app process / worker processes",
            f"{result.loop_cpu:.1f} s / {result.process_cpu:.1f} s / {result.workers_cpu:.1f} s "
            f"(wall {result.wall:.1f} s × {os.cpu_count()} cores = "
            f"{result.wall * (os.cpu_count() or 1):.0f} core-s)",
        ),
        (
            "articles cached / headlines with a link",
            f"{result.cached} / {result.headlines}"
            + (" (all)" if result.cached == result.headlines else " (**not all**)"),
        ),
        ("status line when it ended", result.status),
        ("the farm", farm.served or "?"),
        (
            f"**largest stall** (target < {TARGET_STALL_MS:g} ms)",
            f"**{worst:.0f} ms: {'met' if worst < TARGET_STALL_MS else 'missed'}**",
        ),
    ]
    print("| measure | value |")
    print("|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    print()
    print(_collections_line(result.collections))
    print()
    print_longest_stalls(result, args.stall_ms / 1000, args.top)
    if args.sample:
        print()
        total = sum(result.inner.values())
        print(
            f"Where the loop was during the {result.attributed} stalls ≥ {args.stall_ms:g} ms "
            f"({total} samples at 2 ms):"
        )
        print()
        print("| outermost reader/ frame on the stack | samples | share |")
        print("|---|---:|---:|")
        for place, count in result.entry.most_common(args.top):
            print(f"| `{place}` | {count} | {count / max(1, total):.0%} |")
        print()
        print("| innermost reader/ (else textual/) frame | samples | share |")
        print("|---|---:|---:|")
        for place, count in result.inner.most_common(args.top):
            print(f"| `{place}` | {count} | {count / max(1, total):.0%} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
