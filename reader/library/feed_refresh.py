"""Feeds refreshed over the network: one feed fetched (conditionally) and its entries merged,
its failure kept on it, or every feed at once. A layer of its own under `sync`, which refreshes
them and downloads their articles, because `add` (`discovery`) refreshes one feed alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from ..address_class import Reach
from ..config import DEFAULT_LIMITS, USER_AGENT
from ..dates import served_time
from ..discussion_links import became_discussion
from ..errors import NoAnswer, gateway_failure
from ..failing_feeds import failed_feed, working
from ..feed_names import copies_own_title
from ..fetch_messages import AGENT_HINT
from ..intercepted import network_certificate_error
from ..keys import link_key
from ..login_page import login_page_elsewhere
from ..models import (
    FEED_READING_VERSION,
    GONE_ASKED_EVERY,
    NO_CONNECTION,
    Entry,
    ErrorKind,
    Feed,
    FetchError,
    Response,
    StoreError,
)
from ..outages import host_of
from ..plural import plural
from ..portal import Answer, page_print
from ..reports import FeedResult, ProgressCallback, SyncProgress, Trimmed, synced_feeds
from ..sitemap_feed import is_sitemap
from ..urls import canonical_url, password_apart
from ..workers import parse_feed
from .failures import storage_failure, unforeseen_failure
from .network_hold import NetworkHold
from .offline import NetworkWatch, not_tried
from .renewal import LibraryRenewal
from .resources import _now
from .stalled_hosts import StalledHosts

if TYPE_CHECKING:
    from .sitemap_index import SitemapPages

"""How often a feed whose address answered 410 Gone is asked again: a publisher's "gone for
good" is not asked at every sync, nor reported by every cron run (a site may bring it back)."""
_MINUTE = timedelta(minutes=1)  # two processes' clocks apart
FEEDS_WAIT_SAID = 10.0
"""Seconds with no feed in after which a refresh says which hosts it waits for
(`SyncProgress.feeds_waiting`)."""
_NOT_THE_FEEDS = frozenset({ErrorKind.PORTAL, ErrorKind.PROXY})
"""Failures never kept on a feed: the feed was not reached (a Wi-Fi login page answered, the
proxy was not there, refused, or could not reach the site), so it is not "failing since" a
network's or a proxy's bad hour, which said nothing of the feed."""
T = TypeVar("T")
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
"""A feed's `Accept`, a feed reader's, not a browser's as a page's is (`fetch.PAGE_ACCEPT`): a
server choosing by it may answer a browser's with a page for people in the feed's place, and
polling a feed says a feed reader asks whatever the header says."""


