"""The processes that do the CPU work (feed parsing, extraction) off the event loop: how they
start, end with their parent, and are stopped, and the store each one writes to."""

from __future__ import annotations

import os
import select
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from contextlib import contextmanager, redirect_stderr, suppress
from pathlib import Path
from typing import Any, TypeVar

from .held_signals import held_back
from .models import ParsedFeed
from .process_state import stat_fields
from .store import Store
from .time_limit import time_limit_off

T = TypeVar("T")

# How often a worker looks whether the process that started it is still there.
_PARENT_CHECK = 1.0


def start_worker(parent: int, board: Any = None) -> None:
    """Workers leave Ctrl-C to the parent, which stops the sync cleanly (no worker tracebacks),
    and yield the CPU to it: the event loop (a TUI, the network) must never wait on extraction.
    They end with the parent (`parent`, its pid as it gave it: one killed while the worker
    started is not the worker's parent any more), however it ends (`_end_with_parent`); a
    worker forked by a `forkserver` watches the process that asked for it, not the server,
    which lives as long as any of its workers does (each holds the pipe whose end it waits
    for): watching the server, a `kill -9` of the sync left both waiting on each other.
    `stop_pool`'s SIGTERM ends one at once, but in a write (`whole_write`). A worker takes
    a place on its pool's `board` (`noted_work`)."""
    if board is not None:
        _take_place(board)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with suppress(OSError, AttributeError):
        os.nice(10)
    # A worker the system ends past its time limit (`time_limit.within_time`'s RLIMIT_CPU)
    # leaves no core file of a hostile page behind.
    with suppress(ImportError, OSError, ValueError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))
    # The watch is started with SIGTERM and the time limit's SIGPROF held back, as it then
    # always is: they are the main thread's, which holds them back while it writes (a thread
    # that took SIGTERM would end the process there).
    with held_back(signal.SIGTERM, signal.SIGPROF):
        threading.Thread(
            target=_end_with_parent, args=(parent,), name="reader-parent-watch", daemon=True
        ).start()


def new_board(context: Any, workers: int) -> Any:
    """A pool's board, shared by its `workers`: each one's pid and the token of the work in its
    hands (`noted_work`), so that when the system ends one under its work (past the time limit,
    in a C library's loop; out of memory) the library knows whose work that was, and sends
    the rest to new workers (`ended_work`). Places for twice the workers, to spare."""
    return context.Array("q", 4 * workers)


_place: tuple[Any, int] | None = None
"""The board of this worker's pool, and where on it this worker notes its work."""


def _take_place(board: Any) -> None:
    global _place
    with board.get_lock():
        for at in range(0, len(board), 2):
            if board[at] == 0:
                board[at] = os.getpid()
                # Written without the lock from here on: a worker killed holding it would
                # leave the library waiting for it (`ended_work`).
                _place = (board.get_obj(), at)
                return


def noted_work(token: int, fn: Callable[..., T], *args: Any) -> T:
    """`fn(*args)`, `token` on the pool's board meanwhile (`new_board`)."""
    if _place is None:
        return fn(*args)
    board, at = _place
    board[at + 1] = token
    try:
        return fn(*args)
    finally:
        board[at + 1] = 0


def ended_work(board: Any, processes: list[Any]) -> dict[int, int]:
    """The tokens of the work (`noted_work`) the system ended a worker under, with the
    worker's exit code: killed, or past the time limit in a C library (SIGXCPU). Not the
    workers the broken pool ended after it (SIGTERM): their work was whole, and runs again.
    To call once `processes` have ended."""
    raw = board.get_obj()
    at_pid = {raw[at]: raw[at + 1] for at in range(0, len(raw), 2) if raw[at]}
    ended: dict[int, int] = {}
    for process in processes:
        code = process.exitcode
        if code is not None and code not in (0, -signal.SIGTERM) and at_pid.get(process.pid):
            ended[at_pid[process.pid]] = code
    return ended


def _end_with_parent(parent: int) -> None:
    """Exit when the parent has gone (killed with -9, out of memory): a worker holds both ends
    of the pool's pipes, so it never sees them close, and would wait for work for ever. A
    write under way is finished first."""
    import time

    by_server = os.getppid() != parent  # forked by a forkserver: `parent` is the client
    watched = _parent_ending(parent)
    while _running(parent) if by_server else os.getppid() == parent:
        if watched is None:
            time.sleep(_PARENT_CHECK)
        else:
            watched.poll()  # till it ends: a worker idle for hours wakes for nothing
            break
    with _WRITING:
        os._exit(0)


