"""A network that swallows connections (a plane's Wi-Fi before payment): the refresh stops
waiting once nothing has answered and enough hosts have failed, and no feed is marked failed
for the network's absence; one host down among live ones is that host's failure alone."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.config import FetchLimits
from reader.library import Library
from reader.library.offline import NOT_TRIED
from tests.no_network import LOOPBACK_NAMES
from tests.silent_host import SilentHost
from tests.test_library import feed_xml

# One request at a time to a host, no retry: the second wave of a host's feeds shows whether
# the refresh waited for it.
LIMITS = FetchLimits(
    connect_timeout=1.0, read_timeout=1.0, total_timeout=2.0, per_host=1, retries=0
)


@pytest.fixture
def silent_hosts() -> Iterator[list[SilentHost]]:
    hosts = [SilentHost(), SilentHost()]
    yield hosts
    for host in hosts:
        host.close()


def _refresh(data: Path, urls: list[str]) -> list:
    async def run() -> list:
        async with Library(data, limits=LIMITS) as lib:
            for url in urls:
                lib.add_feed(url)
            return await lib.refresh()

    return asyncio.run(run())


def test_nothing_answering_stops_the_refresh_and_marks_no_feed(
    tmp_path: Path, silent_hosts: list[SilentHost]
) -> None:
    urls = [f"{host.url}feed{n}.xml" for host in silent_hosts for n in range(3)]
    results = _refresh(tmp_path / "data", urls)
    assert all(r.error is not None for r in results)
    # Once both hosts had failed, the feeds still queued for them were not waited for.
    asked = sum(len(host.held) for host in silent_hosts)
    assert asked < 6
    assert sum(r.error.message == NOT_TRIED for r in results) >= 6 - asked
    lib = Library(tmp_path / "data")
    try:
        assert [f.last_error for f in lib.feeds()] == [None] * 6  # no "!" for the network
    finally:
        lib.close()


def test_one_host_down_among_live_ones_is_that_feeds_failure(
    tmp_path: Path, silent_hosts: list[SilentHost], httpserver: HTTPServer
) -> None:
    live = []
    for n in range(3):
        httpserver.expect_request(f"/live{n}.xml").respond_with_data(
            feed_xml(httpserver.url_for("/"), [(f"Story {n}", f"s{n}", f"g{n}")]),
            content_type="application/rss+xml",
        )
        live.append(httpserver.url_for(f"/live{n}.xml"))
    dead = f"{silent_hosts[0].url}feed.xml"
    results = _refresh(tmp_path / "data", [*live, dead])
    assert [r.error is None for r in results] == [True, True, True, False]
    lib = Library(tmp_path / "data")
    try:
        failed = {f.url: f.last_error for f in lib.feeds()}
        assert failed[dead] and "timed out" in failed[dead]  # kept: the network is there
        assert all(failed[url] is None for url in live)
    finally:
        lib.close()


@pytest.mark.parametrize("quiet", [True, False], ids=["cron", "terminal"])
def test_a_sync_with_no_network_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], quiet: bool
) -> None:
    """Every feed failed alike: the "No connection" line is all there is to say, not one
    "feed failed: … cannot connect" line a feed under it (acc29b T17: 25 lines of cron mail
    an hour through a flight)."""
    from reader.cli import main
    from tests.no_network import dead_port

    data = tmp_path / "data"
    urls = [f"http://{host}:{dead_port()}/feed{n}.xml" for host in LOOPBACK_NAMES for n in range(3)]
    lib = Library(data)
    try:
        for url in urls:
            lib.add_feed(url)
    finally:
        lib.close()
    capsys.readouterr()
    status = main(["--data-dir", str(data), "sync", *(["-q"] if quiet else [])])
    err = capsys.readouterr().err
    assert status == 1
    lines = err.splitlines()  # no progress off a terminal
    assert lines[0].startswith("reader: No connection: nothing synced"), err
    assert not any("feed failed" in line for line in lines), err
    assert len(lines) == (1 if quiet else 2), err  # and the summary, on a terminal
