"""`reader repair` on a full disk (acc49a A2, A9): a file SQLite can't open there for want of
room is not damaged. It called the subscriptions' file damaged, "move it aside to start it
afresh" (every subscription and mark with it), and deleted the search index; now it checks
what reads, says the disk is full, changes nothing. A real tmpfs, filled."""

from __future__ import annotations

import shutil
from pathlib import Path

from test_data_dir_trust import reader
from test_travel import fill, tiny_disk  # noqa: F401  (a fixture)


def _left_by_a_refused_open(home: Path) -> None:
    """The -shm files an opening on the full disk left, emptied and not grown again (SQLite's
    first connection cuts the file to 3 bytes, then its write to grow it failed)."""
    for db in (home / "state" / "cache.db", home / "articles" / "cache.db"):
        db.with_name(db.name + "-shm").write_bytes(b"\0" * 3)


def test_repair_on_a_full_disk_calls_nothing_damaged(
    tiny_disk: Path,  # noqa: F811
    synced_dir: Path,
) -> None:
    home = tiny_disk / "home"
    shutil.copytree(synced_dir, home)
    assert reader(home, "list", "--search", "harbour").returncode == 0  # the index made
    index = home / "search-index.sqlite"
    _left_by_a_refused_open(home)
    index.with_name(index.name + "-shm").write_bytes(b"\0" * 3)
    fill(tiny_disk)
    files = [home / folder / "cache.db" for folder in ("state", "articles")]
    before = [db.read_bytes() for db in files]
    repair = reader(home, "repair")
    said = repair.stdout + repair.stderr
    assert repair.returncode == 75, said
    assert "damaged" not in said and "move it aside" not in said
    assert f"the disk holding {home} is full" in said
    assert said.count(": sound") == 3, said  # checked all the same, as --dry-run checks
    assert index.exists()
    assert [db.read_bytes() for db in files] == before
