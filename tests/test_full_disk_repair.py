"""`reader repair` on a full disk (acc49a A2, A9): a file SQLite can't open there for want of
room is not damaged. It called the subscriptions' file damaged, "move it aside to start it
afresh" (every subscription and mark with it), and deleted the search index; now it checks
what reads, says the disk is full, changes nothing. A real tmpfs, filled."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from hostile_site import rss
from picture_bytes import png
from pytest_httpserver import HTTPServer
from test_data_dir_trust import reader
from test_log_index import _log_left
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


_STORIES = 8


def pictured_site(server: HTTPServer) -> str:
    """A feed of `_STORIES` stories, each with a photograph of its own (~60 KB, kept in a file
    of its own, as a real site's are): the feed's address."""
    base = server.url_for("").rstrip("/")
    text = "".join(
        f"<p>The harbour board met on day {n} and agreed the new dues for the coming year, after"
        " a long debate about the ferry timetable and the winter storms.</p>"
        for n in range(12)
    )
    items = []
    for n in range(_STORIES):
        title = f"Harbour story {n}"
        server.expect_request(f"/s{n}.html").respond_with_data(
            f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f'<figure><img src="/p{n}.png" alt="The quay"></figure>{text}</article></body></html>',
            content_type="text/html",
        )
        server.expect_request(f"/p{n}.png").respond_with_data(
            png(140 + n, 140, noise=True), content_type="image/png"
        )
        items.append((title, f"{base}/s{n}.html"))
    server.expect_request("/feed.xml").respond_with_data(
        rss("Harbour News", items), content_type="application/rss+xml"
    )
    return f"{base}/feed.xml"


def test_prune_and_forget_give_room_back_on_a_disk_the_reader_filled(
    tiny_disk: Path,  # noqa: F811
    httpserver: HTTPServer,
    tmp_path: Path,
) -> None:
    """(acc49a A3) Both were refused, exit 75, "until some space is freed on it", though they
    are the reader's own way of freeing it, and a sync that filled the disk left its logs."""
    made = tmp_path / "made"
    made.mkdir()
    assert reader(made, "add", pictured_site(httpserver)).returncode == 0
    synced = reader(made, "sync")
    assert synced.returncode == 0, synced.stderr
    home = tiny_disk / "home"
    shutil.copytree(made, home)
    for folder in ("state", "articles"):
        _log_left(home / folder / "cache.db")
    fill(tiny_disk)
    cached = [h["id"] for h in json.loads(reader(home, "list", "--json").stdout) if h["cached"]]
    assert len(cached) == _STORIES
    forgot = reader(home, "forget", cached[0])
    assert forgot.returncode == 75, forgot.stderr  # too little: said, nothing changed
    assert "give back" in forgot.stderr and "reader cache prune --max-size" in forgot.stderr
    pruned = reader(home, "cache", "prune", "--max-size", "1K")
    assert pruned.returncode == 0, pruned.stderr
    assert f"evicted {_STORIES} articles" in pruned.stdout
    room = os.statvfs(tiny_disk)
    assert room.f_bavail * room.f_frsize > 256 << 10
    assert not [p.name for p in home.rglob("*-wal") if p.stat().st_size]  # the logs emptied
    assert reader(home, "repair", "--dry-run").stdout.count(": sound") == 3
