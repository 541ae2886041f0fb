"""A program that needs the terminal (a `terminal = true` command, a text browser for `o`) run
while the reader steps aside (`App.suspend`), its event loop going on meanwhile.

It was run on the event loop itself: `less` left open stopped everything the reader does
behind its screen, a sync's downloads and writes, the clock's refresh, the end of a program in
the background. Here the program is waited for in a thread of its own; the loop runs on, and
draws nothing until the reader is back (`App.batch_update`, and `ReaderDriver.write` drops what
is written while suspended: Textual's output thread is stopped then, and 30 writes queued to
it held the loop for good), then draws its screen whole.

Ctrl-C and Ctrl-\\ typed meanwhile are the program's, as `system()` leaves them to its child:
the terminal sends them to the reader too, which ignores them until the program has ended.
"""

from __future__ import annotations

import asyncio
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from .quittable import quittable

if TYPE_CHECKING:
    from .app import ReaderApp

T = TypeVar("T")

_PROGRAMS_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGQUIT") if hasattr(signal, name)
)


async def stepped_aside(app: ReaderApp, work: Callable[..., T], *args: Any) -> T:
    """`work(*args)`, which runs a program on the terminal and waits for it, in a thread of
    its own, the reader stepped aside until it returns; its result. SuspendNotSupported where
    the reader can't step aside (a test's headless driver), before anything is run. Cancelled
    meanwhile, the reader still waits for the program before it takes the terminal back, as it
    did when it waited on its loop, then is cancelled; a hang-up or SIGTERM meanwhile ends it
    once the program has ended (`hang_ups_held`)."""
    # One program at a time: a second asked for meanwhile (a key typed twice, `o` while a
    # command fetched its article) stepped aside inside the first, both on the terminal.
    async with app.terminal_turn:
        if app._quitting:  # a hang-up while the one before had the terminal: none after it
            raise asyncio.CancelledError
        with app.batch_update(), app.hang_ups_held(), app.suspend(), _left_to_the_program():
            # Not asyncio's executor: its threads may all be busy with a sync's work.
            running = quittable(work, *args, name="reader-stepped-aside")
            cancelled = False
            while not running.done():
                try:
                    await asyncio.wait((running,))  # its outcome raised below, not here
                except asyncio.CancelledError:
                    cancelled = True
        # Raised once out of `App.suspend`, which takes the terminal back only when its block
        # ends without an exception: a program that could not start left the reader aside.
        if cancelled:
            raise asyncio.CancelledError
        return running.result()


@contextmanager
def _left_to_the_program() -> Iterator[None]:
    """Ctrl-C and Ctrl-\\ ignored by the reader while the program runs. A handler of Python's,
    not SIG_IGN, which the program would inherit (an ignored signal stays ignored across
    exec): `less` or `vim` would not stop on Ctrl-C."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals are the main thread's (an app run in a test's thread)
        return
    before = {number: signal.getsignal(number) for number in _PROGRAMS_SIGNALS}
    for number in _PROGRAMS_SIGNALS:
        signal.signal(number, _ignored)
    try:
        yield
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)


def _ignored(_number: int, _frame: object) -> None:
    """The program's signal, not the reader's."""
