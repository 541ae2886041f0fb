"""What the library answers with: headlines as a list shows them, and the reports of a sync,
a refresh, the cache's size and a prune (values: the CLI prints them, the TUI shows them)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Literal, TypeVar
from urllib.parse import urlsplit

from .discovery import FeedLink
from .errors import NoAnswer
from .keys import link_key
from .marks import NOT_ARTICLE_MARK, PARTIAL_MARK
from .models import (
    GONE_ASKED_EVERY,
    NO_CONNECTION,
    Article,
    Entry,
    ErrorKind,
    Feed,
    FetchError,
)
from .outages import (
    Outage,
    article_host,
    host_of,
    left_and_failed_words,
    left_for_later,
    outages,
    shown_at,
)
from .plural import listed, plural, size_text
from .proxies import unused_hint_in
from .url_display import shown_url


@dataclass(frozen=True)
class SaveOutcome:
    """What saving a link came to (`Library.save_or_keep`)."""

    article: Article | None
    """The article saved; None when its page can't be had now (`failure`)."""
    failure: FetchError | None = None
    """Why its page did not come: it is saved as a link, which the next sync fetches."""
    already: bool = False
    """It was saved before (by this address, or as the same story by another)."""
    link: str = ""
    """The address it is saved under: the story's, which may not be the one given (a short
    link's is where it led)."""


@dataclass(frozen=True)
class Headline:
    """An entry as a list shows it."""

    entry: Entry
    read: bool
    cached: bool
    saved: bool = False
    partial: bool = False
    """Cached, but not all of it: the feed's text stands in, or the page gave only part."""
    not_article: bool = False
    """Its link is known to be no article page (a PDF, an image, a podcast's audio)."""
    left_out: bool = False
    """Not cached: the cache's size limit left it out (`limit`); fetched only when opened."""
    key: str = ""
    """The cache key of its article (`keys.article_key` of its link, as the store keeps it):
    "" for a headline that links nowhere, or made without it (then read from the link)."""
    updated: bool = False
    """Cached, and changed since it was last read: a sync fetched it again and its text had
    changed (a correction); the copy read before is kept (`Store.versions`)."""
    taken_down: bool = False
    """Cached, and its page found taken down since (404, 410: `Store.mark_gone`): the copy is
    what is left."""
    corrected: bool = False
    """Cached, with earlier copies kept (`Store.copied_keys`): its text changed since it was
    first had (a correction, a retraction), read or not; `updated` (Δ) goes when it is read,
    this stays (acc44c C7)."""
    retracted: str = ""
    """Of a `corrected` one: what its latest copy says became of the story (`Article.retracted`:
    "retracted", "withdrawn"…), "" for nothing of the kind."""
    retracted_by_feed: bool = False
    """`retracted` is said by the feed's headline alone (`Article.retracted_by_feed`)."""
    tags: tuple[str, ...] = ()
    """The tags the article is filed under (saved ones only: `Store.tag_saved`), in order."""
    archived: bool = False
    """Saved, and archived: done with, kept (`Store.archive_saved`); read, and in the reader's
    "Archive", not "Saved"."""
    live_at: float = 0.0
    """Of a live blog still running (`Article.live`, `live_blogs.live_running`): when it last changed
    (its page's time of update, never after the copy's retrieval, however a sync found it (acc49c
    C4); else that retrieval; a Unix time), which lists order it by
    instead of its start (acc48c C11: under dozens of newer headlines); 0 for any other."""
    saved_at: float = 0.0
    """When it was saved (a Unix time; 0: not saved, or not known): the user's `s`, or the
    time a read-it-later app says it was added, as an import keeps it. "Saved" is ordered by
    it. A row unsaved in the reader keeps it while its list is shown."""


def article_of(headline: Headline) -> str:
    """The article a headline is of, as the store keys it (`keys.article_key`): two feeds'
    headlines of one link are one article, saved, tagged and archived as one; "" for one
    that links nowhere."""
    return headline.key or link_key(headline.entry.link)


def one_each(headlines: Iterable[Headline]) -> list[Headline]:
    """`headlines` in their order, each article's first only (`article_of`): the lists of
    articles ("Saved", "Archive", a tag's saved ones) have a row an article, where two feeds
    listing one made two. One that links nowhere is no article two can share: kept."""
    seen: set[str] = set()
    out: list[Headline] = []
    for headline in headlines:
        key = article_of(headline)
        if key and key in seen:
            continue
        seen.add(key)
        out.append(headline)
    return out


_Row = TypeVar("_Row")


def _itself(row: Any) -> Any:
    return row


def across_feeds(
    rows: Iterable[_Row], headline_of: Callable[[_Row], Headline] = _itself
) -> Iterator[_Row]:
    """`rows` (headlines of several feeds, or what `headline_of` tells the headline of: a
    search's hits) in their order, an article listed by several feeds once: the first feed's
    row (its others, a live page listed as several items, kept), the other feeds' left out.
    "All feeds" listed one story twice, each row its feed's (acc39b Q3); each feed's own list
    still has it."""
    first: dict[str, str] = {}
    for row in rows:
        headline = headline_of(row)
        key = article_of(headline)
        if key and first.setdefault(key, headline.entry.feed_url) != headline.entry.feed_url:
            continue
        yield row


def also_in(headline: Headline, shared: Mapping[str, tuple[str, ...]]) -> list[str]:
    """The addresses of the other feeds listing the article of `headline` (`shared`:
    `Library.also_listed`)."""
    if not shared or not headline.entry.link:
        return []
    feeds = shared.get(article_of(headline), ())
    return [url for url in feeds if url != headline.entry.feed_url]


