"""One page downloaded and read by a worker (extracted and cached, or whatever the step asks),
with the watch for a Wi-Fi login page answering in every page's place: what each page of an
article, its AMP or one-page version, goes through. A layer of its own under `downloads`, which
decides which pages an article is read from, because this is the same for every page.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from ..config import site_rule_for
from ..keys import article_key
from ..models import Entry, Response, StoreError
from ..portal import SITE_PAGE_KEPT, Answer, portal_error, relates
from ..urls import canonical_url, without_tracking_parameters
from .failures import _storage_as_fetch_error
from .leads import CEILING
from .reextraction import LibraryReextraction

if TYPE_CHECKING:
    from ..page_caching import Extracted
    from ..page_handover import HandedOver

# `page_caching` and `page_handover` are imported as a page is read, not here: the reader's
# first screen reads none, and its start imported them (and `shutil`, `tempfile` under them)
# for this layer of `Library` (`tests/test_first_frame.py`).


class LibraryPageReads(LibraryReextraction):
    """A `Library`'s pages, each downloaded, read off the event loop and watched for a login
    page's."""

    async def _fetched(
        self,
        url: str,
        target: str,
        step: Callable[..., Extracted],
        *extra: Any,
        lead: str = "a link",
        leads_on: bool = True,
        validators: tuple[str | None, str | None] | None = None,
        asking: str = "",
    ) -> tuple[Extracted, str]:
        """`target` downloaded and read by the worker `step`, which caches what it reads
        under `url`: what it made of the page, and the address the page came from. A page
        known for a Wi-Fi login page's (`portal`) is not read: FetchError(PORTAL). A page to
        sign in or accept terms (`login_page`) is not cached: FetchError(SIGN_IN).

        `lead` says what led to `target` ("a page's refresh"), refused when it leads to a more
        private address than the download's ceiling (`leads`); the page's own sets the ceiling
        of what it leads to, unless nothing is followed from it (not `leads_on`: an AMP or
        one-page version, read in place of the pages).

        `validators`, the ETag and Last-Modified the page last came with (None, None when
        none were kept), ask "changed since?": a 304 is Extracted(not_modified=True), nothing
        read. A live blog's first page (asked so, or read as one) keeps those it comes with
        now, for the next such question; other pages' are not written at all.

        `target` is asked without its tracking parameters, or as `asking` gives it in its place
        (a headline's link past its click tracker, `urls.page_asked`; a page's refresh back to
        an address asked clean already, `urls.untracked_hop`)."""
        # The body comes still compressed: the worker inflates it once, checks it, takes the
        # fingerprint a login page is told by, and reads it (all CPU work, off the loop a TUI
        # draws from). Workers started on demand start as the download connects, their imports
        # beside the rest of it: not for a fetch ahead where nothing answers (the reader opened
        # on a plane), nor a page refused at once.
        from ..page_caching import Extracted, extract_for_cache, read_page
        from ..page_handover import hand_over, release

        # Asked for without the tracking parameters a link carries: they say who read it, not
        # which page (`without_tracking_parameters`); cached under `url` as ever.
        asked = asking or without_tracking_parameters(target)
        etag, modified = validators or (None, None)
        with self.workers_at_first_connection(feeds=False):
            response = await self.fetcher.get(
                asked,
                decode=False,
                ceiling=CEILING.get(),
                lead=lead,
                etag=etag,
                last_modified=modified,
            )
        if response.not_modified:
            return Extracted(not_modified=True), response.url
        if canonical_url(url) in self._inflight:
            self._pages_in.add(canonical_url(url))  # cached from here on: not given up
        if leads_on:
            CEILING.set(response.reach)
        # Caching the page clears why the article had failed: put back if it is taken out.
        failed_before = (self.store.last_failure(url) or "") if step is extract_for_cache else ""
        # A big page goes to a worker process by a file, its body let go of here (a 50 MB
        # PDF was held twice by the loop's process: the body and its pickle).
        sent: Response | HandedOver = response
        if self.cpu.pages_in_processes:
            response, sent = await hand_over(response, self.data_dir)
        try:
            with _storage_as_fetch_error(url):
                if self.cpu.pages_in_processes and self.store.upgrades_at_write:
                    # The worker writes the page, to a store it opens not to upgrade: the
                    # directory, read as it is until a write, upgraded here for it.
                    self.store.check_writable()
                result = await self._cpu_within_time(
                    read_page,
                    step,
                    self._portal.known(),
                    url,
                    sent,
                    self.limits,
                    site_rule_for(self.site_rules, response.url),
                    self._worker_store,
                    *extra,
                )
        finally:
            release(sent)
        del sent
        live = result.article is not None and result.article.live
        if target == url and (validators is not None or live):
            import asyncio  # here: `reader list` and `feeds` read no page (test_start_imports)

            with suppress(StoreError):  # only the next question is asked whole
                await asyncio.to_thread(
                    self.store.keep_page_validators, url, response.etag, response.last_modified
                )
        seen = result.seen
        first = seen is not None and step is extract_for_cache
        if result.sign_in is not None:
            # Nothing cached; but one page to sign in answering for others (a feed, another
            # article at an address of its own) is the network's (`portal`).
            if seen is not None:
                asked, ended = canonical_url(target), canonical_url(response.url)
                answer = Answer(asked, ended, False, unrelated=True, said=result.sign_in.message)
                self._watch_for_portal(seen, answer)
            raise result.sign_in
        if result.login_page:
            # Known alone (nothing cached): its page is refused from now on, as one told by
            # answering for others is.
            title = seen[1] if seen is not None else ""
            answer = Answer(canonical_url(target), canonical_url(response.url), False)
            self._watch_for_portal(seen or (b"", title), answer, login_page=True)
        # An article's first page, read as the article (not a cookie wall's, not a page that
        # sends the browser on): the one a login page gives itself away by, with another's.
        if first and seen is not None and result.article is not None:
            # Known for a login page or not (it may have become known while the worker read
            # it): the watch takes out what was cached from it.
            entry = extra[0] if extra and isinstance(extra[0], Entry) else None
            related = entry is not None and relates(entry.title, result.article.title)
            answer = Answer(
                canonical_url(target),
                canonical_url(response.url),
                False,
                url,
                entry is not None and not related,
                failed_before,
                headlined=related,
                listed_by=entry.feed_url if entry is not None else "",
            )
            self._watch_for_portal(seen, answer)
        elif seen is not None and (title := self._portal.title(seen[0])) is not None:
            raise portal_error(title, url)  # not read (`read_page`), or no article of it
        elif seen is not None and step is extract_for_cache and result == Extracted(seen=seen):
            # Not read: a login page's, known for one when it was handed to the worker, the
            # verdict withdrawn since (another download found it a site's own sign-in page).
            # Said as the worker took it, the next sync reading it afresh: it went on with
            # nothing read and failed "an error the reader did not foresee (AssertionError)"
            # (acc50c C3, pages sharing one title across sections).
            raise portal_error(seen[1], url)
        return result, response.url

    def _watch_for_portal(
        self, seen: tuple[bytes, str], answer: Answer, login_page: bool = False
    ) -> None:
        """Record that the web page `seen` (its fingerprint and title) came as `answer`;
        when that shows it for a login page answering in every page's place (`portal`), or it
        is known for one (`login_page`), take out the articles cached from it (those before,
        and `answer`'s, just cached) and raise FetchError(PORTAL)."""
        print_, title = seen
        new = self._portal.title(print_) is None
        taken = self._portal.answered(print_, answer, title, login_page)
        if cleared := self._portal.cleared_prints:
            # Found a site's (a publisher group's sign-in page): not named the network's by
            # the runs of the next minutes either.
            with suppress(StoreError):
                self.store.forget_portals([p.hex() for p in cleared])
            cleared.clear()
        if found := self._portal.site_pages_found:
            with suppress(StoreError):  # for the next syncs, which ask for the walled alone
                self.store.remember_site_pages([p.hex() for p in found], SITE_PAGE_KEPT)
            found.clear()
        if taken is None:
            return
        if new and print_:
            with suppress(StoreError):  # for the runs of the next minutes (`recall`)
                self.store.remember_portal(print_.hex(), title, self._portal.window)
        for each in (*taken, answer):
            if each.article:
                self._take_back(each.article, each.failed_before)
        raise portal_error(self._portal.title(print_) or title, answer.asked)

    def _take_back(self, link: str, failed_before: str = "") -> None:
        """Take out the article cached under `link` from a login page: it was never the
        article (why it had failed before, `failed_before`, is put back). A saved one is the
        reader's to drop."""
        if not self.is_saved(link):
            with suppress(StoreError):
                self.store.delete_article(article_key(link))
                if failed_before:
                    self.store.mark_failed(link, failed_before)
