"""A `Library`'s entry found by what a command or a link gives: its id (a feed's entry, a
saved article no feed lists, a headline dropped since), or an address, read directly when no
headline links to it."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urldefrag

from ..keys import article_key, copy_of, looks_like_entry_id, saved_article_id
from ..models import Entry, ErrorKind, FetchError
from ..reports import Headline, article_of
from ..safe import safe_line
from ..urls import is_web_url, not_web_url, with_scheme
from .dropped_ids import dropped_entry
from .shared_stories import LibrarySharedStories

# What is written as an address, not an id: a scheme and "//", or a scheme of no web page.
_ADDRESS_LIKE = re.compile(r"[a-z][a-z0-9+.-]*://|(?:file|mailto|javascript|data):", re.IGNORECASE)


def _with_link(headlines: list[Headline], url: str) -> Entry | None:
    """The entry of the first headline linking to `url`'s article, the one with `url`'s own
    anchor first: the items pointing into a live blog (`page#block-3`) share its page, and
    `reader show page#block-3` printed the blog's own item, dated and noted as the page."""
    wanted, anchor = article_key(url), urldefrag(url).fragment
    found = None
    for headline in headlines:
        if headline.entry.link and article_of(headline) == wanted:
            if urldefrag(headline.entry.link).fragment == anchor:
                return headline.entry
            found = found or headline.entry
    return found


class LibraryLookup(LibrarySharedStories):
    """An entry of a `Library` by id or address."""

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

    def entries_by_key(self) -> dict[str, Entry]:
        """Every feed's entries by their article's key: for many addresses looked up at once
        (an import), read once."""
        # Reversed: where two list one story, the newest headline (as `resolve` finds it).
        return {article_of(h): h.entry for h in reversed(self.headlines()) if h.entry.link}

    def resolve(self, id_or_url: str) -> Entry | str:
        """An entry by id, or a URL to read directly; raises FetchError(NOT_FOUND) otherwise."""
        return _Lookup(self).resolve(id_or_url)

    def resolver(self) -> Callable[[str], Entry | str]:
        """`resolve`, for the many ids or addresses one command is given (`reader archive` of
        3,000, `reader export -`): the feeds' entries and headlines read once for them all,
        not once each (each took 1.7 s on a year's store: acc33b B1)."""
        return _Lookup(self, many=True).resolve


class _Lookup:
    """What `LibraryLookup.resolve` reads, read again for each name or, for `many`, once."""

    def __init__(self, lib: LibraryLookup, many: bool = False) -> None:
        self.lib = lib
        self.many = many
        self._by_id: dict[str, Entry] | None = None
        self._by_key: dict[str, Entry] | None = None
        self._by_anchor: dict[tuple[str, str], Entry] = {}
        self._headlines: list[Headline] | None = None

    def resolve(self, id_or_url: str) -> Entry | str:
        # A kept copy's id ("2c62e4e2c688@1", `reader list --search --ids`) names its article:
        # `reader show` alone reads the copy (`cli.common.given_copies`).
        text = copy_of(id_or_url)[0].strip()
        lib = self.lib
        if looks_like_entry_id(text):
            entry = self._entry(text) or dropped_entry(lib, text)
            if entry is not None:
                return entry
        if is_web_url(text):
            if (entry := self._with_link(text)) is not None:
                return entry
            if lib.store.has_article(text):
                return text
            # The address a citation names (where a feed's link redirected to, the page's
            # canonical one) finds the article cached under the feed's link.
            link = lib.store.aliased(text) or text
            return self._with_link(link) or link
        if _ADDRESS_LIKE.match(text) or with_scheme(text):  # "ftp://…", "www.example.org/a"
            raise FetchError(ErrorKind.BAD_URL, not_web_url(text))
        raise FetchError(
            ErrorKind.NOT_FOUND, f"no article with id {safe_line(text, 80)!r} (see `reader list`)"
        )

    def _entry(self, entry_id: str) -> Entry | None:
        if not self.many:
            return self.lib.entry(entry_id)
        if self._by_id is None:
            self._by_id = {}
            for url in self.lib.store.feed_urls():  # the first feed's, as `entry` finds it
                for entry in self.lib.store.entries(url):
                    self._by_id.setdefault(entry.id, entry)
        return (
            self._by_id.get(entry_id)
            or self.lib._saved_by_id(entry_id)
            or self.lib._unlisted_by_id(entry_id)
        )

    def _with_link(self, url: str) -> Entry | None:
        if self._headlines is None:
            self._headlines = self.lib.headlines()
        if not self.many:
            return _with_link(self._headlines, url)
        if self._by_key is None:
            self._by_key, self._by_anchor = {}, {}
            for headline in self._headlines:  # the first headline's, as `_with_link` finds it
                if link := headline.entry.link:
                    key = article_of(headline)
                    self._by_key.setdefault(key, headline.entry)
                    self._by_anchor.setdefault((key, urldefrag(link).fragment), headline.entry)
        key = article_key(url)
        return self._by_anchor.get((key, urldefrag(url).fragment)) or self._by_key.get(key)