_LONG_AGO = datetime.min.replace(tzinfo=UTC)


LIVE_WORD = "live"
"""What a list row says after a live blog's headline (`Headline.live_at`)."""


def newest_first(headline: Headline) -> float:
    """The order every list shows headlines in: newest first, by when published, else
    updated (a saved article no feed lists: else when it was saved), undated ones last; a live
    blog still running by its last update (`Headline.live_at`)."""
    if headline.live_at:  # a live blog still running: by its last update (acc48c C11)
        return newest_first_at(listed_at(headline))
    return newest_first_at(headline.entry.published or headline.entry.updated)


def listed_at(headline: Headline) -> datetime | None:
    """When a list dates `headline` (the reader's row, `reader list`), as it orders it
    (`newest_first`): when published, else updated; a live blog still running when it last
    changed (`Headline.live_at`, the time of update its page gives), else the list said "10:00"
    of a blog it put above stories of 11:00 by its update at 11:49, and the row its start
    while `reader list` gave its last update."""
    entry = headline.entry
    stated = entry.published or entry.updated
    if not headline.live_at:
        return stated
    moments = [t for t in (entry.published, entry.updated) if t is not None]
    return max([*moments, datetime.fromtimestamp(headline.live_at, UTC)], key=datetime.timestamp)


def newest_saved_first(headline: Headline) -> float:
    """The order of the lists of saved articles ("Saved", "Archive", `reader list --saved`):
    the last saved first, as a read-it-later queue is worked (acc43a A14: a Pocket library
    was ordered by its pages' dates, two clocks mixed); one with no time saved by its date."""
    return -headline.saved_at if headline.saved_at else newest_first(headline)


def saved_time(record: object) -> float:
    """When a Saved record says its article was saved (its `at`), 0 for none: a record from
    disk is read as it is, a time that is no number none."""
    at = record.get("at") if isinstance(record, dict) else None
    if not isinstance(at, int | float) or isinstance(at, bool):
        return 0.0
    # Past what a date holds (year 10000, an older version's hostile import: acc32b B14), or
    # no number (NaN): none, not a list ended in "year 10000 is out of range".
    return float(at) if 0 < at < _LAST_MOMENT else 0.0


_LAST_MOMENT = 253_402_300_799.0
"""9999-12-31T23:59:59 UTC, the last moment a `datetime` holds."""


def saved_moment(headline: Headline) -> datetime | None:
    """When `headline`'s article was saved, None when it is not (or that is not known)."""
    if not 0 < headline.saved_at < _LAST_MOMENT:
        return None
    return datetime.fromtimestamp(headline.saved_at, UTC)


def newest_first_at(when: datetime | None) -> float:
    """`newest_first` of a headline published (else updated) `when`."""
    return -(when or _LONG_AGO).timestamp()


def merged_newest_first(ordered: list[Headline], more: Iterable[Headline]) -> list[Headline]:
    """`ordered` (in `newest_first` order already) with `more` each in its place: what
    `sorted([*ordered, *more], key=newest_first)` gives, `ordered`'s first among equals, with
    the order of `ordered` read only where the others go. Sorting a year's 51,000 headlines
    again for the few saved articles no feed lists took 0.3 s before each `F` (acc30b P2)."""
    out: list[Headline] = []
    start = 0
    for headline in sorted(more, key=newest_first):
        at = bisect_right(ordered, newest_first(headline), lo=start, key=newest_first)
        out += ordered[start:at]
        out.append(headline)
        start = at
    out += ordered[start:]
    return out


@dataclass(frozen=True)
class FeedResult:
    feed: Feed
    new_entries: int = 0
    error: FetchError | None = None
    not_modified: bool = False
    entries: tuple[Entry, ...] = ()  # the feed's items as just fetched (none when unchanged)
    kept: bool = True
    """Its failure is kept on the feed in the store; False while `refresh` holds it, until it
    knows whether the network (absent, or a login page answering for every site) is to blame."""
    changed: bool = True
    """Its headlines changed in the store; False when the feed, fetched whole again, gave
    what was kept (a list filled as feeds come in reads only its row again)."""
    gone_until: datetime | None = None
    """Not asked: its address answered 410 Gone lately, and is asked again from then on (a
    sync counts it apart, neither synced nor failed again: it was reported once)."""
    left_out: frozenset[str] = frozenset()
    """The ids of its headlines this refresh took out of the list, or found out of it (an
    `[[ignore]]` rule's, past `[feeds] max_items`): a sync fetches no article for them, though
    it listed them as it began."""
    trimmed: Trimmed | None = None
    """The headlines listed before that this refresh took off the list, newer ones pushing
    them past what a feed keeps (None: none went)."""
    told: tuple[Entry, ...] = ()
    """Of its items told anew by this fetch (their title or summary changed), each as it was
    kept before: what a sync compares them with (`retold`), having kept no headline's
    summary."""

    @property
    def asked(self) -> bool:
        """The feed was asked for this time (not one gone for good, left until `gone_until`)."""
        return self.gone_until is None

    @property
    def gone(self) -> bool:
        """Its address answered 410 Gone this time: the site's word that the feed is no more,
        counted apart from the failures (acc39b Q2), as the syncs after it count it."""
        return self.error is not None and self.error.kind == ErrorKind.GONE

    @property
    def failed(self) -> bool:
        return self.error is not None and not self.gone

    @property
    def not_there(self) -> bool:
        """Its site says the feed is not there: gone (410), now or lately (left unasked), or
        404 Not Found this time (a failure still): what `reader remove --gone` drops."""
        return not self.asked or (self.error is not None and self.error.taken_down)


