"""A `Library`'s articles saved for good: an article cached and kept (`save`), one whose page
can't be had now kept as a link for the next sync (`save_or_keep`, `keep_unfetched`) or as the
copy another app kept of its text (`keep_copy`), and a link saved as the story it leads to, so
that one story is one entry in Saved (`_story_of`)."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress
from datetime import datetime

from ..article_fallbacks import kept_copy
from ..gone import said_gone, taken_down
from ..keys import article_key
from ..models import Article, Entry, FetchError, StoreError
from ..portal import relates
from ..raw_pages import pack_raw_page
from ..reports import SaveOutcome
from ..store.articles import declared_address
from ..urls import without_tracking
from .downloads import LibraryDownloads, _entry_of
from .failures import passing_failure, storage_failure
from .resources import _link
from .saved_batch import SavedBatch


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
        batch: SavedBatch | None = None,
    ) -> tuple[Article, Entry | str, bool]:
        """`save`: the article, what it was saved as and whether that was saved before (`at`,
        `title`: `set_saved`'s; `listed`: `_story_of`'s; `batch`: the import's saves, where
        its flag is kept)."""
        import asyncio

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
            story = await asyncio.to_thread(self._story_of, target, article, listed, batch)
        saved = batch.records if batch is not None else self.store.saved()
        already = article_key(_link(story)) in saved
        if batch is not None:
            batch.save(story, at, title)
        else:
            self.set_saved(story, True, at, title)
        return article, story, already

    async def save_or_keep(
        self,
        target: Entry | str,
        at: float | None = None,
        title: str = "",
        listed: Mapping[str, Entry] | None = None,
        batch: SavedBatch | None = None,
    ) -> SaveOutcome:
        """`save`, and when the page can't be had now for a reason that may pass (offline, the
        site down or busy), the link kept in Saved all the same, not fetched yet (the next sync
        fetches it). Any other failure (no article at that address) raises, nothing kept.
        `at` and `title`: when it was saved and its title, as an import gives them; `listed`:
        the feeds' entries by article key, read once for many saves (`entries_by_key`);
        `batch`: an import's saves, kept there to be written with the others."""
        try:
            article, story, already = await self._save(target, False, at, title, listed, batch)
        except FetchError as error:
            saved = batch.records if batch is not None else self.store.saved()
            was = article_key(_link(target)) in saved
            if not self.keep_unfetched(target, error, at, title, batch):
                raise
            return SaveOutcome(None, error, was, _link(target))
        return SaveOutcome(article, None, already, _link(story))

    def keep_unfetched(
        self,
        target: Entry | str,
        error: FetchError,
        at: float | None = None,
        title: str = "",
        batch: SavedBatch | None = None,
    ) -> bool:
        """Save `target` as a link not fetched yet, its page having failed with `error`, when
        that may pass (offline, the site down or busy: the next sync fetches it); True when
        saved so. A page that is no article, or one to sign in, is not kept."""
        if not self.saves_unfetched(error):
            return False
        if batch is not None:
            batch.save(target, at, title)
        else:
            self.set_saved(target, True, at, title)
        return True

    async def keep_copy(
        self,
        target: Entry | str,
        html: str,
        title: str = "",
        author: str = "",
        retrieved: datetime | None = None,
        kept_by: str = "wallabag",
        answer: FetchError | None = None,
        published: datetime | None = None,
        language: str = "",
    ) -> Article | None:
        """Cache as the article of `target`, its page not coming now, the copy of its text
        another app kept (`html`; `kept_copy`: read in a worker as a page is, marked as that
        app's, retrieved when it says), the app's HTML as its kept page (`reader reextract`
        reads it again). None when the copy holds no text, or the worker gave up on it.
        A sync asks for its page, to cache in the copy's place (`Store.copies_to_replace`),
        unless the page answered for good with no article: `answer` (how it failed now: a 404,
        a PDF) or what the store knew of it before (taken down, no article page)."""
        url = _link(target)
        try:
            article = await self._cpu_within_time(
                kept_copy, html, url, title, author, retrieved, kept_by, published, language
            )
        except FetchError:  # past the time a page is given: a hostile copy
            return None
        if article is None:
            return None
        page = pack_raw_page(html.encode(), "text/html; charset=utf-8")
        gone, no_page = self.store.gone_at(url), self.store.not_an_article(url)
        # Not the page's: a takedown found stays, its mark as it was (no takedown ended).
        self.store.put_article(url, article, page, page_gave_it=False)
        # The page's last answer stands over the copy: a story taken down is said so in its
        # header, and no sync asks again for a page that has none.
        if answer is not None and taken_down(answer):
            self.store.mark_gone(url, *said_gone(answer))
        elif gone is None and (no_page or (answer is not None and not passing_failure(answer))):
            self.store.settle_copy(url)
        return article

    @staticmethod
    def saves_unfetched(error: FetchError) -> bool:
        """Whether a link whose page failed with `error` is saved all the same, to fetch at
        the next sync (`keep_unfetched`)."""
        return passing_failure(error)

    def _story_of(
        self,
        url: str,
        article: Article,
        listed: Mapping[str, Entry] | None = None,
        batch: SavedBatch | None = None,
    ) -> Entry | str:
        """What a link saved by its address (`url`) is saved as: the story it led to, so that
        one story is one entry in Saved and its feed's headline is the saved one (acc31c W4: a
        short link, an AMP page, a `?ref=hn` link each made a second). Where its redirects
        ended: that address, or the feed's headline or saved article at it; the canonical
        address its page declares: the headline or saved article there when it is the same
        story (a page may declare its section's address). Else `url` itself. `listed`: the
        feeds' entries by key (read here when needed, when not given); `batch`: an import's
        saves, read and changed in the store's place."""
        if article.incomplete:
            return url  # its later pages are kept under its own address
        key = article_key(url)
        saved = batch.records if batch is not None else self.store.saved()
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
                if batch is not None:
                    batch.unsave(url)
                else:
                    self.store.set_saved(url, False)
            listing = by_key[0] if by_key else self.entries_by_key()
            if key not in listing and self.store.has_article(link):
                # The story's copy is the one kept: the link's own was a second story in
                # searches and exports, unread and unsaved (acc33a A12).
                self.store.forget_article(url)
        return story
