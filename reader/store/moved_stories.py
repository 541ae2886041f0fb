"""A story its feed now links at another address (the same item, its guid kept): a correction
that changed its headline and its slug, the old address answering 301 to the new one (acc44c
C14). Everything kept of it under the old address is moved to the new one (`move_article`):
its copy, raw page and earlier copies, where the reader left it, its save, tags and
highlights, so a sync reads the new page as a copy of the same article (the old kept as copy
1) rather than as a new article beside an orphan, the tagged copy uncorrected and unlinked.
So is what was kept under a key an earlier `canonical_url` made (`rekey_older_forms`)."""

from __future__ import annotations

from collections.abc import Iterable

from ..keys import article_key
from ..urls import CANONICAL_VERSION, canonical_url
from .articles import _ARTICLE_PREFIXES
from .directory import _reporting_storage_errors
from .key_ranges import keys_with_prefix
from .reading_times import READING_PREFIXES
from .search_feeds import StoreSearchFeeds

_HIGHLIGHTS = "highlights:"
_REKEYED = "keys-canonical-version"
"""In the state cache: the `CANONICAL_VERSION` the keys kept were last moved to
(`rekey_older_forms`)."""


@_reporting_storage_errors
class StoreMovedStories(StoreSearchFeeds):
    """The articles of a `Store` moved with their story's address."""

    def move_article(self, old: str, new: str) -> bool:
        """What is kept of the article cached at `old` moved to `new`, where nothing is cached
        (a copy there already is the story's own, and stays), the old address then naming it
        (`aliased`: `reader show OLD` finds it); whether it was moved. The articles' records in
        one transaction, then the user's (saved, tags, highlights) in another: a crash between
        leaves the save under the old address, which a sync fetches again, nothing lost."""
        was, now = article_key(old), article_key(new)
        if not was or not now or was == now or not self._moved_records(was, now, new):
            return False
        self._moved_state(was, now, new)
        return True

    def _moved_records(self, was: str, now: str, alias: str = "") -> bool:
        """The articles' records of the article kept under key `was` moved to key `now`, where
        no article is kept, in one transaction, `alias` then named by `was` (`aliased`);
        whether they were."""
        articles = self._articles
        with articles.transact():
            if f"article:{was}" not in articles or f"article:{now}" in articles:
                return False
            for prefix in _ARTICLE_PREFIXES:
                value = self._value(articles, prefix + was)
                if value is not None:
                    articles.set(prefix + now, value)
                    articles.delete(prefix + was)
            if alias:
                articles.set(f"also:{was}", alias)
        return True

    def _moved_state(self, was: str, now: str, new: str | None) -> None:
        """The save (its tags, its archive mark), the highlights and the reading (when read,
        where left) of the article kept under `was` moved to `now` (its address `new`; None:
        the address they name kept), unless that one has its own."""
        state = self._state
        address = {} if new is None else {"url": new}
        with state.transact():
            saved = self.saved()
            if isinstance(record := saved.get(was), dict) and now not in saved:
                saved[now] = {**record, **address}
                del saved[was]
                self._save(state, "saved", saved)
            held = self._load(state, _HIGHLIGHTS + was, keep_aside=True)
            if isinstance(held, dict) and _HIGHLIGHTS + now not in state:
                # Each highlight keeps the copy it was quoted from (`cited`): the old one.
                self._save(state, _HIGHLIGHTS + now, {**held, **address})
                state.delete(_HIGHLIGHTS + was)
            for prefix in READING_PREFIXES:
                value = self._value(state, prefix + was)
                if value is not None and prefix + now not in state:
                    state.set(prefix + now, value)
                    state.delete(prefix + was)

    def rekey_older_forms(self) -> int:
        """What was kept under an article key an earlier `canonical_url` made (`CANONICAL_
        VERSION`; 1: "http://bücher.example/story", its host as written, now
        "http://xn--bcher-kva.example/story") moved to the key it has now, once a directory
        (`_REKEYED`): unmoved, it was found by no address. Only keys holding a character past
        ASCII or a percent-escape are read again (a few, in a pass over the keys' index). A
        key whose new one holds an article already is left (that copy is the newer); an older
        reader's new records after are its own. How many articles were moved."""
        if self.read_only or self.upgrades_at_write:
            return 0
        if self._value(self._state, _REKEYED) == CANONICAL_VERSION:
            return 0
        moved = 0
        for was in _older(keys_with_prefix(self._articles, "article:")):
            moved += self._moved_records(was, canonical_url(was))
        with self._articles.transact():
            for was in _older(keys_with_prefix(self._articles, "also:")):
                link = self._value(self._articles, f"also:{was}")
                if f"also:{canonical_url(was)}" not in self._articles and link is not None:
                    self._articles.set(f"also:{canonical_url(was)}", link)
                self._articles.delete(f"also:{was}")
        state_keys = set(self.saved()) | set(keys_with_prefix(self._state, _HIGHLIGHTS))
        for prefix in READING_PREFIXES:
            state_keys.update(keys_with_prefix(self._state, prefix))
        for was in _older(state_keys):
            self._moved_state(was, canonical_url(was), None)
        self._state.set(_REKEYED, CANONICAL_VERSION)
        return moved


def _older(keys: Iterable[str]) -> list[str]:
    """Of article keys, those `canonical_url` makes otherwise now: an earlier version's."""
    return [k for k in keys if (not k.isascii() or "%" in k) and canonical_url(k) != k]
