"""A damaged cache file's records copied out into a sound one (`reader repair`).

A bad sector or a write cut short damages a page or two of a cache's SQLite file; every
command that reads past that page stopped with "database disk image is malformed", and the
only advice was to move the whole file aside: every subscription, saved and read mark, tag and
cached article with it, for a handful of records (acc31a F4, F5). Here the table is walked
past each damaged page, and the rows its indexes name that the walk missed read one by one, so
that those on a damaged page are all that is lost (counted, and named by the key index when it
reads): the readable ones go, as they are read, into a new file made as diskcache makes one,
which takes the damaged one's place; the damaged file is kept beside it
(`cache.db.damaged-STAMP`, its write-ahead log with it), never deleted.

What is lost comes back as the store's other damaged records do: a feed's headlines at the next
sync (those the feed still lists), an article fetched again; the subscriptions, if their record
was on a bad page, from each feed's own record (`Store.recover_subscriptions`).
"""

from __future__ import annotations

import itertools
import re
import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import diskcache
from diskcache.core import DBNAME

from .caches import read_only_uri
from .data_disk import DataDisk
from .leaf_pages import leaf_rows
from .unreadable import ValueFolders

_COLUMNS = (
    "key, raw, store_time, expire_time, access_time, access_count, tag, size, mode, filename, value"
)
_TABLE_COLUMNS = 12
"""The Cache table's columns as its leaf cells hold them: the row number's alias (NULL), then
`_COLUMNS`; a cell of another table (Settings, the schema) has fewer."""
_VALUE_FILE = re.compile(r"[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{28}\.val")
"""The names diskcache gives the files of values too large for their row."""
_LOWEST = -(2**63)
_HIGHEST = 2**63 - 1
"""The row numbers SQLite allows: a walk of the table starts below the first, past a damaged
range it looks no further than the last."""
_BATCH = 500
"""Rows written to the new file at a time: the damaged file is streamed, never held whole."""


@dataclass(frozen=True)
class Salvage:
    """What a salvage of one cache file kept and lost."""

    copied: int
    lost: int  # rows known to be there (named by an index) that could not be read, or whose
    # value file is gone
    lost_keys: tuple[str, ...]  # the keys of those, as the damaged file's key index names them
    uncounted: bool  # rows could not be read where no index reads whole: how many, unknown
    aside: Path | None  # the damaged file, kept under this name (None: a dry run)
    older_copies: int = 0  # records read twice (a file mixing two databases' pages: another
    # machine's log replayed over it, the file replaced during a sync), the older copy set
    # aside: it stays in the damaged file only


def problem(folder: Path) -> str:
    """What SQLite's own check finds wrong with the cache file in `folder` ("" when sound), or
    why it can't be read at all."""
    return database_problem(folder / DBNAME)


def database_problem(path: Path) -> str:
    """`problem` of the SQLite file at `path` (a cache's, the search index)."""
    try:
        con = _connect(path)
    except (OSError, sqlite3.DatabaseError) as error:
        return str(error)
    try:
        rows = con.execute("PRAGMA quick_check(1)").fetchall()
    except sqlite3.DatabaseError as error:
        return str(error)
    finally:
        con.close()
    found = str(rows[0][0]) if rows else "ok"
    return "" if found == "ok" else found


_DISK_TROUBLE = ("disk I/O error", "database or disk is full", "unable to open")


def disk_trouble(found: str) -> bool:
    """Whether `found` (`problem`'s) is the disk's failing to give what was asked of it (a full
    disk, an error reading it), not a damaged file: a full disk called a sound file damaged,
    "move it aside", every subscription and mark with it (acc49a A2)."""
    return any(said in found for said in _DISK_TROUBLE)


OUTSIDE = "outside the cache's folder"
"""What `broken_value_files` says of a record naming a file outside its cache's folder (an
absolute path, "../../x", a link leading out): the reader never reads such a file (`DataDisk`),
nor deletes it with the record."""


