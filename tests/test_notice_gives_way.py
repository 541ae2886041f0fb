"""A line answering one action (`A`'s "Marked 8 headlines of … read · U marks them unread again",
`U`'s "Marked 8 headlines unread again.") gives way to the idle counts once the user leaves the
list, or after some seconds; it stayed for minutes, through other feeds and articles (acc27b
B4). `U` still undoes after the line has gone. Pilot on the synced demo data."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.ui.screens.main import MainScreen
from tests.test_catch_up_keys import choose_feed, unread_of
from tests.tui_pilot import running, status, until


def test_the_marking_line_gives_way_to_the_counts_and_U_still_undoes(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (140, 30), prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            total = unread_of(app, None)
            await choose_feed(pilot, 1)
            marked_feed = screen.feed_url
            in_feed = unread_of(app, marked_feed)
            await pilot.press("A")
            await pilot.pause()
            assert "U marks them unread again" in status(app)
            await pilot.press("tab", "j")  # on to another feed's list
            await pilot.pause()
            assert screen.feed_url != marked_feed
            assert "Marked" not in status(app)
            assert f"{total - in_feed} unread of" in status(app)  # the idle counts
            # Each line the status bar is given (it watches `status` so), kept: a loaded machine
            # may come to look only after the line's 0.2 s have run out.
            said: list[str] = []

            def keep(line: str) -> None:
                said.append(line)

            app.watch(app, "status", keep, init=False)
            app.notice_seconds = 0.2
            await pilot.press("U")  # still undoes
            await pilot.pause()
            assert unread_of(app, None) == total
            assert f"Marked {in_feed} headlines unread again." in said
            # Left on the same list, it goes after its seconds.
            await until(pilot, lambda: "Marked" not in status(app), "the counts back")
            assert f"{total} unread of" in status(app)

    asyncio.run(run())
