"""The reader's Textual app: owns the one `Library` and runs every background job.

Screens and widgets never touch the network or the store: they call the verbs below
(`read_article`, `set_read`, `prefetch`, `open_original`…) and hear back through messages
(`HeadlinesChanged`) and the `status` line. Network and extraction run in Textual workers over
the Library's async API (extraction itself in the Library's process pool), and reading the store
in bulk runs in a thread, so the screen never waits.

`ReaderApp` is built in layers, a module each, every class adding to the one before it (each
calls only what is defined below it): `app_state` (what the app holds, its jobs, quitting),
`app_headlines` (the headlines loaded and marked), `app_articles` (articles read, saved,
fetched ahead; links followed), `app_sync` (refresh and sync); this module adds the keys,
starting and stopping, and the notices.
"""

from __future__ import annotations

import asyncio
import importlib
import signal
import threading
from collections.abc import Callable
from pathlib import Path

from textual.binding import Binding
from textual.notifications import Notification, Notify

from ..config import Config
from ..library import Library
from .app_sync import ReaderAppSync
from .dialogs.help import HelpScreen
from .display import plain

_HANG_UPS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))
"""The signals that end the reader from outside: it quits as by `q` (see `_catch_hang_up`)."""


class ReaderApp(ReaderAppSync):
    """A terminal news reader over one data directory."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    ENABLE_COMMAND_PALETTE = False

    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("r", "refresh", "Refresh"),
        Binding("S", "sync", "Sync offline"),
        Binding("question_mark", "help", "Help"),
    ]

    # -- lifecycle -----------------------------------------------------------------------------
    def on_mount(self) -> None:
        try:
            self.library = Library(
                self.data_dir,
                limits=self.config.limits,
                workers="process",
                cache_max_bytes=self.config.cache_max_bytes,
                site_rules=self.config.site_rules,
            )
            self.library.start_workers()  # their start-up overlaps loading the headlines
        except Exception as error:  # unreadable directory, a store another program locks…
            reason = plain(f"reader: cannot open {self.data_dir}: {error or type(error).__name__}")
            self.exit(1, return_code=1, message=reason)
            return
        self.push_screen(self.main_screen)
        self._catch_hang_up()
        self._run(self._start(), "start")
        if self.config.refresh_interval > 0:
            self.set_interval(self.config.refresh_interval, self._timed_refresh)

    def _timed_refresh(self) -> None:
        if not self._busy:
            self.action_refresh()

    def _catch_hang_up(self) -> None:
        """A closed terminal window (SIGHUP), a killed tmux session or a `kill` (SIGTERM) quit
        as `q` does, keeping the reading place, instead of ending the process where it stood."""
        if threading.current_thread() is not threading.main_thread():
            return  # signal handlers are the main thread's only (an app run in a test's thread)
        loop = asyncio.get_running_loop()
        for number in _HANG_UPS:
            loop.add_signal_handler(number, self._hung_up, number)

    def _hung_up(self, number: int) -> None:
        self.exit(128 + number, return_code=128 + number)  # a shell's status for a signal

    async def on_unmount(self) -> None:
        if threading.current_thread() is threading.main_thread():
            loop = asyncio.get_running_loop()
            for number in _HANG_UPS:
                loop.remove_signal_handler(number)
        self.workers.cancel_all()
        if self.library is not None:
            await self.library.aclose()
            self.library = None

    async def _start(self) -> None:
        await self.reload()
        self.ready.set()
        # The network stack (httpx, TLS context) costs ~100 ms to import and set up: pay it
        # now, not as a stall in the middle of the first sync or article.
        await asyncio.to_thread(importlib.import_module, "reader.fetch")
        self.lib.fetcher  # noqa: B018 — created here, on the app's loop, once
        if self.refresh_on_start and self.index.feeds:
            await self._refresh()

    # -- notices -------------------------------------------------------------------------------
    def withdraw_notice(self, message: str | Callable[[str], bool]) -> None:
        """Take back a notice still shown that no longer holds (see `on_notify`): the one saying
        `message`, or every one whose message `message` picks."""
        if isinstance(message, str):
            self._take_back(lambda shown: shown.message == message)
        else:
            self._take_back(lambda shown: message(shown.message))

    def on_notify(self, event: Notify) -> None:
        """A notice said again while it is still shown (`n` held down at the last article, `]`
        at the last heading) replaces the one shown: twenty copies stacked up over the text."""
        new = event.notification
        key = (new.message, new.title, new.severity)
        self._take_back(
            lambda shown: shown is not new and (shown.message, shown.title, shown.severity) == key
        )

    def _take_back(self, which: Callable[[Notification], bool]) -> None:
        """Remove the notices shown that `which` picks."""
        for shown in list(self._notifications):
            if which(shown):
                self._unnotify(shown)  # Textual has no public way to take one notice back

    # -- other keys ----------------------------------------------------------------------------
    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())


def run_app(data_dir: Path, config: Config | None = None) -> int:
    """Run the reader on `data_dir` until the user quits; returns the exit status."""
    app = ReaderApp(data_dir, config=config)
    app.run()
    return app.return_code or 0
