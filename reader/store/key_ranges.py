"""The records of one kind in a diskcache cache, read in one query.

A record's key is its kind, a colon, then what it is of ("article:KEY", "raw:KEY", "feed:URL"),
so the records of one kind are one range of the keys: from "article:" to before "article;" (';'
follows ':'). SQLite reads that range from the cache's index of its keys (an index range scan,
covering when only the key and the store time are asked for); LIKE or GLOB on the key can't use
the index and would read every row.
"""

from __future__ import annotations

from typing import Any, Literal

import diskcache

__all__ = ["keys_with_prefix", "prefix_range", "rows_with_prefix"]

_RANGE = "key >= ? AND key < ?"


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
    query = f"SELECT substr(key, ?), {column} FROM Cache WHERE {_RANGE}"
    if present:
        query += f" AND {column} IS NOT NULL"
    return cache._sql(query, (len(prefix) + 1, *prefix_range(prefix))).fetchall()
