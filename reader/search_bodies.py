"""The searched text of each cached article, kept in the search index (`search_index`) as a
search compares it, so a hit past those whose lines are shown is confirmed without reading
its article's record: a common word's 30,000 hits read and decoded 30,000 records (zlib,
JSON, the blocks' lines: ~0.1 ms each, half of `F court judge`, acc37a H4).

Per article indexed: its own title and byline as written, and its text composed and folded as
a query without accents folds it, German's ä ö ü kept (`fold(…, "umlauts")`), compressed. That
one form serves every query typing no accent: a query typing "ae", "oe" or "ue" compares it as
it is, any other with the umlauts folded too (`fold.as_folded`). A query typing an accent compares
the text with its accents, which only the record has: it reads the records, as a hit whose
line is shown does (its snippet quotes the text as written).

Rows of the index's own, taken out with their article's (an article evicted or cached again),
unlike the trigrams' (`search_index`: contentless). They take 40–50 % of the text's bytes:
30,000 articles of 2.5 KB of text add 29 MB to the index's 16 MB, a year's 51,500 of 8 KB 231
MB to its 105 MB (benchmarks/README.md).
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

__all__ = ["Indexed", "Kept", "KeptBodies", "create", "drop", "forget", "keep"]

_LEVEL = 1
"""zlib's level for the kept text: 0.63 × level 6's time for 1.05 × its bytes (the benchmark's
texts); reading them back takes as long either way."""


class Indexed(NamedTuple):
    """A cached article as the search index takes it (`Store.indexed`)."""

    title: str
    """Its own title ("" for none)."""
    byline: str
    text: str
    """Its text as a search reads it (`full_text.article_text`)."""
    copies: str
    """The title, byline and text of each kept earlier version, a line each ("" for none):
    in the trigrams only (a hit in a copy is confirmed from the record, `full_text`)."""

    def whole(self) -> str:
        """Every word of it, its copies' too: what its trigrams are made of."""
        lines = (self.title, self.byline, self.text, self.copies)
        return "\n".join(lines[:3] if not self.copies else lines)


class Kept(NamedTuple):
    """An article's text as the index keeps it, for a search to compare."""

    title: str
    byline: str
    folded: str
    """Its text composed and folded, ä ö ü kept (`fold.kept_folded`)."""


def create(db: sqlite3.Connection) -> None:
    """The table, made when missing (in the caller's transaction)."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS bodies (id INTEGER PRIMARY KEY, title TEXT NOT NULL,"
        " byline TEXT NOT NULL, body BLOB NOT NULL)"
    )


def drop(db: sqlite3.Connection) -> None:
    db.execute("DROP TABLE IF EXISTS bodies")


def keep(db: sqlite3.Connection, doc: int, article: Indexed, folded: str) -> None:
    """Keep `article`'s text, `folded` (`fold.kept_folded`), as its row `doc` of the index's
    articles (`docs.id`)."""
    body = zlib.compress(folded.encode(), _LEVEL)
    db.execute(
        "INSERT OR REPLACE INTO bodies (id, title, byline, body) VALUES (?, ?, ?, ?)",
        (doc, article.title, article.byline, body),
    )


def forget(db: sqlite3.Connection, doc: int) -> None:
    db.execute("DELETE FROM bodies WHERE id = ?", (doc,))


class KeptBodies:
    """The index's kept texts, read by article key, on a connection of their own (a search
    reads them after the index it caught up is closed). An error of the
    index (locked past its wait, damaged) ends their reading: the records are read instead."""

    def __init__(self, path: Path, stored: dict[str, float]) -> None:
        self._stored = stored
        self._order: list[str] = []
        self._place: dict[str, int] = {}
        self._read: dict[str, _Row] = {}
        """The rows read of the keys `expect`ed, not asked for yet."""
        self._db: sqlite3.Connection | None = None
        try:  # not made when gone (dropped as damaged meanwhile)
            self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)
            # Each text is read once: its pages kept were 2 MB of a common word's search at
            # its highest (acc45c C2); the trees' inner pages, read again, are a few dozen.
            self._db.execute(f"PRAGMA cache_size = -{_CACHE_KB}")
        except sqlite3.Error:
            self._db = None

    def expect(self, keys: Sequence[str]) -> None:
        """The keys a search will ask for next, in the order it will: read from the index
        `_BATCH` at a time as they are asked for, not each in a query of its own (a common
        word's 9,600 took 0.7 s of `F`'s 3.5, search41)."""
        self._order = list(keys)
        self._place = {key: n for n, key in enumerate(self._order)}
        self._read = {}

    def _row(self, db: sqlite3.Connection, key: str) -> _Row | None:
        if key in self._read:
            return self._read.pop(key)
        at = self._place.get(key)
        if at is None:
            return db.execute(_READ, (key,)).fetchone()
        batch = self._order[at : at + _BATCH]
        read = db.execute(_READ_MANY.format(", ".join("?" * len(batch))), batch).fetchall()
        self._read = {found: row for found, *row in read}
        return self._read.pop(key, None)

    def __call__(self, key: str) -> Kept | None:
        """The text kept of the article cached under `key` as the cache held it when the
        search began (`stored`); None when it holds no other (indexed before, since, or not)."""
        db = self._db
        if db is None:
            return None
        try:
            row = self._row(db, key)
            if row is None or row[0] != self._stored.get(key):
                return None
            kept = Kept(row[1], row[2], zlib.decompress(row[3]).decode())
        except (sqlite3.Error, zlib.error, UnicodeDecodeError):
            self.close()
            return None
        return kept

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


_READ = (
    "SELECT docs.stored, bodies.title, bodies.byline, bodies.body FROM docs"
    " JOIN bodies ON bodies.id = docs.id WHERE docs.key = ?"
)
_READ_MANY = (
    "SELECT docs.key, docs.stored, bodies.title, bodies.byline, bodies.body FROM docs"
    " JOIN bodies ON bodies.id = docs.id WHERE docs.key IN ({})"
)
_CACHE_KB = 256
"""The page cache of the connection reading the kept texts, in KB (SQLite's own is 2 MB)."""
_BATCH = 200
"""The expected keys read in one query: their compressed texts, ~3 KB each, held until asked."""
_Row = Sequence[Any]
"""A row `_READ` gives: when the article was stored as indexed, its title, byline, text."""
