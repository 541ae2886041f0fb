"""The lines a store's failures are said in, as `StoreError`s: a full disk, a read-only
directory, one held by another program or by `reader repair`, a cache file damaged (which, and
what to do), replaced under the reader, another user's. `directory` raises them; here, what
they say, each in one place.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..models import StoreError, Unwritable
from .cache_files import CACHE_FILES, damaged_file, failing_check, unwritable_file
from .caches import ReplacedFile, read_only
from .ownership import disk_full, refused_write


def os_error(root: Path, error: OSError) -> StoreError:
    """An OS error writing under `root` in the words that name its cause: a full disk as every
    full disk is said (exit 75: a diskcache value's file on a full disk was "cannot use the data
    directory", exit 1, acc43b B2), a folder or file of another user's by its owner (B1)."""
    if disk_full(error):
        return refused_error(root, Unwritable.DISK_FULL)
    if said := refused_write(root, error):
        return StoreError(said)
    return StoreError(f"cannot use the data directory {root}: {error.strerror or error}")


def mending_error(root: Path) -> StoreError:
    """The error of a store not opened, or no longer open (`InUseLock.lost`): `reader repair`
    holds the directory alone."""
    return StoreError(
        f"`reader repair` is mending the data directory {root}: try again once it has ended"
        " (nothing was changed)",
        Unwritable.BUSY,  # exit 75 (EX_TEMPFAIL): a later try runs
    )


def busy_error(root: Path, waited: float) -> StoreError:
    """The store held by another program past SQLite's wait (acc31a F19: diskcache's Timeout
    was a traceback, and the reader's end)."""
    return StoreError(
        f"the data directory {root} is busy: another program holds it (another reader command,"
        f" a backup or sync tool) and did not let go in {waited:g} s: try again",
        Unwritable.BUSY,
    )


def write_refused(error: sqlite3.DatabaseError) -> bool:
    return "readonly" in str(error) or "read-only" in str(error)


def database_full(error: sqlite3.DatabaseError) -> bool:
    # SQLite can't even open its journal when no byte is left: that, too, is a full disk.
    return "full" in str(error) or "disk I/O error" in str(error)


def refused_error(root: Path, why: Unwritable) -> StoreError:
    """A write to `root` refused: its disk full, the directory read-only, or one of its cache
    files, named (its directory writable: "the data directory is read-only" sent the user to
    a directory that was not, 15 times over; acc49a A7)."""
    if why != Unwritable.DISK_FULL and not read_only(root) and (named := unwritable_file(root)):
        path, holds = named
        return StoreError(
            f"the cache file {path} ({holds}) can't be written, though its directory can"
            " (made immutable, `lsattr` shows an i, or read-only): what is cached reads,"
            " nothing new is kept in it",
            Unwritable.FILE_READ_ONLY,
        )
    if why == Unwritable.DISK_FULL:
        return StoreError(
            f"the disk holding {root} is full (or failing): nothing more could be kept,"
            " nothing kept before was lost",
            why,
        )
    return StoreError(
        f"the data directory {root} is read-only: reading works, nothing new can be cached", why
    )


def storage_error(root: Path, error: sqlite3.DatabaseError) -> StoreError:
    text = str(error)
    if isinstance(error, ReplacedFile):
        holds = dict(CACHE_FILES).get(Path(error.path).parent.name, "")
        return StoreError(
            f"the cache file {error.path}{f' ({holds})' if holds else ''} was replaced by"
            " another program (a file sync?) while the reader had it open: nothing more is"
            " written to it, nothing of the new one changed; start the reader again to read it"
        )
    if database_full(error):
        # A disk the kernel made read-only under the open store (ext4's errors=remount-ro)
        # fails SQLite's writes as an I/O error, not as read-only: it was said "full" (acc49a A5).
        failed = "full" not in text and read_only(root)
        return refused_error(root, Unwritable.READ_ONLY if failed else Unwritable.DISK_FULL)
    if write_refused(error):
        return refused_error(root, Unwritable.READ_ONLY)
    if "not a database" in text or "malformed" in text:
        if named := damaged_file(root):
            path, holds = named
            return StoreError(
                f"the cache file {path} ({holds}) is damaged ({text}); move it aside to start "
                "it afresh (nothing was deleted)"
            )
        # A page inside damaged, the file's header sound: most of its records still read.
        named = failing_check(root)
        where = f"the cache file {named[0]} ({named[1]})" if named else f"a cache file under {root}"
        return StoreError(
            f"{where} is damaged ({text}): `reader repair` copies out every record that still"
            " reads, the damaged file kept beside it (nothing was deleted)"
        )
    return StoreError(f"cache error in {root}: {text}")
