"""What was read, for a report (acc34a C2): `reader list --read-since WHEN` and `reader export
--read-since WHEN` choose the articles opened in the reader since then, and `read_at` in JSON
says when; those marked read without being opened (`reader mark-read`, `A`, `C`, newsboat's
marks) are read, and not among them."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.cli_run import run_reader
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
