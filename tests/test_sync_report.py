"""What a sync says: a story taken down is an answer, named once and not asked for at every
sync; no network at all is said in one line first; the progress and failure lines stay short."""

from __future__ import annotations

import asyncio
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

import reader.gone
from reader.cli import main
from reader.cli.sync_terminal import progress_display as _progress_display
from reader.library import Library
from reader.models import Entry, ErrorKind, FetchError, Unwritable
from reader.reports import NotOffline, SyncProgress, SyncReport
from tests.no_network import subscribe_elsewhere
from tests.test_library import ARTICLE, feed_xml
from tests.tui_pilot import running, until


@pytest.fixture
def site(own_server: HTTPServer) -> HTTPServer:
    base = own_server.url_for("").rstrip("/")
    long_title = "Storm " * 100  # 600 characters
    items = [
        ("Tide tables revised", "/tide.html", "g1"),
        ("Harbour master resigns", "/gone.html", "g2"),
        ("Regatta postponed", "/withdrawn.html", "g3"),
        (long_title.strip(), "/busy.html", "g4"),
    ]
    own_server.expect_request("/feed.xml").respond_with_data(
        feed_xml(base, items), content_type="application/rss+xml"
    )
    own_server.expect_request("/tide.html").respond_with_data(ARTICLE, content_type="text/html")
    own_server.expect_request("/gone.html").respond_with_data("File not found", status=404)
    own_server.expect_request("/withdrawn.html").respond_with_data("Gone for good", status=410)
    own_server.expect_request("/busy.html").respond_with_data("Try later", status=503)
    return own_server


def _asked(server: HTTPServer, path: str) -> int:
    return sum(request.path == path for request, _ in server.log)


async def _sync(directory: Path, feed: str = "") -> SyncReport:
    async with Library(directory) as lib:
        if feed:
            lib.add_feed(feed)
        return await lib.sync()


def test_a_story_taken_down_is_named_once_and_not_asked_for_at_every_sync(
    site: HTTPServer, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = asyncio.run(_sync(data_dir, site.url_for("/feed.xml")))
    assert {e.title for e, _ in first.gone} == {"Harbour master resigns", "Regatta postponed"}
    assert {e.link.rsplit("/", 1)[1] for e, _ in first.article_failures} == {"busy.html"}
    assert first.articles_fetched == 1

    busy = _asked(site, "/busy.html")
    second = asyncio.run(_sync(data_dir))
    assert second.gone == [] and len(second.article_failures) == 1  # the 503 still fails
    assert _asked(site, "/gone.html") == 1 and _asked(site, "/withdrawn.html") == 1
    assert _asked(site, "/busy.html") > busy  # asked again: another try may bring it

    monkeypatch.setattr(reader.gone, "ASK_AGAIN_AFTER", 0.0)  # a day later
    third = asyncio.run(_sync(data_dir))
    assert _asked(site, "/gone.html") == 2 and third.gone == []  # asked, not named again
    assert third.articles_fetched == 0

    async def offline_reason() -> str:
        async with Library(data_dir) as lib:
            gone = next(h.entry for h in lib.headlines() if h.entry.link.endswith("gone.html"))
            return lib.store.last_failure(gone.link) or ""

    assert asyncio.run(offline_reason()).startswith("HTTP 404")


def test_only_the_transient_failures_make_the_sync_fail(
    site: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "add", site.url_for("/feed.xml")]) == 0
    assert main(["--data-dir", str(data_dir), "sync"]) == 1  # the 503
    err = capsys.readouterr().err
    assert "reader: taken down: Harbour master resigns <" in err and "HTTP 404" in err
    failed = next(line for line in err.splitlines() if "article failed" in line)
    assert len(failed) < 240 and "…" in failed  # the 600-character title cut, as `list` cuts it
    assert "1 failed, 2 taken down" in err


def _offline(site: HTTPServer, data_dir: Path) -> None:
    """The site's feed synced; then no network: it and a feed on another host not answering."""
    asyncio.run(_sync(data_dir, site.url_for("/feed.xml")))
    subscribe_elsewhere(data_dir)
    site.stop()


