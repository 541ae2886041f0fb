"""The real reader as a person runs it: `python -m reader` in a pseudo-terminal of its own,
the screen's bytes read as they come (so it never waits to write them), for tests of what only
a real terminal shows (keys typed before the screen is up, Ctrl-Z)."""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path


def sized(fd: int, rows: int, columns: int) -> None:
    """The terminal `fd` is one end of made `rows` × `columns`, as a window of that size sets
    it: the reader takes its size from the terminal, not from COLUMNS and LINES (acc51a A10),
    and a pty is made 0 × 0."""
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))


def readable(fd: int, timeout: float) -> bool:
    """`fd` has something to read within `timeout` seconds. By poll, not select: a test run's
    process holds over a thousand descriptors by its late tests (the apps run in it), and
    select takes none numbered 1024 or more ("filedescriptor out of range")."""
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return bool(poller.poll(timeout * 1000))


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
def reader_in_pty(
    data_dir: Path,
    rows: int = 30,
    columns: int = 100,
    errors_to: Path | None = None,
    environment: dict[str, str | None] | None = None,
    cwd: Path | None = None,
    inside: Sequence[str] = (),
) -> Iterator[PtyReader]:
    """The reader on `data_dir` in a terminal of `rows` × `columns`, its errors written there
    too or to the file `errors_to` (`reader 2>log`); killed if still running at the end.
    `environment`: variables set (TERM=vt100), or taken away (None), for this run; `cwd`: the
    directory it runs in, whose `reader` package `-m` takes first (a copy of it). `inside`:
    the command it is run by (GNU screen's, the reader in a window of its own)."""
    main, secondary = os.openpty()
    sized(secondary, rows, columns)
    env = {**os.environ, "READER_HOME": str(data_dir), "TERM": "xterm-256color"}
    for name, value in (environment or {}).items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    with open(errors_to or os.devnull, "wb") as errors:
        process = subprocess.Popen(
            [*inside, sys.executable, "-m", "reader"],
            stdin=secondary,
            stdout=secondary,
            stderr=secondary if errors_to is None else errors,
            env=env,
            start_new_session=True,
            cwd=cwd,
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


def stderr_on_a_terminal(
    args: list[str],
    env: dict[str, str],
    columns: int,
    rows: int = 15,
    cwd: Path | None = None,
    stdout_too: bool = False,
) -> tuple[bytes, float]:
    """`python -m reader *args` (in `env`) with its stderr a terminal `columns` × `rows`
    (`stdout_too`: its stdout as well, `reader list` typed at a prompt): all it wrote there,
    escapes and all, and the seconds it ran."""
    main, secondary = os.openpty()
    sized(secondary, rows, columns)
    began = time.monotonic()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "reader", *args],
            env=env,
            stdout=secondary if stdout_too else subprocess.DEVNULL,
            stderr=secondary,
            cwd=cwd,
        )
    finally:
        os.close(secondary)
    drawn = b""
    try:
        while True:
            if not readable(main, 0.5):
                if process.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(main, 65536)
            except OSError:  # it ended, its terminal closed
                break
            if not chunk:
                break
            drawn += chunk
        process.wait(timeout=300)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main)
    return drawn, time.monotonic() - began
