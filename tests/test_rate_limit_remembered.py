"""A host's 429 asking to wait two minutes is kept past the sync that was told it: the next
sync, seconds later, sends it nothing and says so (acc40b P3: it asked every feed of the host
again, got the same 429, and cached nothing again)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.store import Store

FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Notes</title>'
    "<link>http://127.0.0.1/</link><item><title>Tide tables for January</title>"
    "<link>http://127.0.0.1/tides.html</link></item></channel></rss>"
)


def test_a_hosts_wait_is_kept_for_the_next_sync(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = ["--data-dir", str(data_dir)]
    httpserver.expect_request("/notes.xml").respond_with_data(
        FEED, content_type="application/rss+xml"
    )
    assert main([*home, "add", httpserver.url_for("/notes.xml")]) == 0
    httpserver.clear()
    httpserver.expect_request("/notes.xml").respond_with_data(
        "Slow down", status=429, headers={"Retry-After": "120"}
    )
    main([*home, "sync", "--no-articles"])
    assert len(httpserver.log) == 1
    # Another feed of the host, healthy, subscribed by hand in the store (`add` would ask).
    other = httpserver.url_for("/other.xml")
    store = Store(data_dir)
    store.add_feed(other, "Harbour Other")
    store.close()
    capsys.readouterr()
    assert main([*home, "sync", "--no-articles"]) == 1
    err = capsys.readouterr().err
    assert len(httpserver.log) == 1  # nothing more asked
    # Said once for the host, not once a feed (its feeds are all held back alike).
    assert "is rate-limiting (HTTP 429, try again in 2 minutes): 2 feeds not asked\n" in err
    assert "feed failed" not in err
    # Not asked, a feed keeps what it last said: no failure of its own.
    main([*home, "feeds"])
    shown = capsys.readouterr().out
    assert "last error" in shown.split(other)[0]  # /notes.xml's own 429
    assert "last error" not in shown.split(other)[1]

    async def readers_line() -> str:
        from reader.library import Library
        from reader.ui.app_sync import sync_summary

        async with Library(data_dir) as lib:
            return sync_summary(await lib.sync(articles=False))

    line = asyncio.run(readers_line())  # the reader's S says it as one thing too
    assert "is rate-limiting (HTTP 429, try again in 2 minutes): 2 feeds not asked" in line
    assert "failed" not in line and len(httpserver.log) == 1


def test_no_probe_goes_to_a_host_that_asked_to_wait(httpserver: HTTPServer, data_dir: Path) -> None:
    """A sync judging another host's timeout (the network's stall, or that host's own) probes
    hosts that answered, a HEAD of one of their links: never one that asked to wait (acc40b P3:
    a HEAD 11 s after the 429)."""
    from reader.config import FetchLimits
    from reader.library import Library
    from tests.silent_host import SilentHost

    httpserver.expect_request("/notes.xml").respond_with_data(
        "Slow down", status=429, headers={"Retry-After": "120"}
    )
    silent = SilentHost()
    limits = FetchLimits(connect_timeout=5.0, read_timeout=2.0, total_timeout=10.0, retries=0)

    async def sync() -> None:
        async with Library(data_dir, limits=limits) as lib:
            lib.add_feed(httpserver.url_for("/notes.xml"))
            lib.add_feed(f"{silent.url}feed.xml")
            await lib.sync(articles=False)

    try:
        asyncio.run(sync())
    finally:
        silent.close()
    assert [r.method for r, _ in httpserver.log] == ["GET"]


def test_a_wait_past_a_day_is_kept_as_a_day(httpserver: HTTPServer, data_dir: Path) -> None:
    """A 429's wait is kept past the sync up to a day (README), whether the server asks for a
    year or the record was written under a clock a year ahead: kept as the year, each run cut
    it to a day from its own start, and the host was held for the whole year."""
    import time

    from reader.retries import HELD_AT_MOST

    home = ["--data-dir", str(data_dir)]
    httpserver.expect_request("/notes.xml").respond_with_data(
        "Slow down", status=429, headers={"Retry-After": str(365 * 86400)}
    )
    store = Store(data_dir)
    store.add_feed(httpserver.url_for("/notes.xml"), "Harbour Notes")
    store.close()

    def kept() -> dict[str, float]:
        store = Store(data_dir)
        try:
            record = store.held_hosts()
        finally:
            store.close()
        assert isinstance(record, dict) and len(record) == 1
        return record

    main([*home, "sync", "--no-articles"])
    assert len(httpserver.log) == 1
    [(host, until)] = kept().items()
    assert until <= time.time() + HELD_AT_MOST
    # Written under a clock a year ahead: the next run keeps it cut.
    store = Store(data_dir)
    store.set_held_hosts({host: time.time() + 365 * 86400})
    store.close()
    main([*home, "sync", "--no-articles"])
    assert len(httpserver.log) == 1  # held all the same
    assert kept()[host] <= time.time() + HELD_AT_MOST
