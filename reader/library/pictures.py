"""An article's pictures fetched after its text and kept with it, for reading offline
(`[cache] keep_pictures`): each download of an article (a sync's, one opened, the reader's
fetch ahead) starts its pictures' download when its text is cached, behind every article's
text (`priority_gate.PICTURES`), a few articles' at a time; a sync waits for them before its
end (its prune counts them). Each picture is led as the article's page was (`leads`), capped
as `FetchLimits.picture_*` says, and kept only if its bytes are a raster image
(`pictures.picture_type`)."""

from __future__ import annotations

import contextvars
import time
from collections.abc import Callable, Collection
from contextlib import suppress
from functools import partial
from typing import TYPE_CHECKING, Any, Literal

from ..hop_rule import HOP_RULE
from ..models import Article, Entry, FetchError, Response, StoreError
from ..picture_pixels import too_many_pixels
from ..pictures import (
    ACCEPT,
    KeptPicture,
    article_pictures,
    counted_tries,
    digest,
    not_a_picture,
    off_the_onion,
    off_the_onion_said,
    page_counted,
    page_sent,
    past_every_articles,
    picture_type,
    refused_why,
)
from ..plural import size_text
from ..portal import WINDOW, Answer, page_print, portal_message
from ..priority_gate import PICTURES, USER_WAITS
from ..safe import safe_line
from ..urls import canonical_url
from .failures import _may_come_later
from .leads import CEILING, start_download
from .page_reads import LibraryPageReads

if TYPE_CHECKING:
    import asyncio

    from ..address_class import Reach

_LEAD = "an article's picture"


def _seen(future: asyncio.Future[Any]) -> None:
    if not future.cancelled():
        future.exception()


PICTURE_TURNS = 4
"""Articles whose pictures are fetched at once (each after its text): the rest wait their turn."""
FETCHED_HELD = 20_000
"""Pictures kept since a sync began remembered at most (their address and hash, 200 bytes
each), so that another article showing one takes it without asking its server again."""


