"""What the reader says once the store takes the changes it refused: "The disk has room again"
followed any refusal, a damaged file's too (acc42b B3), where the disk was never full. It names
what changed only when the refusal said it (a full disk, a held store). A real refusal that is
neither: the store's folder, where a record too big for its row is kept in a file of its own,
taking no new folder (a file in each name's place), then cleared."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from hostile_site import rss
from pytest_httpserver import HTTPServer
from test_cli import reader

from reader.library import Library
from reader.ui.app import ReaderApp
from tests.tui_pilot import notices, started, status, table, until

_HEX = [f"{n:02x}" for n in range(256)]


@contextmanager
def no_new_folders(cache: Path) -> Iterator[None]:
    """`cache`'s value files can't be made while the block runs: a file in the place of every
    folder diskcache would make for one (`ab/cd/….val`), removed after."""
    planted = []
    for top in _HEX:
        where = cache / top
        if where.is_dir():  # a value file is in it: a file in each of its folders' places
            planted += [where / sub for sub in _HEX if not (where / sub).exists()]
        else:
            planted.append(where)
    for path in planted:
        path.write_bytes(b"")
    try:
        yield
    finally:
        for path in planted:
            path.unlink()


def test_changes_kept_after_a_refusal_of_no_full_disk_are_not_said_kept_for_room(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    items = [(f"Story {n}", f"http://127.0.0.1:9/story-{n}.html") for n in range(300)]
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss("Long Feed", items), content_type="application/rss+xml"
    )
    assert reader(data_dir, "add", httpserver.url_for("/feed.xml")).returncode == 0
    with closing(Library(data_dir)) as lib:
        for headline in lib.headlines():  # the Saved list's record too big for its row
            lib.store.set_saved(headline.entry.link, True, entry=headline.entry)
    state = data_dir / "state"

    async def run() -> tuple[list[str], str, int]:
        app = ReaderApp(data_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        app.NOTIFICATION_TIMEOUT = app.notice_seconds = 3600
        async with app.run_test(size=(120, 30), notifications=True) as pilot:
            await started(pilot)
            with no_new_folders(state):
                await pilot.press("s")  # unsaved: the list's record written again
                await until(
                    pilot, lambda: any("not kept" in n for n in notices(app)), "the refusal"
                )
                refused = notices(app)
            await until(pilot, lambda: "kept" in status(app), "the change kept")
            saved = sum(row.saved for row in table(app).rows)
            return refused, status(app), saved

    said, now, saved = asyncio.run(run())
    assert any("Not a directory" in n for n in said), said
    assert now == "1 change to Saved kept after all"
    with closing(Library(data_dir)) as lib:
        assert len(lib.store.saved()) == saved == 299