def broken_value_files(folder: Path) -> dict[str, str]:
    """The records of `folder`'s cache whose value is kept in a file of its own that is gone,
    not the size its row gives (a lost or cut-short write, a backup that skipped it) or not
    the cache's (`OUTSIDE`): "missing", "cut short", "longer than its record says" or
    `OUTSIDE`, by key. SQLite's own check sees only its file (acc31a F16)."""
    con = _connect(folder / DBNAME)
    try:
        rows = con.execute(
            "SELECT key, filename, size FROM Cache WHERE filename IS NOT NULL"
        ).fetchall()
    finally:
        con.close()
    inside = DataDisk(str(folder)).holds
    broken = {}
    for key, filename, size in rows:
        # Checked first: a file outside was measured, and called cut short, or sound when its
        # size happened to match, though every reading drops the record unread.
        if not inside(filename):
            broken[str(key)] = OUTSIDE
            continue
        try:
            found = (folder / filename).stat().st_size
        except FileNotFoundError:
            broken[str(key)] = "missing"
            continue
        except OSError:  # its folder unreadable (`ValueFolders`): not known to be missing
            continue
        if found < size:
            broken[str(key)] = "cut short"
        elif found > size:
            broken[str(key)] = "longer than its record says"
    return broken


_ORPHAN_AGE = 3600.0
"""Seconds a value file no row names must have lain unchanged to be taken for an orphan: a
reader open beside `reader repair` writes a value's file just before its row."""


def orphan_value_files(folder: Path) -> list[Path]:
    """The value files of `folder`'s cache that no row names, unchanged for an hour: left by a
    write cut short (a full disk left 0-byte ones), which nothing else reads or deletes
    (acc31a F16)."""
    con = _connect(folder / DBNAME)
    try:
        named = {
            str(name)
            for (name,) in con.execute("SELECT filename FROM Cache WHERE filename IS NOT NULL")
        }
    finally:
        con.close()
    before = time.time() - _ORPHAN_AGE
    # A folder of it may be a link planted out of the data directory (acc32b B6: another
    # cache's files were deleted through `state/ab`): only what lies inside is the cache's.
    inside = DataDisk(str(folder)).holds
    found = []
    for path in ValueFolders(folder).files():  # passing a folder the disk can't read
        name = path.relative_to(folder).as_posix()
        if _VALUE_FILE.fullmatch(name) and name not in named and inside(name):
            try:
                if path.is_file() and path.stat().st_mtime < before:
                    found.append(path)
            except OSError:
                continue
    return found


def salvage(folder: Path, settings: dict[str, Any], dry_run: bool = False) -> Salvage:
    """The records of `folder`'s cache file that still read, copied into a new one that takes
    its place (the damaged file kept beside it); with `dry_run`, only counted. Raises
    sqlite3.DatabaseError when not even the list of its tables reads (its first page lost),
    OSError when the new file can't be written (a full or read-only disk)."""
    source = _connect(folder / DBNAME)
    try:
        source.execute("SELECT count(*) FROM sqlite_master").fetchall()
        found = _Found(folder)
        rows = found.kept(_readable_rows(source, folder / DBNAME, found))
        if dry_run:
            for _ in rows:
                pass
            return found.result(None)
        fresh = _fresh_folder(folder)
        try:
            _write(fresh, settings, rows)
        except sqlite3.DatabaseError as error:  # "database or disk is full": the new file's
            shutil.rmtree(fresh, ignore_errors=True)
            raise OSError(str(error)) from error
        except BaseException:  # a full disk, a Ctrl-C: the damaged file stays where it was
            shutil.rmtree(fresh, ignore_errors=True)
            raise
    finally:
        source.close()
    aside = _keep_aside(folder)
    (fresh / DBNAME).replace(folder / DBNAME)
    shutil.rmtree(fresh, ignore_errors=True)
    return found.result(aside)


def _fresh_folder(folder: Path) -> Path:
    """A new, empty folder beside `folder` for the mended file: a leftover of a repair cut
    short removed first, and a link under its name only unlinked, never followed (acc32b B6:
    one to another library's cache had that cache opened and its log checkpointed)."""
    fresh = folder.parent / f"{folder.name}.repairing"
    if fresh.is_symlink() or (fresh.exists() and not fresh.is_dir()):
        fresh.unlink()
    elif fresh.exists():
        shutil.rmtree(fresh)
    # Raises if anything took the name meanwhile: nothing is written through it. Its user's
    # alone, as the data directory the reader makes is (`make_private_folder`): the mended
    # cache holds what was read and noted, and a directory made by hand may be open to all.
    fresh.mkdir(mode=0o700)
    return fresh


