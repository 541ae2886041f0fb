"""Crashes at exit: how many of N processes ending as a thread makes the network stack's TLS
context end by a signal (SIGSEGV, "Segmentation fault"), this checkout beside another.

    uv run python benchmarks/exit_crashes.py [--runs 100] [--against DIR] [--reader] [--copies 5]

The reader makes its network stack at start in a thread quitting does not wait for
(`ui/quittable.py`); OpenSSL's exit handler, run by the C library after the interpreter has
ended, freed what that thread was still reading certifi's authorities with, and the process
died of it after a clean quit (`reader/before_exit.py`). Each run is one process:

- default: a Python process makes the reader's `Fetcher` in a daemon thread, as the reader's
  start does, and ends 50 ms after the thread has opened the CA file;
- `--reader`: the reader itself in a pseudo-terminal, on a data directory of 3 × 20 offline
  headlines, `Q` typed as it has the CA file open.

Both trust `--copies` × certifi's authorities besides certifi's own (`network.ca_file`), so
that reading them takes a while: with certifi's alone (20-400 ms) the end seldom comes as
they are read.

`--against DIR` runs another checkout too (its root: `git archive main reader | tar -x -C DIR`),
the two alternating. The crashes are counted, the signals named; nothing is asserted. Run
`stress`-like CPU load beside it to see more of them: the window is the exit handlers' few
milliseconds.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import select
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import certifi

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py, tui_headlines.py beside this
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # reader from this checkout
sys.path.insert(2, str(Path(__file__).resolve().parent.parent / "tests"))  # test_exit_tls

from farm import child_env, load_average
from test_exit_tls import ENDING_CHILD
from tui_headlines import build_data_dir
from tui_startup import in_pty

_TIMEOUT = 120.0


def _ended_by(returncode: int) -> str:
    """A process's end: "ok", "exit N", or the signal's name."""
    if returncode < 0:
        return signal.Signals(-returncode).name
    return "ok" if returncode == 0 else f"exit {returncode}"


def fetcher_run(checkout: Path, ca_file: str, env: dict[str, str]) -> str:
    child = subprocess.run(
        [sys.executable, "-c", ENDING_CHILD, ca_file, "0.05"],  # 50 ms into the file
        env={**env, "PYTHONPATH": str(checkout)},
        cwd=tempfile.gettempdir(),
        capture_output=True,
        timeout=_TIMEOUT,
    )
    return _ended_by(child.returncode)


def _has_open(pid: int, path: str) -> bool:
    try:
        descriptors = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return False
    for fd in descriptors:
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}") == path:
                return True
        except OSError:
            continue
    return False


def reader_run(checkout: Path, data_dir: Path, config: Path, ca_file: str, env: dict) -> str:
    command = [sys.executable, "-m", "reader", "--data-dir", str(data_dir)]
    env = {**env, "PYTHONPATH": str(checkout), "READER_CONFIG": str(config)}
    proc, master = in_pty(command, (100, 30), env)
    try:
        deadline = time.monotonic() + _TIMEOUT
        while not _has_open(proc.pid, ca_file):
            if time.monotonic() > deadline or proc.poll() is not None:
                return "never read the CA file"
            _drain(master, 0.001)
        os.write(master, b"Q")
        while proc.poll() is None:
            if time.monotonic() > deadline:
                return "hung"
            _drain(master, 0.05)
        return _ended_by(proc.returncode)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        os.close(master)


def _drain(master: int, wait: float) -> None:
    """What the program wrote, read and dropped: a full terminal would stall it."""
    if select.select([master], [], [], wait)[0]:
        with contextlib.suppress(OSError):  # the program ended: its terminal gone
            os.read(master, 65536)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100, help="runs of each checkout")
    parser.add_argument("--against", type=Path, help="another checkout's root, to compare")
    parser.add_argument("--reader", action="store_true", help="the reader in a terminal, `Q`")
    parser.add_argument("--copies", type=int, default=5, help="certifi's authorities × this")
    args = parser.parse_args(argv)
    here = Path(__file__).resolve().parent.parent
    checkouts = {"this": here}
    if args.against:
        checkouts = {"against": args.against.resolve(), "this": here}
    env = child_env(TERM="xterm-256color")
    ends: dict[str, Counter[str]] = {name: Counter() for name in checkouts}
    loads = [load_average()]
    with tempfile.TemporaryDirectory(prefix="reader-exit-crashes-") as tmp:
        root = Path(tmp)
        ca_file = str(root / "authorities.pem")
        Path(ca_file).write_text(Path(certifi.where()).read_text() * args.copies)
        if args.reader:
            config = root / "config.toml"
            config.write_text(f'[network]\nca_file = "{ca_file}"\n')
            template = root / "template"
            build_data_dir(template, 3, 20)
        for run in range(args.runs):
            for name, checkout in checkouts.items():
                if args.reader:
                    data_dir = root / f"{name}-{run}"
                    subprocess.run(["cp", "-a", str(template), str(data_dir)], check=True)
                    ends[name][reader_run(checkout, data_dir, config, ca_file, env)] += 1
                    subprocess.run(["rm", "-rf", str(data_dir)], check=True)
                else:
                    ends[name][fetcher_run(checkout, ca_file, env)] += 1
            if run % 10 == 9:
                loads.append(load_average())
    what = "the reader quit by Q" if args.reader else "a Fetcher made in a daemon thread"
    print(f"exit crashes, {what}: {args.runs} runs each, alternating; load {', '.join(loads)}")
    print(f"{'':<10}{'crashed':>9}  ends")
    for name, counted in ends.items():
        crashed = sum(n for end, n in counted.items() if end.startswith("SIG"))
        told = ", ".join(f"{end} {n}" for end, n in counted.most_common())
        print(f"{name:<10}{crashed:>9}  {told}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
