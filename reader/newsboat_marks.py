"""newsboat's read marks, to bring across with its subscriptions (`reader import URLS
--read-from`): from its cache.db (sqlite, opened read-only: its `rss_item` rows with `unread` 0)
or from the list `newsboat -E FILE` exports (one read article's GUID a line, no feed named).

newsboat names an item by its GUID, else its link, else its title, as `feeds.parse_feed` keys
an entry, so a mark finds its headline by the entry id that key makes in its feed; a mark whose
GUID changed finds it by the link newsboat had. newsboat's flags are letters each user gives
meanings of their own: they are counted, not carried over.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from .keys import entry_id
from .models import Entry
from .store.caches import read_only_uri
from .urls import canonical_url

_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class ReadMarks:
    """The articles newsboat had read: (feed address, or "" for any feed; GUID; link)."""

    marks: tuple[tuple[str, str, str], ...]
    flagged: int = 0
    """How many items newsboat had flagged (not carried over)."""
    _by_feed: dict[str, tuple[set[str], set[str]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def __len__(self) -> int:
        return len(self.marks)

    def read_ones(self, entries: Iterable[Entry]) -> list[Entry]:
        """The `entries` newsboat had read: by their id, else by their link."""
        return [entry for entry in entries if self._matches(entry)]

    def _matches(self, entry: Entry) -> bool:
        ids, links = self._of(entry.feed_url)
        if entry.id in ids:
            return True
        return bool(entry.link) and canonical_url(entry.link) in links

    def _of(self, feed_url: str) -> tuple[set[str], set[str]]:
        if (known := self._by_feed.get(feed_url)) is None:
            mine = canonical_url(feed_url)
            ids: set[str] = set()
            links: set[str] = set()
            for feed, guid, link in self.marks:
                if feed and canonical_url(feed) != mine:
                    continue
                ids.add(entry_id(feed_url, guid))
                links.update(canonical_url(url) for url in (link, guid) if "://" in url)
            known = self._by_feed[feed_url] = (ids, links)
        return known


def read_marks(path: Path) -> ReadMarks:
    """newsboat's read marks in `path`, its cache.db or its `-E` export. Raises ValueError, in
    one line, for a file that is neither; OSError for one that can't be read."""
    with path.open("rb") as file:
        head = file.read(len(_SQLITE_MAGIC))
    if head == _SQLITE_MAGIC:
        return _from_cache(path)
    text = path.read_bytes().decode("utf-8", errors="replace")
    if "\x00" in text:
        raise ValueError(f"{path} is neither newsboat's cache.db nor its -E list of read GUIDs")
    guids = (line.strip() for line in text.splitlines())
    return ReadMarks(tuple(("", guid, "") for guid in guids if guid))


def _from_cache(path: Path) -> ReadMarks:
    # Read-only, so a newsboat running on it meanwhile loses nothing.
    try:
        with closing(sqlite3.connect(read_only_uri(path.resolve()), uri=True)) as db:
            rows = db.execute(
                "SELECT feedurl, guid, url FROM rss_item WHERE unread = 0 AND deleted = 0"
            ).fetchall()
            (flagged,) = db.execute(
                "SELECT count(*) FROM rss_item WHERE flags IS NOT NULL AND flags != ''"
            ).fetchone()
    except sqlite3.Error as error:
        raise ValueError(f"{path}: not newsboat's cache.db ({error})") from None
    return ReadMarks(tuple((str(f), str(g), str(u)) for f, g, u in rows), int(flagged))