class _Found:
    """The rows of a salvage counted as they are read: copied, lost, and whether some were
    lost uncounted."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._inside = DataDisk(str(folder)).holds
        self.copied = 0
        self.lost_keys: list[str] = []
        self.uncounted = False
        self.older_copies = 0
        # Of each record (its key) the store time of the copy kept and its number (None: to be
        # numbered anew), and the row numbers given out: a file mixing two databases' pages holds one record twice, or two under
        # one number, and the new file takes each once (acc42b B1: "UNIQUE constraint
        # failed: Cache.rowid", the whole repair undone).
        self._kept: dict[tuple[Any, Any], tuple[float, int | None]] = {}
        self._numbers: set[int] = set()
        self._renumbered: list[tuple[Any, ...]] = []

    def lose(self, key: Any) -> None:
        self.lost_keys.append(str(key))

    def kept(self, rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
        """`rows` but those whose value is kept in a file of its own that is gone (they read as
        nothing) or outside the cache's folder (never read: copied, it would stay so), counted."""
        for row in rows:
            name = row[10]
            if name is not None and not (self._inside(name) and (self.folder / name).is_file()):
                self.lose(row[1])
                continue
            if (mine := self._one_copy(row)) is not None:
                yield mine
        # Numbered anew last, past every number read: SQLite gives the highest plus one, which
        # a row read later may hold (the write would take it for a copy of that one).
        yield from self._renumbered

    def _one_copy(self, row: tuple[Any, ...]) -> tuple[Any, ...] | None:
        """`row` as the new file takes it now, None when not (yet): of two copies of a record,
        the newer by store time (the first read when equal), written under the older one's
        number, in its place; a row number already given to another record left for SQLite to
        give anew, at the end (nothing reads a record by its number)."""
        record, stored = (row[1], row[2]), row[3] or 0.0
        if (kept := self._kept.get(record)) is not None:
            self.older_copies += 1
            if stored <= kept[0]:
                return None
            self._kept[record] = (stored, kept[1])
            if kept[1] is None:  # the older one waits to be numbered anew: this one after it
                self._renumbered.append((None, *row[1:]))
                return None
            return (kept[1], *row[1:])
        self.copied += 1
        if row[0] in self._numbers:
            self._kept[record] = (stored, None)
            self._renumbered.append((None, *row[1:]))
            return None
        self._kept[record] = (stored, row[0])
        self._numbers.add(row[0])
        return row

    def result(self, aside: Path | None) -> Salvage:
        keys = tuple(self.lost_keys)
        return Salvage(self.copied, len(keys), keys, self.uncounted, aside, self.older_copies)


def _write(fresh: Path, settings: dict[str, Any], rows: Iterator[tuple[Any, ...]]) -> None:
    """A new cache in `fresh`, made as diskcache makes one, holding `rows` (written as they
    come, a batch at a time: a cache of gigabytes on a machine of one, acc32b B12)."""
    diskcache.Cache(str(fresh), disk=DataDisk, **settings).close()
    target = sqlite3.connect(fresh / DBNAME, isolation_level=None)
    try:
        target.execute("BEGIN")
        while batch := list(itertools.islice(rows, _BATCH)):
            target.executemany(
                # REPLACE: a newer copy of a record written over the older (`_Found`).
                f"INSERT OR REPLACE INTO Cache(rowid, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                batch,
            )
        target.execute("COMMIT")
        target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        target.close()


