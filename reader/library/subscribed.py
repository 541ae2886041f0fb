"""A `Library`'s subscriptions: feeds subscribed to, named, renamed and removed, a feed found by
its address in any spelling or by the name the feed list shows, and each feed's headline
counts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..feed_names import clean_name, folded
from ..models import ErrorKind, Feed, FetchError
from ..url_display import shown_url
from ..urls import canonical_url, from_feed_scheme, is_web_url, not_web_url
from .resources import LibraryResources


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

    def add_feeds(
        self, wanted: Iterable[tuple[str, str, str, Sequence[str]]]
    ) -> list[tuple[str, bool]]:
        """`add_feed` of each (url, title, name, tags) of `wanted` (an OPML file's), each filed
        under its tags too, as one write (`Store.add_feeds`): the feeds subscribed read once,
        not once a feed. Each one's subscription, and whether it was added."""
        known = self._known_addresses()
        batch = []
        for url, title, name, tags in wanted:
            url = from_feed_scheme(url)
            if not is_web_url(url):
                raise FetchError(ErrorKind.BAD_URL, not_web_url(url), url)
            url = known.setdefault(canonical_url(url), url)
            batch.append((url, title, clean_name(name), tags))
        added = self.store.add_feeds(batch)
        return [(url, new) for (url, *_), new in zip(batch, added, strict=True)]

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
        wanted = canonical_url(url)
        urls = self.store.feed_urls()
        if found := next((u for u in urls if canonical_url(u) == wanted), None):
            return found
        return self._known_addresses(urls).get(wanted, url)

    def _known_addresses(self, urls: list[str] | None = None) -> dict[str, str]:
        """Each subscription by its address's `canonical_url`, and by that of the address it
        moved to: subscribed again there (an OPML file of another reader's, a colleague's),
        it was the same feed twice, fetched twice at every sync, each headline "also in" the
        other (acc40b P7). A subscription at an address wins over one moved there."""
        urls = self.store.feed_urls() if urls is None else urls
        known = {canonical_url(u): u for u in urls}
        for u in urls:
            feed = self.store.feed(u)
            if feed is not None and feed.moved_to:
                known.setdefault(canonical_url(feed.moved_to), u)
        return known

    def feed_named(self, url: str) -> str:
        """The subscribed feed `url` names, as written or as `reader feeds` shows it, or by its
        name or title ("Northwind Tech Review", as the feed list shows it) when one feed has
        it (`_feed_titled`); a feed: address as the web one it stands for, as `add` reads it."""
        wanted = canonical_url(from_feed_scheme(url))
        urls = self.store.feed_urls()
        as_written = next((u for u in urls if canonical_url(u) == wanted), None)
        moved_here = None if as_written else self._known_addresses(urls).get(wanted)
        # One subscribed before `add` refused control characters is shown without them (the
        # only way it can be shown safely), a look-alike host as its punycode: that form, the
        # one the user can type, names it, after a feed really at the address as written.
        shown_so = (u for u in urls if canonical_url(shown_url(u)) == wanted)
        return as_written or moved_here or next(shown_so, None) or self._feed_titled(url) or url

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
