"""Peak memory of the reader during a sync (`S`) of the demo site, and of `reader sync`, with
`[system] workers` at "auto" and at 1 side by side: the reader's own peak (VmHWM), the most its
worker processes (and their tracker, or fork server) held at once, and the peak of the whole tree.

acc45c C2: on a machine of 120-150 MB the reader was killed for memory as a refresh started its
two workers (~45 MB each) beside it (99 MB at its first screen). Each setting runs the real
`ReaderApp` under Pilot in a child of its own, one after the other (`--rounds` times, by
turns), on a fresh data directory subscribed to the demo site's feeds on 127.0.0.1; the child
reads /proc every 0.1 s while the sync runs. `reader sync` runs as a process of its own, read
from its parent the same way.

    PYTHONPATH=. python benchmarks/sync_workers_memory.py --rounds 3
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from children import THIS_CHECKOUT, child_json, descendants

SETTINGS = ("auto", "1")
SAMPLE_EVERY = 0.1


def status_kb(pid: int | str, field: str) -> int:
    """`field` (VmRSS, VmHWM) of process `pid` in KB; 0 once it has gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def configured(data: Path, setting: str, feeds: str) -> Path:
    """`data` subscribed to `feeds` (a JSON list), its config setting the workers; the config."""
    from contextlib import closing

    from reader.library import Library

    with closing(Library(data)) as lib:
        for url in json.loads(feeds):
            lib.add_feed(url)
    workers = f'"{setting}"' if setting == "auto" else setting
    path = data / "config.toml"
    path.write_text(f"[feeds]\nfetch_ahead = 0\n[system]\nworkers = {workers}\n", "utf-8")
    return path


def cli_sync(data: Path, setting: str, feeds: str, env: dict[str, str]) -> dict[str, float]:
    """`reader sync -q` of `feeds` with the workers `setting`: what /proc said meanwhile."""
    configured(data, setting, feeds)
    start = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(data), "sync", "-q"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    kids_now_peak = tree_peak = most_kids = own_peak = 0
    kids_peak: dict[int, int] = {}
    while process.poll() is None:
        own_peak = max(own_peak, status_kb(process.pid, "VmHWM"))
        kids = descendants(process.pid)
        now = sum(status_kb(pid, "VmRSS") for pid in kids)
        for pid in kids:
            kids_peak[pid] = max(kids_peak.get(pid, 0), status_kb(pid, "VmHWM"))
        kids_now_peak = max(kids_now_peak, now)
        tree_peak = max(tree_peak, now + status_kb(process.pid, "VmRSS"))
        most_kids = max(most_kids, len(kids))
        time.sleep(SAMPLE_EVERY)
    wall = time.monotonic() - start
    return {
        "reader_hwm": own_peak / 1024,  # its last VmHWM read before it ended
        "children_at_once": kids_now_peak / 1024,
        "children_hwm_sum": sum(kids_peak.values()) / 1024,
        "tree_peak": tree_peak / 1024,
        "processes": most_kids,
        "wall": wall,
    }


def child(data: Path, setting: str, feeds: str) -> None:
    """A sync of `feeds` (a JSON list) with `[system] workers = setting`, in the reader under
    Pilot: what /proc said meanwhile, printed as JSON."""
    from reader.config import load_config
    from reader.ui.app import ReaderApp

    path = configured(data, setting, feeds)
    me = os.getpid()
    kids_peak: dict[int, int] = {}  # each child's VmHWM, the last seen
    tree_peak = kids_now_peak = most_kids = 0

    async def run() -> float:
        nonlocal tree_peak, kids_now_peak, most_kids
        app = ReaderApp(data, config=load_config(path), refresh_on_start=False)
        async with app.run_test(size=(120, 40)) as pilot:
            await asyncio.wait_for(app.ready.wait(), 120)
            start = time.monotonic()
            await pilot.press("S")
            syncing = False
            while True:
                kids = descendants(me)
                now = sum(status_kb(pid, "VmRSS") for pid in kids)
                for pid in kids:
                    kids_peak[pid] = max(kids_peak.get(pid, 0), status_kb(pid, "VmHWM"))
                kids_now_peak = max(kids_now_peak, now)
                tree_peak = max(tree_peak, now + status_kb(me, "VmRSS"))
                most_kids = max(most_kids, len(kids))
                syncing = syncing or app._busy == "syncing"
                if syncing and not app._busy:
                    return time.monotonic() - start
                if time.monotonic() - start > 600:
                    raise TimeoutError("the sync did not end in 10 minutes")
                await asyncio.sleep(SAMPLE_EVERY)

    wall = asyncio.run(run())
    print(
        json.dumps(
            {
                "reader_hwm": status_kb(me, "VmHWM") / 1024,
                "children_at_once": kids_now_peak / 1024,
                "children_hwm_sum": sum(kids_peak.values()) / 1024,
                "tree_peak": tree_peak / 1024,
                "processes": most_kids,
                "wall": wall,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=1, help="runs of each setting, by turns")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--cli-child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), args.child[1], args.child[2])
        return
    if args.cli_child:
        data, setting, feeds = args.cli_child
        print(json.dumps(cli_sync(Path(data), setting, feeds, dict(os.environ))))
        return
    sys.path.insert(0, str(THIS_CHECKOUT))
    from farm import load_average

    from reader.demo.server import start_demo_server

    print(f"load average {load_average()}")
    server = start_demo_server()
    feeds = json.dumps(server.feed_urls)
    faces = {"reader S": "--child", "reader sync": "--cli-child"}
    got: dict[tuple[str, str], list[dict[str, float]]] = {
        (face, setting): [] for face in faces for setting in SETTINGS
    }
    env = {**os.environ, "PYTHONPATH": str(THIS_CHECKOUT)}
    try:
        for _ in range(args.rounds):
            for (face, setting), runs in got.items():
                data = Path(tempfile.mkdtemp(prefix=f"sync-workers-{setting}-")) / "data"
                try:
                    runs.append(
                        child_json(
                            __file__, faces[face], data, setting, feeds, env=env, timeout=900
                        )
                    )
                finally:
                    shutil.rmtree(data.parent, ignore_errors=True)
    finally:
        server.stop()
    print(f"load average {load_average()}")
    print(
        "face         workers   reader peak   children at once   children's VmHWM summed"
        "   whole tree   processes   sync wall"
    )
    medians: dict[tuple[str, str], dict[str, float]] = {}
    for (face, setting), runs in got.items():
        median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        medians[face, setting] = median
        print(
            f"{face:12} {setting:8} {median['reader_hwm']:8.1f} MB"
            f" {median['children_at_once']:14.1f} MB"
            f" {median['children_hwm_sum']:21.1f} MB {median['tree_peak']:12.1f} MB"
            f" {median['processes']:8.0f} {median['wall']:12.1f} s"
        )
    for face in faces:
        ratio = medians[face, "1"]["tree_peak"] / medians[face, "auto"]["tree_peak"]
        print(f"{face}: whole tree, 1 / auto: {ratio:.2f}×")


if __name__ == "__main__":
    main()
