"""What reading an article leaves in the store, kept with the user's state (`state/`), not in the
article cache: when it was last read (the size limit evicts the least recently read first), when
last opened in the reader (a change a sync found in it is news until then), and where the reader
left it.

Reading is the one thing a user does on every machine of a library kept in a file-sync tool
(Syncthing, Dropbox, Nextcloud). Written into `articles/cache.db`, each read made the 10 MB
article cache "changed" on the machine reading offline while the other one synced into it, and
the tool left a conflict copy of it each round (acc42b B13). `state/` changes with every read
mark anyway; the article cache is written only by what caches (a sync, `reextract`, `repair`,
a prune). A library of an earlier version keeps its times and places in the article cache: they
are read still (the later of the two counts), and go with the article as ever.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from ..keys import article_key, item_of_address
from ..models import Entry
from .articles import StoreArticles
from .directory import _reporting_storage_errors
from .key_ranges import rows_with_prefix

READ_AT = "read-at:"
"""Per article key, when it was last read (epoch seconds): opened in the reader or printed."""
SEEN_AT = "seen-at:"
"""Per article key, when it was last opened in the reader with a change a sync found in it
(`renewed:` in the article cache, which a sync writes): the change is no longer news since."""
PLACE = "place:"
"""Per article key, where the reader left it (`Library.remember_place`)."""
EXPORTED_AT = "exported-at:"
"""Per article key (an item with no link: its own address), when it last went into an export
to read elsewhere (`reader export --not-exported` leaves it out of the next)."""
READING_PREFIXES = (READ_AT, SEEN_AT, PLACE, EXPORTED_AT)
"""The state's records of an article's reading, dropped with the article (`delete_article`)."""
_RENEWED = "renewed:"


def _times(rows: list[tuple[str, Any]]) -> dict[str, float]:
    """The times of `rows_with_prefix`' rows (a float kept in the row, as `set` wrote it)."""
    return {key: float(at) for key, at in rows if isinstance(at, (int, float))}


@_reporting_storage_errors
class StoreReadingTimes(StoreArticles):
    """The reading of a `Store`'s articles: when last read and opened, and where left."""

    def touch_article(self, url: str, seen: bool = True) -> None:
        """Record that the article was just read (least recently read goes first on eviction):
        when `seen` (opened in the reader, not printed by a command), a change a sync found in
        it is no longer news (`is_renewed`)."""
        key = article_key(url)
        now = time.time()
        self._state.set(READ_AT + key, now)
        if seen and self._renewed_unseen(key):  # a write only when there is one
            self._state.set(SEEN_AT + key, now)

    def set_read(
        self,
        entry: Entry,
        read: bool,
        opened_at: float | None = None,
        others: Sequence[Entry] | None = None,
        opened_url: str = "",
    ) -> None:
        """`StoreFeeds.set_read`, and with `opened_url`, the article at it just read
        (`touch_article`) in the same transaction: the reader marks what it opens, and the
        mark and the note of reading were two commits, each writing the same few pages of
        the state (its table's, its indexes', diskcache's count and size) again (acc48b B3)."""
        with self._state.transact():
            super().set_read(entry, read, opened_at, others)
            if opened_url:
                self.touch_article(opened_url)

    def read_times(self) -> dict[str, float]:
        """When each article was last read, by key, in two queries: the state's times, and
        those an earlier version kept in the article cache, the later of the two."""
        times = _times(rows_with_prefix(self._articles, READ_AT))
        for key, at in _times(rows_with_prefix(self._state, READ_AT)).items():
            times[key] = max(at, times.get(key, 0.0))
        return times

    def note_exported(self, addresses: Sequence[str], at: float | None = None) -> None:
        """Note the articles at `addresses` exported now (or `at`), in one transaction: a
        week's book of 500 articles is one write."""
        now = time.time() if at is None else at
        with self._state.transact():
            for address in addresses:
                self._state.set(EXPORTED_AT + exported_key(address), now)

    def exported_times(self) -> dict[str, float]:
        """When each article last went into an export, by `exported_key`, in one query."""
        return _times(rows_with_prefix(self._state, EXPORTED_AT))

    def renewed_keys(self) -> set[str]:
        """The keys of the articles a sync found changed since they were last opened in the
        reader."""
        seen = _times(rows_with_prefix(self._state, SEEN_AT))
        renewed = rows_with_prefix(self._articles, _RENEWED)
        return {key for key, at in renewed if not _seen_after(at, seen.get(key))}

    def is_renewed(self, url: str) -> bool:
        return self._renewed_unseen(article_key(url))

    def _renewed_unseen(self, key: str) -> bool:
        renewed = self._value(self._articles, _RENEWED + key)
        if renewed is None:
            return False
        return not _seen_after(renewed, self._value(self._state, SEEN_AT + key))

    def reading_place(self, url: str) -> dict[str, Any] | None:
        """Where the reader left the article (see `Library.remember_place`), or None: the
        state's record, else one an earlier version kept in the article cache."""
        key = article_key(url)
        value = self._load(self._state, PLACE + key)
        if value is None:
            value = self._load(self._articles, PLACE + key)
        return value if isinstance(value, dict) else None

    def set_reading_place(self, url: str, place: dict[str, Any] | None) -> None:
        """Keep where the reader left the article; None: at its start. Kept so in the state (an
        empty record) where an earlier version's place in the article cache would answer."""
        key = PLACE + article_key(url)
        if place is not None:
            self._save(self._state, key, place)
        elif key in self._articles:
            self._save(self._state, key, {})
        else:
            self._state.delete(key)

    def delete_article(self, key: str) -> None:
        """Everything kept of the article under `key` dropped: its records in the article
        cache, and how it was read with them."""
        super().delete_article(key)
        for prefix in READING_PREFIXES:
            self._state.delete(prefix + key)


def exported_key(address: str) -> str:
    """What an export of the article at `address` is noted by: its cache key, or an item's
    own address (`keys.item_address`), which no canonical form would keep."""
    return address if item_of_address(address) else article_key(address)


def _seen_after(renewed: object, seen: object) -> bool:
    """Whether an article whose change a sync marked at `renewed` was opened after, at `seen`
    (None: never since the marks were kept here)."""
    if not isinstance(seen, (int, float)):
        return False
    return not isinstance(renewed, (int, float)) or seen >= renewed
