"""One sync at a time in a data directory.

Two syncs at once (a cron sync that overran its hour, one typed by hand, the reader's `S`)
each downloaded and extracted every article: twice the traffic to every site, twice the time,
and no word of the other. A sync holds an exclusive lock on `sync.lock` in the data directory
while it runs; the file says which process holds it. The lock is the system's (`flock`): it goes
with its process however that ends (kill -9, a power cut), so it is never left stale.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on POSIX: syncs are not kept apart
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "sync.lock"


class SyncLock:
    """The data directory's sync lock, taken by this process or not."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_NAME
        self._fd: int | None = None

    def take(self, wait: bool = False) -> bool:
        """Take the lock: at once or not at all, or (`wait`) once the sync holding it ends;
        True when this process holds it."""
        if self._fd is not None:
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError:
            # A read-only or full data directory: no lock to take, and the sync says in its
            # own words that nothing new can be kept.
            return True
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError:
                os.close(fd)
                return False
            except BaseException:  # Ctrl-C while waiting
                os.close(fd)
                raise
        with contextlib.suppress(OSError):  # the lock holds without its note
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return True

    def holder(self) -> int | None:
        """The process id the lock file names (the sync holding it), if it names one."""
        try:
            text = self.path.read_text(encoding="ascii", errors="replace").strip()
        except OSError:
            return None
        return int(text) if text.isdigit() else None

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the last descriptor lets the lock go
            self._fd = None
