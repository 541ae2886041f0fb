"""A data directory kept in a file-sync tool (Syncthing, Dropbox, Nextcloud): the tool renames
the other machine's `state/cache.db` over this one's while a reader has it open, and leaves
the copy it lost a conflict over beside it. The reader wrote on into the new file, its log
replayed there, and left it damaged without a word; and never mentioned the conflicting copy,
one machine's read marks and saves gone with it (acc42b B3, B2). Real files in a temp dir,
moved as a sync tool moves them; the reader run as a process where a user sees its lines."""

from __future__ import annotations

import asyncio
import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from hostile_site import rss
from pytest_httpserver import HTTPServer
from test_data_dir_trust import reader

from reader.models import StoreError
from reader.store import Store


@pytest.fixture
def two_machines(httpserver: HTTPServer, data_dir: Path, tmp_path: Path) -> tuple[Path, Path, str]:
    """A library (the desktop's) and a copy of it changed elsewhere (the laptop's), and the
    feed they follow."""
    items = [(f"Story {n}", f"http://127.0.0.1:9/{n}.html") for n in range(5)]
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss("Synced Feed", items), content_type="application/rss+xml"
    )
    url = httpserver.url_for("/feed.xml")
    assert reader(data_dir, "add", url).returncode == 0
    laptop = tmp_path / "laptop"
    shutil.copytree(data_dir, laptop)
    tagged = reader(laptop, "tag", "Synced Feed", "laptoponly")
    assert tagged.returncode == 0, tagged.stderr
    return data_dir, laptop, url


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_cache_file_replaced_while_open_is_not_written_to(
    two_machines: tuple[Path, Path, str],
) -> None:
    desktop, laptop, url = two_machines
    db = desktop / "state" / "cache.db"
    store = Store(desktop)
    try:
        assert store.name_feed(url, "Before") is not None  # written while it is its own file
        arriving = desktop / "state" / ".syncthing.cache.db.tmp"
        shutil.copy2(laptop / "state" / "cache.db", arriving)
        arriving.rename(db)  # as a sync tool puts the other machine's version in place
        arrived = _digest(db)
        with pytest.raises(StoreError) as refused:
            store.name_feed(url, "After")
        assert str(refused.value) == (
            f"the cache file {db} (subscriptions, headlines and read marks) was replaced by"
            " another program (a file sync?) while the reader had it open: nothing more is"
            " written to it, nothing of the new one changed; start the reader again to read it"
        )
    finally:
        store.close()
    assert _digest(db) == arrived
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    feeds = reader(desktop, "feeds")
    assert feeds.returncode == 0, feeds.stderr
    assert "laptoponly" in feeds.stdout and "Before" not in feeds.stdout


@pytest.mark.parametrize(
    "name",
    [
        "cache.sync-conflict-20261206-163224-DSKTOP7.db",
        "cache (DESKTOP's conflicted copy 2026-12-06).db",
    ],
)
def test_a_conflicting_copy_beside_the_library_is_said(
    two_machines: tuple[Path, Path, str], name: str
) -> None:
    desktop, laptop, _ = two_machines
    copy = desktop / "state" / name
    shutil.copy2(laptop / "state" / "cache.db", copy)
    listed = reader(desktop, "list", "--ids")
    assert listed.returncode == 0, listed.stderr
    assert listed.stderr == (
        f"reader: another copy of the library is beside it: {copy} (a file sync's conflicting copy,"
        " another machine's read marks, saves and tags: not read here; move it out of the data"
        " directory once you have what you need of it)\n"
    )
    copy.unlink()
    assert reader(desktop, "list", "--ids").stderr == ""


def test_the_reader_open_when_its_file_is_replaced_says_its_marks_are_not_kept(
    synced_dir: Path, tmp_path: Path
) -> None:
    """The TUI said nothing (or "damaged", then "The disk has room again"), exited 0 and left
    the new file damaged. Now the mark is refused in one notice, said not kept as the reader
    ends, and the new file is as it arrived."""
    from tui_pilot import notices, started, table, until

    from reader.ui.app import ReaderApp

    other = tmp_path / "other-machine"
    shutil.copytree(synced_dir, other)
    db = synced_dir / "state" / "cache.db"

    async def run() -> ReaderApp:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        app.NOTIFICATION_TIMEOUT = app.notice_seconds = 3600
        async with app.run_test(size=(120, 30), notifications=True) as pilot:
            await started(pilot)
            arriving = synced_dir / "state" / ".cache.db.tmp"
            shutil.copy2(other / "state" / "cache.db", arriving)
            arriving.rename(db)
            await pilot.press("m")
            await until(
                pilot,
                lambda: any("was replaced by another program" in n for n in notices(app)),
                "the mark refused",
            )
            assert table(app).rows[0].read  # shown so, as marks on a full disk are
            await pilot.press("q")
        return app

    arrived = _digest(other / "state" / "cache.db")
    app = asyncio.run(run())
    assert app.unkept_at_exit.startswith(f"1 read mark not kept: the cache file {db} (")
    assert _digest(db) == arrived
    listed = reader(synced_dir, "list", "--ids")
    assert listed.returncode == 0, listed.stderr