class LibraryFeedRefresh(LibraryRenewal):
    """A `Library`'s feeds refreshed over the network."""

    async def refresh_feed(
        self,
        url: str,
        fetched: Response | FetchError | None = None,
        unanswered: bool = True,
        answered: Callable[[], None] | None = None,
    ) -> FeedResult:
        """Fetch one feed (conditionally) and merge its entries; errors are kept on the feed.
        `fetched` is its answer already in hand (`add` fetched it to see whether it is a feed
        at all), read as if just fetched: not asked for twice. Without `unanswered`, a failure
        that may be the network's (`NO_CONNECTION`), or a web page in the feed's place, is not
        kept: `refresh` keeps it once it knows the network is there (`offline`) and no login
        page answered for every site (`portal`). A login page's answer is never kept: the feed
        was not reached. `answered` hears that its answer came, before it is read (`refresh`'s
        `NetworkWatch`: a feed being parsed is an answer)."""
        try:
            return await self._refresh_feed(url, fetched, unanswered, answered)
        except StoreError as error:
            return FeedResult(Feed(url), error=storage_failure(error, url))
        except Exception as error:
            # An error no one foresaw (a parser's, on a hostile feed) fails this one feed, as
            # a value: raised, it ended the whole refresh, and every other feed with it.
            failure = unforeseen_failure(error, "feed", url)
            feed = failed_feed(self.store.feed(url) or Feed(url), failure, _now())
            with contextlib.suppress(StoreError):  # the failure is told all the same
                self.store.put_feed(feed)
            return FeedResult(feed, error=failure)

    async def _refresh_feed(
        self,
        url: str,
        fetched: Response | FetchError | None,
        unanswered: bool,
        answered: Callable[[], None] | None = None,
    ) -> FeedResult:
        import asyncio

        # Here: a sitemap's and the `[[ignore]]` rules' modules are a refresh's, not the
        # screen's start's, which imports this layer with the library.
        from ..ignore_rules import kept, rules_for, rules_mark
        from .sitemap_index import kept_record, sitemap_pages

        feed = self.store.feed(url) or Feed(url)
        seen = None  # a web page's fingerprint and title, when one came in the feed's place
        whole = True  # its items read whole: not only the sitemaps of its index that changed
        sitemaps: SitemapPages | None = None
        try:
            if isinstance(fetched, FetchError):
                raise fetched
            asked = url
            if fetched is not None:
                response = fetched
            else:
                response, asked = await self._fetch_subscribed(feed)
            if answered is not None:
                answered()
            # Moved for good: fetched from the new address from now on (`Feed.moved_to`), kept
            # without the password it is asked with (`Feed.fetched_url`), as `url` is.
            moved = password_apart(response.moved or (asked if asked != url else ""))[0]
            if moved and canonical_url(moved) == canonical_url(url):
                moved = ""  # moved back home (a move undone, or two addresses bouncing)
            self._feed_reaches[url] = response.reach
            # Hashing 5 MB is CPU work too (~10 ms): off the loop a TUI draws from.
            printed = "" if response.not_modified else await asyncio.to_thread(body_print, response)
            if (
                printed
                and printed == feed.body_print
                and not self._read_whole(feed)
                and await asyncio.to_thread(self._lists_some, url)
            ):
                # The bytes its items were last read whole from: what a 304 would have said
                # (a server that sends no validators), told as one, and nothing parsed or
                # rewritten. Validators it sends now are kept for the next ask.
                feed = replace(feed, etag=response.etag, last_modified=response.last_modified)
                response = replace(response, status=304)
            if response.not_modified and (sitemaps := await self._sitemaps_changed(url, response)):
                # Its index the same, some of its sitemaps not: theirs read as the feed's.
                if sitemaps.bodies:
                    whole = False
                    response = replace(response, status=200, body=sitemaps.bodies[0])
                else:
                    await self._in_store_thread(
                        self.store.keep_sitemap_reads, url, kept_record(sitemaps.kept)
                    )
            if response.not_modified:
                feed = replace(feed, last_success=_now(), reach=response.reach, moved_to=moved)
                self.store.put_feed(working(feed))
                # A store from before keys were kept: its next write (a feed's list read whole).
                await self._in_store_thread(self.store.keep_keys, url)
                # `max_items` set or lowered since: applied whether or not the feed changed.
                went, past = await self._keep_newest(url)
                return FeedResult(
                    feed,
                    not_modified=True,
                    left_out=past,
                    changed=bool(went),
                    trimmed=self._trimmed(list(went.values())),
                )
            # Hashing the body (inflated by the fetch) is CPU work: off the loop a TUI draws from.
            seen = await asyncio.to_thread(page_print, response.body)
            if seen is not None:
                answer = Answer(canonical_url(url), canonical_url(response.url), True)
                # A web page for a feed: told for a login page alone when another site's.
                alone = await asyncio.to_thread(
                    login_page_elsewhere, url, response.url, response.body, response.charset
                )
                self._watch_for_portal(seen, answer, alone)
            if whole:
                most = self.limits.feed_max_bytes
                response, sitemaps = await sitemap_pages(response, self._index_sitemap, most)
            # feedparser (and chardet under it) imported by the worker alone (`parse_feed`):
            # a sixth of a sync's start-up, and a sync whose feeds all answer "not modified"
            # parses none.
            parsed = await self._cpu(
                parse_feed,
                response.body,
                url,
                response.url,
                response.content_type,
                response.charset,
                sitemaps.bodies[0 if whole else 1 :] if sitemaps else (),
            )
        except FetchError as error:
            if error.held:
                # Not asked, its host asking to wait: what the feed last said stays (a healthy
                # feed was "failing since" a 429 another feed of its host got: acc40b P2).
                return FeedResult(feed, error=error, kept=True)
            feed = failed_feed(feed, error, _now())
            if error.kind in _NOT_THE_FEEDS or gateway_failure(error):
                # Nothing of the feed's: a gateway's 502/504 after its tries is a satellite
                # link's relay's bad minute (acc45 B6), as a proxy's is the proxy's.
                return FeedResult(feed, error=error, kept=False)
            if not unanswered and (error.kind in NO_CONNECTION or seen is not None):
                return FeedResult(feed, error=error, kept=False)
            self.store.put_feed(feed)
            return FeedResult(feed, error=error)
        entries: list[Entry] | tuple[Entry, ...] = parsed.entries
        if ignored := rules_for(feed, self.ignore):
            # Never kept, listed nor downloaded. The user's expressions over 2,000 items of a
            # page's size each: off the loop a reader draws from.
            entries = await asyncio.to_thread(kept, entries, ignored)
        # A sitemap's items are headed by their pages' titles once read (acc45 A3): looked up
        # for a sitemap's 50 alone, not for every feed's 2,000 at every refresh.
        # The clock the sync's own server found wrong dates no headline (acc46a A1).
        served = served_time(response.date, _now(), response.age)
        new, changed, told, entries, (pushed, pushed_unread) = await self._in_store_thread(
            self.store.merge, url, entries, parsed.keys, whole, is_sitemap(response.body), served
        )
        if whole and feed.read_with < FEED_READING_VERSION:
            # Items read anew: the copies their old reading dated, dated as they are read now.
            await self._in_store_thread(self.store.dated_by_feed_again, entries)
        led = kept_record(sitemaps.kept) if sitemaps else None
        await self._in_store_thread(self.store.keep_sitemap_reads, url, led)
        if told:
            await self._in_store_thread(self._moved_stories, told, entries)
        left_out: set[str] = set()
        if ignored:  # and those kept before a rule that matches them go
            by_text = any(rule.reads_text for rule in self.ignore if rule.covers(feed))
            left_out = await self._in_store_thread(self.store.leave_out, url, ignored, by_text)
            changed = changed or bool(left_out)
        # A rule that went past its time on these items (`RulesTest`) is said with them.
        over_time = ignored.over_time() if ignored else ""
        went, past = await self._keep_newest(url)
        if past:  # past the newest `max_items`, now or before: neither new nor fetched by a sync
            fresh = {e.id for e in new}
            new = [e for e in new if e.id not in past]
            entries = [e for e in entries if e.id not in past]
            changed = changed or bool(went)
            left_out |= past
            # Those a reader was shown: not new ones that went past the cap at once.
            went = {i: unread for i, unread in went.items() if i not in fresh}
        if copies_own_title(feed, parsed.title):
            self.store.name_feed(url, "")
        emptied = await self._emptied(url) if whole and not parsed.entries else ""
        # A sitemap of its index passed over (too large, failing) is said with the rest.
        passed_over = sitemaps.passed_over if sitemaps else ()
        problem = "; ".join(p for p in (emptied, parsed.problem, *passed_over, over_time) if p)
        problem = problem or None
        if not whole:  # what its index said, it said again: as the feed was read last
            response = replace(response, etag=feed.etag, last_modified=feed.last_modified)
            printed, problem = feed.body_print, feed.problem
        feed = replace(
            feed,
            title=parsed.title or feed.title,
            site_url=parsed.site_url or feed.site_url,
            etag=response.etag,
            last_modified=response.last_modified,
            last_success=_now(),
            problem=problem,
            reach=response.reach,
            moved_to=moved,
            read_with=FEED_READING_VERSION,
            ignored_by=rules_mark(feed, self.ignore),
            body_print=printed,
        )
        feed = self.store.put_feed(working(feed))
        return FeedResult(
            feed,
            new_entries=len(new),
            entries=tuple(entries),
            changed=changed,
            left_out=frozenset(left_out),
            told=told,
            trimmed=self._trimmed(list(went.values()), pushed, pushed_unread),
        )

    def _trimmed(
        self, unread: Collection[bool], more: int = 0, more_unread: int = 0
    ) -> Trimmed | None:
        """The headlines listed before that a refresh dropped past what a feed keeps: `unread`
        tells each of those `max_items` took whether it was unread; `more` went past the
        store's own cap, `more_unread` of them unread (`FeedResult.trimmed`). None: none went."""
        if not unread and not more:
            return None
        most = self.max_items or DEFAULT_LIMITS.max_feed_items
        return Trimmed(len(unread) + more, sum(unread) + more_unread, most)

    def _moved_stories(self, told: Sequence[Entry], entries: Sequence[Entry]) -> None:
        """The cached articles of the items `told` anew (as they were before) that their feed
        now links at another address (`entries`, as it lists them now, the same ids) moved
        there (`Store.move_article`), with what the user kept of them: a correction's new slug
        is the same story, its copy kept as copy 1 when the sync reads the new page, not an
        orphan beside a new article (acc44c C14). What the item said before is kept for the
        sync to judge (`keep_told`), as an item told anew is."""
        now = {e.id: e for e in entries}
        for before in told:
            entry = now.get(before.id)
            if entry is None or not before.link or not entry.link:
                continue
            if became_discussion(before, entry):
                continue  # the thread's copy stays the thread's
            if link_key(before.link) != link_key(entry.link) and self.store.move_article(
                before.link, entry.link
            ):
                self.store.keep_told(link_key(entry.link), before)

    async def _emptied(self, url: str) -> str:
        """What a feed read whole that lists no item says of itself: a site's broken export
        or a section closed looked healthy for good, its old headlines still there (acc39b
        Q6)."""
        listed = len(await self._in_store_thread(self.store.entry_keys, url))
        if not listed:
            return "it lists no items"
        return f"it lists no items now (kept: the {plural(listed, 'headline')} it listed before)"

    async def _keep_newest(self, url: str) -> tuple[dict[str, bool], frozenset[str]]:
        """The feed's headlines past `max_items` dropped (`StoreRetention.keep_newest`): those
        that went now (id: whether unread), and the ids of all it dropped, now or before; none
        with it unset."""
        if not self.max_items:
            return {}, frozenset()
        went, past = await self._in_store_thread(self.store.keep_newest, url, self.max_items)
        return went, frozenset(past)

    async def _in_store_thread(self, write: Callable[..., T], *args: Any) -> T:
        """`write(*args)`, a feed's list of up to 2,000 entries read and written, in a thread:
        on the event loop, 60 feeds' merges held a reader's screen and keys for seconds as
        its refresh on opening came in. One at a time (`_merging`): they would only wait on
        each other's store transaction, holding the threads the reader reads with."""
        import asyncio

        loop = asyncio.get_running_loop()
        if self._merging is None or self._merging[0] is not loop:
            self._merging = (loop, asyncio.Lock())  # a CLI command may run several loops
        async with self._merging[1]:
            return await asyncio.to_thread(write, *args)

    async def fetch_feed(
        self,
        url: str,
        etag: str | None = None,
        last_modified: str | None = None,
        ceiling: Reach | None = None,
        lead: str = "a feed's permanent redirect",
        max_bytes: int = 0,
    ) -> Response:
        """A feed's answer, as every feed is asked for (what it accepts, its size limit, or
        `max_bytes` when less is left of it); `ceiling` and `lead` as `Fetcher.get` takes them,
        for an address a server gave (`moved_to`, a page's feed link)."""
        try:
            return await self.fetcher.get(
                url,
                etag=etag,
                last_modified=last_modified,
                accept=FEED_ACCEPT,
                max_bytes=max_bytes or self.limits.feed_max_bytes,
                ceiling=ceiling,
                lead=lead,
            )
        except FetchError as error:
            if error.status == 403 and self.fetcher.agent_of(url) == USER_AGENT:
                # Sites and CDNs that turn away agents that are not a browser's answer so; the
                # bare "HTTP 403 Forbidden" left a user no way to know a setting would do.
                raise replace(error, message=f"{error.message}{AGENT_HINT}") from None
            raise

    async def _index_sitemap(
        self, url: str, ceiling: Reach, most: int, etag: str | None, modified: str | None
    ) -> Response:
        """A sitemap a sitemap index names (`sitemap_index.sitemap_pages`), asked with what it
        was last read with."""
        return await self.fetch_feed(url, etag, modified, ceiling, "a sitemap index", most)

    async def _sitemaps_changed(self, url: str, response: Response) -> SitemapPages | None:
        """Of the feed at `url` whose sitemap index answered `response`, not modified, the
        sitemaps read under it last asked again (`sitemap_index.changed_sitemaps`); None when it
        is no sitemap index (or none was kept of it), or none of them changed."""
        import asyncio

        from .sitemap_index import OWN, changed_sitemaps, kept_from

        record = await asyncio.to_thread(self.store.sitemap_reads, url)
        kept = kept_from(record) if record is not None else {}
        if OWN not in kept:
            return None
        most = self.limits.feed_max_bytes
        pages = await changed_sitemaps(response, kept, self._index_sitemap, most)
        return None if not pages.bodies and pages.kept == kept else pages

    async def _fetch_subscribed(self, feed: Feed) -> tuple[Response, str]:
        """A subscribed feed's answer and the address it was asked at: where it moved for
        good, else its own. A moved feed whose new address refuses (a move the site undid) is
        asked at its own again."""
        etag, modified = feed.etag, feed.last_modified
        if self._read_whole(feed):
            etag = modified = None
        if feed.moved_to:
            try:
                # No more private than the redirect that named it could lead (`reach`).
                moved = await self.fetch_feed(
                    feed.fetched_url(feed.moved_to), etag, modified, ceiling=feed.reach
                )
                return moved, feed.moved_to
            except FetchError as error:
                if error.kind not in (ErrorKind.HTTP, ErrorKind.GONE, ErrorKind.BAD_URL):
                    raise
        return await self.fetch_feed(feed.fetched_url(), etag, modified), feed.url

    def _read_whole(self, feed: Feed) -> bool:
        """The feed's items are to be read again whole, once, whatever its server says of
        them (its ETag not sent, its `body_print` not compared): kept by an older reader, or
        under other `[[ignore]]` rules."""
        from ..ignore_rules import rules_mark

        return feed.read_with < FEED_READING_VERSION or feed.ignored_by != rules_mark(
            feed, self.ignore
        )

    def _lists_some(self, url: str) -> bool:
        """The store lists some of the feed's headlines: a list lost since (found damaged and
        dropped) is made again from the same bytes, as it was when every read merged them."""
        records, _ = self.store.entry_records_lazily(url)
        return next(records, None) is not None

    def stop_refreshing(self, url: str) -> None:
        """The running refresh (if any) lets the feed at `url` go, as it has just been
        unsubscribed from: not fetched if it was still waiting its turn, its answer dropped if
        it was in flight; the refresh goes on with the others. On the refresh's own loop."""
        task = self._refreshing.get(url)
        if task is not None:
            self._refreshing[url] = None
            task.cancel()

    def hand_over_refresh(self) -> int | None:
        """The running refresh is about to be stopped for a sync: its fetches of feeds under
        way are left running, and the sync's refresh takes them and those done over (each
        feed asked once). With none running, the one that ended last is taken over whole, as
        long as its face has not read it in (`drop_handed_over`): its feeds asked seconds ago
        are not asked again. How many feeds are in already; None when there is no refresh to
        take over."""
        asks, self._refreshed = self._feed_asks or self._refreshed, None
        if asks is None:
            return None
        asks.handed_over = True
        self._handed_over = asks
        return asks.done()

    def take_refreshed_elsewhere(self, urls: Collection[str]) -> None:
        """The feeds at `urls`, refreshed just now by another process's sync (the one a sync
        waited for), taken by the next refresh as answered "not modified": not asked again,
        the headlines that sync brought fetched as a sync's own (acc46c F2: each sync queued
        behind it asked every feed again). On the event loop the refresh runs on."""
        import asyncio

        from .feed_handover import FeedAsks

        loop = asyncio.get_running_loop()
        asks: dict[str, asyncio.Future[FeedResult]] = {}
        for url in urls:
            if (feed := self.store.feed(url)) is not None:
                asks[url] = loop.create_future()
                asks[url].set_result(FeedResult(feed, not_modified=True, changed=False))
        # No watch: the refresh that takes them over hears of them by its own.
        self._handed_over = FeedAsks(None, asks, handed_over=True)  # type: ignore[arg-type]

    def drop_handed_over(self) -> None:
        """No sync took over a refresh's fetches (another program's sync ran, say; or the
        refresh that ended has been read in): stopped, and no later refresh takes their
        answers, old by then, for its own."""
        for asks in (self._handed_over, self._refreshed):
            if asks is not None:
                asks.drop()
        self._handed_over = self._refreshed = None

    def _answered(self, url: str, network: NetworkHold | None = None, link: str = "") -> None:
        """A feed's answer came: the running refresh's watch hears of it (that of the sync
        which took over the fetch, when it was begun by a refresh stopped for it), and the
        `network` hold of the refresh that asked it (at `link`) as its bytes come, not once
        they are parsed (seconds, as the workers start)."""
        if network is not None:
            network.answered(link or url)
        if self._feed_asks is not None:
            self._feed_asks.answered(url)

    async def refresh(
        self,
        progress: ProgressCallback | None = None,
        on_feed: Callable[[FeedResult], None] | None = None,
        feeds: Collection[str] | None = None,
        again: str = "the next refresh",
        hosts: StalledHosts | None = None,
        kept_for_sync: bool = False,
        network: NetworkHold | None = None,
        hold_network: bool = False,
    ) -> list[FeedResult]:
        """Refresh every feed at once, or those of `feeds` (subscribed addresses: a tag's);
        `on_feed` hears each result as it comes in. Once the network looks absent
        (`offline`), the feeds still out are not waited for: they fail as not tried, and no
        feed is marked failed for it; nor those of a host given up (`StalledHosts`: a sync's
        own `hosts`, its articles' timeouts and its feeds' counted together), left for `again`.
        A feed unsubscribed from meanwhile is left out: not heard of, not in the results.
        `kept_for_sync`: once it has ended, what came is kept for a sync asked for before its
        face has read it in (`hand_over_refresh`), until then (`drop_handed_over`).
        `network`: a sync's hold (`network_hold`), holding a feed that failed as the network
        went until it is back, and asking it again then, as the sync's articles are;
        `hold_network`, a hold of its own (the reader's `r` and its refresh on opening), said
        in its progress."""
        import asyncio

        from .feed_handover import FeedAsks

        self.store.check_writable()
        urls = self.store.feed_urls()
        if feeds is not None:
            urls = [url for url in urls if url in feeds]
        done = 0
        watch = NetworkWatch(urls)
        own_hold: NetworkHold | None = None

        def said(p: SyncProgress | None = None) -> SyncProgress:
            # The feeds' count, and the network's going while its own hold holds them.
            p = p or SyncProgress("feeds", done, len(urls))
            if own_hold is None:
                return p
            went = own_hold.went_at if own_hold.gone else None
            wait, left = self.limits.network_wait, own_hold.left
            return replace(p, network_went=went, network_wait=wait, network_left=left)

        if network is None and hold_network:
            own_hold = network = NetworkHold(
                self.limits.network_wait,
                self.limits.connect_timeout,
                lambda: progress(said()) if progress else None,
                self.fetcher.routes.proxy_of_site,
                self.fetcher.agent_of,
            )
        if network is not None:
            network.expect(urls)
        absent = asyncio.Event()
        # The fetches a refresh stopped for this sync left under way or done: taken over.
        taken, self._handed_over = self._handed_over, None
        mine = FeedAsks(watch, dict(taken.asks) if taken is not None else {})
        self._feed_asks = mine
        if self._refreshed is not None:  # this one's fetches are newer
            self._refreshed.drop()
            self._refreshed = None
        ended = False  # every feed in (or the network found absent), not stopped
        # A host timing out again and again is given up, as a sync's articles' is: its feeds
        # still to come not waited for (hotel Wi-Fi stalling every answer held the reader's
        # refresh on opening 2 minutes, acc29b T15).
        stalled: set[str] = set()  # feeds stopped with their host
        # Each feed by the address it is asked at: its own, or where it moved for good.
        asked_at: dict[str, str] = {}

        def stop(link: str) -> bool:
            url = asked_at.get(link, link)
            task = self._refreshing.get(url)
            if task is None or task.done():
                return False
            stalled.add(url)
            task.cancel()
            return True

        stalling = hosts or StalledHosts(
            self.limits.per_host, self.fetcher.timeouts_in_a_row, stop, self.fetcher.drips_in_a_row
        )

        async def one(url: str) -> FeedResult | None:
            nonlocal done
            feed = self.store.feed(url)
            link = (feed.moved_to if feed is not None else "") or url
            asked_at[link] = url
            if feed is not None and _gone_lately(feed):  # said when it was: not asked again yet
                result = _left_gone(feed)
            elif (left := stalling.left(link, again)) is not None:
                result = FeedResult(feed or Feed(url), error=left, kept=False)
            else:
                ask = mine.asks.get(url)
                # Its tries that time out judged by the hold: a stalling network's, not counted.
                judged = network.judging() if network is not None else contextlib.nullcontext()
                try:
                    with judged, stalling.asking(link, stop):
                        if ask is None or ask.cancelled():
                            answered = partial(self._answered, url, network, link)
                            ask = mine.start(url, self.refresh_feed(url, None, False, answered))
                        result = await asyncio.shield(ask)
                        began = 0.0  # a first ask's (perhaps another refresh's): not known
                        while network is not None and await _held(network, link, result, began):
                            began = network.now()
                            answered = partial(self._answered, url, network, link)
                            ask = mine.start(url, self.refresh_feed(url, None, False, answered))
                            result = await asyncio.shield(ask)
                except FetchError as left:
                    if network is None or not network.left:
                        raise
                    # Held for the network, not back within its wait: left as not asked.
                    result = FeedResult(feed or Feed(url), error=left, kept=False)
                except asyncio.CancelledError:
                    if ask is not None and not mine.handed_over:
                        ask.cancel()  # not a sync's to take over: stopped with this refresh
                    task = asyncio.current_task()
                    if url in stalled and task is not None and task.uncancel() == 0:
                        left = stalling.left(link, again) or not_tried(url)
                        result = FeedResult(feed or Feed(url), error=left, kept=False)
                    elif url not in self._refreshing or self._refreshing[url] is not None:
                        raise  # a Ctrl-C, an absent network: not stopped for its removal
                    else:
                        result = None
                else:
                    if result.error is not None and result.error.kind == ErrorKind.TIMEOUT:
                        stalling.timed_out(link)
            done += 1
            if result is None or url not in self.store.feed_urls():
                # Unsubscribed from while it was fetched (here, or by `reader remove`): the
                # store kept nothing of it, and nothing hears of it.
                if progress:
                    progress(said())
                return None
            if result.asked and watch.heard(url, result.error):
                absent.set()
            if on_feed:
                on_feed(result)
            if progress:
                progress(said(SyncProgress("feeds", done, len(urls), feed_in=result)))
            return result

        if progress:
            progress(SyncProgress("feeds", 0, len(urls)))
        cut: dict[str, FetchError] = {}
        finished: dict[str, FeedResult] = {}
        tasks = [asyncio.create_task(one(u)) for u in urls]
        self._refreshing = dict(zip(urls, tasks, strict=True))
        try:
            stopped = asyncio.create_task(absent.wait())
            pending = set(tasks)
            while pending and not stopped.done():
                came, pending = await asyncio.wait(
                    {*pending, stopped},
                    timeout=FEEDS_WAIT_SAID,
                    return_when=asyncio.FIRST_COMPLETED,
                )
                pending.discard(stopped)
                if not came and progress:
                    # None in for a while: the hosts it waits for are said, not "(0 done)"
                    # alone for as long as a feed drips (acc50a A1).
                    left = (
                        link
                        for link, url in asked_at.items()
                        if self._refreshing.get(url) in pending
                    )
                    waiting = tuple(Counter(map(host_of, left)).most_common())
                    progress(said(SyncProgress("feeds", done, len(urls), feeds_waiting=waiting)))
            stopped.cancel()
            ended = True
            # A feed under way as the network was found absent was asked: its failed try says
            # what came of it ("broke off the connection"), not "not tried" (acc29b T12).
            # One whose fetch had ended, its task not yet back from it (a few turns of the loop,
            # as the first feed's failure found the network absent), is what its fetch gave:
            # its tries' record gone with the fetch, it was left "not tried" (1 in ~40 CI runs).
            finished = {
                url: ask.result()
                for url, task in zip(urls, tasks, strict=True)
                if not task.done()
                and (ask := mine.asks.get(url)) is not None
                and ask.done()
                and not ask.cancelled()
                and ask.exception() is None
            }
            link_of = {url: link for link, url in asked_at.items()}
            cut = {
                url: failure
                for url, task in zip(urls, tasks, strict=True)
                if not task.done()
                and url not in finished
                and (failure := self.fetcher.failed_try(link_of.get(url, url))) is not None
            }
        finally:
            if own_hold is not None:
                await own_hold.aclose()
            self._refreshing = {}
            for task in tasks:
                task.cancel()  # the rest when the network is absent; all after a Ctrl-C
            if self._feed_asks is mine:
                self._feed_asks = None
            if not mine.handed_over and ended and kept_for_sync:
                self._refreshed = mine.answered_only()
            elif not mine.handed_over:
                mine.drop()
        subscribed = set(self.store.feed_urls())  # without those removed meanwhile
        results: list[FeedResult] = []
        done_results = {
            url: task.result()
            for url, task in zip(urls, tasks, strict=True)
            if task.done() and not task.cancelled()
        }
        done_results |= finished
        networks = self._network_certificates(
            [r.error for r in done_results.values() if r is not None and r.error is not None]
        )
        for url in urls:
            if url not in subscribed:
                continue
            result = done_results.get(url)
            if result is None:
                results.append(_untried(self.store.feed(url) or Feed(url), cut.get(url)))
            elif result.error is not None and result.error.certificate in networks:
                # The network's certificate, not the feed's: said once, the feed not marked.
                name = networks[result.error.certificate]
                results.append(replace(result, error=network_certificate_error(result.error, name)))
            elif self._failed_itself(result, watch.own_failure(url)):
                with contextlib.suppress(StoreError):
                    self.store.put_feed(result.feed)  # as `_refresh_feed` left it
                # Kept: a feed's own failure (a site down from the start), named as such,
                # not counted among the feeds the network's going left.
                results.append(replace(result, kept=True))
            else:
                results.append(result)
        if any(r.new_entries for r in results):
            with contextlib.suppress(StoreError):
                self.store.note_changed()
        if synced_feeds(results):
            with contextlib.suppress(StoreError):
                self.store.note_refreshed()
        if progress and done < len(urls):
            progress(SyncProgress("feeds", len(urls), len(urls)))
        return results

    def _network_certificates(self, errors: list[FetchError]) -> dict[str, str]:
        """Of the certificates naming other hosts that secure hosts answered with (`errors`),
        those the network answers with (`intercepted`): the same on two hosts or more, or any
        in minutes that met the network's login page; by digest, their first names."""
        hosts: defaultdict[str, set[str]] = defaultdict(set)
        names: dict[str, str] = {}
        for error in errors:
            if error.certificate:
                hosts[error.certificate].add(urlsplit(error.url).netloc)
                names[error.certificate] = error.certificate_name
        portal = self._portal.last_seen > 0 and (
            time.monotonic() - self._portal.last_seen < self._portal.window
        )
        return {d: names[d] for d, where in hosts.items() if portal or len(where) > 1}

    def _failed_itself(self, result: FeedResult, answered: bool) -> bool:
        """A failure `_refresh_feed` held (`kept`) is the feed's own, to be kept on it: the
        network was there (`answered`: something answered), and the page in its place was not
        a login page that answered for other sites too (a hotel's Wi-Fi: the first feed's
        "not a feed" came before the page was known for one)."""
        error = result.error
        if error is None or result.kept or error.kind in _NOT_THE_FEEDS or gateway_failure(error):
            return False
        if error.no_answer == NoAnswer.NOT_ASKED:  # left when the network was not back
            return False
        if error.kind in NO_CONNECTION and not answered:
            return False
        return self._portal.answered_by_portal(canonical_url(result.feed.url)) is None


