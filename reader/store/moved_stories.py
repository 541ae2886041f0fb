"""A story its feed now links at another address (the same item, its guid kept): a correction
that changed its headline and its slug, the old address answering 301 to the new one (acc44c
C14). Everything kept of it under the old address is moved to the new one (`move_article`):
its copy, raw page and earlier copies, where the reader left it, its save, tags and
highlights, so a sync reads the new page as a copy of the same article (the old kept as copy
1) rather than as a new article beside an orphan, the tagged copy uncorrected and unlinked."""

from __future__ import annotations

from ..keys import article_key
from .articles import _ARTICLE_PREFIXES
from .directory import _reporting_storage_errors
from .reading_times import READING_PREFIXES
from .search_feeds import StoreSearchFeeds

_HIGHLIGHTS = "highlights:"


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
        if not was or not now or was == now:
            return False
        articles = self._articles
        with articles.transact():
            if f"article:{was}" not in articles or f"article:{now}" in articles:
                return False
            for prefix in _ARTICLE_PREFIXES:
                value = self._value(articles, prefix + was)
                if value is not None:
                    articles.set(prefix + now, value)
                    articles.delete(prefix + was)
            articles.set(f"also:{was}", new)
        self._moved_state(was, now, new)
        return True

    def _moved_state(self, was: str, now: str, new: str) -> None:
        """The save (its tags, its archive mark), the highlights and the reading (when read,
        where left) of the article kept under `was` moved to `now` (its address `new`),
        unless that one has its own."""
        state = self._state
        with state.transact():
            saved = self.saved()
            if isinstance(record := saved.get(was), dict) and now not in saved:
                saved[now] = {**record, "url": new}
                del saved[was]
                self._save(state, "saved", saved)
            held = self._load(state, _HIGHLIGHTS + was, keep_aside=True)
            if isinstance(held, dict) and _HIGHLIGHTS + now not in state:
                # Each highlight keeps the copy it was quoted from (`cited`): the old one.
                self._save(state, _HIGHLIGHTS + now, {**held, "url": new})
                state.delete(_HIGHLIGHTS + was)
            for prefix in READING_PREFIXES:
                value = self._value(state, prefix + was)
                if value is not None and prefix + now not in state:
                    state.set(prefix + now, value)
                    state.delete(prefix + was)
