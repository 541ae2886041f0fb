"""One sync at a time in a data directory (`SyncLock`), one reader (`ReaderLock`), and no
repair while it is open (`InUseLock`), nor in an upgrade's moment (`UpgradeLock`).

Two syncs at once (a cron sync that overran its hour, one typed by hand, the reader's `S`)
each downloaded and extracted every article: twice the traffic to every site, twice the time,
and no word of the other. A sync holds an exclusive lock on `sync.lock` in the data directory
while it runs; the file says which process holds it. The lock is the system's (`flock`): it goes
with its process however that ends (kill -9, a power cut), so it is never left stale. The file is
data in a directory that may come from elsewhere: a link or another file's second name planted
under its name is never written through (acc29c S4: a link to a file had it truncated). Nor does
it turn the lock off (acc41b B6: two syncs side by side, with no word): such an entry is not
someone's file but a stray one in the reader's own directory, so its name is taken back (the
link itself unlinked, never what it leads to; a directory moved aside) and a lock file of the
reader's own made in its place.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from .safe import safe_line

try:
    import fcntl
except ImportError:  # not on POSIX: syncs are not kept apart
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "sync.lock"
SYNC_WAIT = 10 * 60.0
"""How long a second `reader sync` waits for the one running before it gives up with exit 75
(the config's `[system] sync_wait`, and `--wait` over it). Unbounded, a sync stuck (stopped with Ctrl-Z, a suspended terminal, a hung
NFS read) held every later cron run waiting, silently, one more process an hour (acc46c F2); ten
minutes lets a long sync end, and the README's cron recipe, which tries a 75 again ten minutes
later, keeps at most two waiting behind a stuck one."""
_WAIT_STEP = 0.2
"""How often a bounded wait tries the lock again (`flock` itself has no time limit)."""
_OPEN_AS_IS = os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
"""The lock file opened itself, never a file a link under its name leads to, and at once (a
pipe planted under its name would hold `open` until something writes to it)."""


def _entry_ours(path: Path, fd: int | None = None) -> bool | None:
    """Whether the entry at `path` itself (not followed) is a lock file as the reader leaves one
    (and, given `fd`, the very file `fd` is open on); None when there is none."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return None
    if fd is not None:
        opened = os.fstat(fd)
        if (opened.st_dev, opened.st_ino) != (found.st_dev, found.st_ino):
            return None  # replaced since: open it again
    return stat.S_ISREG(found.st_mode) and found.st_nlink == 1


def _open_lock(path: Path, flags: int) -> int:
    """A descriptor on the lock file at `path`, a plain file with no other name, made if need
    be. A link, a second name, a pipe or a directory planted there is taken out of the way
    first, never opened or written through: `OSError` only when the directory refuses (read-only,
    full)."""
    while True:
        try:
            # The user's alone (acc52b-5): `flock` takes a read-only descriptor, so a lock
            # file others may read is theirs to hold, every cron sync of the owner's refused.
            fd = os.open(path, flags | os.O_CREAT | _OPEN_AS_IS, 0o600)
        except OSError:
            if _entry_ours(path) is not False:
                raise  # a read-only or full directory, not a stray entry
            _take_name_back(path)
            continue
        if _ours(fd) and _entry_ours(path, fd):
            _close_to_others(fd)
            return fd
        os.close(fd)
        if _entry_ours(path) is False:
            _take_name_back(path)


def _close_to_others(fd: int) -> None:
    """An older lock file of the user's (0644, from before) made the user's alone."""
    with contextlib.suppress(OSError):
        found = os.fstat(fd)
        if found.st_uid == os.geteuid() and found.st_mode & 0o077:
            os.fchmod(fd, 0o600)


def _flock_holders(fd: int) -> list[int] | None:
    """The processes holding a `flock` on the file `fd` is open on, as /proc/locks lists them;
    None when that can't be known (no /proc, another system)."""
    found = os.fstat(fd)
    inode = f"{os.major(found.st_dev):02x}:{os.minor(found.st_dev):02x}:{found.st_ino}"
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as listed:
            rows = [line.split() for line in listed]
    except OSError:
        return None
    return [
        int(row[4])
        for row in rows
        if len(row) > 5 and row[1] == "FLOCK" and row[5] == inode and row[4].isdigit()
    ]


def _take_name_back(path: Path) -> None:
    """Clear a stray entry from the lock's name. Processes taking it at once do this one at a
    time (the directory's own flock), each looking again first: one never removes the fresh lock
    file another has just made and locked."""
    dir_fd = os.open(path.parent, os.O_RDONLY | os.O_CLOEXEC)
    try:
        if fcntl is not None:
            fcntl.flock(dir_fd, fcntl.LOCK_EX)
        if _entry_ours(path) is not False:
            return  # gone, or put right by another process meanwhile
        if stat.S_ISDIR(os.lstat(path).st_mode):
            os.rename(path, path.with_name(f"{path.name}.not-a-lock-{os.getpid()}"))
        else:
            os.unlink(path)  # the link itself: what it leads to is untouched
    finally:
        os.close(dir_fd)


