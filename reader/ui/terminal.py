"""The terminal the reader draws on: Textual's own driver, made to let the reader quit when the
terminal goes away (a closed window, a killed tmux session, a dropped ssh connection).

Two things in Textual's Linux driver kept the reader running, orphaned, after its terminal went
during a refresh (its event loop stuck for good, so a SIGTERM did nothing either):

- Its output thread ends on the first write that fails, and a hung-up terminal fails every
  write (EIO). The app's next writes fill that thread's queue (30 writes: a refresh's progress
  repaints) and the next one waits, on the event loop, for a thread that is gone: quitting
  never got past it. Here a write the terminal takes no more is dropped instead.
- A hang-up comes with a SIGCONT, on which the driver starts its terminal mode over (a second
  output thread, a second input thread) as if back from a SIGTSTP, though it was never stopped.

Its parser is the reader's (`paste_parser`): Textual's typed a paste holding an escape
sequence as keys (acc51c C1).

And one that kept a laptop awake: its input thread looks at the terminal every 0.1 s, input or
not (to see whether to stop, and whether a lone Esc has waited long enough to be the Esc key),
so the reader left idle woke 10 times a second (acc36a G3). Here it waits on the terminal and a
pipe that a stop writes to, with no timeout once the keys have rested (`_TICKING`).
"""

from __future__ import annotations

import os
import selectors
import threading
import time
from codecs import getincrementaldecoder
from collections.abc import Mapping
from contextlib import suppress
from typing import IO, Any

from textual import constants
from textual.drivers.linux_driver import LinuxDriver

from ..marks import in_gnu_screen
from .error_output import ErrorOutput
from .paste_parser import PasteParser


def mouse_reports(asked: bool | None, environ: Mapping[str, str] | None = None) -> bool:
    """Whether to turn the terminal's mouse reports on: as `[ui] mouse` asks, or ("auto", None)
    everywhere but in GNU screen (`marks.in_gnu_screen`). Screen holds a lone Esc back while a
    window has them on (`ESC [?1000h`, `ESC [?1006h`) and sends it with the next key, so Esc did
    nothing, and then Esc and that key both acted (acc45b B1); with them off it sends it at once."""
    if asked is not None:
        return asked
    return not in_gnu_screen(environ)


_TICKING = max(constants.ESCAPE_DELAY, 0.1) + 0.5
"""Seconds after the last input during which the input thread still wakes every 0.1 s, as
Textual's does, for the parser's timeouts (a lone Esc is the Esc key once `ESCAPE_DELAY` has
passed with nothing after it); idle past that, it sleeps until input or a stop comes."""


class _WakingEvent(threading.Event):
    """The driver's `exit_event`, which also wakes the input thread as it is set: that thread
    no longer looks at the event every 0.1 s. A pipe for each run of the thread (`opened`),
    closed as it ends: a Ctrl-Z ends it (and closes the driver), `fg` starts another."""

    def __init__(self) -> None:
        super().__init__()
        self._ends: tuple[int, int] | None = None
        self._lock = threading.Lock()  # no write to an end closed (and its number reused)

    def opened(self) -> int:
        """A new pipe's read end, which a byte reaches once the event is set."""
        self.closed()
        with self._lock:
            self._ends = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
            return self._ends[0]

    def set(self) -> None:
        super().set()
        with self._lock:
            if self._ends is not None:
                with suppress(OSError):  # full: a wake already waiting
                    os.write(self._ends[1], b"!")

    def closed(self) -> None:
        with self._lock:
            ends, self._ends = self._ends, None
        for end in ends or ():
            with suppress(OSError):
                os.close(end)


class _Drawn:
    """The terminal's file as the output thread writes to it: a write or flush the terminal
    refuses (EIO once it has hung up, EPIPE) is dropped, and every one after it, rather than
    ending the thread. There is nobody left to see them."""

    def __init__(self, file: IO[str]) -> None:
        self._file = file
        self.gone = False

    def write(self, text: str) -> int:
        if not self.gone:
            try:
                return self._file.write(text)
            except OSError:
                self.gone = True
        return len(text)

    def flush(self) -> None:
        if not self.gone:
            try:
                self._file.flush()
            except OSError:
                self.gone = True

    def fileno(self) -> int:
        return self._file.fileno()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


