"""A sync: every feed refreshed (`feed_refresh`) and every article not cached yet downloaded, a
feed's new articles as soon as it is in (over the size limit, once every feed is), with
progress as it goes, and after it the old read headlines dropped (`[feeds] drop_read_after`)
and the cache pruned to its limit (none fetched that the limit would evict then: `limit`)."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Collection
from contextlib import suppress
from dataclasses import replace
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Literal

from ..download_cap import UNDER_CAP, DownloadCap
from ..errors import NoAnswer
from ..failing_feeds import working
from ..gone import taken_down
from ..intercepted import network_certificate_error
from ..keys import article_key
from ..models import (
    NO_CONNECTION,
    Article,
    Entry,
    ErrorKind,
    FetchError,
    StoreError,
    Unwritable,
)
from ..outages import ASKS_AGAIN, LeftAndFailed, host_of
from ..portal import portal_error
from ..reports import (
    FeedResult,
    NotOffline,
    ProgressCallback,
    SyncProgress,
    SyncReport,
    nothing_answered,
)
from ..store.saved import LOCAL
from ..timing_out import GIVE_UP_AFTER, timed_out
from ..urls import canonical_url, page_asked
from .cache_notes import CacheNotes
from .failures import passing_failure
from .gates import PriorityGate
from .host_waits import HostWaits
from .leads import FILE_LINK
from .network_hold import NetworkHold
from .renewal import Renewal
from .resources import _now
from .retold import retold, stamped_times, updated_since
from .stalled_hosts import StalledHosts
from .sync_indexing import SyncIndexing
from .sync_start import LibrarySyncStart

if TYPE_CHECKING:
    import asyncio


class LibrarySync(LibrarySyncStart):
    """A `Library`'s feeds refreshed, and its articles synced."""

    async def _tries_timed_out(self, entry: Entry) -> int:
        """How many tries in a row of `entry`'s page have timed out, this sync's among them,
        when that is `GIVE_UP_AFTER` or more (`timing_out`); else 0."""
        import asyncio

        tries = 0
        with suppress(StoreError):
            tries = await asyncio.to_thread(self.store.timeouts_of, entry.link)
        return tries if tries >= GIVE_UP_AFTER else 0

    async def _hold_file_link(self, url: str, refused: FetchError) -> FetchError:
        """A file's saved link whose name led to this computer or its network at the sync
        (`refused`): left for the user to open from now on, as the import leaves one that
        led there then (`store.saved.LOCAL`). The failure, said so."""
        import asyncio

        with suppress(StoreError):
            await asyncio.to_thread(self.store.set_saved, url, True, held=LOCAL)
        why = f"{refused.message}: fetched when you open it"
        return replace(refused, message=why)

    def _portal_answered(
        self,
        results: list[FeedResult],
        fetched: list[Entry],
        failures: list[tuple[Entry, FetchError]],
        incomplete: list[tuple[Entry, Article]],
    ) -> list[FeedResult]:
        """A sync a login page answered: the articles taken back out of the cache (cached
        from it before it was known for one) are failures of it, and so are the feeds it
        answered; `results` so, and `failures` and `incomplete` changed in place. Those it
        answered for before it was found to be a site's own (a publisher group's sign-in page,
        `PortalWatch._clear_for`) are what a page to sign in is: each article's failure."""
        for n, (entry, error) in enumerate(failures):
            cleared = self._portal.cleared(canonical_url(entry.link))
            if error.kind == ErrorKind.PORTAL and cleared is not None and cleared.said:
                failures[n] = (entry, FetchError(ErrorKind.SIGN_IN, cleared.said, entry.link))
                with suppress(StoreError):
                    self.store.mark_failed(entry.link, cleared.said)
        for entry in fetched:
            if not self.store.has_article(entry.link):
                title = self._portal.answered_by_portal(canonical_url(entry.link)) or ""
                failures.append((entry, portal_error(title, entry.link)))
        for n, (entry, error) in enumerate(failures):
            # Refused as a page to sign in before it was known for the login page it is.
            if error.kind == ErrorKind.SIGN_IN:
                title = self._portal.answered_by_portal(canonical_url(entry.link))
                if title is not None:
                    failures[n] = (entry, portal_error(title, entry.link))
                    # Noted as the article's failure: the recap counted it "1 failed", named
                    # nowhere, beside "14 not fetched (a login page answered)" (acc46b A6).
                    with suppress(StoreError):
                        self.store.withdraw_failed(entry.link, error.message)
        taken = {id(entry) for entry, error in failures if error.kind == ErrorKind.PORTAL}
        incomplete[:] = [(e, a) for e, a in incomplete if id(e) not in taken]
        marked: list[FeedResult] = []
        for result in results:
            title = self._portal.answered_by_portal(canonical_url(result.feed.url))
            if result.error is not None and title is not None:
                if result.kept:
                    self._withdraw_failure(result.feed.url)
                result = replace(result, error=portal_error(title, result.feed.url))
            marked.append(result)
        return marked

    def _network_certificate_answered(
        self, results: list[FeedResult], failures: list[tuple[Entry, FetchError]]
    ) -> None:
        """The articles whose secure sites answered with the network's own certificate
        (`intercepted`: the feeds' and theirs) are failures of its login page, not their
        sites': `failures` changed in place."""
        errors = [r.error for r in results if r.error is not None]
        networks = self._network_certificates([*errors, *(e for _, e in failures)])
        for n, (entry, error) in enumerate(failures):
            if error.certificate in networks:
                named = networks[error.certificate]
                failures[n] = (entry, network_certificate_error(error, named))

    def _withdraw_failure(self, url: str) -> None:
        """The feed at `url` marked failing by this sync for the page that answered it, known
        only later for the network's login page (its articles answered by it too: one site's
        reader, acc42c C8): not its failure, so not kept on it. A feed failing before stays
        failing, as it was."""
        with suppress(StoreError):
            feed = self.store.feed(url)
            if feed is not None and feed.failing_since and feed.failing_since == feed.last_error_at:
                self.store.put_feed(working(feed))

    async def _drop_old_read(self) -> int:
        """The read headlines older than `drop_read_after` dropped, after a sync: how many (0
        with the setting off, or a store that takes no writes)."""
        import asyncio

        if not self.drop_read_after:
            return 0
        before = _now() - timedelta(seconds=self.drop_read_after)
        with suppress(StoreError):
            return (await asyncio.to_thread(self.drop_read_headlines, before)).dropped
        return 0

    async def _mark_running(self, articles: bool) -> None:
        """The sync starting recorded as under way (`store.mark_sync_running`)."""
        import asyncio

        try:
            await asyncio.to_thread(self.store.mark_sync_running, articles)
        except StoreError as error:
            # A full disk: the sync says so itself, article by article. Another program
            # holding the store: every feed and article would wait for it in turn, to keep
            # nothing, each said apart (acc31a F19): the one line, now.
            if error.unwritable == Unwritable.BUSY:
                raise

    async def sync(
        self,
        articles: bool = True,
        progress: ProgressCallback | None = None,
        feeds: Collection[str] | None = None,
    ) -> SyncReport:
        """Refresh every feed, or those of `feeds` (subscribed addresses: a tag's), and fetch
        every article of theirs not cached yet. The size limit, the prune and dropping old read
        headlines are the whole cache's either way.

        A feed's new articles are fetched as soon as it is in, so a slow or dead feed server
        delays only its own; their requests queue behind the feeds still waiting (the caps'
        semaphores are fair). Over the size limit they wait for every feed's, a few seconds at
        most for a slow one (`limit.HEADLINES_QUIET`), to go newest first. Articles left
        uncached by an interrupted sync come last.
        """
        import asyncio

        started = time.monotonic()
        self.store.check_writable()
        feeds = frozenset(feeds) if feeds is not None else None  # looked up per headline
        received_before = dict(self.fetcher.received)  # what it downloads: the change since
        tries_before = self.fetcher.tries_ended()  # anything answered since: the network there
        if not articles:
            # Under way for a search meanwhile, as a sync of articles is (`sync_under_way`):
            # "a sync is under way" said while its headlines come in.
            await self._mark_running(articles=False)
            try:
                results = await self.refresh(
                    progress, feeds=feeds, again="the next sync", hold_network=True
                )
            finally:
                with suppress(StoreError):  # a note: the headlines are in all the same
                    await asyncio.to_thread(self.store.mark_sync_stopped, False, False)
            if self._portal.last_seen > started:
                results = self._portal_answered(results, [], [], [])
            dropped = await self._drop_old_read()
            if progress:
                progress(SyncProgress("done", len(results), len(results)))
            # "No connection" says what stays readable: counted only then (it said "nothing
            # is cached yet" over 920 cached articles).
            readable = 0
            if nothing_answered(results):
                with suppress(StoreError):
                    readable = len(await asyncio.to_thread(self.store.article_keys))
            return SyncReport(
                feeds=results,
                headlines_dropped=dropped,
                articles_already_cached=readable,
                downloaded=sum(self.fetcher.received.values()) - sum(received_before.values()),
            )
        # Until it ends, a process killed mid-sync (the battery out at the gate) is a sync
        # stopped before its end, as a Ctrl-C is: the reader opened next says so.
        await self._mark_running(articles=True)
        # Thousands of store reads: in a thread, not on the event loop a TUI draws from.
        start = await asyncio.to_thread(self._sync_start)
        headlines, unlisted, cached = start.headlines, start.to_fetch, start.cached
        unfinished = start.incomplete
        # Every feed's headlines rank the articles under the size limit; those of the feeds
        # synced are the ones fetched.
        every = headlines
        if feeds is not None:
            headlines = [h for h in headlines if h.entry.feed_url in feeds]
            unlisted = []  # a tag's sync: its feeds' articles only
        # Stories the site said were gone: asked for again once a day, named only the first
        # time. When each cached article's page came: one its feed says was updated since is
        # fetched again (a correction, a live blog), once a sync. What items told anew since
        # (refreshes before this sync: the reader's on opening) said before.
        was_gone, renewable, told = start.gone, start.renewable, start.told
        # Another app's copy (wallabag's, the page not coming at import): its page asked for at
        # every sync until it answers, with an article to take its place or with none for good.
        copies = set(start.copies)
        # The size limit: what it would evict at the end of the sync is not fetched.
        room = limit = await asyncio.to_thread(self._sync_room, every, len(cached))
        by_feed: defaultdict[str, list[Entry]] = defaultdict(list)
        for headline in headlines:
            by_feed[headline.entry.feed_url].append(headline.entry)
        stamped = {url: stamped_times(entries) for url, entries in by_feed.items()}
        renewed: list[Entry] = []
        # The headlines listed before the refresh; what the items its feeds told anew said
        # before it, by id (`FeedResult.told`): a title or summary that changed since counts
        # as an update in a feed that gives no time of update (`retold`). The headlines kept
        # no summary to compare with but those the sync fetches (`sync_start.lean`).
        was = {h.entry.id for h in headlines}
        told_before: dict[str, Entry] = {}
        # Pages too slow to read (`time_limit.within_time`) are left for a day too, not given
        # a worker's time limit again by every sync.
        skip = start.skipped
        if room is not None:  # fetched once the feeds are in, if theirs answer
            for headline in headlines:
                if headline.key and headline.key not in skip:
                    room.queued(headline.key, before=True)
        known_ids = {h.entry.id for h in headlines}
        already_cached = sum(h.cached for h in headlines)
        # The saved articles no feed lists are the cache's too ("9 cached" said "2", acc31c W7).
        already_cached += start.saved_cached if feeds is None else 0
        if unfinished:  # cached, but to be read on: not "already cached"
            already_cached -= sum(h.cached and h.key in unfinished for h in headlines)
        feeds_total = len([url for url in self.store.feed_urls() if feeds is None or url in feeds])
        feeds_done = done = 0
        # Downloads run only so far ahead of extraction, the slower side: pages don't pile up
        # in memory (and before an article the reader opens meanwhile) by the thousand. The cap
        # is per host first: a feed's 40 articles on one host must not take every slot while
        # the other hosts' connections sit idle.
        # Over a size limit the newest unread go first (the older may not fit: not fetched).
        host_ahead: defaultdict[str, PriorityGate] = defaultdict(
            lambda: PriorityGate(4 * self.limits.per_host)
        )
        ahead = PriorityGate(4 * self.limits.max_connections)
        todo: list[Entry] = []
        tasks: list[asyncio.Task[None]] = []
        failures: list[tuple[Entry, FetchError]] = []
        # Cached stories whose change, told by their feed, could not be fetched: failures too,
        # but of no article `todo` counts.
        renew_failures: list[tuple[Entry, FetchError]] = []
        not_renewed: list[tuple[Entry, str]] = []
        # Copies of a chain of corrections the copies' cap dropped by this sync (acc44c C12).
        copies_dropped: list[tuple[Entry, str]] = []
        live_dropped = [0]  # of live blogs (`live_blogs`): counted alone
        # Retractions and takedowns this sync found ended, the story standing again.
        stands_again: list[tuple[Entry, str, str]] = []
        begun = time.time()
        not_articles: list[tuple[Entry, FetchError]] = []
        gone: list[tuple[Entry, FetchError]] = []
        gone_kept: list[tuple[Entry, FetchError, datetime | None]] = []
        held_local: list[tuple[Entry, FetchError]] = []
        held_now = 0  # of `todo`, those of `held_local`
        feeds_unsaved: list[tuple[Entry, FetchError]] = []
        copies_replaced: list[Entry] = []
        still_gone = 0
        # Pages timing out sync after sync, and how many tries in a row (`timing_out`).
        timing_out: list[tuple[Entry, FetchError, int]] = []
        # Headlines another refresh (the open reader's) stored as this sync ran: new to the
        # sync, though its merge found them there, or in feeds "not modified" to it.
        meanwhile = 0
        cached_meanwhile = 0  # of `todo`, those another download cached (`cached_since`)
        held_back = 0  # queued, then left out for the limit (what came before filled it)
        # The keys of every headline's article; the feeds not synced keep theirs as they were.
        listed = {h.key for h in every if feeds is not None and h.entry.feed_url not in feeds}
        incomplete: list[tuple[Entry, Article]] = []
        fetched: list[Entry] = []
        notes = CacheNotes(self.store)  # for a reader open in another window meanwhile
        indexing_along = SyncIndexing(self.store)  # a sync stopped leaves little to index
        # The cache refusing a write (a full disk) refuses the next too: the articles still to
        # come are not downloaded only to be thrown away, each failing with this one reason.
        unwritable: FetchError | None = None
        # A host timing out again and again is given up: its other articles left for the next.
        hosts = StalledHosts(
            self.limits.per_host,
            self.fetcher.timeouts_in_a_row,
            self._give_up_download,
            self.fetcher.drips_in_a_row,
        )
        # The network going mid-sync holds the articles until it is back (`network_wait`).
        network = NetworkHold(
            self.limits.network_wait,
            self.limits.connect_timeout,
            lambda: report("articles") if feeds_done >= feeds_total else report("feeds"),
            self.fetcher.routes.proxy_of_site,
            self.fetcher.agent_of,
        )

        # `[network] max_download` (or `--max-download`): past it no article or picture is
        # started, those under way cut far past it; all left for the next sync.
        downloaded_before = sum(received_before.values())
        cap = (
            DownloadCap(self.max_download, lambda: self.fetcher.receiving() - downloaded_before)
            if self.max_download
            else None
        )
        capped = 0  # of `todo`, those the cap left for the next sync

        all_queued = False  # every feed in, and the articles listed before queued after them
        # Articles whose host asked to wait (a 429): asked again once it is over, if the sync
        # runs on till then, or has a request's wait at most left of it at its end.
        waits = HostWaits(self.fetcher.wait_left, self.limits.max_retry_after)

        def tail() -> tuple[tuple[str, int], ...]:
            # Every article queued, none waiting its turn: those left are under way, each
            # host's counted, for the progress to say what the sync's end waits for.
            if not all_queued or done >= len(todo):
                return ()
            under = hosts.waiting_on()
            return tuple(under.items()) if sum(under.values()) >= len(todo) - done else ()

        counted = LeftAndFailed()  # `failures` as the summary will count them
        # The pictures begun and done before this sync: its own are the change since.
        tally = self.picture_tally
        pictures_before = replace(tally)

        def failed(entry: Entry, error: FetchError) -> None:
            failures.append((entry, error))
            counted.add(entry.link, error, hosts.given_up)

        def report(
            phase: Literal["feeds", "articles", "pictures", "indexing", "done"],
            arrived: Entry | None = None,
            in_part: bool = False,
            feed: FeedResult | None = None,
            indexed: tuple[int, int] = (0, 0),
        ) -> None:
            if progress:
                waiting = tail() if phase == "articles" else ()
                counted.settle(hosts.given_up)
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
                        feed,
                        len(fetched),
                        already_cached + cached_meanwhile,
                        *indexed,
                        waiting,
                        counted.left,
                        network.went_at if network.gone else None,
                        self.limits.network_wait,
                        network.left,
                        tally.done - pictures_before.done,
                        tally.asked - pictures_before.asked,
                        feeds_waiting if phase == "feeds" else (),
                    )
                )

        feeds_waiting: tuple[tuple[str, int], ...] = ()  # the refresh's (`feeds_heard`)

        def feeds_heard(p: SyncProgress) -> None:
            # Of the refresh's progress, only which hosts it waits for, once no feed has
            # come in for a while (`SyncProgress.feeds_waiting`): the rest is `feed_in`'s.
            nonlocal feeds_waiting
            if p.feeds_waiting or feeds_waiting:
                feeds_waiting = p.feeds_waiting
                report("feeds")

        def give_up_outranked() -> None:
            # Newer stories took the room of downloads under way: stopped before their pages
            # come, they are not fetched only to be evicted at the sync's end.
            assert room is not None
            for key, link in room.outranked():
                if self._give_up_download(link):
                    room.given_up(key)

        async def one(entry: Entry, saved: bool = False) -> None:
            nonlocal done, unwritable, still_gone, held_back, held_now, cached_meanwhile, capped
            key = article_key(entry.link)
            # Its host's slots, waits and give-up are those of the host its page is asked at,
            # past a click tracker (`urls.page_asked`), not the tracker's, never asked.
            at = page_asked(entry.link)
            UNDER_CAP.set(cap)  # this task's own, and its pictures' (`download_cap`)
            # A saved article is never evicted, so the size limit has no say in fetching it.
            room = None if saved else limit
            # This task's own: a file's link reaches public addresses only (`FILE_LINK`).
            FILE_LINK.set(saved and key in start.file_links)
            waited = False  # for its host's 429 wait, and asked again
            while True:  # again once its host's 429 wait is over (`HostWaits`)
                try:
                    first = await room.turn(key) if room is not None else ()
                    if room is not None:
                        await room.hold.wait(first)  # every feed's headlines in, the newest first
                    host = host_ahead[host_of(at)]
                    async with host.slot(first), ahead.slot(first):
                        if unwritable is not None:
                            raise replace(unwritable, url=entry.link)
                        if (left := hosts.left(entry.link, at=at)) is not None:
                            # Kept, so reading it offline says why it isn't there.
                            with suppress(StoreError):
                                await asyncio.to_thread(
                                    self.store.mark_failed, entry.link, left.message
                                )
                            raise left
                        if room is not None:
                            if not await room.reserve(key, entry.link):
                                held_back += 1
                                done += 1
                                report("articles")
                                return
                            give_up_outranked()
                        if self.cached_since(entry.link, started):
                            # The reader's fetch ahead (or an article opened) cached it since the
                            # sync began: already cached, not downloaded again (acc36a G1).
                            article = None
                        else:
                            # Known uncached (see _sync_start): no record read per article on the
                            # loop, only a key looked up (is it an article to read on?).
                            with hosts.asking(entry.link, at=at):
                                if tail():  # the last to start: the sync's end waits for these
                                    report("articles")
                                # A saved link is an address the user gave, led as `reader save`.
                                article = await network.asked(
                                    entry.link,
                                    partial(self._fetch_once, entry.link, None if saved else entry),
                                )
                except FetchError as error:
                    if error.capped:  # left for the next sync: no failure, said in one line
                        if room is not None:
                            room.failed(key)
                        capped += 1
                        done += 1
                        report("articles")
                        return
                    if error.asks_to_wait:
                        # Its host asked to wait: asked again once that is over, if the sync
                        # is still going then (or soon over: `HostWaits`), its room free
                        # meanwhile; else left for the next sync, as said.
                        if room is not None:
                            room.failed(key)
                        if await waits.passed(entry.link):
                            waited = True
                            continue
                    if error.kind == ErrorKind.TIMEOUT:
                        hosts.timed_out(entry.link, at)
                    if network.left and error.no_answer == NoAnswer.NOT_ASKED:
                        # Kept, so reading it offline says why it isn't there.
                        with suppress(StoreError):
                            await asyncio.to_thread(
                                self.store.mark_failed, entry.link, error.message
                            )
                    if error.refused and saved and key in start.file_links:
                        held_local.append((entry, await self._hold_file_link(entry.link, error)))
                        held_now += 1
                        done += 1
                        report("articles")
                        return
                    if error.feed and saved:
                        # A link saved while it could not be reached (an import's, or `reader save`
                        # offline) whose address answers with a feed: left out of Saved, as an
                        # import or a save that reaches one leaves it (acc33a A9), not kept as "not
                        # an article page" for good.
                        with suppress(StoreError):
                            await asyncio.to_thread(self.set_saved, entry.link, False)
                        feeds_unsaved.append((entry, error))
                        done += 1
                        report("articles")
                        return
                    if room is not None:
                        room.failed(article_key(entry.link))
                    if timed_out(error) and (tries := await self._tries_timed_out(entry)):
                        # Timing out sync after sync (a dead host): no failure of the sync,
                        # said once, asked once a day from now on (acc49b B6).
                        timing_out.append((entry, error, tries))
                        done += 1
                        report("articles")
                        return
                    if error.kind == ErrorKind.STORAGE and unwritable is None:
                        unwritable = error
                    if not taken_down(error) and error.kind == ErrorKind.NOT_HTML:
                        not_articles.append((entry, error))
                    elif not taken_down(error):
                        failed(entry, error)
                    elif article_key(entry.link) in was_gone:
                        still_gone += 1  # named when it went
                    else:
                        gone.append((entry, error))
                    done += 1
                    report("articles")
                    return
                except asyncio.CancelledError:
                    task = asyncio.current_task()
                    if room is not None and key in room.gave_up and task and not task.cancelling():
                        held_back += 1  # its download given up for newer stories
                        done += 1
                        report("articles")
                        return
                    if room is not None:
                        room.failed(key)
                    if (
                        (left := hosts.left(entry.link, at=at)) is not None
                        and task
                        and not task.cancelling()
                    ):
                        # Its download stopped with its host's (`StalledHosts.timed_out`).
                        failed(entry, left)
                        done += 1
                        report("articles")
                        with suppress(StoreError):
                            await asyncio.to_thread(
                                self.store.mark_failed, entry.link, left.message
                            )
                        return
                    raise
                except BaseException:  # a fault: its room and its turn are given up
                    if room is not None:
                        room.failed(key)
                    raise
                break
            if waited:
                waits.came(entry.link)
            if article is None:
                cached_meanwhile += 1
            elif article.incomplete:
                incomplete.append((entry, article))
            if article is not None:
                fetched.append(entry)
                notes.cached()
                indexing_along.cached()
            if room is not None:
                size = 0  # not measured: the prune at the end still is
                with suppress(StoreError):
                    size = await asyncio.to_thread(self.store.article_size, entry.link)
                room.cached(key, size)
                give_up_outranked()
            done += 1
            report("articles", entry, article is not None and article.in_part)

        async def renew(entry: Entry) -> None:
            FILE_LINK.set(article_key(entry.link) in start.file_links)  # as `one`
            UNDER_CAP.set(cap)
            at = page_asked(entry.link)  # its host's, as `one`'s
            async with host_ahead[host_of(at)].slot(), ahead.slot():
                left = hosts.left(entry.link, at=at)  # its host given up: not asked again
                try:
                    # Held while the network is gone, as `one`'s download is: a re-fetch
                    # refused as it went failed, "cannot connect to …" a story.
                    renewal = (
                        await network.asked(
                            entry.link,
                            # A live blog's page asked "changed since?" (`live_blogs`).
                            partial(self._renew, entry, article_key(entry.link) in start.live),
                            lambda r: r.failure,
                        )
                        if left is None
                        else Renewal("failed")
                    )
                except FetchError as error:  # the network not back within its wait: left
                    renewal = Renewal("failed", error=error)
            if renewal.error is not None and renewal.error.kind == ErrorKind.TIMEOUT:
                hosts.timed_out(entry.link, at)
            key = article_key(entry.link)
            if renewal.error is not None and renewal.error.refused and FILE_LINK.get():
                held_local.append((entry, await self._hold_file_link(entry.link, renewal.error)))
                return
            if key in start.copies and renewal.outcome in ("changed", "kept"):
                with suppress(StoreError):
                    if not await asyncio.to_thread(self.store.is_kept_copy, entry.link):
                        # By the same text too: the page's own now, cached for offline.
                        copies_replaced.append(entry)
                        return
            if renewal.outcome in ("changed", "kept"):
                with suppress(StoreError):  # kept in the store: only the sync's word is lost
                    ended = await asyncio.to_thread(self.ended_since, entry.link, begun)
                    stands_again.extend((entry, head, said) for head, said in ended)
            if renewal.outcome == "changed":
                renewed.append(entry)
                with suppress(StoreError):  # the copy is kept: only the word of a drop is lost
                    dropped = await asyncio.to_thread(self.store.copies_dropped, entry.link, begun)
                    if article_key(entry.link) in start.live:
                        # A live blog drops a copy at every sync: counted, not a line each
                        # (acc48c C14: 12 lines a minute of six blogs in a cron log).
                        live_dropped[0] += len(dropped)
                    else:
                        copies_dropped.extend((entry, said) for said in dropped)
            elif renewal.outcome == "gone" and renewal.error is not None:
                key = article_key(entry.link)
                if key not in was_gone:  # named when it went, as an uncached story is
                    gone_kept.append((entry, renewal.error, renewal.before))
            elif (error := left or renewal.error) is not None and (left or passing_failure(error)):
                # The change its feed told of is still to be had: said, and its telling kept
                # for the next sync to ask again (acc28c C9: a later page's 503 spent it). A
                # page to sign in in its place is no news: the copy stays, as it always did.
                if left is None and error.no_answer != NoAnswer.NOT_ASKED:  # it says so
                    error = replace(error, message=f"{error.message}{ASKS_AGAIN}")
                if not error.capped:  # the cap's: said in its one line
                    renew_failures.append((entry, error))
                # As kept before the refresh: told anew by it, else as it is now.
                before = told_before.get(entry.id) or (entry if entry.id in was else None)
                if before is not None:
                    with suppress(StoreError):
                        await asyncio.to_thread(
                            self.store.keep_told, article_key(entry.link), before
                        )
                return
            elif renewal.outcome == "kept" and renewal.refused:
                # The correction its feed told of came, and is not taken: said, not silent
                # (acc40a M1: a short statement's correction dropped without a word).
                not_renewed.append((entry, renewal.refused))
            elif renewal.error is not None and renewal.error.kind == ErrorKind.EXTRACTION:
                # A page with no text where the story was: said as one giving less is, its feed
                # having told of a change the copy does not have. A page to sign in is no news
                # to the sync (a wall stands before every story): the copy's notes keep it.
                not_renewed.append((entry, renewal.error.message))
            with suppress(StoreError):  # judged: its next telling is compared with this one
                await asyncio.to_thread(self.store.forget_told, article_key(entry.link))
                if article_key(entry.link) in start.copies:
                    # The page answered with no article to take the copy's place (a PDF, a
                    # page to sign in): asked for no more by syncs; `R` still asks.
                    await asyncio.to_thread(self.store.settle_copy, entry.link)

        def fetch(entry: Entry, key: str = "") -> None:
            # A headline's key as the store keeps it; a fresh entry's made from its link.
            key = key or (article_key(entry.link) if entry.link else "")
            listed.add(key)
            moved = _moved_from(told_before.get(entry.id), key, renewable)
            if moved:
                # Its copy moved with its address (`Store.move_article`): read as a copy of
                # the same article, its old headline (listed at the start) not fetched again.
                renewable[key] = renewable.pop(moved)
                skip.add(moved)
            if key in renewable and (
                moved
                or (
                    updated_since(entry, renewable[key])
                    and entry.updated not in stamped.get(entry.feed_url, ())
                )
                or retold(told_before.get(entry.id), entry, renewable[key])
                or (
                    key in told
                    and retold(
                        replace(
                            entry,
                            title=told[key].title,
                            summary=told[key].summary,
                            content=told[key].content,
                        ),
                        entry,
                        renewable[key],
                    )
                )
                # Moved to its address by a refresh since the last sync (the reader's `r`):
                # the new page a copy of its own, as a sync's own refresh has it (`moved`).
                or (key in told and bool(told[key].link) and article_key(told[key].link) != key)
                # A live blog still running, its item told anew or not (`live_blogs`).
                or key in start.live
            ):
                del renewable[key]
                tasks.append(asyncio.create_task(renew(entry)))
                return
            if key in copies:
                copies.discard(key)
                tasks.append(asyncio.create_task(renew(entry)))
                return
            if not key or key in skip:
                return
            skip.add(key)
            if room is not None and not room.keeps(key):
                return
            todo.append(entry)
            self.start_workers_soon()  # as its page comes
            tasks.append(asyncio.create_task(one(entry)))
            if room is not None:
                room.queued(key)

        def feed_in(result: FeedResult) -> None:
            nonlocal feeds_done, already_cached, meanwhile, feeds_waiting
            feeds_done += 1
            feeds_waiting = ()  # one came in: said again only after a while without
            # A feed left unasked (gone for good lately) heard nothing: counted an answer, it
            # made every site down look like the network going (a minute's wait; acc39b Q4).
            if result.asked and (result.error is None or result.error.kind not in NO_CONNECTION):
                network.answered(result.feed.moved_to or result.feed.url)
            if room is not None:
                room.hold.heard()
            if result.entries:
                stamped[result.feed.url] = stamped_times(result.entries)
            told_before.update((e.id, e) for e in result.told)
            unknown = 0  # listed by none of the headlines the sync started with
            for entry in result.entries:
                if entry.id not in known_ids:
                    unknown += 1
                    known_ids.add(entry.id)
                    if room is not None:
                        room.note(entry)
                    already_cached += bool(entry.link) and article_key(entry.link) in cached
                fetch(entry)
            # New to this sync, not to the store: another refresh (the open reader's) stored
            # them first, after the sync had read the headlines (acc42b B6).
            meanwhile += max(0, unknown - result.new_entries)
            if room is not None and room.hold.holding:
                out = feeds_total - feeds_done
                # Every feed in: their articles go, the newest first; or no order is needed,
                # the limit keeping all they may bring (asked first: a `Headroom` not sure of
                # it starts ranking the articles then).
                if room.room_for_all(feeds_done, out) or out <= 0:
                    room.hold.release()
            report("feeds", feed=result)

        report("feeds")
        self._picture_heard = partial(report, "pictures")
        try:
            results = await self.refresh(
                feeds_heard,
                on_feed=feed_in,
                feeds=feeds,
                again="the next sync",
                hosts=hosts,
                network=network,
            )
            if room is not None:
                room.hold.release()
            queued = len(todo)
            # With no connection, the articles left from before would fail as the feeds did.
            if not nothing_answered(results):
                subscribed = {result.feed.url for result in results}  # none removed meanwhile
                taken_out = frozenset().union(*(result.left_out for result in results))
                for headline in headlines:
                    if headline.entry.feed_url in subscribed and headline.entry.id not in taken_out:
                        fetch(headline.entry, headline.key)
                # Those another refresh (the open reader's) brought in as this sync ran, of
                # the feeds that gave it no items (unchanged to it, or failed): fetched as
                # this sync's own new ones are (acc42b B6). Read off the loop.
                quiet = [r.feed.url for r in results if r.feed.url in subscribed and not r.entries]
                for entry, key in await asyncio.to_thread(
                    self._arrived_meanwhile, quiet, known_ids
                ):
                    if entry.id in taken_out:
                        continue
                    known_ids.add(entry.id)
                    meanwhile += 1
                    if room is not None:
                        room.note(entry)
                    already_cached += bool(key) and key in cached
                    fetch(entry, key)
                # Saved links no feed lists: one not fetched yet (saved offline, imported) or
                # missing pages is read as a feed's is (acc31c W8, W14).
                for key, entry in unlisted:
                    if key not in skip:
                        skip.add(key)
                        todo.append(entry)
                        tasks.append(asyncio.create_task(one(entry, saved=True)))
                for key, entry in start.copies_unlisted if feeds is None else ():
                    if key in copies:
                        copies.discard(key)
                        tasks.append(asyncio.create_task(renew(entry)))
                # The pictures an earlier sync didn't get to (stopped first, `--no-pictures`, a
                # failure that may pass): behind every article's text, as this one's own.
                capping = UNDER_CAP.set(cap)  # in the context their tasks are made with
                try:
                    await self.keep_owed_pictures(
                        {h.key: h.entry for h in headlines if h.key},
                        also_unlisted=feeds is None,
                        file_links=start.file_links,
                    )
                finally:
                    UNDER_CAP.reset(capping)
            all_queued = True
            waits.all_queued(tasks)
            if len(todo) != queued or tail():
                # Told now, not with the first of them done: a Ctrl-C meanwhile counted the
                # articles cached against the feeds' last total ("5 of 1 article cached");
                # or every one left under way already, what the sync's end waits for.
                report("articles")
            await asyncio.gather(*tasks)
            # The articles' pictures (`pictures`), kept before the prune weighs the cache.
            await self.pictures_settled()
        finally:
            self._picture_heard = None
            await network.aclose()
            if room is not None:
                room.hold.release()  # a refresh stopped by an error: none is left waiting
            for task in tasks:
                task.cancel()  # finished ones ignore it; after Ctrl-C or an error, none is left
            notes.flush()
        if self._portal.last_seen > started:
            results = self._portal_answered(results, fetched, failures, incomplete)
        self._network_certificate_answered(results, failures)
        if fetched:
            # A sitemap's items headed by their addresses' words: by their pages' titles now.
            feeds_fetched = {e.feed_url for e in fetched}
            await self._in_store_thread(self.store.title_pages, feeds_fetched)
        dropped = await self._drop_old_read()
        pruned = None
        if self.cache_max_bytes and not await asyncio.to_thread(self._under_limit):
            # Every cached article's size and rank weighed: off the loop a reader draws from.
            pruned = await asyncio.to_thread(self.prune, max_bytes=self.cache_max_bytes)
        # Fetched and evicted at once (before the limit was seen to be reached): left out, not
        # cached; the eviction said is that of articles cached before, for newer ones.
        evicted = pruned.evicted if pruned else {}
        at_once = {k for e in fetched if (k := article_key(e.link)) in evicted}
        if pruned is not None:
            before = {k: size for k, size in evicted.items() if k not in at_once}
            freed = sum(before.values())
            pruned = replace(pruned, removed=len(before), freed_bytes=freed, evicted=before)
        left_out = 0
        with suppress(StoreError):  # a cache that takes no writes: nothing new was left out
            left_out = await asyncio.to_thread(self._settle_left_out, listed - {""}, room)
        not_offline = NotOffline()
        with suppress(StoreError):  # a recap: the sync's own report stands without it
            not_offline = await asyncio.to_thread(self.not_offline)
            full = any(e.unwritable == Unwritable.DISK_FULL for _, e in failures)
            portal = any(e.kind == ErrorKind.PORTAL for _, e in failures)
            owed = self.store.pictures_owed_keys() if self.pictures_wanted else set()
            not_offline = replace(
                not_offline,
                disk_full=full,
                portal=portal,
                no_pictures=len(owed),
                refused_pictures=len(self.store.refused_pictures_keys(owed)),
            )
            # One stopped before: this one went to the end (of every feed, or not: `whole`).
            self.store.mark_sync_stopped(False, whole=feeds is None)
        if fetched or renewed or copies_replaced or (pruned and pruned.removed):
            with suppress(StoreError):
                self.store.note_changed()
            # Indexed now, off the loop, so the first search after a sync needn't; said while
            # it goes (seconds for thousands of articles).
            loop = asyncio.get_running_loop()

            def indexing(done: int, total: int) -> None:  # in the index's thread
                loop.call_soon_threadsafe(report, "indexing", None, False, None, (done, total))

            # Imported here: the search's modules are a tenth of a sync's start-up, and a
            # sync that brought nothing indexes nothing.
            from .text_search import index_cached

            await indexing_along.finished()  # the rest, said as it goes
            with suppress(StoreError):
                await asyncio.to_thread(index_cached, self.store, indexing)
        # Those the reader's fetch ahead (or another sync) cached whole meanwhile are not left
        # unfetched: the network's line counted them, 581 "not fetched" beside the recap's
        # 572 "failed" (acc34a C8). The sync's own count of what it cached stays its own.
        unfetched = failures
        if failures:
            with suppress(StoreError):
                whole = await asyncio.to_thread(
                    lambda: self.store.article_keys() - self.store.partial_keys()
                )
                unfetched = [f for f in failures if article_key(f[0].link) not in whole]
        report("done")
        return SyncReport(
            feeds=results,
            articles_fetched=len(todo)
            - len(failures)
            - len(not_articles)
            - len(gone)
            - still_gone
            - len(timing_out)
            - held_back
            - held_now
            - len(feeds_unsaved)
            - len(at_once)
            - cached_meanwhile
            - capped
            + len(copies_replaced),
            articles_already_cached=already_cached + cached_meanwhile - len(copies_replaced),
            arrived_meanwhile=meanwhile,
            articles_updated=len(renewed),
            updated=renewed,
            not_renewed=not_renewed,
            copies_dropped=copies_dropped,
            live_copies_dropped=live_dropped[0],
            stands_again=stands_again,
            article_failures=unfetched + renew_failures,
            not_articles=not_articles,
            gone=gone,
            gone_kept=gone_kept,
            timing_out=timing_out,
            held_local=held_local,
            feeds_unsaved=feeds_unsaved,
            copies_replaced=copies_replaced,
            incomplete=incomplete,
            pruned=pruned if pruned and pruned.removed else None,
            headlines_dropped=dropped,
            left_out=left_out,
            size_limit=self.cache_max_bytes,
            not_offline=not_offline,
            article_hosts=frozenset(hosts.asked),
            given_up=dict(hosts.given_up),
            dripping=frozenset(hosts.dripping),
            down_alone=self.fetcher.down_alone() | network.alone,
            answered=self.fetcher.answered_since(tries_before),
            network_went=network.went_at if network.left else None,
            network_stalled=network.stalled,
            untold=network.untold,
            fetched_after_wait=dict(waits.fetched),
            pictures_kept=tally.kept - pictures_before.kept,
            pictures_stored=tally.stored - pictures_before.stored,
            pictures_stored_bytes=tally.stored_bytes - pictures_before.stored_bytes,
            pictures_not_kept=tally.not_kept - pictures_before.not_kept,
            pictures_portal=(
                tally.portal if tally.portal_answered > pictures_before.portal_answered else ""
            ),
            downloaded=sum(self.fetcher.received.values()) - sum(received_before.values()),
            downloaded_pictures=self.fetcher.received["pictures"] - received_before["pictures"],
            capped=capped,
            max_download=self.max_download if cap is not None and cap.stopped else 0,
        )


def _moved_from(before: Entry | None, key: str, renewable: dict[str, float]) -> str:
    """The key of the copy cached at the address an item linked (`before`: as its feed told it
    before) when its feed now links it at `key`, none cached there at the sync's start: the
    same story at a new address, its copy moved there (`Store.move_article`, acc44c C14); ""
    for any other item."""
    if before is None or not before.link or not key or key in renewable:
        return ""
    was = article_key(before.link)
    return was if was != key and was in renewable else ""
