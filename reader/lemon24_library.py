"""lemon24's `reader` library (the Python feed reader and its CLI, `python -m reader`), read for
`reader import` from its SQLite database: its feeds, with the title the user gave each
(`user_title`) and its tags, and the articles it had read, brought across as newsboat's read
marks are (`newsboat_marks.ReadMarks`: found by the entry's id, which that library takes from
the item's GUID or link as this reader does, else by its link). Opened read-only: a reader
running on it meanwhile loses nothing.

Its tags are key/value pairs, the key the tag's name; keys starting with "." are its plugins'
own records, not tags a user gave. Its "important" mark is counted, not carried over (`s`
saves an article for good here, fetching its text).
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from .newsboat_marks import ReadMarks
from .opml import Subscriptions
from .other_readers import add_found
from .store.caches import read_only_uri

SQLITE_MAGIC = b"SQLite format 3\x00"


def is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def read_lemon24(path: Path) -> tuple[Subscriptions, ReadMarks]:
    """The feeds and read marks of lemon24's reader's database at `path`; ValueError, in one
    line, for an SQLite file that is not one (newsboat's cache.db named, as `--read-from`
    takes it)."""
    try:
        with closing(sqlite3.connect(read_only_uri(path.resolve()), uri=True)) as db:
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
            if "rss_item" in tables:
                raise ValueError(
                    f"{path} is newsboat's cache.db: import newsboat's urls file (or its OPML"
                    " export) with --read-from for its read marks"
                )
            if not {"feeds", "entries"} <= tables:
                raise ValueError(
                    f"{path} is an SQLite database, but not lemon24's reader's (no feeds and"
                    " entries tables)"
                )
            feeds = db.execute("SELECT url, user_title FROM feeds ORDER BY added, url").fetchall()
            tags: dict[str, list[str]] = {}
            if "feed_tags" in tables:
                for feed, key in db.execute("SELECT feed, key FROM feed_tags ORDER BY key"):
                    if isinstance(key, str) and not key.startswith("."):
                        tags.setdefault(str(feed), []).append(key)
            read = db.execute("SELECT feed, id, link FROM entries WHERE read = 1").fetchall()
            (important,) = db.execute("SELECT count(*) FROM entries WHERE important = 1").fetchone()
    except sqlite3.Error as error:
        raise ValueError(f"{path}: not a database lemon24's reader wrote ({error})") from None
    found = Subscriptions(read_as="lemon24's reader's database (its titles, tags, read marks)")
    seen: set[str] = set()
    for url, title in feeds:
        url = str(url)
        add_found(found, seen, url, title if isinstance(title, str) else "", tags.get(url, ()))
    marks = tuple((str(feed), str(ident), str(link or "")) for feed, ident, link in read)
    return found, ReadMarks(marks, int(important))
