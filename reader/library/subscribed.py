"""A `Library`'s subscriptions: feeds subscribed to, named, renamed and removed, a feed found by
its address in any spelling or by the name the feed list shows, and each feed's headline
counts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..feed_names import clean_name, folded, named_by
from ..models import ErrorKind, Feed, FetchError
from ..url_display import shown_url, shown_with_user, wire_url
from ..urls import canonical_url, from_feed_scheme, is_web_url, not_web_url, password_apart
from .resources import LibraryResources

if TYPE_CHECKING:
    from ..store import Store
    from ..store.feeds import ImportedFeed


class SubscribedAddresses:
    """The subscriptions as one lookup, made once for a command's look or an import's: each by
    its address's `canonical_url` (worked out once), and by that of the address it moved to, the
    feeds' records read for those only when an address is not found as subscribed, and once
    (`feeds`, which a look by title takes too). Subscribed again where it moved (an OPML file
    of another reader's, a colleague's), a feed was the same one twice, fetched twice at every
    sync, each headline "also in" the other (acc40b P7). A subscription at an address wins over
    one moved there, the first of two spellings over the second."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.urls = store.feed_urls()
        self._at: dict[str, str] = {}
        for url in self.urls:
            self.note(url)
        self._moved: dict[str, str] | None = None  # read with `feeds`
        self._feeds: list[Feed] | None = None

    def feeds(self) -> list[Feed]:
        """Every subscribed feed, its record read (once)."""
        if self._feeds is None:
            self._feeds = [self._store.feed(url) or Feed(url) for url in self.urls]
        return self._feeds

    def subscription(self, address: str) -> str:
        """The subscription at `address` (a `canonical_url`), or the one that moved there; ""
        for none."""
        if found := self._at.get(address) or self._at.get(wire_url(address)):
            return found
        if self._moved is None:
            self._moved = {}
            for feed in self.feeds():
                if feed.moved_to:
                    moved_to = canonical_url(feed.moved_to)
                    self._moved.setdefault(moved_to, feed.url)
                    self._moved.setdefault(wire_url(moved_to), feed.url)
        return self._moved.get(address) or self._moved.get(wire_url(address), "")

    def note(self, url: str) -> str:
        """`url` subscribed now (its other spellings name it from here, its host in punycode
        among them: an OPML export's, `url_display.wire_url`): `url`."""
        address = canonical_url(url)
        self._at.setdefault(address, url)
        self._at.setdefault(wire_url(address), url)
        return url


