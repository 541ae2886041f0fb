"""Room made on a full disk for a write that gives room back (acc49a A3): the files of the
articles a prune evicts, or `reader forget` drops, deleted first, then the caches opened to
write.

On a full disk the store is opened to read only (`StoreDirectory`), and every write is refused
until space is freed on it: a prune and a forget too, though they were the reader's own way of
freeing it, and a sync that had filled the disk left its write-ahead logs (MBs) that only a
write ending well empties. Deleting an article's files needs no room; the rows naming them are
then deleted as by any prune, through the room those files gave back, and the caches'
last connection, closing, empties the logs into their files."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Collection
from contextlib import suppress
from pathlib import Path

from ..errors import StoreError, Unwritable
from ..plural import size_text
from .articles import _ARTICLE_PREFIXES
from .directory import _reporting_storage_errors
from .picture_users import PICTURE_BYTES
from .sitemap_reads import StoreSitemapReads

ROOM_TO_WRITE = 256 << 10
"""Free bytes the deletes of a prune or a forget take (their log's pages, its index): with
less even once the files are gone, none of them is deleted."""


@_reporting_storage_errors
class StoreRoomFirst(StoreSitemapReads):
    """The room a full disk lacks made by deleting the files of articles about to go."""

    def room_made_dropping(self, keys: Collection[str]) -> bool:
        """Whether the store takes writes, the files of the articles at `keys` deleted first
        when it was opened to read only for a full disk: their rows, deleted next by the
        caller, name files gone, which a kill between leaves as records read as damaged and
        dropped. When that would not give back `ROOM_TO_WRITE`, nothing is deleted and
        StoreError says how much it would give back and what gives back more."""
        if self.read_only_tag != Unwritable.DISK_FULL:
            return not self.read_only
        files = self._files_of(keys)
        try:
            room = os.statvfs(self.root)
        except OSError:
            return False
        given = sum(size for _, size in files)
        if room.f_bavail * room.f_frsize + given < ROOM_TO_WRITE:
            raise StoreError(
                f"the disk holding {self.root} is full: the files of what would go give back"
                f" {size_text(given)}, too little for the writes that drop it"
                f" ({size_text(ROOM_TO_WRITE)}): a `reader cache prune --max-size` that evicts"
                " more, or space freed on the disk, makes room (nothing was changed)",
                Unwritable.DISK_FULL,
            )
        for path, _ in files:
            with suppress(FileNotFoundError):
                path.unlink()
        if not self.writable_again():
            return False
        self.restart_logs()
        return True

    def restart_logs(self) -> None:
        """Each cache's write-ahead log copied into its file, so that the next write starts it
        again from its beginning, in the blocks it has, where at its end it would need new ones
        on a disk with few: the log a sync left, then each write of a prune on a full disk (an
        article's deletes, ~70 KB of log: 12 of them took 840 KB, their pictures gave 600)."""
        for cache in (self._state, self._articles):
            with suppress(sqlite3.Error):  # a reader elsewhere: the log grows as it would have
                cache._sql("PRAGMA wal_checkpoint(RESTART)").fetchall()

    def _files_of(self, keys: Collection[str]) -> list[tuple[Path, int]]:
        """The value files (each with its size) of the articles at `keys`: their own records'
        that are kept in a file, and the bytes of the pictures only they show."""
        cache = self._articles
        going = set(keys)
        names = [prefix + key for key in going for prefix in _ARTICLE_PREFIXES]
        names += [
            PICTURE_BYTES + sha
            for sha, users in self._picture_users().items()
            if users and users <= going
        ]
        inside = cache._disk.holds
        files = []
        for at in range(0, len(names), _BATCH):
            batch = names[at : at + _BATCH]
            rows = cache._sql(
                "SELECT filename FROM Cache WHERE raw = 1 AND filename IS NOT NULL"
                f" AND key IN ({', '.join('?' * len(batch))})",
                batch,
            ).fetchall()
            for (name,) in rows:
                if inside(name):  # a row naming a file elsewhere: never the reader's to delete
                    path = Path(cache.directory, name)
                    with suppress(OSError):
                        files.append((path, path.stat().st_size))
        return files


_BATCH = 500
"""Keys a query asks for at a time (SQLite's limit on parameters is 32,766)."""