def _parent_ending(parent: int) -> select.poll | None:
    """A poll that returns once the process `parent` has ended (a pidfd, Linux 5.3 on), so
    that the watch sleeps until then: looking every `_PARENT_CHECK` seconds woke each idle
    worker once a second (acc36a G3). None where there is no pidfd: the watch looks."""
    try:
        pidfd = os.pidfd_open(parent)
    except (AttributeError, OSError):  # not Linux, an old kernel, or the parent already gone
        return None
    watched = select.poll()
    watched.register(pidfd, select.POLLIN)  # readable once the process has ended
    return watched


def _running(pid: int) -> bool:
    """Whether the process `pid` runs (a zombie, ended but not yet reaped, does not)."""
    if os.path.isdir("/proc"):
        fields = stat_fields(pid)
        return fields is not None and fields[:1] != ["Z"]  # a zombie: ended
    try:  # no /proc: whether a signal could be sent to it
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_WRITING = threading.RLock()
"""Held by a worker while it writes the store (`whole_write`)."""


@contextmanager
def whole_write() -> Iterator[None]:
    """A write of a worker process to the store, finished whatever stops the worker meanwhile:
    `stop_pool`'s SIGTERM held back until it is done (the process ends then), the parent's
    end (`_end_with_parent`) waited for. Outside its writes a worker stopped ends at once: the
    page in its hands, cached by none, is read again by the next sync."""
    if threading.current_thread() is not threading.main_thread():
        yield  # a thread of the parent's pool (`workers="thread"`): no signal stops it
        return
    # Once it writes, the page is read: its time limit (`time_limit.within_time`) is off, and
    # its signal, should it come meanwhile, is held back until the write is whole (ignored).
    with held_back(signal.SIGTERM, signal.SIGPROF), _WRITING:
        time_limit_off()
        yield


# Seconds a closing library gives a worker's write to the store to finish: one that takes
# longer waits on another process's lock (a `reader sync` writing), and has not begun.
_STOP_GRACE = 2.0

QUIT_GRACE = 0.2
"""Seconds a worker's write gets at least once the reader's wait for a program holding the
store is over (`Store.give_up_left`): one still waiting on the holder has begun nothing."""


def stop_pool(
    pool: Executor, shutting: threading.Thread | None = None, grace: float | None = None
) -> None:
    """Shut the CPU pool: queued work cancelled, each worker process ended at once (SIGTERM),
    but for a write to the store under way, which is finished first (`whole_write`), for at
    most `_STOP_GRACE` (or `grace`, when shorter). Waiting for the work in hand kept the reader's process up to 2 s after
    `q` (workers still importing the parsers, extracting a page the next sync reads again),
    for ever on a hostile page (an hour-long regular expression in a parser).

    shutdown(wait=True) runs in a thread of its own: with wait=False, the pool's manager thread
    may close its wake-up pipe before the interpreter's exit hook writes to it (an EBADF
    traceback after Ctrl-C). Ending the workers lets that shutdown return. A pool whose
    shutdown runs already (`shutting`, a thread started on it) is not shut twice: the second
    found the first's pipes closed (EBADF).

    A pool whose worker a fork server is still making (`process_pool`'s `server`: it makes
    none before it has imported the workers' modules, tens of seconds of a loaded machine)
    is not waited for: the pool's `submit` holds its shutdown meanwhile, and a Ctrl-C of a
    sync as its workers started waited for that import, past 90 s at load 45. The server is
    ended with the workers then, and the next pool starts another."""
    processes = _processes_of(pool)
    stopper = shutting or threading.Thread(
        target=pool.shutdown, kwargs={"wait": True, "cancel_futures": True}, daemon=True
    )
    if shutting is None:
        stopper.start()
    for process in processes:
        with suppress(OSError, ValueError):
            process.terminate()
    stopper.join(_STOP_GRACE if grace is None else min(grace, _STOP_GRACE))
    if stopper.is_alive():
        # Those made during the grace too: each would outlive the pool, and the interpreter's
        # exit waits for every worker it started.
        for process in {*processes, *_processes_of(pool)}:
            with suppress(OSError, ValueError):
                process.kill()
        _end_fork_server(pool)
        stopper.join()


