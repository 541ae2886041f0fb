"""A sync says its pictures phase and what it cost on the wire (acc44b B1, B3): a "pictures"
progress as each comes (after every article's text), the summary's "2 pictures kept, …" and
"downloaded …: pages and feeds …, pictures …" (bodies as received, compressed), the reader's
`S` line the same in short, and a stop mid-pictures says how many are not yet.

Served by a real server on 127.0.0.1 (pytest-httpserver), the pictures real PNG and JPEG bytes."""

from __future__ import annotations

import asyncio
import io
import signal
import sys
import threading
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.cli.sync_terminal import progress_display
from reader.library import Library
from reader.plural import size_text
from reader.reports import SyncProgress
from reader.ui.sync_lines import sync_summary
from tests.cli_run import run_reader, started_reader
from tests.picture_bytes import jpeg, png
from tests.test_owed_pictures import kept, serve_crane, subscribed
from tests.tui_pilot import WAIT

PICTURES = len(png()) + len(jpeg())


def crane(_request: Request) -> Response:
    return Response(jpeg(), content_type="image/jpeg")


def received(server: HTTPServer, pictures: bool | None = None, since: int = 0) -> int:
    """The bytes of the bodies the server sent (from its `since`th answer): every one, or the
    pictures' (or not)."""
    return sum(
        len(response.get_data())
        for request, response in server.log[since:]
        if pictures is None or request.path.endswith((".png", ".jpg")) == pictures
    )


def test_a_sync_reports_its_pictures_as_they_come_and_counts_its_bytes(
    data_dir: Path, threaded_server: HTTPServer
) -> None:
    feed, _link = serve_crane(threaded_server, crane)
    heard: list[SyncProgress] = []

    async def sync() -> str:
        async with Library(data_dir, keep_pictures=True) as lib:
            lib.store.add_feed(feed)
            report = await lib.sync(progress=heard.append)
            assert report.pictures_kept == report.pictures_stored == 2
            assert report.pictures_stored_bytes == PICTURES
            assert report.downloaded_pictures == received(threaded_server, pictures=True)
            assert report.downloaded == received(threaded_server)
            return sync_summary(report)

    line = asyncio.run(sync())
    pictures = [p for p in heard if p.phase == "pictures"]
    assert [p.pictures_done for p in pictures][-1] == 2
    assert {p.pictures_total for p in pictures} == {2}
    # After the article's text: every article done before the first picture is.
    assert all(p.articles_done == p.articles_total == 1 for p in pictures)
    assert f"2 pictures kept, {size_text(PICTURES)}" in line
    assert f"downloaded {size_text(received(threaded_server))}" in line


def test_reader_sync_says_the_pictures_kept_and_the_bytes_downloaded(
    data_dir: Path, threaded_server: HTTPServer
) -> None:
    feed, _link = serve_crane(threaded_server, crane)
    subscribed(data_dir, feed)
    added = len(threaded_server.log)  # the feed's first fetch, `add`'s
    synced = run_reader(data_dir, "sync")
    assert synced.returncode == 0, synced.stderr
    pages = received(threaded_server, pictures=False, since=added)
    assert f"2 pictures kept, {size_text(PICTURES)}\n" in synced.stderr
    assert (
        f"downloaded {size_text(pages + PICTURES)}: pages and feeds {size_text(pages)},"
        f" pictures {size_text(PICTURES)}\n"
    ) in synced.stderr
    again = run_reader(data_dir, "sync")  # unchanged: nothing kept, a feed's bytes at most
    assert "pictures kept" not in again.stderr


def test_a_sync_stopped_among_its_pictures_says_how_many_are_not_yet() -> None:
    stopped = SyncProgress("pictures", 1, 1, 3, 3, articles_cached=3)
    assert stopped.stopped("`reader sync`").endswith("; `reader sync` carries on")
    among = SyncProgress(
        "pictures", 1, 1, 3, 3, articles_cached=3, pictures_done=2, pictures_total=7
    )
    assert "; 5 pictures not yet fetched; `reader sync` carries on" in among.stopped(
        "`reader sync`"
    )


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_has_a_pictures_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its own row, counting as the pictures come once every article's text is in: the
    articles' row stood still on "210/210" for minutes (acc44b B1)."""
    monkeypatch.setenv("COLUMNS", "120")
    screen = _Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    update, finish = progress_display()
    update(SyncProgress("feeds", 8, 8))
    update(SyncProgress("articles", 8, 8, articles_done=210, articles_total=210))
    update(
        SyncProgress(
            "pictures", 8, 8, 210, 210, articles_cached=210, pictures_done=64, pictures_total=107
        )
    )
    finish()
    rows = screen.getvalue().splitlines()
    assert any("pictures" in row and "64/107" in row for row in rows)


def test_reader_sync_stopped_as_a_picture_comes_says_it_is_not_yet_fetched(
    data_dir: Path, threaded_server: HTTPServer
) -> None:
    """Ctrl-C while the crane's picture is on its way: the sync's "interrupted" line counts it
    among those not yet fetched (the stop's own cancelling counted it done, and the line said
    nothing of 750 pictures still to fetch: acc45c C1), and the next sync fetches it."""
    asked, let_go = threading.Event(), threading.Event()

    def slow_crane(request: Request) -> Response:
        asked.set()
        let_go.wait(WAIT)
        return crane(request)

    feed, link = serve_crane(threaded_server, slow_crane)
    subscribed(data_dir, feed)
    syncing = started_reader(data_dir, "sync")
    try:
        assert asked.wait(WAIT), "the crane's picture never asked for"
        syncing.send_signal(signal.SIGINT)
        _, said = syncing.communicate(timeout=WAIT)
    finally:
        let_go.set()
        if syncing.poll() is None:
            syncing.kill()
    assert "interrupted: 1 of 1 article cached for offline" in said, said
    assert "; 1 picture not yet fetched; `reader sync` carries on" in said, said
    again = run_reader(data_dir, "sync")
    assert again.returncode == 0, again.stderr
    assert kept(data_dir, link) == {"lead.png": True, "crane.jpg": True}
