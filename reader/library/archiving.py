"""A `Library`'s archive: saved articles done with and kept (wallabag's and Pocket's archive,
an import's archived links), apart from read marks. Archiving one saves it if it isn't and
marks it read (it leaves the unread, and "Saved", for "Archive"); opening one marks it read
only, so a saved article half read stays in "Saved" until it is archived (acc31c W5)."""

from __future__ import annotations

from ..keys import article_key
from ..models import Entry
from .article_tags import LibraryArticleTags
from .resources import _link


class LibraryArchiving(LibraryArticleTags):
    """The archive of a `Library`'s saved articles."""

    def archive(self, target: Entry | str, archived: bool = True) -> bool:
        """Archive the article of `target` (saved if it isn't, marked read), or take it out
        of the archive (still saved, its read mark as it is); whether it was archived."""
        was = self.is_archived(target)
        if archived and not self.is_saved(target):
            self.set_saved(target, True)
        self.store.archive_saved(_link(target), archived)
        if archived:
            self._mark_archived_read(target)
        # A reader open in another window shows it (as a save from a shell: acc31c W15).
        self.store.note_changed()
        return was

    def is_archived(self, target: Entry | str) -> bool:
        url = _link(target)
        record = self.store.saved().get(article_key(url)) if url else None
        return isinstance(record, dict) and bool(record.get("archived"))

    def _mark_archived_read(self, target: Entry | str) -> None:
        """Mark read the article archived."""
        if (entry := self.marked_entry(target)) is not None:
            self.mark_read(entry)

    def marked_entry(self, target: Entry | str) -> Entry | None:
        """The entry whose read mark is `target`'s: a feed's headline as its feed keeps it, a
        link no feed lists as "Saved" and "Archive" show it; None for a link neither lists."""
        if isinstance(target, Entry) and target.feed_url:
            return target
        key = article_key(_link(target))
        record = self.store.saved().get(key)
        return self.unlisted_entry(key, record) if isinstance(record, dict) else None
