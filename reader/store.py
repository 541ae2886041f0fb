"""The on-disk state: subscriptions, entries, read flags and the article cache, in diskcache.

Two caches under the data directory: `state/` (feeds, their entries, read flags) and
`articles/` (cleaned articles and their raw pages, compressed). Both are SQLite-backed, safe for
several threads and processes at once; read-modify-write goes through `transact()`. Records are
JSON, so a damaged or foreign record is detected, reported and dropped instead of crashing or
being shown. Nothing is evicted implicitly (eviction_policy="none"): what was synced stays.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import sqlite3
import time
import zlib
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import diskcache

from .codec import (
    article_from_dict,
    article_to_dict,
    entry_from_dict,
    entry_to_dict,
    feed_from_dict,
    feed_to_dict,
)
from .config import DEFAULT_LIMITS
from .keys import article_key
from .models import Article, Entry, Feed, StoreError
from .raw_pages import pack_page_list, unpack_page_list, unpack_raw_page

log = logging.getLogger(__name__)

MAX_ENTRIES_PER_FEED = DEFAULT_LIMITS.max_feed_items
_SUBSCRIPTIONS = "subscriptions"
# The layout of a data directory. Raised when records change incompatibly; an older reader
# refuses a newer directory rather than misreading it, a newer one upgrades an older one.
# 2: raw pages may be kept as the server's own gzip stream. 3: articles may hold table rows,
# which a format-2 reader can't decode (it would drop those articles as damaged); format-2
# articles read as they are. 4: articles may hold media lines (a recording's or a video's link),
# which a format-3 reader can't decode either. 5: articles may hold pictures' lines.
DATA_FORMAT = 5
_FORMAT = "format"
_SAVED = "saved"
# Per article key: the cleaned article, its raw page, the feed's own text of it (the fallback
# for a page that gives little, kept so re-extraction can use it offline), when it was last
# opened, why it is no article, its later pages when it is split over several, a mark when
# some of those are missing (`Article.incomplete`), why the last try to fetch it failed, when
# the site last said it is gone (`gone`), and where the reader left it. ("also:" keys are the article's other addresses, keyed by those:
# `aliased`.)
_ARTICLE_PREFIXES = (
    "article:",
    "raw:",
    "fallback:",
    "read-at:",
    "not-article:",
    "pages:",
    "incomplete:",
    "partial:",
    "failed:",
    "gone:",
    "place:",
)


def _other_addresses(key: str, article: Article) -> set[str]:
    """The keys of an article's addresses other than its link's `key`, which a citation names
    and a reader may ask for (`reader show URL`): where the link's redirects ended, and the
    canonical address the page declares, unless that is a site's home page (some sites
    declare theirs on every page)."""
    addresses = {article_key(article.url)} if article.url else set()
    if article.canonical_url and urlsplit(article.canonical_url).path.strip("/"):
        addresses.add(article_key(article.canonical_url))
    return addresses - {key}


@dataclass(frozen=True)
class CachedArticle:
    """One article in the cache, as eviction sees it."""

    key: str
    size: int  # bytes of the cleaned article and its raw page
    cached_at: float  # epoch seconds
    last_used: float  # last opened, else when cached
    saved: bool


def _feed_key(url: str) -> str:
    return f"feed:{url}"


def _entries_key(url: str) -> str:
    return f"entries:{url}"


def _read_key(url: str) -> str:
    return f"read:{url}"


def _content_key(entry_id: str) -> str:
    # Apart from the feed's entry list, which every start reads whole: full texts would make
    # that list megabytes, and they are wanted only when an article page gives little.
    return f"content:{entry_id}"


C = TypeVar("C", bound=type)


def _reporting_storage_errors(cls: C) -> C:
    """Every public method of `cls` turns SQLite and OS errors into a StoreError."""

    def wrap(method: Any) -> Any:
        @functools.wraps(method)
        def guarded(self: Store, *args: Any, **kwargs: Any) -> Any:
            try:
                return method(self, *args, **kwargs)
            except sqlite3.DatabaseError as error:
                raise StoreError(_storage_message(self.root, error)) from None
            except OSError as error:
                raise StoreError(
                    f"cannot use the data directory {self.root}: {error.strerror or error}"
                ) from None

        return guarded

    for name, member in list(vars(cls).items()):
        if callable(member) and not name.startswith("_"):
            setattr(cls, name, wrap(member))
    return cls


def _read_only(root: Path) -> bool:
    """The directory (or the file system it is on) can't be written, whoever we are."""
    try:
        return bool(os.statvfs(root).f_flag & os.ST_RDONLY) or not os.access(root, os.W_OK)
    except OSError:
        return False


