"""The reader under a real terminal (a pseudo-terminal) that goes away: a closed window, a
killed tmux session, a dropped ssh connection. It must quit, as on `q`, and leave no process
behind, whatever it was doing; and keep what was cached and marked."""

from __future__ import annotations

import os
import pty
import re
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from hostile_site import rss
from processes import children, left_running
from pytest_httpserver import HTTPServer
from test_travel import stopped_sync
from werkzeug import Request, Response

from reader.library import Library
from tests.pty_reader import readable, sized

# Correctness limits on a busy machine, not speed measures: a reader that stays is stuck for good.
EXIT_BOUND = 45.0
SHOWN_BOUND = 90.0


class Window:
    """The terminal window the reader runs in: the pty's other end. Closing it is the window
    closing; closed once only (its number is another file's after)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.closed = False

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            os.close(self.fd)


@contextmanager
def under_terminal(
    home: Path, *args: str, run: tuple[str, ...] = ("-m", "reader")
) -> Iterator[tuple[int, Window]]:
    """`reader ARGS` run on a terminal of its own, as from a terminal window: its pid and the
    window. Killed at the end if still there. `run`: Python's arguments before ARGS (a script
    of a test's, `-c ...`, in the reader's place)."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")},
        "READER_HOME": str(home),
        "TERM": "xterm-256color",
    }
    pid, terminal = pty.fork()
    if pid == 0:  # the child: its terminal is the pty, it leads its session (as a shell's would)
        try:
            sized(0, 40, 120)  # before the reader starts: a window 120 × 40
            os.execve(sys.executable, [sys.executable, *run, *args], env)
        finally:
            os._exit(127)
    window = Window(terminal)
    try:
        yield pid, window
    finally:
        window.close()
        with suppress(ChildProcessError):  # not if the test has waited for it
            if os.waitpid(pid, os.WNOHANG)[0] == 0:  # stuck: ended, with what it started
                with suppress(OSError):
                    for child in children(pid):
                        os.kill(child, signal.SIGKILL)
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)


def _status(pid: int, within: float) -> int | None:
    """`pid`'s exit code once it has ended, waiting up to `within` seconds; None if it runs on."""
    deadline = time.monotonic() + within
    while True:
        with suppress(ChildProcessError):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return os.waitstatus_to_exitcode(status)
        if time.monotonic() > deadline:
            return None
        time.sleep(0.05)


def until_shown(window: Window, shown: bytes) -> bytes:
    """Read what the reader draws until `shown` (a regular expression) is among it (read all
    the while: a terminal no one reads fills up, and stops its writer)."""
    drawn = b""
    deadline = time.monotonic() + SHOWN_BOUND
    while not re.search(shown, drawn):
        left = deadline - time.monotonic()
        assert left > 0, f"never shown: {shown!r} in …{drawn[-2000:]!r}"
        if readable(window.fd, min(left, 1.0)):
            try:
                drawn += os.read(window.fd, 65536)
            except OSError:  # the reader has gone, and its terminal with it
                break
    assert re.search(shown, drawn), f"never shown: {shown!r} in …{drawn[-2000:]!r}"
    return drawn


DESKS = 40
"""Feeds that come in one after another during the refresh: the list and the status line
change all the while, as with a year-old library's sixty feeds."""


def _held_library(home: Path, httpserver: HTTPServer, silent: str) -> None:
    """A library whose refresh and sync never end by themselves (one feed on a host that never
    answers, and one whose story is there), with `DESKS` more feeds coming in slowly before.
    Timeouts longer than any test waits."""
    httpserver.expect_request("/held.xml").respond_with_data(
        rss("Held Desk", [("The story that never comes", silent + "story")]),
        content_type="application/rss+xml",
    )

    def desk(request: Request) -> Response:
        time.sleep(0.3)  # one at a time (the server answers in turn): a few a second
        number = request.path.rsplit("/", 1)[1].split(".")[0]
        stories = [
            (f"Harbour board desk {number}: ferry timetable story {i}", silent + f"d{number}/{i}")
            for i in range(3)
        ]
        return Response(rss(f"Desk {number}", stories), content_type="application/rss+xml")

    for number in range(DESKS):
        httpserver.expect_request(f"/desk/{number}.xml").respond_with_handler(desk)
    (home / "config.toml").write_text(
        "[network]\nread_timeout = 600.0\ntotal_timeout = 600.0\nretries = 0\n"
    )
    lib = Library(home)
    try:
        lib.add_feed(silent + "feed.xml")
        lib.add_feed(httpserver.url_for("/held.xml"))
        for number in range(DESKS):
            lib.add_feed(httpserver.url_for(f"/desk/{number}.xml"))
    finally:
        lib.close()


def unread(home: Path) -> set[str]:
    lib = Library(home)  # read as another process would, the reader running or not
    try:
        return {h.entry.id for h in lib.headlines(unread_only=True)}
    finally:
        lib.close()