def end_idle_fork_server() -> None:
    """End this process's fork server (`process_pool`'s `server`), its pools all ended: kept,
    it held its imports (~45 MB of the parsers and the extractor) for a reader left open on a
    short refresh interval, its workers ended between refreshes and the server not (acc43c
    C6). The next pool starts another (`ensure_running`: ~0.5 s of its imports, beside the
    refresh's network). multiprocessing's own server: its `_stop` closes the pipe it lives
    by, and waits for it; nothing where it has none."""
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    stop = getattr(server, "_stop", None)
    if stop is not None and getattr(server, "_forkserver_pid", None) is not None:
        with suppress(OSError, ChildProcessError):
            stop()


def _processes_of(pool: Executor) -> list[Any]:
    """The worker processes `pool` has started so far (none for a pool of threads)."""
    return list((getattr(pool, "_processes", None) or {}).values())


def _end_fork_server(pool: Executor) -> None:
    """End the fork server `pool`'s workers are made by, if it is making one for `pool` now
    (its `submit` holds the shutdown's lock meanwhile): the worker it is making, or waiting
    to make as its modules import, fails then (EOFError in `submit`), and the pool's shutdown
    goes on. A shutdown held up by anything else (a worker's write) leaves it alone. The
    server is multiprocessing's own (there is no public way to stop it); the next pool of
    the process starts another (`ensure_running` finds it gone)."""
    context = getattr(pool, "_mp_context", None)
    if context is None or context.get_start_method() != "forkserver":
        return
    submitting = getattr(pool, "_shutdown_lock", None)
    if submitting is None or not submitting.locked():
        return
    from multiprocessing import forkserver

    pid = getattr(getattr(forkserver, "_forkserver", None), "_forkserver_pid", None)
    if pid is not None:
        with suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def process_pool(count: int, modules: Sequence[str], server: bool = False) -> tuple[Executor, Any]:
    """A pool of `count` worker processes that run what `modules` hold (`worker_modules`), and
    its board (`new_board`).

    In a process with no other thread yet (the CLI), workers are forked: they start at once,
    with `modules` imported first by the parent, which they inherit (what they import later
    is their own: none wanted up front). Otherwise (the TUI runs threads) they are spawned; or,
    with `server` on Linux, forked from a server process started once with `modules` (the
    threads this process runs by then are in none of them, and a process's later pools start
    in a few ms, not in ~0.5 s of CPU: a sync's workers started when work first comes, a
    one-off command's page workers, a test's). A fork server's first worker waits for it to
    import them: not for a pool started on an event loop a screen is drawn from."""
    # Imported here, not with the library: multiprocessing is no part of `reader list`.
    from multiprocessing import get_context

    linux = sys.platform.startswith("linux")
    method = (
        "fork"
        if linux and threading.active_count() == 1
        else "forkserver"
        if linux and server
        else "spawn"
    )
    if method == "fork":
        import_modules(modules)  # once here; the children inherit them
    # The tracker the pool's semaphores start, started here for every method: with a hangup
    # ignored, and quiet (`prepare_process_workers`).
    prepare_process_workers()
    context = get_context(method)
    if method == "forkserver":
        # The command's own modules too: a worker runs the main script again as it starts.
        context.set_forkserver_preload([f"{__package__}.cli", __name__, *modules])
    board = new_board(context, count)
    pool = _pool_class()(
        max_workers=count,
        mp_context=context,
        initializer=start_worker,
        initargs=(os.getpid(), board),
    )
    return pool, board