def test_a_sync_with_no_network_says_so_first(
    site: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _offline(site, data_dir)
    report = asyncio.run(_sync(data_dir))
    # The 503 story left from before is not tried again: it would fail as the feed did.
    assert not report.article_failures
    assert {r.error.kind for r in report.feeds if r.error} == {ErrorKind.NETWORK}
    said = "No connection: nothing synced; the 1 cached article stays readable"
    assert report.no_connection == said
    assert main(["--data-dir", str(data_dir), "sync"]) == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("reader:")]
    assert lines[0] == f"reader: {said}"
    # The feeds alone say the same: it said "nothing is cached yet" (acc27b B11).
    assert main(["--data-dir", str(data_dir), "sync", "--no-articles"]) == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("reader:")]
    assert lines[0] == f"reader: {said}"


def test_S_with_no_network_says_so_rather_than_naming_an_article(
    site: HTTPServer, data_dir: Path
) -> None:
    _offline(site, data_dir)

    async def press_sync() -> str:
        async with running(data_dir, (100, 20), prefetch=False) as (app, pilot):
            await pilot.press("S")
            await until(pilot, lambda: app.status.startswith("No connection"), "the sync's end")
            return app.status

    assert asyncio.run(press_sync()) == (
        "No connection: nothing synced; the 1 cached article stays readable"
    )


def test_r_with_no_network_says_so_and_marks_no_feed_failing(
    site: HTTPServer, data_dir: Path
) -> None:
    _offline(site, data_dir)

    async def press_refresh() -> tuple[str, str]:
        async with running(data_dir, (100, 20), prefetch=False) as (app, pilot):
            await pilot.press("r")
            await until(pilot, lambda: app.status.startswith("No connection"), "the end")
            return app.status, app.summary()

    status, idle = asyncio.run(press_refresh())
    assert status == "No connection: nothing refreshed; the 1 cached article stays readable"
    assert "failing" not in idle  # no "!" on a feed for the network's absence


def test_a_sync_whose_one_site_does_not_answer_names_it_not_the_network(
    site: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every feed on one host that doesn't answer: that site may be down with the network up
    (tester D12), so it is named, not "No connection"; in the reader's lines too."""
    asyncio.run(_sync(data_dir, site.url_for("/feed.xml")))
    at = f"127.0.0.1:{site.port}"
    site.stop()
    said = f"Nothing answered at {at}: nothing synced; the 1 cached article stays readable"
    assert asyncio.run(_sync(data_dir)).no_connection == said
    assert main(["--data-dir", str(data_dir), "sync"]) == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("reader:")]
    assert lines[0] == f"reader: {said}"

    async def press(key: str) -> str:
        async with running(data_dir, (120, 20), prefetch=False) as (app, pilot):
            await pilot.press(key)
            await until(pilot, lambda: app.status.startswith("Nothing answered"), "the end")
            return app.status

    assert asyncio.run(press("S")) == said
    assert asyncio.run(press("r")) == (
        f"Nothing answered at {at}: nothing refreshed; the 1 cached article stays readable"
    )


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_line_shows_no_rate_before_there_is_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screen = _Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    update, finish = _progress_display()
    update(SyncProgress("feeds", 0, 4))
    finish()
    drawn = screen.getvalue()
    assert "0/4" in drawn and "/s" not in drawn


