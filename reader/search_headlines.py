"""The headlines' part of the search index (`search_index`): each feed's headlines' titles,
authors and feed texts, and the Saved list's titles and addresses, as trigrams, so a word no
headline and no cached article holds is told from the index alone, without reading a year's
51,000 headlines first (`indexed_search.holds_nothing`): "nothing" at once.

What a search looks for in a headline besides its article (`full_text.search`: its title and
its feed's byline, and its feed's text when no article of it is cached) is indexed for every
headline, cached or not (a prefilter: more rows only narrow less), in the indexed form of the
articles' text (`search_index.indexed_form`), and their runs of ASCII letters whole in a table of
their own (`search_index.ascii_words`). A list (a feed's, the Saved list's) is caught up
when the store wrote it since it was indexed (`lists`: the time of its record), and only its
headlines whose words changed are indexed again (each known by a checksum of its words), so a
sync's few new items cost a few rows, not the feed's 2,000. Rows left behind by headlines
changed or dropped (contentless, as the articles' are) are counted, and the headlines' part
alone starts afresh when they outnumber the live ones.

Kept in the index file's own tables, apart from the articles' (`SCHEMA` unchanged): a reader of
an older version leaves them be, and its syncs are caught up with by the next search.

A feed's list is named by its address without its name and password (`indexed_names`): the
index file is no subscription, kept private as one (acc50a A2). An index whose lists were named
with them (by the reader before) has its headlines' part made anew when next caught up
(`named_with_credentials`).
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager

from .feed_summary import summary_line
from .models import SUMMARY_HELD
from .urls import without_credentials

HeadlineWords = tuple[str, str, str, str]
"""A headline as its words are indexed: its id in its list, its title, its author (the feed's
byline) and its feed text (the item's summary, HTML)."""

SUMMARY_CHARACTERS = SUMMARY_HELD
"""Characters of a feed's summary whose words are indexed, and that a search reads
(`full_text`): far more than a line, and what a headline listed holds of it."""

TOLD_FROM = 50
"""Lists to index from none from which their progress is told (a year's 250 feeds: ~3 s of CPU,
13 s on a loaded machine)."""

_TABLES = ("head_lists", "head_docs", "head_text", "head_words", "head_meta")


def create(db: sqlite3.Connection) -> None:
    """The tables, made when missing (in the caller's transaction)."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS head_lists (list TEXT PRIMARY KEY, stored REAL NOT NULL)"
    )
    db.execute(
        # An id is never used again: a row left behind in `head_text` stands for no other.
        "CREATE TABLE IF NOT EXISTS head_docs (id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " list TEXT NOT NULL, entry TEXT NOT NULL, words INTEGER NOT NULL,"
        " UNIQUE (list, entry))"
    )
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS head_text USING fts5("
        "body, tokenize='trigram', detail=none, content='')"
    )
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS head_words USING fts5("
        "body, tokenize='ascii', detail=none, content='')"
    )
    db.execute("CREATE TABLE IF NOT EXISTS head_meta (name TEXT PRIMARY KEY, value INTEGER)")


def drop(db: sqlite3.Connection) -> None:
    for table in _TABLES:
        db.execute(f"DROP TABLE IF EXISTS {table}")


def indexed_names(names: Iterable[str]) -> dict[str, str]:
    """The lists the store names `names`, by their names in the index: a feed's address
    without the name and password it may hold ("https://host/feed.xml"); one feed subscribed
    under two accounts numbered after the first, in the order of their addresses ("… (2)"):
    the same while they are both subscribed."""
    named: dict[str, str] = {}
    for name in sorted(names):
        bare = indexed = without_credentials(name)
        n = 1
        while indexed in named:
            n += 1
            indexed = f"{bare} ({n})"
        named[indexed] = name
    return named


def named_with_credentials(db: sqlite3.Connection) -> bool:
    """Whether a list in the headlines' part is named with a name and password, as the reader
    wrote it before `indexed_names`: the part is then made anew (`drop`, `create`) and the
    disk given its pages back (`VACUUM`), where they still lie."""
    named = db.execute("SELECT list FROM head_lists WHERE list LIKE '%@%'").fetchall()
    return any(without_credentials(name) != name for (name,) in named)


def behind(db: sqlite3.Connection, lists: dict[str, float]) -> tuple[list[str], list[str]]:
    """Of the `lists` (by name, when the store wrote each), those not indexed as written now,
    and the names of those indexed that are gone."""
    indexed = dict(db.execute("SELECT list, stored FROM head_lists").fetchall())
    changed = [name for name, at in lists.items() if indexed.get(name) != at]
    gone = [name for name in indexed if name not in lists]
    return changed, gone


def catch_up(
    db: sqlite3.Connection,
    lists: dict[str, float],
    headlines_of: Callable[[str], Iterable[HeadlineWords]],
    indexed_forms: Callable[[str], tuple[str, str]],
    transaction: Callable[[sqlite3.Connection], AbstractContextManager[None]],
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> int:
    """Index the headlines of the `lists` written since they were indexed (`headlines_of`
    gives a list's), forget the lists gone; the headlines indexed. A list at a time, each in
    one `transaction`: one stopped half-way keeps the lists it did. When every list is to be
    indexed (none was yet), and they are `TOLD_FROM` or more, `progress` is told the lists
    done and to do, before the first and after each."""
    store_name = indexed_names(lists)
    lists = {name: lists[kept] for name, kept in store_name.items()}
    changed, gone = behind(db, lists)
    if not changed and not gone:
        return 0
    live = db.execute("SELECT count(*) FROM head_docs").fetchone()[0]
    if _garbage(db) > max(1000, live):
        with transaction(db):
            drop(db)
            create(db)
        changed, gone = list(lists), []
        live = 0
    told = progress if not live and len(changed) >= TOLD_FROM else lambda done, total: None
    told(0, len(changed))
    done = 0
    for name in gone:
        with transaction(db):
            left = db.execute("DELETE FROM head_docs WHERE list = ?", (name,)).rowcount
            db.execute("DELETE FROM head_lists WHERE list = ?", (name,))
            _left_behind(db, left)
    for n, name in enumerate(changed, 1):
        rows = list(headlines_of(store_name[name]))  # read before the lock
        with transaction(db):
            done += _index_list(db, name, rows, indexed_forms)
            db.execute(
                "INSERT INTO head_lists VALUES (?, ?) ON CONFLICT(list)"
                " DO UPDATE SET stored = excluded.stored",
                (name, lists[name]),
            )
        told(n, len(changed))
    return done


def _index_list(
    db: sqlite3.Connection,
    name: str,
    rows: list[HeadlineWords],
    indexed_forms: Callable[[str], tuple[str, str]],
) -> int:
    had = {
        entry: (row_id, words)
        for row_id, entry, words in db.execute(
            "SELECT id, entry, words FROM head_docs WHERE list = ?", (name,)
        )
    }
    left = 0
    done = 0
    for entry, title, author, summary in rows:
        summary = summary[:SUMMARY_CHARACTERS]
        # A checksum of the words as given (not as indexed): told without making the text.
        words = zlib.crc32(f"{title}\0{author}\0{summary}".encode("utf-8", "surrogatepass"))
        kept = had.pop(entry, None)
        if kept is not None:
            if kept[1] == words:
                continue
            db.execute("DELETE FROM head_docs WHERE id = ?", (kept[0],))
            left += 1
        cursor = db.execute(
            "INSERT INTO head_docs (list, entry, words) VALUES (?, ?, ?)", (name, entry, words)
        )
        text = f"{title}\n{author}\n{summary_line(summary) if summary else ''}"
        form, words = indexed_forms(text)
        db.execute("INSERT INTO head_text (rowid, body) VALUES (?, ?)", (cursor.lastrowid, form))
        db.execute("INSERT INTO head_words (rowid, body) VALUES (?, ?)", (cursor.lastrowid, words))
        done += 1
    for row_id, _ in had.values():  # no longer in the list
        db.execute("DELETE FROM head_docs WHERE id = ?", (row_id,))
        left += 1
    _left_behind(db, left)
    return done


def _garbage(db: sqlite3.Connection) -> int:
    row = db.execute("SELECT value FROM head_meta WHERE name = 'garbage'").fetchone()
    return int(row[0]) if row else 0


def _left_behind(db: sqlite3.Connection, rows: int) -> None:
    if rows:
        db.execute(
            "INSERT INTO head_meta VALUES ('garbage', ?) ON CONFLICT(name)"
            " DO UPDATE SET value = value + excluded.value",
            (rows,),
        )


def any_holding(db: sqlite3.Connection, fts_query: str, words: bool = False) -> bool:
    """Whether a headline may hold what `fts_query` (a trigram query; with `words`, one of the
    runs of ASCII letters) asks for."""
    table = "head_words" if words else "head_text"
    query = (
        f"SELECT 1 FROM {table} JOIN head_docs ON head_docs.id = {table}.rowid"
        f" WHERE {table} MATCH ? LIMIT 1"
    )
    return db.execute(query, (fts_query,)).fetchone() is not None