def _pool_class() -> type[Executor]:
    """A process pool whose processes (and the fork server, started with the first) start with
    Ctrl-C held back, as multiprocessing starts its resource tracker: a terminal's Ctrl-C goes
    to the whole process group, and one taken as a fork server imported the workers' modules,
    or as a worker started, printed its traceback ("Fatal Python error: init_import_site")
    above the sync's "interrupted" line (acc34a C1). They never take it: workers ignore it
    (`start_worker`), the fork server too once its modules are in. This process holds it back
    only while it starts one (the fork server, not while it imports them), and takes it then."""
    from concurrent.futures import ProcessPoolExecutor

    class QuietStartPool(ProcessPoolExecutor):
        def _spawn_process(self) -> None:  # private, there since Python 3.9
            if self._mp_context.get_start_method() != "forkserver":
                with held_back(signal.SIGINT):
                    super()._spawn_process()
                return
            from multiprocessing import forkserver

            # Its workers are forked with its mask: SIGINT held back until they ignore it.
            with held_back(signal.SIGINT):
                forkserver.ensure_running()
            super()._spawn_process()  # which waits for the server's imports

    return QuietStartPool


def worker_modules(feeds: bool = True, articles: bool = True) -> list[str]:
    """The modules of the workers' work: parsing feeds, reading pages."""
    names = [*(["feeds"] if feeds else []), *(["extract", "page_caching"] if articles else [])]
    return [f"{__package__}.{name}" for name in names]


def parse_feed(*args: Any) -> ParsedFeed:
    """`feeds.parse_feed(*args)`, imported where it runs: in a worker, not in the process
    that hands it the feed (feedparser and chardet, ~4.5 MB of a TUI's resident memory, for a
    function it only names)."""
    from .feeds import parse_feed as parsed

    return parsed(*args)


def import_modules(modules: Sequence[str]) -> None:
    """Import `modules` (`worker_modules`): the workers' warm-up."""
    import importlib

    for name in modules:
        importlib.import_module(name)


_worker_stores: dict[Path, Store] = {}


def store_in_worker(store: Store | Path) -> Store:
    """The store a worker writes to: the caller's own in a thread, one per process otherwise
    (diskcache's SQLite is safe across processes, and the page never travels back). Never
    upgraded here: its library opened it first, upgrading it or, told not to, reading it as it
    is; a worker upgrading it behind that was an older-format library upgraded by the reader
    opening an article (the caller's store read as it is, to keep nothing)."""
    if isinstance(store, Store):
        return store
    opened = _worker_stores.get(store)
    if opened is None:
        opened = _worker_stores[store] = Store(store, upgrade=False)
    return opened


def prepare_process_workers() -> None:
    """Start multiprocessing's resource tracker while `sys.stderr` is still a real file.

    A running Textual app replaces `sys.stderr` with an object whose `fileno()` is -1; a worker
    spawned then would start the tracker with that fd and fail ("bad value(s) in fds_to_keep"):
    then it is started with the real one (`sys.__stderr__`). The TUI starts it with its workers,
    once the first screen is drawn (a Python process of its own, which took CPU from that screen);
    once started, it is reused.
    """
    try:
        from multiprocessing import resource_tracker
    except ImportError:  # no resource tracker on this platform
        return
    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    # The tracker outlives a parent killed with -9, cleans up its pool's semaphores, and said
    # so on the terminal ("There appear to be 6 leaked semaphore objects…") after the shell's
    # prompt (acc36a G7): the cleanup is the tracker's job, the warning no news to the user. Its
    # interpreter takes this process's -W options as it starts (and this process, none).
    sys.warnoptions.append(_TRACKER_QUIET)
    try:
        # SIGHUP held back while the tracker starts keeps it held back there for good (a mask
        # stays across exec; the tracker lets only Ctrl-C and SIGTERM through, which it
        # ignores): a process group's hangup (an ssh session dropped, `timeout -s HUP`) killed
        # it first, and its relaunch printed a KeyError traceback per semaphore of the pool
        # (acc43b B10). It ends when every process holding its pipe has.
        with held_back(signal.SIGHUP):
            _start_tracker(resource_tracker, usable)
    finally:
        sys.warnoptions.remove(_TRACKER_QUIET)


def _start_tracker(resource_tracker: Any, usable: bool) -> None:
    """The tracker started, with this process's stderr when `usable`, else the real one's."""
    if usable:
        resource_tracker.ensure_running()
    elif sys.__stderr__ is not None:
        with redirect_stderr(sys.__stderr__):
            resource_tracker.ensure_running()


_TRACKER_QUIET = "ignore::UserWarning:multiprocessing.resource_tracker"
"""The resource tracker's warnings silenced, in its own interpreter (`prepare_process_workers`)."""