@pytest.mark.parametrize("columns", [120, 80, 40])
def test_what_the_end_waits_for_never_cuts_the_count_and_the_time(
    monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """The articles the sync's end waits for said on a line of their own: in a column of the
    row, at 120 columns, it cut the count and the time to "4/…" and "0:0…" (acc44a A9, acc44b
    B2)."""
    monkeypatch.setenv("COLUMNS", str(columns))
    screen = _Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    update, finish = _progress_display()
    update(SyncProgress("feeds", 5, 5))
    waits = (("127.0.0.1:18106", 16),)
    update(SyncProgress("articles", 5, 5, articles_done=4, articles_total=20, waiting=waits))
    finish()
    drawn = screen.getvalue()
    assert "4/20" in drawn and "0:00:0" in drawn and "…" not in drawn
    said = "waiting for the last 16 articles, at 127.0.0.1:18106; Ctrl-C keeps what came"
    assert " ".join(drawn.split()).count(said) >= 1
    row = next(line for line in drawn.splitlines() if "4/20" in line)
    assert "waiting" not in row


def test_a_quiet_sync_prints_only_what_failed(
    site: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`reader sync -q`, as cron runs it: no progress and no summary, the failed article
    named; a second quiet sync with nothing failing would print nothing at all (see below)."""
    assert main(["--data-dir", str(data_dir), "add", site.url_for("/feed.xml")]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "sync", "--quiet"]) == 1  # the 503
    said = capsys.readouterr()
    assert said.out == ""
    lines = said.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: article failed: Storm Storm")
    assert lines[0].endswith("/busy.html>: HTTP 503 SERVICE UNAVAILABLE")
    # The same sync, not quiet: the stories taken down and the summary are said too.
    assert main(["--data-dir", str(data_dir), "sync"]) == 1
    loud = capsys.readouterr().err
    # Its stderr no terminal: the summary, and no progress lines (cron mailed them).
    assert "synced 1 of 1 feed" in loud and "feeds: " not in loud


def _subscribe_to_one_story(httpserver: HTTPServer, data_dir: Path) -> None:
    """`data_dir` subscribed to a feed of one story, served with its page."""
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed_xml(base, [("Tide tables revised", "/tide.html", "g1")]),
        content_type="application/rss+xml",
    )
    httpserver.expect_request("/tide.html").respond_with_data(ARTICLE, content_type="text/html")
    assert main(["--data-dir", str(data_dir), "add", base + "/feed.xml"]) == 0


def test_a_quiet_sync_that_went_well_prints_nothing(
    data_dir: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    _subscribe_to_one_story(httpserver, data_dir)
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "sync", "-q"]) == 0
    assert capsys.readouterr() == ("", "")


def test_S_during_the_refresh_on_opening_stops_it_and_syncs(tmp_path: Path) -> None:
    """`S` pressed at the gate while the reader's refresh on opening still runs: the refresh
    gives way to the sync (which refreshes every feed too), not "Already busy"."""
    from reader.demo.server import DemoServer
    from reader.ui.app import ReaderApp

    data = tmp_path / "data"
    with DemoServer(latency=0.4) as demo:
        lib = Library(data)
        for url in demo.feed_urls:
            lib.add_feed(url)
        lib.close()

        async def gate() -> None:
            app = ReaderApp(data)  # refreshes on opening
            app.prefetch_limit = 0
            async with app.run_test(size=(100, 20), notifications=True) as pilot:
                await until(pilot, lambda: app._busy == "refreshing", "the refresh on opening")
                await pilot.press("S")

                def done() -> object:
                    p = app.sync_progress
                    return p and (p.feeds_done, p.articles_done, p.pictures_done)

                # 28 pages 0.4 s late each, read one at a time by the page worker: at load 20
                # the sync was still going at 40 s ("articles 9/28"), not stuck.
                await until(
                    pilot,
                    lambda: app.status.startswith("Synced"),
                    "the sync's end",
                    progress=done,
                )
                assert not any("Already busy" in n.message for n in app._notifications)
                assert app.index.cached > 20  # the articles are in, for offline

        asyncio.run(gate())


def test_every_sync_ends_saying_what_is_not_readable_offline(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """The last sync before a flight, with nothing new, still says what won't open in the air:
    counted over every headline, not only the sync's own, with the list that shows them."""
    from tests.test_cli import reader
    from tests.test_paywall import UNDECLARED_WALL

    base = httpserver.url_for("").rstrip("/")
    items = [
        ("Tide tables revised", "/tide.html", "g1"),
        ("Dredging vote put off", "/wall.html", "g2"),
        ("Harbour plan in full", "/plan.pdf", "g3"),
        ("Ferry timetable talks", "/busy.html", "g4"),
    ]
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed_xml(base, items), content_type="application/rss+xml"
    )
    httpserver.expect_request("/tide.html").respond_with_data(ARTICLE, content_type="text/html")
    httpserver.expect_request("/wall.html").respond_with_data(
        UNDECLARED_WALL, content_type="text/html"
    )
    httpserver.expect_request("/plan.pdf").respond_with_data(
        b"%PDF-1.4\n% the harbour plan\n", content_type="application/pdf"
    )
    httpserver.expect_request("/busy.html").respond_with_data("Try later", status=503)
    assert reader(data_dir, "add", base + "/feed.xml").returncode == 0
    first = reader(data_dir, "sync")
    again = reader(data_dir, "sync")  # nothing new: what one runs at the gate
    recap = (
        "not readable offline: 1 failed, 1 link to a PDF, audio or other file (↗), "
        "1 only in part (½); `reader list --not-offline` lists them"
    )
    assert first.stderr.splitlines()[-1] == recap, first.stderr
    assert again.returncode == 1 and "0 new headlines" in again.stderr
    assert again.stderr.splitlines()[-1] == recap, again.stderr
    listed = reader(data_dir, "list", "--not-offline", "--json")
    assert listed.returncode == 0, listed.stderr
    titles = {item["title"] for item in json.loads(listed.stdout)}
    assert titles == {"Dredging vote put off", "Harbour plan in full", "Ferry timetable talks"}


def test_the_tuis_sync_line_ends_with_what_is_not_readable_offline() -> None:
    from reader.ui.app_sync import sync_summary

    report = SyncReport(not_offline=NotOffline(failed=2, not_pages=2, in_part=1))
    # Before the failures' example and the rest, which the screen's width may cut.
    assert sync_summary(report).endswith(
        "already cached · not readable offline: 2 failed, 2 ↗, 1 ½"
    )
    assert " · not readable" not in sync_summary(SyncReport())  # said only when there is some


def test_a_sync_stopped_by_quitting_is_said_at_the_next_start_until_one_ends(
    tmp_path: Path, httpserver: HTTPServer, silent_server: str
) -> None:
    """`S`, then `q` before it ends (the boarding call): the reader opened later says the
    last sync stopped before its end, in its idle line, until a sync goes to the end."""
    from hostile_site import rss

    from reader.demo.server import DemoServer
    from reader.ui.app import ReaderApp
    from tests.tui_pilot import started

    data = tmp_path / "data"
    # A story on a host that never answers holds the sync until the quit, however slow the
    # machine.
    httpserver.expect_request("/held.xml").respond_with_data(
        rss("Held Desk", [("The story that never comes", silent_server + "story")]),
        content_type="application/rss+xml",
    )
    held = httpserver.url_for("/held.xml")
    stopped = "the last sync was stopped before its end: S carries on"
    with DemoServer() as demo:
        lib = Library(data)
        for url in [*demo.feed_urls, held]:
            lib.add_feed(url)
        lib.close()

        async def quit_mid_sync() -> str:
            app = ReaderApp(data, refresh_on_start=False)
            app.prefetch_limit = 0
            async with app.run_test(size=(120, 20)) as pilot:
                await started(pilot)
                assert stopped not in app.status and not app.said_at_exit
                await pilot.press("S")
                await until(pilot, lambda: app.index.cached >= 1, "an article cached")
                assert app._busy == "syncing"
                await pilot.press("q")
            return app.said_at_exit

        async def reopen(refresh: bool = False) -> str:
            app = ReaderApp(data, refresh_on_start=refresh)
            app.prefetch_limit = 0
            async with app.run_test(size=(120, 20)) as pilot:
                await started(pilot)
                if refresh:  # the refresh on opening's line stood over the note (acc31a F1)
                    await until(pilot, lambda: app.status.startswith("Refreshed"), "refreshed")
                return app.status

        # Said on the terminal too, as the shell comes back (run_app prints it): quitting
        # stopped it, and what is not offline yet (acc44a A15).
        said = asyncio.run(quit_mid_sync())
        assert said.startswith("sync interrupted") and " cached for offline (" in said
        assert " not yet" in said and said.endswith("; `reader sync` or S carries on")
        assert stopped in asyncio.run(reopen())
        assert stopped in asyncio.run(reopen(refresh=True))
        lib = Library(data)
        lib.remove_feed(held)  # the next sync can end
        lib.close()
        assert asyncio.run(_sync(data)).ok  # a sync to its end, here `reader sync`'s
        assert stopped not in asyncio.run(reopen())


def test_a_sync_in_another_window_shows_in_the_reader_left_open(
    synced_dir: Path, site: HTTPServer
) -> None:
    """`reader sync` run in another terminal: the reader left open reads its headlines in,
    with no `r` pressed."""
    from reader.ui.app import ReaderApp

    def sync_elsewhere() -> None:
        asyncio.run(_sync(synced_dir, site.url_for("/feed.xml")))

    async def left_open() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        app.outside_every = 0.2
        async with app.run_test(size=(100, 20)) as pilot:
            await asyncio.wait_for(app.ready.wait(), 30)
            before = len(app.index.headlines)
            await asyncio.to_thread(sync_elsewhere)
            await until(pilot, lambda: len(app.index.headlines) > before, "the other's sync")
            assert any(h.entry.title == "Tide tables revised" for h in app.index.headlines)

    asyncio.run(left_open())


def test_a_feed_of_many_stories_taken_down_is_named_in_one_line_past_five(
    data_dir: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """A wire feed whose old pages answer 404 names five and counts the rest in one line of
    its own, so the feed that failed stays in sight; the summary counts them all, and `-q`
    names none of them, as before (acc27b B1)."""
    base = httpserver.url_for("").rstrip("/")
    items = "".join(
        f"<item><title>Wire story {n}</title><link>{base}/wire/{n}.html</link>"
        f"<guid>w{n}</guid><pubDate>Tue, 24 Nov 2026 {n:02}:00:00 GMT</pubDate></item>"
        for n in range(12)
    )
    httpserver.expect_request("/wire.xml").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire Service Firehose</title>'
        f"{items}</channel></rss>",
        content_type="application/rss+xml",
    )
    httpserver.expect_request(re.compile(r"/wire/\d+\.html")).respond_with_data(
        "File not found", status=404
    )
    httpserver.expect_request("/broken.xml").respond_with_data("Oops", status=500)
    for feed in ("/wire.xml", "/broken.xml"):
        main(["--data-dir", str(data_dir), "add", base + feed])
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "sync"]) == 1  # the feed that failed
    lines = capsys.readouterr().err.splitlines()
    assert sum(line.startswith("reader: taken down: Wire story") for line in lines) == 5
    assert (
        "reader: Wire Service Firehose: 7 more stories taken down (404/410);"
        " `reader list --not-offline` lists them"
    ) in lines
    assert any(line.startswith("reader: feed failed: ") for line in lines)
    assert any("12 taken down" in line for line in lines)
    listed = main(["--data-dir", str(data_dir), "list", "--not-offline", "--ids"])
    assert listed == 0 and len(capsys.readouterr().out.split()) == 12
    # A quiet sync names no story taken down (nor a day later, when they are asked again).
    monkey = pytest.MonkeyPatch()
    monkey.setattr(reader.gone, "ASK_AGAIN_AFTER", 0.0)
    try:
        main(["--data-dir", str(data_dir), "sync", "-q"])
    finally:
        monkey.undo()
    assert "taken down" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("why", "unwritable", "said"),
    [
        (
            "the disk holding /d is full (or failing): nothing more could be kept",
            Unwritable.DISK_FULL,
            "The disk is full",
        ),
        (
            "the data directory /d is read-only: reading works",
            Unwritable.READ_ONLY,
            "The data directory is read-only",
        ),
        # The cause is the store's word, not one of the message's: a directory named so is
        # no full disk.
        ("cache error in /home/ann/is full: database is locked", None, "The cache takes no writes"),
    ],
)
def test_the_tuis_sync_line_opens_with_what_stopped_it_keeping_articles(
    why: str, unwritable: Unwritable | None, said: str
) -> None:
    """A line is cut at the screen's width: "the disk holding … is full" came past the 200th
    column, after "110 failed (e.g. …" (acc29b T18). First and short, then the rest."""
    from reader.ui.app_sync import sync_summary

    entries = [
        Entry(id=f"e{n}", feed_url="f", title=f"Story {n}", link=f"http://x/{n}") for n in range(3)
    ]
    report = SyncReport(
        articles_fetched=46,
        article_failures=[
            (e, FetchError(ErrorKind.STORAGE, why, e.link, unwritable=unwritable)) for e in entries
        ],
    )
    line = sync_summary(report)
    assert line.startswith(f"{said}: 3 articles not cached · Synced 0 of 0 feeds · 46 articles")
    assert "failed (e.g." not in line  # said once, first


