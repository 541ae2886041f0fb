"""The reading view's copies of an article: the page asked for again now (`R`: a correction
its feed did not tell), the copies kept of one that changed (`V`), and what changed between
the copy shown and the one before (`d`) (see `ArticleScreen`)."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from ...keys import article_key
from ...models import Article, Entry, FetchError, StoreError
from ..dialogs.changes import ChangesScreen
from ..display import plain
from ..widgets.article.article_body import ArticleBody
from .article_highlights import ArticleScreenHighlights

if TYPE_CHECKING:
    from ...pictures import KeptPicture


class ArticleScreenCopies(ArticleScreenHighlights):
    """The reading view's keys for the article's copies (see `ArticleScreen`)."""

    def action_refresh_article(self) -> None:
        """The article's page fetched again now, as `reader show --refresh` does: a changed
        text shown in the copy's place, where the reader was in it, the copy before kept (`V`
        shows it); a page taken down noted in the header, the copy kept. The status line says
        what came of it; offline, the copy shown stays."""
        body = self.query_one(ArticleBody)
        if body.article is None or not self.loaded or self._from_feed:
            self.notify("Only a cached article's page is fetched again.", markup=False)
            return
        self.notify("Fetching this article's page again…", markup=False)
        entry = self.headline.entry
        self.run_worker(
            self._refresh(entry), group="refresh_article", exclusive=True, exit_on_error=False
        )

    async def _refresh(self, entry: Entry) -> None:
        body = self.query_one(ArticleBody)
        try:
            renewal = await self.reader.lib.refresh_article(entry)
            # Opened again: the copy now cached, read, its "changed" mark (Δ) cleared.
            article = await self.reader.read_article(entry)
        except (FetchError, StoreError) as error:
            message = plain(error.message, max_length=300).plain
            self.notify(f"Not fetched again: {message}; the copy shown stays.", markup=False)
            return
        if self.headline.entry is not entry or not self.loaded or body.article is None:
            return  # another article came meanwhile
        if renewal.outcome != "kept":
            place, text = body.reading_place, body.reading_text
            body.clear_link()
            self._end_search()
            body.show_article(entry, article, place=place, place_text=text)
            self.show_highlights()
        said = renewal.said(in_reader=True, copies_key=self.key_of("earlier_version"))
        # The copies it dropped said as `reader show --refresh` and the sync say them.
        said = "; ".join([said, *(f"copy dropped: {gone}" for gone in renewal.dropped)])
        said = plain(said, max_length=300).plain
        self.notify(said[:1].upper() + said[1:], markup=False)

    def show_kept_pictures(self, url: str, pictures: list[KeptPicture]) -> None:
        """The pictures of the article at `url` were just kept for reading offline (they come
        after its text: of the article opened, or a sync's): if it is the one shown, or on its
        way here, its picture lines say so now, where the reader is in it."""
        if not self.headline.entry.link or article_key(url) != article_key(
            self.headline.entry.link
        ):
            return
        self._pictures_heard = pictures
        self._mark_kept_pictures()

    def _mark_kept_pictures(self) -> None:
        """The pictures heard of (`show_kept_pictures`) marked in the article shown; kept for
        it while it is still on its way (they may come before it is drawn)."""
        body = self.query_one(ArticleBody)
        article, pictures = body.article, self._pictures_heard
        if article is None or pictures is None or self._from_feed:
            return
        self._pictures_heard = None
        if 0 < article.version < len(article.versions):
            return  # an earlier copy (V), or one since superseded: the pictures are the latest's
        kept = frozenset(p.url for p in pictures if p.kept)
        not_kept = tuple((p.url, p.why) for p in pictures if not p.kept)
        if (kept, not_kept) != (article.kept_pictures, article.pictures_not_kept):
            body.show_pictures(replace(article, kept_pictures=kept, pictures_not_kept=not_kept))

    def _changed_article(self) -> Article | None:
        """The cached article shown, when more than one copy of it is kept (`V`, `d`); else
        None, and a notice when it is one copy."""
        article = self.query_one(ArticleBody).article
        if article is None or not self.loaded or self._from_feed:
            return None
        if len(article.versions) < 2:
            self.notify("Only one copy of this article is kept: it has not changed since.")
            return None
        return article

    async def action_other_version(self) -> None:
        """The copy kept before the one shown of an article a sync found changed (a
        correction), with its own retrieval time; from the oldest, back to the latest: of the
        copies kept now (a sync elsewhere may have kept one since the copy was shown)."""
        body = self.query_one(ArticleBody)
        await self.check_newer_copy()
        if (article := self._changed_article()) is None:
            return
        # From the oldest, to the latest: the last of `versions`, which hold a copy dropped
        # since (`Article.dropped`) beside those kept. From a copy dropped, the kept one
        # nearest it in time (acc48c C7: copy 1, the first ever, an hour before it).
        number = article.version - 1 or len(article.versions)
        if article.dropped and _nearer_after(article.versions, article.version):
            number = article.version  # the one after it, numbered among those kept
        entry = self.headline.entry
        try:  # a read of the cache and a decompression: not on the event loop
            other = await asyncio.to_thread(self.reader.lib.article_version, entry, number)
        except (FetchError, StoreError) as error:
            self.notify(plain(error.message, max_length=300).plain, severity="error", markup=False)
            return
        if self.headline.entry is not entry or body.article is not article:
            return  # another article (or copy) came meanwhile
        body.clear_link()
        self._end_search()
        body.show_article(entry, other)
        self.show_highlights()
        self._show_position()  # a newer copy's word, said of the copy shown before, goes
        self._say_which_copy(other)

    def _say_which_copy(self, copy: Article) -> None:
        """Which of the copies kept `copy` is, and when it was retrieved, in a notice."""
        number, count = copy.version, len(copy.versions)
        when = copy.fetched_at.isoformat(timespec="seconds") if copy.fetched_at else "?"
        which = "The latest copy" if number == count else f"Copy {number} of {count}"
        self.notify(f"{which}, retrieved {when}.", markup=False)

    async def _copy_of_hit(self, entry: Entry, latest: Article) -> Article | None:
        """The earlier copy kept that `F`'s hit this article was opened from found its words
        in (`Hit.version`), to open on: the latest doesn't hold them, and `V` to find them was
        a step the hit's line had to tell. None for a hit in the latest, or a copy no longer
        kept as it was numbered (a sync kept another since the search)."""
        hit = self.find_first.get(entry.id)
        if hit is None or not 1 <= hit.version < len(latest.versions):
            return None
        try:  # a read of the cache and a decompression: not on the event loop
            copy = await asyncio.to_thread(self.reader.lib.article_version, entry, hit.version)
        except (FetchError, StoreError):
            return None
        if hit.retrieved is not None and copy.fetched_at != hit.retrieved:
            return None
        return copy

    def action_show_changes(self) -> None:
        """What changed from the copy kept before the one shown to it (from the oldest: to the
        copy after it), over the article; Esc comes back. Compared in a thread: on a long page
        it is seconds of CPU, which the event loop must not wait on."""
        self.run_worker(self._show_changes(), group="changes", exclusive=True, exit_on_error=False)

    async def _show_changes(self) -> None:
        await self.check_newer_copy()  # numbered among the copies kept now
        if (article := self._changed_article()) is None:
            return
        newer = max(article.version, 2)
        older = newer - 1
        entry = self.headline.entry
        lib = self.reader.lib
        try:
            if article.dropped:
                # Its number is no kept copy's: the text on screen, held here, compared with
                # the latest (acc48c C7: refused, "no longer kept", while it was read).
                changes = await asyncio.to_thread(lib.changes_since_shown, entry, article)
            else:
                changes = await asyncio.to_thread(lib.copy_changes, entry, older, newer)
        except (FetchError, StoreError) as error:
            self.notify(plain(error.message, max_length=300).plain, severity="error", markup=False)
            return
        if self.headline.entry is entry and self.is_current:
            self.app.push_screen(ChangesScreen(changes))


def _nearer_after(times: tuple[datetime | None, ...], number: int) -> bool:
    """Of copy `number`'s neighbours in `times` (retrieval times, oldest first), the one after
    it is nearer in time than the one before (none before: it is)."""
    if number < 2:
        return True
    at, before, after = times[number - 1], times[number - 2], times[number]
    if at is None or before is None or after is None:
        return False
    return after - at < at - before