def _connect(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise FileNotFoundError(f"no cache file at {path}")
    con = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        con.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.OperationalError as error:
        if "unable to open" not in str(error):
            return con  # damaged: what reads it says how
        # A read-only disk, where SQLite can't make the shared memory its log needs: read as
        # it is on disk. `reader repair` called both sound files damaged there, "move it aside".
        con.close()
        return sqlite3.connect(read_only_uri(path, immutable=True), uri=True)
    except sqlite3.DatabaseError:
        # A file cut short (a copy half done) is called malformed before its first page is
        # read, its header counting pages it lacks; read with the schema taken as it is, its
        # list of tables reads, and the rows before the cut with it (acc42b B4: "move it
        # aside", every subscription and mark gone, all of them in the file).
        with suppress(sqlite3.DatabaseError):
            con.execute("PRAGMA writable_schema=ON")
            con.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    return con


def _readable_rows(
    source: sqlite3.Connection, path: Path, found: _Found
) -> Iterator[tuple[Any, ...]]:
    """Every row of the Cache table that reads, each as (rowid, *_COLUMNS): the table walked in
    the order of its rows, past each damaged range; then the rows its indexes name that the
    walk did not reach, each read on its own; then, the table damaged, every leaf page of the
    file read for the rows not met yet (`leaf_pages`). Those that don't read are counted lost in
    `found`, by key; when a range was damaged and no index reads whole, uncounted.

    Row numbers were looked up one by one from 1 to the highest, which never ended on a row
    numbered 2^62 (acc32b B5), and, with the highest on a damaged page, gave up 5,000 missing
    numbers on: before the first row of a store whose oldest rows were evicted, copying out
    nothing and saying "none lost" (acc32a A11)."""
    seen: set[int] = set()
    damaged = False
    after = _LOWEST
    while after is not None:
        try:
            for row in source.execute(
                f"SELECT rowid, {_COLUMNS} FROM Cache WHERE rowid > ? ORDER BY rowid", (after,)
            ):
                after = row[0]
                seen.add(after)
                yield row
            break
        except sqlite3.DatabaseError:
            damaged = True
            after = _past_damage(source, after)
    named, whole = _indexed(source, seen)
    found.uncounted = damaged and not whole
    unread: dict[int, Any] = {}
    for rowid, key in named.items():
        try:
            rows = source.execute(
                f"SELECT rowid, {_COLUMNS} FROM Cache WHERE rowid = ?", (rowid,)
            ).fetchall()
        except sqlite3.DatabaseError:
            rows = []
        if not rows:  # where the tree leads for it, another row (a file of mixed pages)
            unread[rowid] = key
        seen.update(row[0] for row in rows)
        yield from rows
    if damaged or unread:
        # Below a damaged interior page lie sound leaves that neither the walk nor a lookup
        # reaches (acc42b B12): every leaf page of the file read for the rows not met yet.
        for row in leaf_rows(path, _TABLE_COLUMNS):
            if row[0] not in seen:
                seen.add(row[0])
                unread.pop(row[0], None)
                yield row
    for rowid, key in unread.items():
        found.lose(key if key is not None else f"row {rowid}")


def _past_damage(source: sqlite3.Connection, after: int) -> int | None:
    """The lowest row number past `after` from which the table reads on (a seek into a
    damaged page fails, one past it succeeds), None when none does: searched by doubling the
    step, then halving it, some 120 queries a damaged range."""
    low = after  # a walk from here fails
    step = 1
    while True:
        high = min(after + step, _HIGHEST)
        if _reads_on(source, high):
            break
        if high == _HIGHEST:
            return None
        low, step = high, step * 2
    while high - low > 1:
        middle = (low + high) // 2
        if _reads_on(source, middle):
            high = middle
        else:
            low = middle
    return high


def _reads_on(source: sqlite3.Connection, after: int) -> bool:
    try:
        source.execute(
            "SELECT rowid FROM Cache WHERE rowid > ? ORDER BY rowid LIMIT 1", (after,)
        ).fetchall()
    except sqlite3.DatabaseError:
        return False
    return True


def _indexed(source: sqlite3.Connection, seen: set[int]) -> tuple[dict[int, Any], bool]:
    """The rows the table's indexes name (every row is in each) that are not in `seen`, with
    their keys where the key index gives them; and whether one of the indexes read whole."""
    named: dict[int, Any] = {}
    whole = False
    for query in (
        "SELECT rowid, key FROM Cache INDEXED BY Cache_key_raw",
        "SELECT rowid, NULL FROM Cache INDEXED BY Cache_expire_time",
    ):
        try:
            for rowid, key in source.execute(query):
                if rowid not in seen and named.get(rowid) is None:
                    named[rowid] = key
            whole = True
        except sqlite3.DatabaseError:
            continue
    return named, whole


def _keep_aside(folder: Path) -> Path:
    """The damaged file (and its write-ahead log, which SQLite reads with it) renamed beside
    itself: `cache.db.damaged-20261205-091500`."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = folder / f"{DBNAME}.damaged-{stamp}"
    for n in range(2, 100):
        if not aside.exists():
            break
        aside = folder / f"{DBNAME}.damaged-{stamp}-{n}"
    for suffix in ("-wal", "-shm"):
        if (log := folder / f"{DBNAME}{suffix}").exists():
            log.replace(folder / f"{aside.name}{suffix}")
    (folder / DBNAME).replace(aside)
    return aside
