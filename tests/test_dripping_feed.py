"""A feed dripping without end, just over the rate given more time (acc50a A1: `reader add`
ran 25 minutes, the reader's `r` said "Refreshing 1 feed… (0 done)" for 14): the refresh says
which host it waits for once no feed has come in for a while, and the feed is given up at
`[network] longest_answer`, said with what it sent.

Served on 127.0.0.1, 2 KB every 0.25 s, forever: by an asyncio server in the test's loop, or
from a thread for a reader in a process of its own (`reader add` on a terminal)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.config import FetchLimits
from reader.library import Library, feed_refresh
from reader.reports import FeedResult, SyncProgress
from tests.pty_reader import stderr_on_a_terminal

LIMITS = FetchLimits(total_timeout=1.0, longest_answer=3.0, read_timeout=5.0, retries=0)
HEAD = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Drip</title><description>'


async def drip(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    await reader.readuntil(b"\r\n\r\n")
    writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n\r\n" + HEAD)
    try:
        while True:
            writer.write(b"word " * 400)
            await writer.drain()
            await asyncio.sleep(0.25)
    except (ConnectionError, OSError):
        writer.close()


@pytest.mark.parametrize("how", ["refresh", "sync"])
def test_a_dripping_feed_is_said_waited_for_then_given_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """The reader's `r` (a refresh) and `reader sync` (its feeds row) alike."""
    monkeypatch.setattr(feed_refresh, "FEEDS_WAIT_SAID", 0.5)
    heard: list[SyncProgress] = []

    async def go() -> tuple[str, list[FeedResult]]:
        server = await asyncio.start_server(drip, "127.0.0.1", 0)
        host = f"127.0.0.1:{server.sockets[0].getsockname()[1]}"
        async with server, Library(tmp_path / "data", limits=LIMITS) as lib:
            lib.store.add_feed(f"http://{host}/feed.xml")
            if how == "sync":
                return host, (await lib.sync(progress=heard.append)).feeds
            return host, await lib.refresh(progress=heard.append)

    host, results = asyncio.run(go())
    said = [p.waiting_line() for p in heard if p.feeds_waiting]
    # Said while no feed was in, and not after.
    assert not heard[-1].feeds_waiting
    assert said and set(said) == {f"waiting for the last 1 feed, at {host}"}
    [result] = results
    assert result.error is not None
    assert re.fullmatch(
        re.escape(host) + r" sent only [\d.]+ KB in 3 s, still coming: given up "
        r"\(\[network\] longest_answer\)",
        result.error.message,
    ), result.error.message


@pytest.fixture
def dripping() -> Iterator[str]:
    """The same drip from a thread, for a reader in a process of its own: its feed's address."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve(conn: socket.socket) -> None:
        with conn:
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n\r\n" + HEAD)
            with contextlib.suppress(OSError):
                while True:
                    conn.sendall(b"word " * 400)
                    time.sleep(0.25)

    def accept() -> None:
        with contextlib.suppress(OSError):
            while True:
                threading.Thread(target=serve, args=(listener.accept()[0],), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/feed.xml"
    finally:
        listener.close()


def test_add_on_a_terminal_says_it_waits_then_gives_up(tmp_path: Path, dripping: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[network]\ntotal_timeout = 1.0\nlongest_answer = 3.0\nretries = 0\n")
    env = {**os.environ, "READER_HOME": str(tmp_path / "data"), "READER_CONFIG": str(config)}
    drawn, _ = stderr_on_a_terminal(["add", dripping], env, 200, 20)
    lines = [line.strip() for line in drawn.decode().replace("\r", "").split("\n")]
    host = dripping.split("/")[2]
    waiting = f"reader: still waiting for {host} after 1 s (3 s at most: [network] longest_answer)"
    assert lines.count(waiting) == 1, lines
    given_up = next(line for line in lines if "given up" in line)
    assert lines.index(waiting) < lines.index(given_up)
    assert f"{host} sent only" in given_up


def test_a_longest_answer_below_the_total_timeout_is_refused_in_one_line(tmp_path: Path) -> None:
    """acc51d D5: `longest_answer = 3` with `total_timeout` at its 20 s capped nothing (every
    answer is given `total_timeout`): 12 dripping articles took 20 s each. Refused, naming both."""
    config = tmp_path / "config.toml"
    config.write_text("[network]\nlongest_answer = 3\n")
    env = {**os.environ, "READER_HOME": str(tmp_path / "data"), "READER_CONFIG": str(config)}
    done = subprocess.run(
        [sys.executable, "-m", "reader", "feeds"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 78 and len(done.stderr.splitlines()) == 1, done.stderr
    assert "network.longest_answer (3 s) is below network.total_timeout (20 s)" in done.stderr


def test_a_total_timeout_raised_past_the_default_longest_answer_raises_it(tmp_path: Path) -> None:
    """`total_timeout = 600` (slow circuits) with no `longest_answer` set is no mistake to
    refuse: the longest answer follows it."""
    from reader.config import load_config

    config = tmp_path / "config.toml"
    config.write_text("[network]\ntotal_timeout = 600\n")
    limits = load_config(config).limits
    assert (limits.total_timeout, limits.longest_answer) == (600.0, 600.0)
