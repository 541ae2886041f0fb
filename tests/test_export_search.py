"""`reader export --search WORDS`: the articles `reader list --search WORDS` lists with the same
choices (the pipe `list --search --ids | export -` stood in for it), a book titled by the words.
The demo's synced library, the CLI as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_run import run_reader


def _ids(data: Path, *choice: str) -> list[str]:
    listed = run_reader(data, "list", *choice, "--ids")
    return listed.stdout.split()


def _exported(data: Path, out: Path, *choice: str, ids: list[str] | None = None) -> list[str]:
    """The ids of what `reader export --format json` CHOICE writes; given `ids`, of those piped
    in (`reader list … --ids | reader export -`)."""
    piped = "\n".join(ids).encode() + b"\n" if ids is not None else None
    done = run_reader(data, "export", "--format", "json", "-o", str(out), *choice, stdin=piped)
    assert done.returncode == 0, done.stderr
    return [item["id"] for item in json.loads(out.read_text(encoding="utf-8"))]


def test_export_search_takes_what_list_search_finds_with_the_same_choices(
    synced_dir: Path, tmp_path: Path
) -> None:
    found = _ids(synced_dir, "--search", "council")
    assert found, "the demo's articles hold the word"
    # What the pipe gave: those cached (an article not cached is left out, counted).
    piped = _exported(synced_dir, tmp_path / "p.json", "-", ids=found)
    assert piped and _exported(synced_dir, tmp_path / "a.json", "--search", "council") == piped
    first = json.loads(run_reader(synced_dir, "list", "--json").stdout)
    feed = next(h["feed_title"] for h in first if h["id"] == found[0])
    narrowed = _ids(synced_dir, "--search", "council", "--feed", feed)
    assert narrowed and len(narrowed) <= len(found)
    by_feed = _exported(synced_dir, tmp_path / "b.json", "--search", "council", "--feed", feed)
    assert by_feed == _exported(synced_dir, tmp_path / "q.json", "-", ids=narrowed)
    assert set(by_feed) < set(piped)
    book = tmp_path / "council.md"
    done = run_reader(
        synced_dir, "export", "--search", "council", "--format", "markdown", "-o", str(book)
    )
    assert done.returncode == 0, done.stderr
    assert book.read_text(encoding="utf-8").startswith('# Articles holding "council", ')
    none = run_reader(synced_dir, "export", "--search", "zzqqxx", "--format", "markdown")
    assert none.returncode == 1 and "zzqqxx" in none.stderr and none.stdout == ""
    refused = run_reader(synced_dir, "export", "--search", "council")  # OPML: the feeds
    assert refused.returncode == 2 and "--search chooses articles" in refused.stderr
