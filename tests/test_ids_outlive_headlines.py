"""The id a story was listed under keeps meaning it once no feed lists it (its headline dropped
as old and read, past the entries its feed keeps, or its feed removed), for as long as its
article is cached: `reader list --search` and the saved list give it under that id, `reader
show` finds it by it, and a story read is not listed unread again (tester A24)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

import reader.store.feeds as store_feeds
from reader.cli import main
from reader.keys import article_key
from reader.library import Library
from reader.store import Store
from tests.served_feed import serve_stories

STORIES = [
    ("Harbour dredging contract goes to a local firm", 8),
    ("Dredging spoil to rebuild the salt marsh", 9),
    ("Ferry timetable changes for the winter", 10),
]


def run(directory: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    capsys.readouterr()
    status = main(["--data-dir", str(directory), *argv])
    return status, capsys.readouterr().out


def listed(directory: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, dict]:
    """The headlines `reader list ARGV --json` gives, by title (a search finding none fails,
    as grep does)."""
    status, out = run(directory, capsys, "list", "--json", *argv)
    found = {h["title"]: h for h in json.loads(out)}
    assert status == 0  # a search finding none too: nothing matched is no failure
    return found


def synced(directory: Path, capsys: pytest.CaptureFixture[str], feed: str) -> dict[str, dict]:
    """Subscribed to `feed` and synced, the first two stories read: its headlines by title."""
    assert run(directory, capsys, "add", feed)[0] == 0
    assert run(directory, capsys, "sync")[0] == 0
    before = listed(directory, capsys)
    store = Store(directory)
    try:
        store.set_read_many(feed, [before[t]["id"] for t, _ in STORIES[:2]], True)
    finally:
        store.close()
    return listed(directory, capsys)


def same_ids_and_marks(
    directory: Path, capsys: pytest.CaptureFixture[str], before: dict[str, dict], *titles: str
) -> None:
    """The stories `titles`, no feed listing them, are found by search under the ids their
    headlines had, read as they were; and shown by those ids."""
    found = listed(directory, capsys, "--search", "dredging")
    assert {t: (h["id"], h["read"], h["feed"]) for t, h in found.items()} == {
        t: (before[t]["id"], before[t]["read"], None) for t in titles
    }
    unread = listed(directory, capsys, "--search", "dredging", "--unread")
    assert [t for t in unread] == [t for t in titles if not before[t]["read"]]
    for title in titles:
        status, out = run(directory, capsys, "show", "--offline", before[title]["id"])
        assert status == 0 and title in out


def test_a_dropped_headline_s_story_keeps_its_id_and_stays_read(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = serve_stories(httpserver, "Harbour Gazette", STORIES)
    before = synced(data_dir, capsys, feed)
    assert run(data_dir, capsys, "cache", "prune", "--headlines-older-than", "2026-11-25")[0] == 0
    assert set(listed(data_dir, capsys)) == {STORIES[2][0]}
    same_ids_and_marks(data_dir, capsys, before, STORIES[0][0], STORIES[1][0])

    # Marked unread by that id, it is listed unread, still under it.
    dredging = before[STORIES[0][0]]["id"]
    lib = Library(data_dir)
    try:
        entry = lib.resolve(dredging)
        assert not isinstance(entry, str) and entry.id == dredging
        lib.mark_read(entry, False)
    finally:
        lib.close()
    unread = listed(data_dir, capsys, "--search", "dredging", "--unread")
    assert [h["id"] for h in unread.values()] == [dredging]

    # Its article evicted, the id goes with it: one line saying the headline was dropped.
    store = Store(data_dir)
    try:
        store.delete_article(article_key(before[STORIES[0][0]]["link"]))
        assert store.shown_ids().keys() == {article_key(before[STORIES[1][0]]["link"])}
    finally:
        store.close()
    assert main(["--data-dir", str(data_dir), "show", "--offline", dredging]) == 1
    assert "was dropped as old and read" in capsys.readouterr().err


def test_a_removed_feed_s_stories_keep_their_ids_and_marks(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stories = [*STORIES, ("Dredging barge runs aground at low tide", 11)]
    feed = serve_stories(httpserver, "Harbour Gazette", stories)
    before = synced(data_dir, capsys, feed)
    barge = before[stories[3][0]]
    assert run(data_dir, capsys, "save", barge["id"])[0] == 0
    assert run(data_dir, capsys, "remove", feed)[0] == 0
    assert listed(data_dir, capsys) == {}
    same_ids_and_marks(data_dir, capsys, before, *(t for t, _ in stories if "redging" in t))
    # Saved, it is listed under its id among the saved ones too.
    assert [h["id"] for h in listed(data_dir, capsys, "--saved").values()] == [barge["id"]]


def test_stories_past_the_entries_a_feed_keeps_keep_their_ids_and_marks(
    httpserver: HTTPServer,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(store_feeds, "MAX_ENTRIES_PER_FEED", 3)
    feed = serve_stories(httpserver, "Harbour Gazette", STORIES)
    before = synced(data_dir, capsys, feed)
    # Three newer stories: the feed's first two go past the three entries kept.
    httpserver.clear()
    serve_stories(
        httpserver,
        "Harbour Gazette",
        [*STORIES, ("Lifeboat day", 12), ("Pier lights", 13), ("Fish market hours", 14)],
    )
    assert run(data_dir, capsys, "sync", "--no-articles")[0] == 0
    assert STORIES[0][0] not in listed(data_dir, capsys)
    same_ids_and_marks(data_dir, capsys, before, STORIES[0][0], STORIES[1][0])
