"""The reader app's list filled in feed by feed while a refresh or a sync runs, as newsboat's
fills during a reload: each feed's headlines are read from the store (in a thread) as soon as
it is in and join the list, feeds coming in together joining at once, a few times a second at
most; the empty list says what is happening meanwhile, and what came of it after."""

from __future__ import annotations

import asyncio

from ..library import Library
from ..models import Feed
from ..plural import plural
from ..reports import FeedResult, Headline, nothing_answered, unanswered_at
from .app_articles import ReaderAppArticles
from .keymap import keymap_of
from .messages import HeadlinesChanged

FILL_INTERVAL = 0.3
"""Seconds at least between two fillings of the list: the feeds that came in meanwhile join
it together (120 feeds in at once: a few fillings, not 120)."""


def _read_feeds(library: Library, urls: frozenset[str]) -> tuple[list[Feed], list[Headline]]:
    """Every feed (with its last error), and the headlines of those at `urls` (blocking)."""
    return library.feeds(), library.feeds_headlines(urls) if urls else []


def nothing_came(results: list[FeedResult], refresh_key: str | None = "r") -> str:
    """The line an empty list shows after a refresh every feed of failed, or "" (the advice
    names `refresh_key`, the refresh's key in force; None: it has none, and no advice)."""
    if not results or any(r.error is None for r in results):
        return ""
    feeds = plural(len(results), "feed")
    if nothing_answered(results):
        said = unanswered_at(results)
        if said != "No connection":  # one site's: not for the network to come back
            press = f" Press {refresh_key} to try again." if refresh_key else ""
            return f"{said}: none of the {feeds} came.{press}"
        press = f" Press {refresh_key} to try again once online." if refresh_key else ""
        return f"No connection: none of the {feeds} answered.{press}"
    press = f" Press {refresh_key} to retry." if refresh_key else ""
    return f"None of the {feeds} could be fetched (! in the feed list says why).{press}"


class ReaderAppFill(ReaderAppArticles):
    """The reader app's list filled in as feeds come in (see `ReaderApp`)."""

    def fetching_note(self) -> str:
        """What an empty list says while a refresh or a sync runs, "" when none is."""
        if not (self._busy or self.refresh_coming):
            return ""
        return f"Fetching the headlines of {plural(len(self.index.feeds), 'feed')}…"

    def _filling_starts(self) -> None:
        """A refresh or a sync has started: an empty list says so now."""
        self.nothing_fetched = ""
        self.main_screen.post_message(HeadlinesChanged(filled=frozenset()))

    def _feed_in(self, result: FeedResult) -> None:
        """A feed is in: its headlines join the list, now or with the next that come."""
        url = result.feed.url
        fetched = result.error is None and not result.not_modified and result.changed
        # A feed the list has no headline of (added by `reader add` in another window): its
        # stored headlines are read, whatever its answer (a 304 brings nothing new to the store).
        fetched = fetched or not self.index.has_headlines_of(url)
        self._feeds_in[url] = self._feeds_in.get(url, False) or fetched
        if self._filler is None:
            filler = self._filler = object()
            self._run(self._fill(filler), "fill")

    async def _fill(self, filler: object) -> None:
        try:
            while self._feeds_in and self._busy and self._filler is filler:
                arrived, self._feeds_in = self._feeds_in, {}
                # An unchanged or failed feed has the same headlines (one served whole again
                # with nothing new too): only its row is read again (a `!`, its last success).
                urls = frozenset(url for url, fetched in arrived.items() if fetched)
                base, since = self.index, self.index.edits
                feeds, fresh = await asyncio.to_thread(_read_feeds, self.lib, urls)
                if not self._busy or self._filler is not filler:
                    return  # the job's end reads everything again
                if self.index is not base:
                    # Read again meanwhile (a feed removed, renamed): this read may be older
                    # than that one, the removed feed still in it. Read once more.
                    for url, fetched in arrived.items():
                        self._feeds_in[url] = self._feeds_in.get(url, False) or fetched
                    continue
                self.index = self.index.with_feeds(feeds, urls, fresh, since)
                self.main_screen.post_message(HeadlinesChanged(filled=urls))
                await asyncio.sleep(FILL_INTERVAL)
        finally:
            if self._filler is filler:
                self._filler = None

    def _filling_ends(self, results: list[FeedResult]) -> None:
        """The job is over: what is still to join the list is left to the reload after it."""
        self.workers.cancel_group(self, "fill")
        self._filler = None
        self._feeds_in = {}
        self._arrived = {}
        refresh_key = keymap_of(self).key("refresh", "the headlines")
        self.nothing_fetched = nothing_came(results, refresh_key)
