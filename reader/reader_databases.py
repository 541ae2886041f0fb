"""Other readers' SQLite databases, for `reader import DB` (their feeds, read marks and stars)
and `reader import FILE --read-from DB` (their read marks and stars), told apart by their
tables: newsraft's `newsraft.sqlite3`, nom's `nom.db`, lemon24's reader's (`lemon24_library`)
and newsboat's `cache.db` (`newsboat_marks`: read marks only, its urls file names the feeds).
Each is opened read-only: a reader running on it meanwhile loses nothing.

newsraft's (its src/db.c): `feeds` (`feed_url`, the feed's own `title`) and `items` (`feed_url`,
`guid`, `link`, `title`, `unread`, `important`); its names and sections are in its feeds file,
not here, and its `feeds` keeps every feed it ever fetched, those taken out of that file since
too. It names an item by its GUID, else its link, else its title, as the reader keys one, else
by a hash of its content: such an item is found by its text (`newsraft_items`).
nom's (its internal/store/store.go): one `items` table (`feedurl`, `guid`, `link`, `title`,
`readat` set when read, `favourite`) and its `migrations`; its feeds are those its items
are of (it drops the items of a feed taken out of its config.yml, but its favourites), their
names in its config.yml.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import replace
from pathlib import Path

from .lemon24_library import read_lemon24
from .newsboat_marks import cache_marks
from .newsraft_items import content_texts, newsraft_hashes
from .opml import Subscriptions
from .other_readers import add_found
from .read_marks import ReadMarks, starred_links
from .store.caches import read_only_uri

_Read = tuple[Subscriptions, ReadMarks]
_KEEP = (
    " its feeds file names its feeds, their names and sections: import that with --read-from"
    " this database to keep them)"
)
_NOM_KEEP = _KEEP.replace("feeds file", "config.yml").replace("sections", "tags")


def read_database(path: Path) -> _Read:
    """The feeds, read marks and stars of the database at `path`. ValueError, in one line, for
    one no reader here wrote, for newsboat's cache.db (its feeds are in its urls file) or one
    locked by the reader using it."""
    with _opened(path) as db:
        kind = _kind(db)
        if kind == "newsboat":
            raise ValueError(
                f"{path} is newsboat's cache.db: import newsboat's urls file (or its OPML"
                " export) with --read-from for its read marks"
            )
        return _reader_of(path, kind)(db)


def database_marks(path: Path, saved_flags: str = "") -> ReadMarks:
    """The read marks and stars of the database at `path`, for `--read-from` (newsboat's
    cache.db too). ValueError, in one line, as `read_database`."""
    with _opened(path) as db:
        kind = _kind(db)
        if kind == "newsboat":
            return cache_marks(db, saved_flags)
        return _reader_of(path, kind)(db)[1]


@contextmanager
def _opened(path: Path) -> Iterator[sqlite3.Connection]:
    try:
        with closing(sqlite3.connect(read_only_uri(path.resolve()), uri=True)) as db:
            yield db
    except sqlite3.OperationalError as error:
        if "locked" in str(error):
            # newsraft holds its database locked while it runs (PRAGMA locking_mode EXCLUSIVE).
            raise ValueError(
                f"{path} is locked by the reader using it (newsraft locks its database while it"
                " runs): quit it, then import again"
            ) from None
        raise ValueError(f"{path}: not a database a reader here can read ({error})") from None
    except sqlite3.Error as error:
        raise ValueError(f"{path}: not a database a reader here can read ({error})") from None


def _kind(db: sqlite3.Connection) -> str:
    """Which reader wrote `db`, by its tables: "" for none known."""
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "rss_item" in tables:
        return "newsboat"
    if {"feeds", "entries"} <= tables:
        return "lemon24"
    if {"feeds", "items"} <= tables and {"feed_url", "guid", "unread"} <= _columns(db, "items"):
        return "newsraft"
    if {"items", "migrations"} <= tables and {"feedurl", "readat"} <= _columns(db, "items"):
        return "nom"
    return ""


def _columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {str(row[1]) for row in db.execute(f"PRAGMA table_info({table})")}


def _reader_of(path: Path, kind: str) -> Callable[[sqlite3.Connection], _Read]:
    readers: dict[str, Callable[[sqlite3.Connection], _Read]] = {
        "lemon24": read_lemon24,
        "newsraft": _read_newsraft,
        "nom": _read_nom,
    }
    if kind not in readers:
        raise ValueError(
            f"{path} is an SQLite database, but not newsraft's, nom's, lemon24's reader's nor"
            " newsboat's cache.db"
        )
    return readers[kind]


def _read_newsraft(db: sqlite3.Connection) -> _Read:
    feeds = db.execute("SELECT feed_url, title FROM feeds ORDER BY rowid").fetchall()
    read = db.execute("SELECT feed_url, guid, link FROM items WHERE unread = 0").fetchall()
    # Its items of no title nor link, named by a hash of their content: found by their text.
    # The content's bytes as they are: a C string, not always UTF-8.
    hashed = db.execute(
        "SELECT feed_url, guid, CAST(content AS BLOB) FROM items WHERE unread = 0"
        " AND coalesce(link, '') = '' AND coalesce(title, '') = '' AND length(guid) = 64"
    )
    texts = tuple(
        (str(feed), text)
        for feed, guid, content in hashed
        if feed and isinstance(content, bytes) and guid in newsraft_hashes(content)
        for text in content_texts(content)
    )
    starred = db.execute("SELECT link, title FROM items WHERE important = 1 ORDER BY rowid")
    found = Subscriptions(
        read_as=f"newsraft's database (its read marks and important articles;{_KEEP}"
    )
    seen: set[str] = set()
    for url, title in feeds:
        add_found(found, seen, str(url), "", (), title if isinstance(title, str) else "")
    return found, replace(_marks(read, starred, "newsraft", "important"), texts=texts)


def _read_nom(db: sqlite3.Connection) -> _Read:
    feeds = db.execute(
        "SELECT feedurl FROM items WHERE feedurl IS NOT NULL GROUP BY feedurl ORDER BY min(id)"
    ).fetchall()
    # Its items before its `guid` migration have none: named by their link, as nom keys them.
    read = db.execute(
        "SELECT feedurl, coalesce(nullif(guid, ''), link, ''), link FROM items"
        " WHERE readat IS NOT NULL"
    ).fetchall()
    favourites = "favourite" in _columns(db, "items")  # one of its migrations
    starred = db.execute(
        "SELECT link, title FROM items WHERE favourite = 1 ORDER BY id"
        if favourites
        else "SELECT link, title FROM items WHERE 0"
    )
    found = Subscriptions(read_as=f"nom's database (its read marks and favourites;{_NOM_KEEP}")
    seen: set[str] = set()
    for (url,) in feeds:
        add_found(found, seen, str(url), "", ())
    return found, _marks(read, starred, "nom", "favourite")


def _marks(
    read: list[tuple[object, object, object]],
    starred: sqlite3.Cursor,
    source: str,
    star: str,
) -> ReadMarks:
    links, unlinked = starred_links(starred)
    # A mark of no feed would be taken as one of any feed (newsboat's -E list's kind).
    marks = tuple(
        (str(feed), str(guid or ""), str(link or "")) for feed, guid, link in read if feed
    )
    return ReadMarks(marks, source=source, starred=links, star=star, unlinked_stars=unlinked)
