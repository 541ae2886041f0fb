"""The part file of a kept picture's copy being written for a viewer (`pictures.opened_copy`),
left by a reader killed mid-write (kill -9): swept by the next sync's or reader's start, as a
user's command's files are (`part_files.sweep_unheld`), never one a live process writes."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from served_feed import serve_stories
from test_cli import reader

from reader.part_files import hold

SHA = "0123456789abcdef" * 4


@pytest.fixture
def short_temporary(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """TMPDIR a directory of the test's own, with a short name: the sync's workers' sockets are
    made in it (a `tmp_path` under xdist made "AF_UNIX path too long")."""
    temporary = Path(tempfile.mkdtemp(prefix="reader-parts-"))
    monkeypatch.setenv("TMPDIR", str(temporary))
    yield temporary
    shutil.rmtree(temporary, ignore_errors=True)


def test_a_killed_readers_picture_part_is_swept_by_the_next_sync_but_not_a_held_one(
    tmp_path: Path, httpserver: HTTPServer, short_temporary: Path
) -> None:
    folder = short_temporary / f"reader-pictures-{os.getuid()}"
    folder.mkdir(mode=0o700)
    copy = folder / f"{SHA[:32]}.jpg"  # a copy written whole: a viewer may have it open
    copy.write_bytes(b"\xff\xd8\xff picture")
    # Left by readers killed as they wrote a copy: as this reader names its parts, and as
    # readers before it did.
    left = folder / f".{SHA[:32]}.png.ab12cd34.part"
    left.write_bytes(b"\x89PNG half a picture")
    older = folder / f"{SHA[32:]}.gif.part"
    older.write_bytes(b"GIF89a half")
    # One a reader beside this one writes now: held, as it holds it till it is in place.
    beside = folder / f".{SHA[32:]}.webp.ef56gh78.part"
    beside.write_bytes(b"RIFF....WEBP")
    held = os.open(beside, os.O_RDONLY)
    hold(held)
    home = tmp_path / "home"
    try:
        feed = serve_stories(httpserver, "Harbour", [("Tides", 9)])
        assert reader(home, "add", feed).returncode == 0
        synced = reader(home, "sync")
        assert synced.returncode == 0, synced.stderr
        assert not left.exists() and not older.exists()
        assert beside.exists() and copy.exists()
    finally:
        os.close(held)


def test_a_copy_opened_for_a_viewer_a_day_ago_is_swept_by_the_next_sync(
    tmp_path: Path, httpserver: HTTPServer, short_temporary: Path
) -> None:
    """A picture's copy opened with `o` stays for the viewer (the reader's quit removes none:
    a viewer may still be starting), and goes once a day old: a record of what was looked at,
    outside the data directory a wipe deletes (acc48a A6). One opened just now stays."""
    folder = short_temporary / f"reader-pictures-{os.getuid()}"
    folder.mkdir(mode=0o700)
    old = folder / f"{SHA[:32]}.png"
    old.write_bytes(b"\x89PNG a picture looked at yesterday")
    yesterday = old.stat().st_mtime - 2 * 86400  # two days ago: past `pictures.COPIES_KEPT`
    os.utime(old, (yesterday, yesterday))
    recent = folder / f"{SHA[32:]}.jpg"
    recent.write_bytes(b"\xff\xd8\xff a picture open in a viewer now")
    other = folder / "notes.txt"  # no copy of the reader's: left alone
    other.write_bytes(b"mine")
    os.utime(other, (yesterday, yesterday))
    home = tmp_path / "home"
    feed = serve_stories(httpserver, "Harbour", [("Tides", 9)])
    assert reader(home, "add", feed).returncode == 0
    synced = reader(home, "sync")
    assert synced.returncode == 0, synced.stderr
    assert not old.exists()
    assert recent.exists() and other.exists()
