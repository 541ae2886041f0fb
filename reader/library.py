"""The one service both faces (CLI and TUI) call: verbs in, values out.

`Library` owns the store, one `Fetcher` and the worker pool for CPU work (feed parsing and
extraction run off the event loop: in a process pool so a long sync can't starve the UI, or in
a thread for one-off commands where starting processes would cost more than it saves).
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import re
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import UTC, datetime
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, ParamSpec, TypeVar
from urllib.parse import urlsplit

from .config import DEFAULT_LIMITS, FetchLimits, site_rule_for
from .gone import ASK_AGAIN_AFTER, taken_down
from .keys import article_key, looks_like_entry_id
from .models import (
    EXTRACTOR,
    UNREACHABLE,
    Article,
    Entry,
    ErrorKind,
    Feed,
    FetchError,
    SiteRule,
    StoreError,
)
from .page_caching import (
    Extracted,
    amp_for_cache,
    extend_for_cache,
    extract_for_cache,
    filled_from,
    next_page_of,
    read_from,
    whole_for_cache,
)
from .portal import Answer, PortalWatch, page_print, portal_error, relates
from .reports import (
    CacheStats,
    FeedResult,
    Headline,
    ProgressCallback,
    PruneReport,
    SyncProgress,
    SyncReport,
)
from .safe import safe_line
from .store import Store
from .urls import canonical_url, is_web_url, not_web_url, with_scheme
from .workers import import_worker_modules, prepare_process_workers, start_worker, stop_pool

if (
    TYPE_CHECKING
):  # the network and parsing stacks are imported on first use: `reader list` starts fast
    from .fetch import Fetcher

P = ParamSpec("P")
T = TypeVar("T")

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)


def _consume_error(future: asyncio.Future[Any]) -> None:
    """Mark a finished download's error as seen: its waiters may have gone (the app closed)."""
    if not future.cancelled():
        future.exception()


def _entry_of(target: Entry | str) -> Entry | None:
    return target if isinstance(target, Entry) else None


def _link(target: Entry | str) -> str:
    """The article URL of an entry, or the URL itself."""
    return target.link if isinstance(target, Entry) else target


def _text_mark(article: Article) -> str:
    """What a reading place was measured in: the article's paragraphs and the header lines
    above them (a place counts paragraphs from the top). Not the extractor's version: an
    upgrade that reads the same text again keeps the place."""
    digest = hashlib.blake2b(digest_size=16)
    header = (article.title, article.author, article.site_name, article.incomplete)
    times = (str(article.published), str(article.updated))
    for part in (*header, *times, *(block.text for block in article.blocks)):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


@contextmanager
def _storage_as_fetch_error(url: str) -> Iterator[None]:
    """A cache write that fails (full disk, read-only) fails that one item, as a value."""
    try:
        yield
    except StoreError as error:
        raise FetchError(ErrorKind.STORAGE, str(error), url) from None


def _tell(hearer: Callable[[Article], None], article: Article) -> None:
    with suppress(Exception):  # a display's failure is no reason to stop a download
        hearer(article)


_PASSING = frozenset({403, 408, 429})  # statuses that say as little of the page as a 5xx


def _may_come_later(error: FetchError) -> bool:
    """The failure says nothing of the page itself (the network, a server busy or down, a
    rate limit): another try may bring it."""
    status = error.status or 0
    # 403: a bot wall's answer as often as a page's; 408: the server gave up waiting; 429: a
    # rate limit, however long it asked us to wait.
    return error.kind in UNREACHABLE or error.retryable or status >= 500 or status in _PASSING


@contextmanager
def _unexpected_as_fetch_error(url: str) -> Iterator[None]:
    """A failure we didn't foresee, reading one page (a parser's error on a hostile page),
    fails that one article, as a value: not a whole sync, not the reader."""
    try:
        yield
    except FetchError:
        raise
    except Exception as error:
        message = f"could not read the page ({type(error).__name__})"
        raise FetchError(ErrorKind.EXTRACTION, message, url) from error


# What is written as an address, not an id: a scheme and "//", or a scheme of no web page.
_ADDRESS_LIKE = re.compile(r"[a-z][a-z0-9+.-]*://|(?:file|mailto|javascript|data):", re.IGNORECASE)


def _with_link(headlines: list[Headline], url: str) -> Entry | None:
    wanted = canonical_url(url)
    for headline in headlines:
        if headline.entry.link and canonical_url(headline.entry.link) == wanted:
            return headline.entry
    return None