@dataclass(frozen=True)
class Trimmed:
    """A feed's headlines that a refresh dropped past what a feed keeps (`[feeds] max_items`,
    else MAX_ENTRIES_PER_FEED): a list at its cap takes in 41 new ones as 40 old ones go, and
    the night editor catching up is told the list was trimmed (acc43c C7)."""

    count: int
    unread: int
    most: int  # what a feed keeps


def trimmed_words(results: Iterable[FeedResult], noun: str = "older one") -> str:
    """The headlines a refresh's `results` dropped past a feed's cap, in a few words ("40 older
    ones dropped, 12 unread (a feed keeps 2,000: [feeds] max_items)"), or "" when none went."""
    trims = [r.trimmed for r in results if r.trimmed is not None and r.trimmed.count]
    if not trims:
        return ""
    count = sum(t.count for t in trims)
    unread = sum(t.unread for t in trims)
    most = max(t.most for t in trims)
    if count == 1:
        how = "unread" if unread else "read"
    else:
        how = (
            "all read" if not unread else "all unread" if unread == count else f"{unread:,} unread"
        )
    return f"{plural(count, noun)} dropped, {how} (a feed keeps {most:,}: [feeds] max_items)"


@dataclass(frozen=True)
class Added:
    """What `reader add` made of an address: the feed subscribed to (`url`; "" when none), its
    first fetch (`result`; None when it was subscribed already), and, for a web page's address,
    the feeds found on it (`discovery.FeedLink`s, none chosen when the reader is to choose)."""

    url: str
    result: FeedResult | None = None
    already: bool = False  # `url` subscribed before; with no `url`, the page's own address
    page: str = ""  # the web page the feed was looked for on, "" when the address was a feed
    page_title: str = ""  # made safe
    # Named by the page's head, linked from its body, at a well-known path, or a sitemap of
    # its site's (`sitemap_feed`)
    found_at: Literal["", "link", "anchor", "path", "sitemap"] = ""
    feeds: tuple[FeedLink, ...] = ()  # every readable feed the page names, in its order
    error: FetchError | None = None  # why no feed was subscribed to on a page that names one
    replaced: str = ""  # the web page's address subscribed before, dropped for its feed
    unanswered: FetchError | None = None  # why the well-known addresses were not all asked
    article_page: bool = False  # the page says it is an article (`declares_article`)
    moved_to: str = ""  # `url` already subscribed is the feed that moved for good to this one asked
    moved_from: str = ""  # the address asked, moved for good to `url`, subscribed already
    # `url` subscribed already was given the address's other password: fetched with it (`result`)
    password_changed: bool = False
    consent_wall: bool = False  # the page is a cookie-consent wall: no feed looked for on its site
    # Nothing answered at the address (no such host, no server, no https): not subscribed
    # unless asked to keep it (`Library.add(keep=True)`)
    nothing_answered: FetchError | None = None


