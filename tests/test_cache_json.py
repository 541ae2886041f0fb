"""`reader cache --json` and `reader cache prune --json`: what the cache holds, and what a prune
evicted and dropped (or, with --dry-run, would), by the key names README gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.test_headline_retention import STORIES, listed, mark_read, run, serve


def printed(directory: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    capsys.readouterr()
    assert run(directory, *argv) == 0
    return json.loads(capsys.readouterr().out)


def test_cache_json_says_what_it_holds(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert printed(data_dir, capsys, "cache", "--json")["articles"] == 0
    assert run(data_dir, "add", serve(httpserver, STORIES)) == 0
    assert run(data_dir, "sync") == 0
    (data_dir / "config.toml").write_text(
        '[cache]\nmax_size = "50MB"\n[feeds]\ndrop_read_after = "1y"\n', encoding="utf-8"
    )
    held = printed(data_dir, capsys, "cache", "--json")
    assert set(held) == {
        "data_dir",
        "feeds",
        "headlines",
        "articles",
        "saved",
        "left_out",
        "max_size",
        "drop_read_after",
        "max_items",
        "disk_bytes",
        "search_index_bytes",
        "pictures_bytes",
        "pictures_articles",
        "oldest",
        "newest",
    }
    assert held["data_dir"] == str(data_dir)
    assert (held["feeds"], held["headlines"], held["articles"]) == (1, 7, 7)
    assert (held["saved"], held["left_out"]) == (0, 0)
    assert (held["max_size"], held["drop_read_after"]) == (50 * 1024**2, 365 * 86400)
    assert held["max_items"] is None  # unset: every item a feed carries
    # The sync indexed what it cached: a part of the size on disk.
    assert held["disk_bytes"] > held["search_index_bytes"] > 0
    assert held["oldest"] <= held["newest"] and held["newest"].endswith("+00:00")
    # A file-sync tool's own folder in the directory is not the reader's (acc42b B10).
    kept = data_dir / ".stversions" / "state"
    kept.mkdir(parents=True)
    (kept / "cache~20261206-120000.db").write_bytes(b"\0" * 3_000_000)
    # Not equal: a write-ahead log closed by the time of the second look is gone from it
    # (a CI saw 381,887 then 233,535 bytes). The 3 MB copy is far past that.
    again = printed(data_dir, capsys, "cache", "--json")["disk_bytes"]
    assert again < held["disk_bytes"] + 1_000_000


def test_prune_json_names_what_went_and_a_dry_run_changes_nothing(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = serve(httpserver, STORIES)
    assert run(data_dir, "add", url) == 0
    assert run(data_dir, "sync") == 0
    mark_read(data_dir, capsys, "bridge", "library", "depot")
    before = listed(data_dir, capsys)
    assert run(data_dir, "save", str(before["library"]["id"])) == 0
    prune = ["cache", "prune", "--headlines-older-than", "180d", "--older-than", "0s", "--json"]

    would = printed(data_dir, capsys, *prune, "--dry-run")
    assert would["dry_run"] is True
    assert would["headlines"] == {
        "before": would["headlines"]["before"],
        "dropped": 1,
        "ids": [before["bridge"]["id"]],
        "by_feed": {url: 1},
        "remaining": 6,
        "kept_unread": 2,
        "kept_saved": 1,
    }
    assert would["headlines"]["before"][:10] < before["depot"]["published"][:10]
    links = sorted(str(h["link"]) for s, h in before.items() if s != "library")
    assert would["articles"] == {
        "older_than": 0,
        "max_size": None,
        "evicted": 6,
        "urls": links,
        "freed_bytes": would["articles"]["freed_bytes"],
        "remaining_bytes": would["articles"]["remaining_bytes"],
        "kept_saved": 1,
    }
    assert would["articles"]["freed_bytes"] > would["articles"]["remaining_bytes"] > 0
    assert printed(data_dir, capsys, "cache", "--json")["articles"] == 7
    assert listed(data_dir, capsys).keys() == before.keys()

    done = printed(data_dir, capsys, *prune)
    # "180d" is counted back from each run's own now, to the second: the two runs straddled
    # a second's tick now and then (a later "before"), and the whole answers differed by it.
    assert done["headlines"]["before"] >= would["headlines"]["before"]
    done["headlines"]["before"] = would["headlines"]["before"]
    # The prune done gives the evicted articles' room in the search index back, and says its
    # size after (`test_prune_index`); the dry run changed nothing, so said none.
    assert would["search_index_bytes"] is None and done["search_index_bytes"] > 0
    assert done == {**would, "dry_run": False, "search_index_bytes": done["search_index_bytes"]}
    assert printed(data_dir, capsys, "cache", "--json")["articles"] == 1
    assert set(listed(data_dir, capsys)) == set(before) - {"bridge"}

    # Only what was asked for: articles alone, headlines null.
    alone = printed(data_dir, capsys, "cache", "prune", "--max-size", "1GB", "--json")
    assert alone["headlines"] is None and alone["articles"]["evicted"] == 0
