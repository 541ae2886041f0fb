"""The reader app's state, and how it runs its jobs: what it holds (the one `Library`, the
headline index, the main screen, the status line), the workers a job runs in (an unexpected error
becomes the status line, never a traceback; none started once it is quitting), and the quitting
itself, which keeps the place of an article open."""

from __future__ import annotations

import asyncio
import sys
import time
import weakref
from collections import deque
from collections.abc import Coroutine, Sequence
from contextlib import suppress
from functools import partial
from inspect import CORO_CREATED, getcoroutinestate
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.css.query import NoMatches
from textual.filter import LineFilter
from textual.reactive import var
from textual.timer import Timer

from ..config import Config
from ..library import Library
from ..library.resources import HELD_WAIT
from ..models import Article, StoreError
from ..reports import SyncProgress
from ..upgraded import Upgraded, upgrade_in
from .headlines import HeadlineIndex
from .keymap import keymap_of
from .screens.main import MainScreen
from .store_changes import VIEW, Unkept
from .themes import (
    READER_VARIABLES,
    TEXTUAL_THEMES,
    apply_theme,
    fit_linux_console,
    line_filters,
)
from .timer_floor import floor_timers

if TYPE_CHECKING:
    from .error_output import ErrorOutput

OUTSIDE_EVERY = 5.0
"""A diskcache read every 5 s: a sync in another window shows here within seconds."""


QUIT_WAIT = 5.0
"""Seconds quitting waits in all for another program holding the store, for the changes still
to write: then those not written are said on the terminal."""

PROGRESS_EVERY = 5.0
"""Seconds a job's progress line stands at most within one tenth of its work (a long sync's
tenth may take minutes: the line still moves)."""

SAID_KEPT = 100
"""The lines said that `P` lists at most (the newest)."""

NOTICE_SECONDS = 10.0
"""How long a line answering one action ("Marked 8 headlines of … read") stays in the status line,
unless the list shown is left before: then the idle counts are back."""


