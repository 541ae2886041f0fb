"""A damaged cache file's records copied out into a sound one (`reader repair`).

A bad sector or a write cut short damages a page or two of a cache's SQLite file; every
command that reads past that page stopped with "database disk image is malformed", and the
only advice was to move the whole file aside: every subscription, saved and read mark, tag and
cached article with it, for a handful of records (acc31a F4, F5). Here each record is read on
its own, by its row, so that one on a damaged page is all that is lost: the readable ones go
into a new file made as diskcache makes one, which takes the damaged one's place; the damaged
file is kept beside it (`cache.db.damaged-STAMP`, its write-ahead log with it), never deleted.

What is lost comes back as the store's other damaged records do: a feed's headlines at the next
sync (those the feed still lists), an article fetched again; the subscriptions, if their record
was on a bad page, from each feed's own record (`Store.recover_subscriptions`).
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import diskcache
from diskcache.core import DBNAME

from .caches import read_only_uri
from .data_disk import DataDisk

_COLUMNS = (
    "key, raw, store_time, expire_time, access_time, access_count, tag, size, mode, filename, value"
)
_VALUE_FILE = re.compile(r"[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{28}\.val")
"""The names diskcache gives the files of values too large for their row."""
_GIVE_UP_AFTER = 5_000
"""Rows missing in a row, past the last one read, after which no more are looked for, when the
highest row number can't be read (its page damaged)."""


@dataclass(frozen=True)
class Salvage:
    """What a salvage of one cache file kept and lost."""

    copied: int
    lost: int  # rows that could not be read, or whose value file is gone
    aside: Path | None  # the damaged file, kept under this name (None: a dry run)


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


def broken_value_files(folder: Path) -> dict[str, str]:
    """The records of `folder`'s cache whose value is kept in a file of its own that is gone
    or not the size its row gives (a lost or cut-short write, a backup that skipped it):
    "missing" or "cut short", by key. SQLite's own check sees only its file (acc31a F16)."""
    con = _connect(folder / DBNAME)
    try:
        rows = con.execute(
            "SELECT key, filename, size FROM Cache WHERE filename IS NOT NULL"
        ).fetchall()
    finally:
        con.close()
    broken = {}
    for key, filename, size in rows:
        try:
            found = (folder / filename).stat().st_size
        except OSError:
            broken[str(key)] = "missing"
            continue
        if found != size:
            broken[str(key)] = "cut short"
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
    found = []
    for path in folder.glob("[0-9a-f][0-9a-f]/[0-9a-f][0-9a-f]/*.val"):
        name = path.relative_to(folder).as_posix()
        if _VALUE_FILE.fullmatch(name) and name not in named:
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
        rows, lost = _readable_rows(source)
    finally:
        source.close()
    # A value kept in a file of its own (a page over 32 KB) whose file is gone reads as nothing.
    kept = [row for row in rows if row[10] is None or (folder / row[10]).is_file()]
    if dry_run:
        return Salvage(len(kept), lost + len(rows) - len(kept), None)
    fresh = folder.parent / f"{folder.name}.repairing"
    shutil.rmtree(fresh, ignore_errors=True)
    try:
        _write(fresh, settings, kept)
    except sqlite3.DatabaseError as error:  # "database or disk is full": the new file's
        shutil.rmtree(fresh, ignore_errors=True)
        raise OSError(str(error)) from error
    except BaseException:  # a full disk, a Ctrl-C: the damaged file stays where it was
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    aside = _keep_aside(folder)
    (fresh / DBNAME).replace(folder / DBNAME)
    shutil.rmtree(fresh, ignore_errors=True)
    return Salvage(len(kept), lost + len(rows) - len(kept), aside)


def _write(fresh: Path, settings: dict[str, Any], rows: list[Any]) -> None:
    """A new cache in `fresh`, made as diskcache makes one, holding `rows`."""
    diskcache.Cache(str(fresh), disk=DataDisk, **settings).close()
    target = sqlite3.connect(fresh / DBNAME, isolation_level=None)
    try:
        target.execute("BEGIN")
        target.executemany(
            f"INSERT INTO Cache(rowid, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        target.execute("COMMIT")
        target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        target.close()


def _connect(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise FileNotFoundError(f"no cache file at {path}")
    return sqlite3.connect(read_only_uri(path), uri=True)


def _readable_rows(source: sqlite3.Connection) -> tuple[list[Any], int]:
    """Every row of the Cache table that reads, each as (rowid, *_COLUMNS), read one by one:
    a row on a damaged page is skipped, not the whole table; and how many were skipped."""
    try:
        ((top,),) = source.execute("SELECT max(rowid) FROM Cache").fetchall()
    except sqlite3.DatabaseError:
        top = None
    rows: list[Any] = []
    missed = misses = rowid = 0
    while (top is None and misses <= _GIVE_UP_AFTER) or (top is not None and rowid < top):
        rowid += 1
        try:
            found = source.execute(
                f"SELECT rowid, {_COLUMNS} FROM Cache WHERE rowid = ?", (rowid,)
            ).fetchall()
        except sqlite3.DatabaseError:
            missed += 1
            found = []
        misses = 0 if found else misses + 1
        rows += found
    return rows, missed


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
