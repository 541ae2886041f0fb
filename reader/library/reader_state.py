"""What a `Library` keeps of its faces between runs: a sync stopped before its end, the lists
shown unread only, the feed list put away and its folders folded, the list the reader was left on, and where it left
each article."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from contextlib import suppress

from ..models import Article, Entry, StoreError
from ..plural import plural
from .kept_articles import LibraryKeptArticles
from .resources import _link


def _text_mark(article: Article) -> str:
    """What a reading place was measured in: the article's paragraphs and the header lines
    above them (a place counts paragraphs from the top). Not the extractor's version: an
    upgrade that reads the same text again keeps the place."""
    digest = hashlib.blake2b(digest_size=16)
    header = (article.title, article.author, article.site_name, article.incomplete)
    times = (str(article.published), str(article.updated))
    for part in (*header, *times, *(block.text for block in article.blocks)):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


_NOT_PENDING = object()  # no place waiting for its write (None is "at the start")


def _place_record(article: Article, place: dict[str, int] | None) -> dict[str, object] | None:
    """A reading place as the store keeps it: with the mark of the text it was measured in."""
    return None if place is None else {"text": _text_mark(article), "place": place}


def summaries_line(feeds: int) -> str:
    """What a face says as the headline lists an earlier version wrote are rewritten (up to
    `feeds` of them): what it is, that it happens once, and that stopping it loses nothing."""
    return (
        f"rewriting the headline lists of {plural(feeds, 'feed')} for this version, once"
        " (a few seconds; stopping it loses nothing)"
    )


class LibraryReaderState(LibraryKeptArticles):
    """The reader's state kept in a `Library` for its next start."""

    def keep_summaries_apart(
        self,
        stopped: Callable[[], bool] = lambda: False,
        starting: Callable[[str], None] | None = None,
    ) -> int:
        """Once for a data directory open to write: the headline lists written before long
        summaries were kept apart written again, each record holding a summary's start
        (`Store.cut_summaries`, a feed at a time until `stopped`); how many were. One that
        can't be written (a full disk, a store held) is left for the next start. `starting`
        is given the line that says so, once, before the first list is written: a few seconds
        on a year's library, which the first command after an upgrade spent without a word."""
        if self.read_only:
            return 0

        def said(feeds: int) -> None:
            if starting is not None:
                starting(summaries_line(feeds))

        with suppress(StoreError):
            if self.store.summaries_to_cut():
                return self.store.cut_summaries(stopped, said)
        return 0

    def sync_stopped(self) -> bool:
        """A sync was stopped before its end (Ctrl-C, the reader quit) and none ended since,
        nor is one under way in another process: one running (in another terminal) carries on
        what it left, and "S carries on" said meanwhile invited a second (acc50d D3). This
        process's record is its own sync's, said by its progress, or one it quit (a test's
        reader opened again in the same process)."""
        return self.store.sync_under_way(elsewhere=True) is None and self.store.sync_stopped()

    def note_sync_stopped(self) -> None:
        """Remember that a sync is being stopped before its end, for the reader to say so
        when it next opens (until a sync ends)."""
        with suppress(StoreError):  # a note: what was cached stays all the same
            self.store.mark_sync_stopped()

    def unread_only(self, configured: bool) -> bool:
        """Whether the reader's lists show only unread headlines as it opens: as it was left,
        unless the config's `[ui] unread_only` (`configured`) has changed since."""
        with suppress(StoreError):  # unreadable: as the config says
            left = self.store.unread_view()
            if left is not None and left[1] == configured:
                return left[0]
        return configured

    def keep_unread_only(self, unread_only: bool, configured: bool) -> None:
        """Remember how the reader's lists are shown (`unread_only`) for its next start (and
        the config's setting then: changed since, it is in force again). Raises StoreError
        (the reader tries again, as with a read mark)."""
        self.store.set_unread_view(unread_only, configured)

    def feeds_hidden(self) -> bool:
        """Whether the reader opens with its feed list put away, as it was left."""
        with suppress(StoreError):  # unreadable: shown
            return self.store.feeds_hidden()
        return False

    def keep_feeds_hidden(self, hidden: bool) -> None:
        """Remember whether the feed list is put away, for the reader's next start. Raises
        StoreError."""
        self.store.set_feeds_hidden(hidden)

    def folded_folders(self) -> frozenset[tuple[str, ...]]:
        """The feed list's folders folded as the reader was left (`z`)."""
        with suppress(StoreError):  # unreadable: every folder open
            return self.store.folded_folders()
        return frozenset()

    def keep_folded_folders(self, closed: frozenset[tuple[str, ...]]) -> None:
        """Remember the feed list's folders folded, for the reader's next start. Raises
        StoreError."""
        self.store.set_folded_folders(closed)

    def left_list(self) -> tuple[str | None, str | None]:
        """The list the reader was left on (a feed's address, a tag's or the saved view's name;
        None: "All feeds") and the entry id of the headline its cursor was on (None: none)."""
        with suppress(StoreError):  # unreadable: "All feeds"
            return self.store.left_list()
        return None, None

    def keep_left_list(self, view: str | None, entry_id: str | None) -> None:
        """Remember the list shown and the headline under its cursor, for the next start.
        Raises StoreError."""
        self.store.set_left_list(view, entry_id)

    def reading_place(self, target: Entry | str, article: Article) -> dict[str, int] | None:
        """Where the reader left `article` (see `remember_place`), when the text is still the
        one it was left in: a newer revision or a better extraction starts again at the top."""
        url = _link(target)
        if not url:
            return None
        pending = self._places_pending.get(url, _NOT_PENDING)
        record = self.store.reading_place(url) if pending is _NOT_PENDING else pending
        if not isinstance(record, dict) or record.get("text") != _text_mark(article):
            return None
        place = record.get("place")
        return place if isinstance(place, dict) else None

    def remember_place(
        self, target: Entry | str, article: Article, place: dict[str, int] | None
    ) -> None:
        """Keep where the reader is in `article` (a face's own record; None: at its start), so
        it opens there again, in this session or the next, until the article leaves the cache."""
        url = _link(target)
        if url:
            self.store.set_reading_place(url, _place_record(article, place))

    def remember_place_soon(
        self, target: Entry | str, article: Article, place: dict[str, int] | None
    ) -> None:
        """`remember_place`, in a thread nothing waits for (`_in_background`): the reader's
        Esc waited on a store another program holds. Until it is written, `reading_place`
        answers with it (an Enter right after Esc reopened the article at the store's older
        place, or at its top)."""
        url = _link(target)
        if url:
            self._places_pending[url] = _place_record(article, place)
            self._in_background("place", url, self._write_pending_place, url)

    def _write_pending_place(self, url: str) -> None:
        """Write the newest place given for `url`, in a thread; one that fails stays pending
        (shown this session, as the store can't keep it; tried again as the library closes,
        and counted if still not written: `keep_notes_before_close`)."""
        with self._places_written:
            record = self._places_pending.get(url, _NOT_PENDING)
            if record is _NOT_PENDING:
                return  # an earlier thread wrote the newest
            # Not written again when the store has it: leaving an article keeps its place
            # whatever the wait after the last scroll kept (another screen of it may have
            # kept another), and each write was a commit of four pages (acc48b B3).
            if self.store.reading_place(url) != record:
                self.store.set_reading_place(url, record)
            if self._places_pending.get(url, _NOT_PENDING) is record:
                del self._places_pending[url]
