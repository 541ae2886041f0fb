"""The real reader as a person runs it: `python -m reader` in a pseudo-terminal of its own,
the screen's bytes read as they come (so it never waits to write them), for tests of what only
a real terminal shows (keys typed before the screen is up, Ctrl-Z)."""

from __future__ import annotations

import fcntl
import os
import struct
import subprocess
import sys
import termios
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class PtyReader:
    process: subprocess.Popen[bytes]
    terminal: int  # the terminal's side: what is written here is typed
    shown: list[bytes] = field(default_factory=list)

    def screen(self) -> bytes:
        return b"".join(self.shown)

    def type(self, keys: bytes) -> None:
        os.write(self.terminal, keys)


@contextmanager
def reader_in_pty(data_dir: Path, rows: int = 30, columns: int = 100) -> Iterator[PtyReader]:
    """The reader on `data_dir` in a terminal of `rows` × `columns`; killed if still running
    at the end."""
    main, secondary = os.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = {**os.environ, "READER_HOME": str(data_dir), "TERM": "xterm-256color"}
    process = subprocess.Popen(
        [sys.executable, "-m", "reader"],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=env,
        start_new_session=True,
    )
    os.close(secondary)
    running = PtyReader(process, main)

    def drain() -> None:
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                return
            if not chunk:
                return
            running.shown.append(chunk)

    threading.Thread(target=drain, daemon=True).start()
    try:
        yield running
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(main)
