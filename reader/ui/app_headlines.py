"""The reader app's headlines: read from the store in a thread and redrawn (at the start, the
newest first and the rest after the first paint), their read flags set, the idle status line
counted over them, and the garbage collector kept off them (collected and frozen once the
screen has settled)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from threading import Thread
from typing import TypeVar

from ..models import Unwritable
from ..plural import plural
from ..reports import Headline
from .app_state import ReaderAppState
from .collector import (
    collect_and_freeze,
    freeze_long_lived,
    give_back_memory,
    release_closed_widgets,
)
from .headlines import SAVED_VIEW, HeadlineIndex
from .keymap import keymap_of
from .messages import ArticleClosed, HeadlinesChanged
from .quittable import quittable
from .store_changes import counted

_FILLED_OR_LOCKED = (Unwritable.DISK_FULL, Unwritable.READ_ONLY, Unwritable.FILE_READ_ONLY)
"""Why a write is refused that a status line says while it lasts (`_held_note`)."""

T = TypeVar("T")

FIRST_ROWS = 200
"""Headlines the start reads before the first paint: the newest of "All feeds", a few
screenfuls. A year's library (43,000 headlines) took seconds to read whole before any showed;
the rest is read after the first paint (`load_rest`)."""
READING_THE_REST = "Reading the rest of the headlines: the newest are shown…"
"""The status line while `load_rest` reads."""
COLLECT_AFTER_CLOSE = 0.5
"""Seconds after an article's screen closes (or headlines are loaded) before what is not frozen
is collected: right away, Textual still holds the screen while handling the close (and has
not drawn the headlines)."""


SYNC_STOPPED = " · the last sync was stopped before its end: S carries on"
"""After the idle counts, and a refresh's line, until a sync ends: the rest is not offline."""


ARTICLES_DAMAGED = "the article cache is damaged: `reader repair` mends it"
"""Said in the counts while the article cache reads as empty for its damage."""


