"""The reader left alone sleeps (acc36a G3): Textual's input thread looked at the terminal every
0.1 s, input or not, and each worker process looked for its parent every second, so an idle
reader woke ~12 times a second (a laptop's CPU kept out of deep sleep on a flight).

Real parts: the reader's own terminal driver (`ReaderDriver`) reading a real pseudo-terminal,
its input thread as the reader runs it, and a worker process started as the pool starts one;
what each thread waits in is read from /proc (Linux), as `benchmarks/idle_wakeups.py` counts
their wake-ups.
"""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import multiprocessing
import os
import signal
import threading
import time
import tty
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.drivers.linux_driver import LinuxDriver

from reader.ui.terminal import ReaderDriver

pytestmark = pytest.mark.skipif(
    not Path(f"/proc/self/task/{threading.get_native_id()}/syscall").exists(),
    reason="reads what a thread waits in from /proc (Linux)",
)

TEXTUALS_INPUT_THREAD = "d796af6d69db337d"
"""The first hex digits of the SHA-256 of Textual's `LinuxDriver.run_input_thread` (8.2.8), of
which `ReaderDriver.run_input_thread` is a copy that sleeps when idle."""


def test_textuals_input_thread_is_the_one_the_reader_copies() -> None:
    """A Textual whose input thread changed: read it again, carry the change into
    `ReaderDriver.run_input_thread`, and put its digest here."""
    source = inspect.getsource(LinuxDriver.run_input_thread)
    assert hashlib.sha256(source.encode()).hexdigest()[:16] == TEXTUALS_INPUT_THREAD


def _waits_with_no_timeout(tid: int) -> bool:
    """Whether the thread `tid` of this process is blocked in a system call (select, poll)
    with no timeout: /proc's line gives the call's number and arguments, and the timeout is
    the fifth of select's and of pselect6's, NULL for none."""
    try:
        fields = Path(f"/proc/self/task/{tid}/syscall").read_text().split()
    except OSError:
        return False
    return len(fields) > 6 and fields[0] not in ("running", "-1") and fields[5] == "0x0"


_WAIT = 60.0
"""Seconds a state is waited for at most (a machine at load 30 included)."""


async def until_true(condition: Callable[[], bool], what: str) -> None:
    """Return once `condition()` holds; fail naming `what` after `_WAIT` seconds."""
    deadline = time.monotonic() + _WAIT
    while not condition():
        assert time.monotonic() < deadline, f"not seen in {_WAIT:.0f} s: {what}"
        await asyncio.sleep(0.02)


class _App:
    """What the driver hands its events to: a list here, as the app's queue."""

    def __init__(self) -> None:
        self.events: list[Any] = []

    async def _post_message(self, message: Any) -> bool:
        self.events.append(message)
        return True

    def keys(self) -> list[str]:
        return [e.key for e in self.events if isinstance(e, events.Key)]


def _reading(fileno: int) -> tuple[_App, ReaderDriver, threading.Thread]:
    """The reader's driver reading `fileno` (called in a running loop, as the driver needs
    one), its input thread started; the events it hands on kept by the `_App`."""
    app = _App()
    driver = ReaderDriver(app)  # type: ignore[arg-type]
    driver.fileno = fileno
    return app, driver, _input_thread(driver)


def _input_thread(driver: ReaderDriver) -> threading.Thread:
    """`driver`'s input thread, started."""
    thread = threading.Thread(target=driver.run_input_thread, daemon=True)
    thread.start()
    return thread