class LibraryPictures(LibraryPageReads):
    """A `Library`'s kept pictures: fetched after an article's text, read back to open."""

    def keep_pictures_later(
        self, url: str, article: Article, opened: Entry | Literal[False] | None = False
    ) -> None:
        """Start the download of the pictures of `article`, cached under `url` just now, in a
        task of its own that nothing waits for but a sync's end (`pictures_settled`); or, of
        one cached before and `opened` now (its entry, None for an address of the user's),
        those neither kept nor refused for good, led as a download of it would be."""
        import asyncio

        if not self.keep_pictures or article.unkept or not article_pictures(article):
            return
        key = canonical_url(url)
        if key in self._picture_tasks:
            return  # under way: the article opened as its download keeps them
        if self._picture_turns is None:
            self._picture_turns = asyncio.Semaphore(PICTURE_TURNS)
        self.picture_tally.asked += len(article_pictures(article))
        context = contextvars.copy_context()
        context.run(USER_WAITS.set, None)  # the user waits for the text, not its pictures
        context.run(PICTURES.set, True)
        task = asyncio.get_running_loop().create_task(
            self._keep_pictures(url, article, CEILING.get(), opened), context=context
        )
        self._picture_tasks[key] = task
        task.add_done_callback(lambda _done: self._picture_tasks.pop(key, None))
        task.add_done_callback(_seen)

    async def keep_owed_pictures(
        self, entries: dict[str, Entry], also_unlisted: bool, file_links: Collection[str] = ()
    ) -> int:
        """Start the download of the pictures the cached articles owe (`Store.pictures_owed`:
        a sync stopped before them, or run with `--no-pictures`, or a failure that may pass),
        those of `entries` (headlines' by article key) each led as its download was, and with
        `also_unlisted` the others (saved links no feed lists) as addresses of the user's, but
        links from a file (`file_links`: public addresses only, never led to here): behind
        every article's text, as a sync's own are. How many articles'."""
        import asyncio

        if not self.keep_pictures:
            return 0

        def owed() -> list[tuple[str, Article, Entry | None]]:
            out = []
            left = self.limits.onion_clearnet_pictures
            for key, link in self.store.pictures_owed(onion_left=left).items():
                if key not in entries and (not also_unlisted or key in file_links):
                    continue
                if canonical_url(link) in self._picture_tasks:
                    continue  # this sync's own download keeps them
                article = self.store.article(link)
                if article is not None and not article.incomplete:
                    out.append((link, article, entries.get(key)))
            return out

        started = 0
        with suppress(StoreError):
            for link, article, entry in await asyncio.to_thread(owed):
                self.keep_pictures_later(link, article, entry)
                started += 1
        return started

    async def pictures_settled(self) -> None:
        """Wait for the pictures being fetched to be kept (a sync's end, before its prune)."""
        import asyncio

        while tasks := list(self._picture_tasks.values()):
            await asyncio.gather(*tasks, return_exceptions=True)
        self._pictures_fetched.clear()  # the next sync asks their servers again
        self._pictures_unput.clear()

    async def aclose(self) -> None:
        import asyncio

        tasks = list(self._picture_tasks.values())
        for task in tasks:
            task.cancel()  # nothing is kept of an article's pictures till all are in
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        await super().aclose()

    def pictures_of(self, url: str) -> list[KeptPicture]:
        """What is known of the pictures of the article at `url`: each kept, or why not."""
        with suppress(StoreError):
            return self.store.pictures(url)
        return []

    def kept_picture(self, url: str, picture: str) -> tuple[KeptPicture, bytes] | None:
        """The kept picture at `picture` of the article at `url`, with its bytes, or None."""
        with suppress(StoreError):
            return self.store.picture_bytes(url, picture)
        return None

    async def _keep_pictures(
        self,
        url: str,
        article: Article,
        ceiling: Reach | None,
        opened: Entry | Literal[False] | None = False,
    ) -> None:

        tally = self.picture_tally
        wanted = article_pictures(article)
        done = 0  # of `wanted`, counted in `tally.done`

        def one_done(kept: bool | None = None) -> None:
            nonlocal done
            done += 1
            tally.done += 1
            tally.not_kept += kept is False
            if self._picture_heard is not None:
                self._picture_heard()

        import asyncio

        assert self._picture_turns is not None  # made as the task was
        stopped = False
        try:
            await self._keep_pictures_in_turn(url, wanted, ceiling, opened, one_done)
        except asyncio.CancelledError:
            stopped = True
            raise
        finally:
            # Stopped (a Ctrl-C, the reader quitting), those not fetched stay owed, and counted
            # so by the progress a stop is said from: counted done, the last report before
            # "interrupted" said none was left, of 750 still to fetch (acc45c C1).
            if not stopped:
                tally.done += len(wanted) - done  # all settled before, or past a failure
                if self._picture_heard is not None and done < len(wanted):
                    self._picture_heard()

    async def _keep_pictures_in_turn(
        self,
        url: str,
        wanted: list[str],
        ceiling: Reach | None,
        opened: Entry | Literal[False] | None,
        one_done: Callable[[bool | None], None],
    ) -> None:
        import asyncio

        assert self._picture_turns is not None  # made as the task was
        if not self.limits.onion_clearnet_pictures:
            # This task's own: an onion service's article's pictures, and their redirects,
            # kept to onion services.
            HOP_RULE.set(partial(off_the_onion, url))
        async with self._picture_turns:
            known = {p.url: p for p in await asyncio.to_thread(self.store.pictures, url)}
            if self.limits.onion_clearnet_pictures:
                # Left out while the setting was off: asked for now it is on.
                known = {a: p for a, p in known.items() if not off_the_onion_said(p.why)}
            if all(address in known and known[address].settled for address in wanted):
                with suppress(StoreError):  # none owed: a mark left by an earlier put
                    await asyncio.to_thread(self.store.owe_pictures, url, False)
                return
            if opened is not False:
                await start_download(self.store, self._feed_reaches, opened, self.fetcher.routes)
                ceiling = CEILING.get()
            bodies = await asyncio.to_thread(self.store.kept_picture_data, url) if known else {}
            # Every other article's, as this one's download begins: the put takes it as its
            # count while what was written since can't reach the cap (`put_pictures`).
            counted = await asyncio.to_thread(self.store.pictures_counted, url)
            limits = self.limits
            room = limits.pictures_max_bytes - counted[0]
            left = limits.article_pictures_max_bytes - sum(map(len, bodies.values()))
            kept = None
            try:
                pictures: list[KeptPicture] = []
                for number, address in enumerate(wanted, 1):
                    had = known.get(address)
                    if had is not None and had.settled:
                        pictures.append(had)
                        one_done(None)
                        continue
                    if number > limits.article_max_pictures:
                        why = f"past the {limits.article_max_pictures} pictures kept of one article"
                        pictures.append(KeptPicture(address, why=why))
                        one_done(None)
                        continue
                    picture, body = await self._shared_picture(address, ceiling, min(left, room))
                    one_done(picture.kept)
                    if picture.kept:
                        left -= picture.size
                        room -= picture.size
                    if body is not None:
                        bodies[address] = body
                    elif picture.why.startswith("larger than") and min(left, room) < (
                        limits.picture_max_bytes
                    ):
                        cap, whose = (
                            (limits.article_pictures_max_bytes, "one article's pictures")
                            if left <= room
                            else (limits.pictures_max_bytes, "every article's pictures")
                        )
                        why = (
                            past_every_articles(cap)
                            if left > room
                            else f"past the {size_text(cap)} kept of {whose}"
                        )
                        # Every article's: asked again once eviction has made room.
                        picture = KeptPicture(address, why=why, again=left > room)
                    pictures.append(picture)
                # A web page's answer or a refusal is owed for `PAGE_SYNCS` tries, none counted
                # while a login page was met minutes ago (this article's first one too, asked
                # before it was known).
                seen = self._portal.last_seen
                portal = seen > 0 and time.monotonic() - seen < WINDOW
                pictures = [
                    page_counted(p, known.get(p.url), not portal)
                    if p.again and counted_tries(p)
                    else p
                    for p in pictures
                ]
                # Counted again as they are kept only when what other articles' puts may have
                # added since `counted` could reach the cap: far from it the count (40 ms at
                # 10,000 articles' pictures) would be made twice an article for nothing.
                stored: dict[str, int] = {}
                with suppress(StoreError):  # a full disk: the text is kept, its pictures not
                    kept = await asyncio.to_thread(
                        self.store.put_pictures,
                        url,
                        pictures,
                        bodies,
                        limits.pictures_max_bytes,
                        counted,
                        limits.article_pictures_max_bytes,
                        stored,
                    )
            finally:
                self._put_done(ceiling, bodies, kept)
            if kept is not None:
                had_kept = {address for address, p in known.items() if p.kept}
                fetched = {p.url for p in kept if p.kept} - had_kept
                # Stored by this put for them (not an older reader's copy moved to the shared).
                new = {p.sha for p in kept if p.url in fetched} & stored.keys()
                tally = self.picture_tally
                tally.kept += len(fetched)
                tally.stored += len(new)
                tally.stored_bytes += sum(stored[sha] for sha in new)
            if kept is not None and self.pictures_kept is not None:
                self.pictures_kept(url, kept)

    def _put_done(
        self, ceiling: Reach | None, bodies: dict[str, bytes], kept: list[KeptPicture] | None
    ) -> None:
        """An article's put is over (`kept`: what it kept, None when nothing was): the bytes it
        had of the pictures this sync fetched are in the store now, or, not kept, in no place
        another article could take them from, which then asks their server again."""
        stored = {p.url for p in kept if p.kept} if kept is not None else set()
        for address in bodies:
            asked = (address, ceiling)
            if self._pictures_unput.pop(asked, None) is not None and address not in stored:
                self._pictures_fetched.pop(asked, None)

    async def _shared_picture(
        self, address: str, ceiling: Reach | None, room: int
    ) -> tuple[KeptPicture, bytes | None]:
        """`_one_picture`, asked of its server once while downloads run: another article's
        fetch of the same address under way is waited for and its bytes taken; one kept since
        is taken with its bytes while the article that fetched them has not stored them, else
        without (the store has them: `Store.put_pictures`)."""
        import asyncio

        while True:
            if (kept := self._pictures_fetched.get((address, ceiling))) is not None:
                break
            under_way = self._picture_fetches.get((address, ceiling))
            if under_way is None:
                return await self._fetched_once(address, ceiling, room)
            await asyncio.wait([under_way])  # its cancelling is this one's, not the other's
            if not under_way.cancelled():
                kept, body = under_way.result()
                if body is not None and len(body) <= min(self.limits.picture_max_bytes, room):
                    return kept, body
                if not kept.kept:
                    return kept, None
                break
        if kept.size > min(self.limits.picture_max_bytes, room):
            return KeptPicture(address, why="larger than the room left"), None
        # Its bytes while the article that fetched them has not put them in the store.
        return kept, self._pictures_unput.get((address, ceiling))

    async def _fetched_once(
        self, address: str, ceiling: Reach | None, room: int
    ) -> tuple[KeptPicture, bytes | None]:
        """`_one_picture`, told to those asking for the same address meanwhile."""
        import asyncio

        future: asyncio.Future[tuple[KeptPicture, bytes | None]]
        future = asyncio.get_running_loop().create_future()
        asked = (address, ceiling)
        self._picture_fetches[asked] = future
        try:
            found = await self._one_picture(address, ceiling, room)
        except BaseException:
            future.cancel()
            raise
        finally:
            self._picture_fetches.pop(asked, None)
        future.set_result(found)
        if found[0].kept:
            if len(self._pictures_fetched) >= FETCHED_HELD:
                self._pictures_fetched.clear()  # a reader open for days, no sync run
            self._pictures_fetched[asked] = found[0]
            if found[1] is not None:
                self._pictures_unput[asked] = found[1]
        return found

    async def _one_picture(
        self, address: str, ceiling: Reach | None, room: int
    ) -> tuple[KeptPicture, bytes | None]:
        cap = min(self.limits.picture_max_bytes, room)
        if cap <= 0:
            return KeptPicture(address, why="larger than the room left"), None
        try:
            response = await self.fetcher.get(
                address, accept=ACCEPT, max_bytes=cap, ceiling=ceiling, lead=_LEAD
            )
        except FetchError as error:
            why = safe_line(error.message, 300)
            why = refused_why(error.status, why) or why
            return KeptPicture(address, why=why, again=_may_come_later(error)), None
        found = picture_type(response.body)
        if found is None:
            page = page_sent(response.content_type or "")
            if page:
                await self._picture_page_seen(address, response)
            why = not_a_picture(response.content_type or "")
            return KeptPicture(address, why=why, again=page), None
        body = response.body
        if why := too_many_pixels(body, found):
            return KeptPicture(address, why=why), None
        return KeptPicture(address, digest(body), found, len(body)), body

    async def _picture_page_seen(self, address: str, response: Response) -> None:
        """A web page came where the picture at `address` was asked (`response`): the same
        one from several hosts is a Wi-Fi login page (`PortalWatch`), said in the sync's one
        line (`PicturesTally.portal`) and not of each picture."""
        import asyncio

        seen = await asyncio.to_thread(page_print, response.body)
        if seen is None:
            return
        print_, title = seen
        answer = Answer(
            canonical_url(address), canonical_url(response.url), False, unrelated=True, picture=True
        )
        if self._portal.answered(print_, answer, title) is not None:
            self.picture_tally.portal = portal_message(self._portal.title(print_) or title)
            self.picture_tally.portal_answered += 1
