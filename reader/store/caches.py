"""How a data directory's two diskcache caches are opened without diskcache's own opening.

`diskcache.Cache()` writes as it opens: it records each of its settings again (a transaction
apiece), creates its tables and triggers if they are missing, then closes its connection and
opens another. The first write creates the SQLite write-ahead log afresh and the close
checkpoints it back into the database, syncing both to the disk: 35–50 ms a cache with ~4 ms of
CPU on a quiet machine, more when other programs keep the disk busy. Every reader start, `reader
list` and worker process paid it twice, before anything could be shown.

`open_cache` opens a cache already set up as asked without a write (its settings read, its
connection's pragmas set as diskcache sets them); anything else (a new directory, other
settings, a missing table, a damaged file, a full or read-only disk) goes through diskcache's
own opening, which sets it up or fails as it always has. `ReadOnlyCache` reads a cache that
can't be written at all. Both are built on diskcache 5.6's private `_con`/`_local`/`_disk`
(tests open a full disk's and a read-only directory's caches, and each kind of cache opened
here). Either way its rows are read by `DataDisk`: as data, never as code.

Both wait for another program holding the cache in short slices (`WaitingCache`), so that a
wait under way ends when the reader gives up waiting (`StoreDirectory.give_up_waiting`), not
when SQLite's 30 s it began with are over.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Protocol

import diskcache
from diskcache.core import DBNAME, DEFAULT_SETTINGS, METADATA

from ..log_index import REGION, back_log_index, needed_for, room_for_log_index, shm_path
from .data_disk import DataDisk

_SCHEMA = frozenset(
    {
        "Settings",
        "Cache",
        "Cache_key_raw",
        "Cache_expire_time",
        "Settings_count_insert",
        "Settings_count_delete",
        "Settings_size_insert",
        "Settings_size_update",
        "Settings_size_delete",
    }
)
"""The tables, indexes and triggers `diskcache.Cache()` creates in every cache."""
_ROOM_TO_OPEN = 1 << 20
"""Free bytes under which a cache is opened by diskcache itself: its writes tell a full disk,
which the store then opens to read only (`StoreDirectory`)."""


WAIT_SLICE = 0.25
"""Seconds of each of SQLite's waits for a holder, one after another until the whole wait is
over: a wait looks this often whether it has been cut short (`Waits.wait_ends`)."""


LOG_MOST = 16 << 20
"""Bytes of a cache's write-ahead log past which a commit empties it (`_keep_log_short`): four
times the 4 MB (1,000 pages) at which SQLite's own checkpoint after a commit begins, so that
that one does the work where it can, and well under a small machine's memory (the log is read
with the file)."""
CHECKPOINT_WAIT = 0.5
"""Seconds that checkpoint waits for the readers of the log, holding the lock writes take: with
readers that each held it 0.2 s, one always under way, a wait of 0.25 s most often ended with
them still there and the log grew to 68 MB, 0.5 s emptied it each time (`sync_wal.py`)."""
CHECKPOINT_BACKOFF = 32
"""Commits of a cache's after a checkpoint the readers kept from emptying the log, before the
next try."""


class Waits(Protocol):
    """How long a write waits for another program holding the cache (`StoreDirectory`)."""

    def wait_ends(self, started: float) -> float:
        """When (monotonic clock) a wait this thread began at `started` is over: read again
        after each slice, as it may come sooner meanwhile (the reader quitting)."""
        ...

    def wait_now(self) -> float:
        """Seconds a call made now in this thread waits for a holder."""
        ...


class _ThreadsClosing(diskcache.Cache):
    """A diskcache cache whose connection for each thread is closed as that thread ends
    (`_ClosedWithThread`), not only the caller's by `close`, and whose connections unmap
    their file when asked (`let_go_of_maps`)."""

    _maps_let_go = 0
    """`let_go_of_maps` calls: a thread's connection that has seen fewer unmaps its file."""

    @property
    def _con(self) -> sqlite3.Connection:
        """This thread's connection, made once, as diskcache makes it (`Cache._con`: its
        pragmas set from the settings), but for `_ClosedWithThread`."""
        local = self._local
        if getattr(local, "pid", None) != os.getpid():
            self.close()  # a forked process's copy of its parent's
            local.pid = os.getpid()
        con: sqlite3.Connection | None = getattr(local, "con", None)
        if con is None:
            con = local.con = self._connect()
            local.closing = _ClosedWithThread(con)
            local.maps_let_go = self._maps_let_go
            try:
                settings = con.execute("SELECT key, value FROM Settings").fetchall()
            except sqlite3.OperationalError:  # not set up yet: diskcache's opening does it
                return con
            for key, value in settings:
                if key.startswith("sqlite_"):
                    self.reset(key, value, update=False)
        elif getattr(local, "maps_let_go", 0) != self._maps_let_go:
            local.maps_let_go = self._maps_let_go
            # In its own thread, before its next statement (SQLite leaves the map as it is
            # while a statement still holds a page of it).
            remap(con, self.sqlite_mmap_size)
        return con

    def let_go_of_maps(self) -> None:
        """Each thread's memory map of the file unmapped, as the thread next uses the cache
        (see `remap`): a thread at rest keeps its own until then."""
        self._maps_let_go += 1

    def _connect(self) -> sqlite3.Connection:
        # Closed by the thread whose part of `_local` lets go of it, which is not always the
        # thread it was made in (`_ClosedWithThread`): it is only ever used in that one.
        return sqlite3.connect(
            os.path.join(self._directory, DBNAME),
            timeout=self._timeout,
            isolation_level=None,
            check_same_thread=False,
        )

    def close(self) -> None:
        super().close()
        with suppress(AttributeError):
            del self._local.closing


