"""A library on a shared server (acc52b): a config another account could write or put in place
is never read, its `[[command]]`s never run (acc52b-1); a data directory others may read is
said; another's library is named as theirs, no chown of it advised. The tests run as root, as
CI does: another account's files are `chown`ed to nobody, a group's folder given to nogroup."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_cli import reader
from test_library_owners import _as_user, _chown_all

from reader.store.ownership import refused_write

NOBODY = NOGROUP = 65534

COMMAND = """[[command]]
key = "x"
name = "word count"
run = ["/usr/bin/touch", "{mark}"]
"""


@pytest.fixture
def group_folder() -> Iterator[Path]:
    """A folder a group may write (2775), as a class's shared folder on a university server;
    reachable by other accounts (pytest's own folders are root's alone, 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="reader-group-"))
    os.chown(folder, -1, NOGROUP)
    folder.chmod(0o2775)
    yield folder
    shutil.rmtree(folder)


def _library(folder: Path, synced_dir: Path) -> Path:
    home = folder / "shared-s1"
    shutil.copytree(synced_dir, home)
    os.chown(home, -1, NOGROUP)
    home.chmod(0o2775)
    return home


def test_a_config_the_group_may_change_is_not_read(group_folder: Path, synced_dir: Path) -> None:
    """Another student replaced the config in the group's folder, and her `[[command]]` ran as
    its owner, with no warning (acc52b-1): a config whose folder the group may write is not
    read (exit 78, the config's status), and none is made there."""
    home = _library(group_folder, synced_dir)
    (home / "config.toml").unlink(missing_ok=True)
    listed = reader(home, "list")
    assert listed.returncode == 0, listed.stderr
    assert not (home / "config.toml").exists()  # none made where it would not be read
    assert (
        f"reader: warning: no config is made or read in {home}: it can be changed by the group"
        f" nogroup, and the reader runs a config's [[command]]s as you: `chmod g-w,o-w {home}`\n"
    ) in listed.stderr
    (home / "config.toml").write_text(COMMAND.format(mark=group_folder / "ran"))
    refused = reader(home, "list")
    assert refused.returncode == 78
    assert refused.stderr == (
        f"reader: the config {home}/config.toml is not read: its folder {home} can be changed by"
        " the group nogroup, and the reader runs a config's [[command]]s as you:"
        f" `chmod g-w,o-w {home}`\n"
    )
    home.chmod(0o700)  # the fix said
    assert reader(home, "list").returncode == 0


def test_a_config_another_user_put_in_place_is_not_read(synced_dir: Path) -> None:
    """The config another account owns (put in place by it) is refused, naming its owner."""
    config = synced_dir / "config.toml"
    config.write_text(COMMAND.format(mark=synced_dir / "ran"))
    os.chown(config, NOBODY, NOGROUP)
    refused = reader(synced_dir, "list")
    assert refused.returncode == 78
    assert refused.stderr == (
        f"reader: the config {config} is not read: it is nobody's, not yours (root), and the"
        f" reader runs a config's [[command]]s as you: see what it holds, then `rm {config}`:"
        " one of yours is made\n"
    )
    os.chown(config, 0, 0)  # root's own is trusted, as ssh and git trust it
    assert reader(synced_dir, "list").returncode == 0


def test_a_data_directory_others_may_read_is_said(synced_dir: Path) -> None:
    """Another user read the student's feeds, articles and marks in a 0755 library, and the
    student was never told (acc52b-1)."""
    synced_dir.chmod(0o755)
    listed = reader(synced_dir, "list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stderr == (
        f"reader: warning: the data directory {synced_dir} can be read by every user: what you"
        " read, mark and note there, and the feeds' passwords, are theirs to read:"
        f" `chmod go-rwx {synced_dir}`\n"
    )
    synced_dir.chmod(0o700)
    assert reader(synced_dir, "list").stderr == ""


def test_another_users_library_is_named_theirs_with_no_chown_of_it(
    group_folder: Path, synced_dir: Path
) -> None:
    """s2 writing in s1's library was told `sudo chown -R s2: …`, advice to take it over
    (acc52b-1): the library is named as its owner's, and no chown is advised."""
    home = _library(group_folder, synced_dir)
    _chown_all(home, 0)
    home.chmod(0o755)
    os.chown(home, 1, 1)  # daemon's library; nobody writes in it
    with _as_user(NOBODY):
        try:
            (home / "state" / "x").write_text("")
        except OSError as error:
            said = refused_write(home, error)
    assert said == (
        f"the data directory {home} is daemon's, not yours (nobody): what is kept there is"
        " daemon's to change; keep a library of yours (--data-dir)"
    )
