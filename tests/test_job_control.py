"""Ctrl-Z suspends the reader as it suspends every curses program (newsboat, mutt, vim, less):
the process stops and gives the shell its terminal back; continued (`fg`), it carries on where
it was. It did nothing at all (acc26b T10). The real reader under a pseudo-terminal."""

from __future__ import annotations

import fcntl
import os
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path


def _state(pid: int) -> str:
    """The process's state letter ("S" sleeping, "R" running, "T" stopped)."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]


def _until(condition: object, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


def test_ctrl_z_stops_the_reader_and_it_carries_on_when_continued(synced_dir: Path) -> None:
    main, secondary = os.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {**os.environ, "READER_HOME": str(synced_dir), "TERM": "xterm-256color"}
    process = subprocess.Popen(
        [sys.executable, "-m", "reader"],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=env,
        start_new_session=True,
    )
    os.close(secondary)
    shown: list[bytes] = []

    def drain() -> None:  # the screen's bytes, read so the app never waits to write them
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                return
            if not chunk:
                return
            shown.append(chunk)

    threading.Thread(target=drain, daemon=True).start()
    try:
        _until(lambda: b"available offline" in b"".join(shown), "the headlines on screen")
        os.write(main, b"\x1a")  # Ctrl-Z
        _until(lambda: _state(process.pid) == "T", "the reader stopped")
        time.sleep(1)
        assert _state(process.pid) == "T"  # and it stays stopped
        process.send_signal(signal.SIGCONT)  # what the shell's `fg` sends
        _until(lambda: _state(process.pid) != "T", "the reader going on")
        os.write(main, b"Q")
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(main)
