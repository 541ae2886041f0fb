"""A `Library`'s read and saved flags: an entry marked read or unread, many at once (a feed,
every feed), and an article saved for good or let go, or forgotten altogether."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..keys import article_key
from ..models import Entry
from ..store.reading_times import exported_key
from ..urls import is_web_url
from .lookup import LibraryLookup
from .resources import _link


@dataclass(frozen=True)
class Forgotten:
    """What `LibraryFlags.forget` dropped of an article."""

    title: str  # its title as cached (or its headline's), "" when neither gives one
    cached: bool  # a copy of it was cached: its text, page and earlier versions went
    saved: bool  # it was saved: it no longer is
    listed: bool  # a feed lists it: the headline stays, uncached
    highlights: int = 0  # your highlights of it, kept (`reader highlights`)
    notes: int = 0  # your notes on it and its highlights, kept


class LibraryFlags(LibraryLookup):
    """The read and saved flags of a `Library`'s entries and articles."""

    def mark_read(
        self,
        entry: Entry,
        read: bool = True,
        opened_at: float | None = None,
        others: Sequence[Entry] | None = None,
        noted: bool = False,
    ) -> None:
        """`opened_at`: the article was opened then (epoch seconds): what `read_at` gives. The
        other feeds' headlines of its article are marked too (an article read is read wherever
        it is listed): `others`, where the caller knows them (the reader's index: none found
        in every feed's list, 0.3 s on a year's 250 feeds), else those the store finds.
        `noted`: its article's reading noted with the mark, in one write (`article` with
        `noted=False` left it to this)."""
        url = entry.link if noted and opened_at is not None and is_web_url(entry.link) else ""
        self.store.set_read(entry, read, opened_at, others, opened_url=url)

    def reading_times(self) -> Callable[[Entry], datetime | None]:
        """When an entry's article was last opened in the reader (`mark_read`'s `opened_at`);
        None for one never opened, marked read or not (`A`, `C`, an import). Each feed's times
        read once, when one of its entries is first asked about."""
        feeds: dict[str, dict[str, float]] = {}

        def read_at(entry: Entry) -> datetime | None:
            opened = feeds.get(entry.feed_url)
            if opened is None:
                opened = feeds[entry.feed_url] = self.store.opened_at(entry.feed_url)
            at = opened.get(entry.id)
            return None if at is None else datetime.fromtimestamp(at, UTC)

        return read_at

    def note_exported(self, addresses: Sequence[str]) -> bool:
        """Note the articles at `addresses` (an item with no link: its `item_address`) as gone
        into an export just written, for `exported_at`; False, none noted, in a library of an
        older format read as it is: an export, which reads, does not upgrade it for a note
        (an older reader sharing it would be locked out, acc38b K1)."""
        if self.store.older_format is not None:
            return False
        self.store.note_exported(addresses)
        return True

    def exported_at(self) -> Callable[[str], datetime | None]:
        """When the article at an address last went into an export (`note_exported`); None
        for one never exported. Every time read at once, when first asked about."""
        times: dict[str, float] | None = None

        def exported(address: str) -> datetime | None:
            nonlocal times
            if times is None:
                times = self.store.exported_times()
            at = times.get(exported_key(address))
            return None if at is None else datetime.fromtimestamp(at, UTC)

        return exported

    def mark_many_read(
        self,
        entries: Iterable[Entry],
        read: bool = True,
        elsewhere: bool = True,
        *,
        shown_beside: bool = True,
    ) -> None:
        """Set the read flag of many entries, a write per feed (marking a feed or every feed
        read), and (`elsewhere`) of the other feeds' headlines of their articles: an article
        read is read wherever it is listed (`Store.mark_entries`). `shown_beside`: a reader
        open beside (`reader mark-read`, an import's marks, a `[[command]]` of the user's run
        from it) reads the lists again, as after a sync elsewhere: they went unseen until a
        restart, and its `U` then undid them (acc41a A10). The reader's own `A` and `C`, shown
        already, pass False."""
        self.store.mark_entries(entries, read, elsewhere)
        if shown_beside:
            self.store.note_changed()

    def mark_elsewhere(self, entries: Iterable[Entry], read: bool = True) -> None:
        """Set the read flag of the other feeds' headlines of the articles of `entries`
        (marked in their own feeds by `mark_many_read(..., elsewhere=False)`): every feed's
        list read once for a batch marked a feed at a time."""
        self.store.mark_elsewhere(entries, read)

    def is_read(self, entry: Entry) -> bool:
        return entry.id in self.store.read_ids(entry.feed_url)

    def unsave(self, target: Entry | str) -> bool:
        was = self.is_saved(target)
        self.set_saved(target, False)
        return was

    def set_saved(
        self, target: Entry | str, saved: bool, at: float | None = None, title: str = ""
    ) -> None:
        """Record the flag only (see `save`, which also makes sure the article is cached);
        `at` and `title`: when it was saved and its title, as an import gives them. Saved so,
        by the user's own asking, a link an import left unfetched (`SavedChange.held`) is
        fetched by a sync again."""
        url = _link(target)
        entry = target if isinstance(target, Entry) else None
        self.store.set_saved(url, saved, entry, at, title, held="")
        # A reader open in another window lists it in (or out of) Saved: `reader save` in a
        # shell beside it went unseen until a restart (acc31c W15).
        self.store.note_changed()

    def saved_record(self, target: Entry | str) -> dict[str, Any] | None:
        """What is kept of the article of `target` saved (its address, when, its title, tags,
        archive mark), to put back with `restore_saved`; None when it is not saved."""
        url = _link(target)
        record = self.store.saved().get(article_key(url)) if url else None
        return dict(record) if isinstance(record, dict) else None

    def restore_saved(self, target: Entry | str, record: dict[str, Any]) -> None:
        """Save `target` again as `record` had it (`saved_record`), with no fetch: a link an
        import kept though its page is a PDF or a 404 was lost for good by `s`, `s`, the
        second refetching with `reader save`'s rules (acc32a A5)."""
        self.store.restore_saved(_link(target), record)
        self.store.note_changed()

    def is_saved(self, target: Entry | str) -> bool:
        url = _link(target)
        return bool(url) and article_key(url) in self.store.saved()

    def forget(self, target: Entry | str) -> Forgotten:
        """Drop all that is kept of an article (its cached text, raw page, other pages, earlier
        versions, reading place) and its saved flag: one saved by mistake (a consent page, the
        wrong link) goes, where `unsave` left it cached and found by searches until a prune
        (acc31c W12). A feed's headline of it stays, uncached (a sync may fetch it again), and
        your highlights and notes on it (counted)."""
        url = _link(target)
        article = self.store.article(url) if url else None
        title = article.title if article is not None and article.title else ""
        if not title and isinstance(target, Entry):
            title = target.title
        if url:  # on a full disk: its files go first, giving room
            self.store.room_made_dropping([article_key(url)])
        saved = self.unsave(target)
        cached = self.store.forget_article(url) if url else False
        listed = isinstance(target, Entry) and bool(target.feed_url)
        # The reader's own work, not the cache's: kept, and said so (acc33a A6).
        marks = self.store.highlights(url) if url else None
        if marks is None:
            return Forgotten(title, cached, saved, listed)
        notes = sum(bool(h.note) for h in marks.items) + bool(marks.note)
        return Forgotten(title, cached, saved, listed, len(marks.items), notes)
