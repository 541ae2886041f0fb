"""newsboat's read marks, to bring across with its subscriptions (`reader import URLS
--read-from`): from its cache.db (sqlite, opened read-only by `reader_databases`, which tells it
from the other readers' databases: its `rss_item` rows with `unread` 0) or from the list
`newsboat -E FILE` exports (one read article's GUID a line, no feed named); `read_marks.ReadMarks`
holds them.

newsboat names an item by its GUID, else its link, else its title, as `feeds.parse_feed` keys
an entry, so a mark finds its headline by the entry id that key makes in its feed; a mark whose
GUID changed finds it by the link newsboat had. newsboat's flags are letters each user gives
meanings of their own: they are counted, not carried over, but the letters the user names
(`--saved-flags s`): those items saved.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .read_marks import SQLITE_MAGIC, ReadMarks, starred_links


def read_marks(path: Path, flags: str = "") -> ReadMarks:
    """The read marks in `path`: newsboat's `-E` export, or a reader's database (newsboat's
    cache.db, newsraft's, nom's, lemon24's reader's: `reader_databases`). Raises ValueError, in
    one line, for a file that is none of them; OSError for one that can't be read. `flags`:
    the letters whose items newsboat's cache.db flagged are saved (`cache_marks`)."""
    with path.open("rb") as file:
        head = file.read(len(SQLITE_MAGIC))
    if head == SQLITE_MAGIC:
        from .reader_databases import database_marks

        return database_marks(path, flags)
    text = path.read_bytes().decode("utf-8", errors="replace")
    if "\x00" in text:
        raise ValueError(f"{path} is neither newsboat's cache.db nor its -E list of read GUIDs")
    guids = (line.strip() for line in text.splitlines())
    return ReadMarks(tuple(("", guid, "") for guid in guids if guid))


def cache_marks(db: sqlite3.Connection, saved_flags: str = "") -> ReadMarks:
    """The read marks of newsboat's cache.db, opened as `db` (read-only, so a newsboat running
    on it meanwhile loses nothing), and how many items it had flagged. Those flagged with any
    letter of `saved_flags` are its stars, to save (acc43a A1: `s` was many a user's pile
    saved for later, counted and dropped); the rest counted, with the letters in use."""
    # An item deleted there (`D`: `deleted` 1, its `unread` as it was) is one the user is done
    # with: read here, the reader deleting none (acc43a A18: they came back unread).
    rows = db.execute(
        "SELECT feedurl, guid, url FROM rss_item WHERE unread = 0 OR deleted = 1"
    ).fetchall()
    (deleted,) = db.execute(
        "SELECT count(*) FROM rss_item WHERE deleted = 1 AND unread != 0"
    ).fetchone()
    flagged_rows = db.execute(
        "SELECT url, title, flags FROM rss_item WHERE flags IS NOT NULL AND flags != ''"
    ).fetchall()
    wanted = set(saved_flags)
    chosen = [(u, t) for u, t, f in flagged_rows if wanted & set(str(f))]
    starred, unlinked = starred_links(chosen)
    letters = "".join(sorted({c for _, _, f in flagged_rows for c in str(f) if not c.isspace()}))
    return ReadMarks(
        tuple((str(f), str(g), str(u)) for f, g, u in rows),
        len(flagged_rows) - len(chosen),
        starred=starred,
        star="flagged",
        unlinked_stars=unlinked,
        flag_letters=letters,
        deleted=int(deleted),
    )
