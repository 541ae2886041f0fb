"""A reader left open across midnight: a headline row shows a bare time ("19:43") only for
today's headlines, and the rows drawn in the evening kept it after midnight, yesterday's
stories read as today's until the list was made again (acc43c C1). The real app and library
(the demo site's headlines), driven by Pilot; the table's clock is set to the evening of a
headline's day, then past midnight."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest

from reader.dates import in_local_time
from reader.ui.messages import FeedSelected
from reader.ui.widgets.main.feed_list import FeedList
from reader.ui.widgets.main.headline_table import HeadlineTable
from tests.tui_pilot import running, screen_text, until


def test_an_open_list_shows_yesterdays_times_as_dates_once_the_day_turns(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(HeadlineTable, "DAY_CHECK_SECONDS", 0.05)

    async def run() -> None:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            table = app.screen.query_one(HeadlineTable)
            await until(pilot, lambda: bool(table.rows), "the headlines")
            entry = next(h.entry for h in table.rows if h.entry.published is not None)
            stamp = in_local_time(entry.published)  # type: ignore[arg-type]
            clock = {"now": stamp.replace(hour=23, minute=59, second=0)}
            if clock["now"] < stamp:
                clock["now"] = stamp
            table.now = lambda: clock["now"]
            title = entry.title[:30]

            def row() -> str:
                return next(line for line in screen_text(app).splitlines() if title in line)

            await until(pilot, lambda: f"{stamp:%H:%M}" in row(), "the evening's time")
            clock["now"] = (stamp + timedelta(days=1)).replace(hour=0, minute=1)
            await until(pilot, lambda: f"{stamp:%Y-%m-%d}" in row(), "the date after midnight")
            assert f"{stamp:%H:%M}" not in row()

    asyncio.run(run())


def test_a_feeds_synced_time_under_its_list_is_a_date_once_the_day_turns(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under a feed's headlines, "refreshed 19:42": the rows were drawn again at midnight, that
    line was not (days44)."""
    monkeypatch.setattr(HeadlineTable, "DAY_CHECK_SECONDS", 0.05)

    async def run() -> None:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            table = app.screen.query_one(HeadlineTable)
            await until(pilot, lambda: bool(table.rows), "the headlines")
            # The start's last word on the list (`HeadlinesChanged(filled=…)`) heard, which
            # made the title again: after it nothing would, but the day turning.
            await until(pilot, app.shown.is_set, "the start's end")
            await pilot.pause()
            feed = next(f for f in app.screen.query_one(FeedList).feeds.values() if f.last_success)
            synced = in_local_time(feed.last_success)  # type: ignore[arg-type]
            clock = {"now": synced.replace(hour=23, minute=59, second=59)}
            table.now = lambda: clock["now"]
            app.screen.post_message(FeedSelected(feed.url))
            evening = f"refreshed {synced:%H:%M}"
            await until(pilot, lambda: evening in screen_text(app), evening)
            clock["now"] = (synced + timedelta(days=1)).replace(hour=0, minute=1)
            dated = f"refreshed {synced:%Y-%m-%d}"
            await until(pilot, lambda: dated in screen_text(app), dated)
            assert evening not in screen_text(app)

    asyncio.run(run())
