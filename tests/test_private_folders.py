"""The folders the reader makes are its user's alone (acc41b B2): the data directory holds what
was read, saved, highlighted and noted (sign-in cookies too), and on a home readable by every
account (many servers' 0755, the umask 022) anyone could read it. A folder already there keeps
the mode its owner gave it."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from tests.cli_run import under_umask_000


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def reader(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`reader ARGS` in a process of its own under umask 022, with `home` as HOME and the
    platform's folders under it (no READER_HOME, no READER_CONFIG: the defaults made)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("READER_HOME", "READER_CONFIG") and not key.startswith("XDG_")
    }
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        env={**env, "HOME": str(home)},
        timeout=120,
        preexec_fn=lambda: os.umask(0o022),
    )


def test_a_new_library_and_its_config_are_made_for_their_user_alone(tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = reader(home, "add", "--keep", "http://127.0.0.1:9/feed.xml")  # nothing answers: kept
    assert "subscribed to http://127.0.0.1:9/feed.xml" in done.stderr, done
    library = home / ".local" / "share" / "reader-tui"
    config = home / ".config" / "reader-tui"
    assert (library / "state").is_dir() and (config / "config.toml").is_file()
    assert mode(library) == 0o700
    assert mode(config) == 0o700
    assert mode(home / ".local" / "share") == 0o755  # its parents as the umask makes them


def test_a_data_directory_named_is_made_alone_and_one_there_is_left_as_it_is(
    tmp_path: Path,
) -> None:
    made = tmp_path / "made" / "library"
    done = reader(tmp_path, "--data-dir", str(made), "add", "--keep", "http://127.0.0.1:9/feed.xml")
    assert "stays subscribed" in done.stderr, done  # exit 1: its first fetch failed
    assert mode(made) == 0o700 and mode(made.parent) == 0o755
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    done = reader(
        tmp_path, "--data-dir", str(shared), "add", "--keep", "http://127.0.0.1:9/feed.xml"
    )
    assert "stays subscribed" in done.stderr, done
    assert mode(shared) == 0o755


def test_the_folder_a_repair_mends_a_cache_in_is_its_user_s_alone(tmp_path: Path) -> None:
    """`reader repair` copies what reads of a damaged cache into a folder beside it: the
    reading history again, in a data directory a user may have made open to all (review41)."""
    from reader.store.salvage import _fresh_folder

    cache = tmp_path / "state"
    cache.mkdir()
    before = os.umask(0o022)
    try:
        fresh = _fresh_folder(cache)
    finally:
        os.umask(before)
    assert fresh.name == "state.repairing"
    assert mode(fresh) == 0o700


def test_under_umask_000_the_folders_made_above_the_library_are_not_everyone_s(
    tmp_path: Path,
) -> None:
    """An `XDG_DATA_HOME` and `XDG_CONFIG_HOME` not there yet were made 0777 under umask 000:
    anyone could rename the 0700 `reader-tui` in them and put their own in its place, a config
    whose `[[command]]`s the reader runs among it (acc51a A11). Files in a folder of the user's
    alone are reached by no one else, whatever their mode."""
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("READER_HOME", "READER_CONFIG")},
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "made" / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "made" / "config"),
    }
    ran = under_umask_000(env, "config")
    assert ran.returncode == 0, ran.stderr
    made = tmp_path / "made"
    assert [mode(made), mode(made / "config")] == [0o755, 0o755]
    assert mode(made / "config" / "reader-tui") == 0o700
    assert mode(made / "config" / "reader-tui" / "config.toml") == 0o644
