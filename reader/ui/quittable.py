"""Work in a thread of its own that quitting does not wait for: `asyncio.to_thread`'s threads
are waited for as the interpreter exits, and `q` pressed while one read the rest of the headlines
or imported the network stack left the terminal's prompt waiting for it (two seconds on a busy
machine). Only for work that writes nothing: what it was doing is dropped with the process;
work inside a C library that must not be cut off by the process's end is done under
`before_exit.finished_before_exit` (the network stack's TLS context, made in `fetch`)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from contextlib import suppress
from typing import Any, TypeVar, cast

# Its exit handler registered now, by the main thread: the first `Fetcher` is made by one of
# these threads, whose import of `before_exit` could otherwise come as the interpreter ends.
from .. import before_exit  # noqa: F401

T = TypeVar("T")


def quittable(work: Callable[..., T], *args: Any, name: str) -> Awaitable[T]:
    """`work(*args)` in a daemon thread called `name`, awaited as `to_thread` is."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: BaseException | None) -> None:
        if done.cancelled():
            return
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(cast(T, result))

    def run() -> None:
        try:
            result, error = work(*args), None
        except BaseException as caught:  # handed to the awaiting task, raised there
            result, error = None, caught
        with suppress(RuntimeError):  # the loop closed: the reader has quit
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=run, name=name, daemon=True).start()
    return done
