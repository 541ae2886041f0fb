"""The time limit of reading one page: the CPU time a worker (or `reader extract`) may spend
on it before it is stopped, and said too slow (`within_time`)."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any, ParamSpec, TypeVar

from .errors import ErrorKind, FetchError

P = ParamSpec("P")
T = TypeVar("T")


class TookTooLong(BaseException):
    """Raised in a worker whose page went past its time limit (`within_time`). Not an
    Exception: extraction's own `except Exception` must not take it for a parser's error."""


_limit_on = False
"""Whether the work in hand is under a time limit (`within_time`) not yet reached nor lifted."""

# How far past the limit (a share of it: 15 s past a limit of 30) the system ends a worker that
# never came back to Python to take the limit's signal (a loop inside a C library, holding the
# interpreter): the pool is then broken and replaced, the worker's page said too slow, and the
# others in flight sent to the new pool (`CpuWorkers.run`). A share, not seconds: a C call that
# is only long comes back first, under a limit made low too.
_HARD_STOP_AFTER = 0.5


def _past_the_limit(signum: int, frame: object) -> None:
    global _limit_on
    if _limit_on:
        _limit_on = False
        raise TookTooLong


def time_limit_off() -> None:
    """The time limit of the work in hand lifted (its page read, now written)."""
    global _limit_on
    _limit_on = False
    if hasattr(signal, "setitimer"):
        signal.setitimer(signal.ITIMER_PROF, 0)


@contextmanager
def cpu_limit(seconds: float) -> Iterator[bool]:
    """This process's CPU time limited to `seconds` meanwhile: past them TookTooLong is raised
    where the main thread is. Yields whether a limit is on: none off the main thread, where
    the signal doesn't land, nor where there is no such timer (Windows)."""
    global _limit_on
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield False
        return
    before = signal.signal(signal.SIGPROF, _past_the_limit)
    _limit_on = True
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield True
    finally:
        time_limit_off()
        signal.signal(signal.SIGPROF, before)


def within_time(seconds: float, fn: Callable[P, T], *args: Any) -> T:
    """`fn(*args)`, given `seconds` of this process's CPU time (not the clock's: a busy machine
    slows a page, not its count): past them it is stopped, and FetchError(TOO_SLOW) says so
    ("took longer than 30 s to extract: not kept"). A pattern that backtracks for hours over
    a hostile page, or a loop gone quadratic, held its worker for good (a `reader sync`
    under cron never ended), and every other page waited on the workers it held.

    Only in a process's main thread (`cpu_limit`): in a thread `fn` runs with no limit, so a
    library whose CPU work is done in threads reads pages in a process (`CpuWorkers`). Python code and regular
    expressions take the signal at once; a C library's loop that never comes back is ended
    with its process somewhat later (`_HARD_STOP_AFTER`, RLIMIT_CPU)."""
    try:
        with cpu_limit(seconds) as limited:
            hard = _hard_stop(seconds) if limited else None
            try:
                return fn(*args)
            finally:
                _lift_hard_stop(hard)
    except TookTooLong:
        raise too_slow(seconds) from None


def too_slow(seconds: float) -> FetchError:
    """The failure of a page that went past its time limit of `seconds`: one line, the same
    however it was stopped (its signal taken, or its worker ended by the system)."""
    return FetchError(ErrorKind.TOO_SLOW, f"took longer than {seconds:g} s to extract: not kept")


def _hard_stop(seconds: float) -> tuple[int, int] | None:
    """RLIMIT_CPU set past the limit of `seconds` from now (by `_HARD_STOP_AFTER` of it): what
    it was, to put back, or None where it can't be set."""
    try:
        import resource

        before = resource.getrlimit(resource.RLIMIT_CPU)
        used = resource.getrusage(resource.RUSAGE_SELF)
        stop = int(used.ru_utime + used.ru_stime + seconds * (1 + _HARD_STOP_AFTER)) + 1
        if before[1] != resource.RLIM_INFINITY and stop > before[1]:
            return None
        resource.setrlimit(resource.RLIMIT_CPU, (stop, before[1]))
    except (ImportError, OSError, ValueError):
        return None
    return before


def _lift_hard_stop(before: tuple[int, int] | None) -> None:
    if before is None:
        return
    import resource

    with suppress(OSError, ValueError):
        resource.setrlimit(resource.RLIMIT_CPU, before)
