"""What a sync reads before it refreshes the feeds (`SyncStart`): the headlines as they were,
which articles are cached, gone, too slow, downloaded when, told anew since. A headline the
sync will neither fetch nor compare is read without its texts (`lean`): a year's 51,550
summaries, authors and feed titles were held through every sync, nothing changed or not."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, replace
from functools import partial

from ..gone import asked_lately
from ..keys import link_key
from ..left_files import sweep_left_behind
from ..models import Entry, StoreError, made
from ..reports import Headline, newest_first
from ..store.feeds import Told
from ..store.saved import FROM_FILE, HELD
from ..timing_out import given_up
from ..too_large_links import outgrown
from .feed_refresh import LibraryFeedRefresh
from .live_blogs import live_running
from .retold import updated_since


@dataclass(frozen=True)
class SyncStart:
    """The store as a sync found it, read in one go off the event loop."""

    headlines: list[Headline]
    """Every feed's headlines before the refresh, newest first; those whose article the sync
    cannot fetch nor fetch again have their entry `lean`."""
    to_fetch: list[tuple[str, Entry]]
    """The saved articles no feed lists that are not cached whole, by key."""
    saved_cached: int
    """How many saved articles no feed lists are cached whole."""
    cached: set[str]
    """The keys of the articles cached whole."""
    not_pages: set[str]
    """The keys of links known not to be article pages."""
    incomplete: set[str]
    """The keys of the articles missing some of their pages (read on by the sync)."""
    gone: dict[str, float]
    """When each story its site said was gone was said so (`Store.gone`)."""
    renewable: dict[str, float]
    """When each cached article's page was downloaded (`Store.renewable`)."""
    told: dict[str, Told]
    """What items told anew since the last sync said before (`Store.told`)."""
    skipped: set[str]
    """The keys of the articles the sync does not fetch: cached, no article page, or gone or
    too slow when last asked (lately: `gone.asked_lately`)."""
    copies: set[str]
    """The keys of the articles cached as the copy another app kept (wallabag's), whose pages
    the sync asks for, to cache in their place (`Store.copies_to_replace`): not those whose
    page answered for good with none (404, 410: `gone`; a PDF), nor those left for the user
    to open (to this computer or its network: `HELD`)."""
    copies_unlisted: list[tuple[str, Entry]]
    """Of `copies`, those no feed lists, by key."""
    file_links: set[str]
    """The keys of the saved links from a file (`FROM_FILE`): fetched from public addresses
    only (`leads.FILE_LINK`)."""
    live: set[str]
    """The keys of the live blogs still running (`live_blogs.live_running`): asked for again at
    each sync, their feed's item told anew or not."""


def lean(entry: Entry) -> Entry:
    """`entry` without the texts a sync reads only of the articles it fetches or compares
    (its summary, author and feed's title): the same item as far as the sync goes."""
    return made(Entry, {**entry.__dict__, "summary": "", "author": "", "feed_title": ""})


class LibrarySyncStart(LibraryFeedRefresh):
    """A `Library`'s reading of its store as a sync starts."""

    def _arrived_meanwhile(self, urls: list[str], known: set[str]) -> list[tuple[Entry, str]]:
        """The headlines of these feeds none of `known` (ids) is, each with its article's key:
        those another process (the open reader's refresh) wrote into the store since the sync
        read it. Its feeds answered the sync "not modified", the other refresh having taken
        their new ETags, so neither list had them (acc42b B6)."""
        store = self.store
        return [
            (entry, key)
            for url in urls
            if not set(store.entry_ids(url)) <= known
            for entry, key in store.keyed_entries(url)
            if entry.id not in known
        ]

    def _sync_start(self) -> SyncStart:
        # What a reader killed mid-write left in its temporary folders (a picture's copy half
        # written, kill -9): a sync is where `reader sync` from cron or a script sweeps it.
        sweep_left_behind()
        store = self.store
        incomplete = store.incomplete_keys()
        with suppress(StoreError):  # read only: their rows stay, and are fetched no sooner
            store.drop_missing_files()
        cached = store.article_keys() - incomplete
        not_pages, gone, slow, timing_out = (
            store.not_article_keys(partial(outgrown, limits=self.limits)),
            store.gone(),
            store.slow(),
            given_up(store.timeouts()),
        )
        renewable, told = store.renewable(), store.told()
        for key, at in store.last_refused().items():
            # A page refused (a teaser, a page to sign in) is judged as of then: asked for
            # again once its feed tells of a later change, or a day on (acc48d D6).
            if key in renewable:
                renewable[key] = max(renewable[key], at)
        skipped = cached | not_pages | asked_lately(gone) | asked_lately(slow)
        skipped |= asked_lately(timing_out)  # timed out sync after sync: once a day
        live = live_running(store.live_blogs()).keys() & renewable.keys()

        def as_read(entry: Entry, key: str) -> Entry:
            # Whole when the sync may fetch it (not cached, nor left), or fetch it again (its
            # feed said it changed after the download, or told it anew since): its feed's text
            # is what a page falls back on, its names are in the report.
            if key in told and told[key][2]:
                # Its full text told anew: what it said before is compared with the feed's
                # now, kept apart from its record (`retold`).
                return replace(entry, content=store.entry_content(entry.id))
            if (
                key not in skipped
                or key in told
                or key in live
                or (key in renewable and updated_since(entry, renewable[key]))
            ):
                return entry
            return lean(entry)

        # Their summaries whole: what one fetched is compared with (`retold`), and kept.
        urls, marks = store.feed_urls(), self._marks()
        headlines = self._feed_headlines(urls, marks, False, False, as_read, held=None)[0]
        headlines.sort(key=newest_first)  # as `headlines()` lists them
        listed = {h.key or link_key(h.entry.link) for h in headlines}
        saved = store.saved()
        with suppress(StoreError):  # a read-only directory: not marked, not asked for
            store.mark_copies_cached_before(saved.keys() & cached)
            # An older reader's copies of each article's pictures kept once (format 7 on).
            store.fold_older_pictures()
            if self.pictures_wanted:  # those of a reader from before the marks: fetched now
                store.mark_pictures_owed_before({h.key: h.entry.link for h in headlines if h.key})
            if store.mark_file_links_saved_before():  # a reader from before the mark's
                saved = store.saved()
        unlisted = {
            key: record
            for key, record in saved.items()
            if key not in listed and isinstance(record, dict)
        }
        # Entries made only of those to fetch: each reads its article's heading. A link an
        # import left unfetched on purpose (to this computer or its network) waits for the
        # user to open it: every sync fetched it (acc32b B1).
        to_fetch = [
            (k, self.unlisted_entry(k, r))
            for k, r in unlisted.items()
            if k not in cached and not r.get(HELD)
        ]
        held = {k for k, r in saved.items() if isinstance(r, dict) and r.get(HELD)}
        copies = store.copies_to_replace() - gone.keys() - held
        copies_unlisted = [
            (k, self.unlisted_entry(k, r)) for k, r in unlisted.items() if k in copies
        ]
        return SyncStart(
            headlines,
            to_fetch,
            sum(k in cached for k in unlisted),
            cached,
            not_pages,
            incomplete,
            gone,
            renewable,
            told,
            skipped,
            copies,
            copies_unlisted,
            {k for k, r in saved.items() if isinstance(r, dict) and r.get(FROM_FILE)},
            live,
        )
