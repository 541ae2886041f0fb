"""What `reader sync` says when it is cut short on a bad network: the articles it has only the
first page of counted as such, not as cached whole (acc36a G5)."""

from __future__ import annotations

import asyncio
import os
import pty
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import pytest
from failing_site import FailingSite
from processes import children, left_running
from test_cli import reader
from tui_pilot import started, until

from reader.config import load_config
from reader.library import Library
from reader.marks import PARTIAL_MARK
from reader.ui.app import ReaderApp
from tests.pty_reader import readable, sized


def _subscribed(tmp_path: Path, site: FailingSite, timeout: float = 120.0) -> Path:
    """A reader's home subscribed to `site`'s feed, its pages waited for `timeout` seconds
    each, asked once: a stalled page is under way for as long."""
    home = tmp_path / "home"
    home.mkdir()
    (home / "config.toml").write_text(
        f"[network]\nread_timeout = {timeout}\ntotal_timeout = {timeout * 3}\nretries = 0\n"
        "per_host = 4\n"
    )
    assert reader(home, "add", site.base + "/feed.xml").returncode == 0
    return home


def _sync(home: Path, stderr: IO[str] | int = subprocess.PIPE) -> subprocess.Popen[str]:
    """`reader sync` on `home`, in a process of its own: its stderr to `stderr`."""
    return subprocess.Popen(
        [sys.executable, "-m", "reader", "sync"],
        env={**os.environ, "READER_HOME": str(home)},
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        text=True,
    )


def _in_part(home: Path) -> int:
    lib = Library(home)
    try:
        return len(lib.store.incomplete_keys())
    finally:
        lib.close()


def test_an_interrupted_sync_counts_the_articles_it_has_the_first_page_of(
    tmp_path: Path,
) -> None:
    """acc36a G5: "interrupted: 82 of 240 articles cached for offline (158 not yet)" counted
    10 it had only the first page of, `½` in the list."""
    site = FailingSite(stories=3, mode="stall", paged=True)  # every second page stalls
    try:
        home = _subscribed(tmp_path, site)
        sync = _sync(home)
        try:
            # Each story's first page kept, its second under way (stalled): the sync stopped.
            deadline = time.monotonic() + 120
            while _in_part(home) < 3 and time.monotonic() < deadline and sync.poll() is None:
                time.sleep(0.1)
            assert _in_part(home) == 3
            sync.send_signal(signal.SIGTERM)
            _, said = sync.communicate(timeout=60)
        finally:
            if sync.poll() is None:
                sync.kill()
        assert sync.returncode == 128 + signal.SIGTERM, said
        assert (
            f"interrupted: 3 of 3 articles cached for offline (3 only in part {PARTIAL_MARK}, "
            in said
        ), said
    finally:
        site.close()


def test_kill_9_of_a_sync_leaves_no_warning_on_the_terminal(tmp_path: Path) -> None:
    """acc36a G7: multiprocessing's resource tracker outlived the killed sync and printed
    "resource_tracker: There appear to be 6 leaked semaphore objects to clean up at shutdown"
    into whatever the user did next."""
    site = FailingSite(stories=6, mode="stall")  # every page held: the sync is mid-way
    said = tmp_path / "stderr.txt"
    try:
        home = _subscribed(tmp_path, site)
        with said.open("w") as terminal:
            sync = _sync(home, terminal)
        try:
            # Its workers (and the tracker) started: pages asked, the answers held.
            deadline = time.monotonic() + 120
            while site.pages_asked < 2 and time.monotonic() < deadline:
                time.sleep(0.1)
            assert site.pages_asked >= 2
            # The pool is started beside the first requests, not before them: on a loaded
            # machine the pages were asked before it had a process (a CI's failure).
            while not children(sync.pid) and time.monotonic() < deadline:
                time.sleep(0.1)
            time.sleep(1)  # its workers beside the tracker
            started = children(sync.pid)
            assert started
            sync.kill()
            sync.wait()
        finally:
            if sync.poll() is None:
                sync.kill()
        # The tracker and the workers see their parent gone and end; what they print is in.
        assert not left_running(started, 30)
        assert "leaked" not in said.read_text(), said.read_text()
    finally:
        site.close()


def _on_a_terminal(home: Path, until: str, timeout: float = 120.0) -> str:
    """`reader sync` on `home` with a terminal (a pty, 250 columns) for its stderr, read until
    it shows `until` or ends: what it drew, its escape sequences taken out. Then stopped."""
    master, slave = pty.openpty()
    sized(slave, 30, 250)
    try:
        sync = subprocess.Popen(
            [sys.executable, "-m", "reader", "sync"],
            env={**os.environ, "READER_HOME": str(home)},
            stdout=subprocess.DEVNULL,
            stderr=slave,
        )
    finally:
        os.close(slave)
    drawn = ""
    try:
        deadline = time.monotonic() + timeout
        while until not in drawn and time.monotonic() < deadline:
            if not readable(master, 0.5):
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the sync ended, its terminal closed
                break
            if not chunk:
                break
            drawn = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", drawn + chunk.decode(errors="replace"))
        sync.send_signal(signal.SIGTERM)
        sync.wait(timeout=60)
    finally:
        if sync.poll() is None:
            sync.kill()
        os.close(master)
    return drawn


def test_a_syncs_end_says_what_it_waits_for(tmp_path: Path) -> None:
    """acc36a G4: 7 stalled articles held the progress at "202/209" for ~30 s with nothing
    saying that the rest was done and what it waited for. Said on the terminal's progress
    (off a terminal there is no progress to say it in)."""
    site = FailingSite(stories=3, mode="stall", paged=True)  # every second page stalls
    try:
        # Long enough for the line to come first; short, so the old code's sync ends soon.
        home = _subscribed(tmp_path, site, timeout=20.0)
        host = site.base.removeprefix("http://")
        waits = f"waiting for the last 3 articles, at {host}; Ctrl-C keeps what came"
        drawn = _on_a_terminal(home, waits)
        assert waits in drawn, drawn[-2000:]
    finally:
        site.close()


@pytest.mark.parametrize("keys", ["", 'quit = ["x", "ctrl+q"]'])
def test_the_readers_sync_says_what_its_end_waits_for(tmp_path: Path, keys: str) -> None:
    """acc36a G4, the reader's `S`: "Syncing: articles 202/209, 9 failed" sat still for ~30 s
    on stalled articles. The line names the key that stops it, the one in force (quitting:
    `q` is "back" from a feed's headlines and from an article, `Q` quits from anywhere)."""
    site = FailingSite(stories=3, mode="stall", paged=True)  # every second page stalls
    host = site.base.removeprefix("http://")
    quit_key = "x" if keys else "Q"
    waits = (
        f"Syncing: articles 0/3 · waiting for the last 3 articles, at {host}; "
        f"{quit_key} quits, keeping what came"
    )

    async def run(home: Path) -> None:
        app = ReaderApp(home, refresh_on_start=False, config=load_config(home / "config.toml"))
        app.prefetch_limit = 0
        async with app.run_test(size=(160, 30)) as pilot:
            await started(pilot)
            await pilot.press("S")
            await until(pilot, lambda: app.status.startswith("Syncing: articles 0/3 ·"), "it")
            assert app.status == waits
            app.exit()

    try:
        home = _subscribed(tmp_path, site)
        with (home / "config.toml").open("a") as config:
            config.write(f"[keys]\n{keys}\n")
        asyncio.run(run(home))
    finally:
        site.close()
