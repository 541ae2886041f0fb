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
    the bytes now backed. Called by a thread with a connection to `db` open (so that SQLite
    has the file open, and no other program's first connection empties it meanwhile). A file
    that can't be given blocks for another reason (a file system with no way to, no /proc to
    find SQLite's descriptor of it in) is left as it is."""
    needed = needed_bytes(db)
    fd = _sqlite_descriptor(shm_path(db))
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


_found: dict[tuple[int, int], int] = {}
"""SQLite's descriptor of each -shm file, by its device and inode."""


def _sqlite_descriptor(shm: Path) -> int | None:
    """SQLite's own descriptor of `shm`, open while the caller's connection is. Not one of our
    own: closing it would let go of every lock the process holds on the file, SQLite's with
    them, and another program's first connection would empty the file under this one's map
    (SIGBUS); kept open, it held the disk from being remounted read-only."""
    try:
        found = os.stat(shm)
    except OSError:
        return None
    inode = (found.st_dev, found.st_ino)
    fd = _found.get(inode)
    if fd is not None and _is(fd, inode):
        return fd
    try:
        listed = os.listdir("/proc/self/fd")
    except OSError:
        return None
    for name in listed:
        if name.isdigit() and _is(int(name), inode):
            _found[inode] = int(name)
            return int(name)
    return None


def _is(fd: int, inode: tuple[int, int]) -> bool:
    try:
        found = os.fstat(fd)
    except OSError:
        return False
    return (found.st_dev, found.st_ino) == inode
