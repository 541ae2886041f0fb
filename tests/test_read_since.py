"""What was read, for a report (acc34a C2): `reader list --read-since WHEN` and `reader export
--read-since WHEN` choose the articles opened in the reader since then, and `read_at` in JSON
says when; those marked read without being opened (`reader mark-read`, `A`, `C`, newsboat's
marks) are read, and not among them."""

from __future__ import annotations

import asyncio
import json
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.store import Store
from tests.cli_run import run_reader
from tests.test_headline_retention import STORIES, listed, run, serve
from tests.tui_pilot import reading

OPENED = "Council approves"


def _open_one(data: Path) -> None:
    async def run() -> None:
        async with reading(data, OPENED) as (_app, pilot, _body):
            await pilot.press("q")
            await pilot.pause()

    asyncio.run(run())


def test_read_since_lists_and_exports_only_the_articles_opened(synced_dir: Path) -> None:
    assert run_reader(synced_dir, "mark-read").returncode == 0  # every one read, none opened
    started = datetime.now(UTC)
    _open_one(synced_dir)

    every = json.loads(run_reader(synced_dir, "list", "--json").stdout)
    assert len(every) > 3 and all(row["read"] for row in every)
    opened = [row for row in every if row["read_at"] is not None]
    assert [row["title"] for row in opened] == [r["title"] for r in every if OPENED in r["title"]]
    (row,) = opened
    at = datetime.fromisoformat(row["read_at"])
    assert started - timedelta(seconds=2) <= at <= datetime.now(UTC)

    listed = run_reader(synced_dir, "list", "--read-since", "1h", "--json")
    assert [r["id"] for r in json.loads(listed.stdout)] == [row["id"]]
    ids = run_reader(synced_dir, "list", "--read-since", "1h", "--ids").stdout.split()
    assert ids == [row["id"]]
    # A day from now (a date of tomorrow): none read since.
    tomorrow = (datetime.now() + timedelta(days=2)).strftime("%Y-%m-%d")
    assert run_reader(synced_dir, "list", "--read-since", tomorrow, "--ids").stdout.split() == []

    shown = json.loads(run_reader(synced_dir, "show", row["id"], "--format", "json").stdout)
    assert shown["read_at"] == row["read_at"]

    book = run_reader(synced_dir, "export", "--read-since", "1h", "--format", "markdown")
    assert book.returncode == 0, book.stderr
    assert OPENED in book.stdout
    others = [r["title"] for r in every if r["id"] != row["id"] and r["cached"]]
    assert others and not any(title in book.stdout for title in others)


def test_the_times_of_reading_go_with_their_headlines(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A headline retention drops takes its time of reading with it (the feed's record of
    them would grow for good), one kept keeps its own; a feed removed, all of its."""
    url = serve(httpserver, STORIES)
    assert run(data_dir, "add", url) == 0
    assert run(data_dir, "sync", "--no-articles") == 0
    ids = {slug: str(h["id"]) for slug, h in listed(data_dir, capsys).items()}
    store = Store(data_dir)
    try:
        entries = {e.id: e for e in store.entries(url)}
        for slug in ("bridge", "depot"):
            store.set_read(entries[ids[slug]], True, opened_at=time.time())
        assert set(store.opened_at(url)) == {ids["bridge"], ids["depot"]}
    finally:
        store.close()
    assert run(data_dir, "cache", "prune", "--headlines-older-than", "180d") == 0
    store = Store(data_dir)
    try:
        assert set(store.opened_at(url)) == {ids["depot"]}
    finally:
        store.close()
    assert run(data_dir, "remove", url) == 0
    store = Store(data_dir)
    try:
        assert store.opened_at(url) == {}
        assert f"opened:{url}" not in store._state
    finally:
        store.close()
