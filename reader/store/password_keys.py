"""Feeds subscribed with a password in their address (`https://me:pw@host/feed.xml`) by a
reader from before `Store.add_feed` kept it apart: their records moved under the address with
the user name alone, the password kept in the feed's own record (`Feed.password`). Every key of
a feed held its address, so a password `reader add` changed left the old one in them for good.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from ..codec import feed_to_dict
from ..keys import link_key
from ..urls import password_apart
from .directory import _reporting_storage_errors
from .feeds import (
    _SUBSCRIPTIONS,
    _dropped_key,
    _dropped_links_key,
    _entries_key,
    _feed_key,
    _imported_read_key,
    _imported_tags_key,
    _opened_key,
    _page_titled_key,
    _read_key,
    _sitemap_reads_key,
    _stored_key,
)
from .room_first import StoreRoomFirst
from .saved import _SAVED
from .story_rows import _aliases_key, _listed_keys_key, _read_where_key

# Every record kept under a feed's address but its own (`_feed_key`, moved with the password
# taken out) and its list's (`_entries_key`, whose records name the feed too).
_MOVED_AS_THEY_ARE: tuple[Callable[[str], str], ...] = (
    _read_key,
    _opened_key,
    _imported_read_key,
    _imported_tags_key,
    _dropped_key,
    _dropped_links_key,
    _page_titled_key,
    _sitemap_reads_key,
    _aliases_key,
    _listed_keys_key,
)


@_reporting_storage_errors
class StorePasswordKeys(StoreRoomFirst):
    """The feeds of a `Store` kept under an address with a password moved out of it."""

    def passwords_out_of_keys(self) -> int:
        """Once a directory open to write holds such a feed: each moved under its address
        without the password, its headlines, marks, name, tags, notes and saved articles
        kept; how many were. One whose address without it is subscribed too is left as it
        is (never two feeds' records under one key)."""
        urls = self.feed_urls()
        if self.read_only or not any("@" in url and password_apart(url)[1] for url in urls):
            return 0  # the subscriptions' record alone read at every open
        with self._state.transact():
            urls = self.feed_urls()
            moved: dict[str, str] = {}
            for url in urls:
                key, password = password_apart(url)
                free = password and key not in urls and key not in moved.values()
                if free and self._move_feed(url, key, password):
                    moved[url] = key
            if moved:
                self._save(self._state, _SUBSCRIPTIONS, [moved.get(url, url) for url in urls])
                self._saved_moved(moved)
                self.note_changed()
        return len(moved)

    def _move_feed(self, url: str, key: str, password: str) -> bool:
        """The feed kept under `url` moved under `key`; False, nothing moved, while a file
        sync has yet to deliver one of its records (`not_here`): moved, it would be lost."""
        feed = self.feed(url)
        entries = self._load(self._state, _entries_key(url))
        others = {made: self._value(self._state, made(url)) for made in _MOVED_AS_THEY_ARE}
        old_keys = [_feed_key(url), _entries_key(url), *(made(url) for made in others)]
        if any(old in self.not_here for old in old_keys):
            return False
        if feed is not None:
            # A password `reader add` gave since is the one it is fetched with; an address it
            # moved to on its own host keeps the user name alone too (`Feed.fetched_url`).
            feed = dataclasses.replace(
                feed,
                url=key,
                password=feed.password or password,
                moved_to=password_apart(feed.moved_to)[0],
            )
            self._save(self._state, _feed_key(key), feed_to_dict(feed))
        if isinstance(entries, list):
            for record in entries:
                if isinstance(record, dict) and record.get("feed_url") == url:
                    record["feed_url"] = key
                    self._read_where_moved(record, url, key)
            self._save(self._state, _entries_key(key), entries)
        for made, value in others.items():
            if value is not None:  # as it was written: JSON text, or `True`
                self._state.set(made(key), value)
        for old in old_keys:
            self._state.delete(old)
        return True

    def _read_where_moved(self, record: dict[str, Any], url: str, key: str) -> None:
        """The feed named by `key` among those its headline's article was read in."""
        article = _stored_key(record) or link_key(str(record.get("link") or ""))
        if url in (where := self.read_where(article)):
            self._save(self._state, _read_where_key(article), sorted(where - {url} | {key}))

    def _saved_moved(self, moved: dict[str, str]) -> None:
        """The saved articles' records naming a moved feed name it by its new key."""
        saved = self.saved()
        changed = False
        for record in saved.values():
            if isinstance(record, dict) and record.get("feed") in moved:
                record["feed"] = moved[record["feed"]]
                changed = True
        if changed:
            self._save(self._state, _SAVED, saved)
