"""Quitting gives the terminal's screen back at once, as the key comes: before the place in the
article open is kept (a store write, which waits while another process writes the store) and
before the worker processes are shut down (each let finish the page in hand, for up to 2 s).
The reader's screen stayed drawn, unchanged, meanwhile, and people pressed `q` again (acc27b
B18). The real reader under a pseudo-terminal; the store held locked, or the workers held
stopped, so what comes after can't end before the test lets it: the order is seen, not timed."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import time
from pathlib import Path

from tests.pty_reader import reader_in_pty

LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"
_ESCAPES = re.compile(
    rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][A-Za-z0-9]|.)"
)
"""The terminal's control sequences, taken out of what the reader writes, leaving its text."""


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.update(int(c) for c in (task / "children").read_text().split())
    return found


def _refreshed(screen: bytes) -> bool:
    text = _ESCAPES.sub(b"", screen)
    return b"Refreshed" in text or b"No connection" in text


def _until(condition: object, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


def test_q_leaves_the_screen_before_the_workers_are_shut_down(synced_dir: Path) -> None:
    with reader_in_pty(synced_dir) as reader:
        pid = reader.process.pid
        _until(lambda: b"available offline" in reader.screen(), "the headlines on screen")
        _until(lambda: len(_children(pid)) >= 2, "the worker processes started")
        time.sleep(1)  # their start-up over
        workers = _children(pid)
        for worker in workers:  # a page in each one's hands: their shutdown waits on them
            os.kill(worker, signal.SIGSTOP)
        try:
            shown = len(reader.screen())
            reader.type(b"q")
            left = False
            try:
                _until(
                    lambda: LEAVE_ALTERNATE_SCREEN in reader.screen()[shown:],
                    "the screen left while the workers are still to shut down",
                    seconds=20,
                )
                left = True
            finally:
                # Still there, stopped: the screen was given back before their shutdown.
                assert not left or workers <= _children(pid)
        finally:
            for worker in workers:
                os.kill(worker, signal.SIGCONT)
        assert reader.process.wait(timeout=30) == 0  # the exit status as it was


def test_q_from_an_article_leaves_the_screen_while_the_store_is_busy(synced_dir: Path) -> None:
    # Quitting keeps the place in the article open: a store write, which waits while another
    # process (a `reader sync`) holds the store's write lock. The screen is left first.
    with reader_in_pty(synced_dir) as reader:
        _until(lambda: b"available offline" in reader.screen(), "the headlines on screen")
        _until(lambda: _refreshed(reader.screen()), "the refresh's end")
        reader.type(b"\r")  # the first headline's article
        _until(lambda: b"min read" in _ESCAPES.sub(b"", reader.screen()), "the article")
        time.sleep(2)  # its writes (read mark, place) done
        locks = [sqlite3.connect(db, isolation_level=None) for db in synced_dir.rglob("cache.db")]
        try:
            for lock in locks:
                lock.execute("BEGIN EXCLUSIVE")
            shown = len(reader.screen())
            reader.type(b"Q")  # quit from anywhere (`q` here goes back to the list)
            _until(
                lambda: LEAVE_ALTERNATE_SCREEN in reader.screen()[shown:],
                "the screen left while the store is locked",
                seconds=20,
            )
            assert reader.process.poll() is None  # still at its write, out of sight
        finally:
            for lock in locks:
                lock.close()  # the lock given up: the place is written, the reader ends
        assert reader.process.wait(timeout=30) == 0


def test_q_on_a_held_store_says_on_the_terminal_what_it_waits_for(synced_dir: Path) -> None:
    """A mark made while another program holds the store is said waiting in the status line;
    quitting then waited SQLite's 30 s for it, and for each write after it, the shell's
    screen back and nothing said (85 s, acc33b B6). Now one wait of a few seconds in all,
    said on the terminal, then the mark not kept, said as before, and the exit status 1 (it
    was 0, where the commands refused on the same store end in 1)."""
    from test_busy_store import held

    with reader_in_pty(synced_dir, columns=160) as reader:
        _until(lambda: b"available offline" in reader.screen(), "the headlines on screen")
        _until(lambda: _refreshed(reader.screen()), "the refresh's end")
        time.sleep(1)  # the refresh's writes done
        with held(synced_dir / "state"):
            reader.type(b"m")
            _until(
                lambda: b"The data directory is busy" in _ESCAPES.sub(b"", reader.screen()),
                "the mark said waiting",
            )
            shown = len(reader.screen())
            reader.type(b"q")
            _until(lambda: reader.process.poll() is not None, "the reader ended", seconds=120)
        text = _ESCAPES.sub(b"", reader.screen()[shown:]).decode()
    waiting = text.index("Waiting for the data directory (held by another program)…\r\n")
    assert text.index("reader: 1 read mark not kept: the data directory ") > waiting
    assert "did not let go in 5 s: try again" in text
    assert reader.process.returncode == 1  # something done was not kept: as the commands say
