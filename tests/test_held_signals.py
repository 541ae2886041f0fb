"""A signal held back while a step must not be cut in two (`held_signals.held_back`) is taken
after it, even when the process has another thread: the kernel gives a signal sent to the
process to a thread that does not block it, and Python then ran its handler in the main thread
inside the step (a demo's SIGTERM between the making of its throwaway directory and its naming
left the directory behind: test_demo_stopped's [term-made], once in 17 under load)."""

from __future__ import annotations

import os
import select
import signal
import threading
from types import FrameType

from reader.held_signals import held_back


def test_a_signal_taken_by_another_thread_is_handled_after_the_step() -> None:
    assert threading.current_thread() is threading.main_thread()  # where handlers run
    steps: list[str] = []

    def handler(number: int, _frame: FrameType | None) -> None:
        steps.append(f"handled {signal.Signals(number).name}")

    previous = signal.signal(signal.SIGUSR1, handler)
    woken_by, woke = os.pipe()
    os.set_blocking(woke, False)
    old_wakeup = signal.set_wakeup_fd(woke)
    done = threading.Event()
    other = threading.Thread(target=done.wait, args=(30,), daemon=True)  # unblocked: it takes it
    other.start()
    try:
        with held_back(signal.SIGUSR1):
            os.kill(os.getpid(), signal.SIGUSR1)
            # The signal has come to the process (its wakeup byte written after the main
            # thread was told to run its handler): the handler ran by the next line, before.
            assert select.select([woken_by], [], [], 30)[0], "the signal never came"
            steps.append("the step's end")
        steps.append("after it")
    finally:
        done.set()
        other.join()
        signal.set_wakeup_fd(old_wakeup)
        signal.signal(signal.SIGUSR1, previous)
        os.close(woken_by)
        os.close(woke)
    assert steps == ["the step's end", "handled SIGUSR1", "after it"]
