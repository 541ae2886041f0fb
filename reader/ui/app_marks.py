"""The reader app's read marks: shown at once, and written to the store in a thread, one after
another in the order they were made. A store another program holds (a `reader sync` writing, a
backup tool) makes the writes wait there, not the keys: the first `m` on one waited up to 30 s
on the event loop (SQLite's wait for the holder). One the store refuses (that wait run out, a
full disk) waits with those behind it until the store takes writes again (`keep_again`); one
still waiting when the reader quits is written then, or said on the terminal (`unkept_at_exit`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from typing import Any

from ..models import Entry, StoreError, Unwritable
from ..plural import plural
from ..reports import Headline
from .app_headlines import ReaderAppHeadlines
from .display import plain


class ReaderAppMarks(ReaderAppHeadlines):
    """The reader app's read marks, set and kept (see the module's docstring)."""

    _writing: asyncio.Task[bool] | None = None
    """The task writing the marks waiting (`_write_marks`), while it runs."""
    _marks_refused: StoreError | None = None
    """Why the store refused the first of the marks waiting; None while it takes them."""
    unkept_at_exit = ""
    """What the reader says on the terminal once it has quit: read marks it could not keep
    ("" when every one was kept)."""

    def set_read(self, entry: Entry, read: bool) -> None:
        self._keep(self.lib.mark_read, entry, read)
        self._changed([self.index.set_read(entry.id, read)])
        if not self._busy:
            self.status = self.summary()

    def mark_many(self, headlines: Iterable[Headline], read: bool) -> list[Headline]:
        """Set the read flag of many headlines at once (`A`, `C`, and their undoing), a store
        write per feed; returns those that changed, as they were before."""
        chosen = []
        for headline in headlines:
            now = self.index.get(headline.entry.id)
            if now is not None and now.read != read:
                chosen.append(now)
        self._keep(self.lib.mark_many_read, [h.entry for h in chosen], read)
        self._changed([self.index.set_read(h.entry.id, read) for h in chosen])
        if not self._busy:
            self.status = self.summary()
        return chosen

    def toggle_read(self, entry: Entry) -> bool:
        """Flip an entry's read flag; returns the new value."""
        headline = self.index.get(entry.id)
        read = not (headline.read if headline else self.lib.is_read(entry))
        self.set_read(entry, read)
        return read

    def _keep(self, write: Callable[..., object], *args: Any) -> None:
        """`write(*args)`, a mark for the store to keep, behind those waiting (kept in the
        order made). While the store refuses them, `keep_again` tries again: not each key,
        each trying costing another of SQLite's waits on a held store."""
        self._unkept.append((write, args))
        if self._marks_refused is None or self._marks_refused.unwritable != Unwritable.BUSY:
            self._start_writing()

    def _start_writing(self) -> None:
        if self._writing is None:
            self._writing = asyncio.ensure_future(self._write_marks())

    async def _write_marks(self) -> bool:
        """The marks waiting written in turn, each in a thread; True once none waits. The
        first the store refuses stops them, said in a notice (once for a full disk; each time
        the store is found held)."""
        try:
            kept = 0
            while self._unkept:
                write, args = self._unkept[0]
                try:
                    await asyncio.to_thread(write, *args)
                except StoreError as error:
                    self._say_refused(error)
                    return False
                del self._unkept[0]
                kept += 1
            refused, self._marks_refused = self._marks_refused, None
            if refused is not None and kept and not self._quitting:
                busy = refused.unwritable == Unwritable.BUSY
                again = "The data directory is free again" if busy else "The disk has room again"
                self.say_for_now(f"{again}: {plural(kept, 'mark')} kept")
            return True
        finally:
            self._writing = None

    def _say_refused(self, error: StoreError) -> None:
        was, self._marks_refused = self._marks_refused, error
        if self._quitting:
            return
        if error.unwritable == Unwritable.BUSY:
            if was is not None and was.unwritable == Unwritable.BUSY:
                return
            reason = error.args[0].removesuffix(": try again")
            shown = f"Not kept yet: {reason}; kept once it is free"
        elif not self._told_not_kept:
            self._told_not_kept = True
            shown = f"Marks are not kept: {error}"
        else:
            return
        self.notify(plain(shown, max_length=300).plain, severity="warning", markup=False)

    async def keep_again(self) -> None:
        """After a full disk: once space is freed, the store takes writes again, and the
        marks made meanwhile are kept, in the order they were made; the status line drops
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
        """The marks still waiting, written before the reader ends (behind the writing under
        way): one more try; those the store still refuses are said on the terminal once the
        reader has quit (`unkept_at_exit`), not lost without a word."""
        if self._writing is not None:
            await asyncio.shield(self._writing)
        if self._unkept and (self._marks_refused is None or not self.lib.read_only_tag):
            self._start_writing()
            if self._writing is not None:
                await asyncio.shield(self._writing)
        if self._unkept and self._marks_refused is not None:
            marks = sum(
                len(args[0]) if isinstance(args[0], list) else 1 for _, args in self._unkept
            )
            said = plain(str(self._marks_refused), max_length=300).plain
            self.unkept_at_exit = f"{plural(marks, 'read mark')} not kept: {said}"
