"""What the reader does with cached articles, in the store: the articles as eviction sees them (size, when cached, when last used, saved), and those the size
limit left out (evicted, or never fetched for it)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..dates import retrieved_as_believed
from ..feed_tags import folder_key
from ..keys import article_key
from .articles import AHEAD
from .directory import _reporting_storage_errors
from .key_ranges import prefix_range, rows_with_prefix, scanned
from .saved import StoreSaved

_SYNC_STOPPED = "sync-stopped"
_SYNCS_RUNNING = "syncs-running"
_HEADLINES_ONLY = "headlines"
"""What a sync of headlines only adds to its record."""
_PORTALS = "portals"
_SITE_PAGES = "site-sign-in-pages"
_UNANSWERED = "unanswered"
_HELD_HOSTS = "held-hosts"
_UNREAD_VIEW = "unread-view"
_FEEDS_HIDDEN = "feeds-hidden"
_LEFT_LIST = "left-list"
_FOLDED_FOLDERS = "folded-folders"
_LEFT_OUT_FIELDS = ("size", "cached_at", "last_used", "at")
# What an article takes in the cache, as eviction counts it: its earlier versions too.
_SIZED = ("article", "raw", "fallback", "pages", "versions", "pictures", "picture-data")


def _believed(retrieved: float, published: float | None, now: float) -> float:
    """`dates.retrieved_as_believed` of epoch seconds."""
    moment = retrieved_as_believed(
        datetime.fromtimestamp(retrieved, UTC),
        datetime.fromtimestamp(published, UTC) if published is not None else None,
        datetime.fromtimestamp(now, UTC),
    )
    return moment.timestamp()


@dataclass(frozen=True)
class CachedArticle:
    """One article in the cache, as eviction sees it."""

    key: str
    size: int  # bytes of the cleaned article, its raw page and its earlier versions
    cached_at: float  # epoch seconds
    last_used: float  # last opened, else when cached
    saved: bool


@dataclass(frozen=True)
class LeftOut:
    """An article the cache's size limit left out: evicted for it, or not fetched by a sync
    because it would have been. What it took and when it was cached and last used (as
    `CachedArticle` had them; its size 0 and both times when it was left out, for one never
    fetched), for a sync to tell whether the cache has room for it now."""

    size: int
    cached_at: float
    last_used: float
    at: float  # when it was left out


@_reporting_storage_errors
class StoreUsage(StoreSaved):
    """Eviction's view of a `Store`, and the reader's own marks of how it was left."""

    # -- eviction -----------------------------------------------------------------------------
    def cached_articles(self) -> list[CachedArticle]:
        saved = self.saved()
        sizes: dict[str, int] = {}
        cached_at: dict[str, float] = {}
        downloaded_at: dict[str, float] = {}
        # diskcache keeps small values inline and large ones in files; its table knows both sizes.
        query = "SELECT key, CASE WHEN filename IS NULL THEN length(value) ELSE size END, store_time FROM Cache"
        for key, size, stored in scanned(self._articles, query):
            kind, _, akey = str(key).partition(":")
            if kind in _SIZED:
                sizes[akey] = sizes.get(akey, 0) + int(size or 0)
            if kind == "article":
                cached_at[akey] = stored
            elif kind == "raw":
                downloaded_at[akey] = stored
        # When each was last read, in a query (a get each: a second at 12,000 articles).
        read_at = self.read_times()
        # Cached when its page was downloaded: re-extracting the kept page (`reader reextract`,
        # an upgrade) rewrites the article record, but neither caches nor reads it, so it must
        # not make every article look as recently used as the others to eviction.
        cached_at = {key: downloaded_at.get(key, at) for key, at in cached_at.items()}
        # diskcache's own times are the clock's as they were written: one that was wrong is
        # mended here, where they are read (`dates.retrieved_as_believed`).
        now = time.time()
        ahead = self._ahead()
        for key, at in cached_at.items():
            if at > now or key in ahead:
                cached_at[key] = _believed(at, ahead.get(key), now)
        return [
            CachedArticle(
                key, sizes.get(key, 0), at, max(at, min(read_at.get(key, 0.0), now)), key in saved
            )
            for key, at in cached_at.items()
        ]

    def cached_total(self) -> tuple[int, int]:
        """The bytes the cached articles take, as `cached_articles` counts them, and how many of
        them are saved, in two queries: the size limit's check while the cache is under it,
        without reading and ranking every article."""
        kinds = " OR ".join("(key >= ? AND key < ?)" for _ in _SIZED)
        bounds = [bound for kind in _SIZED for bound in prefix_range(f"{kind}:")]
        query = (
            "SELECT SUM(CASE WHEN filename IS NULL THEN length(value) ELSE size END) "
            f"FROM Cache c WHERE ({kinds}) AND EXISTS (SELECT 1 FROM Cache a WHERE a.raw = 1 "
            "AND a.key = 'article:' || substr(c.key, instr(c.key, ':') + 1))"
        )
        (total,) = self._articles._sql(query, bounds).fetchone()
        names = [f"article:{key}" for key in self.saved()]
        saved = 0
        for start in range(0, len(names), 500):  # SQLite's cap on a query's parameters
            chunk = names[start : start + 500]
            query = f"SELECT COUNT(*) FROM Cache WHERE key IN ({', '.join('?' * len(chunk))})"
            saved += self._articles._sql(query, chunk).fetchone()[0]
        return int(total or 0), saved

    def cached_bound(self) -> int:
        """Bytes the cached articles take at most, as `cached_articles` counts them: the
        database's pages (values kept in their row lie in them) and the files of the larger
        values (diskcache's running total of those), in two reads, whatever the cache's size.
        A sync or a prune far under the size limit knows from it that it is."""
        return int(self._articles.volume())

    def _ahead(self) -> dict[str, float]:
        """The cached articles' pages dated more than a day after they were retrieved
        (`AHEAD`), with that date (epoch seconds), in one query."""
        rows = rows_with_prefix(self._articles, AHEAD)
        return {key: value for key, value in rows if isinstance(value, float)}

    def article_size(self, url: str) -> int:
        """The bytes an article takes, as `cached_articles` counts them (0 when not cached)."""
        key = article_key(url)
        names = [f"{kind}:{key}" for kind in _SIZED]
        query = (
            "SELECT CASE WHEN filename IS NULL THEN length(value) ELSE size END FROM Cache "
            f"WHERE key IN ({', '.join('?' * len(names))})"
        )
        return sum(int(size or 0) for (size,) in self._articles._sql(query, names).fetchall())

    def left_out(self) -> dict[str, LeftOut]:
        """The articles the size limit left out (see `LeftOut`), by key. Cached again, an
        article is no longer one (`put_article`)."""
        found: dict[str, LeftOut] = {}
        for key in self._keys_with_prefix("left-out:"):
            record = self._load(self._articles, f"left-out:{key}")
            try:
                size, cached_at, last_used, at = (float(record[n]) for n in _LEFT_OUT_FIELDS)
                found[key] = LeftOut(int(size), cached_at, last_used, at)
            except (KeyError, TypeError, ValueError):
                self._drop_damaged(self._articles, f"left-out:{key}")
        return found

    def is_left_out(self, url: str) -> bool:
        return f"left-out:{article_key(url)}" in self._articles

    def left_out_keys(self) -> set[str]:
        """The keys of the articles the size limit left out, in one query."""
        return self._keys_with_prefix("left-out:")

    def mark_left_out(self, key: str, left: LeftOut) -> None:
        self._save(
            self._articles, f"left-out:{key}", {n: getattr(left, n) for n in _LEFT_OUT_FIELDS}
        )

    def forget_left_out(self, keys: Iterable[str]) -> None:
        for key in keys:
            self._articles.delete(f"left-out:{key}")

    # -- login pages found answering in every page's place (`portal`) ----------------------
    def portals(self) -> dict[str, tuple[str, float]]:
        """The login pages found, by fingerprint (hex): their title and when (epoch seconds)."""
        data = self._load(self._state, _PORTALS, {})
        if not isinstance(data, dict):
            return {}
        return {
            k: (str(v[0]), float(v[1]))
            for k, v in data.items()
            if isinstance(v, list) and len(v) == 2 and isinstance(v[1], (int, float))
        }

    def remember_portal(self, print_hex: str, title: str, keep_for: float) -> None:
        """Keep a login page found now, dropping those found over `keep_for` seconds ago."""
        now = time.time()
        with self._state.transact():
            kept = {k: [t, at] for k, (t, at) in self.portals().items() if now - at < keep_for}
            kept[print_hex] = [title, now]
            self._save(self._state, _PORTALS, kept)

    def site_pages(self) -> dict[str, float]:
        """The sign-in pages found to be a site's (`portal.PortalWatch.recall_site_page`), by
        fingerprint (hex): when (epoch seconds)."""
        data = self._load(self._state, _SITE_PAGES, {})
        if not isinstance(data, dict):
            return {}
        return {k: float(v) for k, v in data.items() if isinstance(v, (int, float))}

    def remember_site_pages(self, prints_hex: list[str], keep_for: float) -> None:
        """Keep these pages found to be a site's now, dropping those found over `keep_for`
        seconds ago."""
        now = time.time()
        with self._state.transact():
            kept = {k: at for k, at in self.site_pages().items() if now - at < keep_for}
            kept.update(dict.fromkeys(prints_hex, now))
            self._save(self._state, _SITE_PAGES, kept)

    def forget_portals(self, prints_hex: list[str]) -> None:
        """Forget the login pages of these fingerprints: found to be a site's own."""
        with self._state.transact():
            kept = {k: [t, at] for k, (t, at) in self.portals().items() if k not in prints_hex}
            self._save(self._state, _PORTALS, kept)

    # -- a sync stopped before its end -------------------------------------------------------
    def sync_stopped(self) -> bool:
        """A sync was stopped (Ctrl-C, the reader quit, or its process killed: `kill -9`, the
        battery run out) and none has ended since. Not one of headlines only: it left no
        article uncached (`reader sync --no-articles` says nothing of a Ctrl-C either)."""
        if self._value(self._state, _SYNC_STOPPED) is not None:
            return True
        return any(
            not _running(pid, run) and not _headlines_only(run)
            for pid, run in self._syncs_running().items()
        )

    def mark_sync_stopped(self, stopped: bool = True, whole: bool = True) -> None:
        """A sync is being stopped (`stopped`), or one has ended: none stopped before counts,
        unless this one was not `whole` (a tag's feeds, or headlines only: the others'
        articles may still be left by the one stopped)."""
        if stopped:
            self._state.set(_SYNC_STOPPED, time.time())
            return
        mine = str(os.getpid())

        def kept(pid: str, run: list[Any]) -> bool:
            # A sync gone without a word is its mark of articles left, until a whole one
            # ends; one of headlines only left none.
            if pid == mine:
                return False
            return _running(pid, run) or (not whole and not _headlines_only(run))

        if not all(kept(pid, run) for pid, run in self._syncs_running().items()):
            with self._state.transact():
                runs = self._syncs_running()
                self._save(
                    self._state,
                    _SYNCS_RUNNING,
                    {pid: run for pid, run in runs.items() if kept(pid, run)},
                )
        if (
            whole and self._value(self._state, _SYNC_STOPPED) is not None
        ):  # a write only when there is one
            self._state.delete(_SYNC_STOPPED)

    def mark_sync_running(self, articles: bool = True) -> None:
        """A sync starts in this process: until it ends (`mark_sync_stopped(False)`), a process
        gone without a word (killed, the machine off) leaves it as a sync stopped. One of
        headlines only (`articles` False, `reader sync --no-articles`) is under way all the
        same for a search meanwhile (`sync_under_way`), and gone it left no article uncached."""
        run: list[Any] = [_boot_id(), time.time()]
        with self._state.transact():
            runs = self._syncs_running()
            runs[str(os.getpid())] = run if articles else [*run, _HEADLINES_ONLY]
            self._save(self._state, _SYNCS_RUNNING, runs)

    def sync_under_way(self, elsewhere: bool = False) -> int | None:
        """The process id of a sync in this directory now (this process's too, unless
        `elsewhere`), of articles or of headlines only, None when none is: a search meanwhile
        finds what it has cached so far."""
        mine = str(os.getpid()) if elsewhere else ""
        for pid, run in self._syncs_running().items():
            if pid != mine and _running(pid, run):
                return int(pid)
        return None

    def _syncs_running(self) -> dict[str, list[Any]]:
        """The syncs started and not ended, by process id: the boot they ran in, and when (and
        `_HEADLINES_ONLY` for one of headlines only: a record an older version skips)."""
        data = self._load(self._state, _SYNCS_RUNNING, {})
        if not isinstance(data, dict):
            return {}
        return {
            k: v
            for k, v in data.items()
            if k.isdigit()
            and isinstance(v, list)
            and (len(v) == 2 or (len(v) == 3 and _headlines_only(v)))
        }

    def disk_usage(self) -> int:
        """The bytes of the reader's files in the data directory: not what a file-sync tool
        keeps there of its own (Syncthing's `.stversions` of every cache file, `.stfolder`,
        Dropbox's `.dropbox.cache`), which tripled the size said (acc42b B10)."""
        total = 0
        for top in self.root.iterdir():
            if top.name.startswith("."):
                continue  # the reader names nothing in its directory so
            if top.is_file():
                total += top.stat().st_size
            elif top.is_dir():
                total += sum(p.stat().st_size for p in top.rglob("*") if p.is_file())
        return total

    # -- the reader's lists shown unread only, or whole ----------------------------------------
    def unread_view(self) -> tuple[bool, bool] | None:
        """As the reader was left: whether its lists showed only unread headlines, and the
        config's `[ui] unread_only` then; None when never set."""
        data = self._load(self._state, _UNREAD_VIEW)
        if not isinstance(data, list) or len(data) != 2 or not all(type(x) is bool for x in data):
            return None
        return data[0], data[1]

    def set_unread_view(self, unread_only: bool, configured: bool) -> None:
        self._save(self._state, _UNREAD_VIEW, [unread_only, configured])

    def feeds_hidden(self) -> bool:
        """Whether the reader was left with its feed list put away (`f`)."""
        return self._load(self._state, _FEEDS_HIDDEN) is True

    def set_feeds_hidden(self, hidden: bool) -> None:
        self._save(self._state, _FEEDS_HIDDEN, hidden)

    def folded_folders(self) -> frozenset[tuple[str, ...]]:
        """The feed list's folders the reader was left with folded (`z`), each its path as
        compared (`folder_tree.folder_key`)."""
        data = self._load(self._state, _FOLDED_FOLDERS)
        if not isinstance(data, list):
            return frozenset()
        paths = (p for p in data if isinstance(p, list) and all(isinstance(n, str) for n in p))
        # Folded again: a path an earlier reader folded otherwise (an em dash) is the same.
        return frozenset(folder_key(path) for path in paths)

    def set_folded_folders(self, closed: Iterable[tuple[str, ...]]) -> None:
        self._save(self._state, _FOLDED_FOLDERS, sorted(list(path) for path in closed))

    def left_list(self) -> tuple[str | None, str | None]:
        """The list the reader was left on (None: "All feeds") and the headline its cursor
        was on (an entry id; None: none)."""
        data = self._load(self._state, _LEFT_LIST)
        if not isinstance(data, list) or len(data) != 2:
            return None, None
        view, entry = (x if isinstance(x, str) else None for x in data)
        return view, entry

    def set_left_list(self, view: str | None, entry_id: str | None) -> None:
        self._save(self._state, _LEFT_LIST, [view, entry_id])

    # -- what timed out on its last try (`unanswered`) -------------------------------------------
    def unanswered(self) -> object:
        """What the last run kept of the addresses and hosts that gave no answer in time."""
        return self._load(self._state, _UNANSWERED, {})

    def set_unanswered(self, record: dict[str, Any]) -> None:
        self._save(self._state, _UNANSWERED, record)

    # -- the hosts that asked to wait (a 429's Retry-After: `retries.Retries.held_record`) ---------
    def held_hosts(self) -> object:
        """What the last run kept of the hosts asking to wait, and till when (epoch seconds)."""
        return self._load(self._state, _HELD_HOSTS, {})

    def set_held_hosts(self, record: dict[str, float]) -> None:
        self._save(self._state, _HELD_HOSTS, record)


def _boot_id() -> str:
    """This boot of the machine ("" where the system doesn't say): a process id of an earlier
    boot names no process of this one."""
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as boot:
            return boot.read().strip()
    except OSError:
        return ""


def _headlines_only(run: list[Any]) -> bool:
    """A sync's record (`StoreUsage._syncs_running`) is of one of headlines only."""
    return run[2:] == [_HEADLINES_ONLY]


def _running(pid: str, run: list[Any]) -> bool:
    """The process `pid` of a sync's record (the boot it ran in, when) is still running."""
    if run[0] != _boot_id():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: there
        return True
    return True
