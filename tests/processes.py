"""Processes a test watches from outside (Linux's /proc): the workers a reader started, whether
they still run, and those left running once the reader has gone; the descriptors this one holds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from contextlib import suppress
from pathlib import Path


def open_descriptors(pid: int | str = "self") -> dict[int, str]:
    """The descriptors process `pid` holds open, each with what it is (its link in /proc: a
    file's path, `pipe:[…]`, `socket:[…]`)."""
    found = {}
    for name in os.listdir(f"/proc/{pid}/fd"):
        with suppress(OSError):  # closed meanwhile (the listing's own)
            found[int(name)] = os.readlink(f"/proc/{pid}/fd/{name}")
    return found


def children(pid: int) -> list[int]:
    """The processes `pid` started (Linux's /proc)."""
    found: list[int] = []
    # A thread may end between the listing and the reading of its file (the reader's own
    # workers come and go), and the process itself may have ended: neither has children.
    with suppress(FileNotFoundError, ProcessLookupError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            with suppress(FileNotFoundError, ProcessLookupError):
                found += [int(c) for c in (task / "children").read_text().split()]
    return found


def spawned_workers(before: frozenset[int] = frozenset()) -> list[int]:
    """This process's worker processes running now (spawned; not the resource tracker, which
    the pools of a process share), but those of `before`: an earlier test's in this process
    (pytest-xdist's) may still be ending."""
    found = []
    for pid in set(children(os.getpid())) - before:
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in command and alive(pid):
            found.append(pid)
    return found


def alive(pid: int) -> bool:
    """`pid` still runs (a zombie waiting for its parent to read it has ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def left_running(pids: list[int], within: float) -> list[int]:
    """Those of `pids` still running once all have had `within` seconds to end (no wait once
    none runs). They are sent SIGTERM, so that a test that fails leaves nothing behind."""
    deadline = time.monotonic() + within
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in pids if alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGTERM)
    return left


def printed_pids(script: Path) -> list[int]:
    """Run the Python `script` to its end and the process ids it printed, its output written to
    a file beside it: not a pipe, which processes it left running would hold open, and the test
    with it."""
    printed = script.with_suffix(".pids")
    with printed.open("w") as out:
        subprocess.run([sys.executable, str(script)], stdout=out, stderr=subprocess.DEVNULL)
    return [int(pid) for pid in printed.read_text().split()]