@dataclass(frozen=True)
class SyncProgress:
    """Where a sync is. Articles are fetched while feeds are still coming in, so both counts
    move together; `phase` says which one this report is about ("indexing" as it ends, while
    the search index takes in the articles cached; "done" once, at the end)."""

    phase: Literal["feeds", "articles", "pictures", "indexing", "done"]
    feeds_done: int
    feeds_total: int
    articles_done: int = 0
    articles_total: int = 0  # grows as feeds bring new items
    failures: int = 0
    cached: Entry | None = None  # the entry whose article was just cached, if any
    in_part: bool = False  # ...and that article is not all of it (`Article.in_part`)
    feed_in: FeedResult | None = None  # the feed just in, if this report is about one
    articles_cached: int = 0  # of `articles_done`, those cached (the rest failed, or no page)
    already_cached: int = 0  # the articles the headlines list that were cached before
    indexed: int = 0  # as it ends ("indexing"): of `to_index`, the articles the search index took
    to_index: int = 0
    # As it ends: every article left under way, nothing queued, counted by host (the most
    # first): what the sync waits for (`waiting_line`)
    waiting: tuple[tuple[str, int], ...] = ()
    # Of `failures`, those left for the next sync, as the summary counts them (`LeftAndFailed`)
    left: int = 0
    # While the network is gone mid-sync, when it went (`library.network_hold`): the articles
    # still to come held until it is back, for `network_wait` seconds at most
    network_went: datetime | None = None
    network_wait: float = 0.0
    network_left: bool = False  # the network not back within `network_wait`: the rest left
    # The articles' pictures ("pictures": one came, kept or not), after every article's text:
    # those done of those whose downloads began this sync (`PicturesTally`)
    pictures_done: int = 0
    pictures_total: int = 0
    # The feeds still under way when none has come in for `FEEDS_WAIT_SAID` seconds, counted by
    # host (the most first): what a refresh waits for (`waiting_line`), "(0 done)" said alone
    # for 14 minutes of a feed dripping without end (acc50a A1)
    feeds_waiting: tuple[tuple[str, int], ...] = ()

    def network_line(self, stop: str = "", does: str = "keeps what came") -> str:
        """While the network is gone mid-sync, the one thing a live line says ("the network
        went at 14:02: 180 articles held until it is back, 60 s at most"), or "": 214
        "failed" were counted of articles the network's going alone kept back."""
        if self.network_went is None:
            return ""
        held = (
            plural(self.articles_total - self.articles_done, "article")
            if self.articles_total
            else plural(self.feeds_total - self.feeds_done, "feed")  # a refresh's, or none yet
        )
        keeps = f"; {stop} {does}" if stop else ""
        return (
            f"the network went at {self.network_went:%H:%M}: {held} held "
            f"until it is back ({self.network_wait:g} s at most){keeps}"
        )

    def failures_line(self) -> str:
        """The articles that did not come so far, in the summary's words ("12 left for the next
        sync, 3 failed"), "" when none."""
        return ", ".join(left_and_failed_words(self.left, self.failures))

    def waiting_line(self, stop: str = "", does: str = "keeps what came") -> str:
        """What a sync's end waits for ("waiting for the last 7 articles, at 127.0.0.2:8736…"),
        or "": 7 stalled pages held "202/209" still for ~30 s with nothing saying that the
        rest was done (acc36a G4); in its feeds' phase, the feeds it waits for. `stop`: the key that stops it, which `does` so ("Ctrl-C
        keeps what came"; the reader's "Q quits, keeping what came")."""
        waiting, what = (
            (self.feeds_waiting, "feed") if self.phase == "feeds" else (self.waiting, "article")
        )
        if not waiting:
            return ""
        count = sum(n for _, n in waiting)
        hosts = [host for host, _ in waiting]
        at = listed(hosts[:2] + ([plural(len(hosts) - 2, "more host")] if len(hosts) > 2 else []))
        keeps = f"; {stop} {does}" if stop else ""
        return f"waiting for the last {plural(count, what)}, at {at}{keeps}"

    def indexing_line(self) -> str:
        """What a sync does as it ends while the search index takes in what it cached (~8 s
        for 5,000 articles): said, not a silent pause."""
        return f"Indexing {plural(self.to_index, 'new article')} for search…"

    @property
    def feeds_finished(self) -> bool:
        return self.feeds_done >= self.feeds_total

    def stopped(
        self, again: str, articles: bool = True, cached: int | None = None, in_part: int = 0
    ) -> str:
        """What a sync interrupted here leaves, in one line: the summary's counts so far and
        that `again` (the command or the key) carries on; what was cached stays. Without
        `articles`, a sync of the feeds alone. `cached`: the articles it cached as counted on
        disk once it stopped, those in flight as it was stopped among them (its workers finish
        a write under way), when known: "0 of 160 cached" was said of 5 (acc29b T7). `in_part`:
        of those, the ones cached without their later pages (`½`), said so: "82 cached" counted
        10 a sync had only the first page of (acc36a G5)."""
        if cached is not None and cached > self.articles_cached:
            moved = min(cached - self.articles_cached, self.articles_total - self.articles_done)
            done = self.articles_done + moved
            return replace(self, articles_cached=cached, articles_done=done).stopped(
                again, articles, in_part=in_part
            )
        feeds = f" with {self.feeds_done} of {self.feeds_total} feeds in"
        if self.feeds_finished:
            feeds = "" if articles else " with every feed in"
        if not articles:
            line = f"interrupted{feeds}"
        elif not self.articles_total:
            line = f"interrupted{feeds}: no article cached yet"
        else:
            # Still to come, and failed (tried again next time); not a link to no article
            # page, a story taken down or one the size limit leaves out: done with, uncached.
            missing = self.articles_total - self.articles_done + self.failures
            failed = f", {self.failures} of them failed" if self.failures else ""
            part = f"{in_part} only in part {PARTIAL_MARK}, " if in_part else ""
            line = (
                f"interrupted{feeds}: {self.articles_cached} of "
                f"{plural(self.articles_total, 'article')} cached for offline "
                f"({part}{missing} not yet{failed})"
            )
        if self.already_cached:
            line += f", {self.already_cached} already cached"
        if articles and (owed := self.pictures_total - self.pictures_done) > 0:
            line += f"; {plural(owed, 'picture')} not yet fetched"
        return f"{line}; {again} carries on"


@dataclass(frozen=True)
class NotOffline:
    """Of every headline the feeds list, those whose article a sync left unreadable offline,
    or readable in part: a recap said at the end of each sync, not only of its own new ones."""

    failed: int = 0  # the last try to fetch it failed (the next sync tries again)
    left: int = 0  # of `failed`, this sync's left for the next (`SyncReport.left_and_failed`)
    not_pages: int = 0  # its link is no article page: a PDF, an image, audio
    in_part: int = 0  # cached, but only part of it (a paywall's teaser, the feed's text)
    taken_down: int = 0  # the site said it is gone: only the feed's text
    not_fetched: int = 0  # never tried, nor failed: a sync the disk filled under stopped first
    held: int = 0  # saved links an import left unfetched (to this computer): fetched when opened
    no_pictures: int = 0  # cached, some pictures not yet kept: the next sync fetches them
    # ...of which those whose only pictures owed are ones their sites refused (a CDN's hotlink
    # protection): asked for a few tries alone (`pictures.counted_tries`), said so.
    refused_pictures: int = 0
    disk_full: bool = False  # ...and this sync's was: why they were not
    portal: bool = False  # ...or a login page answered in their pages' place

    def line(self, short: bool = False) -> str:
        """ "not readable offline: 2 failed, …" in one line, or "" when every one is; `short`
        names the kinds the list marks by their marks alone (a status line's room)."""
        parts = []
        if self.not_fetched:
            # First: the one cause that stopped the sync, as `reader list --not-offline` counts.
            why = (
                " (the disk was full)"
                if self.disk_full
                else " (a login page answered)"
                if self.portal
                else " yet"
            )
            parts.append(f"{self.not_fetched} not fetched{why}")
        parts += left_and_failed_words(self.left, self.failed)
        if self.held:
            parts.append(
                f"{self.held} to this computer"
                if short
                else f"{plural(self.held, 'saved link')} to this computer or its network,"
                " fetched when opened"
            )
        if self.not_pages:
            parts.append(
                f"{self.not_pages} {NOT_ARTICLE_MARK}"
                if short
                else f"{plural(self.not_pages, 'link')} to a PDF, audio or other file "
                f"({NOT_ARTICLE_MARK})"
            )
        if self.in_part:
            parts.append(
                f"{self.in_part} {PARTIAL_MARK}"
                if short
                else f"{self.in_part} only in part ({PARTIAL_MARK})"
            )
        if self.taken_down:
            parts.append(f"{self.taken_down} taken down")
        if owed := self.no_pictures - self.refused_pictures:
            parts.append(
                f"{owed} without their pictures"
                if short
                else f"{plural(owed, 'article')} without their pictures"
                " (the next sync fetches them)"
            )
        if refused := self.refused_pictures:
            from .pictures import PAGE_SYNCS

            parts.append(
                f"{refused} with pictures refused"
                if short
                else f"{plural(refused, 'article')} without pictures their sites refuse to"
                f" other sites (asked again at the next syncs, {PAGE_SYNCS} times in all)"
            )
        return "not readable offline: " + ", ".join(parts) if parts else ""


