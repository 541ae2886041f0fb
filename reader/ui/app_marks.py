"""The reader app's changes to the store a key makes: read marks, an article saved, unsaved,
archived or tagged, the lists' view (unread only, the feed list put away, the list left on).
Shown at once, and written to the store in a thread, one after another in the order they were
made. A store another program holds (a `reader sync` writing, a backup tool) makes the writes
wait there, not the keys: the first `m` on one waited up to 30 s on the event loop (SQLite's
wait for the holder), as `s`, `E`, `#`, `L` and `f` each did. Each try waits `write_try`
seconds for the holder, not SQLite's 30 (nothing was said meanwhile: acc33b B6); one the store
refuses (held past that, a full disk) waits with those behind it until the store takes writes
again (`keep_again`), the status line saying so; one still waiting when the reader quits is
written then, or said on the terminal (`unkept_at_exit`).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, TypeVar

from ..models import Entry, StoreError, Unwritable
from ..reports import Headline
from ..url_display import shown_url
from .app_headlines import ReaderAppHeadlines
from .display import plain
from .store_changes import MARK, OPENED, PLACE, SAVED, VIEW, ChangeKind, Unkept, counted

T = TypeVar("T")

MARKED_READ = "Marked read: "
MARKED_UNREAD = "Marked unread: "
"""How `m`'s notice begins (its headline's title after): one replaces the one before it."""

WAITING_AT_QUIT = "Waiting for the data directory (held by another program)…"
"""On the terminal, quitting, while the changes still to keep wait for the holder."""


class ReaderAppMarks(ReaderAppHeadlines):
    """The reader app's changes to the store, shown and kept (see the module's docstring)."""

    _waiting_said = False
    """`WAITING_AT_QUIT` is on the terminal."""

    _writing: asyncio.Task[bool] | None = None
    """The task writing the changes waiting (`_write_marks`), while it runs."""
    unkept_at_exit = ""
    """What the reader says on the terminal once it has quit: changes it could not keep
    ("" when every one was kept)."""

    _to_undo: dict[str, Headline] | None = None
    """The headlines the last `A` or `C` marked read, by entry id: `U` marks them unread again
    (`take_marking`). None when there is nothing to undo."""

    def remember_marking(self, marked: Iterable[Headline]) -> None:
        """`marked`: the headlines an `A` or a `C` just marked read, for `U` to undo."""
        self._to_undo = {h.entry.id: h for h in marked}

    def marking_to_undo(self) -> bool:
        """Whether `U` has an `A` or a `C` to undo."""
        return bool(self._to_undo)

    def take_marking(self) -> list[Headline]:
        """The headlines `U` marks unread again: those the last `A` or `C` marked read, less
        any read (opened), marked or unmarked since: `U` put an article read after the
        mark-all back among the unread (acc41a A3). Nothing is left to undo after."""
        marked, self._to_undo = self._to_undo or {}, None
        return list(marked.values())

    def set_read(self, entry: Entry, read: bool, opened: bool = False) -> None:
        """`opened`: the entry's article is on screen now (`reader list --read-since`)."""
        if self._to_undo:
            # Read (or marked) since the mark-all: the user's own word on it, not the
            # mark-all's, and `U` leaves it so, in every feed that lists its article.
            here = self.index.get(entry.id)
            for headline in self.index.with_elsewhere([here]) if here is not None else ():
                self._to_undo.pop(headline.entry.id, None)
            self._to_undo.pop(entry.id, None)
        opened_at = time.time() if opened else None
        # Its article read in every feed listing it (acc39b Q3): the other feeds' headlines
        # of it as the index has them, when it has them all.
        changed = self.index.set_read_everywhere(entry.id, read)
        others = [h.entry for h in changed if h.entry.id != entry.id] if self.index.whole else None
        mark = partial(self.lib.mark_read, entry, read, opened_at, others, noted=opened)
        self.keep(Unkept(mark, MARK))
        self._changed(changed)
        if not self._busy:
            self.status = self.summary()

    def mark_many(self, headlines: Iterable[Headline], read: bool) -> list[Headline]:
        """Set the read flag of many headlines at once (`A`, `C`, and their undoing), a store
        write per feed, each a change of its own: the store refusing one (held past a try)
        after others were written leaves those of the feeds not written waiting, and counted
        as not kept at the end, not the whole batch. Returns the headlines that changed, as
        they were before."""
        chosen = []
        by_feed: dict[str, list[Entry]] = {}
        # The other feeds' headlines of their articles too: an article read is read wherever
        # it is listed (acc39b Q3), marked by one more change, every list read once.
        for headline in self.index.with_elsewhere(headlines):
            now = self.index.get(headline.entry.id)
            if now is not None and now.read != read:
                chosen.append(now)
                by_feed.setdefault(now.entry.feed_url, []).append(now.entry)
        for entries in by_feed.values():
            mark = partial(self.lib.mark_many_read, entries, read, False, shown_beside=False)
            self.keep(Unkept(mark, MARK, len(entries)))
        if chosen and not self.index.whole:  # the store lists some the index does not yet
            marked = [h.entry for h in chosen]
            self.keep(Unkept(partial(self.lib.mark_elsewhere, marked, read), MARK, 0))
        self._changed([self.index.set_read(h.entry.id, read) for h in chosen])
        if not self._busy:
            self.status = self.summary()
        return chosen

    def toggle_read(self, entry: Entry) -> bool:
        """Flip an entry's read flag, said in words as `s` says its change: `m` changed a mark
        and a count, unsaid, which a screen reader never reads (acc42a A6). Returns the new
        value."""
        headline = self.index.get(entry.id)
        read = not (headline.read if headline else self.lib.is_read(entry))
        self.set_read(entry, read)
        title = plain(entry.title or shown_url(entry.link), max_length=120).plain
        self.notify(f"{MARKED_READ if read else MARKED_UNREAD}{title}", markup=False)
        return read

    def keep_unread_only(self, unread_only: bool) -> None:
        """Remember whether the lists show only unread headlines, for the next start: the
        reader opens as it was left. Kept as a read mark is (one small record)."""
        configured = self.config.unread_only
        self.keep(Unkept(partial(self.lib.keep_unread_only, unread_only, configured), VIEW))

    def keep_feeds_hidden(self, hidden: bool) -> None:
        """Remember whether the feed list is put away (`f`), for the next start."""
        self.keep(Unkept(partial(self.lib.keep_feeds_hidden, hidden), VIEW))

    def keep_folded_folders(self, closed: frozenset[tuple[str, ...]]) -> None:
        """Remember the feed list's folders folded (`z`), for the next start."""
        self.keep(Unkept(partial(self.lib.keep_folded_folders, closed), VIEW))

    def keep_saved(
        self,
        write: Callable[[], object],
        then: Callable[[Any], None] | None = None,
        kind: ChangeKind = SAVED,
    ) -> None:
        """`write`, a change to Saved (shown already), kept as the others are (`keep`), and
        `then` given what it returned; the store's note of it read back after it, so that the
        look for changes made outside (`_outside_changes`) doesn't take the reader's own for
        one and read every list again."""

        def written() -> tuple[object, float]:
            return write(), self.lib.store.changed_at()

        def kept(result: tuple[object, float]) -> None:
            self._changed_seen = max(self._changed_seen, result[1])
            if then is not None:
                then(result[0])

        self.keep(Unkept(written, kind, then=kept))

    def keep(self, change: Unkept) -> None:
        """`change` for the store to keep, behind those waiting (kept in the order made).
        While the store refuses them, `keep_again` tries again: not each key, each trying
        costing another of SQLite's waits on a held store."""
        self._unkept.append(change)
        if self._marks_refused is None or self._marks_refused.unwritable != Unwritable.BUSY:
            self._start_writing()
        else:
            self.show_counts()  # how many wait, in the status line

    def _start_writing(self) -> None:
        if self._writing is None:
            self._writing = asyncio.ensure_future(self._write_marks())

    async def _write_marks(self) -> bool:
        """The changes waiting written in turn, each in a thread; True once none waits. The
        first the store refuses stops them, said in a notice (once for a full disk; each time
        the store is found held)."""
        try:
            kept: list[Unkept] = []
            while self._unkept:
                change = self._unkept[0]
                # Quitting, the store's own deadline ends the wait (`_give_up_waiting`).
                wait = self.quit_wait if self._quitting else self.write_try
                try:
                    result = await asyncio.to_thread(
                        self.lib.write_waiting_at_most, wait, change.write
                    )
                except StoreError as error:
                    self._say_refused(error, change.kind)
                    return False
                del self._unkept[0]
                kept.append(change)
                if change.then is not None:
                    change.then(result)
            refused, self._marks_refused = self._marks_refused, None
            if refused is not None and kept and not self._quitting:
                self.say_for_now(_kept_again(refused, counted(kept, short=True)))
            return True
        finally:
            self._writing = None

    def _say_refused(self, error: StoreError, kind: ChangeKind) -> None:
        was, self._marks_refused = self._marks_refused, error
        if self._quitting:
            return
        self.show_counts()  # and for as long as it refuses (`_held_note`)
        if error.unwritable == Unwritable.BUSY:
            if was is not None and was.unwritable == Unwritable.BUSY:
                return
            reason = error.args[0].removesuffix(": try again")
            shown = f"Not kept yet: {reason}; kept once it is free"
        elif not self._told_not_kept:
            self._told_not_kept = True
            nouns = "Marks" if kind is MARK else kind.nouns[:1].upper() + kind.nouns[1:]
            shown = f"{nouns} are not kept: {error}"
        else:
            return
        self.notify(plain(shown, max_length=300).plain, severity="warning", markup=False)

    async def keep_again(self) -> None:
        """After a full disk: once space is freed, the store takes writes again, and the
        changes made meanwhile are kept, in the order they were made; the status line drops
        "the disk is full". Until then, nothing (tried again every few seconds). Likewise
        once a program holding the data directory lets go of it."""
        if self._writing is not None or (not self._unkept and not self.lib.read_only_tag):
            return
        if not await asyncio.to_thread(self.lib.writable_again):
            return
        if self._unkept:
            self._start_writing()
        else:
            self.show_counts()

    async def keep_marks_before_exit(self) -> None:
        """The changes still waiting, written before the reader ends (behind the writing
        under way): one more try, all of it within `quit_wait` seconds of quitting
        (`_give_up_waiting`), said on the terminal while it waits on a held store; then the
        reading places and notes of articles opened the store refused in the background, tried
        again (`Library.keep_notes_before_close`). Those the store still refuses are said there
        once the reader has quit (`unkept_at_exit`), not lost without a word."""
        self._give_up_waiting()
        if self._writing is not None:
            await self._waited_for(self._writing)
        if self._unkept and (self._marks_refused is None or not self.lib.read_only_tag):
            self._start_writing()
            if self._writing is not None:
                await self._waited_for(self._writing)
        notes = await self._waited_for(asyncio.ensure_future(self.lib.keep_notes_before_close()))
        unkept = [] if self._marks_refused is None else [*self._unkept]
        why = self._marks_refused if counted(unkept) else notes.why
        unkept += [Unkept.of_none(PLACE, notes.places), Unkept.of_none(OPENED, notes.opened)]
        if why is not None and (lost := counted(unkept)):
            said = plain(str(why), max_length=300).plain
            self.unkept_at_exit = f"{lost} not kept: {said}"

    async def _waited_for(self, writing: asyncio.Future[T]) -> T:
        """`writing` awaited as the reader quits, the terminal told why when it waits on a
        held store (found so, or a write waiting past a try): the screen is the shell's
        already, and the prompt did not come back for seconds, with no word of why."""
        if not self._waiting_said:
            refused = self._marks_refused
            busy = refused is not None and refused.unwritable == Unwritable.BUSY
            done, _ = await asyncio.wait({writing}, timeout=0 if busy else self.write_try)
            if not done:
                self._waiting_said = True
                self.say_on_terminal(WAITING_AT_QUIT)
        return await asyncio.shield(writing)


_AGAIN = {
    Unwritable.BUSY: "The data directory is free again",
    Unwritable.DISK_FULL: "The disk has room again",
    Unwritable.READ_ONLY: "The data directory takes writes again",
    Unwritable.FILE_READ_ONLY: "The cache files take writes again",
}
"""What the status line says of the store taking writes after it refused them, by why."""


def _kept_again(refused: StoreError, kept: str) -> str:
    """The line saying `kept` (the changes written) after the store refused them with
    `refused`: what changed named only when the refusal said it. "The disk has room again"
    followed any refusal, a damaged file's (acc42b B3), a read-only mount's."""
    again = _AGAIN.get(refused.unwritable) if refused.unwritable else None
    return f"{again}: {kept} kept" if again else f"{kept} kept after all"
