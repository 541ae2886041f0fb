"""Ctrl-Z suspends the reader as it suspends every curses program (newsboat, mutt, vim, less):
the process stops and gives the shell its terminal back; continued (`fg`), it carries on where
it was. It did nothing at all (acc26b T10). The real reader under a pseudo-terminal."""

from __future__ import annotations

import signal
import time
from pathlib import Path

from tests.pty_reader import reader_in_pty


def _state(pid: int) -> str:
    """The process's state letter ("S" sleeping, "R" running, "T" stopped)."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]


def _until(condition: object, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


def test_ctrl_z_stops_the_reader_and_it_carries_on_when_continued(synced_dir: Path) -> None:
    with reader_in_pty(synced_dir) as reader:
        _until(lambda: b"available offline" in reader.screen(), "the headlines on screen")
        reader.type(b"\x1a")  # Ctrl-Z
        _until(lambda: _state(reader.process.pid) == "T", "the reader stopped")
        time.sleep(1)
        assert _state(reader.process.pid) == "T"  # and it stays stopped
        reader.process.send_signal(signal.SIGCONT)  # what the shell's `fg` sends
        _until(lambda: _state(reader.process.pid) != "T", "the reader going on")
        reader.type(b"Q")
        assert reader.process.wait(timeout=30) == 0


def test_ctrl_z_suspends_from_the_help_too(synced_dir: Path) -> None:
    """The help lists Ctrl-Z among the keys of everywhere: its panel, a modal screen, held the
    app's own keys back, and Ctrl-Z there did nothing."""
    with reader_in_pty(synced_dir) as reader:
        _until(lambda: b"available offline" in reader.screen(), "the headlines on screen")
        reader.type(b"?")
        _until(lambda: b"Everywhere" in reader.screen(), "the help on screen")
        reader.type(b"\x1a")  # Ctrl-Z
        _until(lambda: _state(reader.process.pid) == "T", "the reader stopped")
        reader.process.send_signal(signal.SIGCONT)
        _until(lambda: _state(reader.process.pid) != "T", "the reader going on")
        reader.type(b"Q")
        assert reader.process.wait(timeout=30) == 0


def test_the_screen_is_drawn_whole_again_after_fg(synced_dir: Path) -> None:
    """Back from Ctrl-Z after the refresh on opening, only the status line came back (3 times in
    6 in tmux): the feeds and headlines stayed blank until keys drew parts of them (acc48d D11).
    Its size the terminal's, not COLUMNS' and LINES' of the test's run: a size that changed on
    the way back was drawn whole before too."""
    with reader_in_pty(synced_dir, environment={"COLUMNS": None, "LINES": None}) as reader:
        _until(lambda: b"Refreshed" in reader.screen(), "the refresh on opening done")
        assert b"Northwind Tech" in reader.screen()
        reader.type(b"\x1a")  # Ctrl-Z
        _until(lambda: _state(reader.process.pid) == "T", "the reader stopped")
        before = len(reader.screen())
        reader.process.send_signal(signal.SIGCONT)
        _until(
            lambda: b"Northwind Tech" in reader.screen()[before:],
            "the feed list drawn again",
            seconds=30,
        )
        reader.type(b"Q")
        assert reader.process.wait(timeout=30) == 0