async def _held(network: NetworkHold, link: str, result: FeedResult, began: float) -> bool:
    """A feed's `result`, of an ask begun at `began`, failing as the network went
    (`NetworkHold.again`): True once it is back, to be asked again; raises the feed's failure
    as left when it was not back in time."""
    if result.error is None:
        network.answered(link, began)
        return False
    return await network.again(link, result.error, began)


def body_print(response: Response) -> str:
    """A digest of a feed's answer as it is parsed: its bytes, and the address, type and charset
    they are read with (a relative link resolves against the address; the charset decodes)."""
    digest = hashlib.blake2b(response.body, digest_size=16)
    for told in (response.url, response.content_type or "", response.charset or ""):
        digest.update(b"\0" + told.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _gone_lately(feed: Feed) -> bool:
    """The feed's address answered 410 Gone within `GONE_ASKED_EVERY`: not asked again yet."""
    # Not one "gone" later than now: the clock was ahead then (see `gone.asked_lately`).
    return feed.gone_at is not None and -_MINUTE < _now() - feed.gone_at < GONE_ASKED_EVERY


def _left_gone(feed: Feed) -> FeedResult:
    """A feed gone lately (`_gone_lately`), not asked: nothing new of it, and when it will be."""
    assert feed.gone_at is not None
    return FeedResult(feed, not_modified=True, gone_until=feed.gone_at + GONE_ASKED_EVERY)


def _untried(feed: Feed, cut: FetchError | None = None) -> FeedResult:
    """A feed not waited for once the network was found absent: as it was, not marked failed;
    its failure that of its last try (`cut`), when it was asked."""
    return FeedResult(feed, error=cut or not_tried(feed.url), kept=False)
