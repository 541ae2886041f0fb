"""lemon24's `reader` library (the Python feed reader and its CLI, `python -m reader`), read for
`reader import` from its SQLite database (`reader_databases` tells it by its tables): its feeds,
with the title the user gave each (`user_title`) and its tags, the articles it had read, brought
across as newsboat's read marks are (`read_marks.ReadMarks`: found by the entry's id, which that
library takes from the item's GUID or link as this reader does, else by its link), and those it
had marked important, saved.

Its tags are key/value pairs, the key the tag's name; keys starting with "." are its plugins'
own records, not tags a user gave.
"""

from __future__ import annotations

import sqlite3

from .opml import Subscriptions
from .other_readers import add_found
from .read_marks import ReadMarks, starred_links


def read_lemon24(db: sqlite3.Connection) -> tuple[Subscriptions, ReadMarks]:
    """The feeds, read marks and important articles of lemon24's reader's database `db`."""
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    feeds = db.execute("SELECT url, user_title FROM feeds ORDER BY added, url").fetchall()
    tags: dict[str, list[str]] = {}
    if "feed_tags" in tables:
        for feed, key in db.execute("SELECT feed, key FROM feed_tags ORDER BY key"):
            if isinstance(key, str) and not key.startswith("."):
                tags.setdefault(str(feed), []).append(key)
    read = db.execute("SELECT feed, id, link FROM entries WHERE read = 1").fetchall()
    starred = db.execute(
        "SELECT link, title FROM entries WHERE important = 1 ORDER BY feed, id"
    ).fetchall()
    found = Subscriptions(read_as="lemon24's reader's database (its titles, tags, read marks)")
    seen: set[str] = set()
    for url, title in feeds:
        url = str(url)
        add_found(found, seen, url, title if isinstance(title, str) else "", tags.get(url, ()))
    marks = tuple((str(feed), str(ident), str(link or "")) for feed, ident, link in read)
    links, unlinked = starred_links(starred)
    source = "lemon24's reader"
    return found, ReadMarks(marks, source=source, starred=links, unlinked_stars=unlinked)
