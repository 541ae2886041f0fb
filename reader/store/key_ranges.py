"""The records of one kind in a diskcache cache, read in one query.

A record's key is its kind, a colon, then what it is of ("article:KEY", "raw:KEY", "feed:URL"),
so the records of one kind are one range of the keys: from "article:" to before "article;" (';'
follows ':'). SQLite reads that range from the cache's index of its keys (an index range scan,
covering when only the key and the store time are asked for); LIKE or GLOB on the key can't use
the index and would read every row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any, Literal, TypeVar

import diskcache

__all__ = [
    "any_with_prefix",
    "dict_with_prefix",
    "keys_with_prefix",
    "prefix_range",
    "rows_with_prefix",
    "scanned",
]

_RANGE = "key >= ? AND key < ?"
_Rows = TypeVar("_Rows")


def prefix_range(prefix: str) -> tuple[str, str]:
    """The bounds of the keys that start with `prefix` (which ends in ':'), for `key >= ? AND
    key < ?`."""
    return prefix, prefix[:-1] + ";"


def keys_with_prefix(cache: diskcache.Cache, prefix: str, *, in_order: bool = False) -> list[str]:
    """What follows `prefix` in each key of `cache` that starts with it: in the order they were
    first written when `in_order`, else in no order to rely on."""
    query = f"SELECT substr(key, ?) FROM Cache WHERE {_RANGE}"
    if in_order:
        query += " ORDER BY rowid"
    return [key for (key,) in cache._sql(query, (len(prefix) + 1, *prefix_range(prefix)))]


def any_with_prefix(cache: diskcache.Cache, prefix: str) -> bool:
    """Whether some key of `cache` starts with `prefix`: one step into the keys' index,
    however many do."""
    query = f"SELECT 1 FROM Cache WHERE {_RANGE} LIMIT 1"
    return cache._sql(query, prefix_range(prefix)).fetchone() is not None


def rows_with_prefix(
    cache: diskcache.Cache,
    prefix: str,
    column: Literal["value", "store_time", "filename"] = "value",
    *,
    present: bool = False,
) -> list[tuple[str, Any]]:
    """Each key of `cache` that starts with `prefix`, without it, and its row's `column`: the
    value kept in the row (diskcache's raw values: a float, a short string; None for one kept in
    a file), when it was stored, or the file it is kept in. Only the rows where `column` is not
    NULL when `present`."""
    return scanned(cache, *_prefix_query(prefix, column, present))


def dict_with_prefix(
    cache: diskcache.Cache,
    prefix: str,
    column: Literal["value", "store_time", "filename"] = "value",
) -> dict[str, Any]:
    """`rows_with_prefix` as a dict, made as the rows are read: no list of every row first
    (the cached articles' times, 20,000 tuples: 1.8 MB more at a search's start, acc45c C2)."""
    return _scanned_into(cache, *_prefix_query(prefix, column, False), dict)


def _prefix_query(prefix: str, column: str, present: bool) -> tuple[str, tuple[Any, ...]]:
    query = f"SELECT substr(key, ?), {column} FROM Cache WHERE {_RANGE}"
    if present:
        query += f" AND {column} IS NOT NULL"
    return query, (len(prefix) + 1, *prefix_range(prefix))


def scanned(cache: diskcache.Cache, query: str, params: tuple[Any, ...] = ()) -> list[Any]:
    """The rows of `query`, one that reads the table's rows (not only its key index), read
    with SQLite's memory map of the file off: such a scan touches the whole map (64 MB of a
    year's file, diskcache's `sqlite_mmap_size`), which then counted in the process's memory
    for as long as it ran (a sync where nothing changed: 82 MB of its 290). Read through
    SQLite's page cache, in as much CPU, and the pages it kept let go after: the map is back
    for the reads after, one record each, which it serves (the times of 20,000 articles kept
    1.1 MB for nothing, acc45c C2)."""
    return _scanned_into(cache, query, params, list)


def _scanned_into(
    cache: diskcache.Cache,
    query: str,
    params: tuple[Any, ...],
    into: Callable[[sqlite3.Cursor], _Rows],
) -> _Rows:
    con = cache._con
    con.execute("PRAGMA mmap_size = 0")
    try:
        return into(con.execute(query, params))
    finally:
        con.execute(f"PRAGMA mmap_size = {int(cache.sqlite_mmap_size)}")
        con.execute("PRAGMA shrink_memory")