@dataclass
class PicturesTally:
    """The articles' pictures a `Library` has begun to fetch since it opened, and of them those
    done, kept and not kept, and of the kept those whose bytes were stored (and their bytes: one
    kept for several articles is stored once): a sync's figures are the change over its run."""

    asked: int = 0
    done: int = 0
    kept: int = 0
    stored: int = 0
    stored_bytes: int = 0
    not_kept: int = 0
    portal_answered: int = 0  # pictures a Wi-Fi login page answered for (`PortalWatch`)
    portal: str = ""  # what the sync says of that page (`portal.portal_message`)


def pictures_words(
    kept: int, stored: int, stored_bytes: int, not_kept: int, short: bool = False
) -> str:
    """What a sync kept of the articles' pictures ("107 pictures kept, 6.0 MB, 2 not kept"),
    or "" when it tried none. Of pictures several articles show, what was stored: "6 pictures
    kept (1 stored, 70.5 KB)", not each article's count of the one (acc46d D6)."""
    if not kept and not not_kept:
        return ""
    if stored == kept:
        said = f"{plural(kept, 'picture')} kept, {size_text(stored_bytes)}"
    elif stored:
        said = f"{plural(kept, 'picture')} kept ({stored} stored, {size_text(stored_bytes)})"
    else:
        said = f"{plural(kept, 'picture')} kept (all stored already)"
    if not_kept:
        said += (
            f", {not_kept} not kept"
            if short
            else f", {not_kept} not kept (`reader show --format json` says why)"
        )
    return said


def downloaded_words(total: int, pictures: int) -> str:
    """What a sync received on the wire, its bodies as they came (compressed): "downloaded
    8.4 MB: pages and feeds 2.2 MB, pictures 6.2 MB"."""
    said = f"downloaded {size_text(total)}"
    if pictures:
        said += f": pages and feeds {size_text(total - pictures)}, pictures {size_text(pictures)}"
    return said


