"""The reader's Textual app: owns the one `Library` and runs every background job.

Screens and widgets never touch the network or the store: they call the verbs below
(`read_article`, `set_read`, `prefetch`, `open_original`…) and hear back through messages
(`HeadlinesChanged`) and the `status` line. Network and extraction run in Textual workers over
the Library's async API (extraction itself in the Library's process pool), and reading the store
in bulk runs in a thread, so the screen never waits.
"""

from __future__ import annotations

import asyncio
import importlib
import signal
import threading
from collections.abc import Awaitable, Callable, Coroutine, Iterable
from contextlib import suppress
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from textual.app import App
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.notifications import Notification, Notify
from textual.reactive import reactive
from textual.timer import Timer

from ..config import Config
from ..library import Library
from ..models import Article, Entry, ErrorKind, FetchError, StoreError
from ..plural import plural
from ..reports import FeedResult, Headline, SyncProgress, SyncReport
from ..urls import is_web_url
from ..workers import prepare_process_workers
from .browser import NO_BROWSER_HINT, open_in_browser
from .clipboard import clipboard_commands, copy_with_tools
from .collector import (
    collect_and_freeze,
    freeze_long_lived,
    full_collections_deferred,
    release_closed_widgets,
    thaw,
)
from .dialogs.help import HelpScreen
from .display import plain
from .headlines import HeadlineIndex
from .messages import ArticleClosed, HeadlinesChanged
from .screens.main import MainScreen
from .widgets.article.reading_place import Place

PREFETCH_LIMIT = 30
"""How many uncached articles of the list on screen are fetched ahead of the reader."""
SYNC_UPDATE_INTERVAL = 0.5
"""During a sync, how often (seconds) new offline markers and the progress line are shown."""
COLLECT_AFTER_JOB = 2.0
"""Seconds after a sync or refresh ends (its result on screen) before its garbage is collected."""
COLLECT_AFTER_CLOSE = 0.5
"""Seconds after an article's screen closes before it is collected: right away, Textual still
holds it while handling the close."""

T = TypeVar("T")
_HANG_UPS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))
"""The signals that end the reader from outside: it quits as by `q` (see `_catch_hang_up`)."""


def sync_summary(report: SyncReport) -> str:
    """The status line a finished sync leaves: what came, what failed, what is missing."""
    if report.portal:
        return report.portal[0].upper() + report.portal[1:]
    if report.no_connection:
        return report.no_connection
    failed_feeds = [r for r in report.feeds if r.error]
    line = (
        f"Synced {len(report.feeds) - len(failed_feeds)} of {plural(len(report.feeds), 'feed')} · "
        f"{plural(report.articles_fetched, 'article')} cached for offline, "
        f"{report.articles_already_cached} already cached"
    )
    if report.article_failures:
        entry, error = report.article_failures[0]
        line += f" · {len(report.article_failures)} failed (e.g. {entry.title}: {error.message})"
    if report.incomplete:
        missing = plural(len(report.incomplete), "article")
        reads_on = any(not a.incomplete_for_good for _, a in report.incomplete)
        line += f" · {missing} incomplete" + (" (the next sync reads on)" if reads_on else "")
    if report.gone:
        line += f" · {len(report.gone)} taken down (the feed's text stands in)"
    if report.not_articles:
        count = len(report.not_articles)
        what = plural(count, "link is not an article page", "links are not article pages")
        line += f" · {what} (o opens it in the browser)"
    if failed_feeds:
        line += f" · {plural(len(failed_feeds), 'feed')} failed"
    return line


