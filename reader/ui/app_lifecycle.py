"""The reader app's life around its keys: what changes outside it while it runs (a sync in
another window, the refresh by the clock), the start's waits (for the first paint, for the keys
to rest, for the network stack in a thread) and its end (a hang-up, quitting). `ReaderApp` starts
it (`on_mount`, `_start`)."""

from __future__ import annotations

import asyncio
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from textual._compositor import CompositorUpdate, LayoutUpdate

from .app_notices import ReaderAppNotices
from .reading_cursor import cursor_place
from .timed_refresh import TimedRefresh

if TYPE_CHECKING:
    from types import FrameType

    from rich.console import RenderableType
    from textual.screen import Screen

_HANG_UPS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))
"""The signals that end the reader from outside: it quits as by `q` (see `_catch_hang_up`)."""
_KEYS_REST = 0.3
"""Seconds with no key, after the first paint, before the start's remaining work begins."""
_KEYS_REST_AT_MOST = 2.0
"""Seconds after the first paint when it begins, keys or not (the refresh must not wait for good)."""
FIRST_FRAME_HELD_AT_MOST = 1.0
"""Seconds after the app's mount when its frames are written to the terminal, the first screen
whole or not (`_first_frame_held`): a start slower than that shows what it has meanwhile."""


class ReaderAppLifecycle(ReaderAppNotices):
    """The reader app kept up with changes from outside, its start's waits and its end (see
    `ReaderApp`)."""

    _last_key_at = 0.0
    """When the last key came (the event loop's clock), for `_until_keys_rest`."""
    _first_frame_held = True
    """Frames are made but not written to the terminal until the first screen is whole (the
    newest headlines listed, the feed list filled and fitted: `_painted`), then written once,
    whole. The start wrote five full screens before, each ~18 KB at 80x24 (the screen
    composed, the headlines in, the feed list's width fitted, Textual's own repaint of a
    screen once its widgets are mounted and of the screen under it): ~90 KB to a phone over
    ssh before its first key, and the CPU of writing them taken from that first screen."""

    _whole_frame_due = False
    """The hold is over and the whole screen not written yet: the parts of it made before are
    dropped too (the whole screen after them has them)."""

    @property
    def first_frame_held(self) -> bool:
        """Whether the start holds its first frame still: the main screen makes none meanwhile
        (`MainScreen._compositor_refresh`)."""
        return self._first_frame_held

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        if self._first_frame_held:
            return  # made and dropped: `_show_first_frame` repaints the screen whole
        if self._whole_frame_due:
            if not isinstance(renderable, LayoutUpdate):
                return
            self._whole_frame_due = False
        if isinstance(renderable, CompositorUpdate):
            # The terminal cursor on the row selected, for a screen reader (`reading_cursor`).
            place = cursor_place(self.screen)
            if place is not None:
                self.cursor_position = place
        super()._display(screen, renderable)  # type: ignore[misc]

    def _show_first_frame(self) -> None:
        """Write the frames from now on, starting with the whole screen as it is."""
        if not self._first_frame_held:
            return
        self._first_frame_held = False
        if self.screen_stack:
            self._whole_frame_due = True
            self.screen.refresh()  # written whole at its next update (a `LayoutUpdate`)

    def _outside_changes(self) -> None:
        """Headlines a sync in another window brought (`reader sync`, another reader) are read
        in, as a refresh here would: the list left open at the gate shows what it synced. While
        it caches articles, only which are cached is read again, every few seconds (its ↓
        marks, the count available offline and what `F` searches follow it)."""
        if self.library is None:
            return
        # Not started again while one is under way: restarted as exclusive at each look, one
        # whose thread took longer than `outside_every` (a busy machine) was cancelled by the
        # next, every time, and the marks made on a full disk were never kept once space was
        # freed, the status line saying "the disk is full" for good.
        if (self._unkept or self.library.read_only_tag) and not self._under_way("keep"):
            self._run(self.keep_again(), "keep")
        if self.library.notes_refused and not self._under_way("notes"):  # on a held store
            self._run(self.library.write_refused_notes(), "notes")
        if self._busy:
            return
        store = self.library.store
        refreshed = store.refreshed_at()  # a sync that brought nothing new too
        if refreshed > self.refreshed_seen:
            self.answered_elsewhere()
        self.refreshed_seen = refreshed
        at, cached_at = store.changed_at(), store.cached_at()
        if at > self._changed_seen:
            self._changed_seen, self._cached_seen = at, cached_at
            self._run(self.reload(freeze=False), "reload")
        elif cached_at > self._cached_seen:
            self._cached_seen = cached_at
            self._run(self.recache(), "reload")
        else:
            return
        self.check_open_articles()  # a changed copy of one open may be among them

    def _start_timed_refresh(self) -> None:
        """The refresh by the clock (`[feeds] refresh_interval`), if one is set."""
        if (interval := self.config.refresh_interval) > 0:
            self.timed = TimedRefresh(interval)
            self.timed_tick_at = time.time()
            self.set_interval(interval, self._timed_refresh)

    def _timed_refresh(self) -> None:
        if self._busy or self.timed is None:
            return
        self.timed_tick_at = time.time()
        if self.timed.tick():  # not while nothing answers, but after ever longer waits
            self._run_alone(self._refresh, "refresh", timed=True)

    def _catch_hang_up(self) -> None:
        """A closed terminal window (SIGHUP), a killed tmux session or a `kill` (SIGTERM) quit
        as `q` does, keeping the reading place, instead of ending the process where it stood."""
        if threading.current_thread() is not threading.main_thread():
            return  # signal handlers are the main thread's only (an app run in a test's thread)
        loop = asyncio.get_running_loop()
        self._handlers_before = {number: signal.getsignal(number) for number in _HANG_UPS}
        for number in _HANG_UPS:
            loop.add_signal_handler(number, self._hung_up, number)

    def _drawn_again_on_resume(self) -> None:
        """Back from Ctrl-Z (`fg`), the whole screen drawn again. Textual starts its terminal
        mode over and sends a resize of the same size, which it skips as no change, so only the
        status line came back and the rest stayed blank until keys drew parts of it (acc48d
        D11); its `App.suspend` draws again on its way out, its SIGTSTP's way back doesn't."""
        self.app_resume_signal.subscribe(self, lambda _app: self.action_redraw())

    def action_redraw(self) -> None:
        """The whole screen drawn again (Ctrl-L, and back from Ctrl-Z): every row written, over
        whatever another program wrote on the terminal meanwhile."""
        self.refresh(layout=True)

    def _hung_up(self, number: int) -> None:
        if self._aside:
            self._hung_up_aside = number  # the reader's end once the program's is over
            return
        self.exit(128 + number, return_code=128 + number)  # a shell's status for a signal

    _handlers_before: dict[int, Callable[[int, FrameType | None], Any] | int | None] = {}
    """The hang-ups' handlers before the reader's own (`_catch_hang_up`), put back at its end."""
    _aside = False
    """A program has the terminal (`stepped_aside`)."""
    _hung_up_aside: int | None = None
    """A hang-up or SIGTERM that came meanwhile."""

    _terminal_turn: asyncio.Lock | None = None

    @property
    def terminal_turn(self) -> asyncio.Lock:
        """Held while a program has the terminal (`stepped_aside`): the next waits its turn."""
        if self._terminal_turn is None:
            self._terminal_turn = asyncio.Lock()
        return self._terminal_turn

    @contextmanager
    def hang_ups_held(self) -> Iterator[None]:
        """A hang-up or SIGTERM that comes while a program has the terminal ends the reader
        once that program has ended and the reader has the terminal back, as it did when the
        reader waited on its loop: quitting then left the program on a terminal set back to
        the shell's modes."""
        self._aside = True
        try:
            yield
        finally:
            self._aside = False
            if (number := self._hung_up_aside) is not None:
                self._hung_up_aside = None
                self._hung_up(number)

    async def on_unmount(self) -> None:
        if threading.current_thread() is threading.main_thread():
            loop = asyncio.get_running_loop()
            for number in _HANG_UPS:
                loop.remove_signal_handler(number)
                # What was there before the reader's back, not asyncio's default, which ended
                # the process where it stood: `reader demo`'s, which removes its throwaway
                # data directory on its way out.
                if (before := self._handlers_before.get(number)) is not None:
                    signal.signal(number, before)
        self.workers.cancel_all()
        if self.library is not None:
            await self.keep_marks_before_exit()
        # After the marks are kept: a module imported here for the first time (quitting as the
        # reader starts) may be new code an upgrade put under the reader (`upgraded`).
        from ..command_files import hand_over

        hand_over()  # the {file}s of the user's programs still running: removed at their end
        if self.library is not None:
            await self.library.aclose()
            self.library = None

    def _network_stack(self) -> None:
        """In a thread: import what the network needs, and make the client (used on the loop:
        httpx binds it to the loop of its first request). The feeds' parser is the workers'
        alone (`workers.parse_feed`)."""
        self.lib.fetcher  # noqa: B018 — made once, here

    async def _painted(self) -> None:
        """Return once the screen has been drawn with what the main screen was told so far
        (the headlines `reload` posted to it); at the start, the first frame written then."""
        drawn = asyncio.Event()
        # Queued behind those messages; then run by the screen on top after its next update,
        # once nothing is left to lay out (a width fitted, a resize handled).
        if self.main_screen.call_after_refresh(drawn.set):
            await drawn.wait()
        if self._first_frame_held:
            self._show_first_frame()
            drawn = asyncio.Event()
            if self.screen.call_after_refresh(drawn.set):
                await drawn.wait()

    async def _until_keys_rest(self) -> None:
        """Return once no key has come for `_KEYS_REST` seconds (or `_KEYS_REST_AT_MOST` after
        the call). The start's remaining work (worker processes, the network stack, the
        refresh) took the CPU from what the first keys asked for: an article opened as soon
        as the list showed took ~200 ms longer to show than one opened a second later."""
        loop = asyncio.get_running_loop()
        start = loop.time()
        give_up = start + _KEYS_REST_AT_MOST
        while (now := loop.time()) < give_up:
            rest = max(start, self._last_key_at) + _KEYS_REST - now
            if rest <= 0:
                return
            await asyncio.sleep(min(rest, give_up - now))
