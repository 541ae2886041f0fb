"""Signals held back from the running thread while a step must not be cut in two."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any


@contextmanager
def held_back(*numbers: int) -> Iterator[None]:
    """Signals `numbers` held back from this thread meanwhile (pending, then taken). In the
    main thread, where Python runs its signal handlers, their handlers are held back too: a
    signal sent to the process goes to any thread that does not block it (a demo's server
    thread), and its handler then ran in the main thread all the same, inside the step (a
    demo's SIGTERM cut its throwaway directory's making from its naming, and left it behind:
    test_demo_stopped's [term-made], once in 17 under load)."""
    if not hasattr(signal, "pthread_sigmask"):  # not on Windows: nothing held back
        yield
        return
    came: list[int] = []
    swapped: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():

        def note(number: int, _frame: FrameType | None) -> None:
            came.append(number)

        for number in numbers:
            handler = signal.getsignal(number)
            if callable(handler):  # not SIG_DFL, SIG_IGN, nor one set outside Python
                swapped[number] = handler
                signal.signal(number, note)
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, set(numbers))
    try:
        yield
    finally:
        for number, handler in swapped.items():
            signal.signal(number, handler)
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        # Taken now by their own handlers, as the pending ones are. Called, not raised again:
        # a loop's signal handler (asyncio's, the TUI's hangup) heard of it by its wakeup fd
        # already, and would have it twice.
        for number in came:
            swapped[number](number, None)