class ReaderAppState(App[int]):
    """What the reader app holds, and how it runs its jobs (see `ReaderApp`)."""

    # `var`, not `reactive`: an app's reactive repaints the whole screen at each change (App.
    # refresh), ~13 KB at 80x24 for each step of a refresh's progress; the bars watching these
    # repaint their own line.
    status: var[str] = var("")
    """The status line every screen shows: what is happening, or the last error."""
    count_typed: var[str] = var("")
    """A count typed before a key (`5` of `5j`), shown at the status line's end (`counts`)."""
    said_at_exit = ""
    """What the reader says on the terminal once it has quit, no failure (`unkept_at_exit`
    is one): a sync quitting stopped, and what it left (`exit`)."""
    sync_progress: SyncProgress | None = None
    """The last progress of the sync running (`_show_progress`), None before its first."""
    error_output: ErrorOutput | None = None
    """Where the processes it starts write their errors while its screen is drawn (the data
    directory's `errors.log`: `error_output`); None: the terminal, as in a test's app."""
    upgrade = True
    """Whether a data directory of an older format is upgraded as the reader opens it (and said
    so in a notice); False, as the user chose before it started (`cli.demo`), reads it as it
    is, keeping nothing, as on a read-only disk: an older reader sharing it still opens it."""

    def __init__(
        self, data_dir: Path, *, refresh_on_start: bool = True, config: Config | None = None
    ) -> None:
        floor_timers()  # Textual's own toasts made a timer spin the loop for good (timer_floor)
        super().__init__()
        self.data_dir = data_dir
        self.config = config or Config(data_dir / "config.toml")
        apply_theme(self, self.config.theme)
        fit_linux_console(self)
        self.plain = self.config.plain
        """The screen drawn for a screen reader or a braille display (`[ui] plain`): the class
        `-plain` for reader.tcss (no frames nor scroll bars), letters for marks."""
        self.set_class(self.plain, "-plain", update=False)
        self.refresh_on_start = refresh_on_start and self.config.refresh_on_open
        self.library: Library | None = None
        self.index = HeadlineIndex()
        self.main_screen = MainScreen()
        self.ready = asyncio.Event()
        """Set once the cached headlines are on screen, every one of them (tests and screenshots
        wait for it): a library of more than `first_rows` shows the newest before."""
        self.shown = asyncio.Event()
        """Set once the screen has been drawn with them, the keys typed at it have rested
        (`ReaderApp._until_keys_rest`) and the network stack is in: the fetch ahead waits for
        it, leaving the first paint and the first keys the CPU (the worker processes and the
        refresh come after them in `_start` too)."""
        self._busy = ""
        """The long job running ("refresh" or "sync"), so a second one isn't started on top."""
        self._job_task: asyncio.Task[object] | None = None
        """The task running it, for a sync to stop a refresh and take its place."""
        self.outside_every = OUTSIDE_EVERY
        """Seconds between two looks for a refresh or sync another process made."""
        self._changed_seen = 0.0
        """When the last refresh or sync this reader has read in ended (`Store.changed_at`)."""
        self._cached_seen = 0.0
        """When a sync running elsewhere last said it cached articles, as read in here
        (`Store.cached_at`)."""
        self._sync_next = False
        """A sync is to start as soon as the refresh it stopped (or let finish) has ended."""
        self._finishing = ""
        """The job ("refreshing", "syncing") whose work is done while its end is read in (the
        list reloaded, its line said): a sync asked for then takes a refresh's feeds over."""
        self._taken_over = 0
        """The feeds in that the sync starting took over from a refresh (`hand_over_refresh`):
        its line says so until it has counted them, not "feeds 0/40" as if asking again."""
        # How many uncached articles of the list on screen are fetched ahead of the reader.
        self.prefetch_limit = self.config.fetch_ahead
        self._downloads: dict[str, asyncio.Future[Article]] = {}
        """Article downloads in flight, by entry id (see `_download`)."""
        self._prefetch_failed: set[str] = set()
        """Entries whose prefetch failed this session: not retried until the user opens them."""
        self._flush_pending = False
        self._arrived: dict[str, bool] = {}
        """Entries whose articles a running sync has cached since the last screen update, and
        whether only in part."""
        self._pending_status = ""
        self._progress_step: tuple[object, ...] | None = None
        """The step of a job's progress its line last said (`ReaderAppSync._progress_due`)."""
        self._progress_at = 0.0
        """When (`time.monotonic`) that line was said."""
        self.progress_every = PROGRESS_EVERY
        """Seconds a job's progress line stands at most within one tenth of its work."""
        self._feeds_in: dict[str, bool] = {}
        """Feeds a running job has brought in since the list was last filled (`app_fill`), and
        whether with headlines to read (not unchanged, not failed)."""
        self._filler: object | None = None
        """The worker filling the list in (its token), while one runs."""
        self.refresh_coming = self.refresh_on_start
        """The refresh on opening is still to start: an empty list says it is fetching already."""
        self.nothing_fetched = ""
        """What an empty list says after a refresh that every feed failed in (`nothing_came`)."""
        self._settle_timer: Timer | None = None
        self._quitting = False
        """Set by `exit`: keys typed after `q` start no job (see `_run`)."""
        self._told_not_kept = False
        self._marks_refused: StoreError | None = None
        """Why the store refused the first of the changes waiting; None while it takes them."""
        self.write_try = HELD_WAIT
        """Seconds a change a key made (a read mark, a save) waits for another program holding
        the store before the status line says so and it waits its next try."""
        self.quit_wait = QUIT_WAIT
        """Seconds quitting waits in all for such a program (`_give_up_waiting`)."""
        self._gave_up_waiting = False
        self.said_on_terminal: list[str] = []
        """What quitting said on the terminal while it waited (`say_on_terminal`)."""
        self._unkept: list[Unkept] = []
        """Changes not kept yet (read marks, saves), in the order made: being written, or
        refused by the store (a full disk, another program holding it) until it takes them
        (`app_marks`)."""
        self._unsaved: dict[str, dict[str, Any]] = {}
        """The saved records of the articles `s` unsaved this session, by entry id: `s` again
        puts one back as it was (its tags, when saved, its archive mark), with no fetch."""
        self.notice_seconds = NOTICE_SECONDS
        """Seconds a line answering one action (`say_for_now`) stays before the idle counts."""
        self._notice = ""
        """That line, while it is the status line's (`say_for_now`)."""
        self._notice_timer: Timer | None = None
        self._held_status = ""
        """What a refresh or a sync said (its progress, its summary) while a line answering a
        key held the status line (`show_unasked`): shown once that line gives way."""
        self._counts_line = ""
        """The idle counts last put together (`summary`): whether the status line shows them."""
        self._sync_stopped = False
        """A sync was stopped before its end and none ended since (the store says, at a
        reload): the idle line says so."""
        self.said: deque[tuple[float, str]] = deque(maxlen=SAID_KEPT)
        """The last lines said (when, what; oldest first): the status line's but its idle
        counts and a job's progress, and every notice; `P` lists them (`remember_said`)."""

    def remember_said(self, line: str) -> None:
        """`line`, said now, for `P`'s list of the last messages (not twice in a row)."""
        if line and (not self.said or self.said[-1][1] != line):
            self.said.append((time.time(), line))

    def watch_status(self, line: str) -> None:
        # Not the idle counts (said again at every mark) nor a job's progress (a line a step).
        if not self._busy and line != self._counts_line:
            self.remember_said(line)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        # The reader's own variables (reader.tcss), for a theme that doesn't set them.
        dark = TEXTUAL_THEMES["dark"].variables
        return {name: dark[name] for name in READER_VARIABLES}

    def get_line_filters(self) -> Sequence[LineFilter]:
        filters = super().get_line_filters()
        console = self.current_theme.name.endswith("-console")  # `themes.CONSOLE_THEMES`
        return line_filters(
            filters, no_color=self.no_color, ansi=self.current_theme.ansi, console=console
        )

    # -- jobs ----------------------------------------------------------------------------------
    def exit(self, *args: Any, **kwargs: Any) -> None:
        if not self._quitting:
            self._leave_screen()  # first: what follows writes to the store, which may wait
            self._give_up_waiting()
            # No article screen is open unless its module was imported: importing it to ask
            # (1.3 s on a busy machine) held up every quit from the headlines, and a hang-up.
            article = sys.modules.get(f"{__package__}.screens.article")
            reading = None
            for screen in self.screen_stack if article is not None else ():
                if isinstance(screen, article.ArticleScreen):  # quit from an article (Ctrl-Q)
                    with suppress(NoMatches):  # a screen half torn down: quitting comes first
                        screen.remember_place()
                        reading = reading or screen.headline.entry.id
            self._keep_left_list(reading)
            if self._busy == "syncing" and self.library is not None:
                # Asked now, while it runs: quitting cancels it. Said at the next start
                # (`summary`); written with the changes waiting, in a thread: on the event
                # loop, a held store froze it for the whole wait. Not kept, not worth a line:
                # the record the sync wrote as it began says so all the same.
                self.keep(Unkept(self.library.note_sync_stopped, VIEW, count=0))
                # And on the terminal, where the shell comes back: quitting mid-sync is
                # how it stops, and nothing said so but the next start's line (acc44a A15).
                sync_key = keymap_of(self).key("sync", "the headlines") or ""
                again = "`reader sync`" + (f" or {sync_key}" if sync_key else "")
                progress = self.sync_progress
                self.said_at_exit = (
                    f"sync {progress.stopped(again)}"
                    if progress is not None
                    else f"sync stopped before its end; {again} carries on"
                )
        self._quitting = True
        super().exit(*args, **kwargs)

    def _give_up_waiting(self) -> None:
        """Every store write from now on (the changes still to keep, the place in the article
        open, the note of a sync stopped) waits `quit_wait` seconds in all for another program
        holding the store: quitting on a held one waited SQLite's 30 s for each in turn, 85 s
        before the shell's prompt came back (acc33b B6)."""
        if self.library is not None and not self._gave_up_waiting:
            self._gave_up_waiting = True
            self.library.give_up_waiting(self.quit_wait)

    def _keep_left_list(self, reading: str | None) -> None:
        """The list shown and its cursor's headline (the article `reading`, quit from), kept
        for the next start to open on (`MainScreen.reopen`)."""
        if self.library is None or self.library.read_only or not self.main_screen.is_mounted:
            return
        with suppress(NoMatches):  # a screen half torn down: quitting comes first
            view = self.main_screen.left_list(reading)
            # Written after the screen is given back, with the changes waiting (`app_marks`);
            # not kept, the next start opens on "All feeds": not worth a line on the terminal.
            self.keep(Unkept(partial(self.library.keep_left_list, *view), VIEW, count=0))

    def keep(self, change: Unkept) -> None:
        """`change` for the store to keep, in its turn (`ReaderAppMarks.keep`)."""
        raise NotImplementedError

    def _leave_screen(self) -> None:
        """The terminal's screen given back as the key to quit comes, not once the app has
        shut down: the place in the article kept first (a write that waits while another
        process, a `reader sync`, writes the store), the app's shutdown after, kept the reader's
        screen drawn, unchanged, for seconds, and people pressed `q` again (acc27b B18). The
        worker processes are shut down after, out of sight."""
        if (leave_screen := getattr(self._driver, "leave_screen", None)) is not None:
            self._begin_batch()  # nothing painted from now on, over the shell's lines
            leave_screen()

    def say_on_terminal(self, line: str) -> None:
        """`line` on the terminal, once quitting has given its screen back (`_leave_screen`):
        what the reader still waits for before the shell's prompt comes back."""
        self.said_on_terminal.append(line)
        if self._driver is not None and hasattr(self._driver, "leave_screen"):
            self._driver.write(f"{line}\n")  # raw input, but output as the shell had it
            self._driver.flush()

    def _run(self, work: Coroutine[Any, Any, object], group: str, exclusive: bool = False) -> None:
        """Run a job as a worker; an unexpected error becomes the status line, never a traceback.

        Once the app is quitting, none is started: keys typed after `q` ("s", "S") would leave
        jobs cancelled before they ran, printed on the terminal after the reader had gone as
        "RuntimeWarning: coroutine … was never awaited"."""
        if self._quitting:
            work.close()
            return

        async def guarded() -> None:
            try:
                await work
            except (asyncio.CancelledError, KeyboardInterrupt):
                raise
            except StoreError as error:  # a full disk, a read-only one: said as it is
                self.status = f"Not done: {error}"
            except Exception as error:  # a bug or a broken store: keep the app usable
                if (upgraded := upgrade_in(error)) is None:
                    self.status = f"Error: {type(error).__name__}: {error}"
                else:
                    self.say_upgraded(upgraded)

        # The function, not a coroutine made now: the worker makes it when it starts.
        self.run_worker(guarded, group=group, exclusive=exclusive, exit_on_error=False)
        # A worker cancelled before it ran (a refresh's filling, cancelled as the refresh
        # ended at once) never calls `guarded`: `work`, never begun, is closed as it goes,
        # not left to print "coroutine … was never awaited" on the terminal.
        weakref.finalize(guarded, _close_unbegun, work)

    def refuses(self, what: str) -> bool:
        """True (and the status line says why) when the store can't keep a change now: asked
        before a key's question too, so a read-only library never asks for what it won't keep
        (a tag, a note "kept" in a directory read as it is, then lost unsaid: acc47d D7)."""
        if said := self.refusal(what):
            self.status = said
            return True
        return False

    def refusal(self, what: str) -> str:
        """Why the store can't keep a change (`what`) now, in the status line's words ("No
        note: the disk is full, so nothing new can be kept"); "" when it can."""
        if self.library is not None and self.library.read_only_tag:
            return f"No {what}: {self.library.read_only_tag}, so nothing new can be kept"
        return ""

    def say_upgraded(self, upgraded: Upgraded) -> None:
        """A job failed of the reader's code changed under it (`upgraded`): said in the status
        line and in a notice that stays; the reader goes on with what it has in memory."""
        self.status = str(upgraded)
        self.notify(str(upgraded), severity="warning", timeout=3600, markup=False)

    def _handle_exception(self, error: Exception) -> None:
        # Textual's: an error in a key's action or a message's handler ends the app with a
        # traceback (and stops the screen it came from). One that comes of the reader's code
        # changed under it (`upgraded`: a dialog's module imported on first use) ends it as
        # quitting does, the place in the article and the changes waiting kept, and says why.
        if (upgraded := upgrade_in(error)) is None:
            super()._handle_exception(error)
            return
        self.said_at_exit = upgraded.quit_said()
        self.exit(return_code=1)

    def _under_way(self, *groups: str) -> bool:
        """Whether a job of one of `groups` (`_run`) is started and not finished."""
        return any(worker.group in groups and not worker.is_finished for worker in self.workers)

    @property
    def lib(self) -> Library:
        if self.library is None:
            raise RuntimeError("the library is closed")
        return self.library


def _close_unbegun(work: Coroutine[Any, Any, object]) -> None:
    """`work` closed if it never began (closing one under way would stop it mid-step)."""
    if getcoroutinestate(work) == CORO_CREATED:
        work.close()
