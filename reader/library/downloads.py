"""Articles from the cache, else downloaded: one download shared by all who ask at once, an
article over several pages read page by page (its first page handed on as soon as it is in, a
page that fails to come read on by the next sync), a page offered whole or as AMP read from
there, and what a feed carried read when the page can't be had."""

from __future__ import annotations

import contextvars
import time
from collections.abc import Callable, Coroutine
from concurrent.futures import BrokenExecutor
from contextlib import suppress
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from ..address_class import resolved_reach
from ..article_fallbacks import amp_if_little, feed_text_of
from ..article_sources import read_from
from ..config import site_rule_for
from ..enclosures import episode_only
from ..errors import NO_CONNECTION
from ..extractor_version import EXTRACTOR
from ..fetch_messages import refresh_to_nowhere
from ..gone import said_gone, taken_down
from ..keys import article_key
from ..models import Article, Entry, ErrorKind, FetchError, StoreError
from ..priority_gate import USER_WAITS, Urgency, user_waits
from ..safe import safe_line
from ..store.saved import FROM_FILE, HELD, LOCAL
from ..timing_out import timed_out
from ..too_large_links import as_link, outgrown
from ..urls import (
    canonical_url,
    hop_credentials,
    is_web_url,
    not_web_url,
    page_asked,
    untracked_hop,
    web_url_problem,
)
from .failures import _may_come_later, _unexpected_as_fetch_error, storage_failure
from .leads import CEILING, FILE_LINK, start_download
from .pictures import LibraryPictures
from .resources import _link

if TYPE_CHECKING:
    import asyncio

    from ..page_caching import Extracted

# `page_caching` (the worker's side of a download: reading a page, caching it) is imported in
# the methods that hand it a page, not here: the reader's first screen fetches nothing, and
# its start imported it, and the modules under it, for this layer of `Library`.

_NOT_THE_ARTICLES = (ErrorKind.NOT_HTML, ErrorKind.STORAGE, ErrorKind.PORTAL, ErrorKind.PROXY)
"""Failures not kept as an article's last: a link that is no article has its own record, a
store can't keep it, a login page or a proxy refusing says nothing of the article."""
_NEXT_PAGE = "a page's next-page link"
_AMP = "a page's AMP link"


def _consume_error(future: asyncio.Future[Any]) -> None:
    """Mark a finished download's error as seen: its waiters may have gone (the app closed)."""
    if not future.cancelled():
        future.exception()


def _entry_of(target: Entry | str) -> Entry | None:
    return target if isinstance(target, Entry) else None


def _tell(hearer: Callable[[Article], None], article: Article) -> None:
    with suppress(Exception):  # a display's failure is no reason to stop a download
        hearer(article)


