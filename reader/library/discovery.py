"""`add`: an address subscribed to, its feed found first when it is a web page's (`discovery`).

The address is fetched before anything is subscribed: a feed (or an address that can't be
reached now: offline, the site down) is subscribed to and its first answer read, as `add` always
did; a web page is not a feed and is never subscribed to, nor is a file (a PDF, a picture). Its feeds are looked for instead: the
ones it names, else a few well-known addresses on its site; the one plainly its main feed is
subscribed to, and when it names several the reader is told them to choose. No subscription is
removed or replaced on the way, so a search that finds nothing leaves the library as it was.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from typing import Literal
from urllib.parse import urljoin

from ..discovery import (
    SITEMAP_PATHS,
    WELL_KNOWN_PATHS,
    main_feed,
    page_feeds,
    sitemap_lines,
    web_page_answer,
)
from ..errors import NoAnswer
from ..feed_names import undecided
from ..login_page import login_page_elsewhere
from ..models import UNREACHABLE, ErrorKind, FetchError, Response, StoreError
from ..pictures import page_sent
from ..portal import page_print
from ..reports import Added
from ..safe import safe_line
from ..sitemap_feed import is_sitemap
from ..sniff import feed_type, file_kind, html_title, is_html_document
from ..url_display import line_url
from ..urls import canonical_url, from_feed_scheme, is_web_url, not_web_url, password_apart
from .sync import LibrarySync

_SENT_ON = 3
"""Pages that only send the browser on followed, one after another, looking for a feed."""


class LibraryDiscovery(LibrarySync):
    """A `Library`'s `add`."""

    async def add(self, url: str, name: str = "", keep: bool = False) -> Added:
        """Subscribe to the feed at `url`, or to the one found on the web page at `url`, and
        fetch it; with `name`, the user's name for it, shown over its own title (the feed
        subscribed already is renamed so). Raises FetchError(BAD_URL) for an address that is
        not a web one; a feed: address (a "subscribe" button's) is read as the web one. An
        address where nothing answered at all (`_nothing_there`) is subscribed only with
        `keep`; one that may answer later (a time-out, a server's error) always is."""
        added = await self._add_address(from_feed_scheme(url), name, keep)
        if added.url and added.result is not None:
            # Its first headlines, merged after the subscription was noted: a reader open in
            # another window reads them in (`changed_at`), not an empty feed until restarted.
            with suppress(StoreError):
                self.store.note_changed()
        return added

    async def _add_address(self, url: str, name: str, keep: bool = False) -> Added:
        if not is_web_url(url):
            raise FetchError(ErrorKind.BAD_URL, not_web_url(url), url)
        if known := self._subscribed(url):
            if changed := await self._new_password(known, url):
                return self._named(changed, name)
            added = self._named(await self._again(known, name), name)
            feed = self.store.feed(known)
            if feed is not None and feed.moved_to and canonical_url(known) != canonical_url(url):
                added = replace(added, moved_to=feed.moved_to)
            return added
        fetched = await self._answer(url)
        if (
            isinstance(fetched, Response)
            and fetched.moved
            and (known := self._subscribed(fetched.moved))
        ):
            # An old address of a feed subscribed already, moved there for good: that feed,
            # not a second subscription listing each headline twice (acc50b B9).
            added = self._named(await self._again(known, name), name)
            return replace(added, moved_from=url)
        if not keep and isinstance(fetched, FetchError) and _nothing_there(fetched):
            # A typo's signature (a host misspelt, https for http, a port): subscribed, it
            # was a "!" row failing at every sync, never once read (acc44a A1).
            return Added("", nothing_answered=fetched)
        if not keep and isinstance(fetched, FetchError) and page_sent(fetched.sent_as):
            # Sent as a web page and failed as it came (a decompression bomb, a page dripping
            # for ever): no feed, as a page read whole is none; it was subscribed, failing at
            # every sync (acc50a A10).
            sent = safe_line(fetched.sent_as, 60)
            message = (
                f"{line_url(url)} answered with a web page (sent as {sent}), not a feed, and it"
                f" failed as it came: {fetched.message}; not subscribed"
            )
            raise replace(fetched, message=message)
        if isinstance(fetched, FetchError) and (
            fetched.status in (404, 410)
            or (fetched.redirected and fetched.kind == ErrorKind.BAD_URL)
        ):
            # The site's own answer that nothing is there (a typo, a feed it ended): not a
            # subscription failing at every sync, as a page's dead feed link isn't (acc40b P9).
            # One the site can't answer now is subscribed, and asked again by the next sync.
            # A redirect refused (to file:, to no address) is the site's answer too: not
            # "nothing answered", with advice to check the address's spelling (acc47c C7).
            raise _answered(url, fetched)
        if isinstance(fetched, Response) and (
            what := file_kind(fetched.body, fetched.content_type)
        ):
            # A link to a PDF or a picture someone sent: never a feed, whatever it is retried.
            message = f"that address is not a feed but a file ({what}): not subscribed"
            raise FetchError(ErrorKind.NOT_HTML, message, url)
        fetched, led_to = await self._sent_on(fetched, url)
        if led_to != url and isinstance(fetched, Response) and (known := self._subscribed(led_to)):
            return self._named(await self._again(known, name), name)
        page = await self._web_page(led_to, fetched)
        if page is None:
            # A feed a shortener's page led to is subscribed at its own address: a sync
            # follows no page's refresh, and the shortener's owner would choose, at each
            # fetch, which feed the subscription is (acc32b B10: it failed from the next sync).
            return await self._subscribe(led_to, fetched, name)
        return self._named(await self._from_page(url, page, name), name)

    async def _sent_on(
        self, fetched: Response | FetchError, url: str
    ) -> tuple[Response | FetchError, str]:
        """`fetched` (of `url`), or, for a page that only sends the browser on (a shortener's
        refresh, a "you are leaving this site" page), the page it leads to, up to `_SENT_ON`
        such steps, as `reader save` follows them: the shortener's "Redirecting..." was named
        and its site searched for a feed (acc31c W16). No more private than the page that led
        there. With the address it was asked at (`url`, when nothing sent it on)."""
        import asyncio

        from ..page_caching import refresh_refused, sent_on  # the first screen needs neither

        for _ in range(_SENT_ON):
            if isinstance(fetched, FetchError) or not is_html_document(fetched.body):
                return fetched, url
            if refused := await asyncio.to_thread(refresh_refused, url, fetched):
                # Refused as an HTTP redirect there is, not searched for a feed as any page
                # is: "no feed found" of a "Redirecting" stub to file: (acc50a A9).
                raise _answered(url, refused)
            target = await asyncio.to_thread(sent_on, fetched)
            if target is None:
                return fetched, url
            try:
                fetched = await self.fetch_feed(
                    target, ceiling=fetched.reach, lead="a page's refresh"
                )
            except FetchError as error:
                return error, url
            url = target
        return fetched, url

    async def _new_password(self, known: str, url: str) -> Added | None:
        """The subscription `known` given the other password `url` holds (the site's changed,
        or the first was mistyped) and fetched with it, its headlines and marks kept (acc51a
        A4: `add` said "already subscribed" and kept the old one, and `remove` lost them);
        None when `url` gives no password, or the one it is fetched with."""
        feed = self.store.feed(known)
        if feed is None or (password := feed.new_password(url)) is None:
            return None
        self.store.give_password(known, password)
        result = await self.refresh_feed(known)
        return Added(known, result, already=True, password_changed=True)

    def _named(self, added: Added, name: str) -> Added:
        """`added`, the feed it found subscribed already given the user's `name` (if any)."""
        if name and added.already and added.url:
            self.rename_feed(added.url, name)
        return added

    async def _again(self, url: str, name: str) -> Added:
        """`add` of the subscription `url`. One never read (an OPML file's outline, imported
        unfetched, that a sync found to be a web page) is asked again: a web page's feed found
        is subscribed to in its place, the page's subscription dropped (it holds nothing)."""
        if not self._never_read(url):
            return Added(url, already=True)
        # A name it was given (newsboat's "~Name") goes to the feed found; an OPML file's one
        # name for it may be a copy of the page's title, which the feed's own then replaces.
        if not name and (page_feed := self.store.feed(url)) and not undecided(page_feed):
            name = page_feed.name
        fetched = await self._answer(url)
        page = await self._web_page(url, fetched)
        if page is None:
            return Added(url, await self.refresh_feed(url, fetched), already=True)
        added = await self._from_page(url, page, name)
        if not added.url:
            return replace(added, already=True)  # the page's subscription stays as it was
        if self._never_read(url):
            self.remove_feed(url)
            return replace(added, replaced=url)
        return added

    def _never_read(self, url: str) -> bool:
        feed = self.store.feed(url)
        return feed is not None and feed.last_success is None and not self.store.entries(url)

    def _subscribed(self, url: str) -> str:
        """The subscription `url` names in any spelling (`urls.canonical_url`), "" for none."""
        known = self.subscription_url(url)
        return known if known in self.store.feed_urls() else ""

    async def _answer(self, url: str, led_by: Response | None = None) -> Response | FetchError:
        """The feed at `url`, or why not; `led_by`, the page that named it: it may lead no
        more private than it is, as a redirect may not (a public page's feed link to
        127.0.0.1 is refused, acc28a H7)."""
        try:
            if led_by is None:
                return await self.fetch_feed(url)
            return await self.fetch_feed(url, ceiling=led_by.reach, lead="a page's feed link")
        except FetchError as error:
            return error

    async def _web_page(self, url: str, fetched: Response | FetchError) -> Response | None:
        """`fetched` when it is a web page whose feeds are to be looked for; None for a feed,
        a failure, and a network's login page sent from elsewhere (its own message says so
        when the feed is read: `LibraryFeedRefresh._refresh_feed`)."""
        import asyncio

        if isinstance(fetched, FetchError) or not is_html_document(fetched.body):
            return None
        seen = await asyncio.to_thread(page_print, fetched.body)
        if seen is not None and self._portal.title(seen[0]) is not None:
            return None  # a login page found answering for every address: not a site's page
        elsewhere = await asyncio.to_thread(
            login_page_elsewhere, url, fetched.url, fetched.body, fetched.charset
        )
        return None if elsewhere else fetched

    async def _subscribe(self, url: str, fetched: Response | FetchError, name: str) -> Added:
        self.add_feed(url, name=name)
        url = password_apart(url)[0]  # as `Store.add_feed` keeps it
        return Added(url, await self.refresh_feed(url, fetched))

    async def _from_page(self, url: str, page: Response, name: str) -> Added:
        # A page read as any other (`page_reads`): under the time limit of one.
        read = await self._cpu_within_time(page_feeds, page.body, page.url, page.charset)
        found = read.links
        told = Added(
            "",
            page=url,
            page_title=safe_line(html_title(page.body), 80),
            feeds=found,
            article_page=read.article,
        )
        if found:
            chosen = main_feed(found)
            if chosen is None:
                return told  # the reader chooses
            if known := self._subscribed(chosen.url):
                return replace(told, url=known, already=True, found_at="link")
            feed_url, fetched = chosen.url, await self._answer(chosen.url, page)
            told = replace(told, found_at="link")
            if isinstance(fetched, FetchError) and fetched.kind == ErrorKind.BAD_URL:
                # Not subscribed: the user typed the page's address, not that one.
                message = f"{fetched.message} (reader add it yourself if you mean it)"
                return replace(told, error=replace(fetched, message=message))
            if isinstance(fetched, FetchError) and not _site_not_answering(fetched):
                # The page's feed link is dead (404, 410, 403): a subscription the user never
                # typed, failing at every sync. One the site can't answer now is kept, as ever.
                message = f"{line_url(feed_url)} answered: {fetched.message}"
                return replace(told, error=replace(fetched, message=message))
        elif read.consent_wall:
            # A consent wall a redirect landed on (consent.youtube.com's "Before you
            # continue"): its host is no site of the feed's, nor is its page an article.
            return replace(told, consent_wall=True)
        else:
            found_at: Literal["anchor", "path", "sitemap"] = "anchor"
            probed = await self._probe(page, read.anchors, linked=True)
            if probed is None:
                found_at = "path"
                probed = await self._probe(page, WELL_KNOWN_PATHS)
            if probed is None:
                # No feed at all: a sitemap, which search engines are given, read as one.
                probed, found_at = await self._sitemap(page), "sitemap"
            if isinstance(probed, FetchError):
                return replace(told, unanswered=probed)
            if probed is None:
                return told
            feed_url, fetched = probed
            told = replace(told, found_at=found_at)
            # Known before it was asked, or once there (a redirect's target subscribed to).
            known = self._subscribed(feed_url)
            if known or fetched is None:
                return replace(told, url=known or feed_url, already=True)
        if isinstance(fetched, Response) and is_html_document(fetched.body):
            # Named as its feed, but a web page too: looked no further (a page naming another
            # as its feed, and that one another, would be followed as far as it liked).
            answer = web_page_answer(html_title(fetched.body))
            message = f"at {line_url(feed_url)} {answer} either"
            return replace(told, error=FetchError(ErrorKind.BAD_FEED, message, feed_url))
        return replace(await self._subscribe(feed_url, fetched, name), **_page_of(told))

    async def _probe(
        self, page: Response, paths: tuple[str, ...], linked: bool = False
    ) -> tuple[str, Response | None] | FetchError | None:
        """The first of `paths` (`WELL_KNOWN_PATHS`, or the feed links of the page's body:
        `PageFeeds.anchors`) on the page's site that answers with a feed: where it was (after
        redirects: /feed is often sent on to /feed/) and its answer, None for one subscribed
        to already (not asked again). Stops at the first address the site doesn't answer at
        all (the others would wait as long): its failure. None when none is a feed. `linked`:
        the page's own links, which may lead no more private than it is (`_answer`)."""
        page_url = page.url
        for path in paths:
            address = urljoin(page_url, path)
            if canonical_url(address) == canonical_url(page_url):
                continue
            if known := self._subscribed(address):
                return known, None
            fetched = await self._answer(address, page if linked else None)
            if isinstance(fetched, FetchError):
                if _site_not_answering(fetched):
                    return fetched
                continue
            if feed_type(fetched.body) is not None:
                return fetched.url, fetched
        return None

    async def _sitemap(self, page: Response) -> tuple[str, Response | None] | FetchError | None:
        """The first sitemap of the page's site that is a list of pages (`sitemap_feed`), as
        `_probe` gives a feed: those its robots.txt names (`SITEMAP_LINES` at most, on the
        site's own host), then `SITEMAP_PATHS`; a news sitemap first (its pages have
        headlines, and are the newest)."""
        import asyncio

        robots = await self._answer(urljoin(page.url, "/robots.txt"), page)
        if isinstance(robots, FetchError) and _site_not_answering(robots):
            return robots
        named = [] if isinstance(robots, FetchError) else sitemap_lines(robots.body, page.url)
        wanted = dict.fromkeys(
            canonical_url(a) for a in [*named, *(urljoin(page.url, p) for p in SITEMAP_PATHS)]
        )
        for address in sorted(wanted, key=lambda a: "news" not in a.lower()):
            if known := self._subscribed(address):
                return known, None
            fetched = await self._answer(address, page)
            if isinstance(fetched, FetchError):
                if _site_not_answering(fetched):
                    return fetched
                continue
            if await asyncio.to_thread(is_sitemap, fetched.body):
                return fetched.url, fetched
        return None


