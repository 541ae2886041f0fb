"""When a refresh takes the network for gone (`offline.NetworkWatch`) in a small library: a
site down from the start weighs nothing, one refusal of a live host is no going, and a feed
whose bytes came is an answer while it is still being read. Real servers on 127.0.0.1: a
port nothing listens on, and sites whose listening socket closes mid-refresh."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.config import FetchLimits
from reader.errors import ErrorKind, FetchError, NoAnswer, Offline
from reader.library import Library
from reader.reports import FeedResult, SyncReport
from tests.no_network import dead_port
from tests.silent_host import Listener
from tests.test_library import ARTICLE, feed_xml
from tests.test_sync_goes_wrong import _gone_amid_feeds
from tests.tui_pilot import WAIT

LIMITS = FetchLimits(
    connect_timeout=5.0, read_timeout=60.0, total_timeout=60.0, retries=0, per_host=2
)


def _feed(base: str, items: int, words: int = 8) -> bytes:
    text = " ".join(["harbour"] * words)
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Ledger</title>'
        + "".join(
            f"<item><title>Story {n}</title><link>{base}/story-{n}.html</link>"
            f"<guid>{base}/story-{n}.html</guid><description>{text}</description></item>"
            for n in range(items)
        )
        + "</channel></rss>"
    ).encode()


def _request(conn: socket.socket) -> None:
    conn.settimeout(WAIT)
    request = b""
    while b"\r\n\r\n" not in request:
        chunk = conn.recv(4096)
        if not chunk:
            return
        request += chunk


def _head(body: bytes) -> bytes:
    return (
        "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode()


class _Site(Listener):
    """A paper's feeds at /feedN.xml whose listening socket closes mid-refresh: every
    connection made after it refused (`refusing`, set then)."""

    def __init__(self) -> None:
        self.refusing = threading.Event()
        super().__init__(self._run)
        self.base = f"http://127.0.0.1:{self.port}"

    def _accept(self) -> socket.socket:
        while not self._stop.is_set():
            try:
                return self._sock.accept()[0]
            except OSError:
                continue
        raise OSError("closed")

    def _refuse_from_now(self) -> None:
        self._sock.close()
        self.refusing.set()

    def _run(self) -> None:
        raise NotImplementedError


class _RefusingOnce(_Site):
    """Two feeds asked at once (two connections taken); the socket closes then, so the third
    feed is refused; the first is answered once `answer_first` is set, the second once
    `answer_second` is (the refusal heard)."""

    def __init__(self) -> None:
        self.answer_first = threading.Event()
        self.answer_second = threading.Event()
        super().__init__()

    def _run(self) -> None:
        try:
            first, second = self._accept(), self._accept()
        except OSError:
            return
        self._refuse_from_now()
        for conn, go in ((first, self.answer_first), (second, self.answer_second)):
            _request(conn)
            if go.wait(WAIT):
                body = _feed(self.base, 3)
                conn.sendall(_head(body) + body)
            conn.close()


class _BigFeedFirst(_Site):
    """The first feed asked is one of 2,000 items (seconds to read in); the socket closes
    before its last byte goes, so the next feed is refused while the first is still read."""

    def _run(self) -> None:
        try:
            conn = self._accept()
        except OSError:
            return
        _request(conn)
        body = _feed(self.base, 2000, words=60)
        conn.sendall(_head(body) + body[:-1])
        self._refuse_from_now()
        conn.sendall(body[-1:])
        conn.close()


def _refresh(
    data: Path,
    urls: list[str],
    on_feed: Callable[[FeedResult], None] | None = None,
    limits: FetchLimits = LIMITS,
) -> list[FeedResult]:
    async def go() -> list[FeedResult]:
        lib = Library(data, limits=limits)
        try:
            for url in urls:
                lib.store.add_feed(url)
            return await lib.refresh(on_feed=on_feed)
        finally:
            await lib.aclose()

    return asyncio.run(go())


def _failing(data: Path) -> set[str]:
    lib = Library(data)
    try:
        return {f.url for f in lib.feeds() if f.failing_since or f.last_error}
    finally:
        lib.close()


def test_a_dead_site_and_one_refusal_of_the_other_are_no_network_gone(tmp_path: Path) -> None:
    """Two hosts, one refusing from the start, the other refusing one feed between answers:
    "every host refusing" stopped the refresh, the feed still coming not waited for."""
    dead = f"http://127.0.0.1:{dead_port()}/feed.xml"
    site = _RefusingOnce()
    paper = [f"{site.base}/feed{n}.xml" for n in range(3)]

    def heard(result: FeedResult) -> None:
        if result.feed.url == dead:
            site.answer_first.set()  # the dead site heard before the paper answers
        elif result.error is not None:
            site.answer_second.set()

    try:
        results = _refresh(tmp_path / "data", [dead, *paper], heard)
    finally:
        site.close()
    failed = {r.feed.url: r.error for r in results if r.error}
    assert set(failed) - set(paper) == {dead}, failed
    assert len(failed) == 2, failed  # one of the paper's feeds refused; the others came
    assert all(e.no_answer == NoAnswer.REFUSED for e in failed.values()), failed
    # Both failures the feeds' own, kept on them; none counted as the network's going.
    assert _failing(tmp_path / "data") == set(failed)
    assert SyncReport(feeds=results).feeds_unreached() == set()


def test_a_feed_being_read_is_an_answer(tmp_path: Path) -> None:
    """A dead site, and a paper whose big feed is still being read when its next feed is
    refused: every host had refused as far as the watch heard, and the big feed was dropped
    as not tried."""
    dead = f"http://127.0.0.1:{dead_port()}/feed.xml"
    site = _BigFeedFirst()
    paper = [f"{site.base}/feed{n}.xml" for n in range(2)]
    try:
        # One feed at a time: the second asked once the first's bytes are in.
        results = _refresh(tmp_path / "data", [dead, *paper], limits=replace(LIMITS, per_host=1))
    finally:
        site.close()
    read = [r for r in results if r.error is None]
    assert len(read) == 1 and read[0].new_entries == 2000, results
    failed = [r for r in results if r.error]
    assert {r.error.no_answer for r in failed if r.error} == {NoAnswer.REFUSED}, failed
    assert _failing(tmp_path / "data") == {r.feed.url for r in failed}


def test_a_site_down_from_the_start_is_named_apart_from_the_network_going(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The network (or the paper's site) going after three of its ten feeds, beside a feed at
    a site down from the start: that one's failure is its own, named and marked failing, not
    counted among the feeds the going left (it made "8 feeds not fetched"), nor a second
    host for "the network went away": the paper's site alone may have."""
    site, data, config = _gone_amid_feeds(tmp_path)
    dead = f"http://127.0.0.1:{dead_port()}/feed.xml"
    lib = Library(data)
    lib.store.add_feed(dead)
    lib.close()
    try:
        code = main(["--data-dir", str(data), "--config", str(config), "sync", "--no-articles"])
    finally:
        site.close()
    said = capsys.readouterr().err
    host = site.base.removeprefix("http://")
    assert code == 1
    lines = said.splitlines()
    assert [line for line in lines if "feed failed" in line] == [
        f"reader: feed failed: {dead}: cannot connect to {dead.split('/')[2]}"
    ], said
    gone = [line for line in lines if "went away" in line]
    assert len(gone) == 1 and gone[0].startswith(
        f"reader: the network or {host} went away during the sync ({host} broke off the connection)"
    ), said
    assert gone[0].endswith(": 7 feeds not fetched; `reader sync` carries on"), said
    assert _failing(data) == {dead}