class LibrarySubscribed(LibraryResources):
    """The feeds a `Library` is subscribed to (nothing here touches the network)."""

    def feeds(self) -> list[Feed]:
        return self.store.feeds()

    def add_feed(self, url: str, title: str = "", name: str = "") -> bool:
        """Subscribe to `url` (not fetched yet), titled `title` until its first fetch and
        named `name` (one the same as `title` is an OPML file's that may be a copy of it:
        `feed_names.copies_own_title`); False when already subscribed."""
        url = from_feed_scheme(url)
        if not is_web_url(url):
            raise FetchError(ErrorKind.BAD_URL, not_web_url(url), url)
        return self.store.add_feed(self.subscription_url(url), title, clean_name(name))

    def add_feeds(self, wanted: Iterable[ImportedFeed]) -> list[tuple[str, bool]]:
        """`add_feed` of each (url, title, name, tags, folders, site) of `wanted` (an OPML file's),
        each filed under its tags and in its folders too, as one write (`Store.add_feeds`): the
        feeds subscribed read once, not once a feed. Each one's subscription, and whether it was
        added."""
        known = SubscribedAddresses(self.store)
        batch = []
        for url, title, name, tags, folders, *site in wanted:
            url = from_feed_scheme(url)
            if not is_web_url(url):
                raise FetchError(ErrorKind.BAD_URL, not_web_url(url), url)
            url = known.subscription(canonical_url(url)) or known.note(url)
            batch.append((url, title, clean_name(name), tags, folders, *site))
        added = self.store.add_feeds(batch)
        # Each kept without its password (`Store.add_feed`).
        return [(password_apart(url)[0], new) for (url, *_), new in zip(batch, added, strict=True)]

    def rename_feed(self, feed: str, name: str) -> Feed | None:
        """Give the feed `feed` names (as `feed_named` takes it) the user's `name`, shown over
        its own title; "" goes back to its own title. None when no feed is subscribed so."""
        return self.store.name_feed(self.feed_named(feed.strip()), clean_name(name))

    def remove_feed(self, url: str) -> bool:
        """Unsubscribe from `url`, as written or as `reader feeds` shows it; False when not
        subscribed."""
        return self.store.remove_feed(self.feed_named(url.strip()))

    def subscription_url(self, url: str) -> str:
        """The URL as subscribed when `url` names the same feed in another spelling, or the
        address a subscribed feed moved to for good (a 301 or 308 it answered: `Feed.moved_to`)."""
        return SubscribedAddresses(self.store).subscription(canonical_url(url)) or url

    def feed_named(self, url: str) -> str:
        """The subscribed feed `url` names, as written or as `reader feeds` shows it, or by its
        name or title ("Northwind Tech Review", as the feed list shows it) when one feed has
        it (`_feed_titled`); a feed: address as the web one it stands for, as `add` reads it.
        Every feed's record read once at most, for the addresses they moved to and for their
        titles both (they were read twice for a title: 500 feeds' records 2 × 85 ms)."""
        wanted = canonical_url(from_feed_scheme(url))
        known = SubscribedAddresses(self.store)
        if found := known.subscription(wanted):
            return found
        # One subscribed before `add` refused control characters is shown without them (the
        # only way it can be shown safely), a look-alike host as its punycode: that form, the
        # one the user can type, names it, after a feed really at the address as written.
        shown_so = self.feeds_shown_at(url, known.urls)
        if len(shown_so) > 1:  # one feed under two accounts: no guess (`not_subscribed`)
            return url
        return next(iter(shown_so), None) or self._feed_titled(url, known.feeds()) or url

    def feeds_shown_at(self, url: str, urls: list[str] | None = None) -> list[str]:
        """The subscriptions `url` names as `reader feeds` shows them: without their user name
        and password, or with the user name alone (`shown_with_user`). Several for one feed
        subscribed under two accounts, given without a user name."""
        wanted = canonical_url(from_feed_scheme(url))
        urls = self.store.feed_urls() if urls is None else urls
        return [
            u
            for u in urls
            if wanted in (canonical_url(shown_url(u)), canonical_url(shown_with_user(u)))
        ]

    def _feed_titled(self, title: str, feeds: list[Feed] | None = None) -> str | None:
        """The one subscribed feed the reader's feed list names `title` (case and spaces
        aside): by the user's name for it, else by its own title; else the one whose own title
        it is behind a name (the title `reader feeds` shows under it). None when none is, or
        several are (no guess between them: `feeds_titled` names them)."""
        found = self.feeds_titled(title, feeds)
        return found[0] if len(found) == 1 else None

    def feeds_titled(self, title: str, feeds: list[Feed] | None = None) -> list[str]:
        """The addresses of the subscribed feeds the reader's feed list names `title` (as
        `_feed_titled` reads it): several when a name is more than one feed's. `feeds`: every
        subscribed feed, when read already."""
        if not folded(title):
            return []
        feeds = self.store.feeds() if feeds is None else feeds
        for named in ([f.name or f.title for f in feeds], [f.title for f in feeds]):
            # Accents aside when it types none, as a tag's name (acc44c C11).
            if found := [feeds[n].url for n in named_by(title, named)]:
                return found
        return []

    def feed_counts(self) -> list[tuple[Feed, int, int]]:
        """Every feed, with how many headlines it has and how many of them are unread: what
        `headlines(feed)` would list, each feed's entries and read flags read once."""
        counts = []
        feeds = self.store.feeds()
        urls = [feed.url for feed in feeds]
        marked, listed = self.store.each_read_ids(urls), self.store.each_entry_ids(urls)
        for feed, read, ids in zip(feeds, marked, listed, strict=True):
            counts.append((feed, len(ids), sum(i not in read for i in ids)))
        return counts

    def offline_counts(self) -> dict[str, int]:
        """By feed address, how many of its headlines have their article cached, readable
        offline: "12 of 40 offline" beside `feed_counts`' 40 (acc45 A6: a refresh alone brings
        headlines, not articles). From each headline's article key and the store's set of
        cached ones, no headline made."""
        cached = self.store.article_keys()
        return {
            url: sum(1 for key, _ in self.store.entry_keys(url) if key and key in cached)
            for url in self.store.feed_urls()
        }
