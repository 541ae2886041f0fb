"""The workers that do a library's CPU work (feed parsing, reading pages) off the event loop
(`CpuWorkers`): their pools, and what becomes of the work when a pool breaks or is given up.
A page is read under its time limit (`time_limit.within_time`) wherever the limit can hold:
in a worker process, even for a library whose other work is done in threads."""

from __future__ import annotations

import contextvars
import itertools
import os
import signal
import threading
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, Executor, Future, ThreadPoolExecutor
from contextlib import suppress
from typing import TYPE_CHECKING, Any, Literal, ParamSpec, TypeVar

from .errors import ErrorKind, FetchError
from .priority_gate import PriorityGate, rank
from .time_limit import too_slow, within_time
from .upgraded import upgrade_in
from .workers import (
    end_idle_fork_server,
    ended_work,
    import_modules,
    noted_work,
    prepare_process_workers,
    process_pool,
    stop_pool,
    worker_modules,
)

if TYPE_CHECKING:
    import asyncio

P = ParamSpec("P")
T = TypeVar("T")

# The system's signal to a process past its CPU time (RLIMIT_CPU: `time_limit`), where it has one.
_SIGXCPU = getattr(signal, "SIGXCPU", 0)
# Breaks of its pools a work is sent on to a new one after, when none ended a worker under
# work: each of the others takes a hostile page out, and the work then goes on.
_UNEXPLAINED_BREAKS = 3


