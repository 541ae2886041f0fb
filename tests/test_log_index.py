"""A library on a full disk of 1 KiB blocks (what `mkfs.ext4` makes of any disk under 512 MB)
reads (acc49a A1): SQLite's write-ahead log index (-shm), mapped and touched where the disk
had no block for it, killed every command with SIGBUS. A real ext4 on a loop device, filled."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_data_dir_trust import reader
from test_travel import fill

from reader.log_index import REGION
from reader.store import Store

_LEFT_FREE = 16 << 10
"""Bytes left free on the filled disk: room for the 8 bytes SQLite writes to make its -shm
file's 32 KiB (a block each), not for the rest of its blocks."""


@pytest.fixture
def small_ext4(tmp_path: Path) -> Iterator[Path]:
    """A 24 MB ext4 of 1 KiB blocks, mounted."""
    if os.geteuid() != 0:
        pytest.skip("mounting a loop device needs root (CI runs as root)")
    image, mount = tmp_path / "disk.img", tmp_path / "disk"
    mount.mkdir()
    with open(image, "wb") as made:
        made.truncate(24 << 20)
    subprocess.run(["mkfs.ext4", "-q", "-F", "-b", "1024", "-m", "0", str(image)], check=True)
    subprocess.run(["mount", "-o", "loop", str(image), str(mount)], check=True)
    yield mount
    subprocess.run(["umount", "--lazy", str(mount)], check=False)


def _log_left(db: Path) -> None:
    """`db` left with changes in its write-ahead log, as by a sync killed or stopped by the full
    disk (the next program to open it builds the log's index from the log), its -shm file gone."""
    code = (
        "import os, sqlite3, sys\n"
        "con = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "con.execute('PRAGMA wal_autocheckpoint = 0')\n"
        # Written twice, as changes: SQLite writes no page a statement leaves as it was.
        "con.execute('UPDATE Cache SET access_count = access_count + 1')\n"
        "con.execute('UPDATE Cache SET access_count = access_count - 1')\n"
        "assert os.path.getsize(sys.argv[1] + '-wal') > 0\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(db)], check=True)
    db.with_name(db.name + "-shm").unlink()


def _filled(disk: Path, leaving: int) -> None:
    spare = disk / "spare"
    spare.write_bytes(b"\0" * leaving)
    os.sync()
    fill(disk)
    spare.unlink()
    os.sync()


def test_a_full_disk_of_small_blocks_reads(small_ext4: Path, synced_dir: Path) -> None:
    home = small_ext4 / "home"
    shutil.copytree(synced_dir, home)
    for folder in ("state", "articles"):
        _log_left(home / folder / "cache.db")
    listed_here = reader(synced_dir, "list").stdout
    _filled(small_ext4, _LEFT_FREE)
    listed = reader(home, "list")
    assert listed.returncode == 0, listed.stderr  # -7: SIGBUS
    assert listed.stdout == listed_here
    assert reader(home, "cache").returncode == 0
    searched = reader(home, "list", "--search", "harbour")
    assert searched.returncode == 0, searched.stderr
    repair = reader(home, "repair", "--dry-run")
    assert repair.returncode == 0 and "sound" in repair.stdout, repair.stderr


def test_the_log_index_has_its_blocks_and_one_region_ahead(tmp_path: Path) -> None:
    """Given at opening, not left to the map's touch: one region ahead of the log, so that a
    sync filling the disk has the blocks its log grows into."""
    store = Store(tmp_path / "home")
    try:
        store.add_feed("http://127.0.0.1:9/feed.xml")
        for folder in ("state", "articles"):
            shm = tmp_path / "home" / folder / "cache.db-shm"
            assert os.stat(shm).st_blocks * 512 >= 2 * REGION
    finally:
        store.close()