def test_three_dead_sites_beside_one_answering_every_article_are_no_network_gone(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """A feed's stories on four hosts: three refusing from the start, the fourth answering
    every one of its own, after. Three hosts of four refusing ("half and three at least")
    said "the network went away during the sync (…): 3 articles not fetched", with every
    other article cached; each dead site's article is its own failure, named."""
    dead = [f"http://127.0.0.1:{dead_port()}" for _ in range(3)]
    items = [(f"Quay story {n}", f"/story-{n}.html", f"g{n}") for n in range(3)]
    for n, (title, path, _) in enumerate(items):
        page = ARTICLE.replace("Tide tables revised", title).replace("Tuesday", f"day {n}")
        httpserver.expect_request(path).respond_with_data(page, content_type="text/html")
    base = httpserver.url_for("")[:-1]
    body = feed_xml(base, items).replace(
        "</channel>",
        "".join(
            f"<item><title>Dead site {n}</title><link>{site}/story.html</link>"
            f"<guid>d{n}</guid></item>"
            for n, site in enumerate(dead)
        )
        + "</channel>",
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        body, content_type="application/rss+xml"
    )
    config = tmp_path / "config.toml"
    # One request at a time to a host: the live site's later stories answer after the dead
    # sites' refusals.
    config.write_text("[network]\nretries = 0\nper_host = 1\n")
    args = ["--data-dir", str(tmp_path / "data"), "--config", str(config)]
    assert main([*args, "add", f"{base}/feed.xml"]) == 0
    capsys.readouterr()
    main([*args, "sync"])
    said = capsys.readouterr().err
    assert "went away" not in said, said
    for n, site in enumerate(dead):
        assert (
            f"article failed: Dead site {n} <{site}/story.html>: cannot connect to "
            f"{site.removeprefix('http://')}"
        ) in said, said
    assert "3 articles cached for offline" in said, said


def _refused(url: str) -> FetchError:
    return FetchError(ErrorKind.NETWORK, "cannot connect", url, no_answer=NoAnswer.REFUSED)


def test_the_watch_takes_one_refusal_for_no_going_and_two_for_one() -> None:
    """The order the watch hears a small library in: a dead site, a paper answering, then
    refusing; one refusal is a server restarting, the second its going (the network's, or
    the paper's alone, of two hosts one of which was dead)."""
    from reader.library.offline import NetworkWatch

    dead, paper = "http://dead.example/feed.xml", [f"http://paper.example/{n}" for n in range(4)]
    watch = NetworkWatch([dead, *paper])
    assert not watch.heard(dead, _refused(dead))
    watch.answer(paper[0])  # its bytes in, still read
    assert not watch.heard(paper[1], _refused(paper[1]))
    assert watch.heard(paper[2], _refused(paper[2]))
    assert watch.own_failure(dead) and not watch.own_failure(paper[1])


def test_the_watch_takes_a_refusal_followed_by_an_answer_for_the_hosts_own() -> None:
    from reader.library.offline import NetworkWatch

    urls = [f"http://site{n}.example/feed.xml" for n in range(4)]
    watch = NetworkWatch(urls)
    watch.answer(urls[0])
    assert not watch.heard(urls[1], _refused(urls[1]))
    watch.answer(urls[2])  # the network there after it: site1 is down on its own
    assert watch.own_failure(urls[1])
    assert not watch.heard(urls[1], _refused(urls[1])) and not watch.absent


def test_the_watch_takes_three_unanswered_lookups_for_the_network_absent() -> None:
    """A name server not answering (the machine's own word, `Offline`) for three hosts of a
    hundred, none failing otherwise, is the network absent; three names not found are three
    dead sites (acc51b B7: half the hosts were waited for either way)."""
    from reader.library.offline import NetworkWatch

    urls = [f"http://site{n}.example/page.html" for n in range(100)]
    lookups = NetworkWatch(urls)
    for url in urls[:2]:  # at once where this machine has no default route either
        assert not lookups.heard(url, _unlooked(url)) or _routeless()
    assert lookups.heard(urls[2], _unlooked(urls[2]))
    lapsed = NetworkWatch(urls)
    for url in urls[:3]:
        error = FetchError(ErrorKind.NETWORK, "no such name", url, no_answer=NoAnswer.NO_HOST)
        assert not lapsed.heard(url, error)
    # A lapsed name among them: the name server answered that one; not sure yet.
    mixed = NetworkWatch(urls)
    mixed.heard(urls[0], _refused(urls[0]))
    for url in urls[1:4]:
        mixed.heard(url, _unlooked(url))
    assert not mixed.absent or _routeless()


def _unlooked(url: str) -> FetchError:
    return FetchError(
        ErrorKind.NETWORK,
        "could not be looked up",
        url,
        no_answer=NoAnswer.NO_HOST,
        offline=Offline.NO_RESOLVER,
    )


def _routeless() -> bool:
    from reader.no_network import no_default_route

    return no_default_route()
