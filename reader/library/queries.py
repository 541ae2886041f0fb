"""A `Library` read and marked: subscriptions, headlines, an entry found by id or address, read
and saved flags, where the reader left an article, and whether a site rule still finds its body."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from contextlib import suppress
from datetime import UTC, datetime
from typing import Any

from ..article_sources import read_from
from ..config import site_rule_for
from ..feed_names import clean_name, folded
from ..feed_tags import tagged
from ..gone import asked_lately
from ..keys import article_key, link_key, looks_like_entry_id, saved_article_id
from ..models import Article, Entry, ErrorKind, Feed, FetchError, StoreError
from ..reports import Headline, NotOffline, newest_first
from ..safe import safe_line
from ..store.shown_ids import UNLISTED
from ..url_display import shown_url
from ..urls import canonical_url, is_web_url, not_web_url, site_host, with_scheme
from .dropped_ids import dropped_entry
from .headline_marks import HeadlineMarks
from .headline_runs import Head, feed_run, first, merged
from .resources import LibraryResources, _link


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


# What is written as an address, not an id: a scheme and "//", or a scheme of no web page.
_ADDRESS_LIKE = re.compile(r"[a-z][a-z0-9+.-]*://|(?:file|mailto|javascript|data):", re.IGNORECASE)


def _with_link(headlines: list[Headline], url: str) -> Entry | None:
    wanted = article_key(url)
    for headline in headlines:
        if headline.entry.link and _key(headline) == wanted:
            return headline.entry
    return None


def _key(headline: Headline) -> str:
    """A headline's article key: the one it came with, else made from its link."""
    return headline.key or link_key(headline.entry.link)


