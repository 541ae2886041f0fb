"""What a `Library` holds and starts: its data directory, store, `Fetcher` and pool of workers for
CPU work, opened on first use and closed with it; and the two readings every layer above shares
(an entry's article address, the time now)."""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import BrokenExecutor, Executor, ThreadPoolExecutor
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, ParamSpec, Self, TypeVar

from ..config import DEFAULT_LIMITS, Config, FetchLimits
from ..models import Article, Entry, ErrorKind, FetchError, Reach, SiteRule, StoreError
from ..portal import PortalWatch
from ..store import Store
from ..time_limit import within_time
from ..workers import import_worker_modules, prepare_process_workers, start_worker, stop_pool

if (
    TYPE_CHECKING
):  # the network and parsing stacks are imported on first use: `reader list` starts fast
    from ..fetch import Fetcher
    from ..ignore_rules import IgnoreRule
    from ..reports import FeedResult

P = ParamSpec("P")
T = TypeVar("T")


def _link(target: Entry | str) -> str:
    """The article URL of an entry, or the URL itself."""
    return target.link if isinstance(target, Entry) else target


def _now() -> datetime:
    return datetime.now(UTC)


class LibraryResources:
    """The store, the fetcher and the workers of a `Library`, and their lifecycle."""

    def __init__(
        self,
        data_dir: Path,
        limits: FetchLimits = DEFAULT_LIMITS,
        workers: Literal["process", "thread"] = "thread",
        cache_max_bytes: int = 0,
        site_rules: dict[str, SiteRule] | None = None,
        drop_read_after: float = 0.0,
        ignore: Sequence[IgnoreRule] = (),
        max_items: int = 0,
    ) -> None:
        self.data_dir = data_dir
        self.limits = limits
        self.cache_max_bytes = cache_max_bytes  # applied after each sync; 0 for no limit
        # Seconds after which a read headline is dropped, after each sync (`retention`); 0: never
        self.drop_read_after = drop_read_after
        self.max_items = max_items  # the headlines a feed keeps, its newest; 0: all it carries
        self.site_rules = site_rules or {}
        self.ignore = tuple(ignore)  # the items a refresh leaves out (`ignore_rules`)
        self.store = Store(data_dir)
        self._workers = workers
        self._pool: Executor | None = None
        # Workers to start when work first comes (`workers_when_needed`), forked from a
        # server of their own; and whether they will read articles.
        self._when_needed: bool | None = None
        self._starting: asyncio.Future[None] | None = None  # their start, in a thread
        # Pools given up after a page went past its time limit, finishing the work they had
        # started (`_retire`), each with the thread that shuts it; stopped with the library.
        self._retired: dict[Executor, threading.Thread] = {}
        self._fetcher: Fetcher | None = None
        # Held while it is made: the reader makes it in a thread at its start (its TLS context
        # took ~0.4 s of a busy machine's event loop), while a key may ask for it on the loop.
        self._fetcher_made = threading.Lock()
        self._inflight: dict[str, asyncio.Future[Article]] = {}
        # Downloads of articles over several pages whose first page is in, and who waits to
        # hear of it (`hear_first_page`), by canonical address.
        self._first_pages: dict[str, Article] = {}
        self._first_page_hearers: defaultdict[str, list[Callable[[Article], None]]] = defaultdict(
            list
        )
        # How many wait for each download (`_fetch_once`), and the downloads whose page has come
        # (a worker reads and caches it however the download ends): a sync stops one only
        # when it alone waits and nothing came yet (`_give_up_download`).
        self._waiting: Counter[str] = Counter()
        self._pages_in: set[str] = set()
        self._portal = PortalWatch()  # a Wi-Fi login page answering in every page's place
        # One found by a run minutes ago (a sync's: every feed answered with it) is named so
        # by this one's first page (`reader show`, `add`, the reader's refresh on opening).
        with suppress(StoreError, ValueError):
            for print_hex, (title, at) in self.store.portals().items():
                self._portal.recall(bytes.fromhex(print_hex), title, time.time() - at)
        # The class of address each feed's fetch came through this run (`leads`), by its URL.
        self._feed_reaches: dict[str, Reach] = {}
        # The running refresh's fetch of each feed, by its URL; None for one stopped as it was
        # unsubscribed from meanwhile (`LibraryFeedRefresh.stop_refreshing`).
        self._refreshing: dict[str, asyncio.Task[FeedResult | None] | None] = {}
        # Feeds' merges into the store, one at a time, in a thread (`_in_store_thread`), on
        # the loop that made the lock.
        self._merging: tuple[asyncio.AbstractEventLoop, asyncio.Lock] | None = None

    @classmethod
    def configured(
        cls, data_dir: Path, config: Config, workers: Literal["process", "thread"] = "thread"
    ) -> Self:
        """A library of `data_dir` as the user's `config` sets it up: the reader's and every
        command's."""
        return cls(
            data_dir,
            limits=config.limits,
            workers=workers,
            cache_max_bytes=config.cache_max_bytes,
            drop_read_after=config.drop_read_after,
            site_rules=config.site_rules,
            ignore=config.ignore,
            max_items=config.max_items,
        )

    @property
    def read_only(self) -> str:
        """Why nothing new can be kept (a full disk, a read-only directory), "" when it can:
        what is cached still reads."""
        return self.store.read_only

    @property
    def read_only_tag(self) -> str:
        """`read_only` in a few words, for a status line."""
        return self.store.read_only_tag

    def articles_cached(self) -> int:
        """How many articles are cached (one query)."""
        return len(self.store.article_keys())

    def writable_again(self) -> bool:
        """Whether new things can be kept: after a full disk, once space was freed, they can
        again (`StoreDirectory.writable_again`)."""
        return self.store.writable_again()

    # -- lifecycle -----------------------------------------------------------------------------
    async def aclose(self) -> None:
        if self._fetcher is not None:
            # What timed out on its last try is asked once by the next run too (`unanswered`).
            unanswered = self._fetcher.retries.unanswered
            with suppress(StoreError):  # a full disk: the next run tries it as before
                if unanswered.changed:
                    self.store.set_unanswered(unanswered.record())
            await self._fetcher.aclose()
            self._fetcher = None
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            stop_pool(self._pool)
            self._pool = None
        for pool, shutting in self._retired.items():
            # Its shutdown, under way, returns once the workers are ended: waited for, not
            # left to the interpreter's exit to cut short (a traceback after a sync's end).
            stop_pool(pool, shutting)
        self._retired.clear()
        self.store.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    @property
    def fetcher(self) -> Fetcher:
        with self._fetcher_made:
            if self._fetcher is None:
                from ..fetch import Fetcher

                fetcher = Fetcher(self.limits)
                with suppress(StoreError):
                    fetcher.retries.unanswered.remember(self.store.unanswered())
                self._fetcher = fetcher
        return self._fetcher

    def workers_when_needed(self, articles: bool = True) -> None:
        """Start the pool for CPU work when work first comes (`_cpu`), not before: a sync
        whose feeds all answer "not modified" has none (it imported the extractor and forked
        workers for nothing: ~0.7 s of CPU). Where processes fork (Linux), they are forked
        then from a server process (`forkserver`) that imported their modules once: the
        threads this process runs by then are in none of them."""
        self._when_needed = articles

    def start_workers_soon(self) -> None:
        """Start the workers asked for `workers_when_needed` now, in a thread (their server
        takes a second to import the extractor): a sync's first page is on its way."""
        if self._when_needed is None or self._pool is not None or self._starting is not None:
            return
        starting = asyncio.ensure_future(asyncio.to_thread(self.start_workers))

        def started(_: asyncio.Future[None]) -> None:
            if self._starting is starting:
                self._starting = None

        starting.add_done_callback(started)
        self._starting = starting

    async def _workers_started(self) -> None:
        """The pool started (`start_workers`); off the loop when it waits for a server."""
        if self._pool is not None:
            return
        self.start_workers_soon()
        if self._starting is None:
            self.start_workers()
        else:
            await asyncio.shield(self._starting)

    def start_workers(self, articles: bool = True) -> None:
        """Start the pool for CPU work now, so its start-up overlaps the network.

        In a process with no other thread yet (the CLI), workers are forked: they start at once
        with the parent's modules. Otherwise (the TUI runs threads) they are spawned, or, asked
        for `workers_when_needed`, forked from a server process.
        """
        if self._pool is not None:
            return
        if self._workers != "process":
            self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="reader-cpu")
            return
        count = max(1, min(4, os.cpu_count() or 2))
        linux = sys.platform.startswith("linux")
        if self._when_needed is not None:
            articles = self._when_needed
        method = (
            "fork"
            if linux and threading.active_count() == 1
            else "forkserver"
            if linux and self._when_needed is not None
            else "spawn"
        )
        # Imported here, not with the library: multiprocessing is no part of `reader list`.
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import get_context

        context = get_context(method)
        if method == "fork":
            import_worker_modules(articles)  # once here; the children inherit them
        else:
            prepare_process_workers()
        if method == "forkserver":
            # The command's own modules too: a worker runs the main script again as it starts.
            modules = ["reader.cli", "reader.workers", "reader.feeds"]
            context.set_forkserver_preload([*modules, "reader.extract"] if articles else modules)
        self._pool = ProcessPoolExecutor(
            max_workers=count,
            mp_context=context,
            initializer=start_worker,
            # Forked from the server, a worker's parent is the server, which ends with this
            # process: told so by 0.
            initargs=(0 if method == "forkserver" else os.getpid(),),
        )
        for _ in range(count):
            self._pool.submit(import_worker_modules, articles)

    async def _cpu(self, fn: Callable[P, T], *args: Any) -> T:
        """Run CPU work off the event loop. A worker ended under its work (killed, the system
        short of memory) fails that work, and the work after it gets new workers: a broken
        pool failed every page after it "with an error the reader did not foresee". A page
        past its time limit (FetchError(TOO_SLOW)) fails alone too, and the work after it gets
        new workers (`_retire`); what had not started on the old ones is sent to the new."""
        while True:
            await self._workers_started()
            pool = self._pool
            try:
                return await asyncio.get_running_loop().run_in_executor(pool, fn, *args)
            except BrokenExecutor:  # BrokenProcessPool, its module not imported before a pool
                if self._pool is pool and pool is not None:
                    self._pool = None
                    await asyncio.to_thread(stop_pool, pool)
                raise
            except FetchError as error:
                if error.kind == ErrorKind.TOO_SLOW:
                    self._retire(pool)
                raise
            except asyncio.CancelledError:
                task = asyncio.current_task()
                if pool in self._retired and task is not None and not task.cancelling():
                    continue  # not started when its pool was retired: on the new one
                raise

    def _retire(self, pool: Executor | None) -> None:
        """Give up `pool`, one of whose workers was stopped past a page's time limit: stopped
        anywhere in the extractor's code, it may hold a state half made (a cache half filled),
        so the pages after it get new workers. The old ones finish the work they had started
        and end; the work not started yet is cancelled, and sent to the new (`_cpu`)."""
        if pool is None or pool is not self._pool or self._workers != "process":
            return
        self._pool = None
        # In a thread of its own: shutdown(wait=False) may close the pool's wake-up pipe
        # before the interpreter's exit hook writes to it (see `stop_pool`).
        shutting = threading.Thread(
            target=pool.shutdown,
            kwargs={"wait": True, "cancel_futures": True},
            name="reader-retired-pool",
            daemon=True,
        )
        self._retired[pool] = shutting
        shutting.start()

    async def _cpu_within_time(self, fn: Callable[P, T], *args: Any) -> T:
        """`_cpu` for reading one page, given `FetchLimits.extract_seconds` of the worker's
        time (`within_time`): past them, FetchError(TOO_SLOW), and the worker takes the next."""
        return await self._cpu(within_time, self.limits.extract_seconds, fn, *args)

    @property
    def _worker_store(self) -> Store | Path:
        """The store as a worker reaches it: by its directory from another process."""
        return self.data_dir if self._workers == "process" else self.store
