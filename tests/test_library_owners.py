"""A library on a shared host (acc43b): root's run on another user's library refuses before it
writes (B1), a write the user's permissions refuse names the entry and its owner, not a full
disk (B1), and a full disk met writing an article's own file is a full disk, exit 75 (B2)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_cli import reader
from test_travel import tiny_disk  # noqa: F401  (a fixture: a small tmpfs, mounted as root)

from reader.cli.common import failure_status
from reader.demo.server import start_demo_server
from reader.models import Article, Block, BlockKind, Inline, StoreError, Unwritable
from reader.raw_pages import pack_raw_page
from reader.store import Store

NOBODY = 65534  # exists here: the second account these tests give a library to


def _article(url: str) -> Article:
    return Article(url, "Harbour", blocks=(Block(BlockKind.PARAGRAPH, (Inline("The ferry."),)),))


def _large_article_refused(home: Path) -> StoreError:
    """The error a large article's write into the library at `home` fails with."""
    url = "https://harbour.example/1"
    store = Store(home)
    try:
        with pytest.raises(StoreError) as raised:
            # Random bytes do not pack smaller: kept in a value file of its own.
            store.put_article(url, _article(url), pack_raw_page(os.urandom(600_000), "text/html"))
    finally:
        store.close()
    return raised.value


def _chown_all(root: Path, uid: int) -> None:
    os.chown(root, uid, uid)
    for path in root.rglob("*"):
        os.lchown(path, uid, uid)


@contextmanager
def _as_user(uid: int) -> Iterator[None]:
    """This process's file accesses made as `uid`'s (root's saved id takes them back)."""
    import encodings.hex_codec  # noqa: F401  (diskcache's file names: Python's own files are root's alone here)
    import pwd  # noqa: F401

    os.setegid(uid)
    os.seteuid(uid)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def test_root_refuses_another_users_library_before_writing_anything(tmp_path: Path) -> None:
    home = tmp_path / "theirs"
    server = start_demo_server()
    try:
        assert reader(home, "add", server.feed_urls[1]).returncode == 0
    finally:
        server.stop()
    _chown_all(home, NOBODY)
    before = sorted((str(p), p.stat().st_mtime_ns) for p in home.rglob("*"))
    for command in (["sync"], ["list"], ["mark-read"]):
        result = reader(home, *command)
        assert result.returncode == 1, result.stderr
        assert result.stderr == (
            f"reader: the data directory {home} is nobody's: what a run as root wrote there would"
            " no longer be nobody's to write: run the reader as nobody (sudo -u nobody reader …);"
            " nothing was changed\n"
        )
    # Nothing made, nothing changed, nothing root's in their library.
    assert sorted((str(p), p.stat().st_mtime_ns) for p in home.rglob("*")) == before
    assert all(p.lstat().st_uid == NOBODY for p in home.rglob("*"))


@pytest.fixture
def open_dir() -> Iterator[Path]:
    """A folder another account can reach (pytest's own are root's alone, 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="reader-owners-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def test_a_write_into_a_folder_root_made_names_it_and_its_owner(open_dir: Path) -> None:
    """The user's own run, after root's made the article cache's folders: the failure names
    the folder that is not theirs and the chown that gives it back, not "No such file"."""
    home = open_dir / "lib"
    Store(home).close()
    _chown_all(home, NOBODY)
    for n in range(256):  # every folder a value file may go under: root's, as root's run left it
        (home / "articles" / f"{n:02x}").mkdir(mode=0o755)
    with _as_user(NOBODY):
        refused = _large_article_refused(home)
    said = str(refused)
    assert said.startswith(f"cannot write in the data directory {home}: {home}/articles/")
    assert said.endswith(
        f" is root's, not yours (nobody): `sudo chown -R nobody: {home}` gives it back"
    )
    assert refused.unwritable is None and failure_status(refused) == 1


def test_a_full_disk_met_writing_an_articles_own_file_is_a_full_disk(
    tiny_disk: Path,  # noqa: F811
) -> None:
    home = tiny_disk / "home"
    Store(home).close()
    filler = tiny_disk / "filler"
    with filler.open("wb") as file:  # the disk full but for room for SQLite's small writes
        free = os.statvfs(tiny_disk).f_bavail * os.statvfs(tiny_disk).f_frsize
        file.write(b"\0" * (free - 256 * 1024))
    refused = _large_article_refused(home)
    assert refused.unwritable == Unwritable.DISK_FULL
    assert str(refused) == (
        f"the disk holding {home} is full (or failing): nothing more could be kept,"
        " nothing kept before was lost"
    )
    assert failure_status(refused) == 75  # EX_TEMPFAIL, as README's Exit status says


def test_a_library_whose_files_are_anothers_reads_and_says_whose(
    open_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Restored by root (its folder given back, not its files): list and show read it, and one
    line says why nothing is kept and the chown that mends it (acc43b B9: "read-only: reading
    works", then every command failed)."""
    from reader.cli import main

    home = open_dir / "lib"
    server = start_demo_server()
    try:
        assert reader(home, "add", server.feed_urls[1]).returncode == 0
        assert reader(home, "sync").returncode == 0
    finally:
        server.stop()
    listing = reader(home, "list", "--json").stdout
    url, title = json.loads(listing)[0]["link"], json.loads(listing)[0]["title"]
    # Run once as root on a copy: the modules the commands import as they go are read while
    # they can be (Python's own files are root's alone here, not the user's to read).
    shutil.copytree(home, open_dir / "copy")
    main(["--data-dir", str(open_dir / "copy"), "list", "--json"])
    os.chown(home, NOBODY, NOBODY)  # the folder given back; its files still root's
    before = sorted((str(p), p.stat().st_mtime_ns) for p in home.rglob("*"))
    capsys.readouterr()
    with _as_user(NOBODY):
        listed = main(["--data-dir", str(home), "list", "--json"])
        listed_out = capsys.readouterr()
        marking = main(["--data-dir", str(home), "mark-read"])
        marking_out = capsys.readouterr()
        store = Store(home)  # an article read as `show` reads it (its workers are Python's own)
        try:
            kept = store.article(url)
        finally:
            store.close()
    assert listed == 0 and listed_out.out == listing, listed_out.err
    assert kept is not None and kept.title == title
    assert listed_out.err == (
        f"reader: {home}/articles and {len(before) - 1} more here are root's, not yours (nobody):"
        " what is cached reads, nothing new is kept (marks, places, articles);"
        f" `sudo chown -R nobody: {home}` gives them back\n"
    )
    assert sorted((str(p), p.stat().st_mtime_ns) for p in home.rglob("*")) == before
    # A change refused in the same one line, as a read-only directory's (exit 1).
    assert marking == 1 and marking_out.err == listed_out.err


