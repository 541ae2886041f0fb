"""The processes that do the CPU work (feed parsing, extraction) off the event loop: how they
start, end with their parent, and are stopped, and the store each one writes to."""

from __future__ import annotations

import os
import sys
import threading
from concurrent.futures import Executor
from contextlib import redirect_stderr, suppress
from multiprocessing.process import BaseProcess
from pathlib import Path

from .store import Store

# How often a worker looks whether the process that started it is still there.
_PARENT_CHECK = 1.0


def start_worker(parent: int) -> None:
    """Workers leave Ctrl-C to the parent, which stops the sync cleanly (no worker tracebacks),
    and yield the CPU to it: the event loop (a TUI, the network) must never wait on extraction.
    They end with the parent (`parent`, its pid as it gave it: one killed while the worker
    started is not the worker's parent any more), however it ends (`_end_with_parent`)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with suppress(OSError, AttributeError):
        os.nice(10)
    threading.Thread(
        target=_end_with_parent, args=(parent,), name="reader-parent-watch", daemon=True
    ).start()


def _end_with_parent(parent: int) -> None:
    """Exit when the parent has gone (killed with -9, out of memory): a worker holds both ends
    of the pool's pipes, so it never sees them close, and would wait for work for ever."""
    import time

    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK)
    os._exit(0)


# Seconds a closing library gives each worker to finish the page in its hands.
_STOP_GRACE = 2.0


def stop_pool(pool: Executor, given_work: bool = True) -> None:
    """Shut the CPU pool: queued work cancelled, each worker let finish the page in its hands
    for `_STOP_GRACE`, then ended. Waiting for a worker stuck on a hostile page (an hour-long
    regular expression in a parser) kept `q` and Ctrl-C from ending the reader at all. Without
    `given_work` (only its start's imports) it is ended at once: nothing in hands to finish.

    shutdown(wait=True) runs in a thread of its own: with wait=False, the pool's manager thread
    may close its wake-up pipe before the interpreter's exit hook writes to it (an EBADF
    traceback after Ctrl-C). Ending the workers lets that shutdown return."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    stopper = threading.Thread(
        target=pool.shutdown, kwargs={"wait": True, "cancel_futures": True}, daemon=True
    )
    if not given_work:
        _end(processes)
    stopper.start()
    stopper.join(_STOP_GRACE)
    if stopper.is_alive():
        _end(processes)
        stopper.join()


def _end(processes: list[BaseProcess]) -> None:
    for process in processes:
        with suppress(OSError, ValueError):
            process.terminate()


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