class ReaderAppHeadlines(ReaderAppState):
    """The reader app's headlines, loaded and marked (see `ReaderApp`)."""

    first_rows = FIRST_ROWS
    """How many headlines the start reads before the first paint (`load_first`)."""

    # -- headlines -----------------------------------------------------------------------------
    async def reload(self, *, freeze: bool = True) -> None:
        """Read feeds and headlines from the store (in a thread) and redraw every list."""
        # A thread quitting does not wait for, as `load_rest`'s: every headline of a year's
        # library held `q`'s prompt seconds (what it writes, a list's page dates, is one
        # transaction: all or none of it).
        kept = self.main_screen.kept_rows()
        # Marks made as the store is read are newer than what it gives, as are those waiting
        # to be written then: each kept over it. A reload queued behind a suspend (SIGSTOP),
        # the keys typed meanwhile coming as it read, drew them the other way, and the counts
        # with them, until a later sync (acc46c F1).
        before = await self._marks_written()
        index = await quittable(
            HeadlineIndex.load, self.lib, self.config.feed_order, kept, name="reader-headlines"
        )
        now = self.index
        index.take_edits(now, since=before if now is self._read_from else 0)
        self.index = index
        self.give_back_memory()  # what reading every list freed (`load_rest`)
        await self._show_loaded(freeze)

    _read_from: HeadlineIndex | None = None
    """The index a reload's read of the store began under (`_marks_written`)."""

    async def _marks_written(self) -> int:
        """Once the marks made so far are in the store (written, or refused: waiting), how
        many edits of the index the store has: those after it are newer than a read starting
        now. None are, with a change still waiting (the store refused it)."""
        writing = getattr(self, "_writing", None)  # `ReaderAppMarks`': none before it
        if writing is not None:
            await asyncio.shield(writing)
        self._read_from = self.index
        return 0 if self._unkept else self.index.edits

    async def load_first(self) -> None:
        """Read the newest headlines (`first_rows` of the list shown, unread only or not) and
        draw them: the first screen of a year's library without its 43,000 headlines. The rest
        (`load_rest`), when there is more, is read after the first paint."""
        unread_only = self.main_screen.unread_only
        self.index = await asyncio.to_thread(
            HeadlineIndex.first, self.lib, self.first_rows, unread_only, self.config.feed_order
        )
        # Settled once they are on screen (`ReaderApp._start`), not half a second from now: a
        # start slower than that (a busy machine) collected the whole heap before its first
        # frame, ~50 ms of CPU (more than the rows' reading and drawing) at load 10.
        await self._show_loaded(freeze=True, settle=False)

    async def load_rest(self) -> None:
        """Read every headline (in a thread) after `load_first` drew the newest, and fill the
        lists with them, the cursor and the view left where the user has them. Flags edited
        meanwhile (`m`, an article read) are kept."""
        first = self.index
        if first.whole:
            return
        # It only reads the store: a thread quitting does not wait for.
        index = await quittable(
            HeadlineIndex.load, self.lib, self.config.feed_order, name="reader-rest-of-headlines"
        )
        if self.index is not first:
            return  # read whole meanwhile (a reload): that one stands
        index.take_edits(first)
        self.index = index
        # Every feed's list was read, its records decoded and let go, the summaries a list's
        # headlines hold none of among them (`Entry.summary_cut`): a year of feeds carrying
        # their articles whole left ~200 MB of them in the C heap.
        self.give_back_memory()
        if not self._busy:
            freeze_long_lived()  # as `reload` does
            self._settle_soon()
        self.main_screen.post_message(HeadlinesChanged(whole=True))
        self.show_counts()

    async def _show_loaded(self, freeze: bool, settle: bool = True) -> None:
        """The index just read, drawn (see `reload`), and `settle`d soon after."""
        self._sync_stopped = await asyncio.to_thread(self.lib.sync_stopped)
        if freeze and not self._busy:
            # Tens of thousands of long-lived headline objects (acyclic: refcounting frees them
            # when replaced): keep the cyclic collector from walking them again and again, which
            # stalled cursor moves by ~100 ms (measured in benchmarks/tui_headlines.py). During
            # a job nothing walks them (see `collector`), and its end collects, then freezes.
            freeze_long_lived()
            if settle:
                self._settle_soon()
        self.main_screen.post_message(HeadlinesChanged())
        self.show_counts()  # a job's end, an added feed, put up their own line after

    async def recache(self) -> None:
        """Read again which articles are cached (in a thread), not every headline: those a
        sync in another window cached since are marked, dated by their pages when their feed
        gave no date."""
        index = self.index
        fresh = await asyncio.to_thread(self.lib.recached, list(index.headlines))
        if index is not self.index or not fresh:
            return  # read whole meanwhile (a reload): marked already
        changed, moved = index.recached(fresh)
        self.main_screen.post_message(HeadlinesChanged(None if moved else tuple(changed)))
        self.show_counts()

    def settle(self) -> None:
        """Collect and freeze what is on screen now (an article just laid out, the list come
        back to), unless a job is running: its end does that (see `collector`)."""
        if self._settle_timer is not None:
            self._settle_timer.stop()
            self._settle_timer = None
        # What the reads of the article or list just shown left mapped of the store's files,
        # unmapped by each thread's next read: one article's at most, not every one read.
        if self.library is not None:  # a settle put in hand before the reader quit
            self.library.store.let_go_of_maps()
        if not self._busy and not collect_and_freeze():
            # A closed article's screen still held (a busy machine had not handled its last
            # messages): not frozen with the rest, a moment more (`collector._ReadingViews.closed`).
            self._settle_soon()

    def on_article_closed(self, _message: ArticleClosed) -> None:
        """Settle once nothing refers to the closed screen any more (its last messages are
        handled): its article, never frozen, is freed by that collection alone."""
        release_closed_widgets()
        # Counted from the close: one put in hand before (the rest of the headlines read in
        # as the article was open) came while Textual still held the screen, and froze it.
        if self._settle_timer is not None:
            self._settle_timer.stop()
            self._settle_timer = None
        self._settle_soon()

    def _settle_soon(self) -> None:
        """`settle` in a moment: once a closed screen's last messages are handled, or the
        headlines just loaded are drawn: what those rows are drawn with (~40,000 objects on a
        year's list) is frozen then, not walked by the settle of every article read with `n`
        until an Esc (an article open is never frozen, see `collector`)."""
        if self._settle_timer is None:
            self._settle_timer = self.set_timer(COLLECT_AFTER_CLOSE, self.settle)

    def give_back_memory(self) -> None:
        """What was freed (a search's hits left) handed back to the system, not kept by the C
        heap for later (`collector.give_back_memory`), in a thread of its own: tens of ms on a
        big heap."""
        Thread(target=give_back_memory, name="reader-give-back", daemon=True).start()

    def say_for_now(self, line: str) -> None:
        """`line` in the status line, answering one action (`A`, `U`): it gives way to the idle
        counts after `notice_seconds`, or once the user leaves the list (`notice_over`). It
        stayed for minutes, through other feeds and articles, in their place (acc27b B4)."""
        self._no_feed_note = False  # the counts follow the line
        self.status = self._notice = line
        self.remember_said(line)  # while a job runs too (whose lines are not kept)
        if self._notice_timer is not None:
            self._notice_timer.stop()
        self._notice_timer = self.set_timer(self.notice_seconds, self.notice_over)

    def say_while_shown(self, line: str) -> None:
        """`line` in the status line while the user stays on the list it is about (a failing
        feed's error): it gives way to the idle counts once they leave it (`notice_over`). Set
        as a plain status, it stayed over the next lists (acc29a K1)."""
        if self._notice_timer is not None:
            self._notice_timer.stop()
            self._notice_timer = None
        self.status = self._notice = line
        self.remember_said(line)

    def notice_over(self) -> None:
        """The line `say_for_now` put up, if still there, gives way to what a refresh said
        meanwhile (`show_unasked`), else to the idle counts."""
        if self._notice_timer is not None:
            self._notice_timer.stop()
            self._notice_timer = None
        held, self._held_status = self._held_status, ""
        if self._notice and self.status == self._notice:
            if held:
                self.status = held
            elif not self._busy:
                self.status = self.summary()
        self._notice = ""

    def show_unasked(self, line: str) -> None:
        """`line`, from what happens unasked (a refresh's progress, its summary), in the status
        line; while a line answering a key is up (`say_for_now`), after it: the refresh on
        opening put "Refreshed 20 of 24 feeds" over `A`'s "Marked 295 headlines read · U marks
        them unread again", which was never read (acc35a E7)."""
        if self._notice_timer is not None and self.status == self._notice:
            self._held_status = line
        else:
            self._held_status = ""
            self.status = line

    @property
    def idle_line(self) -> str:
        """The idle counts as last put together (`summary`)."""
        return self._counts_line

    def summary(self) -> str:
        """The idle status line: counts over every feed."""
        self._counts_line = self._counts()
        return self._counts_line

    def show_counts(self) -> None:
        """The idle counts put up anew after what happens unasked (articles fetched ahead,
        another sync's headlines or articles read in), only over the counts: a line answering something (a sync's
        summary, `say_for_now`'s) stays. The fetch ahead a sync's end starts put the counts
        over its summary at once (acc29b T11), another sync's progress over "Another sync is
        running" (T8)."""
        if not self._busy and self.status == self._counts_line:
            self.status = self.summary()

    _library_elsewhere: str | None = None

    @property
    def library_elsewhere(self) -> str:
        """The line naming the library left where the reader kept it before XDG_DATA_HOME was
        set, shown over "No feeds yet" (`other_places`); looked for once (two stats)."""
        if self._library_elsewhere is None:
            from ..other_places import library_elsewhere_said

            self._library_elsewhere = library_elsewhere_said(self.data_dir)
        return self._library_elsewhere

    _no_feed_note = True
    """A library with no feed: its note ("No feeds yet: press a …") stands for the idle counts
    until a key says something or an article opens (`no_feed_note_over`), as a refresh's
    summary does. Pinned there, it was all `E`, `s` and `m` left on the line, inside an
    article too, as if they did nothing (acc51b B5)."""

    def no_feed_note_over(self) -> None:
        """The no-feed note gives way to the counts (see `_no_feed_note`); the empty "All
        feeds" keeps saying it."""
        if self._no_feed_note:
            self._no_feed_note = False
            self.show_counts()

    def _counts(self) -> str:
        index = self.index
        if not index.whole:
            return READING_THE_REST
        add = "" if index.feeds else keymap_of(self).key("add_feed", "the headlines")
        if not index.feeds and self._no_feed_note:
            if elsewhere := self.library_elsewhere:
                return index.saved_note(f"No feeds here: {elsewhere}.")
            press = f"press {add} to add one (or `reader add URL`)" if add else "`reader add URL`"
            return index.saved_note(f"No feeds yet: {press}, or try `reader demo`.")
        failed = [f for f in index.feeds if f.last_error]
        # Counts kept by the index: this runs on every cursor move over 10,000 headlines. The
        # most useful first, the count offline last: at 80 columns the line is cut at its end
        # ("42912 headlines · 6888 unread · 12093 available offline · 3 feeds failed (mar…").
        if index.feeds:
            line = f"{index.unread_in(None)} unread of {index.count_in(None)}"
        else:  # the saved articles', where `E` shows as one more archived, and read
            line = (
                f"{index.unread_in(SAVED_VIEW)} unread of {index.saved - index.archived} in Saved"
            )
            line += f" · {index.archived} in Archive" if index.archived else ""
        if held := self._held_note():  # first: a change just made is not in the store yet
            line = f"{held} · {line}"
        if failed:
            # Their last fetch failed: "failing" is `reader feeds --failing`'s, which waits
            # days before counting a passing failure (feeds50).
            line += f" · {plural(len(failed), 'feed')} failed (marked !)"
        if self.lib.read_only_tag:
            line += f" · {self.lib.read_only_tag}: nothing new is kept"
        if self.lib.store.articles_damaged:  # read as empty: said while it lasts (acc42b B11)
            line += f" · {ARTICLES_DAMAGED}"
        if self._sync_stopped:  # quit (or Ctrl-C) mid-sync: the rest is not offline
            line += SYNC_STOPPED
        line += f" · {index.cached} available offline"
        if not index.feeds:
            line += f" · no feeds ({add} adds one)" if add else " · no feeds"
        return line

    def refusing_writes(self) -> str:
        """Why the store keeps nothing new now, in a status line's few words ("" when it
        does): opened so (`read_only_tag`), or a disk that filled or went read-only under the
        open reader, found so by a change it refused and not yet kept after all."""
        if self.library is not None and self.library.read_only_tag:
            return str(self.library.read_only_tag)
        refused = self._marks_refused
        if refused is not None and refused.unwritable in _FILLED_OR_LOCKED:
            return str(refused.unwritable)
        return ""

    def _held_note(self) -> str:
        """While another program holds the store past a change's try (`write_try`): that it
        does, and what waits to be written once it lets go ("" otherwise). The first `m` on a
        held store was shown done with no word of it, and quitting lost it (acc33b B6)."""
        refused = self._marks_refused
        if refused is None:
            return ""
        waiting = counted(self._unkept, short=True)
        if refused.unwritable == Unwritable.BUSY:
            kept = f": {waiting} kept to write once it is free" if waiting else ""
            return f"The data directory is busy (another program holds it){kept}"
        # A disk that filled, or went read-only, under the open reader: said while it lasts,
        # as one found so at the start is (`read_only_tag`). Only the first change refused
        # was said, in a notice; the status line kept its counts, and the marks and tags
        # made after it looked kept (acc49a A4).
        if refused.unwritable not in _FILLED_OR_LOCKED or not waiting or self.lib.read_only_tag:
            return ""
        why = str(refused.unwritable)
        return f"{why[:1].upper()}{why[1:]}: {waiting} not kept yet (tried again every few seconds)"

    def _changed(self, headlines: Iterable[Headline | None]) -> None:
        changed = tuple(h for h in headlines if h is not None)
        if changed:
            self.main_screen.post_message(HeadlinesChanged(changed))
