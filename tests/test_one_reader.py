"""One reader (the TUI) at a time on a data directory, as newsboat has it (acc37a H1): two
kept their lists and marks apart, neither seeing what the other wrote, and one's `U` after its
`A` made unread again a feed the other had caught up. The commands run beside it. Real
readers, each on a terminal of its own (a pseudo-terminal)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from test_hang_up import EXIT_BOUND, _status, under_terminal, until_shown

from reader.process_state import stopped
from tests.pty_reader import reader_in_pty


def test_a_second_reader_on_a_library_is_refused_and_the_commands_run_beside_it(
    tmp_path: Path,
) -> None:
    home = tmp_path / "library"
    with under_terminal(home) as (first, window):
        until_shown(window, rb"No feeds yet")
        with under_terminal(home) as (second, second_window):
            said = until_shown(second_window, rb"beside\s+it\)")  # its end, however wrapped
            assert _status(second, EXIT_BOUND) == 75  # try again later
        assert b"\x1b[?1049h" not in said  # refused before it took the screen
        said = b" ".join(said.split())  # wrapped at the terminal's width
        assert f"the library in {home} is open in another reader (pid {first})".encode() in said
        # A command beside it runs as before (a cron's sync, a script's list).
        listed = subprocess.run(
            [sys.executable, "-m", "reader", "--data-dir", str(home), "feeds"],
            capture_output=True,
            text=True,
            timeout=EXIT_BOUND,
        )
        assert listed.returncode == 0, listed.stderr
        os.write(window.fd, b"q")
        until_shown(window, re.escape(b"\x1b[?1049l"))  # read on: a full terminal stops it
        assert _status(first, EXIT_BOUND) == 0
    # The first gone, its lock with it: the next reader opens.
    with under_terminal(home) as (third, window):
        until_shown(window, rb"No feeds yet")
        os.write(window.fd, b"q")
        until_shown(window, re.escape(b"\x1b[?1049l"))
        assert _status(third, EXIT_BOUND) == 0


def test_a_second_reader_beside_one_stopped_with_ctrl_z_says_where_to_fg_it(
    tmp_path: Path,
) -> None:
    """The first reader suspended (Ctrl-Z) in its terminal still holds the library: the
    refusal says it is stopped, and where to go on with it. It said "read there", as if it ran,
    and the user looked for a reader on screen (acc51c C5)."""
    home = tmp_path / "library"
    with reader_in_pty(home) as first:
        until = time.monotonic() + EXIT_BOUND
        while b"No feeds yet" not in first.screen():
            assert time.monotonic() < until, "the first reader on screen"
            time.sleep(0.2)
        first.type(b"\x1a")  # Ctrl-Z
        while not stopped(first.process.pid):
            assert time.monotonic() < until, "the first reader stopped"
            time.sleep(0.2)
        with under_terminal(home) as (second, window):
            said = until_shown(window, rb"beside\s+it\)")  # its end, however wrapped
            assert _status(second, EXIT_BOUND) == 75
        said = b" ".join(said.split())  # wrapped at the terminal's width
        assert (
            f"(pid {first.process.pid}): stopped with Ctrl-Z in its terminal: fg".encode() in said
        )
        first.process.send_signal(signal.SIGCONT)  # the shell's `fg`
        first.type(b"q")
        assert first.process.wait(timeout=EXIT_BOUND) == 0