@dataclass(frozen=True)
class SyncReport:
    feeds: list[FeedResult] = field(default_factory=list)
    articles_fetched: int = 0
    # The articles' pictures this sync fetched (`PicturesTally`), and the bytes it received on
    # the wire, bodies as they came (compressed), and of them the pictures' (`Fetcher.received`)
    pictures_kept: int = 0
    pictures_stored: int = 0  # of them, those whose bytes were stored (`PicturesTally.stored`)
    pictures_stored_bytes: int = 0
    pictures_not_kept: int = 0
    # A Wi-Fi login page's line (`portal_message`) when one answered for pictures: owed to
    # the next sync, the articles' text come before it (acc46b A1)
    pictures_portal: str = ""
    downloaded: int = 0
    downloaded_pictures: int = 0
    capped: int = 0
    """Articles the download cap left for the next sync (`download_cap`), none failed."""
    max_download: int = 0
    """The cap, when this sync stopped at it (else 0)."""
    articles_already_cached: int = 0
    articles_updated: int = 0  # cached before, fetched again: their feed said they changed
    # Headlines another process's refresh (the open reader's) wrote into the store as this sync
    # ran, not new to the sync's merge, or in feeds "not modified" to it: fetched too (acc42b B6)
    arrived_meanwhile: int = 0
    # Those of them whose text changed, their earlier version kept (`Store.renew_article`)
    updated: list[Entry] = field(default_factory=list)
    # Cached, fetched again, their page not taken in place of the copy, and why (a page that
    # gives less than the copy, or is titled otherwise: `renew_for_cache`); the copy stays
    not_renewed: list[tuple[Entry, str]] = field(default_factory=list)
    # Of those updated, the earlier copies the copies' cap dropped (`Store.copies_dropped`),
    # a line each: said, not silent (acc44c C12)
    copies_dropped: list[tuple[Entry, str]] = field(default_factory=list)
    # ...but those of live blogs, which drop one at every sync: counted (acc48c C14)
    live_copies_dropped: int = 0
    # Cached stories fetched again whose retraction or takedown ended, the story standing again
    # (`Library.ended_since`): a line's head ("no longer withdrawn", "back") and what it says
    stands_again: list[tuple[Entry, str, str]] = field(default_factory=list)
    article_failures: list[tuple[Entry, FetchError]] = field(default_factory=list)
    not_articles: list[tuple[Entry, FetchError]] = field(default_factory=list)  # PDFs, images…
    # Stories the site said now are gone (404, 410): an answer, not a failure (`gone`)
    gone: list[tuple[Entry, FetchError]] = field(default_factory=list)
    # Cached stories asked for again (their feed told them anew) that the site now says are
    # gone: the copy kept, retrieved at the time given (`Store.mark_gone`)
    gone_kept: list[tuple[Entry, FetchError, datetime | None]] = field(default_factory=list)
    # Pages that timed out again, at `timing_out.GIVE_UP_AFTER` tries in a row or more, and how
    # many: asked once a day from now on, no failure of the sync (`timing_out`)
    timing_out: list[tuple[Entry, FetchError, int]] = field(default_factory=list)
    # Saved links from a file whose names led to this computer or its network now: not asked,
    # left for the user to open from now on (`Library._hold_file_link`)
    held_local: list[tuple[Entry, FetchError]] = field(default_factory=list)
    # Saved links no feed lists, saved unreached (an import's, a save offline), whose addresses
    # answered with a feed: taken out of Saved, as an import or a save that reaches one leaves
    # it out (`reader add URL` follows a feed)
    feeds_unsaved: list[tuple[Entry, FetchError]] = field(default_factory=list)
    # Saved articles cached as another app's copy (wallabag's) whose page came and took its
    # place, the copy kept as the earlier one; of `updated` when the text changed
    copies_replaced: list[Entry] = field(default_factory=list)
    # Articles cached without some of their text, their later pages or the AMP version of a page
    # that gave little (`Article.incomplete` says why)
    incomplete: list[tuple[Entry, Article]] = field(default_factory=list)
    # When the size limit evicted articles cached before the sync (to make room for newer ones)
    pruned: PruneReport | None = None
    # Read headlines older than `[feeds] drop_read_after` dropped after the sync
    headlines_dropped: int = 0
    # Articles the headlines list that the size limit (`size_limit`, bytes) leaves out of the
    # cache: not fetched, or evicted (`limit`)
    left_out: int = 0
    size_limit: int = 0
    # Of every headline listed now (not only this sync's), what is not readable offline
    not_offline: NotOffline = field(default_factory=NotOffline)
    # The hosts asked for articles (`outages.article_host`), and those given up for timing out
    # again and again, each with the timeouts in a row it was given up after (`retries.gives_up`)
    article_hosts: frozenset[str] = frozenset()
    given_up: dict[str, int] = field(default_factory=dict)
    # Of those, the hosts given up for answers coming on without end (`StalledHosts.dripping`)
    dripping: frozenset[str] = frozenset()
    # The hosts that refused with the network there (`outages.AnswerOrder.alone`): down on
    # their own, no sign of the network's going
    down_alone: frozenset[str] = frozenset()
    # When the network went mid-sync, not back within `network_wait` (`library.network_hold`):
    # the articles held then left for the next sync; `network_stalled`: it went by stalling
    # (requests timing out, none answering), not by refusing connections
    network_went: datetime | None = None
    network_stalled: bool = False
    # The hosts whose failures nothing could tell from the network's (`NetworkHold.untold`):
    # one given up is "the network or example.org stopped answering"
    untold: frozenset[str] = frozenset()
    # Whether anything answered in the sync (a feed, an article, a site's error): none is a
    # network never there, not one that went (`outages.Outage.never`)
    answered: bool = True
    # Articles fetched once their host's 429 wait was over, by host as a line names it: the
    # sync still running then, or its end near enough (`library.host_waits`)
    fetched_after_wait: dict[str, int] = field(default_factory=dict)

    def told_failures(self) -> tuple[list[Outage], list[tuple[Entry, FetchError]]]:
        """The article failures that one reason outside them explains (the network gone, a
        host refusing or given up), a line each; and those left to name one by one."""
        told, named = outages(
            self.article_failures,
            self.article_hosts,
            self.given_up,
            self.feeds_left,
            self.down_alone,
            [(e, a.incomplete) for e, a in self.incomplete if not a.incomplete_for_good],
            self.network_went,
            self.network_stalled,
            self.untold,
            self.dripping,
            self.answered,
        )
        if unreached := self.feeds_unreached(told):
            if any(o.network for o in told):
                told = [replace(o, feeds=len(unreached)) if o.network else o for o in told]
            else:  # the feeds alone (`--no-articles`, or every article came first)
                told = [self._feeds_outage(unreached), *told]
        return told, named

    def incomplete_named(self, told: list[Outage]) -> list[tuple[Entry, Article]]:
        """The articles cached without some of their text, but those an outage of `told`
        (`told_failures`) counts in its line (`Outage.in_part`): to name one by one."""
        cut = {link for outage in told for link in outage.in_part}
        return [(e, a) for e, a in self.incomplete if e.link not in cut]

    def left_and_failed(
        self, told: list[Outage], named: list[tuple[Entry, FetchError]]
    ) -> tuple[int, int]:
        """Of the articles that did not come (`told_failures`), those left for the next sync
        (the network gone, a host given up or asking to wait: none of their own doing), and
        those that failed on their own. 56 said "left for the next sync" by a 429 came back as
        "56 failed" in the last line, 119 "not fetched" for the network too (acc36a G6, G8).
        Those a login page answered for are neither: its line counts them (acc29b T16)."""
        left = sum(o.articles for o in told if o.cut_short)
        left += sum(left_for_later(f, article_host(e.link) in self.given_up) for e, f in named)
        failed = sum(error.kind != ErrorKind.PORTAL for _, error in self.article_failures) - left
        return left, max(failed, 0)

    def pictures_line(self, short: bool = False) -> str:
        """What this sync kept of the articles' pictures (`pictures_words`), or ""."""
        return pictures_words(
            self.pictures_kept,
            self.pictures_stored,
            self.pictures_stored_bytes,
            self.pictures_not_kept,
            short,
        )

    def offline_recap(self, short: bool = False) -> str:
        """`not_offline`'s line, this sync's articles left for the next one (a 429, the network
        gone) said so, not counted among the failed (`left_and_failed`)."""
        left, _ = self.left_and_failed(*self.told_failures())
        return replace(self.not_offline, left=min(left, self.not_offline.failed)).line(short)

    def feeds_unreached(self, told: list[Outage] | None = None) -> set[str]:
        """The feeds the network's going mid-sync left unread (`told`: the sync's outages, as
        `told_failures` finds them): counted in its one line, not a "feed failed" each, 18 of
        them said once each for one outage (acc34a C9). The network went when the articles'
        outage says so, or when the refresh stopped waiting for feeds after some came."""
        if told is None:
            told = outages(
                self.article_failures, self.article_hosts, self.given_up, alone=self.down_alone
            )[0]
        cut = any(r.error and r.error.no_answer == NoAnswer.NOT_ASKED for r in self.feeds)
        if self.no_connection or not (cut or any(o.network for o in told)):
            return set()
        left = self.feeds_left
        return {
            r.feed.url
            for r in self.feeds
            # Not one whose failure is its own (`kept`: a site down before the network went).
            if r.error and r.error.no_answer is not None and not r.kept and r.feed.url not in left
        }

    def _feeds_outage(self, unreached: set[str]) -> Outage:
        """The network's going mid-sync told by the feeds it left alone (`feeds_unreached`)."""
        results = [r for r in self.feeds if r.feed.url in unreached]
        hosts = tuple(dict.fromkeys(shown_at(r.feed.url) for r in results))
        errors = [r.error for r in results if r.error]
        tried = [e for e in errors if e.no_answer != NoAnswer.NOT_ASKED]
        reason = (tried or errors)[0].message
        # Of the hosts not down on their own (a feed's own failure, `kept`): one going with
        # the others there can't be told from the network's.
        lone = len({host_of(r.feed.url) for r in self.feeds if not (r.error and r.kept)}) == 1
        return Outage(hosts, reason, 0, network=True, everyone=lone, feeds=len(results))

    @property
    def feeds_left(self) -> dict[str, str]:
        """The feeds not read for their host's being given up (`given_up`): their addresses,
        each with its host (`host_of`). Told in that host's one line, not each apart; none
        when nothing answered at all, which one line says (`no_connection`)."""
        left: dict[str, str] = {}
        if self.no_connection:
            return left
        for result in self.feeds:
            host = host_of(result.feed.moved_to or result.feed.url)
            if result.error and result.error.kind == ErrorKind.TIMEOUT and host in self.given_up:
                left[result.feed.url] = host
        return left

    @property
    def full(self) -> str:
        """The articles the size limit left out, in a few words, or "": said once, not once
        per article."""
        if not self.left_out:
            return ""
        return (
            f"{self.left_out} left out: the cache is full "
            f"(max_size {size_text(self.size_limit)}; unread ones first: each feed's share, its "
            "newest first, then the newest of any)"
        )

    @property
    def portal(self) -> str:
        """What a login page answering in every page's place (`portal`) made of this sync, in
        one line, or "": said once, not once per feed and article it answered."""
        errors = [r.error for r in self.feeds] + [e for _, e in self.article_failures]
        told = (e.message for e in errors if e is not None and e.kind == ErrorKind.PORTAL)
        return next(told, self.pictures_portal)

    @property
    def asked_to_wait(self) -> list[str]:
        """Each host that answered a 429 asking to wait longer than a sync does, in one line
        with the feeds not asked (a sync after the one told it: `retries.Retries.remember_held`)
        and the articles left for the next sync: the first one's failure, and the rest not
        asked (`retries`), are one thing, not each article's, nor each feed's (acc40b P3)."""
        held: dict[str, tuple[FetchError, int, int]] = {}
        feeds = [(r.error, True) for r in self.feeds if r.error is not None and r.error.held]
        articles = [(e, False) for _, e in self.article_failures if e.asks_to_wait]
        for error, feed in feeds + articles:
            host = "".join(_host_and_port(error.url))
            longest, feeds_held, count = held.get(host, (error, 0, 0))
            if (error.retry_after or 0) > (longest.retry_after or 0):
                longest = error  # the 429 itself; those not asked have less of it left
            held[host] = (longest, feeds_held + feed, count + (not feed))
        lines = []
        for host, (longest, feeds_held, count) in held.items():
            came = self.fetched_after_wait.get(host, 0)
            left = [
                f"{plural(feeds_held, 'feed')} not asked" if feeds_held else "",
                f"{plural(came, 'article')} fetched once its wait was over" if came else "",
                # Why not fetched by this sync once the wait was over: the rule, said.
                f"{plural(count, 'article') if not came else count} left for the next sync "
                "(its wait outlasting this one)"
                if count
                else "",
            ]
            wait = longest.message.rpartition(": ")[2]
            lines.append(
                f"{host} is rate-limiting (HTTP 429, {wait}): {', '.join(p for p in left if p)}"
            )
        return lines

    @property
    def waited_out(self) -> list[str]:
        """Each host that asked to wait, every article of its fetched once the wait was over
        (`library.host_waits`), in one line: no failure (`reader sync -q` says nothing of it),
        but what made the sync longer. `asked_to_wait` counts those of a host some of whose
        articles are left."""
        held = {"".join(_host_and_port(e.url)) for _, e in self.article_failures if e.asks_to_wait}
        return [
            f"{host} asked this sync to wait (HTTP 429): "
            f"{plural(came, 'article')} fetched once its wait was over"
            for host, came in self.fetched_after_wait.items()
            if host not in held
        ]

    @property
    def no_connection(self) -> str:
        """When the network was not there at all (no feed and no article came: each failed
        to connect or timed out), the one line that says so and what is still readable, said
        before any failure; "" otherwise."""
        if not nothing_answered(self.feeds):
            return ""
        if self.articles_fetched or self.not_articles or self.gone:
            return ""
        if any(e.kind not in NO_CONNECTION for _, e in self.article_failures):
            return ""
        cached = still_readable(self.articles_already_cached)
        return f"{unanswered_at(self.feeds)}: nothing synced; {cached}"

    @property
    def ok(self) -> bool:
        """Everything came through: a link that is not an article page, or a story taken
        down, is not a failure."""
        return not self.article_failures and not any(r.failed for r in self.feeds)


