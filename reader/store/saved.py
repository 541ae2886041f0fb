"""The Saved record of a `Store`: the articles saved for good, by article key, each with the
address first saved, the entry it came from, when, its title, its tags and archive mark; changed
one article at a time (`set_saved`, `tag_saved`, `archive_saved`) or many in one write
(`change_saved`: an import's links)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from ..feed_tags import saved_tags, with_tags, without_tags
from ..keys import article_key
from ..models import Entry
from .directory import _reporting_storage_errors
from .key_ranges import rows_with_prefix
from .versions import StoreVersions

if TYPE_CHECKING:
    from ..search_headlines import HeadlineWords

_SAVED = "saved"
_IMPORTED_SAVED = "imported-saved"
SAVED_LIST = "\x00saved"
"""The Saved list's name among the headline lists (`headline_lists`): no feed's address."""
_T = TypeVar("_T")
LOST = "lost"
"""The key of an `imported_saved` record marking its link as lost with a damaged Saved record,
not unsaved by the user: an import saves it again, with the tags it gave."""
UNSAVED = "unsaved"
"""The key of an `imported_saved` record marking its link as unsaved by the user (since this
mark was kept: a link unsaved before it and lost with a damaged record is taken as lost)."""
HELD = "held"
"""The key of a saved record saying why a sync leaves its link unfetched (`SavedChange.held`)."""
LOCAL = "local"
"""Why a sync leaves a saved link unfetched (`SavedChange.held`): a file's link to this
computer or its network, fetched only when the user opens it."""
FROM_FILE = "from_file"
"""The key of a saved record marking its link as one from a file (an import's, not the user's
own): a sync fetches it from public addresses only (`library.leads.FILE_LINK`)."""
_FILE_LINKS_MARKED = "file-links-marked"
"""When the saved links a reader from before `FROM_FILE` left were marked as a file's, once a
directory (`mark_file_links_saved_before`)."""


@dataclass(frozen=True)
class SavedChange:
    """One article's change to the Saved record, as `change_saved` makes it: saved (from
    `entry`, when a feed lists it; `at` and `title` as `set_saved` takes them), filed under
    `tags` too and archived when `archived`; or let go (`saved` False). `held`: why a sync
    leaves it unfetched ("local": a file's link to this computer or its network, fetched only
    when opened), "" for no reason any more (the user's own asking: then no longer a link
    `from_file` either), None to leave it as it was. `from_file`: a file's link
    (`FROM_FILE`)."""

    url: str
    entry: Entry | None = None
    at: float | None = None
    title: str = ""
    tags: tuple[str, ...] = ()
    archived: bool = False
    saved: bool = True
    held: str | None = None
    from_file: bool = False


def apply_saved_change(records: dict[str, Any], change: SavedChange) -> None:
    """Make `change` to `records` (the Saved record, as `saved` reads it). Saved again, an
    article keeps its address as first saved, when, its title, tags and archive mark."""
    key = article_key(change.url)
    if not change.saved:
        records.pop(key, None)
        return
    before = records.get(key)
    before = before if isinstance(before, dict) else {}
    entry = change.entry
    record: dict[str, Any] = {
        # The address first saved: saving a variant of it (`?fbclid=…`) is no reason to list
        # that one instead (acc31c W4).
        "url": before.get("url") or change.url,
        "entry": entry.id if entry else before.get("entry"),
        "feed": entry.feed_url if entry else before.get("feed"),
        "at": before.get("at") or change.at or time.time(),
    }
    if change.title or before.get("title"):
        record["title"] = before.get("title") or change.title
    for kept in ("tags", "archived", HELD, FROM_FILE):
        if before.get(kept):
            record[kept] = before[kept]
    if change.held is not None:
        record[HELD] = change.held
        if not change.held:
            del record[HELD]
            record.pop(FROM_FILE, None)
    if change.from_file:
        record[FROM_FILE] = 1
    if change.tags and (tags := with_tags(saved_tags(record), change.tags)):
        record["tags"] = list(tags)
    if change.archived:
        record["archived"] = record.get("archived") or time.time()
    records[key] = record


@_reporting_storage_errors
class StoreSaved(StoreVersions):
    """The saved articles of a `Store`."""

    def saved(self) -> dict[str, dict[str, Any]]:
        """Saved articles by article key: what entry they came from and when they were saved."""
        data = self._load(self._state, _SAVED, {}, keep_aside=True)
        return data if isinstance(data, dict) else {}

    def imported_saved(self) -> dict[str, dict[str, Any]]:
        """What imports of saved links did with each link, by article key: the tags they gave
        it (`tags`, folded), or that it was left out as a feed (`feed`). A link an import
        saved and the user unsaved since is not saved again, a tag taken off not given again
        (acc43a A10), a feed left out is left out every time (A9); one lost with a damaged
        Saved record (`LOST`) is saved again."""
        data = self._load(self._state, _IMPORTED_SAVED, {})
        return data if isinstance(data, dict) else {}

    def _list_lost(self, key: str) -> None:
        super()._list_lost(key)
        if key != _SAVED:
            return
        # The links an import saved that went with the damage were not unsaved by the user:
        # an import of them again, the README's way back from a copy kept aside, saves them
        # (acc50b B1: "1 you unsaved since: left as you left them", nothing saved).
        kept = self._load(self._state, _SAVED, {})
        kept = kept if isinstance(kept, dict) else {}
        imported = self.imported_saved()
        lost = {
            link: {**done, LOST: 1}
            for link, done in imported.items()
            if isinstance(done, dict)
            and not (done.get("feed") or done.get(UNSAVED))
            and link not in kept
        }
        if lost:
            self._save(self._state, _IMPORTED_SAVED, imported | lost)

    def note_imported_saved(self, done: dict[str, dict[str, Any]]) -> None:
        """Keep `done` (by article key, as `imported_saved`) over what was kept of those keys."""
        if not done:
            return
        with self._state.transact():
            current = self.imported_saved()
            current.update(done)
            self._save(self._state, _IMPORTED_SAVED, current)

    def headline_lists(self) -> dict[str, float]:
        """When the store last wrote each subscribed feed's headlines (by its address) and the
        Saved list (under `SAVED_LIST`), in one query: what the search index's headlines are
        compared with (`search_headlines`). A list never written is left out."""
        subscribed = set(self.feed_urls())
        times = {
            key: at
            for key, at in rows_with_prefix(self._state, "entries:", "store_time")
            if key in subscribed
        }
        row = self._state._sql("SELECT store_time FROM Cache WHERE key = ?", (_SAVED,)).fetchone()
        if row is not None:
            times[SAVED_LIST] = row[0]
        return times

    def headline_words(self, name: str) -> Iterator[HeadlineWords]:
        """The words of each headline of a list `headline_lists` names, as a search looks in
        them: of a feed's, its title, author and summary; of the Saved list's, the title it
        was saved with and its addresses (a saved article no feed lists is headed by them when
        it has no title of its own)."""
        if name == SAVED_LIST:
            for key, record in self.saved().items():
                if isinstance(record, dict):
                    title, url = record.get("title"), record.get("url")
                    url = url if isinstance(url, str) else ""
                    yield key, title if isinstance(title, str) else "", f"{url} {key}", ""
            return
        for record in self.entry_records(name):
            if isinstance(record, dict) and isinstance(entry := record.get("id"), str):
                yield (
                    entry,
                    _text(record, "title"),
                    _text(record, "author"),
                    _text(record, "summary"),
                )

    def set_saved(
        self,
        url: str,
        saved: bool,
        entry: Entry | None = None,
        at: float | None = None,
        title: str = "",
        held: str | None = None,
    ) -> None:
        """Save the article of `url` (from `entry`, when a feed lists it), or let it go. Saved
        again, it keeps its address as first saved, when, and the title it came with (`title`: an
        import's, shown until its page is fetched); `at` is when it was saved (now unless an
        import says); `held`: `SavedChange`'s."""
        self.change_saved([SavedChange(url, entry, at, title, saved=saved, held=held)])

    def change_saved(self, changes: Iterable[SavedChange]) -> None:
        """Make every change of `changes` to the Saved record, in order, in one write: the
        record is one value, rewritten whole at each write, and an import saving its links
        one write each took time square in their number (acc32b B3: 2,000 links 29 s)."""

        changes = list(changes)

        def change(current: dict[str, Any]) -> bool:
            for one in changes:
                apply_saved_change(current, one)
            self._note_let_go(changes)
            return True

        self._rewritten(change)

    def _note_let_go(self, changes: list[SavedChange]) -> None:
        """Mark the links an import saved that `changes` unsave as the user's unsaving
        (`UNSAVED`), those saved again as not: told apart from links lost with a damaged Saved
        record (`LOST`), which an import saves again."""
        imported = self.imported_saved()
        if not imported:
            return
        marked: dict[str, dict[str, Any]] = {}
        for one in changes:
            key = article_key(one.url)
            done = marked.get(key, imported.get(key))
            if not isinstance(done, dict) or done.get("feed"):
                continue
            done = {k: v for k, v in done.items() if k not in (UNSAVED, LOST)}
            marked[key] = done if one.saved else {**done, UNSAVED: 1}
        if marked and any(marked[key] != imported[key] for key in marked):
            self._save(self._state, _IMPORTED_SAVED, imported | marked)

    def mark_file_links_saved_before(self) -> bool:
        """Mark as a file's the saved links a reader from before the mark left
        (`_file_links_marked`), once a directory, as its Saved record is read for a sync or
        the reader's fetching ahead; whether any was."""
        if self.read_only or self._value(self._state, _FILE_LINKS_MARKED) is not None:
            return False
        with self._state.transact():
            current = self.saved()
            marked = self._file_links_marked(current)
            if marked:
                self._save(self._state, _SAVED, current)
        return marked > 0

    def _file_links_marked(self, current: dict[str, Any]) -> int:
        """Mark as a file's (`FROM_FILE`) the links of `current` (the Saved record) that a
        reader from before the mark left for a sync to fetch, once a directory: before the
        first change this reader makes to the record, or its first read for a sync; how many.
        An import's links carried no mark then, and syncs fetched them wherever their names
        led (DNS rebinding; a name resolving to nothing at an import made offline). Nothing in
        such a record tells an import's link from one saved by hand while its page did not
        come, so each link no feed lists that a sync would fetch (not cached whole, or cached
        as another app's copy) or that an import left unfetched (`HELD`) is taken for a
        file's: a sync fetches it from public addresses only, opening it fetches it wherever
        it is, and saving it again by hand makes it the user's own. A link cached whole is
        fetched by no sync: left as it was. What this reader saves after is never marked so."""
        if self._value(self._state, _FILE_LINKS_MARKED) is not None:
            return 0
        marked = 0
        if current:
            whole = self.article_keys() - self.incomplete_keys()
            copies = self.copies_to_replace()
            for key, record in current.items():
                if (
                    isinstance(record, dict)
                    and not record.get(FROM_FILE)
                    and not record.get("entry")  # a feed's: fetched under its feed's reach
                    and (record.get(HELD) or key not in whole or key in copies)
                ):
                    record[FROM_FILE] = 1
                    marked += 1
        self._state.set(_FILE_LINKS_MARKED, time.time())
        return marked

    def restore_saved(self, url: str, record: dict[str, Any]) -> None:
        """Put back the saved record of `url` as it was (`saved()[key]`, taken before it was
        let go): `s` again after `s`, with no fetch, whatever its page is now."""
        key = article_key(url)

        def restore(current: dict[str, Any]) -> bool:
            current[key] = dict(record)
            self._note_let_go([SavedChange(url)])  # saved again: no longer the user's unsaving
            return True

        self._rewritten(restore)

    def tag_saved(
        self, url: str, add: Iterable[str] = (), remove: Iterable[str] = ()
    ) -> tuple[str, ...] | None:
        """File the saved article of `url` under the tags of `add` too, after its own, and no
        longer under those of `remove` (case and spaces aside, as a feed's: `feed_tags`); its
        tags now, None when it is not saved. Kept in its saved record: a tag files an article
        in the library, so only a saved one has any, and letting it go takes them too."""

        def retag(record: dict[str, Any]) -> tuple[str, ...]:
            tags = without_tags(with_tags(saved_tags(record), add), remove)
            if tags:
                record["tags"] = list(tags)
            else:
                record.pop("tags", None)
            return tags

        return self._edit_saved(url, retag)

    def archive_saved(self, url: str, archived: bool = True) -> bool:
        """Archive the saved article of `url` (done with, kept), or take it out of the
        archive; False when it is not saved. When it was archived is kept in its record."""

        def mark(record: dict[str, Any]) -> bool:
            if archived:
                record["archived"] = record.get("archived") or time.time()
            else:
                record.pop("archived", None)
            return True

        return bool(self._edit_saved(url, mark))

    def _edit_saved(self, url: str, edit: Callable[[dict[str, Any]], _T]) -> _T | None:
        """`edit` made to the saved record of `url` (given it, changing it in place), and
        what it gave; None, nothing written, when that article is not saved."""
        key = article_key(url)

        def edited(current: dict[str, Any]) -> _T | None:
            record = current.get(key)
            return edit(record) if isinstance(record, dict) else None

        return self._rewritten(edited)

    def _rewritten(self, edit: Callable[[dict[str, Any]], _T | None]) -> _T | None:
        """The Saved record changed by `edit` (given it whole, changing it in place) and
        written back, unless `edit` gave None; what it gave. One transaction, so another
        process reads the record as it was before or after, never half changed; read again
        within it, so what another process changed since is kept."""
        with self._state.transact():
            current = self.saved()
            marked = self._file_links_marked(current)
            done = edit(current)
            if done is not None or marked:
                self._save(self._state, _SAVED, current)
        return done


def _text(record: dict[str, Any], field: str) -> str:
    value = record.get(field)
    return value if isinstance(value, str) else ""
