"""newsboat's read marks, to bring across with its subscriptions (`reader import URLS
--read-from`): from its cache.db (sqlite, opened read-only by `reader_databases`, which tells it
from the other readers' databases: its `rss_item` rows with `unread` 0) or from the list
`newsboat -E FILE` exports (one read article's GUID a line, no feed named); `read_marks.ReadMarks`
holds them.

newsboat names an item by its GUID, else its link, else its title, as `feeds.parse_feed` keys
an entry, so a mark finds its headline by the entry id that key makes in its feed; a mark whose
GUID changed finds it by the link newsboat had. newsboat's flags are letters each user gives
meanings of their own: they are counted, not carried over.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .read_marks import SQLITE_MAGIC, ReadMarks


def read_marks(path: Path) -> ReadMarks:
    """The read marks in `path`: newsboat's `-E` export, or a reader's database (newsboat's
    cache.db, newsraft's, nom's, lemon24's reader's: `reader_databases`). Raises ValueError, in
    one line, for a file that is none of them; OSError for one that can't be read."""
    with path.open("rb") as file:
        head = file.read(len(SQLITE_MAGIC))
    if head == SQLITE_MAGIC:
        from .reader_databases import database_marks

        return database_marks(path)
    text = path.read_bytes().decode("utf-8", errors="replace")
    if "\x00" in text:
        raise ValueError(f"{path} is neither newsboat's cache.db nor its -E list of read GUIDs")
    guids = (line.strip() for line in text.splitlines())
    return ReadMarks(tuple(("", guid, "") for guid in guids if guid))


def cache_marks(db: sqlite3.Connection) -> ReadMarks:
    """The read marks of newsboat's cache.db, opened as `db` (read-only, so a newsboat running
    on it meanwhile loses nothing), and how many items it had flagged."""
    rows = db.execute(
        "SELECT feedurl, guid, url FROM rss_item WHERE unread = 0 AND deleted = 0"
    ).fetchall()
    (flagged,) = db.execute(
        "SELECT count(*) FROM rss_item WHERE flags IS NOT NULL AND flags != ''"
    ).fetchone()
    return ReadMarks(tuple((str(f), str(g), str(u)) for f, g, u in rows), int(flagged))