def nothing_answered(results: list[FeedResult]) -> bool:
    """Every feed asked failed as the network does when it is not there (`NO_CONNECTION`)."""
    asked = [r for r in results if r.asked]
    return bool(asked) and all(r.error is not None and r.error.kind in NO_CONNECTION for r in asked)


def unanswered_at(results: list[FeedResult]) -> str:
    """What a line starts with when nothing answered (`nothing_answered`): "No connection",
    or, every feed asked being on one host, "Nothing answered at 127.0.0.1:8773" (its port
    said when they share it too): a site down can't be told from no network then, and a
    reader whose network is up must not be told it is gone. Two ports of one machine are one
    host, one site, to the reader. When every answer came and broke off, or none came in
    time, it says so: "nothing answered" sent a traveller to the cable (acc29b T12, T15)."""
    asked = [r for r in results if r.asked]
    said = _unused_proxy(asked)
    return f"{_unanswered(asked)} ({said})" if said else _unanswered(asked)


def _unused_proxy(asked: list[FeedResult]) -> str:
    """The proxy the environment names and the reader left unused, said by a failure of
    `asked` (`proxies.unused_hint_in`); "" when none says it."""
    errors = (r.error.message for r in asked if r.error is not None)
    return next((hint for message in errors if (hint := unused_hint_in(message))), "")


