"""A library half-arrived from a file-sync tool (or a backup that left out the `-wal`):
`state/cache.db` there, the `.val` files holding its feeds' headline lists not yet. Even
`reader list` dropped every such list for good, and the next sync brought nothing back, the
feeds answering "not modified" to the ETag kept (acc42b B7). The real store on a temp dir,
its files moved as a sync tool moves them, a real server answering 304; the reader run as a
process (its lines on stderr as a user sees them)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hostile_site import rss
from pytest_httpserver import HTTPServer
from test_data_dir_trust import reader
from test_value_files import entries_file
from werkzeug import Request, Response

ITEMS = 300


@pytest.fixture
def tagged_feed(httpserver: HTTPServer, data_dir: Path) -> Path:
    """`data_dir` subscribed to a feed of ITEMS headlines (a list kept in a file of its own)
    whose server sends an ETag and answers "not modified" to it."""
    items = [
        (f"Story number {n} of the feed", f"http://127.0.0.1:9/{n}.html") for n in range(ITEMS)
    ]
    feed = rss("Long Feed", items)

    def answer(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(feed, content_type="application/rss+xml", headers={"ETag": '"v1"'})

    httpserver.expect_request("/feed.xml").respond_with_handler(answer)
    added = reader(data_dir, "add", httpserver.url_for("/feed.xml"))
    assert added.returncode == 0, added.stderr
    assert len(reader(data_dir, "list", "--ids").stdout.split()) == ITEMS
    return data_dir


def test_a_headline_list_whose_file_has_not_arrived_is_kept_until_it_comes(
    tagged_feed: Path, tmp_path: Path
) -> None:
    key, file = entries_file(tagged_feed)
    in_transit = tmp_path / "in-transit.val"
    file.rename(in_transit)
    for command in (["list", "--ids"], ["feeds"], ["cache"], ["sync", "--no-articles"]):
        ran = reader(tagged_feed, *command)
        assert ran.returncode == 0, ran.stderr
        assert "dropping" not in ran.stderr
        assert (
            f"1 feed's headline list is not here yet: {tagged_feed / 'state'} names files that"
            " are missing (a copy or a file sync not finished?); read as empty, nothing dropped"
        ) in ran.stderr
    assert reader(tagged_feed, "list", "--ids").stdout.split() == []
    with sqlite3.connect(tagged_feed / "state" / "cache.db") as con:
        assert con.execute("SELECT count(*) FROM Cache WHERE key = ?", (key,)).fetchone() == (1,)
    con.close()
    in_transit.rename(file)  # the sync tool's next file
    listed = reader(tagged_feed, "list", "--ids")
    assert listed.stderr == ""
    assert len(listed.stdout.split()) == ITEMS


def test_a_list_cut_short_takes_the_etag_with_it_so_the_next_sync_fetches_it_whole(
    tagged_feed: Path,
) -> None:
    _, file = entries_file(tagged_feed)
    with file.open("r+b") as kept:
        kept.truncate(file.stat().st_size // 2)
    listed = reader(tagged_feed, "list", "--ids")
    assert "cut short" in listed.stderr
    assert 0 < len(listed.stdout.split()) < ITEMS
    synced = reader(tagged_feed, "sync", "--no-articles")
    assert synced.returncode == 0, synced.stderr
    assert len(reader(tagged_feed, "list", "--ids").stdout.split()) == ITEMS


def test_the_reader_opened_on_a_half_arrived_library_says_so_and_keeps_the_list(
    tagged_feed: Path, tmp_path: Path
) -> None:
    import asyncio

    from tui_pilot import notices, started, until

    from reader.ui.app import ReaderApp

    _, file = entries_file(tagged_feed)
    in_transit = tmp_path / "in-transit.val"
    file.rename(in_transit)

    async def run() -> None:
        app = ReaderApp(tagged_feed, refresh_on_start=False)
        app.prefetch_limit = 0
        app.NOTIFICATION_TIMEOUT = app.notice_seconds = 3600
        async with app.run_test(size=(120, 30), notifications=True) as pilot:
            await started(pilot)
            await until(
                pilot,
                lambda: any("1 feed's headline list is not here yet" in n for n in notices(app)),
                "the list not here said",
            )
            await pilot.press("q")

    asyncio.run(run())
    in_transit.rename(file)
    assert len(reader(tagged_feed, "list", "--ids").stdout.split()) == ITEMS


def test_the_reader_says_a_list_not_here_yet_once_not_again_as_it_ends(
    tagged_feed: Path, tmp_path: Path
) -> None:
    """Said in the reader's notice as its lists came in, the line was said again on the
    terminal as it ended: the same words of the same files. The reader run in a terminal of
    its own, as a person runs it."""
    import time

    from tests.pty_reader import reader_in_pty

    _, file = entries_file(tagged_feed)
    in_transit = tmp_path / "in-transit.val"
    file.rename(in_transit)
    with reader_in_pty(tagged_feed, columns=200) as shown:
        deadline = time.monotonic() + 60
        while b"not here yet" not in shown.screen():
            assert shown.process.poll() is None and time.monotonic() < deadline, shown.screen()
            time.sleep(0.2)
        shown.type(b"q")
        assert shown.process.wait(timeout=60) == 0
        time.sleep(0.5)  # the last bytes read
        after = shown.screen().rpartition(b"\x1b[?1049l")[2]  # the screen left
    assert b"not here yet" not in after
    in_transit.rename(file)


def test_a_feed_answering_anew_before_its_list_has_arrived_does_not_write_over_it(
    tagged_feed: Path, httpserver: HTTPServer, tmp_path: Path
) -> None:
    """The feed answers with new items (a 200, a new ETag) while its list's file is still
    on its way: made from what the feed carries now, the list was written over, and the 300
    older headlines were gone for good when the file came. The write is refused in one line,
    the feed's list back whole once its file is here, the new items merged by the next sync."""
    _key, file = entries_file(tagged_feed)
    in_transit = tmp_path / "in-transit.val"
    file.rename(in_transit)
    fresh = rss(
        "Long Feed", [(f"Fresh story {n}", f"http://127.0.0.1:9/new{n}.html") for n in range(5)]
    )
    httpserver.clear_all_handlers()
    httpserver.expect_request("/feed.xml").respond_with_data(
        fresh.replace("<guid>g", "<guid>new"),
        content_type="application/rss+xml",
        headers={"ETag": '"v2"'},
    )
    synced = reader(tagged_feed, "sync", "--no-articles")
    assert synced.returncode == 1, synced.stderr
    # The store's refusal said once, not as the feed's failure (acc49a A7).
    assert (
        "reader: 1 feed's headlines not kept: the feed's headline list is not here yet"
        " (a copy or a file sync not finished?): not written over, so nothing of it is lost"
    ) in synced.stderr
    in_transit.rename(file)
    assert len(reader(tagged_feed, "list", "--ids").stdout.split()) == ITEMS
    again = reader(tagged_feed, "sync", "--no-articles")
    assert again.returncode == 0, again.stderr
    assert len(reader(tagged_feed, "list", "--ids").stdout.split()) == ITEMS + 5