def test_the_input_thread_sleeps_when_idle_and_still_reads_keys_and_esc() -> None:
    """Keys and a lone Esc (the Esc key once `ESCAPE_DELAY` passes with nothing after it) come
    through; once the keys rest the thread waits on the terminal with no timeout (it woke 10
    times a second); a stop ends it at once, and a start after a suspend reads again."""
    master, slave = os.openpty()
    tty.setraw(slave)  # as the driver sets the terminal: each key as it comes
    handlers = {s: signal.getsignal(s) for s in (signal.SIGTSTP, signal.SIGCONT)}

    async def run() -> None:
        app, driver, thread = _reading(slave)
        os.write(master, b"j")
        await until_true(lambda: app.keys() == ["j"], "j read")
        os.write(master, b"\x1b")
        await until_true(lambda: app.keys() == ["j", "escape"], "a lone Esc read as the Esc key")
        tid = thread.native_id
        assert tid is not None
        await until_true(lambda: _waits_with_no_timeout(tid), "the input thread asleep")
        os.write(master, b"k")  # woken by the key, not by a clock
        await until_true(lambda: app.keys() == ["j", "escape", "k"], "k read")
        driver.exit_event.set()
        await asyncio.to_thread(thread.join, _WAIT)
        assert not thread.is_alive()
        # Ctrl-Z then `fg`: the driver closed, its input thread started again, as Textual
        # does (`suspend_application_mode`, `disable_input`, `start_application_mode`).
        driver.close()
        driver.exit_event.clear()
        again = _input_thread(driver)
        os.write(master, b"l")
        await until_true(lambda: app.keys()[-1:] == ["l"], "l read after a suspend")
        driver.exit_event.set()
        await asyncio.to_thread(again.join, _WAIT)
        assert not again.is_alive()
        driver.close()

    try:
        asyncio.run(run())
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
        os.close(master)
        os.close(slave)


def test_the_input_thread_ends_with_its_input() -> None:
    """Input that has ended (a terminal hung up, a piped stdin at its end) is always ready to
    read and reads nothing: the thread ends, as no key can come any more, where it kept
    looking at it, a core spinning until the reader quit. The keys before the end are read."""
    read_end, write_end = os.pipe()

    async def run() -> None:
        app, driver, thread = _reading(read_end)
        os.write(write_end, b"j")
        os.close(write_end)
        await asyncio.to_thread(thread.join, _WAIT)
        assert not thread.is_alive()  # its stop never asked for
        assert app.keys() == ["j"]
        driver.close()

    try:
        asyncio.run(run())
    finally:
        os.close(read_end)


def _idle_worker(parent: int, ready: Any, pid: Any) -> None:
    from reader.workers import start_worker

    start_worker(parent)
    pid.value = os.getpid()
    ready.set()
    threading.Event().wait()  # a worker waiting for work


def test_an_idle_worker_waits_for_its_parents_end_without_a_clock() -> None:
    """The watch that ends a worker with its parent waits on the parent's end (a pidfd), not
    on a second's sleep after another; the worker still ends when the parent does."""
    if not hasattr(os, "pidfd_open"):
        pytest.skip("no pidfd here: the watch looks every second, as before")
    context = multiprocessing.get_context("spawn")
    ready, pid = context.Event(), context.Value("i", 0)
    # A parent of its own to end: this test's process must live on.
    middle = context.Process(target=_parent_of_a_worker, args=(ready, pid))
    middle.start()
    try:
        assert ready.wait(_WAIT), "the worker started"
        worker = pid.value
        watch = _threads(worker) - {worker}
        asyncio.run(
            until_true(
                lambda: any(_waits_in(worker, t) for t in watch), "the watch waiting, no timeout"
            )
        )
    finally:
        middle.kill()
        middle.join(30)
    asyncio.run(
        until_true(lambda: not Path(f"/proc/{worker}").exists() or _zombie(worker), "ended")
    )


def _parent_of_a_worker(ready: Any, pid: Any) -> None:
    context = multiprocessing.get_context("spawn")
    worker = context.Process(target=_idle_worker, args=(os.getpid(), ready, pid), daemon=False)
    worker.start()
    worker.join()


def _threads(pid: int) -> set[int]:
    return {int(t.name) for t in Path(f"/proc/{pid}/task").iterdir()}


def _waits_in(pid: int, tid: int) -> bool:
    """Whether thread `tid` of `pid` is blocked in poll (x86-64's poll or ppoll, arm64's
    ppoll) with no timeout: -1 for poll's third argument, NULL for ppoll's; a sleep's
    clock_nanosleep is neither."""
    try:
        fields = Path(f"/proc/{pid}/task/{tid}/syscall").read_text().split()
    except OSError:
        return False
    polls = {"x86_64": ("7", "271"), "aarch64": ("73",)}.get(os.uname().machine, ())
    return (
        len(fields) > 3
        and fields[0] in polls
        and fields[3] in ("0xffffffff", "0xffffffffffffffff", "0x0")
    )


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True