def _unanswered(asked: list[FeedResult]) -> str:
    """`unanswered_at`'s words for the feeds `asked`, but the proxy."""
    how = {r.error.no_answer for r in asked if r.error is not None} - {NoAnswer.NOT_ASKED}
    addresses = {_host_and_port(r.feed.moved_to or r.feed.url) for r in asked}
    hosts = {host for host, _ in addresses}
    if len(hosts) != 1:
        if how == {NoAnswer.BROKEN_OFF}:
            return "Every answer was broken off"
        timed_out = [r.error for r in asked if r.error and r.error.no_answer == NoAnswer.TIMED_OUT]
        if how == {NoAnswer.TIMED_OUT} and all(e.connected for e in timed_out):
            # Every host took the connections and sent nothing in time: a network there, and
            # silent (a portal swallowing them), not gone (acc46b A6).
            return "Nothing answered in time"
        return "No connection"
    host, port = next(iter(addresses)) if len(addresses) == 1 else (hosts.pop(), "")
    if how == {NoAnswer.BROKEN_OFF}:
        return f"{host}{port} broke off every answer"
    if how == {NoAnswer.TIMED_OUT}:
        return f"{host}{port} did not answer in time"
    return f"Nothing answered at {host}{port}"


def _host_and_port(url: str) -> tuple[str, str]:
    """The host of `url` as an address bar shows it, and its ":port" ("" when none is given)."""
    authority = urlsplit(shown_url(url)).netloc
    host, colon, port = authority.rpartition(":")
    if not colon or host.endswith("[") or "]" in port:  # no port; an IPv6 address's colons
        return authority, ""
    return host, colon + port


def gone_for_good(results: list[FeedResult]) -> str:
    """The feeds gone for good (410), found so this time or not asked, in a few words ("1 gone
    for good, asked again 2026-12-12"; the soonest when several), or "": not synced, yet no
    failure."""
    now = datetime.now(UTC)
    dates = sorted(
        r.gone_until or (r.feed.gone_at or now) + GONE_ASKED_EVERY
        for r in results
        if not r.asked or r.gone
    )
    if not dates:
        return ""
    return f"{len(dates)} gone for good, asked again {dates[0]:%Y-%m-%d}"


def synced_feeds(results: list[FeedResult]) -> int:
    """Of a refresh's feeds, those read: asked, and no failure."""
    return sum(r.asked and r.error is None for r in results)


def still_readable(cached: int) -> str:
    """What "No connection" leaves the reader: `cached` articles, offline."""
    if not cached:
        return "nothing is cached yet"
    return f"the {plural(cached, 'cached article stays', 'cached articles stay')} readable"


@dataclass(frozen=True)
class CacheStats:
    articles: int
    saved: int
    feeds: int
    headlines: int
    disk_bytes: int
    oldest: datetime | None
    newest: datetime | None
    left_out: int = 0  # articles the size limit left out (`limit`) that a headline lists
    # The pictures kept of articles for reading offline (`pictures`): of how many articles,
    # and their bytes (counted in the articles' size).
    pictures_articles: int = 0
    pictures_bytes: int = 0


@dataclass(frozen=True)
class PruneReport:
    removed: int
    freed_bytes: int
    kept_saved: int
    remaining_bytes: int
    evicted: dict[str, int] = field(default_factory=dict)  # article key: bytes freed


ProgressCallback = Callable[[SyncProgress], None]
