"""A library and a config left where the reader kept them before XDG_DATA_HOME (XDG_CONFIG_HOME)
was set, an admin's profile having set it later (acc43b B12): the reader opened a new empty
library, said nothing of the full one, and cron's `reader sync` "succeeded" on no feeds. Now
the commands and the reader's first screen name the one left behind, with the `--data-dir`
that reads it."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.config import DEFAULT_CONFIG_TEXT, WRITTEN_CONFIG_TEXT
from reader.demo.server import DemoServer
from reader.library import Library
from reader.store import Store
from tests.tui_pilot import status, until


def _reader(home: Path, *args: str, xdg: bool = True) -> subprocess.CompletedProcess[str]:
    """`reader ARGS` as the user `home` runs it, with no --data-dir or READER_HOME: the data
    directory and config by platformdirs' rule, XDG_DATA_HOME and XDG_CONFIG_HOME set (`xdg`)
    to folders under `home` as an admin's profile sets them."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("READER_HOME", "READER_CONFIG", "XDG_DATA_HOME", "XDG_CONFIG_HOME")
    }
    env["HOME"] = str(home)
    if xdg:
        env.update(XDG_DATA_HOME=str(home / "xdg-data"), XDG_CONFIG_HOME=str(home / "xdg-config"))
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def _left_behind(home: Path, demo_server: DemoServer) -> Path:
    """A library with a feed in ~/.local/share/reader-tui, where the reader kept it with no
    XDG_DATA_HOME."""
    old = home / ".local" / "share" / "reader-tui"
    added = _reader(home, "add", demo_server.feed_urls[0], xdg=False)
    assert added.returncode == 0, added.stderr
    assert (old / "state" / "cache.db").is_file()
    return old


def test_no_library_where_xdg_data_home_points_names_the_one_left_behind(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    old = _left_behind(tmp_path, demo_server)
    new = tmp_path / "xdg-data" / "reader-tui"
    done = _reader(tmp_path, "sync", "-q")
    assert done.returncode == 1
    assert f"no library at {new}: a library is at {old}" in done.stderr
    assert f"`reader --data-dir {old}` reads it" in done.stderr
    assert f"`mv {old} {new}`" in done.stderr  # not there yet: a mv puts it there
    assert not new.exists()


def test_a_cron_sync_of_an_empty_library_beside_the_full_one_fails_saying_where_it_is(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    """The reader's first start under the new variable made an empty library there: a sync
    of its no feeds was exit 0, and silent with -q."""
    old = _left_behind(tmp_path, demo_server)
    new = tmp_path / "xdg-data" / "reader-tui"
    Store(new).close()  # what the reader's first start there left
    synced = _reader(tmp_path, "sync", "-q")
    assert synced.returncode == 1
    assert f"the library in {new} has no feeds; a library is at {old}" in synced.stderr
    assert "synced" not in synced.stderr
    listed = _reader(tmp_path, "list")
    assert listed.returncode == 0 and listed.stdout == ""
    assert f"no headlines here; a library is at {old}" in listed.stderr
    # The one left behind, read as the line says.
    there = _reader(tmp_path, "--data-dir", str(old), "list", "--ids")
    assert there.returncode == 0 and there.stdout.strip()
    assert "a library is at" not in there.stderr


def test_a_library_with_feeds_where_xdg_data_home_points_says_nothing_of_the_other(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    """The user's choice made: feeds added in the new place, the old one is theirs to keep."""
    _left_behind(tmp_path, demo_server)
    added = _reader(tmp_path, "add", demo_server.feed_urls[1])
    assert added.returncode == 0, added.stderr
    synced = _reader(tmp_path, "sync", "-q", "--no-articles")
    assert synced.returncode == 0 and synced.stderr == ""


def test_without_xdg_data_home_the_default_place_is_read_and_nothing_said(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    _left_behind(tmp_path, demo_server)
    listed = _reader(tmp_path, "list", "--ids", xdg=False)
    assert listed.returncode == 0 and listed.stdout.strip() and listed.stderr == ""


def test_a_config_of_ones_own_left_behind_is_named_over_the_defaults_in_use(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    _left_behind(tmp_path, demo_server)
    mine = tmp_path / ".config" / "reader-tui" / "config.toml"
    mine.write_text(DEFAULT_CONFIG_TEXT + '\n[ui]\ntheme = "light"\n', encoding="utf-8")
    Store(tmp_path / "xdg-data" / "reader-tui").close()
    listed = _reader(tmp_path, "list")
    in_use = tmp_path / "xdg-config" / "reader-tui" / "config.toml"
    assert in_use.read_text(encoding="utf-8") == WRITTEN_CONFIG_TEXT  # made, as it was
    said = [line for line in listed.stderr.splitlines() if "config file in use" in line]
    assert said == [
        f"reader: the config file in use, {in_use}, holds only the defaults; yours is at"
        f" {mine}, where the reader read it before XDG_CONFIG_HOME was set: `reader --config"
        f" {mine}` reads it, or `mv {mine} {in_use}` puts it where the reader looks now"
    ]
    # A file an older reader wrote, every setting live, holds only the defaults too.
    in_use.write_text(DEFAULT_CONFIG_TEXT, encoding="utf-8")
    assert "holds only the defaults" in _reader(tmp_path, "list").stderr
    # Settings of its own in the new place too: the user's choice, nothing said.
    own = WRITTEN_CONFIG_TEXT.replace("# max_items = 0", "max_items = 50")
    in_use.write_text(own, encoding="utf-8")
    listed = _reader(tmp_path, "list")
    assert listed.returncode == 0 and "config file in use" not in listed.stderr


def test_the_readers_first_screen_names_the_library_left_behind(
    tmp_path: Path, demo_server: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = _left_behind(tmp_path, demo_server)
    new = tmp_path / "xdg-data" / "reader-tui"
    Library(new).close()
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    from reader.ui.app import ReaderApp

    async def run() -> str:
        app = ReaderApp(new, refresh_on_start=False)
        async with app.run_test(size=(250, 30)) as pilot:
            await until(pilot, lambda: "No feeds" in status(app), "the first screen's note")
            return status(app)

    shown = asyncio.run(run())
    assert shown.startswith(f"No feeds here: a library is at {old}"), shown
    assert f"`reader --data-dir {old}` reads it" in shown
