"""A prune is run to give the disk back: the search index's rows of the articles it evicts go
too (acc40c R3: a prune to 1 MB left the index at 1.4 MB, its evicted articles' rows kept until
the next search, their room never returned, the directory at 3.2 times the limit). The demo
site's synced data directory, the prune run as the command a user types."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from test_cli import reader

from reader.plural import size_text
from reader.search_index import INDEX_FILE, index_bytes


def _rows(data_dir: Path) -> tuple[int, int]:
    with sqlite3.connect(data_dir / INDEX_FILE) as db:
        docs = db.execute("SELECT count(*) FROM docs").fetchone()[0]
        bodies = db.execute("SELECT count(*) FROM bodies").fetchone()[0]
    return docs, bodies


def test_a_prune_gives_the_evicted_articles_room_in_the_search_index_back(
    synced_dir: Path,
) -> None:
    before = index_bytes(synced_dir)
    docs, _ = _rows(synced_dir)
    assert before and docs > 20
    dry = reader(synced_dir, "cache", "prune", "--older-than", "0d", "--dry-run")
    assert dry.returncode == 0 and "search index" not in dry.stdout
    assert index_bytes(synced_dir) == before
    pruned = reader(synced_dir, "cache", "prune", "--older-than", "0d")
    assert pruned.returncode == 0, pruned.stderr
    after = index_bytes(synced_dir)
    said = f"search index {size_text(before)} -> {size_text(after)}: the evicted articles'"
    assert said in pruned.stdout
    assert after < before / 2
    assert _rows(synced_dir) == (0, 0)
    # The headlines are still searched, by the index's own tables of their words.
    found = reader(synced_dir, "list", "--search", "ferry")
    assert found.returncode == 0 and "ferry" in found.stdout.casefold()


def test_a_prune_says_the_search_indexs_size_after_it_in_json(synced_dir: Path) -> None:
    pruned = reader(synced_dir, "cache", "prune", "--older-than", "0d", "--json")
    assert pruned.returncode == 0, pruned.stderr
    shown = json.loads(pruned.stdout)
    assert shown["articles"]["evicted"] > 20
    assert shown["search_index_bytes"] == index_bytes(synced_dir)
    untouched = reader(synced_dir, "cache", "prune", "--older-than", "0d", "--json")
    assert json.loads(untouched.stdout)["search_index_bytes"] is None
