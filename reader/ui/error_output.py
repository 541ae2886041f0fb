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

    def __init__(self, terminal: IO[str], path: Path) -> None:
        self._log: int | None = None
        self._path = path
        self._screen_up = False
        self.terminal = terminal
        """The terminal, to draw the screen on (a descriptor of its own, never the log)."""

    @classmethod
    def opened(cls, data_dir: Path) -> ErrorOutput | None:
        """A copy of the terminal taken, to draw the screen on, for the log of `data_dir` once
        it is known to be a library to write in (`keep_log`); None where there is no terminal:
        the errors go to the terminal, as before."""
        stderr = sys.__stderr__
        if stderr is None:
            return None
        try:
            # Not inherited (os.dup's copies are not): no child is given the terminal this way.
            copy = os.dup(stderr.fileno())
        except (OSError, ValueError):
            return None
        try:
            # Closed by `close`.
            terminal = open(copy, "w", encoding=stderr.encoding, errors=stderr.errors)  # noqa: SIM115
        except (OSError, ValueError):
            os.close(copy)
            return None
        return cls(terminal, data_dir / LOG_NAME)

    def keep_log(self) -> bool:
        """The log opened (made where there is none) and, while the screen is up, descriptor 2;
        whether it is. Called once the library opened is one to write in: no file is made in
        one read as it is, keeping nothing (an older format, `n`, or `y` under a running sync:
        acc48d D10), and none where there is none to write (a read-only directory, a stray
        entry under its name): there the errors go to the terminal, as before."""
        if self._log is not None:
            return True
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT
        for name in ("O_CLOEXEC", "O_NOFOLLOW", "O_NONBLOCK"):  # POSIX's
            flags |= getattr(os, name, 0)
        try:
            log = os.open(self._path, flags, 0o600)
        except OSError:
            return False
        try:
            found = os.fstat(log)
            if not stat.S_ISREG(found.st_mode) or found.st_nlink != 1:
                # Someone's file (a second name planted here) or a pipe: never written through.
                os.close(log)
                return False
            if found.st_size > KEPT_AT_MOST:
                os.ftruncate(log, 0)
        except OSError:
            os.close(log)
            return False
        self._log = log
        if self._screen_up:
            self.to_log()
        return True

    @property
    def path(self) -> Path:
        """Where the log is."""
        return self._path

    def headed(self, source: str) -> int:
        """`heading(source)` written, for what `source` writes next; where the log ends after it
        (for `written_since`)."""
        self.kept(source, "")
        try:
            return os.fstat(self._log).st_size if self._log is not None else 0
        except OSError:
            return 0

    @property
    def kept_in_log(self) -> bool:
        """Whether there is a log (`keep_log`): the terminal has the errors otherwise."""
        return self._log is not None

    def kept(self, source: str, text: str) -> None:
        """`text` (from `source`) written in the log under its heading (nowhere with no log)."""
        if text and not text.endswith("\n"):
            text += "\n"
        if self._log is not None:
            with suppress(OSError):
                os.write(self._log, (heading(source) + text).encode("utf-8", "replace"))

    def written_since(self, mark: int) -> str:
        """What was written in the log after `mark` (`headed`'s), its first `READ_BACK` bytes."""
        if self._log is None:
            return ""
        try:
            with open(self._path, "rb") as log:
                log.seek(mark)
                return log.read(READ_BACK).decode("utf-8", "replace")
        except OSError:
            return ""

    def to_log(self) -> None:
        """Descriptor 2 is the log (once there is one): the screen is the reader's."""
        self._screen_up = True
        if self._log is None:
            return
        with suppress(OSError, ValueError):
            if sys.__stderr__ is not None:
                sys.__stderr__.flush()  # what the reader wrote before goes to the terminal
            os.dup2(self._log, 2)

    def to_terminal(self) -> None:
        """Descriptor 2 is the terminal again: the screen is given back."""
        self._screen_up = False
        if self._log is None:
            return  # never moved off it
        with suppress(OSError, ValueError):
            os.dup2(self.terminal.fileno(), 2)

    def close(self) -> None:
        """The terminal back on descriptor 2 for good, the copies closed."""
        self.to_terminal()
        with suppress(OSError):
            self.terminal.close()
        if self._log is not None:
            with suppress(OSError):
                os.close(self._log)
            self._log = None
