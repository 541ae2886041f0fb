"""What the reader says is said in full at any width (acc42a A5, A6): a status line wider than
the screen takes two or three rows (at 40 columns a refresh's summary and a failing feed's
reason were cut with "…"); a notice takes rows of its own above it, never drawn over its text;
`P` lists the last lines and notices in full, after they have gone; `m` says what it did; in an
article, how far in it is comes before the library's counts, which filled a narrow line."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytest_httpserver import HTTPServer
from textual.app import App

from reader.ui.display import when
from reader.ui.widgets.status_bar import StatusBar
from tests.test_status_line_repaint import site as site  # the fixture: six feeds of a story
from tests.test_status_line_repaint import synced_then_moved
from tests.tui_pilot import (
    keys_handled,
    notices,
    on_top,
    open_titled,
    resize,
    running,
    screen_text,
    table,
    until,
)


def bar_rows(app: App[object]) -> list[str]:
    """The status bar's rows as the terminal shows them."""
    bar = app.screen.query_one(StatusBar)
    lines = screen_text(app).splitlines()
    region = bar.content_region
    return [lines[y][region.x : region.right].rstrip() for y in range(region.y, region.bottom)]


def test_a_refresh_s_summary_and_its_failing_feed_s_reason_are_said_whole_at_40_columns(
    site: HTTPServer, data_dir: Path
) -> None:
    synced_then_moved(site, data_dir, 1)  # one feed gone since: 404

    async def go() -> None:
        async with running(data_dir, (40, 15), notifications=True) as (app, pilot):
            await pilot.press("r")
            await until(pilot, lambda: app.status.startswith("Refreshed"), "the summary")
            await keys_handled(pilot)
            said = app.status
            assert "failed: " in said and len(said) > 40, said  # wider than the screen
            rows = bar_rows(app)
            assert 1 < len(rows) <= 3, rows
            # Every word of it, none cut (the selected headline's feed and date after it).
            assert " ".join(rows).startswith(said), rows
            await pilot.press("P")
            from reader.ui.dialogs.messages import MessagesScreen  # here: main has none

            listed = await on_top(pilot, MessagesScreen, "the messages")
            assert any(line == said for _when, line in listed.said)
            shown = " ".join(screen_text(app).split())
            assert " ".join(said.split()[:6]) in shown, shown
            await pilot.press("P")  # its own key closes it
            await until(pilot, lambda: app.screen is app.main_screen, "the list closed")

    asyncio.run(go())


def test_m_says_what_it_did_on_rows_of_its_own_and_m_lists_it_once_gone(
    synced_dir: Path,
) -> None:
    async def go() -> None:
        async with running(synced_dir, (40, 15), prefetch=False, notifications=True) as (
            app,
            pilot,
        ):
            headlines = table(app)
            title = headlines.rows[headlines.cursor].entry.title
            counts = app.status
            await pilot.press("m")
            said = f"Marked read: {title}"
            await until(pilot, lambda: said in notices(app), "m's notice")
            await keys_handled(pilot)
            rows = bar_rows(app)
            # Rows of its own above the status line, which is whole after them: not a toast
            # over its text, read with it as one line.
            notice_rows = next(n for n in range(len(rows)) if " ".join(rows[:n]) == said)
            status = " ".join(rows[notice_rows:])
            assert status != counts and "unread of" in status, rows
            await pilot.press("m")
            unsaid = f"Marked unread: {title}"
            await until(pilot, lambda: unsaid in notices(app), "m's second notice")
            assert said not in notices(app)  # the one after it replaces it
            app.withdraw_notice(unsaid)  # gone, as after its seconds
            await keys_handled(pilot)
            assert " ".join(bar_rows(app)).endswith(app.status)
            await pilot.press("P")
            from reader.ui.dialogs.messages import MessagesScreen  # here: main has none

            listed = await on_top(pilot, MessagesScreen, "the messages")
            lines = [line for _when, line in listed.said]
            assert lines[-2:] == [said, unsaid], lines
            text = " ".join(screen_text(app).split())
            assert text.index("Marked unread") < text.index("Marked read"), text  # newest first

    asyncio.run(go())


def test_in_an_article_how_far_in_comes_first_on_a_narrow_line(synced_dir: Path) -> None:
    async def go() -> None:
        async with running(synced_dir, (40, 15)) as (app, pilot):
            body = await open_titled(pilot, "£412m budget")
            await until(pilot, lambda: body.article is not None, "the article")
            await keys_handled(pilot)
            rows = bar_rows(app)
            # The idle counts, the library's, give way to it on one row: the text keeps its rows.
            assert len(rows) == 1 and rows[0].startswith("0% · "), rows
            assert rows[0].endswith(" min left"), rows
            await pilot.press("r")  # a line that is not the counts comes after it, whole
            await until(pilot, lambda: app.status.startswith("Refreshed"), "the summary")
            await keys_handled(pilot)
            said = " ".join(bar_rows(app))
            assert said.startswith(f"{rows[0]} · Refreshed "), said
            assert said.endswith(app.status[-20:]), said

    asyncio.run(go())


def test_at_40_columns_the_selected_headline_s_feed_and_date_are_in_the_status_line(
    synced_dir: Path,
) -> None:
    async def go() -> None:
        async with running(synced_dir, (40, 15), prefetch=False) as (app, pilot):
            headlines = table(app)
            feeds = set()
            for _ in range(4):
                await pilot.press("j")
                await keys_handled(pilot)
                entry = headlines.rows[headlines.cursor].entry
                feeds.add(entry.feed_title)
                said = " ".join(bar_rows(app))
                moment = entry.published or entry.updated
                assert moment is not None
                # The date as the row would show it, had it room: the time, today.
                assert said.startswith(f"{entry.feed_title} · {when(moment)} · "), said
            assert len(feeds) > 1  # the line follows the cursor from feed to feed
            await resize(pilot, 120, 30)  # wide: the rows show them, the line says them not
            await keys_handled(pilot)
            assert bar_rows(app) == [app.status]

    asyncio.run(go())
