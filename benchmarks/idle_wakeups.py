"""Idle wake-ups: how often the reader, left alone on its headlines or an article, wakes.

    uv run python benchmarks/idle_wakeups.py [--against DIR] [--seconds 30] [--feeds 3] [--items 20]

Each checkout's reader runs in a tmux server of its own (`tmux -L idle-wakeups-PID`), on a data
directory of `--feeds` × `--items` cached headlines whose links point at a closed port (offline),
and is left alone for `--seconds`: first on its headlines, then on an article (`Enter`). The
count is the voluntary context switches (a thread going to sleep, so one wake-up each) of every
thread of the reader and of its worker processes over that time, from
/proc/PID/task/*/status: a laptop on battery wants none while nothing changes (acc36a G3).

The readers run side by side, at the same time: both see the same load. `--against DIR` is a
worktree of main (`git worktree add /tmp/main-wt main`). Prints wake-ups a second per process
(main, workers) for each, and this checkout's total against the other's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

from farm import child_env, load_average
from tui_headlines import build_data_dir

_SERVER = f"idle-wakeups-{os.getpid()}"
"""A tmux server of this run's own: no other tmux is touched."""
_SETTLE = 12.0
"""Seconds after start before counting: the workers started, the start's work done."""


def _tmux(*args: str) -> str:
    return subprocess.run(
        ["tmux", "-L", _SERVER, *args], capture_output=True, text=True, check=True
    ).stdout


def _tree(pid: int) -> list[int]:
    """`pid` (the reader: its shell `exec`s it) and its descendants (the worker processes,
    the resource tracker)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            children = task / "children"
            if children.exists():
                todo.extend(int(c) for c in children.read_text().split())
    return found


def _switches(pid: int) -> int:
    """The voluntary context switches of every thread of `pid` so far."""
    total = 0
    for status in Path(f"/proc/{pid}/task").glob("*/status"):
        try:
            for line in status.read_text().splitlines():
                if line.startswith("voluntary_ctxt_switches:"):
                    total += int(line.split()[1])
        except OSError:
            pass  # a thread that ended meanwhile
    return total


def _counts(pids: dict[str, list[int]]) -> dict[str, dict[int, int]]:
    return {name: {pid: _switches(pid) for pid in tree} for name, tree in pids.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, help="another checkout's root (main's)")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--feeds", type=int, default=3)
    parser.add_argument("--items", type=int, default=20)
    args = parser.parse_args()
    checkouts = {"this": Path(__file__).resolve().parent.parent}
    if args.against:
        checkouts["against"] = args.against.resolve()
    work = Path(tempfile.mkdtemp(prefix="idle-wakeups-"))
    try:
        for name in checkouts:
            build_data_dir(work / name, args.feeds, args.items)
        for name, root in checkouts.items():
            env = " ".join(
                f"{k}={v}"
                for k, v in child_env(PYTHONPATH=str(root)).items()
                if k in ("PYTHONPATH", "PATH", "HOME", "TERM", "LANG")
            )
            command = (
                f"cd {work} && exec env {env} {sys.executable} -m reader --data-dir {work / name}"
            )
            _tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "40", command)
        time.sleep(_SETTLE)
        shells = {
            name: int(_tmux("list-panes", "-t", name, "-F", "#{pane_pid}").strip())
            for name in checkouts
        }
        print(f"load {load_average()}; {args.seconds:.0f} s idle each, side by side")
        totals: dict[str, list[float]] = {name: [] for name in checkouts}
        for place, keys in (("headlines", ()), ("article", ("Enter",))):
            for name in checkouts:
                if keys:
                    _tmux("send-keys", "-t", name, *keys)
            time.sleep(3.0 if keys else 0.0)
            pids = {name: _tree(shell) for name, shell in shells.items()}
            before = _counts(pids)
            time.sleep(args.seconds)
            after = _counts(pids)
            for name in checkouts:
                per_process = [
                    (after[name][pid] - before[name][pid]) / args.seconds
                    for pid in pids[name]
                    if pid in after[name]
                ]
                total = sum(per_process)
                totals[name].append(total)
                shown = " + ".join(f"{rate:.1f}" for rate in per_process)
                print(f"{place:10} {name:8} {total:6.2f} wake-ups/s  (per process: {shown})")
        if "against" in totals:
            for index, place in enumerate(("headlines", "article")):
                ours, theirs = totals["this"][index], totals["against"][index]
                print(f"{place:10} this/against {ours / theirs if theirs else float('nan'):.3f}")
    finally:
        subprocess.run(["tmux", "-L", _SERVER, "kill-server"], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
