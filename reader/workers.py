"""The processes that do the CPU work (feed parsing, extraction) off the event loop: how they
start, end with their parent, and are stopped, and the store each one writes to."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager, redirect_stderr, suppress
from pathlib import Path

from .store import Store
from .time_limit import time_limit_off

# How often a worker looks whether the process that started it is still there.
_PARENT_CHECK = 1.0


def start_worker(parent: int) -> None:
    """Workers leave Ctrl-C to the parent, which stops the sync cleanly (no worker tracebacks),
    and yield the CPU to it: the event loop (a TUI, the network) must never wait on extraction.
    They end with the parent (`parent`, its pid as it gave it: one killed while the worker
    started is not the worker's parent any more; 0: whichever process it started from, a
    `forkserver`, which ends with the process that started it), however it ends
    (`_end_with_parent`).
    `stop_pool`'s SIGTERM ends one at once, but in a write (`whole_write`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = parent or os.getppid()
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
    with _held_back(signal.SIGTERM, signal.SIGPROF):
        threading.Thread(
            target=_end_with_parent, args=(parent,), name="reader-parent-watch", daemon=True
        ).start()


def _end_with_parent(parent: int) -> None:
    """Exit when the parent has gone (killed with -9, out of memory): a worker holds both ends
    of the pool's pipes, so it never sees them close, and would wait for work for ever. A
    write under way is finished first."""
    import time

    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK)
    with _WRITING:
        os._exit(0)


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
    with _held_back(signal.SIGTERM, signal.SIGPROF), _WRITING:
        time_limit_off()
        yield


@contextmanager
def _held_back(*numbers: int) -> Iterator[None]:
    """Signals `numbers` held back from this thread meanwhile (pending, then taken)."""
    if not hasattr(signal, "pthread_sigmask"):  # not on Windows: nothing held back
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, set(numbers))
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


# Seconds a closing library gives a worker's write to the store to finish: one that takes
# longer waits on another process's lock (a `reader sync` writing), and has not begun.
_STOP_GRACE = 2.0


def stop_pool(pool: Executor, shutting: threading.Thread | None = None) -> None:
    """Shut the CPU pool: queued work cancelled, each worker process ended at once (SIGTERM),
    but for a write to the store under way, which is finished first (`whole_write`), for at
    most `_STOP_GRACE`. Waiting for the work in hand kept the reader's process up to 2 s after
    `q` (workers still importing the parsers, extracting a page the next sync reads again),
    for ever on a hostile page (an hour-long regular expression in a parser).

    shutdown(wait=True) runs in a thread of its own: with wait=False, the pool's manager thread
    may close its wake-up pipe before the interpreter's exit hook writes to it (an EBADF
    traceback after Ctrl-C). Ending the workers lets that shutdown return. A pool whose
    shutdown runs already (`shutting`, a thread started on it) is not shut twice: the second
    found the first's pipes closed (EBADF)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    stopper = shutting or threading.Thread(
        target=pool.shutdown, kwargs={"wait": True, "cancel_futures": True}, daemon=True
    )
    if shutting is None:
        stopper.start()
    for process in processes:
        with suppress(OSError, ValueError):
            process.terminate()
    stopper.join(_STOP_GRACE)
    if stopper.is_alive():
        for process in processes:
            with suppress(OSError, ValueError):
                process.kill()
        stopper.join()


def import_worker_modules(articles: bool = True) -> None:
    """Import what the workers run (feed parsing, and extraction when articles are wanted)."""
    from . import feeds  # noqa: F401

    if articles:
        from . import extract  # noqa: F401


_worker_stores: dict[Path, Store] = {}


def store_in_worker(store: Store | Path) -> Store:
    """The store a worker writes to: the caller's own in a thread, one per process otherwise
    (diskcache's SQLite is safe across processes, and the page never travels back)."""
    if isinstance(store, Store):
        return store
    opened = _worker_stores.get(store)
    if opened is None:
        opened = _worker_stores[store] = Store(store)
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
    if usable:
        resource_tracker.ensure_running()
    elif sys.__stderr__ is not None:
        with redirect_stderr(sys.__stderr__):
            resource_tracker.ensure_running()
