"""A `Library`'s headlines: of one feed, of a tag's feeds or of all, read whole, streamed or the
first of them, each marked as the store says (read, cached, saved…), with the saved articles
no feed lists; what is not readable offline of them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import suppress
from typing import Any

from ..dates import from_timestamp
from ..gone import asked_lately
from ..keys import saved_article_id
from ..models import SUMMARY_HELD, Entry, StoreError
from ..reports import Headline, NotOffline, article_of, newest_first, newest_saved_first, one_each
from ..store.saved import HELD
from ..store.shown_ids import UNLISTED
from ..timing_out import given_up
from ..url_display import site_named
from .headline_marks import HeadlineMarks
from .headline_runs import Head, feed_run, first, merged
from .live_blogs import live_running
from .tags import LibraryTags


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


class LibraryHeadlines(LibraryTags):
    """The headlines a `Library` lists (nothing here touches the network)."""

    def headlines(
        self,
        feed_url: str | None = None,
        unread_only: bool = False,
        saved_only: bool = False,
        tags: Collection[str] = (),
    ) -> list[Headline]:
        """Entries newest first, of one feed, of the feeds and saved articles filed under one
        of `tags`, or of all; `saved_only` of all: every saved article, those no feed lists too
        (`headlines_and_unlisted`), the last saved first (`newest_saved_first`). A saved
        article is one row (`one_each`), however many feeds list it."""
        urls = self._listed_urls(feed_url, tags)
        marks = self._marks()
        out, listed = self._feed_headlines(urls, marks, unread_only, saved_only)
        if saved_only and not feed_url and not tags:
            out += [h for h in self._unlisted(listed, marks) if not (unread_only and h.read)]
        if tags and not feed_url:
            tagged = self._tagged_articles(tags, urls, listed, marks, unread_only)
            out += one_each(sorted(tagged, key=newest_first))
        out.sort(key=newest_saved_first if saved_only else newest_first)
        return one_each(out) if saved_only else out

    def _tagged_articles(
        self,
        tags: Collection[str],
        read_already: list[str],
        listed: set[str],
        marks: HeadlineMarks,
        unread_only: bool,
    ) -> list[Headline]:
        """The saved articles filed under one of `tags` that the feeds at `read_already` don't
        list: each as the feed listing it lists it (under its id there), else as Saved lists
        one no feed does."""
        wanted = self.tagged_keys(tags) - listed
        if not wanted:
            return []
        out: list[Headline] = []
        every_listed = set(listed)
        for url in self.store.feed_urls():
            if url in read_already:
                continue
            keys = {key for key, _ in self.store.entry_keys(url)}
            every_listed |= keys
            if keys & wanted:
                headlines = self._feed_headlines([url], marks, unread_only, True)[0]
                out += [h for h in headlines if article_of(h) in wanted]
        unlisted = self._unlisted(every_listed, marks, wanted)
        return out + [h for h in unlisted if not (unread_only and h.read)]

    def streamed_headlines(
        self, feed_url: str | None = None, unread_only: bool = False, tags: Collection[str] = ()
    ) -> Iterator[Headline]:
        """`headlines(feed_url, unread_only, tags=tags)`, each made as it is asked for
        (`headline_runs`): the first of a year's library comes at once."""
        if tags and not feed_url:
            # A tag's saved articles are listed by other feeds, or none, each put in its
            # place: a tag's list is read whole (a few feeds', not the library's).
            yield from self.headlines(None, unread_only, tags=tags)
            return
        urls = self._listed_urls(feed_url, tags)
        marks = self._marks()
        runs = []
        lists, marked = self.store.each_entry_records(urls), self.store.each_read_ids(urls)
        for turn, (url, records, read) in enumerate(zip(urls, lists, marked, strict=True)):

            def whole(url: str = url) -> list[Headline]:
                return self._feed_headlines([url], marks, unread_only, False)[0]

            runs.append(feed_run(turn, records, read, marks, unread_only, whole))
        yield from merged(runs)
        if marks.read_now:
            with suppress(StoreError):  # read again next time
                self.store.keep_page_dates(marks.read_now)

    def _listed_urls(self, feed_url: str | None, tags: Collection[str]) -> list[str]:
        """The feeds a list of headlines is of: the one `feed_url` names, those filed under
        one of `tags`, else every one."""
        if feed_url:
            return [self.feed_named(feed_url)]
        if tags:
            return self.tagged_urls(tags)
        return self.store.feed_urls()

    def left_lately(self) -> set[str]:
        """The keys of the stories their site said were gone (404, 410) less than a day ago,
        and of the pages found too slow to read then (`time_limit.within_time`), larger than
        a page is read (`too_large_links`) or timing out try after try (`timing_out`), which
        only a sync a day later, or opening one, asks for again (`gone`)."""
        left = asked_lately(self.store.gone()) | asked_lately(self.store.slow())
        return left | asked_lately(given_up(self.store.timeouts()))

    def fetched_only_when_opened(self) -> set[str]:
        """The keys of the articles never fetched ahead of the user (the reader's prefetch),
        only when opened: those `left_lately`, and the saved links an import left unfetched
        (to this computer or its network: `SavedChange.held`), which a sync leaves too."""
        held = {k for k, r in self.store.saved().items() if isinstance(r, dict) and r.get(HELD)}
        return self.left_lately() | held

    def first_headlines(
        self, count: int, unread_only: bool = False
    ) -> tuple[list[Headline], list[Headline] | None]:
        """The first `count` headlines of every feed's list, as `headlines(unread_only=...)`
        lists them, each feed's entries decoded only as far as the list needs (a year's
        library: a few hundred of its 43,000); and the saved articles no feed lists, when
        these were every headline (as `headlines_and_unlisted`; None: there are more)."""
        marks = self._marks()
        feeds: list[Head] = []
        urls = self.store.feed_urls()
        lists, marked = self.store.each_records_lazily(urls), self.store.each_read_ids(urls)
        for url, (records, dated), read in zip(urls, lists, marked, strict=True):

            def whole(url: str = url) -> list[Headline]:
                return self._feed_headlines([url], marks, unread_only, False)[0]

            feeds.append((records, None if dated else whole, read))
        out, listed = first(count, feeds, marks, unread_only)
        unlisted = (
            None if listed is None else sorted(self._unlisted(listed, marks), key=newest_first)
        )
        if marks.read_now:
            with suppress(StoreError):  # read again next time
                self.store.keep_page_dates(marks.read_now)
        return out, unlisted

    def not_offline(self) -> NotOffline:
        """Of every headline the feeds list and every saved article none does, how many have
        an article not readable offline, by why (one left out by the size limit is said with
        the limit, not here). Counted from each headline's article key and the store's sets of
        keys, no headline made: a sync's recap, over a year's 51,000 headlines."""
        store = self.store
        failed, gone = store.failed_keys(), store.gone_keys()
        cached, partial = store.article_keys(), store.partial_keys()
        not_pages, left_out = store.not_article_keys(), store.left_out_keys()
        counts: Counter[str] = Counter()
        listed: set[str] = set()
        for url in store.feed_urls():
            for key, episode in store.entry_keys(url):
                listed.add(key)
                # As `HeadlineMarks.headline` marks it.
                if key and key in cached:
                    counts["in_part"] += key in partial
                elif key in not_pages if key else episode:
                    counts["not_pages"] += 1
                elif not key or key in left_out:
                    continue  # said with the size limit; no page to fetch
                elif key in failed:
                    counts["taken_down" if key in gone else "failed"] += 1
                else:  # a full disk kept even its failure from being noted (acc29b T5)
                    counts["not_fetched"] += 1
        # The saved articles no feed lists: one cached in part was left out of the flight
        # check (acc31c W7). Never left out by the size limit.
        saved = store.saved()
        for key in saved.keys() - listed:
            if key in cached:
                counts["in_part"] += key in partial
            elif key in not_pages:
                counts["not_pages"] += 1
            elif isinstance(record := saved[key], dict) and record.get(HELD):
                # No sync fetches it: "not fetched yet" promised one would; nor is it a
                # failure to mend, its name having led to this computer at a sync.
                counts["held"] += 1
            elif key in failed:
                counts["taken_down" if key in gone else "failed"] += 1
            else:
                counts["not_fetched"] += 1
        return NotOffline(**counts)

    def headlines_and_unlisted(self) -> tuple[list[Headline], list[Headline]]:
        """Every feed's headlines, and the saved articles no feed lists: saved by their
        address, dropped by their feed (past its `MAX_ENTRIES_PER_FEED`) or their feed
        removed. Each newest first."""
        marks = self._marks()
        out, listed = self._feed_headlines(self.store.feed_urls(), marks, False, False)
        out.sort(key=newest_first)
        return out, sorted(self._unlisted(listed, marks), key=newest_first)

    def feeds_headlines(self, urls: Iterable[str]) -> list[Headline]:
        """The headlines of these subscribed feeds (as subscribed: no other spelling), newest
        first: what a refresh just brought of them, for a list filled feed by feed."""
        out, _ = self._feed_headlines(list(urls), self._marks(), False, False)
        out.sort(key=newest_first)
        return out

    def recached(self, headlines: list[Headline]) -> list[Headline]:
        """Of `headlines` (a list as read before), those whose article was cached since, or
        is no longer, marked as the store says now (one its feed left undated dated by its
        page): what a list follows while a sync in another window caches (`cached_at`),
        without reading every feed's headlines again."""
        marks = self._marks()
        out = []
        cached, partial = marks.cached, marks.partial
        changed = []
        for headline in headlines:
            key = article_of(headline)
            # Sets looked up, no headline made, for the thousands that did not change.
            if key and (key in cached, key in partial) != (headline.cached, headline.partial):
                changed.append((headline, key))
        held = self._summaries_held([h.entry for h, k in changed if k not in cached])
        for headline, key in changed:
            entry = held.get(headline.entry.id, headline.entry)
            out.append(marks.headline(entry, key, headline.read))
        if marks.read_now:
            with suppress(StoreError):  # read again next time
                self.store.keep_page_dates(marks.read_now)
        return out

    def _summaries_held(self, entries: list[Entry]) -> dict[str, Entry]:
        """Of `entries`, whose articles are no longer cached (evicted), those listed while
        they were, holding none of their summaries (`Entry.summary_cut`), as a list holds
        them now, by id: the start a search reads of an uncached one's feed text, each feed's
        list read once."""
        wanted: dict[str, set[str]] = {}
        for entry in entries:
            if entry.summary_cut and len(entry.summary) < SUMMARY_HELD:
                wanted.setdefault(entry.feed_url, set()).add(entry.id)
        held: dict[str, Entry] = {}
        for url, ids in wanted.items():
            for entry, _ in self.store.keyed_entries(url, SUMMARY_HELD):
                if entry.id in ids:
                    held[entry.id] = entry
        return held

    def _marks(self) -> HeadlineMarks:
        store = self.store
        # A page's first retrieval in place of another app's copy is no change (`Δ` marked so
        # by a reader from before `first_retrievals`).
        first = store.first_retrievals()
        return HeadlineMarks(
            store.saved(),
            store.article_keys(),
            store.partial_keys(),
            store.not_article_keys(),
            store.left_out_keys(),
            store.listed_page_dates,
            store.page_date,
            updated=store.renewed_keys() - first,
            changed_entries=store.changed_entry_anchors(),
            gone=store.gone_keys(),
            copied=store.corrected_keys(),
            corrected_entries=store.corrected_entry_anchors(),
            live=live_running(store.live_blogs()),
            retraction=store.retraction,
        )

    def _feed_headlines(
        self,
        urls: list[str],
        marks: HeadlineMarks,
        unread_only: bool,
        saved_only: bool,
        as_read: Callable[[Entry, str], Entry] | None = None,
        held: int | None = SUMMARY_HELD,
    ) -> tuple[list[Headline], set[str]]:
        """The headlines of these feeds, and the article keys they list (saved or not); each
        entry as `as_read` gives it back, given it and its key (a sync's `lean` ones), its
        summary cut to `held` characters, none where its article is cached
        (`Entry.summary_cut`; None: whole, as a sync compares them)."""
        out: list[Headline] = []
        listed: set[str] = set()
        for url, read in zip(urls, self.store.each_read_ids(urls), strict=True):
            for entry, key in self.store.keyed_entries(url, held, marks.cached):
                listed.add(key)
                if unread_only and entry.id in read:
                    continue
                if saved_only and key not in marks.saved:
                    continue
                if as_read is not None:
                    entry = as_read(entry, key)
                out.append(marks.headline(entry, key, entry.id in read))
        if marks.read_now:
            with suppress(StoreError):  # read again next time: the list stands without it
                self.store.keep_page_dates(marks.read_now)
            marks.read_now.clear()
        return out, listed

    def _unlisted(
        self, listed: set[str], marks: HeadlineMarks, only: Collection[str] | None = None
    ) -> list[Headline]:
        """The saved articles none of the `listed` keys is (of those keys in `only`, when
        given), as headlines (unordered)."""
        read = self.store.read_ids(UNLISTED)
        shown = self.store.shown_ids()
        out: list[Headline] = []
        for key, record in marks.saved.items():
            if only is not None and key not in only:
                continue
            if key not in listed and isinstance(record, dict):
                entry = self._unlisted_entry(key, record, shown.get(key, [""])[0])
                out.append(marks.headline(entry, key, entry.id in read))
        return out

    def unlisted_entry(
        self, key: str, record: dict[str, Any], shown_as: str | None = None
    ) -> Entry:
        """`_unlisted_entry`, for a cached article no feed lists that a search found."""
        return self._unlisted_entry(key, record, shown_as)

    def _unlisted_entry(
        self, key: str, record: dict[str, Any], shown_as: str | None = None
    ) -> Entry:
        """A saved article no feed lists, as an entry of no feed (`UNLISTED`, where its read
        flag is kept too): the cached article's title, dates and author, its site as its
        source, and when it was saved as its time when the page gave none. Its id is the one
        a headline listed it under (`shown_as`, else read from the store: `shown_ids`), else
        one made from its address (`saved_article_id`)."""
        if shown_as is None:
            shown_as = self.store.shown_id(key)
        url = record.get("url")
        url = url if isinstance(url, str) and url else key
        article = self.store.article_heading(url)
        saved_at = from_timestamp(record.get("at"))
        return Entry(
            id=shown_as or saved_article_id(key),
            feed_url=UNLISTED,
            title=(article.title if article else "") or _str(record.get("title")) or url,
            link=url,
            published=article.published if article else None,
            updated=(article.updated if article else None) or saved_at,
            author=article.author if article else "",
            feed_title=site_named(article.site_name if article else "", url),
        )