def _ours(fd: int) -> bool:
    """Whether `fd` is a lock file as a sync leaves one: a regular file with no other name (a
    hard link planted under the lock's name is someone's file, not to be written over)."""
    found = os.fstat(fd)
    return stat.S_ISREG(found.st_mode) and found.st_nlink == 1


class SyncLock:
    """The data directory's sync lock, taken by this process or not."""

    name = LOCK_NAME

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / self.name
        self._fd: int | None = None

    def take(self, wait: float = 0) -> bool:
        """Take the lock: at once, or (`wait`) once the sync holding it ends if that is within
        `wait` seconds; True when this process holds it."""
        if self._fd is not None:
            return True
        try:
            fd = _open_lock(self.path, os.O_RDWR)
        except OSError:
            # A read-only or full data directory: no lock to take, and the sync says in its
            # own words that nothing new can be kept.
            return True
        if fcntl is not None:
            try:
                taken = _flock_within(fd, wait)
            except BaseException:  # Ctrl-C while waiting
                os.close(fd)
                raise
            if not taken:
                os.close(fd)
                return False
        with contextlib.suppress(OSError):  # the lock holds without its note
            if _ours(fd):
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return True

    def holder(self) -> int | None:
        """The process id the lock file names (the sync holding it), if it names one."""
        try:
            fd = os.open(self.path, os.O_RDONLY | _OPEN_AS_IS)
        except OSError:
            return None
        try:
            text = os.read(fd, 32).decode("ascii", errors="replace").strip() if _ours(fd) else ""
            holders = _flock_holders(fd)
        except OSError:
            return None
        finally:
            os.close(fd)
        noted = int(text) if text.isdigit() else None
        if holders is None or noted in holders:
            return noted
        # The note is an earlier sync's: the lock is held by a process that wrote none, as
        # another user's `flock` on a lock file others could read (acc52b-5). That one named,
        # never the stale pid.
        return holders[0] if holders else None

    def holder_said(self) -> str:
        """Who holds the lock, as a sentence's subject: "another sync (pid N)", or, when the
        process is another user's (holding the lock file of a library others may read),
        whose it is: the owner's sync was told of a sync that did not exist (acc52b-5)."""
        pid = self.holder()
        if not pid:
            return "another sync"
        try:
            owner = os.stat(f"/proc/{pid}").st_uid
        except OSError:
            owner = os.geteuid()  # not known: as the sync its note names
        if owner == os.geteuid():
            return f"another sync (pid {pid})"
        from .store.ownership import user_name

        return f"a process of {safe_line(user_name(owner), 64)}'s (pid {pid})"

    def held_for(self) -> float | None:
        """Seconds since the holder took the lock (it writes its note then), if known."""
        try:
            return max(0.0, time.time() - os.lstat(self.path).st_mtime)
        except OSError:
            return None

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the last descriptor lets the lock go
            self._fd = None


def _flock_within(fd: int, wait: float) -> bool:
    """Whether the exclusive `flock` on `fd` was taken within `wait` seconds (0: at once)."""
    deadline = time.monotonic() + wait
    while True:
        if _flock_now(fd, fcntl.LOCK_EX):
            return True
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        time.sleep(min(_WAIT_STEP, left))


