"""A year on: feeds that moved for good (301, 308) are fetched where they are now, and feeds that
fail say since when; one gone for good (410) is not asked at every sync."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from datetime import timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from reader.address_class import Reach
from reader.cli import main
from reader.library import Library
from reader.library.resources import _now
from reader.models import Feed
from tests.no_network import subscribe_elsewhere
from tests.tui_pilot import running, until


def rss(title: str, stories: list[str]) -> str:
    items = "".join(
        f"<item><title>{s}</title><link>http://127.0.0.1:9/{n}.html</link><guid>g{n}</guid>"
        f"<description>{s}, the desk reports.</description></item>"
        for n, s in enumerate(stories)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{items}'
        "</channel></rss>"
    )


STORIES = ["Ferry fares frozen for winter", "Harbour wall repairs begin"]
LATER = [*STORIES, "Quay lights switched to LED"]


def _run(directory: Path, *argv: str) -> int:
    return main(["--data-dir", str(directory), *argv])


def _feed(directory: Path, url: str) -> Feed:
    lib = Library(directory)
    try:
        return lib.store.feed(url)
    finally:
        lib.close()


def _asked(server: HTTPServer) -> list[str]:
    return [request.path for request, _ in server.log]


def _moves(server: HTTPServer, status: int = 301) -> tuple[str, str]:
    """The Coast Desk's feed at /old.xml, which moved to /new.xml."""
    server.expect_request("/old.xml").respond_with_response(
        Response(status=status, headers={"Location": server.url_for("/new.xml")})
    )
    return server.url_for("/old.xml"), server.url_for("/new.xml")


def test_a_feed_moved_for_good_is_fetched_where_it_is_now(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _moves(httpserver)
    httpserver.expect_request("/new.xml").respond_with_data(
        rss("Coast Desk", STORIES), content_type="application/rss+xml"
    )
    assert _run(data_dir, "add", old) == 0
    assert _feed(data_dir, old).moved_to == new
    assert _run(data_dir, "mark-read") == 0
    httpserver.clear_log()
    assert _run(data_dir, "sync", "--no-articles") == 0
    # One request, at the new address: not the old one and its redirect at every sync.
    assert _asked(httpserver) == ["/new.xml"]
    capsys.readouterr()
    assert _run(data_dir, "feeds") == 0
    shown = capsys.readouterr().out
    assert f"moved for good to {new}: fetched from there" in shown
    assert "(0 unread of 2)" in shown  # its headlines and marks stay the feed's
    assert _run(data_dir, "export") == 0
    assert f'xmlUrl="{new}"' in capsys.readouterr().out

    # The old address turned off (the domain sold): the feed still works, and brings news.
    httpserver.clear()
    httpserver.expect_request("/old.xml").respond_with_data("", status=404)
    httpserver.expect_request("/new.xml").respond_with_data(
        rss("Coast Desk", LATER), content_type="application/rss+xml"
    )
    assert _run(data_dir, "sync", "--no-articles") == 0
    assert _asked(httpserver) == ["/new.xml"]
    capsys.readouterr()
    assert _run(data_dir, "feeds") == 0
    assert "(1 unread of 3)" in capsys.readouterr().out


@pytest.mark.parametrize("status", [301, 308])
def test_the_address_a_feed_moved_to_is_that_feed_subscribed_already(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str], status: int
) -> None:
    """Its new address added, or imported from another reader's file, was the same feed a
    second time: fetched twice at every sync, each headline "also in" the other, and
    `remove` by its name refused between the two (acc40b P7)."""
    old, new = _moves(httpserver, status)
    httpserver.expect_request("/new.xml").respond_with_data(
        rss("Coast Desk", STORIES), content_type="application/rss+xml"
    )
    assert _run(data_dir, "add", old) == 0
    capsys.readouterr()
    assert _run(data_dir, "add", new) == 0
    said = capsys.readouterr().out
    assert f"already subscribed: {old} (it moved for good to {new})" in said
    urls = data_dir / "urls"
    urls.write_text(f"{new}\n")
    assert _run(data_dir, "import", str(urls)) == 0
    assert "0 feeds added, 1 already subscribed" in capsys.readouterr().out
    lib = Library(data_dir)
    try:
        assert lib.store.feed_urls() == [old]
    finally:
        lib.close()
    httpserver.clear_log()
    assert _run(data_dir, "sync", "--no-articles") == 0
    assert _asked(httpserver) == ["/new.xml"]
    # The new address names the subscription, as the old one does.
    assert _run(data_dir, "remove", new) == 0
    assert _feed(data_dir, old) is None


