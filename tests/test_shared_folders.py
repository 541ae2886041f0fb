"""A library on a shared server (acc52b): a config another account could write or put in place
is never read, its `[[command]]`s never run (acc52b-1); a data directory others may read is
said; another's library is named as theirs, no chown of it advised. The tests run as root, as
CI does: another account's files are `chown`ed to nobody, a group's folder given to nogroup."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_cli import reader
from test_library_owners import _as_user, _chown_all

from reader.config import ConfigError, config_there
from reader.models import StoreError
from reader.store import Store
from reader.store.ownership import home_of_another, refused_write

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


def _own_run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`reader ARGS` on the library `home` in a process of its own: what a command says of its
    config and library once a process (`config_of`) is said again."""
    env = {**os.environ, "READER_HOME": str(home)}
    env.pop("READER_CONFIG", None)
    command = [sys.executable, "-m", "reader", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True)


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


def test_a_data_directory_others_may_read_is_said(group_folder: Path, synced_dir: Path) -> None:
    """Another user read the student's feeds, articles and marks in a 0755 library, and the
    student was never told (acc52b-1). One no one else can reach (under a folder of 0700) is
    not said."""
    home = _library(group_folder, synced_dir)
    for mode, who in ((0o750, "the group nogroup"), (0o755, "every user")):
        home.chmod(mode)
        listed = _own_run(home, "list")
        assert listed.returncode == 0, listed.stderr
        assert listed.stderr == (
            f"reader: warning: the data directory {home} can be read by {who}: what you"
            " read, mark and note there, and the feeds' passwords, are theirs to read:"
            f" `chmod go-rwx {home}`\n"
        )
        assert _own_run(home, "export", "-q").stderr == ""  # cron's mail: not each hour
    home.chmod(0o700)
    assert _own_run(home, "list").stderr == ""
    synced_dir.chmod(0o755)  # in pytest's folder, root's alone (0700)
    assert _own_run(synced_dir, "list").stderr == ""


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


def test_the_lock_files_are_the_users_alone_and_another_holder_is_named(
    group_folder: Path, synced_dir: Path
) -> None:
    """Another user who could read the library held its sync.lock (0644: `flock` takes a
    read-only descriptor), and every sync of the owner's blamed "another sync (pid …)", the
    stale pid of its own earlier sync (acc52b-5): the lock files are 0600, an older one made so
    at its next use, and a holder that is not a sync is named with its owner."""
    home = _library(group_folder, synced_dir)
    home.chmod(0o755)
    assert reader(home, "sync", "-q", "--no-articles").returncode == 0
    for name in ("sync.lock", "in-use.lock"):
        assert stat.S_IMODE((home / name).stat().st_mode) == 0o600, name
    lock = home / "sync.lock"
    lock.chmod(0o644)  # as an older reader left it
    holding = subprocess.Popen(
        ["flock", "-x", str(lock), "sleep", "60"], user=NOBODY, stdout=subprocess.PIPE
    )
    try:
        while f" {holding.pid} " not in Path("/proc/locks").read_text():
            if holding.poll() is not None:
                pytest.fail("flock ended")
        refused = reader(home, "sync", "-q", "--no-articles", "--wait", "0")
    finally:
        holding.kill()
        holding.wait()
    assert refused.returncode == 75
    assert refused.stderr.startswith(
        f"reader: a process of nobody's (pid {holding.pid}) has run for "
    ), refused.stderr
    assert stat.S_IMODE(lock.stat().st_mode) == 0o600


def test_root_with_a_users_home_makes_nothing_there(group_folder: Path) -> None:
    """`sudo -E reader add …` with a user's HOME where no library was yet made root's
    ~/.config and ~/.local/share there, and the user's every run then failed (acc52b-3): it is
    refused as for a library there, before anything is made, the home's owner named."""
    home = group_folder / "teacher"
    home.mkdir()
    os.chown(home, NOBODY, NOGROUP)
    env = {**os.environ, "HOME": str(home)}
    for name in ("READER_HOME", "READER_CONFIG", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        env.pop(name, None)
    for command, what, made in (
        ("feeds", "the data directory", ".local/share/reader-tui"),
        ("config", "the config's folder", ".config/reader-tui"),
    ):
        ran = subprocess.run(
            [sys.executable, "-m", "reader", command], env=env, capture_output=True, text=True
        )
        assert ran.returncode == 1
        assert ran.stderr == (
            f"reader: {what} {home}/{made} would be made in {home}, nobody's: what a run as root"
            " wrote there would no longer be nobody's to write: run the reader as nobody"
            " (sudo -u nobody reader …); nothing was changed\n"
        )
    assert list(home.iterdir()) == []


def test_the_users_own_run_names_roots_folders_and_the_fix(group_folder: Path) -> None:
    """After root's run, the user's were "can't be looked in (permission denied)" and a bare
    "[Errno 13]" (acc52b-3): the folder is named root's, with the chown that gives it back."""
    home = group_folder / "teacher"
    (home / "config").mkdir(parents=True, mode=0o700)
    (home / "data" / "state").mkdir(parents=True, mode=0o700)
    os.chown(home, NOBODY, NOGROUP)
    (home / "data").chmod(0o700)
    with _as_user(NOBODY):
        with pytest.raises(ConfigError) as config_refused:
            config_there(home / "config" / "config.toml")
        with pytest.raises(StoreError) as store_refused:
            Store(home / "data").close()
    assert str(config_refused.value) == (
        f"cannot read config {home}/config/config.toml: its folder {home}/config can't be looked"
        f" in (permission denied): {home}/config is root's, not yours (nobody):"
        f" `sudo chown -R nobody: {home}/config` gives it back"
    )
    assert str(store_refused.value) == (
        f"cannot open the data directory {home}/data: {home}/data is root's, not yours (nobody):"
        f" `sudo chown -R nobody: {home}/data` gives it back"
    )


def test_a_home_of_another_account_is_said_with_su_dash(
    group_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`su -m teacher -c 'reader list'` kept root's HOME and said a bare "Permission denied:
    /root/.local/share/reader-tui" (acc52b-7): the HOME is named another account's, and `su -`
    given. A library chosen outside that HOME is the user's affair, run as ever."""
    monkeypatch.setenv("HOME", str(group_folder))  # root's
    inside = group_folder / ".local" / "share" / "reader-tui"
    with _as_user(NOBODY):
        said = home_of_another(group_folder / ".config" / "reader-tui" / "config.toml", inside)
        elsewhere = home_of_another(Path("/srv/theirs/config.toml"), Path("/srv/theirs"))
    assert said == (
        f"HOME is {group_folder}, root's, not yours (nobody): `su -m` and `sudo -E` keep the HOME"
        " of the account they were run from; run the reader with your own: `su - nobody`,"
        " `sudo -i -u nobody`"
    )
    assert elsewhere == ""
    assert home_of_another(inside) == ""  # root's own run