class ReplacedFile(sqlite3.DatabaseError):
    """The cache's file is no longer the one opened: another program (a file sync) put a new
    one in its place, or moved it away, while the reader had it open."""

    def __init__(self, path: str) -> None:
        super().__init__(f"{path} was replaced")
        self.path = path


def file_identity(path: str | Path) -> tuple[int, int] | None:
    """The device and inode of the file at `path`; None when there is none."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


class WaitingCache(_ThreadsClosing):
    """A diskcache cache whose writes wait for a holder in slices of `WAIT_SLICE` (see the
    module's docstring). A wait begun with SQLite's 30 s, in a thread the reader's quitting
    cannot reach (a sync's write), held the reader's end back that long.

    Its file is checked, at each write and each new connection, to be the one it opened
    (`opened_as`): a sync tool renames the other machine's copy over it while a reader is open,
    and the reader's log, written or replayed into that new file, left it damaged without a
    word (acc42b B3). Then `ReplacedFile` is raised: nothing is written to the new file."""

    waits: Waits | None = None
    """Whose waits these are; None: SQLite's own, in one go."""
    _checkpoint_after = 0
    """Commits of this cache's before its log is looked at again (`_keep_log_short`)."""
    opened_as: tuple[int, int] | None = None
    """The device and inode of the file opened (`open_cache`); None: not checked."""
    shm_backed = 0
    """Bytes of the -shm file given their blocks by this process (`log_index`)."""

    def check_same_file(self) -> None:
        """Raises ReplacedFile when the cache's file is no longer the one opened."""
        if self.opened_as is None:
            return
        path = os.path.join(self._directory, DBNAME)
        if file_identity(path) != self.opened_as:
            # The log beside it is the replaced file's: emptied into that file (through this
            # thread's connection to it, if any), or the next program to open the new one
            # would replay the old one's pages over it.
            if (con := getattr(self._local, "con", None)) is not None:
                with suppress(sqlite3.Error):
                    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            raise ReplacedFile(path)

    def _connect(self) -> sqlite3.Connection:
        self.check_same_file()  # a connection to the new file would replay the old one's log
        return super()._connect()

    @property
    def _sql(self) -> Callable[..., sqlite3.Cursor]:
        execute = self._con.execute
        waits = self.waits
        if waits is None and self.opened_as is None:
            return execute

        def sql(statement: str, *args: Any) -> sqlite3.Cursor:
            # diskcache's every write begins so (`_transact`); a failed BEGIN has done nothing.
            if statement == "BEGIN IMMEDIATE":
                self.check_same_file()
                if waits is None:
                    return execute(statement)
                return _begin_in_slices(execute, waits)
            return execute(statement, *args)

        return sql

    @contextmanager
    def _transact(
        self, retry: bool = False, filename: str | None = None
    ) -> Iterator[tuple[Callable[..., sqlite3.Cursor], Callable[[str | None], None]]]:
        """diskcache's transaction, the files of the values replaced or deleted inside a
        `transact()` removed once the whole of it has committed. diskcache removes them as
        each write inside it ends, before the commit: a transaction then undone (Ctrl-C, an
        error) or a process killed before its commit left rows naming deleted files, a feed's
        whole list of headlines read as missing and dropped (a command killed inside the
        rewrite of a list, `cut_summaries`). Undone, the files its writes made stay unnamed
        (`reader repair` deletes such files an hour on)."""
        if threading.get_ident() == self._txn_id:  # inside: the outer one removes them
            yield self._sql, self._replaced.append
            return
        replaced: list[str | None] = []
        with super()._transact(retry, filename) as (sql, cleanup):
            self._replaced = replaced
            yield sql, cleanup
        for name in replaced:
            if name is not None:
                self._disk.remove(name)
        self._keep_log_short()

    def _back_log_index(self, log_bytes: int) -> None:
        """The -shm file given its blocks ahead of the log growing into them (`log_index`):
        given none, the map's touch of one on a disk the log has just filled is SIGBUS."""
        if needed_for(log_bytes, self._page_size) + REGION <= self.shm_backed:
            return
        db = Path(self._directory, DBNAME)
        with suppress(OSError):  # no room: the log can't grow into it either
            backed = back_log_index(db)
            if not backed:  # a file system (or system) with no way to: not asked again
                self.shm_backed = 1 << 62
            self.shm_backed = max(self.shm_backed, backed)

    def _keep_log_short(self) -> None:
        """The write-ahead log emptied back into the file and cut to nothing once it has
        grown past `LOG_MOST`, after a commit. SQLite's own checkpoint after each commit
        copies only the pages no reader still reads an older copy of, and starts the log
        again from its beginning only once none does: with readers one after another, always
        one under way (a sync's threads and worker processes, the open reader's), neither
        ever came, and a long sync's log grew past its database (377 MB beside 120 MB, every
        read going through it, on a 300 MB machine: acc45c C1). A checkpoint that waits for
        them (TRUNCATE) gets there: the readers that start meanwhile read the file, not the
        log. It holds the lock writes take for at most `CHECKPOINT_WAIT`; when readers still
        hold the log then, it has copied what it could and the next try waits
        `CHECKPOINT_BACKOFF` commits of this cache's."""
        try:
            log_bytes = os.stat(os.path.join(self._directory, f"{DBNAME}-wal")).st_size
        except OSError:
            return
        self._back_log_index(log_bytes)
        if self._checkpoint_after > 0:
            self._checkpoint_after -= 1
            return
        if log_bytes <= LOG_MOST:
            return
        con = self._con
        waits = self.waits
        try:
            con.execute(f"PRAGMA busy_timeout = {_ms(CHECKPOINT_WAIT)}")
            ((busy, _, _),) = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except sqlite3.Error:  # a full disk, a damaged file: the next write says it
            busy = 1
        finally:
            with suppress(sqlite3.Error):
                wait = waits.wait_now() if waits is not None else self._timeout
                con.execute(f"PRAGMA busy_timeout = {_ms(wait)}")
        if busy:
            self._checkpoint_after = CHECKPOINT_BACKOFF


class _ClosedWithThread:
    """Closes a cache's connection for one thread (`diskcache.Cache._con`, kept in the thread's
    part of the cache's `threading.local`) when the thread ends, whose part of it is let go of
    then. `Cache.close` closes only its caller's: a connection is in a cycle with its own cache
    of statements, freed only by a full collection and never once frozen (`ui.collector`), so
    each thread that had used the store (the loop's `to_thread`, Textual's workers) kept its
    two caches' files open for good, 6-8 descriptors each: a test process's in-process readers
    held over 1,024 by its late tests (benchmarks/descriptors.py)."""

    __slots__ = ("__weakref__", "con")

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con

    def __del__(self) -> None:
        # As its thread ends, in it; or as the cache is let go of, in the thread that lets go
        # of it (the thread may live on: a pool's), none of them able to reach it any more.
        self.con.close()


def _begin_in_slices(execute: Callable[..., sqlite3.Cursor], waits: Waits) -> sqlite3.Cursor:
    """BEGIN IMMEDIATE, waiting for a holder `WAIT_SLICE` at a time until `waits` says the
    wait is over; then SQLite's "database is locked", as one long wait raises it."""
    started = time.monotonic()
    try:
        while True:
            left = waits.wait_ends(started) - time.monotonic()
            execute(f"PRAGMA busy_timeout = {_ms(min(WAIT_SLICE, left))}")
            try:
                return execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() >= waits.wait_ends(started):
                    raise
    finally:
        execute(f"PRAGMA busy_timeout = {_ms(waits.wait_now())}")


def remap(con: sqlite3.Connection, size: int) -> None:
    """`con`'s memory map of its file unmapped, mapped afresh by its next read (SQLite unmaps
    the file when the map's size changes).

    Each read through the map leaves the pages it touched mapped into the process for as long
    as the connection lives, and each thread's connection maps the file on its own (a page
    read in five threads counts five times): the kernel maps ~64 KB round each page faulted in,
    so that a record read from the B-tree left hundreds of KB counted as the process's memory.
    Reading 50 articles in the reader left 21 MB of a 47 MB file mapped, two `F` searches 40 MB
    (acc48b B1). They are the kernel's page cache, not the process's own, but counted in its
    RSS, and harder for the kernel to reclaim while mapped; unmapped, the file stays in the
    page cache and the next read maps what it needs again, a few page faults."""
    con.execute("PRAGMA mmap_size = 0")
    con.execute(f"PRAGMA mmap_size = {int(size)}")


def _ms(seconds: float) -> int:
    return max(0, round(seconds * 1000))


def open_cache(
    directory: Path, *, timeout: float, waits: Waits | None = None, **settings: Any
) -> WaitingCache:
    """The diskcache cache in `directory`, with `settings` (diskcache's, as its `Cache()`
    takes them), opened without a write when it is set up with them already; its writes
    wait for a holder as `waits` says. An OSError (ENOSPC) when the disk has no room for the
    blocks of its log's index (`log_index`): opened, it might kill the process with SIGBUS."""
    db = directory / DBNAME
    if not room_for_log_index(db):
        raise OSError(errno.ENOSPC, "no room for the index of its write-ahead log", str(db))
    opened: WaitingCache | None = None
    if db.is_file() and _room_to_write(directory):
        cache = _SetUpCache(directory, timeout)
        try:
            if cache.set_up_with(settings):
                opened = cache
        except sqlite3.DatabaseError:
            pass  # diskcache's own opening says what is wrong, as it always has
        if opened is None:
            cache.close()
    if opened is None:
        opened = WaitingCache(str(directory), timeout=timeout, disk=DataDisk, **settings)
    opened.waits = waits
    opened.opened_as = file_identity(db)
    try:
        opened.shm_backed = back_log_index(db)
    except OSError:
        opened.close()
        raise
    return opened


def read_only(directory: Path) -> bool:
    """The directory (or the file system it is on) can't be written, whoever we are."""
    try:
        return bool(os.statvfs(directory).f_flag & os.ST_RDONLY) or not os.access(
            directory, os.W_OK
        )
    except OSError:
        return False


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """The address that opens the SQLite file at `path` without a write (`sqlite3.connect(…,
    uri=True)`): read-only mode, or `immutable`, which reads the file as it is on disk and needs
    no room for the write-ahead log's index (what the log still holds is not read).

    Where the disk has no room for the blocks of the log's index (-shm, `log_index`), with
    `readonly_shm`: the index is never written, so never grown through its map, SIGBUS on a
    full disk of 1 KiB blocks. SQLite reads another program's index through the map as it is,
    or, with none open, makes its own in memory from the log. It needs the -shm file there,
    even empty: made when missing beside a log (as SQLite's read-only mode made it). A
    connection of the process opened to write later shares that read-only index: the
    read-only ones are closed first (`ReadOnlyCache.close_everywhere`)."""
    if immutable:
        return f"{path.absolute().as_uri()}?immutable=1"
    if room_for_log_index(path):
        return f"{path.absolute().as_uri()}?mode=ro"
    shm = shm_path(path)
    with suppress(OSError):  # a read-only disk: SQLite could not have made it either
        if not shm.exists() and path.with_name(path.name + "-wal").exists():
            shm.touch()
    return f"{path.absolute().as_uri()}?mode=ro&readonly_shm=1"


def _room_to_write(directory: Path) -> bool:
    """Whether the disk holding `directory` takes writes, with room to spare."""
    try:
        room = os.statvfs(directory)
    except OSError:
        return False
    return room.f_bavail * room.f_frsize >= _ROOM_TO_OPEN and not read_only(directory)


def short_of_room(directory: Path) -> bool:
    """Whether the disk holding `directory` takes writes but has less than `_ROOM_TO_OPEN`
    free: full, for a command whose work is writes (`reader repair`)."""
    try:
        room = os.statvfs(directory)
    except OSError:
        return False
    return room.f_bavail * room.f_frsize < _ROOM_TO_OPEN and not read_only(directory)


def _holds_log(directory: Path) -> bool:
    """Whether the cache in `directory` has a write-ahead log holding changes."""
    try:
        return (directory / f"{DBNAME}-wal").stat().st_size > 0
    except OSError:
        return False


def _take(cache: diskcache.Cache, settings: dict[str, Any]) -> None:
    """`cache` set to use `settings`, read from its Settings table, as `diskcache.Cache()`
    leaves a cache it has opened."""
    for key, value in settings.items():
        setattr(cache, key, value)
    disk_settings = {k[5:]: v for k, v in settings.items() if k.startswith("disk_")}
    cache._disk = DataDisk(cache.directory, **disk_settings)
    ((cache._page_size,),) = cache._sql("PRAGMA page_size").fetchall()


class _SetUpCache(WaitingCache):
    """A cache opened as it is on disk (see `open_cache`)."""

    def __init__(self, directory: Path, timeout: float) -> None:  # no super(): it writes
        self._directory = str(directory)
        self._timeout = timeout
        self._local = threading.local()
        self._txn_id = None

    def set_up_with(self, settings: dict[str, Any]) -> bool:
        """Whether the cache holds diskcache's tables and every setting, `settings` as given;
        if so, this object now uses them as `diskcache.Cache()` would have."""
        # The connection's pragmas (WAL, synchronous, cache and map sizes) are set by `_con`
        # from the settings it reads, for this connection as for every later one.
        found = dict(self._sql("SELECT key, value FROM Settings").fetchall())
        names = {name for (name,) in self._sql("SELECT name FROM sqlite_master").fetchall()}
        if not (names >= _SCHEMA and {*DEFAULT_SETTINGS, *METADATA} <= found.keys()):
            return False
        if any(found[key] != value for key, value in settings.items()):
            return False
        if not found["tag_index"] and "Cache_tag_rowid" in names:
            return False  # diskcache drops it as it opens
        _take(self, found)
        return True


class ReadOnlyCache(_ThreadsClosing):
    """A diskcache cache read without a write: `diskcache.Cache()` records its settings as it
    opens, which a full disk or a read-only one refuses.

    SQLite's read-only mode reads what a write-ahead log still holds (a checkpoint a full disk
    refused), but needs a few bytes for the log's index; with none left, the file is read as it
    is on disk (`immutable`), without what the log holds. Writes raise SQLite's "readonly"
    error, which `StoreDirectory` says as its reason."""

    def __init__(self, directory: Path) -> None:  # no super(): it writes
        self._directory = str(directory)
        self._timeout = 0
        self._local = threading.local()
        self._txn_id = None
        self._uri = ""
        self._made: weakref.WeakSet[_ClosedWithThread] = weakref.WeakSet()
        self.log_unread = False
        """Read as it is on disk (`immutable`) while its write-ahead log holds changes: those
        are not read (a copy made while a reader had it open, its -shm file left out)."""
        for immutable in (False, True):
            self._uri = read_only_uri(directory / DBNAME, immutable=immutable)
            try:
                settings = dict(self._sql("SELECT key, value FROM Settings").fetchall())
                break
            except sqlite3.OperationalError:
                self.close()
                if immutable:
                    raise
        self.log_unread = immutable and _holds_log(directory)
        _take(self, settings)

    @property
    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None or getattr(self._local, "pid", None) != os.getpid():
            con = sqlite3.connect(
                self._uri, uri=True, isolation_level=None, check_same_thread=False
            )
            self._local.con, self._local.pid = con, os.getpid()
            self._local.closing = closing = _ClosedWithThread(con)
            self._made.add(closing)
        return con

    @property
    def index_read_only(self) -> bool:
        """Whether it reads with the log's index read-only (`read_only_uri`)."""
        return "readonly_shm=1" in self._uri

    def close_everywhere(self) -> None:
        """Every thread's connection closed, not only the caller's: opened with the log's index
        read-only (`read_only_uri`), SQLite would give a connection opened to write while one
        of them lives that same index, read-only, and its every write would fail."""
        for closing in list(self._made):
            closing.con.close()
        self.close()
