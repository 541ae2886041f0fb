"""Signals held back from the running thread while a step must not be cut in two."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def held_back(*numbers: int) -> Iterator[None]:
    """Signals `numbers` held back from this thread meanwhile (pending, then taken)."""
    if not hasattr(signal, "pthread_sigmask"):  # not on Windows: nothing held back
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, set(numbers))
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