def _disk_full(error: sqlite3.DatabaseError) -> bool:
    # SQLite can't even open its journal when no byte is left: that, too, is a full disk.
    return "full" in str(error) or "disk I/O error" in str(error)


def _storage_message(root: Path, error: sqlite3.DatabaseError) -> str:
    text = str(error)
    if _disk_full(error):
        return f"the disk holding {root} is full (or failing): nothing new was cached, nothing was lost"
    if "readonly" in text or "read-only" in text:
        return f"the data directory {root} is read-only: reading works, nothing new can be cached"
    if "not a database" in text or "malformed" in text:
        return f"a cache file under {root} is damaged ({text}); move it aside to start afresh (nothing was deleted)"
    return f"cache error in {root}: {text}"


@_reporting_storage_errors
class Store:
    """All persistent state of one data directory."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[str] = []  # damaged records found (and dropped) since opening
        settings: dict[str, Any] = {"eviction_policy": "none", "size_limit": 2**62, "timeout": 30}
        if root.exists() and not root.is_dir():
            raise StoreError(f"the data directory {root} is a file, not a directory")
        try:
            root.mkdir(parents=True, exist_ok=True)
            self._state = diskcache.Cache(str(root / "state"), **settings)
            self._articles = diskcache.Cache(str(root / "articles"), **settings)
        except (sqlite3.DatabaseError, OSError) as error:
            if _read_only(root):
                raise StoreError(
                    f"the data directory {root} is read-only; the reader must write there "
                    "(nothing was changed: copy it somewhere writable or pick another --data-dir)"
                ) from None
            if isinstance(error, sqlite3.DatabaseError) and _disk_full(error):
                # Opening writes (diskcache records its settings), so even reading needs room.
                raise StoreError(
                    f"the disk holding {root} is full (or failing): nothing can be read or cached "
                    "until some space is freed on it (nothing was lost)"
                ) from None
            if isinstance(error, sqlite3.DatabaseError):
                raise StoreError(_storage_message(root, error)) from None
            raise StoreError(
                f"cannot open the data directory {root}: {error.strerror or error}"
            ) from None
        self._check_format()

    def _check_format(self) -> None:
        found = self._state.get(_FORMAT)
        if isinstance(found, int) and found > DATA_FORMAT:
            self.close()
            raise StoreError(
                f"the data directory {self.root} was written by a newer reader (format {found}, "
                f"this one reads {DATA_FORMAT}); upgrade reader-tui to read it (nothing was changed)"
            )
        if found != DATA_FORMAT:
            # A directory from before the marker (or a new one): its records are checked one by
            # one as they are read, so marking it is all the upgrade there is to do.
            with suppress(sqlite3.DatabaseError, OSError):
                self._state.set(_FORMAT, DATA_FORMAT)

    def close(self) -> None:
        self._state.close()
        self._articles.close()

    # -- JSON records ------------------------------------------------------------------------
    def _load(self, cache: diskcache.Cache, key: str, default: Any = None) -> Any:
        raw = cache.get(key)
        if raw is None:
            return default
        try:
            return json.loads(raw)
        except (TypeError, ValueError):
            self._drop_damaged(cache, key)
            return default

    def _save(self, cache: diskcache.Cache, key: str, value: Any) -> None:
        cache.set(key, json.dumps(value, ensure_ascii=False, separators=(",", ":")))

    def _drop_damaged(self, cache: diskcache.Cache, key: str) -> None:
        log.warning("dropping damaged cache record %s", key)
        self.problems.append(key)
        cache.delete(key)

    # -- feeds -------------------------------------------------------------------------------
    def feed_urls(self) -> list[str]:
        urls = self._load(self._state, _SUBSCRIPTIONS, [])
        return [u for u in urls if isinstance(u, str)]

    def feeds(self) -> list[Feed]:
        return [self.feed(url) or Feed(url) for url in self.feed_urls()]

    def feed(self, url: str) -> Feed | None:
        data = self._load(self._state, _feed_key(url))
        if data is None:
            return None
        try:
            return feed_from_dict(data)
        except (KeyError, TypeError, ValueError):
            self._drop_damaged(self._state, _feed_key(url))
            return None

    def add_feed(self, url: str, title: str = "") -> bool:
        """Subscribe, under `title` until the feed says its own; False when already subscribed."""
        with self._state.transact():
            urls = self.feed_urls()
            if url in urls:
                return False
            self._save(self._state, _SUBSCRIPTIONS, [*urls, url])
            if self._state.get(_feed_key(url)) is None:
                self._save(self._state, _feed_key(url), feed_to_dict(Feed(url, title=title)))
        return True

    def remove_feed(self, url: str) -> bool:
        """Unsubscribe and forget the feed's headlines; cached article text stays (it may be shared)."""
        with self._state.transact():
            urls = self.feed_urls()
            if url not in urls:
                return False
            self._save(self._state, _SUBSCRIPTIONS, [u for u in urls if u != url])
            for entry in self.entries(url):
                self._state.delete(_content_key(entry.id))
            for key in (_feed_key(url), _entries_key(url), _read_key(url)):
                self._state.delete(key)
        return True

    def put_feed(self, feed: Feed) -> None:
        if feed.url in self.feed_urls():
            self._save(self._state, _feed_key(feed.url), feed_to_dict(feed))

    # -- entries -----------------------------------------------------------------------------
    def entries(self, feed_url: str) -> list[Entry]:
        data = self._load(self._state, _entries_key(feed_url), [])
        try:
            return [entry_from_dict(d) for d in data]
        except (KeyError, TypeError, ValueError):
            self._drop_damaged(self._state, _entries_key(feed_url))
            return []

    def merge_entries(self, feed_url: str, fresh: Iterable[Entry]) -> list[Entry]:
        """Add or update a feed's entries; returns those that are new. Old entries are kept
        (a feed shows only its latest items), up to MAX_ENTRIES_PER_FEED."""
        mine = [e for e in fresh if e.feed_url == feed_url]  # an entry belongs to its own feed only
        with self._state.transact():
            known = {e.id: e for e in self.entries(feed_url)}
            new = [e for e in mine if e.id not in known]
            # An item's full text is written when the item is new or says it changed, not at
            # every refresh of its feed (a feed carries up to 2,000 of them).
            changed = [
                e
                for e in mine
                if e.content and (e.id not in known or known[e.id].updated != e.updated)
            ]
            known.update((e.id, e) for e in mine)
            ordered = sorted(known.values(), key=_newest_first)
            self._save(
                self._state,
                _entries_key(feed_url),
                [entry_to_dict(e) for e in ordered[:MAX_ENTRIES_PER_FEED]],
            )
            for entry in changed:
                self._state.set(_content_key(entry.id), entry.content)
            for dropped in ordered[MAX_ENTRIES_PER_FEED:]:
                self._state.delete(_content_key(dropped.id))
        return new

    def entry_content(self, entry_id: str) -> str:
        """The feed's full text of an entry (see `Entry.content`), or ""."""
        value = self._state.get(_content_key(entry_id))
        return value if isinstance(value, str) else ""

    def feed_html(self, entry: Entry) -> str:
        """The text the feed carried for `entry`: its full content (in hand when fresh from the
        feed, else kept here), else its summary. Extraction's fallback and the offline view."""
        return entry.content or self.entry_content(entry.id) or entry.summary

    def read_ids(self, feed_url: str) -> set[str]:
        return set(self._load(self._state, _read_key(feed_url), []))

    def set_read(self, entry: Entry, read: bool) -> None:
        with self._state.transact():
            ids = self.read_ids(entry.feed_url)
            ids.add(entry.id) if read else ids.discard(entry.id)
            self._save(self._state, _read_key(entry.feed_url), sorted(ids))

    # -- articles ----------------------------------------------------------------------------
    def article_keys(self) -> set[str]:
        """The keys of every cached article, in one query (for lists of thousands)."""
        return self._keys_with_prefix("article:")

    def not_article_keys(self) -> set[str]:
        """The keys of every link known not to be an article page, in one query."""
        return self._keys_with_prefix("not-article:")

    def _keys_with_prefix(self, prefix: str) -> set[str]:
        query = "SELECT key FROM Cache WHERE key >= ? AND key < ?"
        # A range on the primary key's index, not LIKE (which can't use it); ';' follows ':'.
        rows = self._articles._sql(query, (prefix, prefix[:-1] + ";")).fetchall()
        return {str(key)[len(prefix) :] for (key,) in rows}

    def article(self, url: str) -> Article | None:
        """The cached article, or None; a damaged record is dropped and reported as a problem."""
        key = f"article:{article_key(url)}"
        data = self._load(self._articles, key)
        if data is None:
            return None
        try:
            return article_from_dict(data)
        except (KeyError, TypeError, ValueError, IndexError):
            self._drop_damaged(self._articles, key)
            return None

    def put_article(
        self,
        url: str,
        article: Article,
        packed_page: bytes | None = None,
        fallback_html: str = "",
    ) -> None:
        """Cache an article, with its raw page as `pack_raw_page` made it and the feed's own
        text of it (what extraction falls back on), in one transaction."""
        key = article_key(url)
        record = _article_record(article)
        with self._articles.transact():
            if packed_page is not None:
                self._articles.set(f"raw:{key}", packed_page)
                self._articles.delete(f"pages:{key}")  # a first page fetched again starts over
                if fallback_html:
                    self._articles.set(f"fallback:{key}", zlib.compress(fallback_html.encode(), 1))
                else:
                    self._articles.delete(f"fallback:{key}")
            self._articles.set(f"article:{key}", record)
            self._articles.delete(f"failed:{key}")
            self._articles.delete(f"gone:{key}")
            self._mark_missing_text(key, article)
            for address in _other_addresses(key, article):
                self._articles.set(f"also:{address}", url)

    def has_article(self, url: str) -> bool:
        return f"article:{article_key(url)}" in self._articles

    def aliased(self, url: str) -> str | None:
        """The link an article was cached under, when `url` is another address of it: the
        page a redirect ended at, or the canonical address the page declares (`put_article`).
        May name an article pruned since: reading that link says so."""
        link = self._articles.get(f"also:{article_key(url)}")
        return link if isinstance(link, str) else None

    def _mark_missing_text(self, key: str, article: Article) -> None:
        """Mark an article being put as missing text for a sync to read on, and as cached only
        in part (both, one or none)."""
        if article.incomplete and not article.incomplete_for_good:
            self._articles.set(f"incomplete:{key}", 1)
        else:
            self._articles.delete(f"incomplete:{key}")
        if article.in_part:  # what a list marks apart from a whole article
            self._articles.set(f"partial:{key}", 1)
        else:
            self._articles.delete(f"partial:{key}")

    def is_incomplete(self, url: str) -> bool:
        """The article cached for `url` lacks some of its text, for a sync to read on
        (`Article.incomplete`, not for good)."""
        return f"incomplete:{article_key(url)}" in self._articles

    def partial_keys(self) -> set[str]:
        """The keys of the cached articles that are not all of the article (see
        `_mark_missing_text`), in one query. Marked when cached: an article cached before the
        mark existed has none until it is extracted again."""
        return self._keys_with_prefix("partial:")

    def incomplete_keys(self) -> set[str]:
        """The keys of the cached articles missing some of their text for a sync to read on,
        in one query."""
        return self._keys_with_prefix("incomplete:")

    def add_article_page(
        self, url: str, article: Article, page_url: str, packed_page: bytes
    ) -> None:
        """Cache `article` with one more of its pages: the raw page `page_url` gave, as
        `pack_raw_page` made it, kept after those before it (`later_pages`)."""
        key = article_key(url)
        record = _article_record(article)
        with self._articles.transact():
            try:
                pages = [*self._page_list(key), (page_url, packed_page)]
            except ValueError:  # damaged: the pages before are lost, this one is kept
                pages = [(page_url, packed_page)]
            self._articles.set(f"pages:{key}", pack_page_list(pages))
            self._articles.set(f"article:{key}", record)
            self._articles.delete(f"failed:{key}")
            self._mark_missing_text(key, article)

    def later_pages(self, url: str) -> list[tuple[str, bytes, str]]:
        """The raw pages after the first of an article split over several, in order: each
        page's address, the page as downloaded and its Content-Type."""
        try:
            return [
                (page_url, *unpack_raw_page(blob))
                for page_url, blob in self._page_list(article_key(url))
            ]
        except (ValueError, zlib.error, TypeError, UnicodeDecodeError):
            self._drop_damaged(self._articles, f"pages:{article_key(url)}")
            return []

    def _page_list(self, key: str) -> list[tuple[str, bytes]]:
        blob = self._articles.get(f"pages:{key}")
        return unpack_page_list(blob) if isinstance(blob, bytes) else []

    def fallback_html(self, url: str) -> str:
        """The feed's own text kept beside an article's raw page, or ""."""
        blob = self._articles.get(f"fallback:{article_key(url)}")
        try:
            return zlib.decompress(blob).decode() if isinstance(blob, bytes) else ""
        except (zlib.error, UnicodeDecodeError):
            self._drop_damaged(self._articles, f"fallback:{article_key(url)}")
            return ""

    def not_an_article(self, url: str) -> str | None:
        """Why a link is known not to be an article page (e.g. its content type), or None."""
        value = self._articles.get(f"not-article:{article_key(url)}")
        return value if isinstance(value, str) else None

    def mark_not_an_article(self, url: str, reason: str) -> None:
        self._articles.set(f"not-article:{article_key(url)}", reason)

    def last_failure(self, url: str) -> str | None:
        """Why the last try to fetch an article not cached failed, or None."""
        value = self._articles.get(f"failed:{article_key(url)}")
        return value if isinstance(value, str) else None

    def mark_failed(self, url: str, reason: str) -> None:
        self._articles.set(f"failed:{article_key(url)}", reason)

    def mark_gone(self, url: str) -> None:
        """Record that the site said now that the story at `url` is gone (404, 410)."""
        self._articles.set(f"gone:{article_key(url)}", time.time())

    def gone(self) -> dict[str, float]:
        """When each story the site said was gone was last said so (epoch seconds), by key."""
        found: dict[str, float] = {}
        for key in self._keys_with_prefix("gone:"):
            at = self._articles.get(f"gone:{key}")
            found[key] = float(at) if isinstance(at, (int, float)) else 0.0
        return found

    # -- saved articles, use and eviction ----------------------------------------------------------
    def saved(self) -> dict[str, dict[str, Any]]:
        """Saved articles by article key: what entry they came from and when they were saved."""
        data = self._load(self._state, _SAVED, {})
        return data if isinstance(data, dict) else {}

    def set_saved(self, url: str, saved: bool, entry: Entry | None = None) -> None:
        key = article_key(url)
        with self._state.transact():
            current = self.saved()
            if saved:
                current[key] = {
                    "url": url,
                    "entry": entry.id if entry else None,
                    "feed": entry.feed_url if entry else None,
                    "at": time.time(),
                }
            else:
                current.pop(key, None)
            self._save(self._state, _SAVED, current)

    def touch_article(self, url: str) -> None:
        """Record that the article was just read (least recently read goes first on eviction)."""
        self._articles.set(f"read-at:{article_key(url)}", time.time())

    def reading_place(self, url: str) -> dict[str, Any] | None:
        """Where the reader left the article (see `Library.remember_place`), or None."""
        value = self._load(self._articles, f"place:{article_key(url)}")
        return value if isinstance(value, dict) else None

    def set_reading_place(self, url: str, place: dict[str, Any] | None) -> None:
        key = f"place:{article_key(url)}"
        if place is None:
            self._articles.delete(key)
        else:
            self._save(self._articles, key, place)

    def cached_articles(self) -> list[CachedArticle]:
        saved = self.saved()
        sizes: dict[str, int] = {}
        cached_at: dict[str, float] = {}
        downloaded_at: dict[str, float] = {}
        read_at: dict[str, float] = {}
        # diskcache keeps small values inline and large ones in files; its table knows both sizes.
        query = "SELECT key, CASE WHEN filename IS NULL THEN length(value) ELSE size END, store_time FROM Cache"
        for key, size, stored in self._articles._sql(query).fetchall():
            kind, _, akey = str(key).partition(":")
            if kind in ("article", "raw", "fallback", "pages"):
                sizes[akey] = sizes.get(akey, 0) + int(size or 0)
            if kind == "article":
                cached_at[akey] = stored
            elif kind == "raw":
                downloaded_at[akey] = stored
            elif kind == "read-at":
                value = self._articles.get(key)
                read_at[akey] = value if isinstance(value, float) else 0.0
        # Cached when its page was downloaded: re-extracting the kept page (`reader reextract`,
        # an upgrade) rewrites the article record, but neither caches nor reads it, so it must
        # not make every article look as recently used as the others to eviction.
        cached_at = {key: downloaded_at.get(key, at) for key, at in cached_at.items()}
        return [
            CachedArticle(key, sizes.get(key, 0), at, max(at, read_at.get(key, 0.0)), key in saved)
            for key, at in cached_at.items()
        ]

    def delete_article(self, key: str) -> None:
        for prefix in _ARTICLE_PREFIXES:
            self._articles.delete(prefix + key)

    def disk_usage(self) -> int:
        return sum(p.stat().st_size for p in self.root.rglob("*") if p.is_file())

    def raw_page(self, url: str) -> tuple[bytes, str] | None:
        """The page as downloaded and its Content-Type header, or None."""
        blob = self._articles.get(f"raw:{article_key(url)}")
        if blob is None:
            return None
        try:
            return unpack_raw_page(blob)
        except (zlib.error, TypeError, AttributeError):
            self._drop_damaged(self._articles, f"raw:{article_key(url)}")
            return None


def _article_record(article: Article) -> str:
    return json.dumps(article_to_dict(article), ensure_ascii=False, separators=(",", ":"))


def _newest_first(entry: Entry) -> tuple[int, float]:
    when = entry.published or entry.updated
    return (0, -when.timestamp()) if when else (1, 0.0)