def _site_not_answering(error: FetchError) -> bool:
    """The site is down, overloaded (502, 503, 504: what the fetcher tries again), asking to
    wait (429) or out of reach: asking it at another address would wait as long. A 404 or a 500
    is only that address."""
    return error.kind in UNREACHABLE or error.retryable or error.status == 429


def _page_of(told: Added) -> dict[str, object]:
    """What `told` says of the page the feed was found on."""
    return {
        "page": told.page,
        "page_title": told.page_title,
        "found_at": told.found_at,
        "feeds": told.feeds,
        "article_page": told.article_page,
    }


def _nothing_there(failure: FetchError) -> bool:
    """Nothing answered at the address: no such host, no server at its port, no https spoken
    there (or no network to ask it on). A time-out, a connection broken off or a server's
    error may pass; these are most often the address mistyped."""
    if failure.redirected:
        return False  # the address answered, with a redirect
    return failure.kind == ErrorKind.BAD_URL or failure.no_answer in (
        NoAnswer.NO_HOST,
        NoAnswer.REFUSED,
        NoAnswer.NOT_ASKED,
    )


def _answered(url: str, refusal: FetchError) -> FetchError:
    """`refusal`, the site's answer at `url` that no feed is there, said as `add`'s one line."""
    return replace(refusal, message=f"{line_url(url)} answered: {refusal.message}; not subscribed")
