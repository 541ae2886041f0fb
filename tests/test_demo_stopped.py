"""`reader demo` stopped from outside while it starts or runs (a service manager's SIGTERM,
`timeout`, a closed ssh session's SIGHUP, Ctrl-C): its throwaway data directory goes with it,
and its status is a shell's for the signal (README, Exit status)."""

from __future__ import annotations

import os
import signal
import time
from contextlib import suppress
from pathlib import Path

import pytest
from test_hang_up import (
    EXIT_BOUND,
    SHOWN_BOUND,
    Window,
    _status,
    under_terminal,
    until_shown,
)

from tests.pty_reader import readable


def _reached(temporary: Path, point: str, window: Window) -> None:
    """Wait until the demo is at `point` of its start: "made" its throwaway directory in
    `temporary`, "locked" it for its screen (importing the screen), or "shown" its headlines.
    The screen's bytes are read meanwhile (a terminal no one reads stops its writer)."""
    if point == "shown":
        until_shown(window, rb"Harbour Gazette")
        return
    deadline = time.monotonic() + SHOWN_BOUND
    while True:
        made = list(temporary.glob("reader-demo-*"))
        if made and (point == "made" or (made[0] / "in-use.lock").exists()):
            return
        assert time.monotonic() < deadline, f"the demo never reached {point!r}"
        _read_some(window)


def _read_some(window: Window) -> None:
    if readable(window.fd, 0.01):
        with suppress(OSError):  # it has ended, and its terminal with it
            os.read(window.fd, 65536)


def _ended(pid: int, window: Window) -> int | None:
    """`pid`'s exit status once it has ended, its screen read meanwhile; None if it runs on."""
    deadline = time.monotonic() + EXIT_BOUND
    while time.monotonic() < deadline:
        if (status := _status(pid, 0)) is not None:
            return status
        _read_some(window)
    return None


@pytest.mark.parametrize(
    ("number", "point"),
    [
        (signal.SIGTERM, "made"),
        (signal.SIGTERM, "locked"),
        (signal.SIGTERM, "shown"),
        (signal.SIGHUP, "made"),
        (signal.SIGHUP, "locked"),
        (signal.SIGHUP, "shown"),
        (signal.SIGINT, "made"),
    ],
    ids=[
        "term-made",
        "term-locked",
        "term-shown",
        "hup-made",
        "hup-locked",
        "hup-shown",
        "int-made",
    ],
)
def test_a_demo_stopped_removes_its_throwaway_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: int, point: str
) -> None:
    """A SIGTERM or SIGHUP before the screen was up left the demo's library (state, articles,
    its lock) in $TMPDIR for good; only Ctrl-C removed it."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))
    with under_terminal(tmp_path / "home", "demo", "--port", "0") as (pid, window):
        _reached(temporary, point, window)
        os.kill(pid, number)
        status = _ended(pid, window)
    # As a shell reports it ($?): 128 + N for a process ended by signal N, as for one that
    # exits with that status. A Ctrl-C's interrupt that came out of an exec() of a string
    # (CPython 3.11) ends the process by SIGINT at exit: 130 to a shell, -2 here.
    shown = status if status is None or status >= 0 else 128 - status
    left = sorted(str(p.relative_to(temporary)) for p in temporary.rglob("*"))
    assert shown == 128 + number, (status, left)  # None: still running
    assert [name for name in left if name.startswith("reader-demo-")] == [], left
