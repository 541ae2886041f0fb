"""The index of an SQLite file's write-ahead log (its `-shm` file) kept on real disk blocks.

SQLite maps the `-shm` file into memory and writes it through the map. As it grows the file it
writes one byte at the end of each 4 KiB page of it, which on a file system of 4 KiB blocks
gives the page its block; on one of 1 KiB blocks (what `mkfs.ext4` makes of any disk under
512 MB: a small /home, a USB stick) the page's first three blocks stay holes, given a block
only as the map first touches them. On a full disk there is none to give, and the touch kills
the process with SIGBUS: every command, and the reader at its start, died with "Bus error"
once a sync had filled such a disk (acc49a A1).

So before a connection that may write the file is opened, `room_for_log_index` says whether
the disk holds what the file still needs; once opened, `back_log_index` gives the file every
block it needs (`posix_fallocate`, which writes no byte of it) and one region ahead, for the
log to grow into; after each commit it looks again. Where there is no room, the file is read
with SQLite's `readonly_shm`, which never writes the `-shm` file (`read_only_uri`).
"""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

REGION = 32 << 10
"""Bytes of the -shm file SQLite maps at a time: a hash table of the log's frames."""
_FIRST_REGION_FRAMES = 4062  # the first region's header takes the room of 34 frames
_REGION_FRAMES = 4096
_WAL_HEADER = 32
_FRAME_HEADER = 24
SLACK = 16 << 10
"""Bytes beyond the -shm file's own that giving it its blocks may take (the file system's
record of where they are)."""
_DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})


def shm_path(db: Path) -> Path:
    return db.with_name(db.name + "-shm")


def _log_frames(db: Path) -> int:
    """Frames in `db`'s write-ahead log (0 when there is none)."""
    try:
        with open(db.with_name(db.name + "-wal"), "rb") as log:
            header = log.read(_WAL_HEADER)
            size = os.fstat(log.fileno()).st_size
    except OSError:
        return 0
    if len(header) < _WAL_HEADER:
        return 0
    page = int.from_bytes(header[8:12], "big") or 65536  # 1 stands for 64 KiB
    return max(0, size - _WAL_HEADER) // (page + _FRAME_HEADER)


def needed_bytes(db: Path) -> int:
    """Bytes of `db`'s -shm file that index its log's frames as they are now."""
    return _indexing(_log_frames(db))


def needed_for(log_bytes: int, page_size: int) -> int:
    """Bytes of a -shm file that index a log of `log_bytes` of pages of `page_size`."""
    return _indexing(max(0, log_bytes - _WAL_HEADER) // (page_size + _FRAME_HEADER))


def _indexing(frames: int) -> int:
    beyond_first = max(0, frames - _FIRST_REGION_FRAMES)
    return REGION * (1 + -(-beyond_first // _REGION_FRAMES))


def _allocated(path: Path) -> int:
    try:
        return os.stat(path).st_blocks * 512
    except OSError:
        return 0


def room_for_log_index(db: Path) -> bool:
    """Whether the disk holding `db` has the blocks its -shm file still needs to index the log
    as it is: SQLite's first connection to it empties it and builds it again, touching it."""
    try:
        room = os.statvfs(db.parent)
    except OSError:
        return True  # no directory yet: whatever makes it says what is wrong
    short = needed_bytes(db) - _allocated(shm_path(db)) + SLACK
    return room.f_bavail * room.f_frsize >= short


def back_log_index(db: Path, ahead: int = 1) -> int:
    """`db`'s -shm file given a block for each of its bytes that indexes the log as it is (an
    OSError, ENOSPC, when the disk has none), then `ahead` regions more as the disk has room:
    the bytes now backed. Called with a connection to `db` open, so that no other program's
    first connection empties the file meanwhile. A file SQLite has not made, or one that can't
    be given blocks for another reason (a file system that has no way to), is left as it is."""
    needed = needed_bytes(db)
    fd = _held_open(shm_path(db))
    if fd is None:
        return 0
    for size in (needed, needed + ahead * REGION):
        try:
            os.posix_fallocate(fd, 0, size)
        except OSError as error:
            if error.errno in _DISK_FULL and size == needed:
                raise
            return 0 if size == needed else needed
    return needed + ahead * REGION


_held: dict[Path, tuple[int, int, int]] = {}
"""The descriptor of each -shm file this process gives blocks to, by path, with the device and
inode it is open on."""
_held_made = threading.Lock()


def _held_open(shm: Path) -> int | None:
    """A descriptor of `shm` kept open for the process's life: closing one would let go of every
    lock the process holds on the file, SQLite's own with them, and another program's first
    connection would then empty the file under this one's map (SIGBUS)."""
    try:
        found = os.stat(shm)
    except OSError:
        return None
    with _held_made:
        held = _held.get(shm)
        if held is not None and held[1:] == (found.st_dev, found.st_ino):
            return held[0]
        try:
            fd = os.open(shm, os.O_RDWR | os.O_NOFOLLOW | os.O_CLOEXEC)
        except OSError:
            return None
        if held is not None:
            # Another file now: SQLite has let go of the old one (deleted as its last
            # connection closed), so no lock of its is there to lose.
            os.close(held[0])
        opened = os.fstat(fd)
        _held[shm] = (fd, opened.st_dev, opened.st_ino)
        return fd
