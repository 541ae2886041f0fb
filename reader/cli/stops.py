"""A SIGTERM or SIGHUP taken as a Ctrl-C by the commands that have something to finish when
stopped: a sync says what it cached, a demo removes its throwaway data directory."""

from __future__ import annotations


def stop_on_terminate() -> list[int]:
    """A SIGTERM (a system shutting down, a service stopped, `timeout`) or a SIGHUP (the
    terminal closed, an ssh connection dropped) raises KeyboardInterrupt as a Ctrl-C does, so
    the command's own clean-up runs. The list gets the signal's number, for the exit status a
    shell gives it (143, 129). A SIGHUP ignored from the start (`nohup reader sync`) stays
    ignored: the command was asked to outlive its terminal."""
    import asyncio
    import signal

    got: list[int] = []

    def terminate(number: int, _frame: object) -> None:
        got.append(number)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # waiting for another sync's lock, or printing the report
            raise KeyboardInterrupt from None
        # Raised in the loop's own turn, as its Ctrl-C is, not inside whichever task's step the
        # signal cut into: in a library's task group (httpx's connect) the interrupt came out at
        # shutdown as an exception group's traceback under the summary. Threadsafe: it wakes a
        # loop waiting on a server that never answers.
        loop.call_soon_threadsafe(_interrupt)

    signal.signal(signal.SIGTERM, terminate)
    hang_up = getattr(signal, "SIGHUP", None)  # none on Windows
    if hang_up is not None and signal.getsignal(hang_up) != signal.SIG_IGN:
        signal.signal(hang_up, terminate)
    return got


def stopped_status(number: int) -> int:
    """The exit status of a command stopped by signal `number`, as a shell gives it (143, 129).

    CPython 3.11 takes a KeyboardInterrupt that came out of any `exec` of a string (the methods
    a dataclass makes, in a module imported as the signal came) as never caught, and ends the
    process by SIGINT once it exits, whatever its status: a demo's SIGHUP then ended as a
    Ctrl-C does (130), now and then. The next `exec` of a string forgets it."""
    exec("None")
    return 128 + number


def interrupted_within(error: BaseException) -> bool:
    """Whether `error` is a Ctrl-C (or a stop taken as one), or came of one: CPython 3.11 turns
    an interrupt raised while a class is made (a Textual widget's reactive, its module imported
    as the signal came) into "RuntimeError: Error calling __set_name__", the interrupt its
    cause, and a demo stopped then ended in that traceback, its status 1 (test_demo_stopped's
    [term-made], once in ~150 runs on the CI's machine). A failure of the clean-up an interrupt
    started (its context) is the interrupt's too."""
    seen: set[int] = set()
    came: BaseException | None = error
    while came is not None and id(came) not in seen:
        if isinstance(came, KeyboardInterrupt):
            return True
        seen.add(id(came))
        came = came.__cause__ or came.__context__
    return False


def _interrupt() -> None:
    raise KeyboardInterrupt
