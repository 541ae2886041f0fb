"""The reader stepped aside for a program that needs the terminal (`ui/stepped_aside`), in a
real terminal: one program at a time has it, and the reader comes back whatever the program's
end, one that could not start included."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.pty_reader import PtyReader, reader_in_pty
from tests.test_user_commands import _until, recorder, terminal_program

__all__ = ["recorder"]  # the fixture, used by name

TURN = """
import os, time
record = os.environ["RECORD_TO"]
open(record, "a").write("S")
while not os.path.exists(os.environ["GO"]):  # the terminal held, as `less` left open
    time.sleep(0.05)
open(record, "a").write("E")
"""

_OVERLAP_WINDOW = 5.0
"""Seconds given a second program to start while the first holds the terminal. It must never
start then, so the wait can't make the test fail where the reader is right; it is only how
long the test gives a reader that runs both at once to show it."""


@contextmanager
def _two_asked(
    directory: Path, tmp_path: Path, record: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[PtyReader, Path]]:
    """The reader on `directory` asked for `TURN` twice (M typed twice), the first running;
    with the file whose making lets each end."""
    terminal_program(directory, tmp_path, "turn", TURN)
    go = tmp_path / "go"
    monkeypatch.setenv("GO", str(go))
    try:
        with reader_in_pty(directory) as shown:
            _until(lambda: b"available offline" in shown.screen(), "the headlines on screen")
            shown.type(b"MM")
            _until(lambda: record.exists() and "S" in record.read_text(), "the first runs")
            yield shown, go
    finally:
        go.touch()


def test_two_terminal_programs_take_turns(
    synced_dir: Path, tmp_path: Path, recorder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A terminal program waited for on the event loop held the loop, so a second asked for
    meanwhile (a key typed twice, `o` while a command fetched its article) ran once the first
    had ended. With the loop going on while the reader steps aside, the second stepped aside
    again inside the first: two programs on one terminal at once, and the first to end took
    the terminal back for the reader under the other. One at a time, in the order asked."""
    with _two_asked(synced_dir, tmp_path, recorder, monkeypatch) as (shown, go):
        deadline = time.monotonic() + _OVERLAP_WINDOW
        while time.monotonic() < deadline and recorder.read_text() == "S":
            time.sleep(0.1)
        assert recorder.read_text() == "S", "a second program had the terminal too"
        go.touch()
        _until(lambda: recorder.read_text() == "SESE", "the second once the first ended")
        _until(lambda: b"turn ended (exit 0)" in shown.screen(), "the reader back")
        shown.type(b"Q")
        assert shown.process.wait(timeout=60) == 0


def test_a_terminal_program_that_cannot_start_gives_the_reader_back(
    synced_dir: Path, tmp_path: Path
) -> None:
    """A program that is there but can't run (not executable) raised its OSError inside
    `App.suspend`, which takes the terminal back only when its block ends without one: the
    reader stayed stepped aside for good, reading no key, drawing nothing. It comes back and
    says why the program did not start."""
    program = tmp_path / "not-runnable"
    program.write_text("#!/bin/sh\necho never\n", encoding="utf-8")
    program.chmod(0o644)
    (synced_dir / "config.toml").write_text(
        f'[[command]]\nkey = "M"\nname = "view"\nrun = ["{program}"]\nterminal = true\n',
        encoding="utf-8",
    )
    assert not os.access(program, os.X_OK)
    with reader_in_pty(synced_dir) as shown:
        _until(lambda: b"available offline" in shown.screen(), "the headlines on screen")
        shown.type(b"M")
        _until(lambda: b"could not start" in shown.screen(), "the reader back, saying why")
        shown.type(b"Q")
        assert shown.process.wait(timeout=60) == 0


def test_a_hang_up_while_one_program_waits_its_turn_runs_no_more(
    synced_dir: Path, tmp_path: Path, recorder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A SIGTERM (or a hang-up) while a program has the terminal ends the reader once that
    program has ended; a second program asked for meanwhile, waiting its turn, is not started
    on the terminal the reader is leaving."""
    with _two_asked(synced_dir, tmp_path, recorder, monkeypatch) as (shown, go):
        shown.process.send_signal(signal.SIGTERM)
        go.touch()
        assert shown.process.wait(timeout=60) == 128 + signal.SIGTERM
        assert recorder.read_text() == "SE"


def test_a_terminal_program_has_the_terminal_for_its_errors_too(
    synced_dir: Path, tmp_path: Path, recorder: Path
) -> None:
    """While the reader's screen is drawn, what the processes it starts write on their error
    output goes to the data directory's errors.log, none of it over the screen
    (`ui/error_output`); a program given the terminal has it for its errors too."""
    terminal_program(
        synced_dir,
        tmp_path,
        "warn",
        "import sys\nprint('WARNED-ON-ITS-ERRORS', file=sys.stderr, flush=True)\n",
    )
    with reader_in_pty(synced_dir) as shown:
        _until(lambda: b"available offline" in shown.screen(), "the headlines on screen")
        shown.type(b"M")
        _until(lambda: b"warn ended (exit 0)" in shown.screen(), "the reader back")
        assert b"WARNED-ON-ITS-ERRORS" in shown.screen()
        shown.type(b"Q")
        assert shown.process.wait(timeout=60) == 0
    assert "WARNED" not in (synced_dir / "errors.log").read_text(encoding="utf-8")
