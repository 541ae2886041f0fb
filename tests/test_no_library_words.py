"""The line a command says where no library is names what starts one (acc44a A17): "`reader
demo` starts one" sent a newcomer to `reader demo`, which ran in a throwaway directory and left
the same line at the next `reader sync`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent


def reader_in(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`reader ARGS` as a newcomer runs it: a fresh home, no READER_HOME nor --data-dir."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("READER_HOME", "READER_CONFIG", "XDG_DATA_HOME", "XDG_CONFIG_HOME")
    }
    # This checkout's reader, run from the home as the user runs it (cwd: the home).
    env |= {"HOME": str(home), "PYTHONIOENCODING": "utf-8", "PYTHONPATH": str(CHECKOUT)}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=home,
    )


def test_no_library_says_add_or_import_starts_one_and_demo_only_tries_the_reader(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    synced = reader_in(home, "sync")
    assert synced.returncode == 1
    said = synced.stderr.strip()
    assert said.startswith("reader: no library at ")
    assert "`reader add URL` or `reader import FILE` starts one" in said
    assert "`reader demo` tries the reader on a sample site, in a throwaway directory" in said
    assert "demo` starts" not in said
    assert not (home / ".local" / "share" / "reader-tui").exists()


def test_a_directory_named_says_the_demo_starts_one_there(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    chosen = tmp_path / "library"
    listed = reader_in(home, "--data-dir", str(chosen), "list")
    assert listed.returncode == 1
    assert listed.stderr == (
        f"reader: no library at {chosen}: `reader add URL` or `reader import FILE` starts one"
        " (`reader --data-dir DIR demo`: one of a sample site's feeds)\n"
    )