class CpuWorkers:
    """The pools of a library's CPU work: processes (the reader, a sync: a long run must not
    starve the event loop) or threads (one-off commands, where starting processes would cost
    more than it saves), and in either case pages read where their time limit holds."""

    def __init__(
        self, workers: Literal["process", "thread"] = "thread", processes: int = 0
    ) -> None:
        self._workers = workers
        # The worker processes at most (`[system] workers`); 0: as many as `_worker_count`
        # finds fit. Each holds the parsers and the extractor (~45 MB): a machine of 150 MB
        # ran out of memory with two beside the reader (acc45c C2).
        self._processes = processes
        self.pool: Executor | None = None
        """The pool CPU work goes to now; None until started, and once let go of."""
        # Workers to start when work first comes (`when_needed`), forked from a server of
        # their own; and whether they will read articles.
        self._when_needed: bool | None = None
        self._starting: asyncio.Future[None] | None = None  # their start, in a thread
        self._making: Executor | None = None
        """The pool `start` is making, made known (`pool`) once its first work is handed over:
        a fork server still importing the workers' modules holds the pool's `submit` until it
        is done, and work handed to the pool meanwhile held the event loop with it (a Ctrl-C
        as a sync's workers started then waited for ever: the loop never took it). Work
        waits for the start off the loop (`_started`); `close` stops this pool too."""
        self._made = threading.Lock()  # `_making` against `close`, which runs on the loop
        self._closings = 0
        """How many times `close` ran: a pool whose making began before one is stopped as it
        is made. Made after the close, its fork server outlived the library, and its workers
        met the semaphores the closing process had unlinked ("SemLock", a traceback on stderr
        at a sync's end: flaky42, the fresh-clone CI of 4ce6f2eb)."""
        self.idle_end: float | None = None
        """Seconds a pool started on demand (`on_demand`) is kept with no work before it is
        ended; None: kept until the library closes."""
        self._busy = 0  # the work in `run` now
        self._warm: list[str] = []  # what the next pool started on demand imports first
        # That import under way in the pool's first worker: the work that comes meanwhile waits
        # for it, where the pool would spawn a second worker for the work, the two importing
        # at once on a busy machine (a page read after idle took 10.4 s at load 21-26).
        self._warming: Future[None] | None = None
        self._idle_timer: asyncio.TimerHandle | None = None
        self.pages_apart = workers == "thread" and hasattr(signal, "setitimer")
        """Whether pages are read in a worker process of their own, their time limit holding
        only in a process (`time_limit.cpu_limit`), by a library whose other work is done in
        threads; not where the limit can't hold (no setitimer: Windows)."""
        self.page_pool: Executor | None = None
        # Its making and its worker's start, in a thread (`_pages_started`), and the pool made
        # known once its worker is there: `close` stops it meanwhile, as it does `_making`.
        self._pages_starting: asyncio.Future[None] | None = None
        self._making_pages: Executor | None = None
        # Pools given up after a page went past its time limit, finishing the work they had
        # started (`_retire`), each with the thread that shuts it; stopped with the library.
        self.retired: dict[Executor, threading.Thread] = {}
        # The board of each pool of processes (`workers.new_board`), and what each broken
        # one's workers were ended under (`_ended_in`); a token for each work given.
        self._boards: dict[Executor, Any] = {}
        self._autopsies: dict[Executor, asyncio.Future[dict[int, int]]] = {}
        self._tokens = itertools.count(1)
        # The work handed to each kind of pool (pages apart, or not) at once: twice its workers
        # (one queued for each, so that none waits for the loop to hand it the next), the
        # rest waiting here by priority rather than in the pool's own queue, which is first
        # come first served: an article opened as a refresh's 300 feeds came in was read after
        # all their parses (acc37a H2), and goes first now (`priority_gate.rank`).
        self._turns = {
            False: PriorityGate(2 * _worker_count(workers, processes)),
            True: PriorityGate(2),
        }

    @property
    def pages_in_processes(self) -> bool:
        """Whether pages are read in worker processes (which reach the store by its directory),
        not in this process's threads."""
        return self._workers == "process" or self.pages_apart

    def close(self, grace: float | None = None) -> None:
        """Every pool stopped (`workers.stop_pool`, a write under way given `grace` seconds
        when that is shorter than its own)."""
        with self._made:
            making, self._making = self._making, None
            making_pages, self._making_pages = self._making_pages, None
            self._closings += 1
        for pool in (self.pool, self.page_pool, making, making_pages):
            if pool is not None:
                stop_pool(pool, grace=grace)
        self.pool = self.page_pool = None
        if self._idle_timer is not None:
            self._idle_timer.cancel()
            self._idle_timer = None
        for pool, shutting in list(self.retired.items()):
            # Its shutdown, under way, returns once the workers are ended: waited for, not
            # left to the interpreter's exit to cut short (a traceback after a sync's end).
            stop_pool(pool, shutting, grace)
        self.retired.clear()
        self._autopsies.clear()

    def start(self, articles: bool = True) -> None:
        """Start the pool for CPU work now, so its start-up overlaps the network: forked in a
        process with no other thread yet (the CLI), spawned otherwise, or, asked for
        `when_needed`, forked from a server process (`process_pool`)."""
        if self.pool is not None:
            return
        if self._workers != "process":
            self.pool = ThreadPoolExecutor(_worker_count("thread"), thread_name_prefix="reader-cpu")
            return
        count = _worker_count("process", self._processes)
        if self._when_needed is not None:
            articles = self._when_needed
        modules = worker_modules(articles=articles)
        # On demand, spawned: a fork server would outlive the pool it made, holding the
        # workers' imports (~45 MB) while the reader sits idle. One worker spawned too: a
        # server imports what that one worker would, and holds it beside it for nothing.
        server = self._when_needed is not None and self.idle_end is None and count > 1
        closings = self._closings
        pool, board = process_pool(count, modules, server=server)
        with self._made:
            closed = self._closings != closings
            if not closed:
                self._making = pool
        if closed:  # the library closed while the pool was made: it is ended, never used
            stop_pool(pool)
            return
        try:
            if self.idle_end is None:
                for _ in range(count):
                    pool.submit(import_modules, modules)
            # On demand, one worker warmed with what the work on its way needs (`start_soon`),
            # or none for work already here (its worker imports what it takes): reading an
            # article takes one, and the pool spawns the others as more work comes at once (a
            # refresh's feeds, a sync's pages). Made known once its warming is: work that saw
            # it before went to a second worker.
            elif warm := self._warm:
                self._warm = []
                self._warming = pool.submit(import_modules, warm)
        finally:
            with self._made:
                if self._making is pool:  # not stopped by `close` meanwhile
                    self._making = None
                    self.pool, self._boards[pool] = pool, board

    def when_needed(self, articles: bool = True) -> None:
        """Start the pool for CPU work when work first comes (`run`), not before: a sync
        whose feeds all answer "not modified" has none (it imported the extractor and forked
        workers for nothing: ~0.7 s of CPU). Where processes fork (Linux), they are forked
        then from a server process that imported their modules once: the threads this
        process runs by then are in none of them."""
        self._when_needed = articles

    def on_demand(self, idle_end: float) -> None:
        """Start the pool when work first comes (`run`) or is on its way (`start_soon`), its
        workers spawned as the work needs them, and end it once it has had no work for
        `idle_end` seconds: a reader left open keeps no worker (each ~45 MB of imports) for
        work that may not come for hours. The next work starts another (~0.6 s of a worker's
        CPU, the page's download meanwhile)."""
        self._when_needed = True
        self.idle_end = idle_end

    def start_soon(self, feeds: bool = True, articles: bool = True) -> None:
        """Start the workers asked for `when_needed` now, in a thread (their server takes a
        second to import the extractor): a sync's first page is on its way. Started on
        demand (`on_demand`), the first is warmed with what parses `feeds` or reads pages
        (`articles`): a refresh's worker never imports the extractor (~0.4 s, ~17 MB)."""
        import asyncio

        if self._when_needed is None or self.pool is not None or self._starting is not None:
            return
        if self.idle_end is not None:
            self._warm = worker_modules(feeds, articles)
            # Here, not in the thread: started by a TUI, it puts the real stderr in place of
            # the app's for a moment (`prepare_process_workers`), which the app's own thread
            # would write to meanwhile. A fork and exec, once.
            prepare_process_workers()
        starting = asyncio.ensure_future(asyncio.to_thread(self.start))

        def started(done: asyncio.Future[None]) -> None:
            if self._starting is starting:
                self._starting = None
            if not done.cancelled():
                # Taken, so that a start the library's close cut short (`stop_pool` ended its
                # fork server) is no "exception was never retrieved" line after a Ctrl-C; the
                # work that awaits the start hears of it there.
                done.exception()

            self._idle_soon()  # should no work come, warmed for nothing

        starting.add_done_callback(started)
        self._starting = starting

    async def _started(self) -> None:
        """The pool started (`start`); off the loop when it waits for a server."""
        import asyncio

        if self.pool is not None:
            return
        self.start_soon()
        if self._starting is None:
            self.start()
        else:
            await asyncio.shield(self._starting)

    async def _pages_started(self) -> None:
        """The pool for reading pages apart made, its worker started, off the loop: the pool's
        first `submit` forks it from a server still importing the extractor, and it held the
        event loop so (5-6 s at load 20: the requests under way timed out as if the reader had
        been paused, a dead page asked a fourth time). A start that failed fails the work."""
        import asyncio

        if self._pages_starting is None:
            starting = asyncio.ensure_future(asyncio.to_thread(self._make_page_pool))

            def started(done: asyncio.Future[None]) -> None:
                if self._pages_starting is starting:
                    self._pages_starting = None
                if not done.cancelled():
                    done.exception()  # heard by the work awaiting it, not left unretrieved

            starting.add_done_callback(started)
            self._pages_starting = starting
        await asyncio.shield(self._pages_starting)

    def _make_page_pool(self) -> None:
        """`_pages_started`'s making, in a thread; a pool whose making a `close` overtook is
        stopped, never used."""
        closings = self._closings
        pool, board = process_pool(1, worker_modules(feeds=False), server=True)
        with self._made:
            closed = self._closings != closings
            if not closed:
                self._making_pages = pool
        if closed:
            stop_pool(pool)
            return
        try:
            pool.submit(len, ())  # its one worker forked now, here
        finally:
            with self._made:
                if self._making_pages is pool:  # not stopped by `close` meanwhile
                    self._making_pages = None
                    self.page_pool, self._boards[pool] = pool, board

    def _pool_for(self, pages: bool) -> Executor:
        """The pool for CPU work, or with `pages` for reading pages: under their time limit,
        which holds only in a process (`time_limit.cpu_limit`), in one of one worker process
        in a library whose other work is done in threads (a one-off command's, forked at its
        start, `start_pages`; else started with its first page, forked from a server kept for
        the process's later pools)."""
        if not (pages and self.pages_apart):
            self.start()
            assert self.pool is not None
            return self.pool
        if self.page_pool is None:
            modules = worker_modules(feeds=False)
            self.page_pool, self._boards[self.page_pool] = process_pool(1, modules, server=True)
        return self.page_pool

    def start_pages(self) -> None:
        """Start the page workers of a library whose other work is done in threads now: in a
        process with no other thread yet (a command's start) forked at once, nothing imported
        first. Their start then costs a fork, not a server's ~0.5 s of CPU after the page's
        download; the extractor is imported by the worker with its first page, or never when
        the article was cached."""
        if self.pages_apart and self.page_pool is None:
            self.page_pool, self._boards[self.page_pool] = process_pool(1, (), server=True)
            self.page_pool.submit(len, ())  # its worker forked now, before any thread

    def _let_go(self, pool: Executor) -> None:
        """No more work for `pool`: what comes next starts a new one."""
        if self.pool is pool:
            self.pool = None
        if self.page_pool is pool:
            self.page_pool = None

    async def run(self, fn: Callable[P, T], *args: Any, within: float = 0.0) -> T:
        """Run CPU work off the event loop; `within` CPU seconds of its worker's time, when
        given (`time_limit.within_time`), past which it fails with FetchError(TOO_SLOW).

        A worker ended under its work (killed, the system short of memory; past the time
        limit in a C library's loop, said as too slow) fails that work alone: the others the
        pool had taken, which its break failed too, are sent to new workers, as is the work
        after it. (They failed with it, "with an error the reader did not foresee", and their
        pages were read only by the next sync.) A page past its time limit fails alone too,
        and the work after it gets new workers (`_retire`); what had not started on the old
        ones is sent to the new."""
        self._busy += 1
        try:
            return await self._run(fn, *args, within=within)
        finally:
            self._busy -= 1
            if not self._busy:
                self._idle_soon()

    async def _run(self, fn: Callable[P, T], *args: Any, within: float = 0.0) -> T:
        """`run`'s work, counted busy by it."""
        import asyncio

        work = (within_time, within, fn, *args) if within else (fn, *args)
        unexplained = 0  # breaks that ended no work: a pool that can't start, say
        while True:
            if not (within and self.pages_apart):
                await self._started()
            elif self.page_pool is None:
                await self._pages_started()
            if (warming := self._warming) is not None:
                if not warming.done():
                    with suppress(Exception):  # a pool that failed to start fails the work
                        await asyncio.shield(asyncio.wrap_future(warming))
                if self._warming is warming:
                    self._warming = None
            apart = bool(within) and self.pages_apart
            async with self._turns[apart].slot(rank()):
                pool = self._pool_for(pages=bool(within))
                board = self._boards.get(pool)
                token = next(self._tokens)
                call = (noted_work, token, *work) if board is not None else work
                try:
                    return await asyncio.get_running_loop().run_in_executor(pool, *call)
                except BrokenExecutor as error:  # BrokenProcessPool, its module not imported before
                    ended = await self._ended_in(pool)
                    if token in ended and within and ended[token] == -_SIGXCPU:
                        raise too_slow(within) from None
                    if not ended and (upgraded := upgrade_in(error)) is not None:
                        # A worker that could not start since the reader's files changed under
                        # it (its imports fail against the new ones) would fail so at each
                        # try: said at once, not after `_UNEXPLAINED_BREAKS` new pools.
                        raise upgraded from error
                    unexplained += not ended
                    if token in ended or board is None or unexplained == _UNEXPLAINED_BREAKS:
                        raise
                except FetchError as error:
                    if error.kind == ErrorKind.TOO_SLOW:
                        self._retire(pool)
                    raise
                except asyncio.CancelledError:
                    task = asyncio.current_task()
                    if pool in self.retired and task is not None and not task.cancelling():
                        continue  # not started when its pool was retired: on the new one
                    raise

    def _idle_soon(self) -> None:
        """End the pool started on demand `idle_end` seconds from now, unless work comes
        meanwhile (`_end_if_idle`): one timer, moved on by each work's end."""
        if self.idle_end is None or self.pool is None:
            return
        if self._idle_timer is not None:
            self._idle_timer.cancel()
        import asyncio

        loop = asyncio.get_running_loop()
        # In a context of its own, not the caller's: a Textual worker's (an article's reading)
        # held that worker and its closed screen for `idle_end` seconds, past the settle that
        # was to free it, which then froze it with the headlines (test_memory's Esc test at
        # load 17-25, flaky45).
        self._idle_timer = loop.call_later(
            self.idle_end, self._end_if_idle, context=contextvars.Context()
        )

    def _end_if_idle(self) -> None:
        """The pool ended, if still without work and not starting: its workers stopped in a
        thread (`stop_pool`: idle, they end at once), waited for by `close` meanwhile."""
        self._idle_timer = None
        pool = self.pool
        if pool is None or self._busy or self._starting is not None:
            return
        self._let_go(pool)
        self._boards.pop(pool, None)

        def stop() -> None:
            stop_pool(pool)
            self.retired.pop(pool, None)
            if (
                self.pool is None
                and self.page_pool is None
                and self._starting is None
                and self._pages_starting is None
            ):
                # No pool of this process left, none starting: their server goes too, else
                # an open reader kept its imports between short timed refreshes (acc43c C6).
                end_idle_fork_server()

        stopping = threading.Thread(target=stop, name="reader-idle-pool", daemon=True)
        self.retired[pool] = stopping
        stopping.start()

    async def _ended_in(self, pool: Executor) -> dict[int, int]:
        """Of a broken pool, the work the system ended a worker under (`workers.ended_work`):
        found once, by the first of its work to hear of the break, once its workers have
        ended; the pool let go of."""
        import asyncio

        found = self._autopsies.get(pool)
        if found is None:
            processes = list((getattr(pool, "_processes", None) or {}).values())
            self._let_go(pool)

            def stopped() -> dict[int, int]:
                stop_pool(pool, self.retired.pop(pool, None))
                board = self._boards.pop(pool, None)
                return ended_work(board, processes) if board is not None else {}

            found = self._autopsies[pool] = asyncio.ensure_future(asyncio.to_thread(stopped))
        return await asyncio.shield(found)

    def _retire(self, pool: Executor | None) -> None:
        """Give up `pool`, one of whose workers was stopped past a page's time limit: stopped
        anywhere in the extractor's code, it may hold a state half made (a cache half filled),
        so the pages after it get new workers. The old ones finish the work they had started
        and end; the work not started yet is cancelled, and sent to the new (`run`)."""
        if pool is None or pool not in self._boards or pool not in (self.pool, self.page_pool):
            return
        self._let_go(pool)
        # In a thread of its own: shutdown(wait=False) may close the pool's wake-up pipe
        # before the interpreter's exit hook writes to it (see `stop_pool`).
        shutting = threading.Thread(
            target=pool.shutdown,
            kwargs={"wait": True, "cancel_futures": True},
            name="reader-retired-pool",
            daemon=True,
        )
        self.retired[pool] = shutting
        shutting.start()


def _worker_count(workers: Literal["process", "thread"], processes: int = 0) -> int:
    """The workers of a library's pool for CPU work (`CpuWorkers.start`): `processes` of
    them when given (`[system] workers`), else one a core, 4 at most."""
    if workers != "process":
        return 2
    return processes or max(1, min(4, os.cpu_count() or 2))
