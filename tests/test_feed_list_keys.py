"""With the feed list in use, the keys that act on a headline (`m`, `s`, `o`) are neither in the
key bar nor done: they acted on the headline under the other list's cursor, out of sight on a
narrow terminal. Back in the headlines, they are both again. Driven with Pilot on the synced
demo data."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.pilot import Pilot

from reader.ui.widgets.main.feed_list import FeedList
from tests.tui_pilot import running, screen_text, table, until

HEADLINE_KEYS = ("m Read/unread", "s Save", "o Original")


def _key_bar(text: str) -> str:
    return text.splitlines()[-1]


async def _made_again(pilot: Pilot[object], before: str) -> None:
    """Until the key bar is no longer `before`, and made whole ("tab" is in both lists')."""

    def made() -> bool:
        bar = _key_bar(screen_text(pilot.app))
        return bar != before and "tab Feeds/headlines" in bar

    await until(pilot, made, "the key bar made again")


def test_headline_keys_are_not_offered_or_done_from_the_feed_list(
    synced_dir: Path, browser: list[str]
) -> None:
    async def run() -> None:
        async with running(synced_dir, (160, 30), prefetch=False) as (app, pilot):
            bar = _key_bar(screen_text(app))
            assert all(key in bar for key in HEADLINE_KEYS), bar
            await pilot.press("tab")
            await pilot.pause()
            assert isinstance(app.screen.focused, FeedList)
            # The key bar is made again after the focus moved, when a busy machine gets to it
            # (a fixed 0.2 s was a race).
            await _made_again(pilot, bar)
            bar = _key_bar(screen_text(app))
            assert not any(key in bar for key in HEADLINE_KEYS), bar
            assert "tab Feeds/headlines" in bar
            headline = table(app).current
            assert headline is not None and not headline.read and not headline.saved
            await pilot.press("m", "s", "o")
            await pilot.pause()
            current = table(app).current
            assert current is not None and not current.read and not current.saved
            assert browser == []
            # In the headlines, the same keys act on the headline under the cursor.
            await pilot.press("tab")
            await _made_again(pilot, bar)
            assert all(key in _key_bar(screen_text(app)) for key in HEADLINE_KEYS)
            await pilot.press("m", "o")
            # The address `o` opens is read off the event loop: waited for, not one refresh.
            await until(pilot, lambda: bool(browser), "the browser handed an address")
            current = table(app).current
            assert current is not None and current.read
            assert browser == [current.entry.link]

    asyncio.run(run())
