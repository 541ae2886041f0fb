"""Old read headlines dropped for good (`[feeds] drop_read_after`, `reader cache prune
--headlines-older-than`): the store's headlines would otherwise grow to MAX_ENTRIES_PER_FEED a
feed, 2,000, and every list reads them all.

Only a headline read, not saved (its entry's nor its article's) and from before the cutoff goes:
by its story's time, an undated one by when it was first kept. Its feed's full text of it goes
with it; its cached article stays, as the cache's own limits keep it (search still finds it, as
it finds every cached article no feed lists), listed under the headline's id and read
(`shown_ids`). Its id is kept in the feed's `dropped` list while the feed still carries the
item (a month at least), so that the next refresh doesn't take it back as new and unread
(`StoreFeeds.merge_entries`), and its link beside it, so that `reader show` of its id still
finds its cached article (`dropped_headline`), or says it was dropped once that is not cached.

A feed at a time, each in one transaction: a sync in another process (cron beside the reader)
merges a feed before or after, never between the headline going and its id being kept, and a
crash leaves every feed either done or as it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from ..dates import as_local_moment
from ..keys import link_key
from ..models import Entry
from .directory import _reporting_storage_errors
from .feeds import (
    _SEEN,
    _content_key,
    _dropped_key,
    _dropped_links_key,
    _entries_key,
    _opened_key,
    _read_key,
    _stored_key,
    _summary_key,
    seen_at,
)
from .usage import StoreUsage


@dataclass(frozen=True)
class DroppedHeadline:
    """One headline retention dropped, by its id: its feed, when, and its link ("" when it had
    none, or was dropped before links were kept)."""

    feed_url: str
    dropped_at: float  # epoch seconds
    link: str


@dataclass(frozen=True)
class DroppedHeadlines:
    """What a retention run dropped (or, on a dry run, would drop)."""

    by_feed: dict[str, int] = field(default_factory=dict)  # feed URL: headlines dropped
    ids: tuple[str, ...] = ()  # of those dropped, every feed's
    kept_unread: int = 0  # as old, kept: not read
    kept_saved: int = 0  # as old and read, kept: saved
    remaining: int = 0  # headlines left, every feed's

    @property
    def dropped(self) -> int:
        return sum(self.by_feed.values())


@_reporting_storage_errors
class StoreRetention(StoreUsage):
    """Old read headlines of a `Store` dropped."""

    def drop_read_before(self, cutoff: float, dry_run: bool = False) -> DroppedHeadlines:
        """Drop every feed's read, unsaved headlines from before `cutoff` (epoch seconds); with
        `dry_run`, only count them (nothing written)."""
        by_feed: dict[str, int] = {}
        ids: list[str] = []
        kept_unread = kept_saved = remaining = 0
        for url in self.feed_urls():
            with self._state.transact():  # one feed: a reader open elsewhere waits that long
                if url not in self.feed_urls():  # removed meanwhile
                    continue
                records = self._records(url)
                read = self.read_ids(url)
                # The saved ones read in this transaction: one saved in the reader meanwhile
                # (`s` on an old headline) is either seen here, or saved after it went.
                is_saved = self._saved_test()
                now = time.time()
                stamped = False
                gone: dict[str, str] = {}  # id: link
                for entry, record in records:
                    when = entry.published or entry.updated
                    if when is not None:
                        # A date alone is a day of the local calendar, as `--before` takes it.
                        at = as_local_moment(when).timestamp()
                    elif (first := seen_at(record)) is not None:
                        at = first
                    else:  # kept undated before first sightings were noted: from now on
                        record[_SEEN] = at = now
                        stamped = True
                    if at >= cutoff:
                        continue
                    if entry.id not in read:
                        kept_unread += 1
                    elif is_saved(entry, record):
                        kept_saved += 1
                    else:
                        gone[entry.id] = entry.link
                remaining += len(records) - len(gone)
                if gone:
                    by_feed[url] = len(gone)
                    ids += gone
                if dry_run or not (gone or stamped):
                    continue
                if gone:
                    self._drop_headlines(url, records, read, gone, now)
                else:  # only first sightings noted
                    self._save(self._state, _entries_key(url), [d for _, d in records])
        if by_feed and not dry_run:
            self.note_changed()  # a reader open in another window lists them no more
        return DroppedHeadlines(by_feed, tuple(ids), kept_unread, kept_saved, remaining)

    def keep_newest(self, feed_url: str, most: int) -> tuple[dict[str, bool], set[str]]:
        """Drop the feed's headlines past its newest `most` (`[feeds] max_items`), read or not,
        but the saved ones, as retention drops them: each cached article keeps its id, and
        its id is kept so that the feed still carrying the item doesn't bring it back. Those
        that went (id: whether unread, for a refresh to say), and the ids of every dropped
        headline of the feed (these and those before), for a refresh to leave their items
        alone."""
        with self._state.transact():  # diskcache's nest: the ids read with the drop
            read = self.read_ids(feed_url)
            gone, _, _ = self._keep_newest(feed_url, most)
            dropped = set(self.dropped(feed_url)) if gone is not None else set()
        if gone:
            self.note_changed()  # a reader open in another window lists them no more
        return {i: i not in read for i in gone or ()}, dropped

    def keep_newest_everywhere(self, most: int, dry_run: bool = False) -> DroppedHeadlines:
        """`keep_newest` for every feed (`reader cache prune` with `max_items` set: a sync
        applies it feed by feed as it refreshes each); with `dry_run`, only count them."""
        by_feed: dict[str, int] = {}
        ids: list[str] = []
        kept_saved = remaining = 0
        for url in self.feed_urls():
            gone, saved, left = self._keep_newest(url, most, dry_run)
            if gone:
                by_feed[url] = len(gone)
                ids += gone
            kept_saved += saved
            remaining += left
        if by_feed and not dry_run:
            self.note_changed()
        return DroppedHeadlines(by_feed, tuple(ids), 0, kept_saved, remaining)

    def _keep_newest(
        self, feed_url: str, most: int, dry_run: bool = False
    ) -> tuple[dict[str, str] | None, int, int]:
        """The feed's headlines past its newest `most` dropped but the saved ones, in one
        transaction (with `dry_run`, only found): those that went (id: link; None for a feed
        removed meanwhile), how many saved ones past it stayed, and how many are left."""
        with self._state.transact():
            if feed_url not in self.feed_urls():  # removed meanwhile
                return None, 0, 0
            records = self._records(feed_url)  # newest first, as `merge_entries` writes them
            gone: dict[str, str] = {}
            if len(records) > most:
                is_saved = self._saved_test()
                gone = {e.id: e.link for e, record in records[most:] if not is_saved(e, record)}
            if gone and not dry_run:
                read = self.read_ids(feed_url)
                self._drop_headlines(feed_url, records, read, gone, time.time())
        saved = max(0, len(records) - most - len(gone))
        return gone, saved, len(records) - len(gone)

    def _drop_headlines(
        self,
        url: str,
        records: list[tuple[Entry, dict[str, Any]]],
        read: set[str],
        gone: dict[str, str],
        now: float,
    ) -> None:
        """The headlines `gone` (id: link) of the feed's `records` dropped, in the caller's
        transaction: taken off the list (`_take_off_list`), and their ids (and links) kept in
        the feed's `dropped` list."""
        self._take_off_list(url, records, read, {i: link_key(link) for i, link in gone.items()})
        if not read.isdisjoint(gone):
            self._save(self._state, _read_key(url), sorted(read.difference(gone)))
        if (opened := self.opened_at(url)) and not opened.keys().isdisjoint(gone):
            kept = {i: at for i, at in opened.items() if i not in gone}
            self._save(self._state, _opened_key(url), kept)
        dropped = self.dropped(url)
        dropped.update(dict.fromkeys(gone, int(now)))
        self._save(self._state, _dropped_key(url), dropped)
        if links := {k: v for k, v in gone.items() if v}:
            self._save(self._state, _dropped_links_key(url), self.dropped_links(url) | links)

    def _take_off_list(
        self,
        url: str,
        records: list[tuple[Entry, dict[str, Any]]],
        read: set[str],
        gone: dict[str, str],
    ) -> None:
        """The headlines `gone` (id: article key) off the feed's list of `records`, in the
        caller's transaction: each cached article keeps the id it was listed under, and a read
        one stays read; their feed's full text of them deleted."""
        self._keep_unlisted((i, key, i in read) for i, key in gone.items())
        kept = [d for e, d in records if e.id not in gone]
        self._save(self._state, _entries_key(url), kept)
        self.keep_listed_keys(url, kept)
        for entry_id in gone:
            self._state.delete(_content_key(entry_id))
            self._state.delete(_summary_key(entry_id))

    def _saved_test(self) -> Callable[[Entry, dict[str, Any]], bool]:
        """Whether a headline (its entry and record) is saved, its entry's or its article's;
        read now, in the caller's transaction."""
        saved = self.saved()
        saved_ids = {r.get("entry") for r in saved.values() if isinstance(r, dict)}
        return lambda entry, record: (
            entry.id in saved_ids or (_stored_key(record) or link_key(entry.link)) in saved
        )

    def leave_out(
        self, feed_url: str, ignored: Callable[[Entry], bool], by_text: bool = False
    ) -> set[str]:
        """Drop the feed's kept headlines `ignored` matches (an `[[ignore]]` rule written after
        they came) but the saved ones, as retention drops them: each cached article keeps its
        id, a read one stays read. Not kept as dropped: a rule taken away brings them back at
        the next refresh (the read ones read). `by_text`: the test reads the feed's full text
        of each, kept apart. The ids of those that went."""
        with self._state.transact():
            if feed_url not in self.feed_urls():  # removed meanwhile
                return set()
            records = self._records(feed_url)
            is_saved = self._saved_test()
            gone = {
                entry.id: _stored_key(record) or link_key(entry.link)
                for entry, record in records
                if ignored(_with_text(self, entry) if by_text else entry)
                and not is_saved(entry, record)
            }
            if not gone:
                return set()
            self._take_off_list(feed_url, records, self.read_ids(feed_url), gone)
        self.note_changed()  # a reader open in another window lists them no more
        return set(gone)

    def dropped_headline(self, entry_id: str) -> DroppedHeadline | None:
        """The headline of `entry_id` if retention dropped it and its id is still kept."""
        for url in self.feed_urls():
            if (at := self.dropped(url).get(entry_id)) is not None:
                return DroppedHeadline(url, at, self.dropped_links(url).get(entry_id, ""))
        return None


def _with_text(store: StoreRetention, entry: Entry) -> Entry:
    """`entry` with the feed's full text of it and its summary whole, which its record leaves
    apart."""
    content = store.entry_content(entry.id)
    entry = store._whole(entry)
    return replace(entry, content=content) if content else entry