def test_an_old_address_of_a_feed_subscribed_already_is_that_feed(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The feed followed at its new address, its old one added (a newcomer's bookmark): a
    second subscription, each headline twice, "(also in Coast Desk)" (acc50b B9)."""
    old, new = _moves(httpserver)
    httpserver.expect_request("/new.xml").respond_with_data(
        rss("Coast Desk", STORIES), content_type="application/rss+xml"
    )
    assert _run(data_dir, "add", new) == 0
    capsys.readouterr()
    assert _run(data_dir, "add", old, "--title", "Coast") == 0
    said = capsys.readouterr().out
    assert f"already subscribed: {new} ({old} moved there for good), now shown as Coast" in said
    lib = Library(data_dir)
    try:
        assert lib.store.feed_urls() == [new]
    finally:
        lib.close()


@pytest.mark.parametrize("status", [302, 307])
def test_a_temporary_redirect_moves_nothing(
    httpserver: HTTPServer, data_dir: Path, status: int
) -> None:
    old, _ = _moves(httpserver, status)
    httpserver.expect_request("/new.xml").respond_with_data(
        rss("Coast Desk", STORIES), content_type="application/rss+xml"
    )
    assert _run(data_dir, "add", old) == 0
    assert _feed(data_dir, old).moved_to == ""
    httpserver.clear_log()
    assert _run(data_dir, "sync", "--no-articles") == 0
    assert _asked(httpserver) == ["/old.xml", "/new.xml"]


def test_a_permanent_redirect_to_a_page_that_is_no_feed_moves_nothing(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """A network's login page behind a 301 (or a site's home page): the feed is not re-addressed
    to it, or it would be lost for good once the network lets it through."""
    old, _ = _moves(httpserver)
    httpserver.expect_request("/new.xml").respond_with_data(
        rss("Coast Desk", STORIES), content_type="application/rss+xml"
    )
    assert _run(data_dir, "add", old) == 0
    httpserver.clear()
    httpserver.expect_request("/old.xml").respond_with_response(
        Response(status=301, headers={"Location": httpserver.url_for("/login")})
    )
    httpserver.expect_request("/new.xml").respond_with_response(
        Response(status=301, headers={"Location": httpserver.url_for("/login")})
    )
    httpserver.expect_request("/login").respond_with_data(
        "<html><head><title>Sign in to the Wi-Fi</title></head><body><form></form></body></html>",
        content_type="text/html",
    )
    assert _run(data_dir, "sync", "--no-articles") == 1
    assert _feed(data_dir, old).moved_to == httpserver.url_for("/new.xml")


def test_a_move_the_site_undid_goes_back_to_the_feeds_own_address(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    old, _ = _moves(httpserver)
    httpserver.expect_request("/new.xml").respond_with_data(
        rss("Coast Desk", STORIES), content_type="application/rss+xml"
    )
    assert _run(data_dir, "add", old) == 0
    httpserver.clear()
    httpserver.expect_request("/new.xml").respond_with_data("", status=404)
    httpserver.expect_request("/old.xml").respond_with_data(
        rss("Coast Desk", LATER), content_type="application/rss+xml"
    )
    assert _run(data_dir, "sync", "--no-articles") == 0
    assert _asked(httpserver) == ["/new.xml", "/old.xml"]
    assert _feed(data_dir, old).moved_to == ""


def test_a_move_back_to_the_feeds_own_address_is_no_move(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """The new address sends the reader back for good to the feed's own: "moved for good to"
    its own address was said of it."""
    old, _ = _moves(httpserver)
    httpserver.expect_request("/new.xml").respond_with_data(
        rss("Coast Desk", STORIES), content_type="application/rss+xml"
    )
    assert _run(data_dir, "add", old) == 0
    assert _feed(data_dir, old).moved_to.endswith("/new.xml")
    httpserver.clear()
    httpserver.expect_request("/new.xml").respond_with_response(
        Response(status=301, headers={"Location": old})
    )
    httpserver.expect_request("/old.xml").respond_with_data(
        rss("Coast Desk", LATER), content_type="application/rss+xml"
    )
    assert _run(data_dir, "sync", "--no-articles") == 0
    assert _feed(data_dir, old).moved_to == ""


def test_a_moved_address_reaches_no_further_than_its_redirect_could(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """The new address was a server's word: asked as its redirect was, no more private than
    the address that gave it (a public feed can't send later fetches to the loopback)."""
    url = httpserver.url_for("/feed.xml")
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss("Coast Desk", STORIES), content_type="application/rss+xml"
    )
    assert _run(data_dir, "add", url) == 0
    lib = Library(data_dir)
    feed = lib.store.feed(url)
    lib.store.put_feed(
        dataclasses.replace(
            feed, moved_to=httpserver.url_for("/admin/feed.xml"), reach=Reach.PUBLIC
        )
    )
    lib.close()
    httpserver.clear_log()
    assert _run(data_dir, "sync", "--no-articles") == 0
    assert _asked(httpserver) == ["/feed.xml"]  # refused before it was sent; its own instead


def test_a_failing_feed_says_since_when_and_one_gone_is_asked_weekly(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    live, gone = httpserver.url_for("/live.xml"), httpserver.url_for("/gone.xml")
    httpserver.expect_request("/live.xml").respond_with_data(
        rss("Coast Desk", STORIES), content_type="application/rss+xml"
    )
    httpserver.expect_request("/gone.xml").respond_with_data(
        rss("Business Desk", STORIES), content_type="application/rss+xml"
    )
    for url in (live, gone):
        assert _run(data_dir, "add", url) == 0
    httpserver.clear()
    httpserver.expect_request("/live.xml").respond_with_data(
        rss("Coast Desk", STORIES), content_type="application/rss+xml"
    )
    httpserver.expect_request("/gone.xml").respond_with_data("", status=410)
    # Said the first time, with the line that unsubscribes; no failure (acc39b Q2).
    assert _run(data_dir, "sync", "--no-articles") == 0
    assert (
        "feed gone for good: Business Desk: its site says it is gone (HTTP 410); asked again"
        f" weekly; `reader remove {gone}` unsubscribes" in capsys.readouterr().err
    )
    first = _feed(data_dir, gone)
    assert first.failing_since is not None and first.gone_at is not None

    httpserver.clear_log()
    capsys.readouterr()
    # Not asked again this week, nor reported again (a cron job's `-q` stays silent): said
    # apart in the summary, not counted as synced.
    assert _run(data_dir, "sync", "--no-articles") == 0
    assert _asked(httpserver) == ["/live.xml"]
    again = (first.gone_at + timedelta(days=7)).strftime("%Y-%m-%d")
    said = capsys.readouterr().err
    assert f"synced 1 of 2 feeds (0 new headlines; 1 gone for good, asked again {again})" in said
    assert "feed failed" not in said
    assert _run(data_dir, "sync", "--no-articles", "-q") == 0
    assert capsys.readouterr().err == ""
    assert _run(data_dir, "feeds", "--failing") == 0
    shown = capsys.readouterr().out
    assert "Business Desk" in shown and "Coast Desk" not in shown
    assert f"gone for good since {first.gone_at:%Y-%m-%d} (HTTP 410; last worked: " in shown
    assert f"asked again weekly; `reader remove {gone}` unsubscribes" in shown
    assert "failing since" not in shown

    # A week on, asked again; still failing since the first time.
    lib = Library(data_dir)
    lib.store.put_feed(dataclasses.replace(first, gone_at=_now() - timedelta(days=8)))
    lib.close()
    httpserver.clear_log()
    assert _run(data_dir, "sync", "--no-articles") == 0  # said again, a week on; still no failure
    assert sorted(_asked(httpserver)) == ["/gone.xml", "/live.xml"]
    assert _feed(data_dir, gone).failing_since == first.failing_since

    # Back (the publisher restored it): working, nothing failing kept on it.
    httpserver.clear()
    httpserver.expect_request("/gone.xml").respond_with_data(
        rss("Business Desk", STORIES), content_type="application/rss+xml"
    )
    httpserver.expect_request("/live.xml").respond_with_data(
        rss("Coast Desk", STORIES), content_type="application/rss+xml"
    )
    lib = Library(data_dir)
    lib.store.put_feed(dataclasses.replace(_feed(data_dir, gone), gone_at=None))
    lib.close()
    assert _run(data_dir, "sync", "--no-articles") == 0
    back = _feed(data_dir, gone)
    assert back.failing_since is None and back.gone_at is None and back.last_error is None
    capsys.readouterr()
    assert _run(data_dir, "feeds", "--failing") == 0
    assert capsys.readouterr().out.strip() == "no failing feeds"


def test_feeds_json_says_since_when_a_feed_fails(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = httpserver.url_for("/feed.xml")
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss("Coast Desk", STORIES), content_type="application/rss+xml"
    )
    assert _run(data_dir, "add", url) == 0
    httpserver.clear()
    httpserver.expect_request("/feed.xml").respond_with_data("", status=500)
    assert _run(data_dir, "sync", "--no-articles") == 1
    assert _run(data_dir, "sync", "--no-articles") == 1
    feed = _feed(data_dir, url)
    assert feed.failing_since is not None and feed.failing_since < feed.last_error_at
    capsys.readouterr()
    assert _run(data_dir, "feeds", "--json") == 0
    (shown,) = json.loads(capsys.readouterr().out)
    assert shown["failing_since"] and shown["moved_to"] == "" and shown["gone_at"] is None


def _gone_and_live(server: HTTPServer, data_dir: Path) -> Feed:
    """Two feeds, one of them answering 410 Gone at the sync just made: the feed as kept."""
    live, gone = server.url_for("/live.xml"), server.url_for("/gone.xml")
    for path, title in (("/live.xml", "Coast Desk"), ("/gone.xml", "Business Desk")):
        server.expect_request(path).respond_with_data(
            rss(title, STORIES), content_type="application/rss+xml"
        )
    for url in (live, gone):
        assert _run(data_dir, "add", url) == 0
    server.clear()
    server.expect_request("/live.xml").respond_with_data(
        rss("Coast Desk", STORIES), content_type="application/rss+xml"
    )
    server.expect_request("/gone.xml").respond_with_data("", status=410)
    assert _run(data_dir, "sync", "--no-articles") == 0
    return _feed(data_dir, gone)


def test_the_readers_lines_count_a_feed_gone_for_good_apart(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    first = _gone_and_live(httpserver, data_dir)
    assert first.gone_at is not None
    again = (first.gone_at + timedelta(days=7)).strftime("%Y-%m-%d")

    async def press(key: str, ended: str) -> str:
        async with running(data_dir, (200, 20), prefetch=False) as (app, pilot):
            await pilot.press(key)
            await until(pilot, lambda: ended in app.status, "the end")
            return app.status

    synced = asyncio.run(press("S", "Synced"))
    # After the line of the articles' site, which refuses them (its stories' links: port 9).
    assert "Synced 1 of 2 feeds · " in synced
    assert f" · 1 gone for good, asked again {again}" in synced
    assert "feed failed" not in synced
    refreshed = asyncio.run(press("r", "Refreshed"))
    assert (
        refreshed
        == f"Refreshed 1 of 2 feeds: 0 new headlines · 1 gone for good, asked again {again}"
    )


def test_a_feed_gone_for_good_is_not_taken_for_something_answering(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server = HTTPServer(host="127.0.0.1", port=0)  # its own: stopped below
    server.start()
    try:
        _gone_and_live(server, data_dir)
    finally:
        server.stop()  # no network now: the gone feed, not asked, answered nothing either
    subscribe_elsewhere(data_dir)
    capsys.readouterr()
    assert _run(data_dir, "sync", "--no-articles") == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("reader:")]
    assert lines[0].startswith("reader: No connection: nothing synced")
    assert not _feed(data_dir, server.url_for("/live.xml")).last_error  # not marked failing


@pytest.mark.parametrize(
    ("status", "said"), [(404, "HTTP 404 NOT FOUND"), (410, "gone for good (HTTP 410)")]
)
def test_an_address_answering_nothing_there_is_not_subscribed(
    httpserver: HTTPServer,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    status: int,
    said: str,
) -> None:
    """A typo, or a feed its site ended: the site's own answer that nothing is there. It was
    subscribed, failing at every sync (acc40b P9); a site that can't answer now (503) is."""
    httpserver.expect_request("/typo.xml").respond_with_data("", status=status)
    httpserver.expect_request("/busy.xml").respond_with_data("", status=503)
    typo, busy = httpserver.url_for("/typo.xml"), httpserver.url_for("/busy.xml")
    assert _run(data_dir, "add", typo) == 1
    line = capsys.readouterr().err.strip()
    assert line.startswith(f"reader: {typo} answered: ") and line.endswith("; not subscribed")
    assert said.casefold() in line.casefold() and "\n" not in line
    assert _run(data_dir, "add", busy) == 1
    assert "it stays subscribed" in capsys.readouterr().err
    lib = Library(data_dir)
    try:
        assert lib.store.feed_urls() == [busy]
    finally:
        lib.close()