class ReaderDriver(LinuxDriver):
    """Textual's Linux driver, with its output kept flowing once the terminal has gone, and no
    second start of its terminal mode without a stop before it."""

    _suspended = False
    """Stepped aside (`App.suspend`, Ctrl-Z): the terminal is another program's."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._errors: ErrorOutput | None = getattr(self._app, "error_output", None)
        """The error output the processes it starts write to: the log while the screen is
        drawn, the terminal otherwise (`error_output`); None leaves it the terminal."""
        if self._errors is not None:
            self._file = self._errors.terminal  # type: ignore[assignment]
        if self._file is not None:
            self._file = _Drawn(self._file)  # type: ignore[assignment]
        self._suspended = False
        self.exit_event = _WakingEvent()

    def start_application_mode(self) -> None:
        super().start_application_mode()
        if self._errors is not None:
            self._errors.to_log()

    def stop_application_mode(self) -> None:
        if self._errors is not None:
            self._errors.to_terminal()
        super().stop_application_mode()

    def run_input_thread(self) -> None:
        """Textual's `LinuxDriver.run_input_thread` (8.2), waiting without a timeout once the
        keys have rested (see the module's docstring); tests/test_idle_wakeups.py notices a
        change of Textual's."""
        waking = self.exit_event
        assert isinstance(waking, _WakingEvent)
        stop = waking.opened()
        selector = selectors.SelectSelector()  # as Textual's: a tty, or a file
        selector.register(self.fileno, selectors.EVENT_READ, "input")
        selector.register(stop, selectors.EVENT_READ, "stop")
        parser = PasteParser(self._debug)  # a paste is text, whatever it holds
        decode = getincrementaldecoder("utf-8")().decode
        last_input = time.monotonic()

        def process(
            events: list[tuple[selectors.SelectorKey, int]], final: bool = False
        ) -> bool | None:
            """Whether input came (the terminal is the one input registered); None when the
            input has ended (a piped stdin at its end, a terminal hung up)."""
            came = False
            if any(key.data == "input" for key, _mask in events):
                read = os.read(self.fileno, 1024 * 4)
                if not read:
                    return None
                for event in parser.feed(decode(read, final=final)):
                    self.process_message(event)
                came = True
            for event in parser.tick():
                self.process_message(event)
            return came

        try:
            while not waking.is_set():
                ticking = time.monotonic() - last_input < _TICKING
                came = process(selector.select(0.1 if ticking else None))
                if came is None:
                    # Ended for good, as Textual's thread ends: read on, a select that is
                    # always ready kept the thread spinning a core until the reader quit.
                    break
                if came:
                    last_input = time.monotonic()
            selector.unregister(stop)
            process(selector.select(0.1), final=True)
        finally:
            selector.close()
            waking.closed()

    def leave_screen(self) -> None:
        """Give the terminal's screen back now, as `stop_application_mode` will once the app
        has shut down: the mouse and paste reports off, the cursor shown, the alternate screen
        left (the shell's lines back). Quitting then shuts the workers down out of sight: the
        reader's screen stayed drawn, unchanged, for the 2-3 s that took (acc27b B18), and
        people pressed `q` again. Writing these again then changes nothing."""
        if self._errors is not None:
            self._errors.to_terminal()
        self._disable_mouse_support()
        self._disable_bracketed_paste()
        self._disable_in_band_window_resize()
        self._enable_line_wrap()
        self.write("\x1b[<u")  # the Kitty keyboard protocol off, before the alternate screen
        self.write("\x1b[?1049l")
        self.write("\x1b[?25h")
        self.write("\x1b[?1004l")
        self.flush()

    def suspend_application_mode(self) -> None:
        super().suspend_application_mode()
        self._suspended = True

    def write(self, data: str) -> None:
        # Stepped aside (`stepped_aside`), the loop runs on: what it writes meanwhile (a bell,
        # a copy's OSC 52) is dropped, not queued to the output thread stopped then, whose 30
        # writes' queue, once full, held the loop for good. The screen is drawn whole on return.
        if not self._suspended:
            super().write(data)

    def resume_application_mode(self) -> None:
        # Any SIGCONT lands here (Textual's handler), the one a closed terminal sends along with
        # its SIGHUP too: only a SIGTSTP or `App.suspend` (a browser run in the terminal) stopped it.
        if not self._suspended:
            return
        self._suspended = False
        super().resume_application_mode()
