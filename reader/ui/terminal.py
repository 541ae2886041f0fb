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
"""

from __future__ import annotations

from typing import IO, Any

from textual.drivers.linux_driver import LinuxDriver


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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self._file is not None:
            self._file = _Drawn(self._file)  # type: ignore[assignment]
        self._suspended = False

    def leave_screen(self) -> None:
        """Give the terminal's screen back now, as `stop_application_mode` will once the app
        has shut down: the mouse and paste reports off, the cursor shown, the alternate screen
        left (the shell's lines back). Quitting then shuts the workers down out of sight: the
        reader's screen stayed drawn, unchanged, for the 2-3 s that took (acc27b B18), and
        people pressed `q` again. Writing these again then changes nothing."""
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

    def resume_application_mode(self) -> None:
        # Any SIGCONT lands here (Textual's handler), the one a closed terminal sends along with
        # its SIGHUP too: only a SIGTSTP or `App.suspend` (a browser run in the terminal) stopped it.
        if not self._suspended:
            return
        self._suspended = False
        super().resume_application_mode()
