"""Where the processes the reader starts write their errors while its screen is up: the data
directory's `errors.log`, not the terminal.

A worker process inherits the reader's error output (descriptor 2), which is the terminal the
screen is drawn on (Textual draws on it). One that could not start (the reader's files changed
under it: an upgrade) had Python print its traceback there, over the screen, from its first
line, before any of the reader's code runs in it; so did a graphical browser's messages, and
the resource tracker's. While the screen is the reader's, descriptor 2 is the log, and the
screen is drawn on a copy of the terminal's descriptor; given back to the terminal whenever the
reader steps aside (a program run in the terminal, Ctrl-Z) and as it quits, where its own last
lines are said. What a real bug's traceback says is kept in the log, to be found there.

What the reader writes there itself comes under a line of its own saying when and from which
program ("--- 2026-12-07T12:41:06Z browser, given https://…"): a browser it starts, a
`[[command]]`'s errors past the first line the status line says (acc48d D5).
"""

from __future__ import annotations

import os
import stat
import sys
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from ..program_errors import SAID_AT_MOST, first_written

LOG_NAME = "errors.log"
KEPT_AT_MOST = 1 << 20
"""Bytes of the log kept from one start to the next: a longer one is started afresh."""
READ_BACK = 64 * 1024
"""Bytes of what a program wrote read back from the log to be said (`written_since`)."""


def first_line(text: str) -> str:
    """The first line of `text` with anything on it (`program_errors.first_written`), made
    safe to say (`display.plain`, the screen's one door for untrusted text)."""
    from .display import plain

    return plain(first_written(text), max_length=SAID_AT_MOST).plain


def heading(source: str) -> str:
    """The line that comes before what `source` (a program, as the user knows it) writes in
    the log: when, and which."""
    when = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"--- {when} {' '.join(source.split())}\n"


class ErrorOutput:
    """The reader's error output, the terminal (`terminal`, a copy of it) or the log by turns."""

    def __init__(self, log: int, terminal: IO[str], path: Path) -> None:
        self._log = log
        self._path = path
        self.terminal = terminal
        """The terminal, to draw the screen on (a descriptor of its own, never the log)."""

    @classmethod
    def opened(cls, data_dir: Path) -> ErrorOutput | None:
        """The log of `data_dir` opened, and a copy of the terminal taken; None where there is
        none to write (a read-only directory, a stray entry under its name, no terminal): the
        errors go to the terminal, as before."""
        path = data_dir / LOG_NAME
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT
        for name in ("O_CLOEXEC", "O_NOFOLLOW", "O_NONBLOCK"):  # POSIX's
            flags |= getattr(os, name, 0)
        try:
            log = os.open(path, flags, 0o600)
        except OSError:
            return None
        try:
            found = os.fstat(log)
            if not stat.S_ISREG(found.st_mode) or found.st_nlink != 1:
                # Someone's file (a second name planted here) or a pipe: never written through.
                os.close(log)
                return None
            if found.st_size > KEPT_AT_MOST:
                os.ftruncate(log, 0)
            stderr = sys.__stderr__
            if stderr is None:
                os.close(log)
                return None
            # Not inherited (os.dup's copies are not): no child is given the terminal this way.
            copy = os.dup(stderr.fileno())
        except (OSError, ValueError):
            os.close(log)
            return None
        try:
            # Closed by `close`.
            terminal = open(copy, "w", encoding=stderr.encoding, errors=stderr.errors)  # noqa: SIM115
        except (OSError, ValueError):
            os.close(copy)
            os.close(log)
            return None
        return cls(log, terminal, path)

    @property
    def path(self) -> Path:
        """Where the log is."""
        return self._path

    def headed(self, source: str) -> int:
        """`heading(source)` written, for what `source` writes next; where the log ends after it
        (for `written_since`)."""
        self.kept(source, "")
        try:
            return os.fstat(self._log).st_size
        except OSError:
            return 0

    def kept(self, source: str, text: str) -> None:
        """`text` (from `source`) written in the log under its heading."""
        if text and not text.endswith("\n"):
            text += "\n"
        with suppress(OSError):
            os.write(self._log, (heading(source) + text).encode("utf-8", "replace"))

    def written_since(self, mark: int) -> str:
        """What was written in the log after `mark` (`headed`'s), its first `READ_BACK` bytes."""
        try:
            with open(self._path, "rb") as log:
                log.seek(mark)
                return log.read(READ_BACK).decode("utf-8", "replace")
        except OSError:
            return ""

    def to_log(self) -> None:
        """Descriptor 2 is the log: the screen is the reader's."""
        with suppress(OSError, ValueError):
            if sys.__stderr__ is not None:
                sys.__stderr__.flush()  # what the reader wrote before goes to the terminal
            os.dup2(self._log, 2)

    def to_terminal(self) -> None:
        """Descriptor 2 is the terminal again: the screen is given back."""
        with suppress(OSError, ValueError):
            os.dup2(self.terminal.fileno(), 2)

    def close(self) -> None:
        """The terminal back on descriptor 2 for good, the copies closed."""
        self.to_terminal()
        with suppress(OSError):
            self.terminal.close()
        with suppress(OSError):
            os.close(self._log)