def test_a_data_directory_linked_to_nothing_says_so(tmp_path: Path) -> None:
    """A link into a disk not mounted: said so, not "File exists" (acc43b B4); nothing made."""
    link = tmp_path / "library"
    link.symlink_to(tmp_path / "mnt" / "data")
    for command in (["list"], ["add", "http://127.0.0.1:9/feed.xml"], ["sync"]):
        result = reader(link, *command)
        assert result.returncode == 1 and result.stderr == (
            f"reader: the data directory {link} is a link to {tmp_path}/mnt/data, which isn't"
            " there (a disk not mounted?)\n"
        )
    assert sorted(tmp_path.iterdir()) == [link]


def _reader_at(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`reader --data-dir ROOT ARGS`, ROOT left as it is (the tests' helper makes a library)."""
    command = [sys.executable, "-m", "reader", "--data-dir", str(root), *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def _path_of(base: Path, size: int, letter: str) -> Path:
    """A path under `base` of `size` bytes, in folders of 50 letters (a name takes 255 at most)."""
    path = base
    while (left := size - len(os.fsencode(str(path))) - 1) > 0:
        path /= letter * min(50, left)
    assert len(os.fsencode(str(path))) == size
    return path


def test_a_data_directory_path_too_long_for_sqlite_says_so_and_makes_nothing(
    tmp_path: Path,
) -> None:
    """acc43b B5: past SQLite's 512 bytes the reader said "unable to open database file",
    leaving a config, a lock and an empty state/ behind; just inside it, it works."""
    fits = _path_of(tmp_path, 486, "f")
    assert _reader_at(fits, "add", "http://127.0.0.1:9/feed.xml").returncode == 1  # no answer
    assert (fits / "state" / "cache.db").exists()  # a library made: its path fits
    long = _path_of(tmp_path, 487, "l")
    result = _reader_at(long, "add", "http://127.0.0.1:9/feed.xml")
    assert result.returncode == 1 and result.stderr == (
        "reader: the data directory's path is 487 bytes, too long: SQLite opens files whose path"
        " is 512 bytes at most, which leaves 486 for the directory's: choose a shorter one\n"
    )
    assert not long.exists()


def test_cache_json_of_a_data_directory_named_in_no_utf8_is_utf8_json(tmp_path: Path) -> None:
    """acc43b B16: the path's own bytes were written into the JSON, which no reader took."""
    home = Path(os.fsdecode(os.fsencode(str(tmp_path)) + b"/caf\xe9-\xff"))
    server = start_demo_server()
    try:
        assert _reader_at(home, "add", server.feed_urls[1]).returncode == 0
    finally:
        server.stop()
    command = [sys.executable, "-m", "reader", "--data-dir", str(home), "cache", "--json"]
    result = subprocess.run(command, capture_output=True, check=False)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.decode("utf-8"))  # strict: UTF-8 throughout
    assert shown["data_dir"] == str(home)  # its bytes, escaped: `os.fsencode` gives them back
