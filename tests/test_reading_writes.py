"""What reading an article writes to the state's database (acc48b B3: ~60 KB an article opened,
15 pages, on a laptop's disk kept awake for a flight): the mark of an article opened and the
note of its reading in one commit, not two; its place, kept again as it is left, not written
again when the store has it. The real store (diskcache's SQLite in WAL mode) on a tmp dir, its
pages counted as the frames its write-ahead log grew by."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.library import Library
from tests.test_library import feed_xml
from tests.tui_pilot import subscribe

PAGE = (
    "<html><head><title>Pump house</title></head><body><article><h1>Pump house</h1>"
    + "".join(f"<p>The pump house kept the harbour dry in the {n}th winter.</p>" for n in range(9))
    + "</article></body></html>"
)
_FRAME = 4096 + 24
"""A frame of the write-ahead log: a page of 4 KB and its header."""


def _frames(data_dir: Path) -> int:
    wal = data_dir / "state" / "cache.db-wal"
    return wal.stat().st_size // _FRAME if wal.exists() else 0


def test_opening_an_article_is_one_commit_and_its_place_is_not_written_again(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    base = httpserver.url_for("").rstrip("/")
    for n in range(3):
        httpserver.expect_request(f"/story-{n}.html").respond_with_data(
            PAGE, content_type="text/html; charset=utf-8"
        )
    items = [(f"Pump house {n}", f"/story-{n}.html", f"g{n}") for n in range(3)]
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed_xml(base, items), content_type="application/rss+xml"
    )
    feed = base + "/feed.xml"
    subscribe(tmp_path, [feed], 3)

    async def run() -> None:
        async with Library(tmp_path) as lib:
            entries = lib.store.entries(feed)
            # The mark alone, as `m` makes it: what one commit of it writes.
            before = _frames(tmp_path)
            lib.mark_read(entries[0], True)
            one_commit = _frames(tmp_path) - before
            # Opened as the reader opens one: its reading noted with its mark.
            before = _frames(tmp_path)
            article = await lib.article(entries[1], noted=False)
            await lib.keep_notes_before_close()  # a note written in the background: none
            lib.mark_read(entries[1], True, time.time(), [], noted=True)
            opened = _frames(tmp_path) - before
            assert len(lib.store.read_times()) == 1, "its reading noted, with its mark"
            assert opened <= one_commit + 2, (opened, one_commit)
            # Its place kept as the view settles, then again as it is left: written once.
            place = {"paragraph": 4, "line": 0}
            lib.remember_place_soon(entries[1], article, place)
            await lib.keep_notes_before_close()
            before = _frames(tmp_path)
            lib.remember_place_soon(entries[1], article, place)
            await lib.keep_notes_before_close()
            assert _frames(tmp_path) == before
            assert lib.reading_place(entries[1], article) == place

    asyncio.run(run())
