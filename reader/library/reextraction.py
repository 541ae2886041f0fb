"""Articles extracted again, offline, from the pages kept: all of them after an upgrade or a new
site rule (`reader reextract`), or one cached by an older extractor as it is opened."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import datetime

from ..article_sources import read_from
from ..config import site_rule_for
from ..extractor_version import EXTRACTOR
from ..keys import article_key
from ..models import Article, Entry, ErrorKind, FetchError, StoreError
from .failures import _storage_as_fetch_error, _unexpected_as_fetch_error
from .pruning import LibraryPruning
from .resources import _link, _now

_AT_ONCE = 8
"""Articles re-extracted at once: enough to keep the worker processes busy."""


@dataclass
class Reextracted:
    """How far a `reextract` went: of `total` articles, `done` re-extracted, `current` left as
    they were (made by this extractor already), and the `failures`."""

    total: int = 0
    done: int = 0
    current: int = 0
    failures: list[tuple[str, FetchError]] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.done + self.current + len(self.failures)


class LibraryReextraction(LibraryPruning):
    """A `Library`'s cached articles, extracted again from their kept pages."""

    # -- extraction again ----------------------------------------------------------------------
    async def reextract(
        self,
        targets: list[Entry | str] | None = None,
        shrunk: list[tuple[str, int, int, str]] | None = None,
        progress: Callable[[Reextracted], None] | None = None,
        outdated: bool = False,
    ) -> Reextracted:
        """Re-run extraction on cached raw pages (all of them when `targets` is None), offline;
        with `outdated`, only those an older extractor made (what an upgrade calls for: a run
        stopped midway and run again carries on with the rest).

        Returns how far it went (`Reextracted`; `progress` hears it after each article). Each
        article that came out with under half its words (a site rule that drops too much, or
        a better extractor leaving the page's junk out) is added to `shrunk`, as (its address,
        words before, words now, what they count: `Article.count_unit`, characters for Chinese
        and Japanese): the user is told of it, and its kept page still holds it all.
        A few at a time (`_AT_ONCE`), not all: 12,000 at once held 350 MB of pages and articles.
        """
        import asyncio

        if targets is None:
            urls = [a.key for a in self.store.cached_articles()]
        else:
            urls = [_link(t) for t in targets]
        state = Reextracted(total=len(urls))
        queue = iter(urls)

        async def one(url: str) -> None:
            old = self.store.article(url) if shrunk is not None or outdated else None
            if outdated and old is not None and old.extractor == EXTRACTOR:
                state.current += 1
                return
            try:
                with _unexpected_as_fetch_error(url):
                    new = await self._reextract_one(url, old)
            except FetchError as error:
                state.failures.append((url, error))
            else:
                state.done += 1
                if shrunk is not None and old is not None and new.word_count * 2 < old.word_count:
                    shrunk.append((url, old.word_count, new.word_count, old.count_unit))

        async def take() -> None:
            for url in queue:
                await one(url)
                if progress:
                    progress(state)

        await asyncio.gather(*(take() for _ in range(_AT_ONCE)))
        return state

    async def _reextract_one(
        self, url: str, old: Article | None = None, fetched_at: datetime | None = None
    ) -> Article:
        """Extract the kept raw page of `url` again and cache the result; raises FetchError.

        An article whose new extraction fails keeps its old text, except a page now known not
        to be one (an image a server called text/html, cached as mojibake before such bodies
        were refused): that "article" is dropped and the link remembered as no article page,
        as a fetch would have."""
        from ..charset_labels import charset_from_content_type
        from ..page_reextraction import reextracted

        raw = self.store.raw_page(url)
        if raw is None:
            if reason := self.store.not_an_article(url):  # a PDF, an image: said as a fetch says it
                raise FetchError(ErrorKind.NOT_HTML, reason, url)
            raise FetchError(ErrorKind.NOT_CACHED, "no raw page kept for it", url)
        body, content_type = raw
        old = old or self.store.article(url)
        page_url = read_from(old, url)
        try:
            charset = charset_from_content_type(content_type)
            rule = site_rule_for(self.site_rules, page_url)
            fallback = self.store.fallback_html(url)
            later = [
                (at, page, charset_from_content_type(kind), site_rule_for(self.site_rules, at))
                for at, page, kind in self.store.later_pages(url)
            ]
            # Extraction, and the extractor's import, in a worker: never on the event loop.
            article = await self._cpu_within_time(
                reextracted, body, page_url, charset, fallback, rule, later, old
            )
            article = replace(article, fetched_at=old.fetched_at if old else fetched_at or _now())
            if old is not None:
                # What the fetches found, not what the page's words say: no extraction's to
                # say again (acc48d: when it was last checked the same, and a retraction found
                # against the copy before, were dropped). Another app's copy (its kept page is
                # that app's HTML) stays said to be one; the times a cache said it made the
                # page, its clock's time.
                article = replace(
                    article,
                    kept_by=old.kept_by,
                    served_at=old.served_at,
                    made_at=old.made_at,
                    checked_at=old.checked_at,
                    retracted=old.retracted,
                    retracted_by_feed=old.retracted_by_feed,
                )
            with _storage_as_fetch_error(url):
                self.store.put_article(url, article)
        except FetchError as error:
            if error.kind == ErrorKind.NOT_HTML:
                with suppress(StoreError):
                    self.store.delete_article(article_key(url))
                    self.store.mark_not_an_article(url, error.message)
            elif error.kind == ErrorKind.CONSENT_WALL and not self.is_saved(url):
                # The wall's text was cached as the article before walls were known: it goes,
                # so the next sync fetches the page again. A saved one is the reader's to drop.
                with suppress(StoreError):
                    self.store.delete_article(article_key(url))
            raise
        return article

    async def _upgraded(self, url: str, cached: Article) -> Article:
        """`cached`, extracted again from its kept page because an older extractor made it: an
        upgrade of reader improves what was synced before it, offline. Kept as it was when
        that fails (no raw page was kept, the page no longer extracts), unless the page turns
        out to be no article at all (a PDF, a cookie-consent wall)."""
        try:
            with _unexpected_as_fetch_error(url):
                return await self._reextract_one(url, cached)
        except FetchError as error:
            gone = error.kind in (ErrorKind.NOT_HTML, ErrorKind.CONSENT_WALL)
            if gone and self.store.article(url) is None:
                raise
        # The best this version can give is the old text: don't try again at each opening.
        kept = replace(cached, extractor=EXTRACTOR)
        with suppress(StoreError):
            self.store.put_article(url, kept)
        return kept
