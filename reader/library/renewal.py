"""A cached article's page asked for again: by a sync, its feed saying the story changed, or
by the reader wanting the current copy now (`reader show --refresh`, R in the article). A
changed text replaces the copy, which is kept as an earlier version (`renew_for_cache`); a
page the site now answers with 404 or 410 leaves the copy as it is, recorded as taken down
(`Store.mark_gone`) until the page answers again. What changed between two copies kept is
told by `copy_changes`."""

from __future__ import annotations

import time
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal

from ..citation import moment_text
from ..gone import said_gone, taken_down
from ..models import Article, Entry, ErrorKind, FetchError, StoreError
from ..safe import safe_line
from ..urls import canonical_url
from .downloads import _NEXT_PAGE
from .failures import _may_come_later, _unexpected_as_fetch_error
from .leads import start_download
from .resources import _link
from .stored import StoredLibrary

if TYPE_CHECKING:
    from ..copy_changes import CopyChanges
    from ..page_caching import Extracted

Outcome = Literal["changed", "unchanged", "kept", "gone", "failed", "completed"]

REFUSALS = frozenset({ErrorKind.SIGN_IN, ErrorKind.EXTRACTION})
"""The failures of a cached story's page fetched again that are the page's own answer, not
the network's: a page to sign in, one with no article text in the story's place. The copy stays,
and the refusal is kept (`Store.note_refused`) and said as a page giving less is."""


@dataclass(frozen=True)
class Renewal:
    """What asking again for a cached article's page found."""

    outcome: Outcome
    """changed: the page's text differs, the copy before kept as an earlier version;
    unchanged: the same text, the copy kept as retrieved, checked now (`checked_at`); kept: a page came that is not
    taken for the copy (another page, a login page, one for subscribers, the first of several
    pages), the copy left as it was; gone: the site answered 404 or 410, the copy kept and
    marked taken down; failed: no answer of the site's (offline, a timeout, a server error);
    completed: the copy was missing pages, and those came (read on from the last kept)."""
    before: datetime | None = None
    """When the copy asked about was retrieved."""
    error: FetchError | None = None
    """The answer or failure, for "gone" and "failed"."""
    article: Article | None = None
    """The latest copy after it, as the cache gives it (its versions numbered): for
    `refresh_article`."""
    refused: str = ""
    """Why the page that came is not taken for the copy, when that was judged
    (`Extracted.refused`): "kept"'s reason, said rather than guessed at."""
    dropped: tuple[str, ...] = ()
    """The earlier copies the cap on copies kept dropped to keep this one, said a line each as
    the sync says them (`Store.copies_dropped`)."""
    ended: tuple[tuple[str, str], ...] = ()
    """The retractions and takedowns this fetch found ended, as the sync's lines head and say
    them (`ended_since`)."""

    @property
    def failure(self) -> FetchError | None:
        """The failure it came to ("failed": no answer, or one that may pass), else None."""
        return self.error if self.outcome == "failed" else None

    def said(self, in_reader: bool = False, copies_key: str | None = "V") -> str:
        """What came of it in a line (`refresh_article`'s): the article's title, then what
        became of the copy it had; `in_reader`: the reading view's words, naming the key that
        shows the copies kept as `copies_key` (the user's `[keys]` may move it; None: none
        does)."""
        article = self.article
        title = safe_line(article.title or article.url, 60) if article else ""
        before = f"the copy retrieved {moment_text(self.before)}"
        if self.outcome == "changed":
            times = article.versions[:-1] if article else ()
            number = next((n for n, at in enumerate(times, 1) if at == self.before), 1)
            how = f"reader show --version {number} prints it"
            if in_reader:
                how = f"{copies_key} shows it" if copies_key else ""
            said = f"changed since {before}: kept as copy {number}" + (f" ({how})" if how else "")
            if times and self.before not in times:
                # Dropped at once as saying what an earlier copy kept says (`_one_less`): it
                # was said "kept as copy 3", the number of another copy.
                said = f"changed since {before}, not kept again: an earlier copy kept says the same"
        elif self.outcome == "unchanged":
            said = f"unchanged since {before}"
        elif self.outcome == "completed":
            said = "the pages missing came: the article is whole now"
        elif self.outcome == "gone":
            why = self.error.message if self.error else "the story is not there"
            said = f"taken down: {why}; {before} is kept"
        elif self.error is not None:  # a later page, named (acc28c C7)
            said = f"fetched again, but {self.error.message}: {before} stays"
        elif self.refused:
            said = f"fetched again, but not taken for the article: {self.refused}; {before} stays"
        else:
            said = (
                "fetched again, but what came is not taken for the article (another page, a page "
                f"to sign in, only the start of it, or more pages than reader reads of one): "
                f"{before} stays"
            )
        return f"{title}: {said}" if title else said


