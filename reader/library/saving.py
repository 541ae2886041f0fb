"""A `Library`'s articles saved for good: an article cached and kept (`save`), one whose page
can't be had now kept as a link for the next sync (`save_or_keep`, `keep_unfetched`), and a
link saved as the story it leads to, so that one story is one entry in Saved (`_story_of`)."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from contextlib import suppress

from ..keys import article_key
from ..models import Article, Entry, FetchError, StoreError
from ..portal import relates
from ..reports import SaveOutcome
from ..store.articles import declared_address
from ..urls import without_tracking
from .downloads import LibraryDownloads, _entry_of
from .failures import passing_failure, storage_failure
from .resources import _link


class LibrarySaving(LibraryDownloads):
    """A `Library`'s articles saved for good."""

    async def save(self, target: Entry | str, offline: bool = False) -> Article:
        """Keep an article for good: cached now if it isn't, and never evicted. One cached
        without some of its pages (one failed to come) is read on now, as the next sync would.
        A link saved by its address is kept as the story it leads to (`_story_of`)."""
        return (await self._save(target, offline))[0]

    async def _save(
        self,
        target: Entry | str,
        offline: bool,
        at: float | None = None,
        title: str = "",
        listed: Mapping[str, Entry] | None = None,
    ) -> tuple[Article, Entry | str]:
        """`save`: the article, and what it was saved as (`at`, `title`: `set_saved`'s;
        `listed`: `_story_of`'s)."""
        url = _link(target)
        # Cached in part before (not a page that failed just now, tried again at once).
        was_in_part = not offline and bool(url) and self.store.is_incomplete(url)
        article = await self.article(target, offline=offline)
        if article.unkept:  # fetched, but a store that keeps nothing can't save it either
            raise storage_failure(self.store.refusal(article.unkept), url)
        if was_in_part and article.incomplete and not article.incomplete_for_good:
            # Saved again, or saved from a feed's headline cached in part: its note promised
            # the pages missing, and the user asking now needn't wait for a sync (acc31c W14).
            article = await self._fetch_once(url, _entry_of(target))
        story = target
        if isinstance(target, str):
            story = await asyncio.to_thread(self._story_of, target, article, listed)
        self.set_saved(story, True, at, title)
        return article, story

    async def save_or_keep(
        self,
        target: Entry | str,
        at: float | None = None,
        title: str = "",
        listed: Mapping[str, Entry] | None = None,
    ) -> SaveOutcome:
        """`save`, and when the page can't be had now for a reason that may pass (offline, the
        site down or busy), the link kept in Saved all the same, not fetched yet (the next sync
        fetches it). Any other failure (no article at that address) raises, nothing kept.
        `at` and `title`: when it was saved and its title, as an import gives them; `listed`:
        the feeds' entries by article key, read once for many saves (`entries_by_key`)."""
        before = set(self.store.saved())
        try:
            article, story = await self._save(target, False, at, title, listed)
        except FetchError as error:
            already = article_key(_link(target)) in before
            if not self.keep_unfetched(target, error, at, title):
                raise
            return SaveOutcome(None, error, already, _link(target))
        link = _link(story)
        return SaveOutcome(article, None, article_key(link) in before, link)

    def keep_unfetched(
        self, target: Entry | str, error: FetchError, at: float | None = None, title: str = ""
    ) -> bool:
        """Save `target` as a link not fetched yet, its page having failed with `error`, when
        that may pass (offline, the site down or busy: the next sync fetches it); True when
        saved so. A page that is no article, or one to sign in, is not kept."""
        if not passing_failure(error):
            return False
        self.set_saved(target, True, at, title)
        return True

    def _story_of(
        self, url: str, article: Article, listed: Mapping[str, Entry] | None = None
    ) -> Entry | str:
        """What a link saved by its address (`url`) is saved as: the story it led to, so that
        one story is one entry in Saved and its feed's headline is the saved one (acc31c W4: a
        short link, an AMP page, a `?ref=hn` link each made a second). Where its redirects
        ended: that address, or the feed's headline or saved article at it; the canonical
        address its page declares: the headline or saved article there when it is the same
        story (a page may declare its section's address). Else `url` itself. `listed`: the
        feeds' entries by key (read here when needed, when not given)."""
        if article.incomplete:
            return url  # its later pages are kept under its own address
        key = article_key(url)
        saved = self.store.saved()
        by_key: list[Mapping[str, Entry]] = [listed] if listed is not None else []

        def known(address: str) -> tuple[Entry | str, str] | None:
            """The story kept at `address`, and its title: saved, a feed's or cached."""
            record = saved.get(article_key(address))
            if isinstance(record, dict) and isinstance(record.get("url"), str):
                heading = self.store.article_heading(record["url"])
                return record["url"], heading.title if heading else str(record.get("title", ""))
            if not by_key:
                by_key.append(self.entries_by_key())
            if (entry := by_key[0].get(article_key(address))) is not None:
                return entry, entry.title
            heading = self.store.article_heading(address)
            return (address, heading.title) if heading is not None else None

        story: Entry | str = url
        final = article.url if article.url and article_key(article.url) != key else ""
        declared = declared_address(article)
        declared = declared if declared and article_key(declared) != key else ""
        if (final and (found := known(final)) is not None) or (
            declared and (found := known(declared)) is not None and relates(found[1], article.title)
        ):
            story = found[0]
        elif final:
            story = without_tracking(final)
        if story == url:
            return url
        link = story.link if isinstance(story, Entry) else story
        with suppress(StoreError):
            if not self.store.has_article(link):
                # Its copy is the story's: a feed listing it later finds it cached.
                self.store.put_article(link, article)
            if key in saved:  # saved before by the link, from an older reader: one entry now
                self.store.set_saved(url, False)
            listing = by_key[0] if by_key else self.entries_by_key()
            if key not in listing and self.store.has_article(link):
                # The story's copy is the one kept: the link's own was a second story in
                # searches and exports, unread and unsaved (acc33a A12).
                self.store.forget_article(url)
        return story
