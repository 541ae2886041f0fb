"""Work inside a C library that the process's end waits for, whichever thread does it.

Quitting does not wait for some threads (`ui/quittable.py`: the network stack made at start),
and the interpreter ends with them still running. That is safe for Python code: such a thread
never runs again once the interpreter has begun to end. It is not for C code running with the
GIL released: after the interpreter, the C library runs the exit handlers the libraries
registered, and OpenSSL's (`OPENSSL_cleanup`) frees the tables that a thread still reading the
certificate authorities for a TLS context works with. The reader ended "Segmentation fault"
(-11) after a clean `q`: the fresh-clone CI's Ctrl-Z test, twice in benchmarks/tui_sync_stall.py,
and a few in a hundred of the processes that end while the context is made
(benchmarks/exit_crashes.py; the main thread or that one dies, in `OPENSSL_cleanup` or in
`SSL_CTX_load_verify_locations`). Such work is done inside `finished_before_exit`: the
interpreter's end waits for the work under way (tens of ms; the whole TLS context of a
`Fetcher`), and lets none begin after it.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Iterator
from contextlib import contextmanager

AT_MOST = 10.0
"""Seconds the process's end waits for work under way, at most: past it (a CA file on a disk
that stopped answering), the process ends anyway."""

_changed = threading.Condition()
_under_way = 0
_ending = False


@contextmanager
def finished_before_exit() -> Iterator[None]:
    """The block is finished before the process ends, or never begun (its thread held here,
    and ended with the process) when the interpreter's end has begun."""
    global _under_way
    with _changed:
        while _ending and threading.current_thread() is not threading.main_thread():
            _changed.wait()  # woken by nothing: what this thread would do is dropped
        _under_way += 1
    try:
        yield
    finally:
        with _changed:
            _under_way -= 1
            _changed.notify_all()


def _wait_for_work() -> None:
    """An exit handler of the interpreter's: the work under way finished, none begun after."""
    global _ending
    try:
        with _changed:
            _ending = True
            _changed.wait_for(lambda: _under_way == 0, timeout=AT_MOST)
    except KeyboardInterrupt:  # a Ctrl-C as it waits: the user wants it ended now
        pass


atexit.register(_wait_for_work)
