"""A prune's own `--max-size` or `--older-than` lasts only until the next sync, which fetches
every article its feeds still list: the prune says so, with the setting that keeps the cache at
that size (acc39b Q5: 1,918 evicted, 1,914 back at the next sync, unannounced). Real parts: the
demo site on 127.0.0.1, a synced data directory, the CLI's entry point."""

from __future__ import annotations

import json
import re
from pathlib import Path

from test_cli import reader


def cached(directory: Path) -> int:
    done = reader(directory, "list", "--json")
    assert done.returncode == 0, done.stderr
    return sum(item["cached"] for item in json.loads(done.stdout))


def test_a_prune_says_the_next_sync_fetches_them_again_and_it_does(synced_dir: Path) -> None:
    before = cached(synced_dir)
    pruned = reader(synced_dir, "cache", "prune", "--max-size", "1KB")
    assert pruned.returncode == 0, pruned.stderr
    evicted = int(re.search(r"evicted (\d+) articles", pruned.stdout)[1])
    assert evicted == before  # nothing saved: every one went
    assert (
        "all of them still listed by their feeds: the next sync fetches them again (set [cache]"
        ' max_size = "1KB" in the config to keep the cache at this size)' in pruned.stdout
    )
    assert "a `cache prune --max-size`" in reader(synced_dir, "cache").stdout
    assert reader(synced_dir, "sync", "-q").returncode == 0
    assert cached(synced_dir) == before  # as said


def test_no_such_line_when_the_config_keeps_the_cache_there(synced_dir: Path) -> None:
    (synced_dir / "config.toml").write_text('[cache]\nmax_size = "1KB"\n', encoding="utf-8")
    pruned = reader(synced_dir, "cache", "prune", "--max-size", "1KB")
    assert pruned.returncode == 0 and "evicted" in pruned.stdout
    assert "next sync" not in pruned.stdout
    assert "the cache is full (max_size 1.0 KB)" in reader(synced_dir, "cache").stdout


def test_an_age_prune_says_it_too(synced_dir: Path) -> None:
    pruned = reader(synced_dir, "cache", "prune", "--older-than", "0s", "--dry-run")
    assert pruned.returncode == 0, pruned.stderr
    assert (
        "all of them still listed by their feeds: the next sync would fetch them again if it"
        " has room (`--headlines-older-than` drops old read headlines" in pruned.stdout
    )