class LibraryDownloads(LibraryPictures):
    """A `Library`'s articles, read from the cache or downloaded into it."""

    # -- articles ------------------------------------------------------------------------------
    async def article(
        self,
        target: Entry | str,
        offline: bool = False,
        first_page: Callable[[Article], None] | None = None,
        seen: bool = True,
        waits: bool = True,
        noted: bool = True,
    ) -> Article:
        """The cleaned article of an entry or URL: from the cache, else fetched and cached.

        With `offline`, never touches the network. Raises FetchError. An article over several
        pages, fetched now, is handed to `first_page` as soon as its first page is in (marked
        `incomplete`), for a reader to start on while the rest comes. Not `seen` (printed by
        `reader show`, its citation taken), a change a sync found in it stays news (Δ).
        The user `waits` for it (not a prefetch): its download and reading go before the
        queued work of a refresh under way (`priority_gate.USER_WAITS`). Not `noted`: its
        reading is noted by the caller's mark (`mark_read(..., noted=True)`), in one write.
        """
        import asyncio

        if waits:
            USER_WAITS.set(Urgency(True))
        url = self._web_link(target)
        if not url:
            return await self._feed_text_only(target)
        # Read and rebuilt in a thread: a 500,000-word article took 340 ms, on the reader's
        # event loop, before its first screen.
        cached = await asyncio.to_thread(self.store.article, url)
        if cached is None and f"article:{article_key(url)}" in self.store.problems:
            # Its record was damaged (and dropped); its kept page may still read: extracted
            # again from it, offline too, rather than "not in the cache" (acc31a F14).
            # Retrieved when its page was, not now: a citation prints it.
            downloaded = self.store.renewable().get(article_key(url))
            at = datetime.fromtimestamp(downloaded, UTC) if downloaded else None
            with suppress(FetchError), _unexpected_as_fetch_error(url):
                cached = await self._reextract_one(url, fetched_at=at)
        if cached is not None and cached.incomplete and canonical_url(url) in self._inflight:
            # Its first pages are in, and a sync is fetching the others: wait for them too.
            return await self._fetch_once(url, _entry_of(target), first_page, shown_unkept=True)
        if (
            cached is not None
            and cached.kept_by
            and waits
            and not offline
            and (page := await self._page_of_held_copy(target, url)) is not None
        ):
            return page
        if cached is not None and noted:
            # Noted in a thread the article doesn't wait for: opening one on a store another
            # program holds waited 30 s for the note.
            self._in_background("opened", url, self.store.touch_article, url, seen)
        if cached is not None:
            if cached.extractor < EXTRACTOR:
                cached = await self._upgraded(url, cached)
            shown = self._numbered(url, cached)
            if not offline and not cached.incomplete and self.pictures_on_open:
                # Its pictures not kept yet (cached before they were, or the network failing
                # them), fetched behind it: none of its own reading waits.
                self.keep_pictures_later(url, shown, _entry_of(target))
            return shown
        self._refuse_uncached(url, offline)
        return await self._fetch_once(url, _entry_of(target), first_page, shown_unkept=True)

    def offline_article(self, target: Entry | str, seen: bool = True) -> Article | None:
        """`article(target, offline=True)` read in this thread, for a command with no event
        loop (`reader show --offline` starts none: asyncio is a tenth of its start). None when
        giving it takes more than a read of the cache: an item with no link (its feed's text),
        a damaged record or one an older extractor made (extracted again): `article` gives
        those. Raises FetchError as `article` does."""
        url = self._web_link(target)
        if not url:
            return None
        cached = self.store.article(url)
        if cached is None:
            if f"article:{article_key(url)}" in self.store.problems:
                return None
            self._refuse_uncached(url, offline=True)  # offline: it raises
        elif cached.extractor < EXTRACTOR:
            return None
        self._noted_here(self.store.touch_article, url, seen)
        return self._numbered(url, cached)

    def _web_link(self, target: Entry | str) -> str:
        """The web address `target`'s article is at, or "" for an item with no link (its
        feed's text is its article); raises FetchError for a podcast episode with no page and
        for an address that is no web one."""
        url = _link(target)
        if not url and isinstance(target, Entry) and target.enclosures:
            raise episode_only(target)
        if url and not is_web_url(url):
            message = f"not an http(s) link: {safe_line(url, 200)}"
            raise FetchError(
                ErrorKind.BAD_URL, not_web_url(url) if web_url_problem(url) else message, url
            )
        return url

    def _refuse_uncached(self, url: str, offline: bool) -> None:
        """Raises the FetchError of an article not cached that is known to be no article, or
        that is asked `offline`, saying why it is not in the cache."""
        known = self.store.not_an_article(url, partial(outgrown, limits=self.limits))
        if known:
            raise FetchError(ErrorKind.NOT_HTML, known, url)
        if offline:
            failed = self.store.last_failure(url)
            if failed:
                why = f"the last try to fetch it failed ({failed})"
            elif self.store.is_left_out(url):
                why = "the cache is full (the size limit, max_size, left it out)"
            else:
                why = "it is not in the cache (never synced, or pruned)"
            raise FetchError(ErrorKind.NOT_CACHED, f"not available offline: {why}", url)

    async def _page_of_held_copy(self, target: Entry | str, url: str) -> Article | None:
        """The page of a link to this computer or its network that an import saved with
        another app's copy and left for the user to open: opened, it is asked for, as opening
        such a link is (README), and cached in the copy's place, the copy kept as the earlier
        one, as `R` does (acc43a A12: the copy was shown, "the page did not come when it was
        imported", though it was never asked). None when it is no such link, or the page did
        not come: the copy is shown, and the next opening asks again."""
        import asyncio

        record = (await asyncio.to_thread(self.store.saved)).get(article_key(url))
        if not isinstance(record, dict) or record.get(HELD) != LOCAL:
            return None
        try:
            renewal = await self.refresh_article(target)
        except FetchError:
            return None
        with suppress(StoreError):  # a read-only directory: asked again at the next opening
            self.set_saved(target, True)  # asked for: no longer left for the user to open
        return renewal.article

    def _numbered(self, url: str, latest: Article) -> Article:
        """The latest copy of `url`'s article told of the earlier ones kept and its page
        found taken down (`_told`), and of its pictures kept."""
        if pictures := self.pictures_of(url):
            latest = replace(
                latest,
                kept_pictures=frozenset(p.url for p in pictures if p.kept),
                pictures_not_kept=tuple((p.url, p.why) for p in pictures if not p.kept),
            )
        return self._told(url, latest)

    def cached_link(self, target: Entry | str) -> str:
        """The address `target`'s article is cached under: its link, or, with nothing cached
        there now, the address its story moved to since (a new slug, `Store.move_article`):
        an article open at the old one follows its copies there (acc47b F4)."""
        url = _link(target)
        if url and not self.store.has_article(url):
            return self.store.aliased(url) or url
        return url

    def article_version(self, target: Entry | str, number: int) -> Article:
        """The copy `number` (1: the oldest kept) of a cached article a sync fetched again and
        found changed, with its own retrieval time; the last number is the latest copy.
        Offline always; raises FetchError(NOT_CACHED) for a number there is no copy of."""
        url = self.cached_link(target)
        latest = self.store.article(url) if url else None
        if latest is None:
            raise FetchError(ErrorKind.NOT_CACHED, "not available offline: not in the cache", url)
        # The one copy asked for rebuilt, not all; each read once.
        kept, earlier, repeats = self.store.version_times_repeats(url, number)
        count = len(earlier) + 1
        if not 1 <= number <= count:
            have = "one copy is" if count == 1 else f"copies 1 to {count} are"
            raise FetchError(ErrorKind.NOT_FOUND, f"no version {number}: {have} kept", url)
        chosen = latest if number == count else kept
        if chosen is None:
            raise FetchError(ErrorKind.NOT_FOUND, f"version {number} is damaged", url)
        times = (*earlier, latest.fetched_at) if earlier else ()
        copy = replace(chosen, versions=times, version=number if earlier else 0, repeats=repeats)
        first = self.store.retraction_first_said(url) if latest.retracted and earlier else 0
        copy = _told_later(copy, latest) if number < count else copy
        return self._with_gone(url, replace(copy, retracted_first=first))

    def superseded(self, target: Entry | str, shown: Article) -> Article | None:
        """`shown`, a copy of `target`'s article read earlier, numbered among the copies kept
        now (copy N of M) when a sync has since cached a changed one, or said to be kept no
        longer (`Article.dropped`); None while it is still the latest (or no longer cached).
        Offline always: a read of the cache."""
        url = self.cached_link(target)
        latest = self.store.article(url) if url else None
        if latest is None or latest.fetched_at == shown.fetched_at:
            return None
        earlier, repeats = self.store.version_times_and_repeats(url)  # not every copy rebuilt
        if tuple(earlier) == shown.versions[:-1] and (
            latest.blocks,
            latest.title,
            latest.author,
        ) == (shown.blocks, shown.title, shown.author):
            # Fetched again unchanged, no copy kept since: still the text there is. Not so a
            # copy saying what the shown one says kept after others (an edit undone): the
            # copy shown is then an earlier one, cited "the latest … says the same" (acc47b F4).
            return None
        times = (*earlier, latest.fetched_at)
        number = next((n for n, at in enumerate(times, 1) if at == shown.fetched_at), 0)
        if not number:
            # Dropped since from those kept (`MAX_VERSIONS`): still on screen, so numbered
            # where its time puts it (not always the oldest: `_one_less` drops one between).
            at = shown.fetched_at
            number = 1 + sum(1 for t in times if at is not None and t is not None and t < at)
            times = (*times[: number - 1], at, *times[number - 1 :])
            copy = replace(shown, versions=times, version=number, dropped=True)
        else:
            copy = replace(shown, versions=times, version=number, dropped=False, repeats=repeats)
        first = self.store.retraction_first_said(url) if latest.retracted else 0
        if copy.dropped and first >= number:
            first += 1  # numbered among the copies kept and the one shown
        return _told_later(replace(copy, retracted_first=first), latest)

    def article_ahead(self, entry: Entry) -> Coroutine[Any, Any, Article]:
        """`article(entry)` fetched ahead of the user (the reader's prefetch), to await in a
        task of its own: a saved link from a file (`FROM_FILE`) only from a public address, as
        a sync fetches it (`leads.FILE_LINK`); opening it fetches it wherever it is.

        Whether the user waits for it is noted as it is asked for, before its task takes a
        step: opened while the task still read the store (a loaded machine's moment), the
        user's wait (`wait_for`) found no download to tell, and the article's then began
        behind a refresh's held requests, and was not shown till they came back."""
        key = canonical_url(entry.link) if entry.link else ""
        urgency = Urgency(False)
        if key:
            self._ahead[key] = urgency
        return self._article_ahead(entry, key, urgency)

    async def _article_ahead(self, entry: Entry, key: str, urgency: Urgency) -> Article:
        import asyncio

        USER_WAITS.set(urgency)  # this task's: its download takes it up (`_fetch_once`)
        try:
            url = entry.link
            record = await asyncio.to_thread(self._saved_marked) if url else {}
            found = record.get(article_key(url)) if url else None
            FILE_LINK.set(isinstance(found, dict) and bool(found.get(FROM_FILE)))
            return await self.article(entry, waits=False)
        finally:
            if self._ahead.get(key) is urgency:
                del self._ahead[key]

    def _saved_marked(self) -> dict[str, dict[str, Any]]:
        """The Saved record, a file's links among it marked as such when a reader from
        before the mark saved them (`Store.mark_file_links_saved_before`)."""
        with suppress(StoreError):
            self.store.mark_file_links_saved_before()
        return self.store.saved()

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

    def wait_for(self, url: str) -> None:
        """The user now waits for the download of `url` under way (a prefetch's, the article
        opened): it goes before the refresh's queued work from here on (`Urgency`)."""
        key = canonical_url(url)
        for urgency in (self._urgencies.get(key), self._ahead.get(key)):
            if urgency is not None:  # under way, or asked for by the prefetch and coming
                urgency.raise_()

    async def feed_text(self, entry: Entry) -> Article | None:
        """The text the feed carried for `entry` (its full content, else its summary) as a
        partial article, or None: what can still be read of an article the network can't
        reach. Not cached: a later sync should fetch the page itself."""
        html = self.store.feed_html(entry)
        # Its HTML read as a page's is (`page_reads`): under the time limit of one.
        return await self._cpu_within_time(feed_text_of, entry, html) if html.strip() else None

    async def _feed_text_only(self, target: Entry | str) -> Article:
        """The article of an item with no link (a notes feed's, a micro-post, a changelog's, a
        JSON Feed item whose address was refused): the text its feed carried is all of it, read
        as a podcast episode's with no page is (acc40b P1: "This item has no link to an
        article" was all there was, its text thrown away). Not cached: there is no address to
        keep it under; the feed's text is kept with the headline. Raises FetchError(BAD_URL)
        when the feed carried no text either."""
        entry = target if isinstance(target, Entry) else None
        article = await self.feed_text(entry) if entry is not None else None
        if article is None:
            raise FetchError(
                ErrorKind.BAD_URL, "this item has no link to an article, and its feed gave no text"
            )
        return article

    async def _fetch_once(
        self,
        url: str,
        entry: Entry | None,
        first_page: Callable[[Article], None] | None = None,
        shown_unkept: bool = False,
    ) -> Article:
        """Download and cache `url`, sharing one download among everyone who asks at once
        (the first to ask hears of its first page). One the store can't keep (a full disk, a
        read-only directory) fails as FetchError(STORAGE), unless it is to be `shown_unkept`:
        the reader reading it now has it all the same (`Article.unkept`)."""
        import asyncio

        key = canonical_url(url)
        pending = self._inflight.get(key)
        if pending is None:
            # Its own urgency, which a reader opening it later raises (a prefetch's download):
            # the one it was asked under when there is one (`article_ahead`'s, raised maybe
            # before its download began).
            urgency = USER_WAITS.get() or Urgency(False)
            self._urgencies[key] = urgency
            context = contextvars.copy_context()
            context.run(USER_WAITS.set, urgency)
            download = self._download(url, entry)
            pending = asyncio.get_running_loop().create_task(download, context=context)
            self._inflight[key] = pending
            # Before it leaves `_inflight`: never neither under way nor noted as cached.
            pending.add_done_callback(partial(self._note_cached, key))
            pending.add_done_callback(lambda _f: self._download_done(key))
            pending.add_done_callback(_consume_error)
        elif user_waits() and key in self._urgencies:
            self._urgencies[key].raise_()
        if first_page is not None:
            self.hear_first_page(url, first_page)
        self._waiting[key] += 1
        try:
            article = await asyncio.shield(pending)
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:
                del self._waiting[key]
        if article.unkept and not shown_unkept:
            raise storage_failure(self.store.refusal(article.unkept), url)
        return article

    def _give_up_download(self, url: str) -> bool:
        """Stop the download of `url`, which the one who asked no longer wants (a sync whose
        size limit keeps newer stories in its place), if no one else waits for it (the reader
        opened it meanwhile) and its page has not come: a worker reading one caches it
        whatever becomes of the download. True when stopped: its waiter is cancelled."""
        key = canonical_url(url)
        pending = self._inflight.get(key)
        if pending is None or pending.done() or key in self._pages_in:
            return False
        if self._waiting[key] > 1:
            return False
        pending.cancel()
        return True

    def _note_cached(self, key: str, download: asyncio.Future[Article]) -> None:
        if download.cancelled() or download.exception() is not None:
            return
        article = download.result()
        if not article.incomplete and not article.unkept:
            self._cached_lately[key] = time.monotonic()

    def cached_since(self, url: str, since: float) -> bool:
        """`url`'s article was downloaded and cached whole here since `since` (monotonic)."""
        return self._cached_lately.get(canonical_url(url), -1.0) >= since

    def _download_done(self, key: str) -> None:
        self._inflight.pop(key, None)
        self._urgencies.pop(key, None)
        self._pages_in.discard(key)
        self._first_pages.pop(key, None)
        self._first_page_hearers.pop(key, None)

    async def _download(self, url: str, entry: Entry | None) -> Article:
        await start_download(self.store, self._feed_reaches, entry, self.fetcher.routes)
        try:
            with _unexpected_as_fetch_error(url):
                article = await self._download_pages(url, entry)
            # Its pictures after its text, led as its last page was (`leads`).
            self.keep_pictures_later(url, article)
            return article
        except FetchError as error:
            if (
                error.kind not in _NOT_THE_ARTICLES
                and not error.capped  # a sync's download cap: the next sync's to fetch
                and not isinstance(error.__cause__, BrokenExecutor)  # a worker ended under it
            ):
                # Kept (until the article is cached), so reading it offline can say why it
                # isn't there rather than "never synced". A link that is no article has its
                # own record; a store that can't be written can't keep this either; a login
                # page says nothing of the article (an earlier reason, a 404, stays), nor a
                # worker ended under it (the reader quitting, the system short of memory).
                with suppress(StoreError):
                    self.store.mark_failed(url, error.message)
                    if taken_down(error):
                        self.store.mark_gone(url, *said_gone(error))
                    # Not read again by every sync: too slow to extract, or a web page over
                    # the size cap (`too_large_links`).
                    if error.kind in (ErrorKind.TOO_SLOW, ErrorKind.TOO_LARGE):
                        self.store.mark_slow(url)
                    # Counted try after try, left once a day past a few (`timing_out`); any
                    # answer of the host's own ends the run.
                    if timed_out(error):
                        self.store.count_timeout(url)
                    elif error.kind not in NO_CONNECTION:
                        self.store.answered(url)
            raise

    async def _download_pages(self, url: str, entry: Entry | None) -> Article:
        # A key's presence, not a record to decode: a sync asks this of every article.
        cached = self.store.article(url) if self.store.is_incomplete(url) else None
        if cached is not None and cached.incomplete:
            return await self._resume(url, cached)
        try:
            first, page_url = await self._first_page(url, entry)
        except FetchError as error:
            # A PDF too large to read: a link to open, as a file that is no article is
            # (`too_large_links`).
            error = as_link(error) or error
            if error.kind == ErrorKind.NOT_HTML:
                # Remembered, so a sync doesn't download the PDF again and offline reading can
                # say why.
                with suppress(StoreError):
                    self.store.mark_not_an_article(url, error.message)
            raise error from None
        if first.article is not None and first.article.unkept and not first.next_page:
            # A store that takes no writes: the page read is shown as it is (its AMP version
            # is read into the cache, which can't take it).
            return first.article
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
        if first.one_page and not first.article.unkept:
            whole = await self._one_page(url, first.one_page)
            if whole is not None:
                return whole
        return await self._later_pages(url, first.article, [page_url], first.next_page)

    async def _first_page(
        self,
        url: str,
        entry: Entry | None,
        step: Callable[..., Extracted] | None = None,
        validators: tuple[str | None, str | None] | None = None,
    ) -> tuple[Extracted, str]:
        """The article's first page fetched, read by the worker `step` (extracted and cached,
        `extract_for_cache`, when None; or read again in place of the copy: `renew_for_cache`),
        and its address. A page that sends the browser on is followed as a redirect is, under
        the same cap. `validators`: the ETag and Last-Modified to ask "changed since?" with."""
        if step is None:
            from ..page_caching import extract_for_cache

            step = extract_for_cache
        target, lead = url, "an imported file's link" if FILE_LINK.get() else "a feed's link"
        asked: list[str] = []  # addresses asked, and where they ended (`urls.untracked_hop`)
        for _hop in range(self.limits.max_redirects + 1):
            # The headline's link past its click tracker (`page_asked`); a page it sends on
            # to, as a redirect is.
            # A refresh's name and password are never sent, as a redirect's (`hop_credentials`).
            asking = (
                hop_credentials(untracked_hop(target, asked), url) if asked else page_asked(target)
            )
            try:
                result, page_url = await self._fetched(
                    url, target, step, entry, lead=lead, validators=validators, asking=asking
                )
            except FetchError as error:
                if asked and (nowhere := refresh_to_nowhere(url, error)) is not None:
                    raise nowhere from None
                raise
            asked += [asking, page_url]  # and where its redirects ended
            validators = None  # the page it sends on to: asked whole
            if not result.refresh:
                return result, page_url
            target, lead = result.refresh, "a page's refresh"
        from ..fetch_messages import too_many_redirects

        raise too_many_redirects(url, self.limits.max_redirects)

    async def _later_pages(
        self, url: str, article: Article, read: list[str], next_page: str
    ) -> Article:
        """`article`, with the pages after those `read` (their addresses) when it is split
        over several, each fetched and added in turn (`extend_for_cache`), up to
        `max_article_pages`. A page that fails to come ends the article there, with the pages
        that came, marked `incomplete` with the reason: the next sync goes on from there. One
        that goes on past the cap is marked so for good, saying where it goes on.

        An article the store can't keep (`Article.unkept`: a full disk) is read whole all the
        same, each page added to it as it is shown (`extend_unkept`), nothing written: its
        first page alone was shown, saying "the next sync reads on" of pages no sync had."""
        from ..page_caching import extend_for_cache, extend_unkept

        unkept = bool(article.unkept)
        seen = {canonical_url(page) for page in read}
        cap = self.limits.max_article_pages
        while next_page and len(seen) < cap:
            if canonical_url(next_page) in seen:
                break
            seen.add(canonical_url(next_page))
            step, extra = (extend_unkept, (article,)) if unkept else (extend_for_cache, ())
            try:
                result, _ = await self._fetched(
                    url, next_page, step, len(seen), *extra, lead=_NEXT_PAGE
                )
            except FetchError as error:
                if not _may_come_later(error):
                    break  # the site's own pager is wrong (a 404, no text): the article ends
                missing = f"page {len(seen)} did not come ({error.message})"
                if not unkept:
                    missing += "; the next sync reads on"
                return self._kept(url, replace(article, incomplete=missing))
            article = result.article or article
            next_page = result.next_page
        else:
            if next_page and await self._goes_on(url, next_page, seen, article):
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

    async def _goes_on(self, url: str, next_page: str, seen: set[str], article: Article) -> bool:
        """The article cached under `url` (`article`, when the store can't keep it), read to
        the cap on pages, goes on at `next_page`: a page not read yet, that adds to it (or
        may: it failed for a reason that may pass)."""
        if canonical_url(next_page) in seen:
            return False
        from ..page_caching import extend_for_cache, extend_unkept

        step, extra = (
            (extend_unkept, (article,)) if article.unkept else (extend_for_cache, (False,))
        )
        try:
            result, _ = await self._fetched(
                url, next_page, step, len(seen) + 1, *extra, lead=_NEXT_PAGE
            )
        except FetchError as error:
            return _may_come_later(error)
        return result.goes_on

    async def _one_page(self, url: str, address: str) -> Article | None:
        """The article read from the page that offers it whole, cached in place of its first
        page; None when that page fails or isn't it (then the pages are read one by one)."""
        from ..page_caching import whole_for_cache

        try:
            result, _ = await self._fetched(
                url, address, whole_for_cache, lead="a page's one-page link", leads_on=False
            )
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
        from ..page_caching import amp_for_cache

        try:
            result, _ = await self._fetched(
                url, address, amp_for_cache, entry, page_url, lead=_AMP, leads_on=False
            )
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
        written leaves the one there, which still reads. One it can't keep (`Article.unkept`)
        is not tried."""
        if article.unkept:
            return article
        with suppress(StoreError):
            self.store.put_article(url, article)
        return article

    async def _resume(self, url: str, cached: Article) -> Article:
        """An article missing some of its pages, read on from the last page kept: the pages
        already cached stay, whatever the network does now."""
        if CEILING.get() is None:
            # The user's own address, whose pages came in an earlier run: they may lead no
            # more private than it is.
            start = read_from(cached, url)
            CEILING.set(await resolved_reach(start, self.fetcher.routes.proxy_for(start)))
        later = self.store.later_pages(url)
        if later:
            page_url, body, content_type = later[-1]
        else:
            raw = self.store.raw_page(url)
            if raw is None:  # nothing to go on from: the article is what it is
                return self._kept(url, replace(cached, incomplete=""))
            page_url, (body, content_type) = read_from(cached, url), raw
        from ..charset_labels import charset_from_content_type
        from ..page_caching import next_page_of

        charset = charset_from_content_type(content_type)
        next_page = await self._cpu_within_time(
            next_page_of, body, page_url, charset, site_rule_for(self.site_rules, page_url)
        )
        if not later and not next_page:
            # A page that gave little, whose AMP version didn't come: tried again.
            amp = await self._cpu_within_time(amp_if_little, cached, body, page_url, charset)
            if amp:
                read = await self._amp(url, amp, cached.url or url, None)
                return read or self._kept(url, replace(cached, incomplete=""))
        read = [read_from(cached, url), *(page for page, _, _ in later)]
        return await self._later_pages(url, cached, read, next_page)


def _told_later(copy: Article, latest: Article) -> Article:
    """An earlier `copy` of a story told what its `latest` copy says of it (retracted,
    withdrawn: `Article.later_retracted`), for its notes and quotes to say (acc47b F1), the
    copy that first said it numbered (`retracted_first`) by the caller."""
    if copy.retracted:  # a notice itself: it says so, as the latest does
        return copy
    return replace(copy, later_retracted=latest.retracted, later_by_feed=latest.retracted_by_feed)