class ReaderApp(App[int]):
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

    status: reactive[str] = reactive("")
    """The status line every screen shows: what is happening, or the last error."""

    def __init__(
        self, data_dir: Path, *, refresh_on_start: bool = True, config: Config | None = None
    ) -> None:
        super().__init__()
        prepare_process_workers()
        self.data_dir = data_dir
        self.config = config or Config(data_dir / "config.toml")
        self.refresh_on_start = refresh_on_start
        self.library: Library | None = None
        self.index = HeadlineIndex()
        self.main_screen = MainScreen()
        self.ready = asyncio.Event()
        """Set once the cached headlines are on screen (tests and screenshots wait for it)."""
        self._busy = ""
        """The long job running ("refresh" or "sync"), so a second one isn't started on top."""
        self.prefetch_limit = PREFETCH_LIMIT
        self._downloads: dict[str, asyncio.Future[Article]] = {}
        """Article downloads in flight, by entry id (see `_download`)."""
        self._prefetch_failed: set[str] = set()
        """Entries whose prefetch failed this session: not retried until the user opens them."""
        self._flush_pending = False
        self._arrived: dict[str, bool] = {}
        """Entries whose articles a running sync has cached since the last screen update, and
        whether only in part."""
        self._pending_status = ""
        self._settle_timer: Timer | None = None
        self._quitting = False
        """Set by `exit`: keys typed after `q` start no job (see `_run`)."""

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

    def exit(self, *args: Any, **kwargs: Any) -> None:
        if not self._quitting:
            from .screens.article import ArticleScreen

            for screen in self.screen_stack:  # quit from an article (Ctrl-Q): still its place
                if isinstance(screen, ArticleScreen):
                    with suppress(NoMatches):  # a screen half torn down: quitting comes first
                        screen.remember_place()
        self._quitting = True
        super().exit(*args, **kwargs)

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
            except Exception as error:  # a bug or a broken store: keep the app usable
                self.status = f"Error: {type(error).__name__}: {error}"

        # The function, not a coroutine made now: the worker makes it when it starts.
        self.run_worker(guarded, group=group, exclusive=exclusive, exit_on_error=False)

    @property
    def lib(self) -> Library:
        if self.library is None:
            raise RuntimeError("the library is closed")
        return self.library

    # -- headlines -----------------------------------------------------------------------------
    async def reload(self, *, freeze: bool = True) -> None:
        """Read feeds and headlines from the store (in a thread) and redraw every list."""
        self.index = await asyncio.to_thread(HeadlineIndex.load, self.lib)
        if freeze and not self._busy:
            # Tens of thousands of long-lived headline objects (acyclic: refcounting frees them
            # when replaced): keep the cyclic collector from walking them again and again, which
            # stalled cursor moves by ~100 ms (measured in benchmarks/tui_headlines.py). During
            # a job nothing walks them (see `collector`), and its end collects, then freezes.
            freeze_long_lived()
        self.main_screen.post_message(HeadlinesChanged())
        if not self._busy:
            self.status = self.summary()

    def settle(self) -> None:
        """Collect and freeze what is on screen now (an article just laid out, the list come
        back to), unless a job is running: its end does that (see `collector`)."""
        if self._settle_timer is not None:
            self._settle_timer.stop()
            self._settle_timer = None
        if not self._busy:
            collect_and_freeze()

    def on_article_closed(self, _message: ArticleClosed) -> None:
        """Thaw now, and settle once nothing refers to the closed screen any more (its last
        messages are handled)."""
        release_closed_widgets()
        thaw()
        if self._settle_timer is None:
            self._settle_timer = self.set_timer(COLLECT_AFTER_CLOSE, self.settle)

    def summary(self) -> str:
        """The idle status line: counts over every feed."""
        index = self.index
        if not index.feeds:
            return "No feeds yet: add one with `reader add URL`, or try `reader demo`."
        failed = [f for f in index.feeds if f.last_error]
        # Counts kept by the index: this runs on every cursor move over 10,000 headlines.
        line = (
            f"{plural(len(index.headlines), 'headline')} · {index.unread_in(None)} unread · "
            f"{index.cached} available offline"
        )
        if failed:
            line += f" · {plural(len(failed), 'feed')} failing (marked !)"
        return line

    def _changed(self, headlines: Iterable[Headline | None]) -> None:
        changed = tuple(h for h in headlines if h is not None)
        if changed:
            self.main_screen.post_message(HeadlinesChanged(changed))

    def set_read(self, entry: Entry, read: bool) -> None:
        self.lib.mark_read(entry, read)
        self._changed([self.index.set_read(entry.id, read)])
        if not self._busy:
            self.status = self.summary()

    def toggle_saved(self, entry: Entry) -> None:
        """Keep an article for good (fetching it first if needed), or let it go again."""
        self._run(self._toggle_saved(entry), "save")

    async def _toggle_saved(self, entry: Entry) -> None:
        if self.lib.is_saved(entry):
            self.lib.unsave(entry)
            self._changed([self.index.set_saved(entry.id, False)])
            self.notify("No longer saved: it may be evicted when the cache is full.")
            return
        try:
            article = await self._download(entry)
            self.lib.set_saved(entry, True)
        except FetchError as error:
            shown = plain(f"Not saved: {error.message}", max_length=300).plain
            self.notify(shown, severity="error", markup=False)
            return
        self._changed(
            [
                self.index.set_cached(entry.id, partial=article.in_part),
                self.index.set_saved(entry.id, True),
            ]
        )
        self.notify("Saved for good: it stays offline and is never evicted.")

    def toggle_read(self, entry: Entry) -> bool:
        """Flip an entry's read flag; returns the new value."""
        headline = self.index.get(entry.id)
        read = not (headline.read if headline else self.lib.is_read(entry))
        self.set_read(entry, read)
        return read

    # -- articles ------------------------------------------------------------------------------
    async def read_article(
        self, entry: Entry, first_page: Callable[[Article], None] | None = None
    ) -> Article:
        """Return an entry's article (cached, or fetched now) and mark it read. Raises
        FetchError, leaving the entry unread: nothing of it was read. `first_page` hears of an
        article over several pages when its first is in (see `Library.article`); that page
        is read, and cached, whatever becomes of the others."""

        def first_in(article: Article) -> None:
            self._opened(entry, article)
            if first_page is not None:
                first_page(article)

        try:
            article = await self._download(entry, first_in)
        except FetchError:
            # Not in the cache: a row marked available offline (another process pruned it,
            # say) must stop saying so once opening it has found it gone.
            self._changed([self.index.set_cached(entry.id, False)])
            raise
        self._opened(entry, article)
        return article

    def remember_place(self, entry: Entry, article: Article, place: Place | None) -> None:
        """Where the reader left an article (None: at its start), for when it is opened again,
        in this session or the next. A store that can't be written (a full disk) forgets it:
        no reason to stop the reader going back."""
        with suppress(StoreError):
            self.lib.remember_place(entry, article, None if place is None else place.record())

    def place_of(self, entry: Entry, article: Article) -> Place | None:
        """Where the reader left `article`, when it is still the text it was left in."""
        try:
            record = self.lib.reading_place(entry, article)
        except StoreError:
            return None
        return None if record is None else Place.from_record(record)

    def _opened(self, entry: Entry, article: Article) -> None:
        """An entry's article (or its first page) is on screen: read, and in the cache."""
        self.set_read(entry, True)
        self._prefetch_failed.discard(entry.id)
        self._changed([self.index.set_cached(entry.id, partial=article.in_part)])

    async def read_feed_text(self, entry: Entry) -> Article | None:
        """The text the feed carried for an entry whose page can't be fetched (see
        `Library.feed_text`). The entry stays unread: offline, a summary is all it shows, and
        the article itself is still to be read once the network is back."""
        return await self.lib.feed_text(entry)

    async def _download(
        self, entry: Entry, first_page: Callable[[Article], None] | None = None
    ) -> Article:
        """`library.article(entry)` in a task of the app's own, awaited through a shield.

        A worker that stops waiting (the reader pressed `n`, switched feeds) must not cancel
        the Library's wait on a download: the article should still land in the cache, and a
        cancelled wait would leave the download's error unretrieved.
        """
        task = self._downloads.get(entry.id)
        if task is None:
            task = asyncio.ensure_future(self.lib.article(entry, first_page=first_page))
            self._downloads[entry.id] = task
            task.add_done_callback(lambda done: self._downloads.pop(entry.id, None))
            task.add_done_callback(_consume)
        elif first_page is not None and entry.link:
            # Under way already (a prefetch): its first page is still worth hearing of.
            self.lib.hear_first_page(entry.link, first_page)
        try:
            return await asyncio.shield(task)
        except FetchError as error:
            if error.kind == ErrorKind.NOT_HTML:  # marked ↗ now, not at the next reload
                self._changed([self.index.set_not_article(entry.id)])
            raise

    def prefetch(self, headlines: list[Headline]) -> None:
        """Fetch ahead the first uncached articles of the list on screen (replacing any earlier run)."""
        wanted = (
            h.entry
            for h in headlines
            if not h.cached and h.entry.link and h.entry.id not in self._prefetch_failed
        )
        # islice: a feed switch on 10,000 cached headlines must not scan them all.
        todo = list(islice(wanted, self.prefetch_limit))
        if todo:
            self._run(self._prefetch(todo), "prefetch", exclusive=True)

    async def _prefetch(self, entries: list[Entry]) -> None:
        portal = ""  # what a Wi-Fi login page answering in every page's place made of it
        fetched: list[Entry] = []

        async def one(entry: Entry) -> None:
            nonlocal portal
            try:
                article = await self._download(entry)
            except FetchError as error:
                self._prefetch_failed.add(entry.id)
                if error.kind == ErrorKind.PORTAL:
                    portal = error.message
                return
            fetched.append(entry)
            self._changed([self.index.set_cached(entry.id, partial=article.in_part)])

        await asyncio.gather(*(one(e) for e in entries))
        if portal:
            # A Wi-Fi login page answered: the articles cached from it before it was known
            # for one were taken out of the cache again (`Library._take_back`).
            gone = [e for e in fetched if self.lib.cached_article(e) is None]
            self._changed([self.index.set_cached(e.id, cached=False) for e in gone])
            self._prefetch_failed.update(e.id for e in gone)
        if not self._busy:
            self.status = portal[:1].upper() + portal[1:] if portal else self.summary()

    def open_link(self, url: str, reading: Entry | None = None) -> None:
        """A link in an article: read here when it is one of the feeds' articles (offline too,
        when it is cached), else in the browser (`open_original`). `reading` is the article
        the link is in: a link to itself (a footnote's "#ref") changes nothing."""
        headline = self.readable_here(url)
        if headline is None:
            self.open_original(url)
        elif reading is not None and headline.entry.id == reading.id:
            self.notify("That link is to this very article.")
        else:
            from .screens.article import ArticleScreen

            came_from = next(
                (
                    screen
                    for screen in reversed(self.screen_stack)
                    if isinstance(screen, ArticleScreen)
                    and reading is not None
                    and screen.headline.entry.id == reading.id
                ),
                None,
            )
            self.push_screen(ArticleScreen([headline], 0, came_from))

    def opens_another_here(self, url: str, reading: Entry) -> bool:
        """Enter on `url`, a link in the article of `reading`, opens another article in the
        reader (`open_link`): what the status line and the link list go by."""
        headline = self.readable_here(url)
        return headline is not None and headline.entry.id != reading.id

    def readable_here(self, url: str) -> Headline | None:
        """The headline of the feeds' article at `url`, when the reader can show it (a PDF or
        a picture a feed links to is the browser's to show)."""
        headline = self.index.by_link(url)
        return None if headline is None or self.lib.store.not_an_article(url) else headline

    def open_original(self, url: str) -> None:
        """Open an article's page in the web browser (http and https links only)."""
        if not url or not is_web_url(url):
            self.notify("This item has no web address to open.", severity="warning")
            return
        shown = plain(url, max_length=200).plain
        if open_in_browser(self, url):
            self.notify(f"Opened in your browser: {shown}", markup=False)
        else:
            message = f"No browser could open {shown}. {NO_BROWSER_HINT}"
            self.notify(message, severity="warning", markup=False)

    def copy_text(self, text: str, what: str, shown: str) -> None:
        """Put `text` on the clipboard and say where it went: "<what> copied: <shown>".

        The terminal gets it as OSC 52 (Textual's way), and the desktop's clipboard tool or
        tmux's buffer too, where this session has one (see `clipboard`). When only OSC 52 was
        left, the message says so: nothing tells the app whether the terminal took it."""
        self.copy_to_clipboard(text)
        self._run(self._copy_with_tools(text, what, plain(shown, max_length=200).plain), "copy")

    async def _copy_with_tools(self, text: str, what: str, shown: str) -> None:
        if await copy_with_tools(text, clipboard_commands()):
            self.notify(f"{what} copied: {shown}", markup=False)
        else:
            self.notify(
                f"{what} sent to the terminal's clipboard (OSC 52, which some terminals "
                f"ignore): {shown}",
                markup=False,
            )

    # -- refresh and sync ----------------------------------------------------------------------
    def action_refresh(self) -> None:
        if self._busy:
            self.notify(f"Already busy ({self._busy}); try again when it is done.")
            return
        self._run(self._refresh(), "refresh", exclusive=True)

    async def _refresh(self) -> None:
        feeds = len(self.index.feeds) or len(self.lib.feeds())
        await self._job(
            "refreshing",
            f"Refreshing {plural(feeds, 'feed')}…",
            self.lib.refresh(progress=self._show_progress),
            self._refresh_summary,
        )

    async def _job(
        self, busy: str, status: str, work: Awaitable[T], summary: Callable[[T], str]
    ) -> None:
        """Run a refresh or a sync: the status line follows it, the list is reloaded after."""
        self._busy = busy
        self.status = status
        try:
            with full_collections_deferred():
                result = await work
        finally:
            self._busy = ""
        # A reload the job started (when its feeds were in) must not finish after this one:
        # it would put the idle counts over the job's result line.
        self.workers.cancel_group(self, "reload")
        await self.reload(freeze=False)
        self.status = summary(result)
        # The garbage the job left waited for now (no full collection during it): one
        # collection (50–180 ms measured on a busy 2-core machine), once, after the result is
        # on screen.
        self.set_timer(COLLECT_AFTER_JOB, collect_and_freeze)

    def _refresh_summary(self, results: list[FeedResult]) -> str:
        new = sum(r.new_entries for r in results)
        failed = [r for r in results if r.error]
        line = (
            f"Refreshed {len(results) - len(failed)} of {plural(len(results), 'feed')}: "
            f"{plural(new, 'new headline')}"
        )
        if failed:
            first = failed[0]
            line += f" · failed: {first.feed.display_title}: {first.error.message if first.error else ''}"
            if len(failed) > 1:
                line += f" (and {plural(len(failed) - 1, 'other feed')}: ! in the feed list)"
        return line

    def action_sync(self) -> None:
        if self._busy:
            self.notify(f"Already busy ({self._busy}); try again when it is done.")
            return
        self._run(self._sync(), "sync", exclusive=True)

    async def _sync(self) -> None:
        await self._job(
            "syncing",
            "Syncing: starting…",
            self.lib.sync(progress=self._show_progress),
            sync_summary,
        )

    def _show_progress(self, progress: SyncProgress) -> None:
        """Progress from the Library (called on the event loop) → the status line."""
        if self._busy != "syncing":  # a refresh of the feeds alone
            if progress.phase == "feeds":
                total = progress.feeds_total
                self.status = f"Refreshing {plural(total, 'feed')}… ({progress.feeds_done} done)"
            return
        if progress.phase == "feeds" and progress.feeds_finished:
            # Every feed is in: show the new headlines once, then only mark arrivals in place.
            self._run(self.reload(), "reload", exclusive=True)
        if progress.cached is not None:
            self._arrived[progress.cached.id] = progress.in_part
        line = f"Syncing: articles {progress.articles_done}/{progress.articles_total}"
        if not progress.feeds_finished:
            line = f"Syncing: feeds {progress.feeds_done}/{progress.feeds_total}, " + line[9:]
        if progress.failures:
            line += f", {progress.failures} failed"
        self._pending_status = line
        if not self._flush_pending:
            # Show this now, then batch what arrives meanwhile: a few screen updates a
            # second, however fast articles come in.
            self.status = line
            self._flush_pending = True
            self.set_timer(SYNC_UPDATE_INTERVAL, self._flush_sync_progress)

    def _flush_sync_progress(self) -> None:
        self._flush_pending = False
        arrived, self._arrived = self._arrived, {}
        self._changed(
            [self.index.set_cached(entry_id, partial=part) for entry_id, part in arrived.items()]
        )
        if self._busy == "syncing" and self._pending_status:
            self.status = self._pending_status

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


def _consume(future: asyncio.Future[object]) -> None:
    """Mark a finished future's error as seen (the waiter that wanted it has gone)."""
    if not future.cancelled():
        future.exception()


def run_app(data_dir: Path, config: Config | None = None) -> int:
    """Run the reader on `data_dir` until the user quits; returns the exit status."""
    app = ReaderApp(data_dir, config=config)
    app.run()
    return app.return_code or 0