def _flock_now(fd: int, how: int) -> bool:
    """Whether the `flock` `how` (shared or exclusive) on `fd` was taken at once: False when
    another process holds it so that it can't be."""
    try:
        fcntl.flock(fd, how | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


class ReaderLock(SyncLock):
    """One reader (the TUI) at a time in a data directory, as newsboat has it. Two kept their
    lists and marks apart: neither saw what the other wrote, and one's `U` after its `A` made
    unread again a feed the other had caught up (acc37a H1). The commands (`reader list`,
    `show`, a cron's `sync`) run beside it, as before."""

    name = "reader.lock"


IN_USE_NAME = "in-use.lock"
_ALONE_HERE: set[Path] = set()
"""The data directories this process holds alone (`InUseLock.take(alone=True)`)."""


class UpgradeLock(SyncLock):
    """Held by a process while it switches its hold on the in-use lock (`InUseLock`): an
    upgrade of the directory's format taking it alone for its write and sharing it again, and
    `reader repair` as it takes it alone. The system's `flock` switches a shared hold to an
    exclusive one by letting it go first (not atomic, flock(2)): `reader repair` could take the
    in-use lock in between, and mend files a reader still had open; and a switch refused let the
    shared hold go for good. With this lock held first, none takes it meanwhile."""

    name = "upgrade.lock"


SWITCH_WAIT = 30.0
"""Seconds a store opening, or `reader repair`, waits for a switch under way (`UpgradeLock`):
the upgrade's one write, which waits SQLite's 30 s at most for another program holding the
store. One that would not end was taken for `reader repair` mending, refused at once."""


class InUseLock:
    """A data directory held open. Every store opened on it shares this lock for as long as
    it is open; `reader repair` takes it alone, and so mends no file a reader is writing: run
    beside an open reader, repair set the damaged file aside while the reader kept its handle
    on it, and every mark, place and save made after went into the copy set aside (acc32a
    A21). Like the sync lock, the system's: it goes with its process, never stale. Held alone
    only with the `UpgradeLock` held meanwhile, by an upgrade or repair."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / IN_USE_NAME
        self._dir = data_dir
        self._key = data_dir.absolute()
        self._fd: int | None = None
        self._alone = False
        self.lost = False
        """Whether the shared hold was let go by a switch and could not be taken back (an
        older reader's `reader repair`, which knows no `UpgradeLock`, took the lock alone in
        between): the store must close, and read nothing more."""

    def take(self, alone: bool = False) -> bool:
        """Take the lock, shared or `alone`, at once, or once the switch under way ends (an
        upgrade's moment alone, `SWITCH_WAIT`): True when held (or when there is none to take:
        a read-only directory, no `flock`)."""
        if self._fd is not None or fcntl is None:
            return True
        try:
            fd = _open_lock(self.path, os.O_RDONLY)
        except OSError:
            return True  # a read-only directory: none to take
        how = fcntl.LOCK_EX if alone else fcntl.LOCK_SH
        try:
            if alone:  # never in an upgrade's moment alone: taken after it
                with self._switching(SWITCH_WAIT) as switching:
                    taken = switching and _flock_now(fd, how)
            else:
                # Held alone by another: `reader repair` (refused), or an upgrade's moment
                # (waited for, then shared: "repair is mending" was said of it).
                taken = _flock_now(fd, how)
                if not taken:
                    with self._switching(SWITCH_WAIT) as switching:
                        taken = switching and _flock_now(fd, how)
        except OSError:
            taken = False
        if not taken:
            os.close(fd)
            return False
        self._fd, self._alone = fd, alone
        if alone:
            _ALONE_HERE.add(self._key)
        return True

    @contextlib.contextmanager
    def _switching(self, wait: float) -> Iterator[bool]:
        """The `UpgradeLock` held for the block, if taken within `wait` seconds (yields
        whether it was)."""
        switch = UpgradeLock(self._dir)
        taken = switch.take(wait)
        try:
            yield taken
        finally:
            switch.release()

    def held_alone_here(self) -> bool:
        """Whether this very process holds the directory alone: `reader repair` opening the
        store it mends."""
        return self._key in _ALONE_HERE

    @contextlib.contextmanager
    def alone_for_now(self) -> Iterator[bool]:
        """The lock held alone for the block when no other process holds it (yields whether it
        is), shared again after: an upgrade of the directory's format made while no older
        reader has it open, none opening it meanwhile (acc47d D2, D3: an older sync or reader
        left open went on writing into a directory upgraded under it). The switch, there and
        back, is made with the `UpgradeLock` held: no `reader repair` takes it in between, and
        a shared hold the switch let go (refused: another process has it open) is taken back.
        `lost` says when it could not be."""
        if self._fd is None or fcntl is None or self._alone or self.held_alone_here():
            yield True  # none to take (a read-only directory), or `reader repair`'s already
            return
        with self._switching(SWITCH_WAIT) as switching:
            alone = switching and _flock_now(self._fd, fcntl.LOCK_EX)
            try:
                yield alone
            finally:
                # Shared again (or, refused, taken back): what could hold it alone meanwhile
                # is an older reader's repair alone, which knows no `UpgradeLock`. None: let go
                # with the store, closed in the block.
                if self._fd is not None and not _flock_now(self._fd, fcntl.LOCK_SH):
                    self.release()
                    self.lost = True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
            if self._alone:
                _ALONE_HERE.discard(self._key)


def _held_elsewhere(lock: SyncLock) -> int | None:
    """The process id of another process holding `lock` (its file names it), if one does."""
    pid = lock.holder()
    if pid is None or pid == os.getpid() or fcntl is None:
        return None
    try:
        fd = os.open(lock.path, os.O_RDONLY | _OPEN_AS_IS)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return pid  # held: by the process its note names
    finally:
        os.close(fd)  # taken, it is let go with the descriptor
    return None


def open_elsewhere_said(data_dir: Path) -> str:
    """Which other process has the data directory open, in a few words: the reader left open
    (its lock names it), a running sync, or another command."""
    if pid := _held_elsewhere(ReaderLock(data_dir)):
        return f"the reader (pid {pid}) is open on it: quit it"
    if pid := _held_elsewhere(SyncLock(data_dir)):
        return f"a sync (pid {pid}) is running: let it end"
    return "another reader command or worker has it open: let it end"