class LibraryQueries(LibraryResources):
    """What a `Library` holds, read and marked (nothing here touches the network)."""

    # -- subscriptions -------------------------------------------------------------------------
    def feeds(self) -> list[Feed]:
        return self.store.feeds()

    def add_feed(self, url: str, title: str = "", name: str = "") -> bool:
        """Subscribe to `url` (not fetched yet), titled `title` until its first fetch and
        named `name` (one the same as `title` is an OPML file's that may be a copy of it:
        `feed_names.copies_own_title`); False when already subscribed."""
        url = url.strip()
        if not is_web_url(url):
            raise FetchError(ErrorKind.BAD_URL, not_web_url(url), url)
        return self.store.add_feed(self.subscription_url(url), title, clean_name(name))

    def rename_feed(self, feed: str, name: str) -> Feed | None:
        """Give the feed `feed` names (as `feed_named` takes it) the user's `name`, shown over
        its own title; "" goes back to its own title. None when no feed is subscribed so."""
        return self.store.name_feed(self.feed_named(feed.strip()), clean_name(name))

    def remove_feed(self, url: str) -> bool:
        """Unsubscribe from `url`, as written or as `reader feeds` shows it; False when not
        subscribed."""
        return self.store.remove_feed(self.feed_named(url.strip()))

    def subscription_url(self, url: str) -> str:
        """The URL as subscribed when `url` names the same feed in another spelling."""
        wanted = canonical_url(url)
        return next((u for u in self.store.feed_urls() if canonical_url(u) == wanted), url)

    def feed_named(self, url: str) -> str:
        """The subscribed feed `url` names, as written or as `reader feeds` shows it, or by its
        name or title ("Northwind Tech Review", as the feed list shows it) when one feed has
        it (`_feed_titled`)."""
        wanted = canonical_url(url)
        urls = self.store.feed_urls()
        as_written = next((u for u in urls if canonical_url(u) == wanted), None)
        # One subscribed before `add` refused control characters is shown without them (the
        # only way it can be shown safely), a look-alike host as its punycode: that form, the
        # one the user can type, names it, after a feed really at the address as written.
        shown_so = (u for u in urls if canonical_url(shown_url(u)) == wanted)
        return as_written or next(shown_so, None) or self._feed_titled(url) or url

    def _feed_titled(self, title: str) -> str | None:
        """The one subscribed feed the reader's feed list names `title` (case and spaces
        aside): by the user's name for it, else by its own title; else the one whose own title
        it is behind a name (the title `reader feeds` shows under it). None when none is, or
        several are (no guess between them: `feeds_titled` names them)."""
        found = self.feeds_titled(title)
        return found[0] if len(found) == 1 else None

    def feeds_titled(self, title: str) -> list[str]:
        """The addresses of the subscribed feeds the reader's feed list names `title` (as
        `_feed_titled` reads it): several when a name is more than one feed's."""
        wanted = folded(title)
        if not wanted:
            return []
        feeds = self.store.feeds()
        for named in ([f.name or f.title for f in feeds], [f.title for f in feeds]):
            found = [f.url for f, name in zip(feeds, named, strict=True) if folded(name) == wanted]
            if found:
                return found
        return []

    def feed_counts(self) -> list[tuple[Feed, int, int]]:
        """Every feed, with how many headlines it has and how many of them are unread: what
        `headlines(feed)` would list, each feed's entries and read flags read once."""
        counts = []
        for feed in self.store.feeds():
            read = self.store.read_ids(feed.url)
            ids = self.store.entry_ids(feed.url)
            counts.append((feed, len(ids), sum(i not in read for i in ids)))
        return counts

    # -- headlines -----------------------------------------------------------------------------
    def headlines(
        self,
        feed_url: str | None = None,
        unread_only: bool = False,
        saved_only: bool = False,
        tags: Collection[str] = (),
    ) -> list[Headline]:
        """Entries newest first, of one feed, of the feeds filed under one of `tags`, or of
        all; `saved_only` of all: every saved article, those no feed lists too
        (`headlines_and_unlisted`)."""
        urls = self._listed_urls(feed_url, tags)
        marks = self._marks()
        out, listed = self._feed_headlines(urls, marks, unread_only, saved_only)
        if saved_only and not feed_url and not tags:
            out += [h for h in self._unlisted(listed, marks) if not (unread_only and h.read)]
        out.sort(key=newest_first)
        return out

    def streamed_headlines(
        self, feed_url: str | None = None, unread_only: bool = False, tags: Collection[str] = ()
    ) -> Iterator[Headline]:
        """`headlines(feed_url, unread_only, tags=tags)`, each made as it is asked for
        (`headline_runs`): the first of a year's library comes at once."""
        urls = self._listed_urls(feed_url, tags)
        marks = self._marks()
        runs = []
        for turn, url in enumerate(urls):
            read = self.store.read_ids(url)

            def whole(url: str = url) -> list[Headline]:
                return self._feed_headlines([url], marks, unread_only, False)[0]

            records = self.store.entry_records(url)
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

    def tagged_urls(self, tags: Collection[str]) -> list[str]:
        """The addresses of the feeds filed under one of `tags` or more (case aside), in the
        feeds' order."""
        return [feed.url for feed in tagged(self.store.feeds(), *tags)]

    def taken_down_lately(self) -> set[str]:
        """The keys of the stories their site said were gone (404, 410) less than a day ago,
        which only a sync a day later, or opening one, asks for again (`gone`)."""
        return asked_lately(self.store.gone())

    def first_headlines(
        self, count: int, unread_only: bool = False
    ) -> tuple[list[Headline], list[Headline] | None]:
        """The first `count` headlines of every feed's list, as `headlines(unread_only=...)`
        lists them, each feed's entries decoded only as far as the list needs (a year's
        library: a few hundred of its 43,000); and the saved articles no feed lists, when
        these were every headline (as `headlines_and_unlisted`; None: there are more)."""
        marks = self._marks()
        feeds: list[Head] = []
        for url in self.store.feed_urls():
            records, dated = self.store.entry_records_lazily(url)

            def whole(url: str = url) -> list[Headline]:
                return self._feed_headlines([url], marks, unread_only, False)[0]

            feeds.append((records, None if dated else whole, self.store.read_ids(url)))
        out, listed = first(count, feeds, marks, unread_only)
        unlisted = (
            None if listed is None else sorted(self._unlisted(listed, marks), key=newest_first)
        )
        if marks.read_now:
            with suppress(StoreError):  # read again next time
                self.store.keep_page_dates(marks.read_now)
        return out, unlisted

    def not_offline(self) -> NotOffline:
        """Of every headline the feeds list, how many have an article not readable offline,
        by why (one left out by the size limit is said with the limit, not here)."""
        failed, gone = self.store.failed_keys(), set(self.store.gone())
        counts: Counter[str] = Counter()
        for headline in self.headlines():
            key = _key(headline)
            if headline.cached:
                counts["in_part"] += headline.partial
            elif headline.not_article:
                counts["not_pages"] += 1
            elif key in failed and not headline.left_out:
                counts["taken_down" if key in gone else "failed"] += 1
        return NotOffline(**counts)

    def sync_stopped(self) -> bool:
        """A sync was stopped before its end (Ctrl-C, the reader quit) and none ended since."""
        return self.store.sync_stopped()

    def note_sync_stopped(self) -> None:
        """Remember that a sync is being stopped before its end, for the reader to say so
        when it next opens (until a sync ends)."""
        with suppress(StoreError):  # a note: what was cached stays all the same
            self.store.mark_sync_stopped()

    def unread_only(self, configured: bool) -> bool:
        """Whether the reader's lists show only unread headlines as it opens: as it was left,
        unless the config's `[ui] unread_only` (`configured`) has changed since."""
        with suppress(StoreError):  # unreadable: as the config says
            left = self.store.unread_view()
            if left is not None and left[1] == configured:
                return left[0]
        return configured

    def keep_unread_only(self, unread_only: bool, configured: bool) -> None:
        """Remember how the reader's lists are shown (`unread_only`) for its next start (and
        the config's setting then: changed since, it is in force again)."""
        with suppress(StoreError):  # a read-only or full disk: the next start as configured
            self.store.set_unread_view(unread_only, configured)

    def feeds_hidden(self) -> bool:
        """Whether the reader opens with its feed list put away, as it was left."""
        with suppress(StoreError):  # unreadable: shown
            return self.store.feeds_hidden()
        return False

    def keep_feeds_hidden(self, hidden: bool) -> None:
        """Remember whether the feed list is put away, for the reader's next start."""
        with suppress(StoreError):  # a read-only or full disk: the next start shows it
            self.store.set_feeds_hidden(hidden)

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
        for headline in headlines:
            key = _key(headline)
            # Sets looked up, no headline made, for the thousands that did not change.
            if key and (key in cached, key in partial) != (headline.cached, headline.partial):
                out.append(marks.headline(headline.entry, key, headline.read))
        if marks.read_now:
            with suppress(StoreError):  # read again next time
                self.store.keep_page_dates(marks.read_now)
        return out

    def _marks(self) -> HeadlineMarks:
        store = self.store
        return HeadlineMarks(
            store.saved(),
            store.article_keys(),
            store.partial_keys(),
            store.not_article_keys(),
            store.left_out_keys(),
            store.page_dates,
            store.page_date,
            updated=store.renewed_keys(),
            gone=store.gone_keys(),
        )

    def _feed_headlines(
        self, urls: list[str], marks: HeadlineMarks, unread_only: bool, saved_only: bool
    ) -> tuple[list[Headline], set[str]]:
        """The headlines of these feeds, and the article keys they list (saved or not)."""
        out: list[Headline] = []
        listed: set[str] = set()
        for url in urls:
            read = self.store.read_ids(url)
            for entry, key in self.store.keyed_entries(url):
                listed.add(key)
                if unread_only and entry.id in read:
                    continue
                if saved_only and key not in marks.saved:
                    continue
                out.append(marks.headline(entry, key, entry.id in read))
        if marks.read_now:
            with suppress(StoreError):  # read again next time: the list stands without it
                self.store.keep_page_dates(marks.read_now)
            marks.read_now.clear()
        return out, listed

    def _unlisted(self, listed: set[str], marks: HeadlineMarks) -> list[Headline]:
        """The saved articles none of the `listed` keys is, as headlines (unordered)."""
        read = self.store.read_ids(UNLISTED)
        shown = self.store.shown_ids()
        out: list[Headline] = []
        for key, record in marks.saved.items():
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
        at = record.get("at")
        saved_at = datetime.fromtimestamp(at, UTC) if isinstance(at, int | float) else None
        return Entry(
            id=shown_as or saved_article_id(key),
            feed_url=UNLISTED,
            title=(article.title if article else "") or url,
            link=url,
            published=article.published if article else None,
            updated=(article.updated if article else None) or saved_at,
            author=article.author if article else "",
            feed_title=(article.site_name if article else "") or site_host(url),
        )

    def entry(self, entry_id: str) -> Entry | None:
        for url in self.store.feed_urls():
            for entry in self.store.entries(url):
                if entry.id == entry_id:
                    return entry
        return self._saved_by_id(entry_id) or self._unlisted_by_id(entry_id)

    def _unlisted_by_id(self, entry_id: str) -> Entry | None:
        """A cached article no feed lists, by the id of a headline that listed it
        (`shown_ids`), or the one a search gave it (`saved_article_id`)."""
        for key, ids in self.store.shown_ids().items():
            if entry_id in ids and self.store.has_article(key):
                return self._unlisted_entry(key, {"url": key}, ids[0])
        for key in self.store.article_keys():
            if saved_article_id(key) == entry_id:
                return self._unlisted_entry(key, {"url": key})
        return None

    def _saved_by_id(self, entry_id: str) -> Entry | None:
        """A saved article by the id `reader list --saved` gives it when no feed lists it
        (`saved_article_id`), or by the id of the entry it was saved from, dropped by its
        feed since or its feed removed. One a feed lists (again) is that feed's entry."""
        for key, record in self.store.saved().items():
            if isinstance(record, dict) and entry_id in (
                saved_article_id(key),
                record.get("entry"),
            ):
                listed = _with_link(self.headlines(saved_only=True), key)
                return (
                    listed
                    if listed is not None and listed.feed_url
                    else self._unlisted_entry(key, record)
                )
        return None

    def resolve(self, id_or_url: str) -> Entry | str:
        """An entry by id, or a URL to read directly; raises FetchError(NOT_FOUND) otherwise."""
        text = id_or_url.strip()
        if looks_like_entry_id(text):
            entry = self.entry(text) or dropped_entry(self, text)
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

    def mark_many_read(self, entries: Iterable[Entry], read: bool = True) -> None:
        """Set the read flag of many entries, a write per feed (marking a feed or every feed
        read)."""
        by_feed: dict[str, list[str]] = {}
        for entry in entries:
            by_feed.setdefault(entry.feed_url, []).append(entry.id)
        for feed_url, ids in by_feed.items():
            self.store.set_read_many(feed_url, ids, read)

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

    # -- articles kept -------------------------------------------------------------------------
    def cached_article(self, target: Entry | str) -> Article | None:
        url = _link(target)
        return self.store.article(url) if url else None

    def cached_text(self, target: Entry | str) -> str | None:
        """The cached article's text as a search reads it, a block a line (None: not cached)."""
        url = _link(target)
        return self.store.article_text(url) if url else None

    def searched(self, target: Entry | str) -> tuple[str, str] | None:
        """The cached article's text and byline as a search reads them (`full_text.search`),
        None when it is not cached."""
        url = _link(target)
        found = self.store.searched_by_key(article_key(url)) if url else None
        return None if found is None else (found[2], found[1])

    def unsave(self, target: Entry | str) -> bool:
        was = self.is_saved(target)
        self.set_saved(target, False)
        return was

    def set_saved(self, target: Entry | str, saved: bool) -> None:
        """Record the flag only (see `save`, which also makes sure the article is cached)."""
        url = _link(target)
        self.store.set_saved(url, saved, target if isinstance(target, Entry) else None)

    def is_saved(self, target: Entry | str) -> bool:
        url = _link(target)
        return bool(url) and article_key(url) in self.store.saved()

    def unmatched_body_rule(self, target: Entry | str, article: Article) -> str:
        """The body selector of the site rule for `target`'s cached `article` when it matches
        nothing on the page kept (the page was read as any other), else ""."""
        url = _link(target)
        if not url or not self.site_rules:
            return ""
        rule = site_rule_for(self.site_rules, read_from(article, url))
        raw = self.store.raw_page(url) if rule is not None and rule.body else None
        if raw is None:
            return ""
        # Here, past the checks: the extraction pipeline takes longer to import than printing
        # a cached article does (`reader show --offline`, many of them in a row); only a page
        # of a site with a body rule is read again with it.
        from ..charset_labels import charset_from_content_type
        from ..extract import body_rule_misses

        body, content_type = raw
        missed = body_rule_misses(body, rule, charset_from_content_type(content_type))
        return rule.body if missed and rule is not None else ""
