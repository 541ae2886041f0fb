"""Many records of a cache read in a few statements, not one each: a library's per-feed records
(each feed's own, its headlines, its read marks) at every start and `reader list`.

diskcache reads one key a statement (`Cache.get`): 9,550 feeds imported from an Inoreader
export made ~29,000 statements before the first screen, a third of its CPU (acc43a A19). Here
the rows of up to `_KEYS_A_STATEMENT` keys come from one statement, each value read by the
cache's own `Disk` (`DataDisk`: as data, never as code) exactly as `Cache.get` reads it.
Anything but a clean read is left to the one-key path (`StoreDirectory._value`), which knows a
damaged record, a missing file and one replaced meanwhile: this only reads faster what reads
cleanly.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from typing import Any

import diskcache

_KEYS_A_STATEMENT = 500
"""Keys asked of one statement: under SQLite's oldest limit of variables (999)."""


def clean_rows(cache: diskcache.Cache, keys: Sequence[str]) -> Iterator[tuple[str, Any, bool]]:
    """Each of `keys` the cache holds (absent keys left out): the key, its value, and whether
    the value read cleanly (else None, to be read alone). Only keys stored as text (`raw`), as
    the store's are, and not expired, as `Cache.get` finds them. Yielded as each row is read,
    not gathered: a year's headline lists (tens of MB) are never all held at once. Nothing else
    is to be asked of the cache's connection until they are all taken."""
    now = time.time()
    for start in range(0, len(keys), _KEYS_A_STATEMENT):
        part = keys[start : start + _KEYS_A_STATEMENT]
        rows = cache._sql(
            "SELECT key, mode, filename, value FROM Cache"
            f" WHERE key IN ({','.join('?' * len(part))}) AND raw = 1"
            " AND (expire_time IS NULL OR expire_time > ?)",
            (*part, now),
        )
        for key, mode, filename, value in rows:
            try:
                yield key, cache._disk.fetch(mode, filename, value, False), True
            except Exception:  # damaged, refused, its file gone: the one-key path says which
                yield key, None, False


def held_keys(cache: diskcache.Cache, keys: Sequence[str]) -> set[str]:
    """Those of `keys` the cache holds a row of (its value not read), as `clean_rows` finds
    them."""
    held: set[str] = set()
    now = time.time()
    for start in range(0, len(keys), _KEYS_A_STATEMENT):
        part = keys[start : start + _KEYS_A_STATEMENT]
        rows = cache._sql(
            f"SELECT key FROM Cache WHERE key IN ({','.join('?' * len(part))}) AND raw = 1"
            " AND (expire_time IS NULL OR expire_time > ?)",
            (*part, now),
        )
        held.update(key for (key,) in rows)
    return held
