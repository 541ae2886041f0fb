"""One cache file that refuses writes, its directory writable (made immutable with `chattr +i`,
which refuses root too): a sync said "feed failed: … the data directory is read-only" once per
feed, then "0 failed", of a directory that was not read-only (acc49a A7). Now one line, naming
the file, and a summary agreeing with it. The real store on a real disk (a tmpfs takes
`chattr +i` on Linux 6.0 and later)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_cli import reader
from test_travel import tiny_disk  # noqa: F401  (a fixture)

from reader.library import Library


@pytest.fixture
def immutable_state(tiny_disk: Path, synced_master: Path) -> Iterator[Path]:  # noqa: F811
    """A synced data directory whose `state/cache.db` is immutable."""
    home = tiny_disk / "home"
    shutil.copytree(synced_master, home)
    state = home / "state" / "cache.db"
    if subprocess.run(["chattr", "+i", str(state)], check=False).returncode != 0:
        pytest.skip("this file system takes no chattr +i")
    yield home
    subprocess.run(["chattr", "-i", str(state)], check=False)


def test_a_sync_says_an_immutable_cache_file_once_by_name(immutable_state: Path) -> None:
    home = immutable_state
    lib = Library(home)
    try:
        feeds = len(lib.feeds())
    finally:
        lib.close()
    result = reader(home, "sync")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    refused = [line for line in lines if "can't be written" in line]
    assert refused == [
        f"reader: {feeds} feeds' headlines not kept: the cache file {home}/state/cache.db"
        " (subscriptions, headlines and read marks) can't be written, though its directory"
        " can (made immutable, `lsattr` shows an i, or read-only): what is cached reads,"
        " nothing new is kept in it"
    ], result.stderr
    assert not [line for line in lines if "feed failed" in line or "read-only:" in line]
    summary = next(line for line in lines if line.startswith("synced "))
    assert summary.startswith(f"synced 0 of {feeds} feeds (0 new headlines)"), summary
    # A mark is refused in the same words.
    listed = reader(home, "list", "--json")
    first = listed.stdout.split('"id": "')[1].split('"')[0]
    marked = reader(home, "mark-read", first)
    assert marked.returncode != 0
    assert f"the cache file {home}/state/cache.db" in marked.stderr, marked.stderr
