"""A reader left open for days, or woken from a suspend: its status line says when the last
refresh ended, and how long ago, and the age stays true as the clock moves on (acc43c C4:
"Refreshed 3 of 3 feeds: 0 new headlines" may have been hours old, nothing said so). The real
app and library on a feed served on 127.0.0.1, driven by Pilot; the status bar's clock is set
hours, then days, past the refresh, as a night or a suspend leaves it."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from served_feed import serve_one_item

from reader.ages import age
from reader.cli import main
from reader.ui.job_ended import JobEnded, job_tail
from reader.ui.widgets.status_bar import StatusBar
from tests.cli_run import run_reader
from tests.tui_pilot import resize, running, started, status, until


def said(at: datetime, now: datetime) -> str:
    """The refresh's time as the line gives it at `now`: its date too once the day turned."""
    return f"{at:%H:%M}" if at.date() == now.date() else f"{at:%Y-%m-%d %H:%M}"


def test_ages_to_the_minute() -> None:
    then = datetime(2026, 12, 6, 20, 9).astimezone()
    assert age(then, then + timedelta(seconds=59)) == ""
    assert age(then, then - timedelta(hours=3)) == ""  # the clock put back: no age at all
    assert age(then, then + timedelta(minutes=7, seconds=30)) == "7 min ago"
    assert age(then, then + timedelta(hours=2, minutes=59)) == "2 h ago"
    assert age(then, then + timedelta(hours=47)) == "47 h ago"
    assert age(then, then + timedelta(days=3, hours=5)) == "3 days ago"


def test_the_idle_counts_say_when_the_feeds_were_refreshed() -> None:
    then = datetime(2026, 12, 6, 20, 9).astimezone()
    ended = JobEnded("Refreshed 3 of 3 feeds: 0 new headlines", then.timestamp(), True)
    later = then + timedelta(hours=2)
    idle = "All feeds · 1972 unread of 2068"
    assert job_tail(ended, idle, idle, later) == " · refreshed 20:09, 2 h ago"
    assert job_tail(ended, "Marked read", idle, later) == ""
    # A refresh that read no feed refreshed nothing: its own line says so, the counts don't.
    failed = JobEnded("Refreshed 0 of 3 feeds, 3 failed (!)", then.timestamp(), False)
    assert job_tail(failed, idle, idle, later) == ""
    assert job_tail(failed, failed.line, idle, later) == " · at 20:09, 2 h ago"
    next_day = then + timedelta(days=1, hours=3)
    assert job_tail(ended, ended.line, idle, next_day) == f" · at {then:%Y-%m-%d} 20:09, 27 h ago"


def test_the_summary_of_a_refresh_says_its_time_and_its_age_as_it_grows(
    httpserver: HTTPServer, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(StatusBar, "AGE_CHECK_SECONDS", 0.05)
    url = serve_one_item(
        httpserver, "Night Desk Wire", "Council weighs harbour plan", "https://wire.example/1"
    )
    assert main(["--data-dir", str(data_dir), "add", url]) == 0

    async def left_open() -> None:
        async with running(data_dir, (120, 20), prefetch=False) as (app, pilot):
            await pilot.press("r")
            await until(pilot, lambda: app.status.startswith("Refreshed"), "the refresh's end")
            ended = app.job_ended
            assert ended is not None and ended.line == app.status
            at = datetime.fromtimestamp(ended.at).astimezone()
            await until(pilot, lambda: status(app) != app.status, "the time said")
            assert status(app) == f"{app.status} · at {at:%H:%M}"

            bar = app.screen.query_one(StatusBar)
            clock = {"now": at + timedelta(hours=2, minutes=5)}
            bar.now = lambda: clock["now"]
            await until(pilot, lambda: status(app).endswith(", 2 h ago"), "two hours on")
            assert status(app) == f"{app.status} · at {said(at, clock['now'])}, 2 h ago"
            clock["now"] = at + timedelta(days=3, minutes=1)  # a suspend over a long weekend
            await until(pilot, lambda: status(app).endswith("3 days ago"), "three days on")
            assert status(app) == f"{app.status} · at {at:%Y-%m-%d %H:%M}, 3 days ago"

            # Narrow: the line keeps its one row, the age left out rather than a row more.
            await resize(pilot, 60, 20)
            await until(pilot, lambda: " · at " not in status(app), "the age left out")
            assert bar.rows == 1

    asyncio.run(left_open())


def test_the_idle_line_says_a_refresh_by_another_process(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """A cron's `reader sync` beside the open reader: its "refreshed" follows it (acc46c F3),
    as the feed's footer and `reader feeds` do, not the reader's own refresh an hour before,
    even when the sync brought nothing new."""
    from reader.ui.app import ReaderApp

    url = serve_one_item(
        httpserver, "Night Desk Wire", "Council weighs harbour plan", "https://wire.example/1"
    )
    assert main(["--data-dir", str(data_dir), "add", url]) == 0

    async def left_open() -> None:
        app = ReaderApp(data_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        app.outside_every = 0.2
        async with app.run_test(size=(120, 20)) as pilot:
            await started(pilot)
            # The reader's own refresh, an hour ago.
            hour_ago = datetime.now().astimezone() - timedelta(hours=1)
            app.job_ended = JobEnded("Refreshed 1 of 1 feeds", hour_ago.timestamp(), True)
            await until(pilot, lambda: " · refreshed " in status(app), "the idle line's time")
            done = await asyncio.to_thread(run_reader, data_dir, "sync", "-q", "--no-articles")
            assert done.returncode == 0, done.stderr
            synced = datetime.now().astimezone()
            await until(
                pilot, lambda: status(app).endswith(f"{synced:%H:%M}"), "the cron sync's time"
            )
            assert status(app) == f"{app.status} · refreshed {synced:%H:%M}"

    asyncio.run(left_open())