class LibraryRenewal(StoredLibrary):
    """A `Library`'s cached articles fetched again."""

    async def _renew(self, entry: Entry, conditional: bool = False) -> Renewal:
        """`entry`'s cached article fetched again (`renew_for_cache`): "changed" when the
        copy was replaced by a changed text, kept as an earlier version; "gone" when the site
        says the story is not there, the copy kept and the answer recorded; else "kept"
        ("unchanged" is told apart by `refresh_article`) or "failed". A failure, a login
        page, a page that is no longer the story leave the copy as it was: nothing cached is
        lost. `conditional`: asked with the validators its page last came with (a live
        blog's, by a sync), a 304 "unchanged"."""
        import asyncio

        from ..page_caching import renew_for_cache

        validators = None
        if conditional:
            validators = (None, None)
            with suppress(StoreError):
                validators = await asyncio.to_thread(self.store.page_validators, entry.link)
        try:
            # An address the user gave (no feed) may lead anywhere, as `reader show URL` does.
            await start_download(
                self.store,
                self._feed_reaches,
                entry if entry.feed_url else None,
                self.fetcher.routes,
            )
            with _unexpected_as_fetch_error(entry.link):
                result, _ = await self._first_page(entry.link, entry, renew_for_cache, validators)
                if result.not_modified:
                    with suppress(StoreError):  # only the time of the check is lost
                        await asyncio.to_thread(
                            self.store.mark_checked, entry.link, datetime.now(UTC)
                        )
                    return Renewal("unchanged")
                if result.staged is not None:
                    result = await self._renew_pages(entry, result)
        except FetchError as error:  # too many redirects among them
            if not taken_down(error):
                if error.kind in REFUSALS:  # the page changed, and is not the story
                    await self._note_renewal_refused(entry.link, error.message)
                return Renewal("failed", error=error)
            try:
                copy = await asyncio.to_thread(self.store.article_heading, entry.link)
                await asyncio.to_thread(self.store.mark_gone, entry.link, *said_gone(error))
            except StoreError:
                return Renewal("failed", error=error)
            return Renewal("gone", copy.fetched_at if copy else None, error)
        if result.article is not None:
            # A changed text may show other pictures: those not kept yet are fetched.
            self.keep_pictures_later(entry.link, result.article)
        outcome = "changed" if result.article is not None else "kept"
        if result.refused:
            await self._note_renewal_refused(entry.link, result.refused)
        return Renewal(outcome, error=result.failed, refused=result.refused)

    async def _note_renewal_refused(self, url: str, why: str) -> None:
        """Keep that `url`'s page, fetched again, was not taken for its copy, and why, for the
        copy's notes to say (`Store.note_refused`): said once by the sync, it was forgotten."""
        import asyncio

        with suppress(StoreError):  # the copy stays as it was: only the word of it is lost
            await asyncio.to_thread(self.store.note_refused, url, why)

    async def _renew_pages(self, entry: Entry, first: Extracted) -> Extracted:
        """An article over several pages read again from `first`, its first page's reading:
        each later page fetched and added (`renewal_page`), up to `max_article_pages`, then
        the whole cached in place of the copy (kept as an earlier version when its text
        changed), as `renew_for_cache` does with one page. A page that fails for a reason
        that may pass raises, the copy left whole; one that fails for good (a 404) leaves the
        copy as it was, its `failed` naming the page, and so does an article that runs on past
        the cap (Extracted()). A page of another article ends the article there, as in a first
        download."""
        import asyncio

        from ..page_caching import Extracted, renewal_page

        url, staged, next_page = entry.link, first.staged, first.next_page
        assert staged is not None
        seen, later = {canonical_url(url)}, []
        while next_page and canonical_url(next_page) not in seen:
            if len(seen) >= self.limits.max_article_pages:
                return Extracted()
            seen.add(canonical_url(next_page))
            try:
                step, page_url = await self._fetched(
                    url, next_page, renewal_page, staged, lead=_NEXT_PAGE
                )
            except FetchError as error:
                if _may_come_later(error):
                    raise
                # A pager that leads to nothing now (a 404): a site being changed, whose copy
                # is not cut short on its word.
                page = len(seen)
                why = f"page {page} ({next_page}) answered {error.message}"
                return Extracted(failed=replace(error, message=why))
            if step.packed:
                later.append((page_url, step.packed))
            staged, next_page = step.staged or staged, step.next_page
        fallback_html = await asyncio.to_thread(self.store.feed_html, entry)
        changed = await asyncio.to_thread(
            self.store.renew_article, url, staged, first.packed, fallback_html, later
        )
        return Extracted(staged if changed else None)

    async def refresh_article(self, target: Entry | str) -> Renewal:
        """The page of `target`'s cached article asked for now, whatever its feed says (a
        correction the feed told only in a figure): what came of it, with the latest copy
        after it. Raises FetchError(NOT_CACHED) when the article is not cached (reading it
        fetches it), and the failure when the site can't be reached: the copy stays."""
        import asyncio

        url = _link(target)
        cached = await asyncio.to_thread(self.store.article_heading, url) if url else None
        if cached is None:
            raise FetchError(ErrorKind.NOT_CACHED, "not in the cache: nothing to fetch again", url)
        if cached.incomplete and not cached.incomplete_for_good:
            return await self._read_on(target, url, cached)
        # An address the user gave: the copy's own title is what the page must still have.
        entry = (
            target
            if isinstance(target, Entry)
            else Entry(id="", feed_url="", title=cached.title, link=url)
        )
        begun = time.time()
        renewal = await self._renew(entry)
        if renewal.outcome == "failed":
            assert renewal.error is not None
            raise renewal.error
        latest = await asyncio.to_thread(self.store.article, url)
        if latest is None:  # evicted meanwhile by another reader's prune
            raise FetchError(ErrorKind.NOT_CACHED, "not in the cache: evicted meanwhile", url)
        outcome = renewal.outcome
        checked = (latest.fetched_at, latest.checked_at) != (cached.fetched_at, cached.checked_at)
        if outcome == "kept" and checked:
            outcome = "unchanged"  # the same text, checked in place (`Store.renew_article`)
        if outcome == "changed":
            # A reader open on it in another window renumbers the copy it shows, as after a
            # sync (acc30a J19: `reader show --refresh` went unnoticed there).
            with suppress(StoreError):  # the copy is kept: only the word of it is lost
                await asyncio.to_thread(self.store.note_changed)
        article = await asyncio.to_thread(self._numbered, url, latest)
        dropped: list[str] = []
        if outcome == "changed":
            with suppress(StoreError):  # the copy is kept: only the word of those gone is lost
                dropped = await asyncio.to_thread(self.store.copies_dropped, url, begun)
        ended: list[tuple[str, str]] = []
        with suppress(StoreError):  # kept in the store: only the word of it is lost
            ended = await asyncio.to_thread(self.ended_since, url, begun)
        return Renewal(
            outcome,
            cached.fetched_at,
            renewal.error,
            article,
            renewal.refused,
            tuple(dropped),
            tuple(ended),
        )

    async def _read_on(self, target: Entry | str, url: str, cached: Article) -> Renewal:
        """`refresh_article` of an article cached without some of its pages: the pages
        missing read on from the last one kept, as a sync does ("completed" once all are in),
        not its first page read again and refused for being only the start (acc31c W14)."""
        import asyncio

        entry = target if isinstance(target, Entry) and target.feed_url else None
        article = await self._fetch_once(url, entry)
        if article.incomplete:
            # Still missing: what failed is said, as a sync's line says it.
            error = FetchError(ErrorKind.NETWORK, f"not all of it: {article.incomplete}", url)
            raise error
        latest = await asyncio.to_thread(self._numbered, url, article)
        with suppress(StoreError):  # a reader open elsewhere shows the whole article
            await asyncio.to_thread(self.store.note_changed)
        return Renewal("completed", cached.fetched_at, None, latest)

    def changes_since_shown(self, target: Entry | str, shown: Article) -> CopyChanges:
        """What changed from `shown`, a copy on screen dropped since from those kept
        (`Article.dropped`), to the latest, numbered as `shown`'s copies are: the reader open on
        a live blog for three syncs had `d` refused (acc48c C7). Offline always; CPU work."""
        url = self.cached_link(target)
        latest = self.store.article(url) if url else None
        if latest is None:
            raise FetchError(ErrorKind.NOT_CACHED, "not available offline: not in the cache", url)
        from ..copy_changes import changes_between

        numbered = replace(latest, versions=shown.versions, version=len(shown.versions))
        return changes_between(shown, numbered)

    def latest_holding(self, target: Entry | str, words: str) -> Article | None:
        """The latest copy of `target`'s cached article (told of its copies, as `reader show`
        has it) when its text holds `words` as they are, spacing aside: a quote read from a
        copy no longer kept cites the copy that still holds it (acc48c C7). None when it
        doesn't, or the article is not cached."""
        url = self.cached_link(target)
        latest = self.store.article(url) if url else None
        wanted = " ".join(words.split())
        if latest is None or not wanted:
            return None
        text = " ".join(" ".join(block.text for block in latest.blocks).split())
        return self._told(url, latest) if wanted in text else None

    def ended_since(self, url: str, since: float) -> list[tuple[str, str]]:
        """What a fetch of `url`'s page at or after `since` (epoch seconds) found ended: each
        retraction or withdrawal said of the story no longer said, each takedown the page
        giving the story again, as the sync's line heads ("no longer withdrawn", "back") and
        says them (`retraction_notes`)."""
        from ..retraction_notes import retraction_ended_words, takedown_ended_line

        ended = [
            (f"no longer {one.said}", retraction_ended_words(one))
            for one in self.store.retractions_ended(url)
            if one.until.timestamp() >= since
        ]
        ended += [
            ("back", takedown_ended_line(down))
            for down in self.store.takedowns_ended(url)
            if down.until.timestamp() >= since
        ]
        return ended

    def copy_changes(
        self, target: Entry | str, older: int | None = None, newer: int | None = None
    ) -> CopyChanges:
        """What changed from copy `older` (by default the one before `newer`) to copy `newer`
        (by default the latest) of `target`'s cached article, numbered as `article_version`
        numbers them. Offline always; CPU work on a long text (the reader runs it in a
        thread). Raises FetchError: NOT_CACHED when the article is not cached, NOT_FOUND for a
        copy there is none of, or when only one is kept."""
        url = self.cached_link(target)
        cached = self.store.article_heading(url) if url else None
        if cached is None:
            raise FetchError(ErrorKind.NOT_CACHED, "not available offline: not in the cache", url)
        count = len(self.store.version_times(url)) + 1
        if count == 1:
            raise FetchError(
                ErrorKind.NOT_FOUND,
                f"only one copy of this article is kept (retrieved {moment_text(cached.fetched_at)})"
                ": it has not changed since, or no sync has fetched it again",
                url,
            )
        if older == count and newer is None:
            # `reader diff ID 2` of two copies: what changed in copy 2, from the one before
            # (it said "copy 2 is the same copy twice", acc28c C6).
            older, newer = count - 1, count
        newer = count if newer is None else newer
        older = newer - 1 if older is None else older
        if older == newer:
            raise FetchError(ErrorKind.NOT_FOUND, f"copy {older} is the same copy twice", url)
        # Here, not at the top: the word-by-word comparison is `reader diff`'s and `V`'s alone,
        # and its patterns cost every other command's start-up.
        from ..copy_changes import changes_between

        return changes_between(self.article_version(url, older), self.article_version(url, newer))
