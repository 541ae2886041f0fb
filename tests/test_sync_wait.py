"""A second `reader sync` waits for the one running at most `--wait` (acc46c F2): unbounded, a
sync stuck (stopped with Ctrl-Z, a suspended terminal) held every later cron run waiting,
silently under `-q`, one more process each period; and each of them, once it ended, asked every
feed again. A real `reader sync` process beside the sync lock held here as another sync holds
it, on a copy of the synced demo library (its site on 127.0.0.1)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from reader.config import ConfigError, load_config
from reader.sync_lock import SYNC_WAIT, SyncLock
from tests.cli_run import library_home, run_reader, started_reader
from tests.conftest import sync_into
from tests.served_feed import own_http_server, serve_one_item, story_page


def _held_since(data_dir: Path, minutes: int) -> SyncLock:
    """The library's sync lock taken here, as a sync that started `minutes` ago holds it."""
    held = SyncLock(data_dir)
    assert held.take()
    then = time.time() - minutes * 60
    os.utime(held.path, (then, then))
    return held


def _beside_a_sync(data_dir: Path, *args: str) -> CompletedProcess[str]:
    """`reader ARGS` run while a sync that started 12 minutes ago holds the library."""
    held = _held_since(data_dir, 12)
    try:
        return run_reader(data_dir, *args)
    finally:
        held.release()


GAVE_UP_AT_ONCE = (
    f"reader: another sync (pid {os.getpid()}) has run for 12 min: not waiting; try again later\n"
)
GAVE_UP_AFTER_1_S = (
    f"reader: another sync (pid {os.getpid()}) has run for 12 min (waited for 1 s): not waiting"
    " longer; try again later\n"
)


def test_a_sync_past_its_wait_exits_75_saying_so_even_quiet(synced_dir: Path) -> None:
    done = _beside_a_sync(synced_dir, "sync", "-q", "--no-articles", "--wait", "1")
    assert (done.returncode, done.stdout, done.stderr) == (75, "", GAVE_UP_AFTER_1_S)


def test_a_sync_told_not_to_wait_gives_up_at_once(synced_dir: Path) -> None:
    done = _beside_a_sync(synced_dir, "sync", "-q", "--wait", "0")
    assert (done.returncode, done.stderr) == (75, GAVE_UP_AT_ONCE)


def test_a_wait_given_no_time_is_bad_usage(synced_dir: Path) -> None:
    done = run_reader(synced_dir, "sync", "--wait", "soon")
    assert done.returncode == 2
    assert "--wait: not a time to wait: 'soon' (90 seconds, 10min, 2h)" in done.stderr


def test_the_feeds_the_sync_waited_for_refreshed_are_not_asked_again(tmp_path: Path) -> None:
    """The sync waited for refreshed the feed (its headlines only, as `--no-articles`): the one
    behind it asks no feed again, and caches the article that sync left."""
    home = tmp_path / "home"
    with own_http_server() as server:
        feed = serve_one_item(server, "Harbour Ledger", "Levy vote delayed", server.url_for("/a"))
        server.expect_request("/a").respond_with_data(
            story_page("Levy vote"), content_type="text/html"
        )
        sync_into(home, [feed], articles=False)
        held = SyncLock(home)
        assert held.take()
        sync = started_reader(home, "sync")
        try:
            assert sync.stderr is not None
            assert "is running: waiting for it" in sync.stderr.readline()
            sync_into(home, [], articles=False)  # the sync it waits for: the feed asked
            held.release()
            assert sync.wait(timeout=120) == 0
            said = sync.stderr.read()
        finally:
            held.release()
            if sync.poll() is None:
                sync.kill()
                sync.wait()
        asked = [request.path for request, _ in server.log]
    assert asked.count("/feed.xml") == 2, asked  # subscribed, then the sync waited for
    assert asked.count("/a") == 1, asked
    assert said.startswith("reader: 1 feed refreshed by that sync meanwhile, not asked again\n")
    assert "1 article cached for offline" in said, said