def until_marked(home: Path, before: set[str]) -> None:
    """Wait until a headline of `before` is no longer unread in the store."""
    deadline = time.monotonic() + SHOWN_BOUND
    while before <= unread(home):  # the refresh's new headlines come in besides
        assert time.monotonic() < deadline, "the mark never reached the store"
        time.sleep(0.2)


@pytest.mark.parametrize("doing", ["refresh", "sync"])
def test_closing_the_terminal_quits_the_reader_mid_refresh_or_sync(
    synced_dir: Path, httpserver: HTTPServer, silent_server: str, doing: str
) -> None:
    """Its terminal closed during the refresh on opening (or a sync), the reader stayed, for
    good, orphaned: Textual's output thread died on the first write the gone terminal refused,
    and the writes after it, queued for a thread no longer there, stopped the event loop (a
    SIGTERM, handled on that loop, did nothing either). Now it quits as on `q`, its workers
    with it; a headline marked read just before stays read."""
    _held_library(synced_dir, httpserver, silent_server)
    before = unread(synced_dir)
    with under_terminal(synced_dir) as (pid, window):
        # Mid-refresh, its feeds coming in: the list and the status line changing.
        until_shown(window, r"Refreshing \d+ feeds… \(([12]\d) done\)".encode())
        os.write(window.fd, b"m")  # the first headline marked read
        if doing == "sync":
            os.write(window.fd, b"S")
            until_shown(window, b"Syncing: feeds")
        until_marked(synced_dir, before)
        workers = children(pid)
        assert workers, "the reader parses and extracts in worker processes"
        window.close()  # the window closed: SIGHUP (and SIGCONT) from the kernel
        status = _status(pid, EXIT_BOUND)
        assert status is not None, f"the reader still runs {EXIT_BOUND:.0f} s after its terminal"
        assert status == 128 + signal.SIGHUP
        assert not left_running(workers, EXIT_BOUND), "processes left running"
    assert len(before - unread(synced_dir)) == 1  # the one marked, and no other
    assert stopped_sync(synced_dir) == (doing == "sync")  # said at the next start


def test_a_sigterm_quits_the_reader_mid_refresh(
    synced_dir: Path, httpserver: HTTPServer, silent_server: str
) -> None:
    """`kill PID` (a shutdown, a session ended) quits as `q` does, the terminal put back."""
    _held_library(synced_dir, httpserver, silent_server)
    with under_terminal(synced_dir) as (pid, window):
        until_shown(window, b"Refreshing")
        workers = children(pid)
        os.kill(pid, signal.SIGTERM)
        drawn = until_shown(window, re.escape(b"\x1b[?1049l"))  # the terminal's own screen back
        assert b"Traceback" not in drawn
        status = _status(pid, EXIT_BOUND)
        assert status == 128 + signal.SIGTERM
        assert not left_running(workers, EXIT_BOUND), "processes left running"


def test_a_sighup_mid_sync_with_the_terminal_there_says_what_the_sync_kept(
    synced_dir: Path, httpserver: HTTPServer, silent_server: str
) -> None:
    """`kill -HUP` (a tool's, the terminal still open) mid-sync: the reader says what the sync
    kept as a SIGTERM's quit does, and ends 129. It said nothing (acc51c C4)."""
    _held_library(synced_dir, httpserver, silent_server)
    with under_terminal(synced_dir) as (pid, window):
        until_shown(window, b"Refreshing")
        os.write(window.fd, b"S")
        until_shown(window, b"Syncing: feeds")
        os.kill(pid, signal.SIGHUP)
        drawn = until_shown(window, rb"reader: sync [^\r\n]*carries on")
        assert b"Traceback" not in drawn
        assert _status(pid, EXIT_BOUND) == 128 + signal.SIGHUP


def test_closing_the_terminal_stops_a_sync_from_the_command_line(
    synced_dir: Path, httpserver: HTTPServer, silent_server: str
) -> None:
    """`reader sync` in a terminal that closes (an ssh connection dropped) stops as on Ctrl-C:
    the stop noted for the reader's next start, what was cached kept, no worker left behind."""
    _held_library(synced_dir, httpserver, silent_server)
    with under_terminal(synced_dir, "sync") as (pid, window):
        until_shown(window, rb"feeds .*\b[1-9]\d*/\d+")  # mid-sync: some feeds in, not all
        # Started as work first comes, in a thread (sync31): there by now or very soon.
        deadline = time.monotonic() + 30
        while not (workers := children(pid)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert workers, "the sync parses and extracts in worker processes"
        for worker in list(workers):  # a forkserver's workers, too
            with suppress(FileNotFoundError):
                workers += children(worker)
        window.close()
        status = _status(pid, EXIT_BOUND)
        assert status is not None, f"the sync still runs {EXIT_BOUND:.0f} s after its terminal"
        assert status == 128 + signal.SIGHUP
        assert not left_running(workers, EXIT_BOUND), "processes left running"
    assert stopped_sync(synced_dir)