def test_the_recap_is_counted_without_making_every_headline_again(
    site: HTTPServer, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What is not readable offline, said at a sync's end, is counted from the headlines'
    article keys: the headlines were made once, as the sync began (a year's 51,000 made again
    took 0.7 s CPU and ~100 MB at every sync's end), and the count is theirs."""
    made: list[int] = []

    async def run() -> tuple[SyncReport, NotOffline]:
        async with Library(data_dir) as lib:
            lib.add_feed(site.url_for("/feed.xml"))
            making = lib._feed_headlines  # every list's headlines are made by it

            def counted(*args: Any, **kwargs: Any) -> Any:
                made.append(1)
                return making(*args, **kwargs)

            monkeypatch.setattr(lib, "_feed_headlines", counted)
            report = await lib.sync()
            monkeypatch.setattr(lib, "_feed_headlines", making)
            listed = lib.headlines()
            gone, failed = lib.store.gone_keys(), lib.store.failed_keys()
        marked = NotOffline(
            failed=sum(h.key in failed and h.key not in gone for h in listed if not h.cached),
            taken_down=sum(h.key in failed and h.key in gone for h in listed if not h.cached),
            in_part=sum(h.partial for h in listed),
            not_pages=sum(h.not_article for h in listed),
        )
        return report, marked

    report, marked = asyncio.run(run())
    assert made == [1]  # as the sync began; made again at its end, before
    assert report.not_offline == marked
    assert (marked.failed, marked.taken_down) == (1, 2)


def test_a_sync_says_it_indexes_what_it_cached_for_search_on_a_terminal_only(
    httpserver: HTTPServer, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sync's end brings the search index up to date (~8 s for 5,000 articles): a row of
    the progress says so on a terminal, where the sync seemed to hang; nothing in a log."""
    base = httpserver.url_for("").rstrip("/")
    items = [("Tide tables revised", "/tide.html", "g1"), ("Ferry talks", "/ferry.html", "g2")]
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed_xml(base, items), content_type="application/rss+xml"
    )
    for path in ("/tide.html", "/ferry.html"):
        httpserver.expect_request(path).respond_with_data(ARTICLE, content_type="text/html")
    reports: list[SyncProgress] = []

    async def run() -> None:
        async with Library(data_dir) as lib:
            lib.add_feed(base + "/feed.xml")
            await lib.sync(progress=reports.append)

    asyncio.run(run())
    indexing = [p for p in reports if p.phase == "indexing"]
    assert indexing and {p.to_index for p in indexing} == {2}
    assert (indexing[0].indexed, indexing[-1].indexed) == (0, 2)
    assert reports[-1].phase == "done" and reports.index(indexing[-1]) == len(reports) - 2
    assert indexing[0].indexing_line() == "Indexing 2 new articles for search…"

    httpserver.expect_request("/story.html").respond_with_data(ARTICLE, content_type="text/html")
    items.append(("Harbour dues", "/story.html", "g3"))
    httpserver.clear_all_handlers()
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed_xml(base, items), content_type="application/rss+xml"
    )
    for path in ("/tide.html", "/ferry.html", "/story.html"):
        httpserver.expect_request(path).respond_with_data(ARTICLE, content_type="text/html")
    screen = _Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    assert main(["--data-dir", str(data_dir), "sync"]) == 0
    assert "Indexing 1 new article for search…" in screen.getvalue()


def test_a_sync_to_a_log_says_nothing_of_the_index(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _subscribe_to_one_story(httpserver, data_dir)
    assert main(["--data-dir", str(data_dir), "sync"]) == 0
    said = capsys.readouterr().err
    assert "synced 1 of 1 feed" in said
    assert "articles: " not in said and "ndexing" not in said


def test_the_articles_queued_once_every_feed_is_in_are_told_before_the_first_is_done(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """Headlines listed before the sync (their feed unchanged, or failing this time) have
    their articles queued once every feed is in: their number is told then, not with the
    first of them done. A SIGTERM meanwhile said "interrupted: 5 of 1 article cached for
    offline (0 not yet)", the total the feeds had brought (test_travel, at load 30)."""
    from reader.config import FetchLimits

    base = httpserver.url_for("").rstrip("/")
    items = [(f"Harbour story {n}", f"/story{n}.html", f"g{n}") for n in range(3)]
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed_xml(base, items), content_type="application/rss+xml"
    )
    reports: list[SyncProgress] = []

    async def run() -> None:
        async with Library(data_dir, limits=FetchLimits(retries=0)) as lib:
            lib.add_feed(base + "/feed.xml")
            await lib.sync(articles=False)  # the headlines listed, no article fetched
            httpserver.clear_all_handlers()
            httpserver.expect_request("/feed.xml").respond_with_data("down", status=500)
            for _title, path, _guid in items:
                httpserver.expect_request(path).respond_with_data(ARTICLE, content_type="text/html")
            await lib.sync(progress=reports.append)

    asyncio.run(run())
    told = [(p.articles_done, p.articles_total) for p in reports if p.phase == "articles"]
    assert told[0] == (0, 3) and told[-1] == (3, 3)