class Library:
    """Subscriptions, headlines and articles of one data directory."""

    def __init__(
        self,
        data_dir: Path,
        limits: FetchLimits = DEFAULT_LIMITS,
        workers: Literal["process", "thread"] = "thread",
        cache_max_bytes: int = 0,
        site_rules: dict[str, SiteRule] | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.limits = limits
        self.cache_max_bytes = cache_max_bytes  # applied after each sync; 0 for no limit
        self.site_rules = site_rules or {}
        self.store = Store(data_dir)
        self._workers = workers
        self._pool: Executor | None = None
        self._fetcher: Fetcher | None = None
        self._inflight: dict[str, asyncio.Future[Article]] = {}
        # Downloads of articles over several pages whose first page is in, and who waits to
        # hear of it (`hear_first_page`), by canonical address.
        self._first_pages: dict[str, Article] = {}
        self._first_page_hearers: defaultdict[str, list[Callable[[Article], None]]] = defaultdict(
            list
        )
        self._portal = PortalWatch()  # a Wi-Fi login page answering in every page's place

    # -- lifecycle -----------------------------------------------------------------------------
    async def aclose(self) -> None:
        if self._fetcher is not None:
            await self._fetcher.aclose()
            self._fetcher = None
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            stop_pool(self._pool)
            self._pool = None
        self.store.close()

    async def __aenter__(self) -> Library:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            from .fetch import Fetcher

            self._fetcher = Fetcher(self.limits)
        return self._fetcher

    def start_workers(self, articles: bool = True) -> None:
        """Start the pool for CPU work now, so its start-up overlaps the network.

        In a process with no other thread yet (the CLI), workers are forked: they start at once
        with the parent's modules. Otherwise (the TUI runs threads) they are spawned.
        """
        if self._pool is not None:
            return
        if self._workers != "process":
            self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="reader-cpu")
            return
        count = max(1, min(4, os.cpu_count() or 2))
        method = (
            "fork"
            if sys.platform.startswith("linux") and threading.active_count() == 1
            else "spawn"
        )
        if method == "fork":
            import_worker_modules(articles)  # once here; the children inherit them
        else:
            prepare_process_workers()
        self._pool = ProcessPoolExecutor(
            max_workers=count,
            mp_context=get_context(method),
            initializer=start_worker,
            initargs=(os.getpid(),),
        )
        for _ in range(count):
            self._pool.submit(import_worker_modules, articles)

    async def _cpu(self, fn: Callable[P, T], *args: Any) -> T:
        """Run CPU work off the event loop."""
        self.start_workers()
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn, *args)

    # -- subscriptions -------------------------------------------------------------------------
    def feeds(self) -> list[Feed]:
        return self.store.feeds()

    def add_feed(self, url: str, title: str = "") -> bool:
        """Subscribe to `url` (not fetched yet), named `title` until its first fetch (an OPML
        file's name for it); False when already subscribed."""
        url = url.strip()
        if not is_web_url(url):
            raise FetchError(ErrorKind.BAD_URL, not_web_url(url), url)
        return self.store.add_feed(self.subscription_url(url), title)

    def remove_feed(self, url: str) -> bool:
        return self.store.remove_feed(self.subscription_url(url.strip()))

    def subscription_url(self, url: str) -> str:
        """The URL as subscribed when `url` names the same feed in another spelling."""
        wanted = canonical_url(url)
        return next((u for u in self.store.feed_urls() if canonical_url(u) == wanted), url)

    # -- headlines -----------------------------------------------------------------------------
    def headlines(
        self, feed_url: str | None = None, unread_only: bool = False, saved_only: bool = False
    ) -> list[Headline]:
        """Entries newest first, of one feed or of all."""
        urls = [self.subscription_url(feed_url)] if feed_url else self.store.feed_urls()
        saved = self.store.saved()
        cached_keys = self.store.article_keys()
        partial_keys = self.store.partial_keys()
        not_article_keys = self.store.not_article_keys()
        out: list[Headline] = []
        for url in urls:
            read = self.store.read_ids(url)
            for entry in self.store.entries(url):
                if unread_only and entry.id in read:
                    continue
                key = article_key(entry.link) if entry.link else ""
                if saved_only and key not in saved:
                    continue
                cached = bool(key) and key in cached_keys
                is_saved = bool(key) and key in saved
                partial = cached and key in partial_keys
                not_article = not cached and bool(key) and key in not_article_keys
                out.append(
                    Headline(entry, entry.id in read, cached, is_saved, partial, not_article)
                )
        out.sort(
            key=lambda h: (
                -(
                    h.entry.published or h.entry.updated or datetime.min.replace(tzinfo=UTC)
                ).timestamp()
            )
        )
        return out

    def entry(self, entry_id: str) -> Entry | None:
        for url in self.store.feed_urls():
            for entry in self.store.entries(url):
                if entry.id == entry_id:
                    return entry
        return None

    def resolve(self, id_or_url: str) -> Entry | str:
        """An entry by id, or a URL to read directly; raises FetchError(NOT_FOUND) otherwise."""
        text = id_or_url.strip()
        if looks_like_entry_id(text):
            entry = self.entry(text)
            if entry is not None:
                return entry
        if is_web_url(text):
            headlines = self.headlines()
            if (entry := _with_link(headlines, text)) is not None:
                return entry
            if self.store.has_article(text):
                return text
            # The address a citation names (where a feed's link redirected to, the page's
            # canonical one) finds the article cached under the feed's link.
            link = self.store.aliased(text) or text
            return _with_link(headlines, link) or link
        if _ADDRESS_LIKE.match(text) or with_scheme(text):  # "ftp://…", "www.example.org/a"
            raise FetchError(ErrorKind.BAD_URL, not_web_url(text))
        raise FetchError(
            ErrorKind.NOT_FOUND, f"no article with id {safe_line(text, 80)!r} (see `reader list`)"
        )

    def mark_read(self, entry: Entry, read: bool = True) -> None:
        self.store.set_read(entry, read)

    def is_read(self, entry: Entry) -> bool:
        return entry.id in self.store.read_ids(entry.feed_url)

    # -- where the reader left an article ------------------------------------------------------
    def reading_place(self, target: Entry | str, article: Article) -> dict[str, int] | None:
        """Where the reader left `article` (see `remember_place`), when the text is still the
        one it was left in: a newer revision or a better extraction starts again at the top."""
        url = _link(target)
        record = self.store.reading_place(url) if url else None
        if record is None or record.get("text") != _text_mark(article):
            return None
        place = record.get("place")
        return place if isinstance(place, dict) else None

    def remember_place(
        self, target: Entry | str, article: Article, place: dict[str, int] | None
    ) -> None:
        """Keep where the reader is in `article` (a face's own record; None: at its start), so
        it opens there again, in this session or the next, until the article leaves the cache."""
        url = _link(target)
        if url:
            record = None if place is None else {"text": _text_mark(article), "place": place}
            self.store.set_reading_place(url, record)

    # -- articles ------------------------------------------------------------------------------
    def cached_article(self, target: Entry | str) -> Article | None:
        url = _link(target)
        return self.store.article(url) if url else None

    async def article(
        self,
        target: Entry | str,
        offline: bool = False,
        first_page: Callable[[Article], None] | None = None,
    ) -> Article:
        """The cleaned article of an entry or URL: from the cache, else fetched and cached.

        With `offline`, never touches the network. Raises FetchError. An article over several
        pages, fetched now, is handed to `first_page` as soon as its first page is in (marked
        `incomplete`), for a reader to start on while the rest comes.
        """
        url = _link(target)
        if not url:
            raise FetchError(ErrorKind.BAD_URL, "this item has no link to an article")
        if not is_web_url(url):
            raise FetchError(ErrorKind.BAD_URL, f"not an http(s) link: {safe_line(url, 200)}", url)
        cached = self.store.article(url)
        if cached is not None and cached.incomplete and canonical_url(url) in self._inflight:
            # Its first pages are in, and a sync is fetching the others: wait for them too.
            return await self._fetch_once(url, _entry_of(target), first_page)
        if cached is not None:
            with suppress(StoreError):  # a full disk or a read-only directory still reads
                self.store.touch_article(url)
            if cached.extractor < EXTRACTOR:
                cached = await self._upgraded(url, cached)
            return cached
        known = self.store.not_an_article(url)
        if known:
            raise FetchError(ErrorKind.NOT_HTML, known, url)
        if offline:
            failed = self.store.last_failure(url)
            why = (
                f"the last try to fetch it failed ({failed})"
                if failed
                else "it is not in the cache (never synced, or pruned)"
            )
            raise FetchError(ErrorKind.NOT_CACHED, f"not available offline: {why}", url)
        return await self._fetch_once(url, _entry_of(target), first_page)

    def hear_first_page(self, url: str, hearer: Callable[[Article], None]) -> None:
        """While `url` is being downloaded: call `hearer` with the article when its first page
        is in, if it is an article over several pages (at once when that page is in already).
        Nothing when no download of it is under way."""
        key = canonical_url(url)
        if key not in self._inflight:
            return
        if key in self._first_pages:
            _tell(hearer, self._first_pages[key])
        else:
            self._first_page_hearers[key].append(hearer)

    async def feed_text(self, entry: Entry) -> Article | None:
        """The text the feed carried for `entry` (its full content, else its summary) as a
        partial article, or None: what can still be read of an article the network can't
        reach. Not cached: a later sync should fetch the page itself."""
        from .extract import feed_article

        html = self.store.feed_html(entry)
        return await self._cpu(feed_article, entry, html) if html.strip() else None

    async def _fetch_once(
        self,
        url: str,
        entry: Entry | None,
        first_page: Callable[[Article], None] | None = None,
    ) -> Article:
        """Download and cache `url`, sharing one download among everyone who asks at once
        (the first to ask hears of its first page)."""
        key = canonical_url(url)
        pending = self._inflight.get(key)
        if pending is None:
            pending = asyncio.ensure_future(self._download(url, entry))
            self._inflight[key] = pending
            pending.add_done_callback(lambda _f: self._download_done(key))
            pending.add_done_callback(_consume_error)
        if first_page is not None:
            self.hear_first_page(url, first_page)
        return await asyncio.shield(pending)

    def _download_done(self, key: str) -> None:
        self._inflight.pop(key, None)
        self._first_pages.pop(key, None)
        self._first_page_hearers.pop(key, None)

    async def _download(self, url: str, entry: Entry | None) -> Article:
        try:
            with _unexpected_as_fetch_error(url):
                return await self._download_pages(url, entry)
        except FetchError as error:
            if error.kind not in (ErrorKind.NOT_HTML, ErrorKind.STORAGE, ErrorKind.PORTAL):
                # Kept (until the article is cached), so reading it offline can say why it
                # isn't there rather than "never synced". A link that is no article has its
                # own record; a store that can't be written can't keep this either; a login
                # page says nothing of the article (an earlier reason, a 404, stays).
                with suppress(StoreError):
                    self.store.mark_failed(url, error.message)
                    if taken_down(error):
                        self.store.mark_gone(url)
            raise

    async def _download_pages(self, url: str, entry: Entry | None) -> Article:
        # A key's presence, not a record to decode: a sync asks this of every article.
        cached = self.store.article(url) if self.store.is_incomplete(url) else None
        if cached is not None and cached.incomplete:
            return await self._resume(url, cached)
        try:
            first, page_url = await self._first_page(url, entry)
        except FetchError as error:
            if error.kind == ErrorKind.NOT_HTML:
                # Remembered, so a sync doesn't download the PDF again and offline reading can
                # say why.
                with suppress(StoreError):
                    self.store.mark_not_an_article(url, error.message)
            raise
        if first.amp:
            read = await self._amp(url, first.amp, page_url, entry)
            if read is not None:
                return read
        if first.failed is not None:
            raise first.failed
        assert first.article is not None  # a first page's extraction caches, fails or raises
        if first.next_page:
            key = canonical_url(url)
            self._first_pages[key] = first.article
            for hearer in self._first_page_hearers.pop(key, []):
                _tell(hearer, first.article)
        if first.one_page:
            whole = await self._one_page(url, first.one_page)
            if whole is not None:
                return whole
        return await self._later_pages(url, first.article, [page_url], first.next_page)

    async def _first_page(self, url: str, entry: Entry | None) -> tuple[Extracted, str]:
        """The article's first page fetched, extracted and cached, and its address. A page
        that sends the browser on is followed as a redirect is, under the same cap."""
        target = url
        for _hop in range(self.limits.max_redirects + 1):
            result, page_url = await self._fetched(url, target, extract_for_cache, entry)
            if not result.refresh:
                return result, page_url
            target = result.refresh
        from .fetch import too_many_redirects

        raise too_many_redirects(url, self.limits.max_redirects)

    async def _later_pages(
        self, url: str, article: Article, read: list[str], next_page: str
    ) -> Article:
        """`article`, with the pages after those `read` (their addresses) when it is split
        over several, each fetched and added in turn (`extend_for_cache`), up to
        `max_article_pages`. A page that fails to come ends the article there, with the pages
        that came, marked `incomplete` with the reason: the next sync goes on from there. One
        that goes on past the cap is marked so for good, saying where it goes on."""
        seen = {canonical_url(page) for page in read}
        cap = self.limits.max_article_pages
        while next_page and len(seen) < cap:
            if canonical_url(next_page) in seen:
                break
            seen.add(canonical_url(next_page))
            try:
                result, _ = await self._fetched(url, next_page, extend_for_cache, len(seen))
            except FetchError as error:
                if not _may_come_later(error):
                    break  # the site's own pager is wrong (a 404, no text): the article ends
                missing = f"page {len(seen)} did not come ({error.message}); the next sync reads on"
                return self._kept(url, replace(article, incomplete=missing))
            article = result.article or article
            next_page = result.next_page
        else:
            if next_page and await self._goes_on(url, next_page, seen):
                # The address inside the sentence: a full stop after it would be copied with it.
                # As many as were read: a cap lowered since may have let more in.
                read = len(seen)
                cut = (
                    f"it runs past {read} pages, and page {read + 1} ({next_page}) and those "
                    "after it are not read: reader reads no more of one article"
                )
                return self._kept(url, replace(article, incomplete=cut, incomplete_for_good=True))
        # The last page read (or a page of another article, or the site's pager going round).
        # What is missing for good (a page for subscribers) stays said.
        if article.incomplete and not article.incomplete_for_good:
            return self._kept(url, replace(article, incomplete=""))
        return article

    async def _goes_on(self, url: str, next_page: str, seen: set[str]) -> bool:
        """The article cached under `url`, read to the cap on pages, goes on at `next_page`:
        a page not read yet, that adds to it (or may: it failed for a reason that may pass)."""
        if canonical_url(next_page) in seen:
            return False
        try:
            result, _ = await self._fetched(url, next_page, extend_for_cache, len(seen) + 1, False)
        except FetchError as error:
            return _may_come_later(error)
        return result.goes_on

    async def _fetched(
        self, url: str, target: str, step: Callable[..., Extracted], *extra: Any
    ) -> tuple[Extracted, str]:
        """`target` downloaded and read by the worker `step`, which caches what it reads
        under `url`: what it made of the page, and the address the page came from. A page
        known for a Wi-Fi login page's (`portal`) is not read: FetchError(PORTAL)."""
        # The body comes still compressed: the worker inflates, checks and extracts it.
        response = await self.fetcher.get(target, decode=False)
        seen = page_print(response, self.limits.max_bytes)
        if seen is not None and (title := self._portal.title(seen[0])) is not None:
            raise portal_error(title, url)
        first = seen is not None and step is extract_for_cache
        # Caching the page clears why the article had failed: put back if it is taken out.
        failed_before = (self.store.last_failure(url) or "") if first else ""
        with _storage_as_fetch_error(url):
            result = await self._cpu(
                step,
                url,
                response,
                self.limits.max_bytes,
                site_rule_for(self.site_rules, response.url),
                self._worker_store,
                *extra,
            )
        # An article's first page, read as the article (not a cookie wall's, not a page that
        # sends the browser on): the one a login page gives itself away by, with another's.
        if first and seen is not None and result.article is not None:
            entry = extra[0] if extra and isinstance(extra[0], Entry) else None
            unrelated = entry is not None and not relates(entry.title, result.article.title)
            answer = Answer(
                canonical_url(target),
                canonical_url(response.url),
                False,
                url,
                unrelated,
                failed_before,
            )
            self._watch_for_portal(seen, answer)
        return result, response.url

    def _watch_for_portal(self, seen: tuple[bytes, str], answer: Answer) -> None:
        """Record that the web page `seen` (its fingerprint and title) came as `answer`;
        when that shows it for a login page answering in every page's place (`portal`),
        take out the articles cached from it (those before, and `answer`'s, just cached)
        and raise FetchError(PORTAL)."""
        print_, title = seen
        taken = self._portal.answered(print_, answer, title)
        if taken is None:
            return
        for each in (*taken, answer):
            if each.article:
                self._take_back(each.article, each.failed_before)
        raise portal_error(self._portal.title(print_) or title, answer.asked)

    def _take_back(self, link: str, failed_before: str = "") -> None:
        """Take out the article cached under `link` from a login page: it was never the
        article (why it had failed before, `failed_before`, is put back). A saved one is the
        reader's to drop."""
        if not self.is_saved(link):
            with suppress(StoreError):
                self.store.delete_article(article_key(link))
                if failed_before:
                    self.store.mark_failed(link, failed_before)

    async def _one_page(self, url: str, address: str) -> Article | None:
        """The article read from the page that offers it whole, cached in place of its first
        page; None when that page fails or isn't it (then the pages are read one by one)."""
        try:
            result, _ = await self._fetched(url, address, whole_for_cache)
        except FetchError:
            return None
        return result.article

    async def _amp(
        self, url: str, address: str, page_url: str, entry: Entry | None
    ) -> Article | None:
        """The article read from the AMP version of its page (`page_url`), cached in place of
        what that page gave; None when the AMP one isn't it, gives no more, or fails for good.
        One failing for a reason that may pass (the network, a busy server) leaves what the
        page gave marked `incomplete`, for the next sync to try again; when the page gave
        nothing to cache, that is the article's failure."""
        try:
            result, _ = await self._fetched(url, address, amp_for_cache, entry, page_url)
        except FetchError as error:
            if not _may_come_later(error):
                return None
            why = f"its AMP version did not come ({error.message})"
            cached = self.store.article(url)
            if cached is None:
                raise replace(error, message=f"the page gave no text, and {why}", url=url) from None
            if cached.incomplete_for_good:
                # A page for subscribers: its AMP version would be too, and saying so matters
                # more than trying it again.
                return cached
            why = f"the page gave little, and {why}; the next sync tries again"
            return self._kept(url, replace(cached, incomplete=why))
        return result.article

    def _kept(self, url: str, article: Article) -> Article:
        """`article` cached again (its pages are kept as they are); a cache that can't be
        written leaves the one there, which still reads."""
        with suppress(StoreError):
            self.store.put_article(url, article)
        return article

    async def _resume(self, url: str, cached: Article) -> Article:
        """An article missing some of its pages, read on from the last page kept: the pages
        already cached stay, whatever the network does now."""
        later = self.store.later_pages(url)
        if later:
            page_url, body, content_type = later[-1]
        else:
            raw = self.store.raw_page(url)
            if raw is None:  # nothing to go on from: the article is what it is
                return self._kept(url, replace(cached, incomplete=""))
            page_url, (body, content_type) = read_from(cached, url), raw
        from .charset import charset_from_content_type
        from .extract import gave_little
        from .extract.amp import amp_url_of

        charset = charset_from_content_type(content_type)
        next_page = await self._cpu(
            next_page_of, body, page_url, charset, site_rule_for(self.site_rules, page_url)
        )
        if not later and not next_page and gave_little(cached):
            # A page that gave little, whose AMP version didn't come: tried again.
            amp = await self._cpu(amp_url_of, body, page_url, charset)
            if amp:
                read = await self._amp(url, amp, cached.url or url, None)
                return read or self._kept(url, replace(cached, incomplete=""))
        read = [read_from(cached, url), *(page for page, _, _ in later)]
        return await self._later_pages(url, cached, read, next_page)

    @property
    def _worker_store(self) -> Store | Path:
        """The store as a worker reaches it: by its directory from another process."""
        return self.data_dir if self._workers == "process" else self.store

    async def save(self, target: Entry | str, offline: bool = False) -> Article:
        """Keep an article for good: cached now if it isn't, and never evicted."""
        article = await self.article(target, offline=offline)
        self.set_saved(target, True)
        return article

    def unsave(self, target: Entry | str) -> bool:
        was = self.is_saved(target)
        self.set_saved(target, False)
        return was

    def set_saved(self, target: Entry | str, saved: bool) -> None:
        """Record the flag only (see `save`, which also makes sure the article is cached)."""
        url = _link(target)
        self.store.set_saved(url, saved, target if isinstance(target, Entry) else None)

    def unmatched_body_rule(self, target: Entry | str, article: Article) -> str:
        """The body selector of the site rule for `target`'s cached `article` when it matches
        nothing on the page kept (the page was read as any other), else ""."""
        from .charset import charset_from_content_type
        from .extract import body_rule_misses

        url = _link(target)
        if not url or not self.site_rules:
            return ""
        rule = site_rule_for(self.site_rules, read_from(article, url))
        raw = self.store.raw_page(url) if rule is not None and rule.body else None
        if raw is None:
            return ""
        body, content_type = raw
        missed = body_rule_misses(body, rule, charset_from_content_type(content_type))
        return rule.body if missed and rule is not None else ""

    def is_saved(self, target: Entry | str) -> bool:
        url = _link(target)
        return bool(url) and article_key(url) in self.store.saved()

    async def reextract(
        self,
        targets: list[Entry | str] | None = None,
        shrunk: list[tuple[str, int, int]] | None = None,
    ) -> tuple[int, list[tuple[str, FetchError]]]:
        """Re-run extraction on cached raw pages (all of them when `targets` is None), offline.

        Returns how many were re-extracted and the failures (see `_reextract_one`). Each
        article that came out with under half its words (a site rule that drops too much, or
        a better extractor leaving the page's junk out) is added to `shrunk`, as (its address,
        words before, words now): the user is told of it, and its kept page still holds it all.
        """
        if targets is None:
            urls = [a.key for a in self.store.cached_articles()]
        else:
            urls = [_link(t) for t in targets]
        failures: list[tuple[str, FetchError]] = []
        done = 0

        async def one(url: str) -> None:
            nonlocal done
            old = self.store.article(url) if shrunk is not None else None
            try:
                with _unexpected_as_fetch_error(url):
                    new = await self._reextract_one(url, old)
            except FetchError as error:
                failures.append((url, error))
            else:
                done += 1
                if shrunk is not None and old is not None and new.word_count * 2 < old.word_count:
                    shrunk.append((url, old.word_count, new.word_count))

        await asyncio.gather(*(one(u) for u in urls))
        return done, failures

    async def _reextract_one(self, url: str, old: Article | None = None) -> Article:
        """Extract the kept raw page of `url` again and cache the result; raises FetchError.

        An article whose new extraction fails keeps its old text, except a page now known not
        to be one (an image a server called text/html, cached as mojibake before such bodies
        were refused): that "article" is dropped and the link remembered as no article page,
        as a fetch would have."""
        from .charset import charset_from_content_type
        from .extract import extract_article
        from .extract.paywall import FOR_SUBSCRIBERS

        raw = self.store.raw_page(url)
        if raw is None:
            if reason := self.store.not_an_article(url):  # a PDF, an image: said as a fetch says it
                raise FetchError(ErrorKind.NOT_HTML, reason, url)
            raise FetchError(ErrorKind.NOT_CACHED, "no raw page kept for it", url)
        body, content_type = raw
        old = old or self.store.article(url)
        page_url = read_from(old, url)
        try:
            charset = charset_from_content_type(content_type)
            rule = site_rule_for(self.site_rules, page_url)
            fallback = self.store.fallback_html(url)
            article = await self._cpu(extract_article, body, page_url, charset, fallback, rule)
            article = filled_from(article, old)
            if old is not None and old.page_url:
                article = replace(article, url=old.url, page_url=old.page_url)
            article = await self._with_later_pages(url, article)
            # Pages that never came are still missing: a sync reads on, unless past the cap.
            # Whether the page is for subscribers is this extraction's to say.
            if old is not None and old.incomplete and old.incomplete != FOR_SUBSCRIBERS:
                article = replace(
                    article,
                    incomplete=old.incomplete,
                    incomplete_for_good=old.incomplete_for_good,
                )
            article = replace(article, fetched_at=old.fetched_at if old else _now())
            with _storage_as_fetch_error(url):
                self.store.put_article(url, article)
        except FetchError as error:
            if error.kind == ErrorKind.NOT_HTML:
                with suppress(StoreError):
                    self.store.delete_article(article_key(url))
                    self.store.mark_not_an_article(url, error.message)
            elif error.kind == ErrorKind.CONSENT_WALL and not self.is_saved(url):
                # The wall's text was cached as the article before walls were known: it goes,
                # so the next sync fetches the page again. A saved one is the reader's to drop.
                with suppress(StoreError):
                    self.store.delete_article(article_key(url))
            raise
        return article

    async def _with_later_pages(self, url: str, article: Article) -> Article:
        """`article`, extracted again from its first page, with its later pages' text extracted
        again from the pages kept (`extend_for_cache` kept them); a page that no longer reads
        as this article's is left out."""
        from .charset import charset_from_content_type
        from .extract import extract_article
        from .extract.next_page import append_page, continues

        for page_url, body, content_type in self.store.later_pages(url):
            charset = charset_from_content_type(content_type)
            rule = site_rule_for(self.site_rules, page_url)
            try:
                page = await self._cpu(extract_article, body, page_url, charset, "", rule)
            except FetchError:
                continue
            if continues(article, page):
                article = append_page(article, page)
        return article

    async def _upgraded(self, url: str, cached: Article) -> Article:
        """`cached`, extracted again from its kept page because an older extractor made it: an
        upgrade of reader improves what was synced before it, offline. Kept as it was when
        that fails (no raw page was kept, the page no longer extracts), unless the page turns
        out to be no article at all (a PDF, a cookie-consent wall)."""
        try:
            with _unexpected_as_fetch_error(url):
                return await self._reextract_one(url, cached)
        except FetchError as error:
            gone = error.kind in (ErrorKind.NOT_HTML, ErrorKind.CONSENT_WALL)
            if gone and self.store.article(url) is None:
                raise
        # The best this version can give is the old text: don't try again at each opening.
        kept = replace(cached, extractor=EXTRACTOR)
        with suppress(StoreError):
            self.store.put_article(url, kept)
        return kept

    # -- the cache -----------------------------------------------------------------------------
    def cache_stats(self) -> CacheStats:
        articles = self.store.cached_articles()
        times = [a.cached_at for a in articles]
        feeds = self.store.feed_urls()
        return CacheStats(
            articles=len(articles),
            saved=len(self.store.saved()),
            feeds=len(feeds),
            headlines=sum(len(self.store.entries(u)) for u in feeds),
            disk_bytes=self.store.disk_usage(),
            oldest=datetime.fromtimestamp(min(times), UTC) if times else None,
            newest=datetime.fromtimestamp(max(times), UTC) if times else None,
        )

    def prune(self, older_than: float | None = None, max_bytes: int | None = None) -> PruneReport:
        """Evict cached articles: those unused for `older_than` seconds, then the least recently
        read until the cache holds at most `max_bytes`. Saved articles are never evicted."""
        articles = self.store.cached_articles()
        total = sum(a.size for a in articles)
        candidates = sorted((a for a in articles if not a.saved), key=lambda a: a.last_used)
        cutoff = _now().timestamp() - older_than if older_than is not None else None
        removed = freed = 0
        for article in candidates:
            too_old = cutoff is not None and article.last_used < cutoff
            too_big = max_bytes is not None and total > max_bytes
            if not (too_old or too_big):
                continue
            self.store.delete_article(article.key)
            removed += 1
            freed += article.size
            total -= article.size
        return PruneReport(removed, freed, sum(a.saved for a in articles), total)

    # -- feeds over the network ----------------------------------------------------------------
    async def refresh_feed(self, url: str) -> FeedResult:
        """Fetch one feed (conditionally) and merge its entries; errors are kept on the feed."""
        try:
            return await self._refresh_feed(url)
        except StoreError as error:
            return FeedResult(Feed(url), error=FetchError(ErrorKind.STORAGE, str(error), url))

    async def _refresh_feed(self, url: str) -> FeedResult:
        from .feeds import parse_feed

        feed = self.store.feed(url) or Feed(url)
        try:
            response = await self.fetcher.get(
                url,
                etag=feed.etag,
                last_modified=feed.last_modified,
                accept=FEED_ACCEPT,
                max_bytes=self.limits.feed_max_bytes,
            )
            if response.not_modified:
                feed = replace(feed, last_success=_now(), last_error=None, last_error_at=None)
                self.store.put_feed(feed)
                return FeedResult(feed, not_modified=True)
            if (seen := page_print(response, self.limits.max_bytes)) is not None:
                answer = Answer(canonical_url(url), canonical_url(response.url), True)
                self._watch_for_portal(seen, answer)
            parsed = await self._cpu(
                parse_feed,
                response.body,
                url,
                response.url,
                response.content_type,
                response.charset,
            )
        except FetchError as error:
            feed = replace(feed, last_error=error.message, last_error_at=_now())
            self.store.put_feed(feed)
            return FeedResult(feed, error=error)
        new = self.store.merge_entries(url, parsed.entries)
        feed = replace(
            feed,
            title=parsed.title or feed.title,
            site_url=parsed.site_url or feed.site_url,
            etag=response.etag,
            last_modified=response.last_modified,
            last_success=_now(),
            last_error=None,
            last_error_at=None,
            problem=parsed.problem or None,
        )
        self.store.put_feed(feed)
        return FeedResult(feed, new_entries=len(new), entries=parsed.entries)

    async def refresh(
        self,
        progress: ProgressCallback | None = None,
        on_feed: Callable[[FeedResult], None] | None = None,
    ) -> list[FeedResult]:
        """Refresh every feed at once; `on_feed` hears each result as it comes in."""
        urls = self.store.feed_urls()
        done = 0

        async def one(url: str) -> FeedResult:
            nonlocal done
            result = await self.refresh_feed(url)
            done += 1
            if on_feed:
                on_feed(result)
            if progress:
                progress(SyncProgress("feeds", done, len(urls)))
            return result

        if progress:
            progress(SyncProgress("feeds", 0, len(urls)))
        return list(await asyncio.gather(*(one(u) for u in urls)))

    def _sync_start(self) -> tuple[list[Headline], set[str], set[str], set[str]]:
        """The headlines before the feeds are refreshed, the keys of the articles cached whole,
        those of links known not to be article pages, and those of articles missing some of
        their pages (read on by the sync)."""
        incomplete = self.store.incomplete_keys()
        cached = self.store.article_keys() - incomplete
        return self.headlines(), cached, self.store.not_article_keys(), incomplete

    def _portal_answered(
        self,
        results: list[FeedResult],
        fetched: list[Entry],
        failures: list[tuple[Entry, FetchError]],
        incomplete: list[tuple[Entry, Article]],
    ) -> list[FeedResult]:
        """A sync a login page answered: the articles taken back out of the cache (cached
        from it before it was known for one) are failures of it, and so are the feeds it
        answered; `results` so, and `failures` and `incomplete` changed in place."""
        for entry in fetched:
            if not self.store.has_article(entry.link):
                title = self._portal.answered_by_portal(canonical_url(entry.link)) or ""
                failures.append((entry, portal_error(title, entry.link)))
        taken = {id(entry) for entry, error in failures if error.kind == ErrorKind.PORTAL}
        incomplete[:] = [(e, a) for e, a in incomplete if id(e) not in taken]
        marked: list[FeedResult] = []
        for result in results:
            title = self._portal.answered_by_portal(canonical_url(result.feed.url))
            if result.error is not None and title is not None:
                result = replace(result, error=portal_error(title, result.feed.url))
            marked.append(result)
        return marked

    async def sync(
        self, articles: bool = True, progress: ProgressCallback | None = None
    ) -> SyncReport:
        """Refresh every feed and fetch every article not cached yet.

        A feed's new articles are fetched as soon as it is in, so a slow or dead feed server
        delays only its own; their requests queue behind the feeds still waiting (the caps'
        semaphores are fair). Articles left uncached by an interrupted sync come last.
        """
        started = time.monotonic()
        if not articles:
            results = await self.refresh(progress)
            if self._portal.last_seen > started:
                results = self._portal_answered(results, [], [], [])
            if progress:
                progress(SyncProgress("done", len(results), len(results)))
            return SyncReport(feeds=results)
        # Thousands of store reads: in a thread, not on the event loop a TUI draws from.
        headlines, cached, not_pages, unfinished = await asyncio.to_thread(self._sync_start)
        # Stories the site said were gone: asked for again once a day, named only the first time.
        was_gone = await asyncio.to_thread(self.store.gone)
        lately = time.time() - ASK_AGAIN_AFTER
        skip = cached | not_pages | {k for k, at in was_gone.items() if at > lately}
        known_ids = {h.entry.id for h in headlines}
        already_cached = sum(h.cached for h in headlines)
        if unfinished:  # cached, but to be read on: not "already cached"
            already_cached -= sum(
                h.cached and article_key(h.entry.link) in unfinished for h in headlines
            )
        feeds_total = len(self.store.feed_urls())
        feeds_done = done = 0
        # Downloads run only so far ahead of extraction, the slower side: pages don't pile up
        # in memory (and before an article the reader opens meanwhile) by the thousand. The cap
        # is per host first: a feed's 40 articles on one host must not take every slot while
        # the other hosts' connections sit idle.
        host_ahead: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(4 * self.limits.per_host)
        )
        ahead = asyncio.Semaphore(4 * self.limits.max_connections)
        todo: list[Entry] = []
        tasks: list[asyncio.Task[None]] = []
        failures: list[tuple[Entry, FetchError]] = []
        not_articles: list[tuple[Entry, FetchError]] = []
        gone: list[tuple[Entry, FetchError]] = []
        still_gone = 0
        incomplete: list[tuple[Entry, Article]] = []
        fetched: list[Entry] = []
        # The cache refusing a write (a full disk) refuses the next too: the articles still to
        # come are not downloaded only to be thrown away, each failing with this one reason.
        unwritable: FetchError | None = None

        def report(
            phase: Literal["feeds", "articles", "done"],
            arrived: Entry | None = None,
            in_part: bool = False,
        ) -> None:
            if progress:
                progress(
                    SyncProgress(
                        phase,
                        feeds_done,
                        feeds_total,
                        done,
                        len(todo),
                        len(failures),
                        arrived,
                        in_part,
                    )
                )

        async def one(entry: Entry) -> None:
            nonlocal done, unwritable, still_gone
            try:
                async with host_ahead[urlsplit(entry.link).netloc], ahead:
                    if unwritable is not None:
                        raise replace(unwritable, url=entry.link)
                    # Known uncached (see _sync_start): no record read per article on the loop,
                    # only a key looked up (is it an article to read on?).
                    article = await self._fetch_once(entry.link, entry)
            except FetchError as error:
                if error.kind == ErrorKind.STORAGE and unwritable is None:
                    unwritable = error
                if not taken_down(error):
                    (not_articles if error.kind == ErrorKind.NOT_HTML else failures).append(
                        (entry, error)
                    )
                elif article_key(entry.link) in was_gone:
                    still_gone += 1  # named when it went
                else:
                    gone.append((entry, error))
                done += 1
                report("articles")
                return
            if article.incomplete:
                incomplete.append((entry, article))
            fetched.append(entry)
            done += 1
            report("articles", entry, article.in_part)

        def fetch(entry: Entry) -> None:
            key = article_key(entry.link) if entry.link else ""
            if not key or key in skip:
                return
            skip.add(key)
            todo.append(entry)
            tasks.append(asyncio.create_task(one(entry)))

        def feed_in(result: FeedResult) -> None:
            nonlocal feeds_done, already_cached
            feeds_done += 1
            for entry in result.entries:
                if entry.id not in known_ids:
                    known_ids.add(entry.id)
                    already_cached += bool(entry.link) and article_key(entry.link) in cached
                fetch(entry)
            report("feeds")

        report("feeds")
        try:
            results = await self.refresh(on_feed=feed_in)
            for headline in headlines:
                fetch(headline.entry)
            await asyncio.gather(*tasks)
        finally:
            for task in tasks:
                task.cancel()  # finished ones ignore it; after Ctrl-C or an error, none is left
        if self._portal.last_seen > started:
            results = self._portal_answered(results, fetched, failures, incomplete)
        pruned = self.prune(max_bytes=self.cache_max_bytes) if self.cache_max_bytes else None
        report("done")
        return SyncReport(
            feeds=results,
            articles_fetched=len(todo) - len(failures) - len(not_articles) - len(gone) - still_gone,
            articles_already_cached=already_cached,
            article_failures=failures,
            not_articles=not_articles,
            gone=gone,
            incomplete=incomplete,
            pruned=pruned if pruned and pruned.removed else None,
        )