def test_the_configs_sync_wait_is_how_long_a_sync_waits_and_wait_is_over_it(
    synced_dir: Path,
) -> None:
    """`[system] sync_wait` (acc46c): a cron line with no `--wait` waits as long as the config
    says; `--wait` is over it for one sync."""
    (synced_dir / "config.toml").write_text('[system]\nsync_wait = "1s"\n', encoding="utf-8")
    waited = _beside_a_sync(synced_dir, "sync", "--no-articles")
    assert (waited.returncode, waited.stderr) == (
        75,
        f"reader: another sync (pid {os.getpid()}) is running: waiting for it (1 s at most:"
        " --wait, [system] sync_wait)\n" + GAVE_UP_AFTER_1_S,
    )
    (synced_dir / "config.toml").write_text('[system]\nsync_wait = "2h"\n', encoding="utf-8")
    told = _beside_a_sync(synced_dir, "sync", "-q", "--no-articles", "--wait", "0")
    assert (told.returncode, told.stderr) == (75, GAVE_UP_AT_ONCE)


@pytest.mark.parametrize(
    ("written", "seconds"),
    [
        ("", SYNC_WAIT),
        ('sync_wait = "90s"', 90.0),
        ('sync_wait = "2h"', 7200.0),
        ("sync_wait = 0", 0.0),
    ],
)
def test_the_setting_is_read(tmp_path: Path, written: str, seconds: float) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f"[system]\n{written}\n", encoding="utf-8")
    assert load_config(path).sync_wait == seconds


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("30", 'system.sync_wait = 30 needs its unit, in quotes: sync_wait = "30min"?'),
        ('"soon"', "system.sync_wait must be a time to wait, in quotes"),
        ('"-5min"', "system.sync_wait must be a time to wait, in quotes"),
        ("true", "system.sync_wait must be a time to wait, in quotes"),
    ],
)
def test_a_wrong_sync_wait_is_refused_in_one_line_by_sync(
    tmp_path: Path, written: str, said: str
) -> None:
    data = library_home(tmp_path / "data")
    (data / "config.toml").write_text(f"[system]\nsync_wait = {written}\n", encoding="utf-8")
    done = run_reader(data, "sync")
    assert done.returncode != 0
    assert done.stderr.count("\n") == 1
    assert f"bad setting in {data / 'config.toml'}: {said}" in done.stderr


def test_a_wrong_sync_wait_stops_only_sync(synced_dir: Path) -> None:
    """acc47e E13: "1h30min", a natural spelling, stopped every command (exit 78), `reader list
    --ids` too, though only `sync` reads it: the others run, saying it once."""
    config = synced_dir / "config.toml"
    config.write_text('[system]\nsync_wait = "1h30min"\n', encoding="utf-8")
    listed = run_reader(synced_dir, "list", "--ids")
    assert listed.returncode == 0 and listed.stdout.strip(), listed.stderr
    said = f"bad setting in {config}: system.sync_wait must be a time to wait"
    assert listed.stderr.count("\n") == 1 and said in listed.stderr
    assert "only `reader sync` reads it" in listed.stderr
    synced = run_reader(synced_dir, "sync")
    assert synced.returncode == 78 and said in synced.stderr


def test_reader_config_shows_it_with_its_default(synced_dir: Path) -> None:
    (synced_dir / "config.toml").write_text('[ui]\ntheme = "light"\n', encoding="utf-8")
    shown = run_reader(synced_dir, "config")
    assert shown.returncode == 0
    assert '\nsync_wait = "10min"\n' in shown.stdout


@pytest.mark.parametrize("mistyped", ["sync-wait", "sync_wiat", "Sync_Wait"])
def test_a_mistyped_sync_wait_is_named_with_the_setting_meant(
    tmp_path: Path, mistyped: str
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f'[system]\n{mistyped} = "30min"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert str(raised.value) == (
        f"bad setting in {path}: unknown setting system.{mistyped} (system.sync_wait?)"
    )
